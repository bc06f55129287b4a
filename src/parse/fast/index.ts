/**
 * The targeted parser: reads one chunk of wikitext without a full syntax tree and gives the same
 * headings, template views and table views as the full wikiparser-node parse of that chunk.
 * Structure comes from a linear scan (mask.ts, structure.ts); plain text of values from
 * inline.ts; only the ranges those cannot read exactly are handed to wikiparser-node, and a chunk
 * whose structure is irregular is not read here at all (the caller parses it in full).
 */
import type { Link } from '../../types/index.js';
import type { PlainText } from '../plain-text.js';
import type { Locator } from '../position.js';
import type { ParamView, TemplateView } from '../query.js';
import type { TableView } from '../tables.js';
import { inlineText, type InlineConfig, type InlineSource } from './inline.js';
import { BLANK, maskOpaque, type Masked, type Opaque } from './mask.js';
import { findStructure, type Call } from './structure.js';
import { readTables, type TableSource } from './table.js';
import { makesCallToken } from './table-lines.js';

/** What the targeted parser needs from the full parser, for the ranges it hands over. */
export interface FullParser {
  /** wikiparser-node's extension tag names. */
  extTags: readonly string[];
  inline: InlineConfig;
  /** Plain text of a value, parsed alone. */
  plainText(text: string): PlainText;
  /** Every table of a region that starts with `{|`, `base` being the region's virtual offset. */
  tables(region: string, base: number, locator: Locator): Omit<TableView, 'section'>[];
  /** The canonical title of a module name (`Module:Sports_table`). */
  moduleTitle(name: string): string;
  /** What a call's name is: a template (with its canonical title), a parser function or variable, or unsure. */
  callKind(name: string): { template: string } | 'magic' | undefined;
  /** Whether wikiparser-node's brace stage makes a call of this name (as written) a token, not text (an invalid template name). */
  makesToken(rawName: string): boolean;
  /** Whether text may hold a template the extractors read (a loose test on the raw text). */
  mayHoldWanted(text: string): boolean;
}

/** A heading at the root of a chunk. */
export interface ChunkHeading {
  offset: number;
  level: number;
  title: string;
}

/** What one chunk holds. */
export interface ChunkRead {
  headings: ChunkHeading[];
  templates: Omit<TemplateView, 'section' | 'recovered'>[];
  tables: Omit<TableView, 'section'>[];
  /** Virtual offsets of every template or parser-function call (wanted or not). */
  callStarts: number[];
  /** How many root table regions the table reader read, and why it left each other one to wikiparser-node. */
  tableRegions: { read: number; fallbacks: string[] };
}

/**
 * Reads one chunk.
 * @param text the whole virtual document
 * @param start the chunk's start in it
 * @param end the chunk's end
 * @param locator virtual → file spans
 * @param wanted which templates to give views of
 * @param full the full parser, for ranges read by it
 * @param mask the chunk already masked, when the caller has it
 * @returns the chunk's headings, templates and tables, or the reason it must be parsed in full
 */
export function readChunk(
  text: string,
  start: number,
  end: number,
  locator: Locator,
  wanted: (rawName: string, isInvoke: boolean) => boolean,
  full: FullParser,
  mask?: Masked,
): ChunkRead | { irregular: string } {
  const chunk = text.slice(start, end);
  // The placeholders of mask.ts, and the characters wikiparser-node itself uses as markers.
  if (/[\u0000-\u0002\u007f]/.test(chunk)) return { irregular: 'control characters' };
  const { masked, opaque } = mask ?? maskOpaque(chunk, full.extTags);
  const structure = findStructure(masked);
  if (structure.irregular !== undefined) return { irregular: structure.irregular };
  // Extension tags whose content wikiparser-node parses (<ref>, <poem>…) may hold tables or templates.
  for (const o of opaque) {
    if (o.inner === undefined) continue;
    const inner = chunk.slice(o.inner.start, o.inner.end);
    if (inner.includes('{|') || (inner.includes('{{') && full.mayHoldWanted(inner))) return { irregular: `a table or template inside <${o.name ?? ''}>` };
  }
  const src: InlineSource = {
    text: chunk,
    masked,
    callAt: new Map(structure.calls.map((c) => [c.start, c])),
    linkAt: new Map(structure.links.map((l) => [l.start, l])),
    config: full.inline,
  };
  const plain = (s: number, e: number): PlainText => inlineText(src, s, e) ?? full.plainText(chunk.slice(s, e));

  const lines = rootLines(masked, structure.rootNewlines);
  const tableRanges = findTables(masked, lines);
  if (!Array.isArray(tableRanges)) return tableRanges;
  // A table start inside a template's value is a table wikiparser-node reads there.
  if (structure.calls.some((c) => /(?:^|\n)[ \t:]*\{\|/.test(masked.slice(c.name.end, c.end)))) return { irregular: 'a table inside a template' };

  const headings: ChunkHeading[] = [];
  let t = 0;
  for (const line of lines) {
    while (t < tableRanges.length && (tableRanges[t]?.[1] ?? 0) <= line.start) t++;
    const table = tableRanges[t];
    if (table !== undefined && line.start >= table[0]) continue;
    const h = heading(masked, line.start, line.end);
    if (h !== undefined) headings.push({ offset: start + h.at, level: h.level, title: plain(h.titleStart, h.titleEnd).text });
  }

  const comments = new Map(opaque.filter((o) => o.kind === 'comment').map((o) => [o.end, o]));
  const templates: Omit<TemplateView, 'section' | 'recovered'>[] = [];
  for (const call of structure.calls) {
    const view = viewCall(src, call, start, locator, wanted, full, plain, comments);
    if (view === 'irregular') return { irregular: 'a template name wikiparser-node may read otherwise' };
    if (view !== undefined) templates.push(view);
  }
  const tableSource: TableSource = { inline: src, calls: structure.calls, opaque, full, base: start, locator };
  const tables: Omit<TableView, 'section'>[] = [];
  const tableRegions = { read: 0, fallbacks: [] as string[] };
  for (const [s, e] of tableRanges) {
    const read = readTables(tableSource, s, e);
    if (Array.isArray(read)) {
      tableRegions.read += 1;
      for (const t of read) tables.push(t);
      continue;
    }
    if (read.chunk === true) return { irregular: read.fallback };
    tableRegions.fallbacks.push(read.fallback);
    for (const t of full.tables(chunk.slice(s, e), start + s, locator)) tables.push(t);
  }
  // Only calls wikiparser-node makes tokens: a `{{` whose name it does not take stays text, as in a full parse.
  const closed = structure.calls.filter((c) => makesCallToken(full, { text: chunk, masked }, c));
  return { headings, templates, tables, callStarts: closed.map((c) => start + c.start), tableRegions };
}

/** Root lines as [start, end) in the masked chunk. */
function rootLines(masked: string, newlines: readonly number[]): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let at = 0;
  for (const nl of newlines) {
    lines.push({ start: at, end: nl });
    at = nl + 1;
  }
  lines.push({ start: at, end: masked.length });
  return lines;
}

/** The deepest nesting of tables the targeted parser reads. */
const MAX_TABLE_DEPTH = 40;
const TABLE_START = /^(?:[^\S\n]|\u0001)*\{\|/;
const LEAD = /^(?:[^\S\n]|\u0001)*/;
const INDENTED_TABLE = /^(?:[^\S\n]|\u0001)*:+(?:[^\S\n]|\u0001)*\{\|/;
const PIPE_TEMPLATE = /\{\{\s*(?:!|\(!|!\)|!-|!!)\s*\}\}/;

/**
 * Root tables as [start of `{|`, end of `|}`); nested tables are inside their parent's range. Lines
 * are classed as wikiparser-node's `parseTable` classes them: a table opened where no cell is open
 * closes the tables up to the nearest open cell (left to wikiparser-node when that is the root).
 */
function findTables(masked: string, lines: readonly { start: number; end: number }[]): [number, number][] | { irregular: string } {
  const ranges: [number, number][] = [];
  // For each open table, innermost last: whether a cell of it is open (a table opened now nests in it).
  const open: boolean[] = [];
  let rootStart = 0;
  for (const line of lines) {
    const s = masked.slice(line.start, line.end);
    if (INDENTED_TABLE.test(s)) return { irregular: 'an indented table' };
    if (PIPE_TEMPLATE.test(s)) return { irregular: 'table syntax written as {{!}}' };
    if (TABLE_START.test(s)) {
      if (open.length === 0) rootStart = line.start + s.indexOf('{|');
      else {
        while (open.length > 0 && open[open.length - 1] !== true) open.pop();
        if (open.length === 0) return { irregular: 'a table opened where no cell is open' };
      }
      // Deeper tables are left to wikiparser-node (which may find them too deep), as structure.ts leaves deep templates.
      if (open.length >= MAX_TABLE_DEPTH) return { irregular: 'tables nested deeper than the targeted parser follows' };
      open.push(false);
      continue;
    }
    if (open.length === 0) continue;
    const lead = LEAD.exec(s)?.[0].length ?? 0;
    if (s.startsWith('|}', lead)) {
      open.pop();
      if (open.length === 0) ranges.push([rootStart, line.start + lead + 2]);
    } else if (s.startsWith('|-', lead)) open[open.length - 1] = false;
    else if (s[lead] === '|' || s[lead] === '!') open[open.length - 1] = true;
  }
  if (open.length > 0) return { irregular: 'a table with no closing `|}`' };
  return ranges;
}

/** A root line that is a heading, as wikiparser-node's brace stage reads it (comments may come first). */
function heading(masked: string, start: number, end: number): { at: number; level: number; titleStart: number; titleEnd: number } | undefined {
  let i = start;
  while (masked[i] === BLANK) i++;
  if (masked[i] !== '=') return undefined;
  const m = /^(={1,6})(.+)\1((?:\s|\u0001)*)$/.exec(masked.slice(i, end));
  if (m === null) return undefined;
  const level = (m[1] ?? '').length;
  return { at: i, level, titleStart: i + level, titleEnd: i + level + (m[2] ?? '').length };
}

const INVOKE = /^#invoke\s*:/i;

function viewCall(
  src: InlineSource,
  call: Call,
  base: number,
  locator: Locator,
  wanted: (rawName: string, isInvoke: boolean) => boolean,
  full: FullParser,
  plain: (s: number, e: number) => PlainText,
  comments: ReadonlyMap<number, Opaque>,
): Omit<TemplateView, 'section' | 'recovered'> | undefined | 'irregular' {
  const { text, masked } = src;
  const maskedName = masked.slice(call.name.start, call.name.end);
  const name = maskedName.replace(/\u0001/g, '').trim();
  const isInvoke = INVOKE.test(name);
  let rawName: string;
  let parts = call.parts;
  let functionName: string | undefined;
  if (maskedName.includes('\u0002')) return wanted(name, isInvoke) ? 'irregular' : undefined;
  if (isInvoke) {
    rawName = full.moduleTitle(name.replace(INVOKE, '').trim());
    if (!wanted(rawName, true)) return undefined;
    const fn = parts[0];
    if (fn !== undefined) {
      if (fn.eq !== -1 || masked.slice(fn.start, fn.end).includes('\u0002')) return 'irregular';
      functionName = masked.slice(fn.start, fn.end).replace(/\u0001/g, '').trim();
      parts = parts.slice(1);
    }
  } else {
    const kind = full.callKind(name);
    if (kind === 'magic') return undefined;
    if (kind === undefined) return wanted(name, false) ? 'irregular' : undefined;
    rawName = kind.template;
    if (!wanted(rawName, false)) return undefined;
  }
  const params: ParamView[] = [];
  let anonymous = 0;
  for (const p of parts) {
    const named = p.eq !== -1;
    if (named && masked.slice(p.start, p.eq).includes('\u0002')) return 'irregular';
    const valueStart = named ? p.eq + 1 : p.start;
    const rawValue = text.slice(valueStart, p.end);
    const raw = rawValue.trim();
    // An empty value is where it would be written: right after `=`, not past the line end.
    const lead = raw.length === 0 ? 0 : rawValue.length - rawValue.trimStart().length;
    const { text: value, links } = plain(valueStart, p.end);
    const at = base + valueStart + lead;
    params.push({
      name: named ? masked.slice(p.start, p.eq).replace(/\u0001/g, '').trim() : String(++anonymous),
      anonymous: !named,
      raw,
      text: value,
      links: links as Link[],
      span: locator.span(at, at + raw.length),
      paramSpan: locator.span(base + p.start, base + p.end),
    });
  }
  const byName = new Map<string, ParamView>();
  const seen = new Map<string, ParamView[]>();
  for (const p of params) {
    byName.set(p.name, p);
    seen.set(p.name, [...(seen.get(p.name) ?? []), p]);
  }
  const raw = text.slice(call.start, call.end);
  const comment = precedingComment(src, call, comments);
  return {
    rawName,
    isInvoke,
    ...(functionName === undefined ? {} : { functionName }),
    span: locator.span(base + call.start, base + call.end),
    offset: base + call.start,
    raw,
    params,
    byName,
    duplicates: new Map([...seen].filter(([, list]) => list.length > 1)),
    ...(comment === undefined ? {} : { precedingComment: comment }),
  };
}

/**
 * The comment right before a call, across white space only (as the previous sibling in the tree:
 * white space never crosses the `|` or `{{` that opens the call's parent, so the parent is the same).
 */
function precedingComment(src: InlineSource, call: Call, comments: ReadonlyMap<number, Opaque>): string | undefined {
  let i = call.start - 1;
  while (i >= 0 && /\s/.test(src.masked[i] ?? '')) i--;
  const comment = comments.get(i + 1);
  if (comment === undefined) return undefined;
  return src.text.slice(comment.start, comment.end).replace(/^<!--|-->$/g, '').trim();
}
