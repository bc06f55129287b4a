/**
 * Rows of a SurfDoc `::data` block. `format=table` rows are pipe-delimited and `format=csv` rows
 * comma-separated, as surf-parse reads them. Rows that lost their separators in conversion (the
 * seed's) are split where a lower-case letter meets an upper-case one; rows that still come out
 * short are split by weaker guesses or filled down, and say so in `recovered`.
 */

/** How a row's cells were found. */
export type RowRecovery = 'split-by-case' | 'split-by-name' | 'guessed' | 'filled-down' | 'unsplit';

/** One row split into cells. */
export interface SplitRow {
  cells: string[];
  recovered?: RowRecovery;
}

const SURE_BOUNDARY = /(?<=[\p{Ll}).])(?=\p{Lu})/u;
const GUESSED_BOUNDARY = /(?<=[\p{Ll}).])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\d)/u;

/**
 * Tells whether a line is a Markdown table delimiter row such as `|---|:--|`.
 * @param line a trimmed line
 * @returns true for delimiter rows
 */
export function isDelimiterRow(line: string): boolean {
  return /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line);
}

/**
 * Splits one row into cells.
 * @param line the trimmed row text
 * @param format the block's format attribute
 * @param width the header's cell count (0 while reading the header)
 * @param knownFirstCells first-column values known from elsewhere (infobox keys), longest first
 * @param knownNames names the article writes elsewhere (its teams), used before guessing
 * @returns the cells and how they were found
 */
export function splitDataRow(
  line: string,
  format: string,
  width: number,
  knownFirstCells: readonly string[] = [],
  knownNames: readonly string[] = [],
): SplitRow {
  if (format === 'csv') return { cells: line.split(',').map((c) => c.trim()) };
  if (line.includes('|')) return { cells: line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()) };
  const key = knownFirstCells.find((k) => line.startsWith(k));
  if (key !== undefined && width === 2) return { cells: [key, line.slice(key.length).trim()], recovered: 'split-by-case' };
  const sure = line.split(SURE_BOUNDARY).map((c) => c.trim());
  if (width === 0 || sure.length === width) return sure.length === 1 ? { cells: sure } : { cells: sure, recovered: 'split-by-case' };
  // A name the article writes elsewhere may explain a missing boundary ("LoretoUNAPSan Pablo").
  const byName = splitAroundName(line, knownNames, width);
  if (byName?.length === width) return { cells: byName, recovered: 'split-by-name' };
  if (sure.length === width - 1 && width > 1) return { cells: sure, recovered: 'filled-down' };
  if (byName !== undefined) return { cells: byName, recovered: 'split-by-name' };
  const guessed = line.split(GUESSED_BOUNDARY).map((c) => c.trim());
  if (guessed.length === width || guessed.length === width - 1) return { cells: guessed, recovered: 'guessed' };
  return { cells: [line], recovered: 'unsplit' };
}

/** Splits around a known name written inside the row, when that gives the right number of cells. */
function splitAroundName(line: string, names: readonly string[], width: number): string[] | undefined {
  for (const name of names) {
    const at = line.indexOf(name);
    if (name.length < 2 || at < 0) continue;
    const before = line.slice(0, at).split(SURE_BOUNDARY).map((c) => c.trim()).filter((c) => c.length > 0);
    const after = line.slice(at + name.length).split(SURE_BOUNDARY).map((c) => c.trim()).filter((c) => c.length > 0);
    const cells = [...before, name, ...after];
    // The name must stand alone: not the tail of a capitalised run or the head of a longer word.
    if (/\p{Lu}$/u.test(line.slice(0, at)) || /^\p{Ll}/u.test(line.slice(at + name.length))) continue;
    if (cells.length === width || cells.length === width - 1) return cells;
  }
  return undefined;
}
