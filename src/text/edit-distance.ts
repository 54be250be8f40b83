/**
 * Edit distance with adjacent transpositions (optimal string alignment: "vsie" → "vise" is one edit, as are an
 * inserted, deleted or replaced letter), or `max + 1` as soon as it must exceed `max`. natural's
 * DamerauLevenshteinDistance gives the same for the one or two edits asked here but took about 100 µs a pair (its
 * generic costs and options), which made a "who was …" question over 400 documents sharing a title take 3 ms.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // What the two share at the start and at the end costs nothing ("super bowl 50 mvp" / "super bowl 50 12").
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start > 0 || endA < a.length) return table(a.slice(start, endA), b.slice(start, endB), max);
  return table(a, b, max);
}

function table(a: string, b: string, max: number): number {
  const n = b.length;
  // Three rows of the table, reused between calls: this runs for every close name of every question.
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(6 * (n + 1));
  let before = 0;
  let previous = n + 1;
  let current = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      let d = Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[before + j - 2] + 1);
      rows[current + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(rows[previous + n], max + 1);
}
let rows = new Int32Array(3 * 64);
