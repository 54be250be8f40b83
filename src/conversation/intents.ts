/** Messages the conversation layer answers itself: "more" and "help", in the languages the bot reads. */
import { fold } from '../text/fold';

/** Folded, punctuation and emoji removed, white space collapsed ("Plus de détails ?" → "plus de details"). */
function normalise(text: string): string {
  return fold(text).replace(/^\//, 'slash ').replace(/[^\p{L}\p{N}'\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

// English, Dutch, French, German, Spanish, Italian.
const MORE_RE =
  /^(slash more|more|more please|tell me more|tell me more please|more details|more detail|details|more info|go on|continue|keep going|and more|meer|meer graag|vertel meer|vertel me meer|meer details|meer info|nog meer|plus|plus de details|dis m'en plus|dites m'en plus|encore|la suite|mehr|mehr bitte|mehr details|erzahl mehr|erzahl mir mehr|weiter|mas|mas detalles|cuentame mas|mas informacion|di piu|dimmi di piu|piu dettagli|altri dettagli|continua)$/;

const HELP_RE =
  /^(slash help|help|help me|help please|please help|what can you do|what can u do|what do you do|what do you know|what can i ask|what can i ask you|what do you know about|how does this work|how do i use this|commands|hulp|help mij|wat kun je|wat kan je|wat kun jij|wat weet je|wat kan ik vragen|aide|aidez moi|que peux tu faire|que sais tu faire|que sais tu|qu'est ce que tu sais faire|hilfe|was kannst du|was weisst du|was kann ich fragen|ayuda|que puedes hacer|que sabes|que sabes hacer|aiuto|cosa puoi fare|cosa sai fare|cosa sai|che cosa puoi fare)$/;

/** "tell me more", "more", "details", "meer", "plus de détails", "/more"… */
export function isMoreRequest(text: string): boolean {
  return MORE_RE.test(normalise(text));
}

/** "help", "/help", "what can you do", "hulp", "aide", "was kannst du", "ayuda", "cosa puoi fare"… */
export function isHelpRequest(text: string): boolean {
  return HELP_RE.test(normalise(text));
}
