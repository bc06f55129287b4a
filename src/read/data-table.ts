/**
 * Rows of a SurfDoc `::data` block. `format=table` rows are pipe-delimited and `format=csv` rows
 * comma-separated, as surf-parse reads them. Rows that lost their separators in conversion (the
 * seed's) are split where a lower-case letter meets an upper-case one; rows that still come out
 * short are split by weaker guesses or filled down, and say so in `recovered`.
 */

/** How a row's cells were found. */
export type RowRecovery = 'split-by-case' | 'guessed' | 'filled-down' | 'unsplit';

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
 * @returns the cells and how they were found
 */
export function splitDataRow(line: string, format: string, width: number, knownFirstCells: readonly string[] = []): SplitRow {
  if (format === 'csv') return { cells: line.split(',').map((c) => c.trim()) };
  if (line.includes('|')) return { cells: line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()) };
  const key = knownFirstCells.find((k) => line.startsWith(k));
  if (key !== undefined && width === 2) return { cells: [key, line.slice(key.length).trim()], recovered: 'split-by-case' };
  const sure = line.split(SURE_BOUNDARY).map((c) => c.trim());
  if (width === 0 || sure.length === width) return sure.length === 1 ? { cells: sure } : { cells: sure, recovered: 'split-by-case' };
  if (sure.length === width - 1 && width > 1) return { cells: sure, recovered: 'filled-down' };
  const guessed = line.split(GUESSED_BOUNDARY).map((c) => c.trim());
  if (guessed.length === width || guessed.length === width - 1) return { cells: guessed, recovered: 'guessed' };
  return { cells: [line], recovered: 'unsplit' };
}
