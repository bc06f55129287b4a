/**
 * The targeted parser's wikitable reader: the tables of one root table region (`{|` … `|}`, nested
 * tables included), read as wikiparser-node reads them (table-lines.ts), with the same views as
 * `viewTable` gives for the full parse. Cell attributes are read with wikiparser-node's own
 * attribute pattern, the grid with tables.ts's port of `getLayout()`, plain text with inline.ts.
 * Anything it cannot read exactly (`{{!}}`, an HTML tag over two lines, a span computed by a
 * template, a cell opening with list syntax that a parse of its own would read as a list…) makes it
 * answer why, and the caller hands the region, or the chunk, to wikiparser-node.
 */
import { MAX_COLSPAN, MAX_ROWSPAN } from '../../limits.js';
import type { Link } from '../../types/index.js';
import type { PlainText } from '../plain-text.js';
import { cellView, layoutTable, rawSpans, readSpan, tableView, type Coords, type LayoutCell, type TableCellView, type TableView } from '../tables.js';
import { inlineText } from './inline.js';
import { BLANK, SOLID } from './mask.js';
import type { Call } from './structure.js';
import { CALL, Fallback, HTML, URL_CALL, firstAt, flatten, scanLines, type ScannedCell, type ScannedTable, type TableSource } from './table-lines.js';

export type { TableSource } from './table-lines.js';

/** Why a region is left to wikiparser-node; `chunk` when its lines may differ, so the whole chunk must be. */
export interface TableFallback {
  fallback: string;
  chunk?: true;
}

/**
 * Reads the tables of one root table region.
 * @param src the chunk
 * @param start index of the region's `{|` in the chunk
 * @param end index one past its closing `|}`
 * @returns every table of the region in document order, or why wikiparser-node must read it
 */
export function readTables(src: TableSource, start: number, end: number): Omit<TableView, 'section'>[] | TableFallback {
  try {
    const flat = flatten(src, start, end);
    const tables = scanLines(flat, start);
    return tables.map((t) => viewOf(src, flat, start, t));
  } catch (error) {
    if (!(error instanceof Fallback)) throw error;
    return { fallback: error.why, ...(error.chunk ? { chunk: true as const } : {}) };
  }
}

/** wikiparser-node's attribute pattern (`AttributesToken`), with its placeholders `\0<n><kind>\x7F`. */
const ATTRIBUTE =
  /([^\s/](?:(?!\0\d+~\x7F)[^\s/=])*)(?:((?:\s(?:\s|\0\d+[cn]\x7F)*)?(?:=|\0\d+~\x7F)(?:\s|\0\d+[cn]\x7F)*)(?:(["'])([\s\S]*?)(\3|$)|(\S*)))?/gu;
const VALID_KEY = /^(?:[\w:]|\0\d+t\x7F)(?:[\w:.-]|\0\d+t\x7F)*$/u;
const KINDS: Readonly<Record<string, string>> = { [BLANK]: 'c', [SOLID]: 'e', [CALL]: 't', [URL_CALL]: 'm', [HTML]: 'x' };
const CELL_ATTRIBUTES: ReadonlySet<string> = new Set(['rowspan', 'colspan', 'data-sort-value']);
const TABLE_ATTRIBUTES: ReadonlySet<string> = new Set(['class']);

/** The attributes the views read (last one of a name wins), from the flat text of an attribute part. */
function readAttributes(flat: string, from: number, to: number, read: ReadonlySet<string>): Map<string, string> {
  let s = '';
  let n = 0;
  for (let i = from; i < to; ) {
    const kind = KINDS[flat[i] ?? ''];
    if (kind === undefined) {
      s += flat[i];
      i++;
      continue;
    }
    const c = flat[i];
    while (i < to && flat[i] === c) i++;
    s += `\0${n++}${kind}\x7F`;
  }
  const found = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(s); m !== null; m = ATTRIBUTE.exec(s)) {
    const key = (m[1] ?? '').replace(/\0\d+[cn]\x7F/g, '').trim();
    if (!VALID_KEY.test(key)) continue;
    const name = key.toLowerCase();
    if (!read.has(name)) continue;
    if ((m[1] ?? '').includes('\0')) throw new Fallback('a comment in an attribute name');
    const value = m[2] === undefined ? '' : (m[4] ?? m[6] ?? '');
    if (value.includes('\0')) throw new Fallback(`a template or tag in ${name}`);
    found.set(name, value.trim());
  }
  return found;
}

/** The view of one table. */
function viewOf(src: TableSource, flat: string, regionStart: number, t: ScannedTable): Omit<TableView, 'section'> {
  const { base, locator } = src;
  const known = new Map<ScannedCell, Map<string, string>>();
  const attrs = (c: ScannedCell): Map<string, string> => {
    let a = known.get(c);
    if (a === undefined) known.set(c, (a = c.attr === undefined ? new Map() : readAttributes(flat, c.attr[0] - regionStart, c.attr[1] - regionStart, CELL_ATTRIBUTES)));
    return a;
  };
  const rows = [t.own, ...t.rows].filter((cells) => cells.some((c) => c.independent && c.subtype !== 'caption'));
  const counted: ScannedCell[][] = [];
  const layoutRows = rows.map((cells) => {
    const row: LayoutCell[] = [];
    const list: ScannedCell[] = [];
    let last = false;
    for (const c of cells) {
      const a = attrs(c);
      row.push({ independent: c.independent, caption: c.subtype === 'caption', rowspan: readSpan(a.get('rowspan'), MAX_ROWSPAN), colspan: readSpan(a.get('colspan'), MAX_COLSPAN) });
      if (c.independent) last = c.subtype !== 'caption';
      if (last) list.push(c);
    }
    counted.push(list);
    return row;
  });
  const { grid: layout, truncated } = layoutTable(layoutRows);
  const cache = new Map<ScannedCell, TableCellView>();
  const grid = layout.map((row) =>
    row.map((coords) => {
      if (coords === undefined) return undefined;
      const c = counted[coords.row]?.[coords.column];
      if (c === undefined) return undefined;
      let view = cache.get(c);
      if (view === undefined) cache.set(c, (view = viewCell(src, c, coords, attrs(c))));
      return view;
    }),
  );
  const captions = [...t.own, ...t.rows.flat()].filter((c) => c.subtype === 'caption');
  const caption = captions[captions.length - 1];
  const className = readAttributes(flat, t.start + 2 - regionStart, t.attrEnd - regionStart, TABLE_ATTRIBUTES).get('class');
  const parentTable = t.parent?.table;
  return tableView({
    offset: base + t.start,
    span: locator.span(base + t.start, base + t.end),
    ...(caption === undefined ? {} : { caption: contentText(src, caption).text }),
    ...(className === undefined ? {} : { className }),
    closed: t.closed,
    grid,
    ...(parentTable === undefined ? {} : { parentOffset: base + parentTable.start }),
    ...(truncated ? { truncated } : {}),
  });
}

function viewCell(src: TableSource, c: ScannedCell, origin: Coords, attrs: ReadonlyMap<string, string>): TableCellView {
  const { text: chunk } = src.inline;
  const { text, links } = contentText(src, c);
  const raw = chunk.slice(c.contentStart, c.contentEnd);
  const start = c.contentStart + raw.length - raw.trimStart().length;
  const sortAttr = attrs.get('data-sort-value');
  const sortKey = sortAttr ?? sortTemplateKey(src, c);
  return cellView({
    text,
    links,
    ...(sortKey === undefined ? {} : { sortKey }),
    header: c.subtype === 'th',
    span: src.locator.span(src.base + start, src.base + start + raw.trim().length),
    origin,
    rowspan: readSpan(attrs.get('rowspan'), MAX_ROWSPAN),
    colspan: readSpan(attrs.get('colspan'), MAX_COLSPAN),
    ...rawSpans(chunk.slice(c.prefixStart, c.contentStart), (s, e) => src.locator.span(src.base + c.prefixStart + s, src.base + c.prefixStart + e)),
  });
}

/**
 * Plain text of a cell's content, nested tables left out (their text is empty), piece by piece.
 * A piece the inline evaluator cannot read is parsed alone; where that parse would read its first
 * line otherwise than a cell does (a list, a heading, a rule, a table, a redirect), the region falls back.
 */
function contentText(src: TableSource, c: ScannedCell): PlainText {
  const pieces: [number, number][] = [];
  let at = c.contentStart;
  for (const t of c.nested) {
    pieces.push([at, t.start]);
    at = t.end;
  }
  pieces.push([at, c.contentEnd]);
  const texts: string[] = [];
  const links: Link[] = [];
  for (const [s, e] of pieces) {
    const p = piecePlain(src, s, e);
    if (p.text.length > 0) texts.push(p.text);
    links.push(...p.links);
  }
  return { text: texts.join(' '), links };
}

function piecePlain(src: TableSource, s: number, e: number): PlainText {
  const masked = src.inline.masked.slice(s, e);
  // A later line may be a heading inside the cell, which the inline evaluator does not know; and it
  // takes text with none of its special characters as plain, magic links (ISBN, RFC, PMID) included.
  const hard = /\n\u0001*=|\b(?:ISBN|RFC|PMID)\b/.test(masked);
  const inline = hard ? undefined : inlineText(src.inline, s, e);
  if (inline !== undefined) return inline;
  const firstLine = masked.split('\n', 1)[0] ?? '';
  if (/^\u0001*(?:[;:*#=]|----)/.test(firstLine) || /^[\s\u0001:]*\{\|/.test(firstLine) || masked.trimStart().startsWith('#')) {
    throw new Fallback('a cell opening with syntax a parse of its own would read otherwise');
  }
  return src.full.plainText(src.inline.text.slice(s, e));
}

/** The sort key of `{{Sort|key|…}}`, else `{{Sortname|first|last}}`, first found in the content (nested calls included). */
function sortTemplateKey(src: TableSource, c: ScannedCell): string | undefined {
  const { masked, text } = src.inline;
  for (let i = firstAt(src.opaque, c.contentStart); i < src.opaque.length; i++) {
    const o = src.opaque[i];
    if (o === undefined || o.start >= c.contentEnd) break;
    const inner = o.inner === undefined ? '' : text.slice(o.inner.start, o.inner.end);
    if (inner.includes('{{') && /sort/i.test(inner)) throw new Fallback('a sort template inside a tag');
  }
  let sortname: Call | undefined;
  for (let i = firstAt(src.calls, c.contentStart); i < src.calls.length; i++) {
    const call = src.calls[i];
    if (call === undefined || call.start >= c.contentEnd) break;
    const raw = masked.slice(call.name.start, call.name.end);
    if (!/sort/i.test(raw)) continue;
    if (raw.includes(SOLID)) throw new Fallback('a tag in a call name');
    const kind = src.full.callKind(raw.replaceAll(BLANK, '').trim());
    if (kind === undefined) throw new Fallback('a call wikiparser-node may read otherwise');
    if (kind === 'magic') continue;
    if (kind.template === 'Template:Sort') return argument(src, call, '1');
    if (kind.template === 'Template:Sortname') sortname ??= call;
  }
  return sortname === undefined ? undefined : `${argument(src, sortname, '2')}, ${argument(src, sortname, '1')}`;
}

/** A call's argument as written, trimmed (the last of that name), or ''. */
function argument(src: TableSource, call: Call, key: string): string {
  const { masked, text } = src.inline;
  let found = '';
  let anonymous = 0;
  for (const p of call.parts) {
    const k = p.eq === -1 ? String(++anonymous) : masked.slice(p.start, p.eq).replaceAll(BLANK, '').trim();
    if (k === key) found = text.slice(p.eq === -1 ? p.start : p.eq + 1, p.end).trim();
  }
  return found;
}
