/**
 * The lines of a root table region as wikiparser-node's table stage reads them (`parseTable`): a
 * flat copy of the region where calls, comments, extension and HTML tags are placeholder runs (the
 * tokens of its first three stages, which hide the `|` and newlines in them), then one pass over its
 * lines that builds tables, rows and cells with the ranges of their attributes and content.
 */
import type { Locator } from '../position.js';
import type { FullParser } from './index.js';
import type { InlineSource } from './inline.js';
import { BLANK, SOLID, type Opaque } from './mask.js';
import type { Call } from './structure.js';

/** What the reader needs of the chunk. */
export interface TableSource {
  /** The chunk's text, masked text (mask.ts), calls in order of their start, and opaque ranges. */
  inline: InlineSource;
  calls: readonly Call[];
  opaque: readonly Opaque[];
  full: FullParser;
  /** The chunk's virtual offset, and virtual → file spans. */
  base: number;
  locator: Locator;
}

/** Placeholder of a call (wikiparser-node's `t` token), besides BLANK and SOLID from mask.ts. */
export const CALL = '\u0003';
/** Placeholder of `{{SERVER}}`, `{{fullurl:}}` and the like (its `m` token, not allowed in attribute names). */
export const URL_CALL = '\u0005';
/** Placeholder of an HTML tag (its `x` token). */
export const HTML = '\u0004';

/** A table as `parseTable` builds it: ranges are chunk indices. */
export interface ScannedTable {
  start: number;
  attrEnd: number;
  own: ScannedCell[];
  rows: ScannedCell[][];
  closed: boolean;
  end: number;
  parent: ScannedCell | undefined;
}
interface ScannedRow {
  table: ScannedTable;
  cells: ScannedCell[];
}
/** A cell (`TdToken`): its syntax, attribute part and content (nested tables included). */
export interface ScannedCell {
  table: ScannedTable;
  independent: boolean;
  subtype: 'td' | 'th' | 'caption';
  /** Where String(td) starts (the `\n` before the line, or `||`), where attributes are, where content is. */
  prefixStart: number;
  attr: [number, number] | undefined;
  contentStart: number;
  contentEnd: number;
  nested: ScannedTable[];
}
type Frame = { kind: 'table'; t: ScannedTable } | { kind: 'tr'; r: ScannedRow } | { kind: 'td'; c: ScannedCell };

/** Failures are values; this one is thrown only inside the reader and caught at its door (readTables). */
export class Fallback extends Error {
  constructor(
    readonly why: string,
    readonly chunk = false,
  ) {
    super(why);
  }
}

/**
 * The region as wikiparser-node's table stage sees it: root calls and HTML tags as placeholder runs.
 * @param src the chunk
 * @param start index of the region's `{|` in the chunk
 * @param end index one past its closing `|}`
 * @returns the flat text of the region (same length)
 */
export function flatten(src: TableSource, start: number, end: number): string {
  const { masked, text } = src.inline;
  if (/[\r\u2028\u2029]/.test(text.slice(start, end))) throw new Fallback('a line break other than \\n', true);
  for (let i = firstAt(src.opaque, start); i < src.opaque.length; i++) {
    const o = src.opaque[i];
    if (o === undefined || o.start >= end) break;
    if (o.kind === 'include') throw new Fallback('<includeonly> in a table', true);
  }
  let flat = '';
  let at = start;
  for (let i = firstAt(src.calls, start); i < src.calls.length; i++) {
    const call = src.calls[i];
    if (call === undefined || call.start >= end) break;
    if (call.depth !== 0) continue;
    flat += masked.slice(at, call.start) + callSymbol(src, call).repeat(call.end - call.start);
    at = call.end;
  }
  flat += masked.slice(at, end);
  return maskHtml(flat, src.full.inline.htmlTags);
}

/**
 * Index of the first item starting at or after `at`, in items ordered by their start.
 * @param items calls or opaque ranges, in order
 * @param at an index in the chunk
 * @returns the index in `items` (its length when there is none)
 */
export function firstAt(items: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MARKS = new Set(['!', '!!', '(!', '!)', '!-', '=']);

/**
 * Whether wikiparser-node's brace stage makes a call a token: a valid template title at once, any
 * other name (a parser function, a variable, a name holding a tag) as its own parse of the name says.
 * @param full the full parser
 * @param src the chunk's text and masked text
 * @param call the call
 * @returns false when the call stays text
 */
export function makesCallToken(full: FullParser, src: Pick<InlineSource, 'text' | 'masked'>, call: Call): boolean {
  const raw = src.masked.slice(call.name.start, call.name.end);
  if (!raw.includes(SOLID) && typeof full.callKind(raw.replaceAll(BLANK, '').trim()) === 'object') return true;
  return full.makesToken(src.text.slice(call.name.start, call.name.end));
}

/** The placeholder wikiparser-node's brace stage leaves for a call (`getSymbol`), when it is sure to leave one. */
function callSymbol(src: TableSource, call: Call): string {
  const raw = src.inline.masked.slice(call.name.start, call.name.end);
  if (raw.includes(SOLID)) throw new Fallback('a tag in a call name');
  const name = raw.replaceAll(BLANK, '').trim();
  const lower = name.toLowerCase();
  if (MARKS.has(lower)) throw new Fallback('table syntax written as a template ({{!}})', true);
  if (/^#vardefine:./.test(lower)) throw new Fallback('{{#vardefine:}} in a table');
  // A name wikiparser-node may not take for a template leaves `{{`, `|` and `}}` as text.
  if (!makesCallToken(src.full, src.inline, call)) throw new Fallback('a call wikiparser-node leaves as text');
  return lower === 'server' || /^(?:filepath|(?:full|canonical)urle?):./.test(lower) ? URL_CALL : CALL;
}

/** wikiparser-node's HTML tag pattern, on text where `<` ends a tag's piece (`parseHtml` splits at `<`). */
const HTML_TAG = /(\/?)([a-z][^\s/<>]*)((?:\s|\/(?!>))[^<>]*?)?(\/?>)/iuy;

/** Masks the HTML tags wikiparser-node's HTML stage takes (a tag hides the `|` and newlines in it). */
function maskHtml(flat: string, htmlTags: ReadonlySet<string>): string {
  let out = '';
  let at = 0;
  for (let i = flat.indexOf('<'); i !== -1; i = flat.indexOf('<', i + 1)) {
    HTML_TAG.lastIndex = i + 1;
    const m = HTML_TAG.exec(flat);
    const name = m?.[2]?.toLowerCase();
    if (m === null || name === undefined || !htmlTags.has(name)) {
      // Not a tag here; with a newline before its `>` it may be one in the whole chunk.
      const next = flat.slice(i + 1, i + 2);
      if (/[a-z/]/i.test(next) && /^[^<>]*\n/.test(flat.slice(i + 1, nextStop(flat, i + 1)))) throw new Fallback('a tag over two lines', true);
      continue;
    }
    if (name === 'meta' || name === 'link') throw new Fallback(`<${name}> in a table`);
    const tagEnd = i + 1 + m[0].length;
    if (flat.slice(i, tagEnd).includes('\n')) throw new Fallback('an HTML tag over two lines', true);
    out += flat.slice(at, i) + HTML.repeat(tagEnd - i);
    at = tagEnd;
    i = tagEnd - 1;
  }
  return out + flat.slice(at);
}

/** Index of the next `<` or `>` from `from`, or the end. */
function nextStop(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (s[i] === '<' || s[i] === '>') return i;
  return s.length;
}

const SPACE = /[\s\u0001]/;

/**
 * The line-by-line reading of `parseTable`: tables, rows and cells with their ranges.
 * @param flat the flat text of a region
 * @param base the region's index in the chunk
 * @returns the tables in document order, ranges as chunk indices
 */
export function scanLines(flat: string, base: number): ScannedTable[] {
  const tables: ScannedTable[] = [];
  const stack: Frame[] = [];
  const touch = (t: ScannedTable, at: number): void => {
    if (at > t.end) t.end = at;
  };
  let ls = 0;
  while (ls <= flat.length) {
    const nl = flat.indexOf('\n', ls);
    const le = nl === -1 ? flat.length : nl;
    let top = stack.pop();
    let i = ls;
    while (i < le && SPACE.test(flat[i] ?? '')) i++;
    let j = i;
    while (j < le && flat[j] === ':') j++;
    let k = j;
    while (k < le && SPACE.test(flat[k] ?? '')) k++;
    if (flat.startsWith('{|', k) && k + 2 <= le) {
      if (j > i) throw new Fallback('an indented table', true);
      while (top !== undefined && top.kind !== 'td') top = stack.pop();
      if (top === undefined && tables.length > 0) throw new Fallback('a table that ends the table around it', true);
      const parent = top?.c;
      const t: ScannedTable = { start: base + k, attrEnd: base + le, own: [], rows: [], closed: false, end: base + le, parent };
      tables.push(t);
      if (top !== undefined) {
        top.c.nested.push(t);
        stack.push(top);
      }
      stack.push({ kind: 'table', t });
    } else if (top === undefined) {
      throw new Fallback('text after the table', true);
    } else if (flat.startsWith('|}', i) && i + 2 <= le) {
      while (top.kind !== 'table') top = stack.pop() ?? unreachable();
      top.t.closed = true;
      top.t.end = base + i + 2;
      const below = stack[stack.length - 1];
      if (below?.kind === 'td') {
        below.c.contentEnd = base + le;
        touch(below.c.table, base + le);
      } else if (le !== i + 2) throw new Fallback('text after the table', true);
    } else if (flat.startsWith('|-', i) && i + 2 <= le) {
      if (top.kind === 'td') top = stack.pop() ?? unreachable();
      if (top.kind === 'tr') top = stack.pop() ?? unreachable();
      if (top.kind !== 'table') unreachable();
      const r: ScannedRow = { table: top.t, cells: [] };
      top.t.rows.push(r.cells);
      touch(top.t, base + le);
      stack.push(top, { kind: 'tr', r });
    } else if ((flat[i] === '|' || flat[i] === '!') && i < le) {
      if (top.kind === 'td') top = stack.pop() ?? unreachable();
      if (top.kind === 'td') unreachable();
      const table = top.kind === 'table' ? top.t : top.r.table;
      const cells = top.kind === 'table' ? top.t.own : top.r.cells;
      const last = readCells(flat, base, table, cells, ls, i, le);
      touch(table, base + le);
      stack.push(top, { kind: 'td', c: last });
    } else {
      if (top.kind === 'td') top.c.contentEnd = base + le;
      touch(top.kind === 'table' ? top.t : top.kind === 'tr' ? top.r.table : top.c.table, base + le);
      stack.push(top);
    }
    ls = le + 1;
  }
  // A nested table's text is part of its cell and of the tables around it.
  for (let n = tables.length - 1; n >= 0; n--) {
    const t = tables[n];
    if (t?.parent === undefined) continue;
    if (t.end > t.parent.contentEnd) t.parent.contentEnd = t.end;
    touch(t.parent.table, t.end);
  }
  return tables;
}

function unreachable(): never {
  throw new Error('Bug: the table reader lost its stack');
}

/** The cells of one cell line (`|`, `!`, `|+`, split at `||`, and at `!!` on a header line). */
function readCells(flat: string, base: number, table: ScannedTable, cells: ScannedCell[], ls: number, i: number, le: number): ScannedCell {
  const caption = flat[i] === '|' && flat[i + 1] === '+' && i + 1 < le;
  const subtype = flat[i] === '!' ? 'th' : caption ? 'caption' : 'td';
  const header = flat[i] === '!';
  let segStart = i + (caption ? 2 : 1);
  let prefixStart = ls - 1;
  let independent = true;
  let cell: ScannedCell | undefined;
  const add = (segEnd: number): void => {
    cell = newCell(flat, base, table, { independent, subtype, prefixStart }, segStart, segEnd);
    cells.push(cell);
  };
  for (let p = segStart; p + 1 < le; p++) {
    const ch = flat[p];
    if (!((ch === '|' || (header && ch === '!')) && flat[p + 1] === ch)) continue;
    add(p);
    independent = false;
    prefixStart = p;
    segStart = p + 2;
    p += 1;
  }
  add(le);
  return cell ?? unreachable();
}

/** A `TdToken`: attributes before the first `|` of its piece, unless that part holds `[[` or `-{` (a link or a converter block). */
function newCell(
  flat: string,
  base: number,
  table: ScannedTable,
  syntax: { independent: boolean; subtype: ScannedCell['subtype']; prefixStart: number },
  segStart: number,
  segEnd: number,
): ScannedCell {
  const piece = flat.slice(segStart, segEnd);
  const at = piece.indexOf('|');
  const bar = segStart + at;
  const hasAttr = at !== -1 && !/\[\[|-\{/.test(piece.slice(0, at));
  return {
    table,
    ...syntax,
    prefixStart: base + syntax.prefixStart,
    attr: hasAttr ? [base + segStart, base + bar] : undefined,
    contentStart: base + (hasAttr ? bar + 1 : segStart),
    contentEnd: base + segEnd,
    nested: [],
  };
}
