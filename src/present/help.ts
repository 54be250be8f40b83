import type { Platform } from '../types';

/** A document the knowledge holds, as help lists it. */
export interface TopicDocument {
  /** Path relative to the knowledge folder (`partners/oasc.md`); its folder names the group. */
  file: string;
  title: string;
  /** Set for a translation: help lists the original only. */
  translatedFrom?: string;
}

/** Topics of one folder of the knowledge. */
export interface TopicGroup {
  name: string;
  titles: string[];
}

/** What help shows on every surface: the same content, each surface styles it. */
export interface Help {
  intro: string;
  howToAsk: string[];
  /** Surface-specific commands, `[command, what it does]`. */
  commands: Array<[string, string]>;
  topics: TopicGroup[];
  /** Example questions, each checked to be answerable. */
  examples: string[];
}

const HOW_TO_ASK = [
  'Ask in your own words, in English, Dutch, French, German, Spanish, Italian or Portuguese.',
  'Ask several things at once: “Is Malmö a member? and Oslo?”',
  'Follow up in the same conversation: “and who is the staff contact?”',
  'Say “more” for the rest of the passage an answer came from.',
];

const COMMANDS: Record<Platform, Array<[string, string]>> = {
  cli: [
    ['/more', 'the rest of the last answer’s passage, then the next passages of its section'],
    ['/sources', 'where the last answers come from, with links'],
    ['1, 2, 3', 'ask the related question with that number'],
    ['/good, /bad', 'tell the maintainers whether the last answer helped'],
    ['/help', 'this help'],
    ['/quit', 'leave (or Ctrl-D)'],
  ],
  slack: [
    ['@network-qa <question>', 'answered in a thread; keep asking there'],
    ['/ask <question>', 'answered privately, with a button to share it'],
    ['DM', 'ask me directly in a direct message'],
  ],
  discord: [
    ['/ask question:<text>', 'answered in the channel (private:True for you alone); autocomplete suggests questions'],
    ['@network-qa <question>', 'answered as a reply; reply to it to follow up'],
    ['/help', 'this help, privately'],
  ],
  api: [],
};

const ROOT_GROUP = 'General';

/** The topics the knowledge covers: document titles grouped by folder, originals only, in name order. */
export function topicGroups(documents: TopicDocument[]): TopicGroup[] {
  const groups = new Map<string, string[]>();
  for (const doc of documents) {
    if (doc.translatedFrom) continue;
    const slash = doc.file.lastIndexOf('/');
    const folder = slash < 0 ? ROOT_GROUP : doc.file.slice(0, slash).replace(/[-_/]+/g, ' ');
    const name = folder.charAt(0).toUpperCase() + folder.slice(1);
    groups.set(name, [...(groups.get(name) ?? []), doc.title]);
  }
  return [...groups].sort(([a], [b]) => (a === ROOT_GROUP ? -1 : b === ROOT_GROUP ? 1 : a.localeCompare(b))).map(([name, titles]) => ({ name, titles: titles.sort((x, y) => x.localeCompare(y)) }));
}

/**
 * Help for one surface.
 * @param examples questions the bot is known to answer (the core checks each one)
 */
export function buildHelp(documents: TopicDocument[], examples: string[], surface: Platform): Help {
  const count = documents.filter((d) => !d.translatedFrom).length;
  return {
    intro: `I answer questions with the sentences, lists and facts of ${count} document${count === 1 ? '' : 's'}, and I say where each answer comes from. When the documents don't say, I tell you whom to ask.`,
    howToAsk: HOW_TO_ASK,
    commands: COMMANDS[surface],
    topics: topicGroups(documents),
    examples: examples.slice(0, 6),
  };
}
