/**
 * Other names of European cities: local, historic and English forms ("München" = Munich, "Den Haag" =
 * The Hague), folded. A language resource like the stop word lists: it says which names mean the same
 * city, never whether a city is a member.
 */
const GROUPS = [
  'munich|muenchen|munchen', 'cologne|koln|koeln', 'nuremberg|nurnberg|nuernberg', 'the hague|den haag|s gravenhage|la haye|hague',
  'ghent|gent|gand', 'bruges|brugge', 'antwerp|antwerpen|anvers', 'brussels|brussel|bruxelles', 'ostend|oostende|ostende', 'kortrijk|courtrai',
  'liege|luik|luttich', 'kyiv|kiev|kyjiw|kijiw', 'kharkiv|kharkov|charkiw', 'lviv|lvov|lwow|lemberg', 'odessa|odesa', 'prague|praha|prag',
  'vienna|wien|vienne', 'warsaw|warszawa|warschau|varsovie', 'lisbon|lisboa|lissabon|lisbonne', 'turin|torino', 'milan|milano|mailand',
  'florence|firenze|florenz', 'venice|venezia|venedig|venise', 'rome|roma|rom', 'genoa|genova|genua|genes', 'naples|napoli|neapel',
  'seville|sevilla', 'zaragoza|saragossa', 'athens|athina|athen|athenes', 'copenhagen|kobenhavn|kopenhagen|copenhague',
  'gothenburg|goteborg|goeteborg', 'krakow|cracow|krakau|cracovie', 'wroclaw|breslau', 'gdansk|danzig', 'pilsen|plzen',
  'brno|brunn', 'bratislava|pressburg', 'bucharest|bucuresti|bukarest', 'belgrade|beograd|belgrad', 'thessaloniki|salonica|saloniki',
  'nicosia|lefkosia', 'tbilisi|tiflis', 'yerevan|erevan|jerewan', 'zurich|zuerich', 'geneva|geneve|genf|ginevra', 'basel|bale|basle',
  'munster|muenster', 'dusseldorf|duesseldorf', 'frankfurt|frankfurt am main', 'hanover|hannover', 'strasbourg|strassburg',
  'lille|rijsel', 'helsinki|helsingfors', 'turku|abo', 'espoo|esbo', 'vantaa|vanda', 'tallinn|reval', 'vilnius|wilno|wilna',
  'luxembourg|luxemburg', 'zagreb|agram', 'ljubljana|laibach', 'rijeka|fiume', 'constanta|constantza', 'timisoara|temeswar|temesvar',
  'cluj napoca|cluj|klausenburg|kolozsvar', 'istanbul|constantinople', 'izmir|smyrna', 'tirana|tirane', 'moscow|moskva|moskau',
  'nice|nizza', 'marseille|marseilles', 'saint etienne|st etienne', 'saint nazaire|st nazaire', 'aachen|aix la chapelle',
  'leuven|louvain', 'mechelen|malines', 'bydgoszcz|bromberg', 'novi sad|ujvidek', 'dublin|baile atha cliath', 'cardiff|caerdydd',
].map((group) => group.split('|'));

const OTHERS = new Map<string, string[]>();
for (const group of GROUPS) for (const name of group) OTHERS.set(name, group.filter((other) => other !== name));

/** Other names of the same city ("munchen" → ["munich", "muenchen"]), from its folded words; none when unknown. */
export function otherPlaceNames(foldedName: string): readonly string[] {
  return OTHERS.get(foldedName) ?? [];
}
