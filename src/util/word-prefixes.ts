/**
 * Adds every run of a phrase's words from its first to a set ("come", "come up", "come up with"), so that a scan
 * of a text grows a run of words only while some phrase starts with it: most words start none, and each run
 * grown is a string made.
 */
export function addWordPrefixes(phrase: string, into: Set<string>): void {
  for (let end = phrase.indexOf(' '); end !== -1; end = phrase.indexOf(' ', end + 1)) into.add(phrase.slice(0, end));
  into.add(phrase);
}
