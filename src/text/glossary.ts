import type { Lang } from '../types';

/**
 * English equivalents of common words about networks, membership and roles in the other supported
 * languages, so that a question in one language finds passages in English ("Wie is de
 * vicevoorzitter?" → "vice chair"). Language resources, like stop words; no facts.
 */
const GLOSSARY: Partial<Record<Lang, Record<string, string>>> = {
  nl: {
    lid: 'member', leden: 'members', lidmaatschap: 'membership', voorzitter: 'chair', vicevoorzitter: 'vice chair',
    contactpersoon: 'contact', contact: 'contact', medewerker: 'staff', medewerkers: 'staff', personeel: 'staff',
    prioriteit: 'priority', prioriteiten: 'priorities', doel: 'goal', doelen: 'goals', doelstelling: 'objective',
    opgericht: 'founded', oprichting: 'founded', stad: 'city', steden: 'cities', gemeente: 'municipality',
    gemeenten: 'municipalities', netwerk: 'network', burgers: 'citizens', burger: 'citizen', begroting: 'budget',
    jaar: 'year', beleid: 'policy', partner: 'partner', partners: 'partners', wetgeving: 'legislation',
    technologie: 'technology', technologieen: 'technologies', slimme: 'smart', duurzaam: 'sustainable',
    duurzame: 'sustainable', rol: 'role', taak: 'role', kantoor: 'office', adviseur: 'advisor',
    europese: 'european', europees: 'european', europa: 'europe', commissie: 'commission', comite: 'committee', regio: 'region', regios: 'regions', raad: 'council', voorzitterschap: 'presidency', doet: 'does',
  },
  fr: {
    membre: 'member', membres: 'members', president: 'president chair', presidente: 'president chair',
    'vice-president': 'vice chair', contact: 'contact', priorite: 'priority', priorites: 'priorities',
    objectif: 'goal', but: 'goal', fonde: 'founded', fondee: 'founded', ville: 'city', villes: 'cities',
    reseau: 'network', citoyens: 'citizens', budget: 'budget', annee: 'year', politique: 'policy',
    role: 'role', bureau: 'office', conseiller: 'advisor', conseillere: 'advisor', technologies: 'technologies',
    intelligentes: 'smart', durable: 'sustainable', legislation: 'legislation', europeenne: 'european', europeen: 'european', commission: 'commission', comite: 'committee', regions: 'regions', conseil: 'council', presidence: 'presidency',
  },
  de: {
    mitglied: 'member', mitglieder: 'members', vorsitzender: 'chair', vorsitzende: 'chair',
    ansprechpartner: 'contact', ansprechpartnerin: 'contact', kontakt: 'contact', prioritaten: 'priorities',
    ziel: 'goal', ziele: 'goals', gegrundet: 'founded', stadt: 'city', stadte: 'cities', netzwerk: 'network',
    burger: 'citizens', haushalt: 'budget', jahr: 'year', rolle: 'role', buro: 'office', berater: 'advisor',
    beraterin: 'advisor', technologien: 'technologies', intelligente: 'smart', nachhaltig: 'sustainable', europaische: 'european', europaischen: 'european', kommission: 'commission', ausschuss: 'committee', regionen: 'regions', rat: 'council', ratsprasidentschaft: 'presidency',
  },
  es: {
    miembro: 'member', miembros: 'members', presidente: 'president chair', vicepresidente: 'vice chair',
    contacto: 'contact', prioridades: 'priorities', objetivo: 'goal', fundado: 'founded', fundada: 'founded',
    ciudad: 'city', ciudades: 'cities', red: 'network', ciudadanos: 'citizens', presupuesto: 'budget',
    ano: 'year', papel: 'role', oficina: 'office', asesor: 'advisor', asesora: 'advisor', tecnologias: 'technologies',
  },
  it: {
    membro: 'member', membri: 'members', presidente: 'president chair', vicepresidente: 'vice chair',
    contatto: 'contact', priorita: 'priorities', obiettivo: 'goal', fondato: 'founded', fondata: 'founded',
    citta: 'cities', rete: 'network', cittadini: 'citizens', bilancio: 'budget', anno: 'year', ruolo: 'role',
    ufficio: 'office', consulente: 'advisor', tecnologie: 'technologies',
  },
};

/**
 * English words that questions use for what the documents say otherwise ("aim" for "objective"):
 * each group's words stand for one another. Kept to words about organisations and their work.
 */
const SYNONYM_GROUPS = [
  'aim goal objective purpose mission',
  'founded established created',
  'role function job position',
  'headquarters headquartered based seat',
  'aims goals objectives purposes',
  'company organisation organization body',
  'city town municipality',
  'cities towns municipalities',
  'help support assist',
  'boss head leader',
  'change transform', 'changed transformed', 'changes transforms', 'changing transforming',

].map((group) => group.split(' '));

// One lookup table for all languages (a Map, so "constructor" and friends are just words).
const ENGLISH = new Map<string, string[]>();
for (const entries of Object.values(GLOSSARY)) {
  for (const [word, english] of Object.entries(entries)) if (!ENGLISH.has(word)) ENGLISH.set(word, english.split(' '));
}
/** A people's adjective and its country ("Finnish presidency" is "Finland's Presidency"), and other words that always mean the same. */
const DEMONYM_GROUPS = [
  'finnish finland', 'swedish sweden', 'dutch netherlands holland', 'german germany', 'french france', 'spanish spain',
  'italian italy', 'polish poland', 'belgian belgium', 'danish denmark', 'norwegian norway', 'icelandic iceland',
  'irish ireland', 'british britain', 'english england', 'scottish scotland', 'welsh wales', 'portuguese portugal',
  'greek greece', 'austrian austria', 'swiss switzerland', 'czech czechia', 'slovak slovakia', 'hungarian hungary',
  'romanian romania', 'bulgarian bulgaria', 'croatian croatia', 'slovenian slovenia', 'serbian serbia', 'bosnian bosnia',
  'albanian albania', 'turkish turkey', 'ukrainian ukraine', 'russian russia', 'georgian georgia', 'armenian armenia',
  'estonian estonia', 'latvian latvia', 'lithuanian lithuania', 'cypriot cyprus', 'maltese malta', 'european europe',
  // Spellings and chat shorthand of one word.
  'advisor adviser', 'organisation organization', 'organisations organizations', 'programme program', 'centre center',
  'prio priority', 'prios priorities', 'intl international', 'govt government', 'org organisation', 'orgs organisations', 'info information',
].map((group) => group.split(' '));
const EQUIVALENTS = new Map<string, string[]>();
for (const group of DEMONYM_GROUPS) for (const word of group) EQUIVALENTS.set(word, group.filter((other) => other !== word));

/** Words that always mean the same: a people's adjective and its country ("finnish" ↔ "finland"), spellings ("adviser" ↔ "advisor"), shorthand ("prio"). */
export function equivalentsOf(word: string): readonly string[] {
  return EQUIVALENTS.get(word) ?? NONE;
}

const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) for (const word of group) SYNONYMS.set(word, group.filter((other) => other !== word));
const NONE: readonly string[] = [];

/** English equivalents of a folded word of another supported language, or none. */
export function englishFor(word: string): readonly string[] {
  return ENGLISH.get(word) ?? NONE;
}

/** English synonyms of a folded English word ("aim" → goal, objective…), or none. */
export function synonymsOf(word: string): readonly string[] {
  return SYNONYMS.get(word) ?? NONE;
}
