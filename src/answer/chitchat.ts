import { fold } from '../text/fold';

export type ChitchatIntent = 'greeting' | 'thanks' | 'help' | 'bye' | 'identity' | 'empty';

const HELLO = "(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)|hallo|hoi|goedemorgen|goedemiddag|goedenavond|bonjour|bonsoir|salut|coucou|guten (morgen|tag|abend)|servus|hola|buenos dias|buenas( tardes| noches)?|ciao|buongiorno|buonasera|salve|ola|oi|bom dia|boa (tarde|noite))( there| all| everyone| bot| friend| team| a tutti| a todos| a tous| allemaal| zusammen)?";
const HOW_ARE_YOU = "(how are (you|u)( doing| today)?|how's it going|what's up|whats up|sup|hoe gaat het( met (je|jou|u))?|ca va|comment ca va|comment allez vous|wie geht's|wie gehts|wie geht es (dir|ihnen)|que tal|como estas|come stai|come va|tudo bem|como vai)";
const GREETING = `(${HELLO}|${HOW_ARE_YOU})`;

// Whole-message patterns on folded text with punctuation and emoji removed.
const INTENTS: [ChitchatIntent, RegExp][] = [
  // One or more greetings in a row: "hallo, goedemorgen", "hola, ¿qué tal?", "hi there, how are you".
  ['greeting', new RegExp(`^${GREETING}( ${GREETING})*$`)],
  ['thanks', /^((many |great |ok |okay )?(thanks|thank you|thx|ty|cheers|thank u|much appreciated|appreciated|dank je( wel)?|dankjewel|bedankt|merci( beaucoup)?|danke( schon| sehr)?|gracias|grazie( mille)?|obrigad[oa])( so much| very much| a lot| again| for (the|your) (help|answer|reply|information|info))?( bot)?|great thanks|perfect thanks|that helps|that helped|ok thanks)$/],
  // Praise takes the same reply: "good bot", "lol ur a good bot", "you're so helpful".
  ['thanks', /^((lol|haha|wow|ok) )?((you re|you're|youre|you are|ur|u r|u are) )?((a|such a|so|very) )?(good|great|nice|cool|awesome|perfect|smart|helpful|clever|brilliant)( (bot|job|work|answer))?$/],
  ['bye', /^(bye|goodbye|good bye|good night|goodnight|night|talk (to you )?later|ttyl|(ok |okay )?(that's|that s|thats|that is) (all|it)( for now| for today)?|see you|see ya|cya|later|doei|dag|tot ziens|tot straks|tot later|tot zo|au revoir|a bientot|a plus|tschuss|auf wiedersehen|bis bald|bis spater|adios|hasta luego|hasta pronto|nos vemos|arrivederci|a presto|ci vediamo|tchau|ate logo)( now| then| bot| later| soon)?$/],
  // Well-wishing that closes a chat: "have a nice day", "fijne dag", "bonne journee".
  ['bye', /^(have a (nice|good|great|lovely) (day|one|evening|weekend)|(nice|good) (day|evening|weekend)|fijne (dag|avond|middag)|prettige dag|bonne (journee|soiree)|schonen tag( noch)?|buen dia|buona giornata)$/],
  ['help', /^(help|help me|(can|could|would) you help( me)?|what ((kinds?|sorts?) of )?(things )?can (you|u) help( me)? with|what (can|could) i ask( about)?|i need (some )?help|help please|please help( me)?|what can (you|u) do|what do you do|what do you know|what can i ask( you)?|how do(es)? (this|it) work|how do i use (this|you)|commands|usage|hulp|help mij|aide|aidez moi|hilfe|ayuda|aiuto|examples?|options|menu|start|wat (kan|kun|kunt) (je|jij|u)( (allemaal )?(doen|vragen))?|waarmee kan (je|jij|u) helpen|que (peux|pouvez) (tu|vous) faire|tu sais faire quoi|que sais tu faire|qu'est ce que tu sais faire|qu est ce que tu sais faire|qu'est ce que (tu peux|vous pouvez) faire|was kannst du( tun| machen)?|was konnen sie( tun| machen)?|que puedes hacer|en que (me )?puedes ayudar|cosa (puoi|sai) fare|come (puoi|mi puoi) aiutar(e|mi))$/],
  ['identity', /^(who (are|r) (you|u)|who (made|built|created|wrote|programmed) (you|u)|what are (you|u)|are you a bot|are you human|what is your name|what's your name|wie ben jij|qui es tu)$/],
];

// Thanks, and the words that ask a question, in the supported languages (folded).
const THANKS_WORDS = 'thanks|thank you|thx|cheers|merci|bedankt|dank je|danke|gracias|grazie';
const ASKING_WORDS =
  'who|what|when|where|which|why|how|wie|wat|wanneer|waar|welke|waarom|hoe|hoeveel|qui|quoi|quand|ou|comment|combien|pourquoi|quel|quelle|' +
  'wer|wann|wo|welche|warum|quien|cuando|donde|cual|cuanto|chi|cosa|quando|dove|quale|perche';
// Thanks with a few words more ("thanks, that was quick"), but no question after them: no "?" and no asking word
// ("merci, qui préside le comité", "thanks! btw what is the budget").
const THANKS_AND_MORE_RE = new RegExp(`^(${THANKS_WORDS})\\b[^?]{0,40}$`);
const ASKING_WORD_RE = new RegExp(`\\b(${ASKING_WORDS})\\b`);

/** A message of several small-talk parts ("hola! ¿qué puedes hacer?") means its most telling part: help first. */
const INTENT_PRIORITY: readonly ChitchatIntent[] = ['help', 'identity', 'thanks', 'bye', 'greeting'];

const intentOfPart = (part: string): ChitchatIntent | null => {
  for (const [intent, re] of INTENTS) if (re.test(part)) return intent;
  return null;
};

/** A folded message's parts between sentence punctuation, each cut to letters, digits and spaces. */
const partsOf = (folded: string): string[] =>
  folded
    .split(/[!?.,;:¡¿]+/)
    .map((p) => p.replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/** Recognises greetings, thanks, help requests and the like; returns null for anything else. */
export function chitchatIntent(text: string): ChitchatIntent | null {
  const folded = fold(text);
  const base = folded.replace(/[^\p{L}\p{N}?'\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!base.replace(/[?\s]/g, '')) return base ? 'help' : 'empty';
  const cleaned = base.replace(/\?/g, '').replace(/\s+/g, ' ').trim();
  if (!cleaned) return 'empty';
  const whole = intentOfPart(cleaned) ?? (THANKS_AND_MORE_RE.test(base) && !ASKING_WORD_RE.test(cleaned) ? 'thanks' : null);
  if (whole) return whole;
  // Small talk only when every part of the message is: "hello, who is the vice chair?" is a question.
  const parts = partsOf(folded);
  if (parts.length < 2) return null;
  const intents = parts.map(intentOfPart);
  if (intents.some((i) => i === null)) return null;
  return INTENT_PRIORITY.find((i) => intents.includes(i)) ?? null;
}

// Also a chat lead-in that announces the question ("quick q: what is OASC?", "btw, who is the chair?").
// Discourse words ("so", "well", "um") only before a space or comma: "Well-being", "so-called" and "so far" are words.
const LEADING_SMALL_TALK_RE = new RegExp(`^(?:(?:so(?! far\\b)|well|um|uh)[\\s,]+(?=\\S)|(?:hi|hello|hey|hallo|hoi|bonjour|good (?:morning|afternoon|evening)|${THANKS_WORDS}|ok|okay|great|cool|perfect|quick (?:q|question|one)|question|btw|fyi)(?: there| a lot| so much| again)?[\\s,.!:;-]+(?=\\S))`, 'i');
// Read on folded text: an asking word, or a verb or request that opens a question.
const QUESTION_START_RE = new RegExp(`^(?:${ASKING_WORDS}|is|are|does|do|did|can|could|was|were|tell|list|name|zijn|que)\\b`);

/**
 * The question after a leading greeting or thanks ("Thanks! Who is the vice chair?" → "Who is the vice chair?"),
 * or the text unchanged when there is none or what follows is no question ("Thanks, that was helpful").
 */
export function withoutLeadingSmallTalk(text: string): string {
  let rest = text;
  // Lead-ins come in twos ("hey, quick one: …", "thanks! btw …"); three is plenty.
  for (let i = 0; i < 3; i++) {
    const m = LEADING_SMALL_TALK_RE.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length).trim();
  }
  if (rest === text) return text;
  return rest.endsWith('?') || QUESTION_START_RE.test(fold(rest)) ? rest : text;
}

/** The short reply to a chitchat message. */
export function chitchatReply(intent: ChitchatIntent, examples: string[], subject: string): string {
  const tryThese = examples.length ? ` For example:\n${examples.slice(0, 4).map((e) => `- ${e}`).join('\n')}` : '';
  switch (intent) {
    case 'greeting':
      return `Hello! I answer questions about ${subject} from our documents, and I say where each answer comes from.${tryThese}`;
    case 'thanks':
      return "You're welcome! Ask me anything else about the network.";
    case 'bye':
      return 'Goodbye! Come back any time you have a question about the network.';
    case 'identity':
      return `I'm a bot that answers questions about ${subject} with sentences from our documents, citing the source.${tryThese}`;
    case 'help':
      return `I answer questions about ${subject} with the sentences, lists and facts in our documents, and I cite where they come from. When the documents don't say, I tell you who to ask instead.${tryThese}`;
    case 'empty':
      return `I didn't find a question in that message. Ask me something about ${subject}.${tryThese}`;
  }
}
