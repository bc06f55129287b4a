/**
 * Rows of a SurfDoc `::data` block. `format=table` rows are pipe-delimited and `format=csv` rows
 * comma-separated, as surf-parse reads them. Rows that lost their separators in conversion (the
 * seed's) are split where a lower-case letter meets an upper-case one; rows that still come out
 * short are split by weaker guesses or filled down, and say so in `recovered`.
 */

import type { Locator } from '../parse/position.js';
import type { StageContext, TableRecord } from '../types/index.js';

/** A SurfDoc `::name[attrs]` … `::` block, by file offsets. */
export interface Block {
  name: string;
  attrs: Record<string, string>;
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

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

/**
 * Reads a `::data` block as a table record; separator-less rows are recovered with warnings.
 * @param block the block
 * @param text the file's text
 * @param section the section path of the block
 * @param known infobox keys and team names the article writes elsewhere, to split rows by
 * @param lines file spans
 * @param context diagnostics sink
 * @returns the table record, still without an id
 */
export function readDataTable(
  block: Block,
  text: string,
  section: string[],
  known: { keys: readonly string[]; names: readonly string[] },
  lines: Locator,
  context: StageContext,
): Omit<TableRecord, 'id'> {
  const format = block.attrs['format'] ?? 'table';
  const rows: { span: TableRecord['span']; cells: string[]; recovered?: RowRecovery; filled: boolean }[] = [];
  let headers: string[] | undefined;
  const filled: { span: TableRecord['span']; line: string }[] = [];
  let offset = block.contentStart;
  for (const rawLine of text.slice(block.contentStart, block.contentEnd).split('\n')) {
    const lineStart = offset + (rawLine.length - rawLine.trimStart().length);
    offset += rawLine.length + 1;
    const line = rawLine.trim();
    if (line.length === 0 || isDelimiterRow(line)) continue;
    const span = lines.span(lineStart, lineStart + line.length);
    if (headers === undefined) {
      headers = splitDataRow(line, format, 0).cells;
      continue;
    }
    const split: SplitRow = splitDataRow(line, format, headers.length, known.keys, known.names);
    let cells = split.cells;
    let wasFilled = false;
    if (cells.length === headers.length - 1 && split.recovered !== 'unsplit') {
      const above = rows[rows.length - 1]?.cells[0];
      if (above !== undefined && split.recovered !== undefined && known.keys.length === 0) {
        cells = [above, ...cells];
        wasFilled = true;
        filled.push({ span, line });
      } else if (known.keys.length > 0 || headers.length === 2) {
        cells = [...cells, ''];
      }
    }
    if (split.recovered === 'guessed' || split.recovered === 'unsplit' || split.recovered === 'split-by-name') {
      const how =
        split.recovered === 'guessed'
          ? `split by guess as ${cells.map((c) => `"${c}"`).join(' | ')}`
          : split.recovered === 'split-by-name'
            ? `split around a team name the article writes elsewhere, as ${cells.map((c) => `"${c}"`).join(' | ')}`
            : 'kept whole in the first cell';
      context.report({
        code: 'read/unsplit-row',
        stage: 'read',
        message: `Unexpected row \`${line}\` with no cell separators, expected ${headers.length} cells; ${how}`,
        span,
      });
    }
    const recovered: RowRecovery | undefined = split.recovered === 'filled-down' ? 'split-by-case' : split.recovered;
    rows.push({ span, cells, ...(recovered === undefined ? {} : { recovered }), filled: wasFilled });
  }
  if (filled.length > 0) {
    context.report({
      code: 'read/filled-down',
      stage: 'read',
      message: `Unexpected ${filled.length} rows one cell short, expected ${headers?.length ?? 0} cells; their first cell was filled down from the row above (a lost rowspan)`,
      span: lines.span(block.start, block.end),
      related: filled.map((f) => ({ message: `filled down: \`${f.line}\``, span: f.span })),
    });
  }
  const keys = headers ?? [];
  return {
    kind: 'table',
    section,
    span: lines.span(block.start, block.end),
    source: 'surfdoc-data',
    ...(block.attrs['title'] === undefined ? {} : { caption: block.attrs['title'] }),
    headers: keys,
    headerRows: keys.length === 0 ? [] : [keys],
    rows: rows.map((r) => ({
      span: r.span,
      cells: r.cells.map((text, i) => ({
        column: keys[i] ?? `column ${i + 1}`,
        text,
        ...(i === 0 && r.filled ? { from: 'filled-down' as const } : {}),
      })),
      ...(r.recovered === undefined ? {} : { recovered: r.recovered }),
    })),
  };
}
