/**
 * Stage 2, parse: Source → Parsed. Reads the source's wikitext one level-2 section at a time and
 * hands extractors plain views of the templates they read and of every table, with section paths.
 * By default each section is read by the targeted parser (fast/): a linear scan that needs
 * wikiparser-node only for the values and tables it cannot read exactly, and that gives the same
 * views as the full parse; a section it finds irregular, or every section with `mode: 'full'`, is
 * parsed by wikiparser-node (enwiki config) in full.
 * Emits: parse/too-deep, parse/too-large, parse/unclosed-template.
 */
import type { Token } from 'wikiparser-node';
import type { Source, StageContext } from '../types/index.js';
import { MAX_NESTING } from '../limits.js';
import { readChunk } from './fast/index.js';
import { maskOpaque, type Masked } from './fast/mask.js';
import { nestingDepth } from './fast/structure.js';
import { FULL_PARSER, parseCapped } from './full.js';
import { cutAt, splitIntoPieces } from './line-cuts.js';
import { plainText } from './plain-text.js';
import { viewTemplate, type TemplateView } from './query.js';
import { viewTable, type TableView } from './tables.js';

/** How to parse. */
export interface ParseOptions {
  /** `targeted` (default) or `full` (wikiparser-node on every section: the reference the targeted parser is tested against). */
  mode?: 'targeted' | 'full';
  /** The templates extractors read (by wikiparser-node's name, and whether an #invoke); others get no view. Default: all. */
  wanted?: (rawName: string, isInvoke: boolean) => boolean;
  /**
   * Filled with how many sections each path read, and (when present, or created here) why sections
   * were parsed in full and why root table regions were left to wikiparser-node.
   */
  stats?: ParseStats;
}

/** Counts of what each path read. */
export interface ParseStats {
  targeted: number;
  full: number;
  /** Root table regions the targeted table reader read. */
  tableRegions?: number;
  /** Regions it left to wikiparser-node, by reason. */
  tableFallbacks?: Record<string, number>;
  /** Sections the targeted parser left to wikiparser-node, by reason. */
  irregular?: Record<string, number>;
  /** Values and cell pieces the targeted parser handed to wikiparser-node one by one (its plain text). */
  plainTexts?: number;
}

/** The parsed article: every template and #invoke in document order. */
export interface Parsed {
  source: Source;
  templates: TemplateView[];
  tables: TableView[];
}

interface Heading {
  offset: number;
  level: number;
  title: string;
}

/**
 * Parses one article.
 * @param source the article as read
 * @param context diagnostics sink
 * @returns the templates with their sections
 */
export function parseSource(source: Source, context: StageContext, options: ParseOptions = {}): Parsed {
  const text = source.wikitext;
  const wanted = options.wanted ?? ((): boolean => true);
  const headings: Heading[] = [];
  const found: Omit<TemplateView, 'section' | 'recovered'>[] = [];
  const callStarts = new Set<number>();
  const tables: Omit<TableView, 'section'>[] = [];
  const failed: [number, number][] = [];
  const parseChunk = (start: number, end: number, retry: boolean): void => {
    try {
      const chunkText = text.slice(start, end);
      const { root, tables: tableNodes, indexOf } = parseCapped(chunkText);
      const chunkHeadings: Heading[] = [];
      const chunkTemplates: Omit<TemplateView, 'section' | 'recovered'>[] = [];
      const chunkStarts: number[] = [];
      const chunkTables: Omit<TableView, 'section'>[] = [];
      for (const child of root.childNodes) {
        if (child.type !== 'heading') continue;
        const heading = child as Token & { level: number };
        const title = heading.firstChild === undefined ? '' : plainText(heading.firstChild as never).text;
        chunkHeadings.push({ offset: start + indexOf(heading), level: heading.level, title });
      }
      for (const node of root.querySelectorAll('template, magic-word#invoke')) {
        const t = node as Token & { name: string; getModule?(): [string, string | undefined] };
        chunkStarts.push(start + indexOf(t));
        const isInvoke = t.type === 'magic-word';
        if (wanted(isInvoke && t.getModule !== undefined ? t.getModule()[0] : t.name, isInvoke)) chunkTemplates.push(viewTemplate(node as Token, start, source.locator));
      }
      for (const node of tableNodes) chunkTables.push(viewTable(node, start, source.locator, chunkText, indexOf));
      headings.push(...chunkHeadings);
      found.push(...chunkTemplates);
      for (const s of chunkStarts) callStarts.add(s);
      tables.push(...chunkTables);
      if (options.stats !== undefined) options.stats.full += 1;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // Retry a failing section heading by heading, so only the nested part is lost.
      const pieces = retry ? cutAt(text, start, end, 'any') : [];
      if (pieces.length > 1) {
        for (const [s, e] of pieces) parseChunk(s, e, false);
        return;
      }
      failed.push([start, end]);
      context.report({
        code: 'parse/too-deep',
        stage: 'parse',
        message: `Unexpected wikitext too deeply nested to parse (${error.message}), expected at most a few hundred levels of templates; this section was skipped`,
        span: source.locator.span(start, end),
      });
    }
  };
  // Counted only when asked (tests): the parses a value or cell piece costs.
  const counted = options.stats;
  const full: typeof FULL_PARSER =
    counted === undefined
      ? FULL_PARSER
      : {
          ...FULL_PARSER,
          plainText: (t: string) => {
            counted.plainTexts = (counted.plainTexts ?? 0) + 1;
            return FULL_PARSER.plainText(t);
          },
        };
  const readTargeted = (start: number, end: number, mask: Masked): boolean => {
    const read = readChunk(text, start, end, source.locator, wanted, full, mask);
    const stats = options.stats;
    if ('irregular' in read) {
      if (stats !== undefined) count((stats.irregular ??= {}), read.irregular);
      return false;
    }
    if (stats !== undefined) {
      stats.tableRegions = (stats.tableRegions ?? 0) + read.tableRegions.read;
      for (const why of read.tableRegions.fallbacks) count((stats.tableFallbacks ??= {}), why);
    }
    for (const h of read.headings) headings.push(h);
    for (const t of read.templates) found.push(t);
    for (const s of read.callStarts) callStarts.add(s);
    for (const t of read.tables) tables.push(t);
    if (options.stats !== undefined) options.stats.targeted += 1;
    return true;
  };
  // Nesting is measured before any parse: wikiparser-node's stack and memory give out on deep text.
  const readChunkAt = (start: number, end: number, retry: boolean): void => {
    const mask = maskOpaque(text.slice(start, end), FULL_PARSER.extTags);
    const depth = nestingDepth(mask.masked);
    if (depth > MAX_NESTING) {
      const pieces = retry ? cutAt(text, start, end, 'any') : [];
      if (pieces.length > 1) {
        for (const [s, e] of pieces) readChunkAt(s, e, false);
        return;
      }
      failed.push([start, end]);
      context.report({
        code: 'parse/too-deep',
        stage: 'parse',
        message: `Unexpected templates, links and tables nested ${depth} levels deep, expected at most ${MAX_NESTING}; this section was skipped`,
        span: source.locator.span(start, end),
      });
      return;
    }
    if (options.mode === 'full' || !readTargeted(start, end, mask)) parseChunk(start, end, retry);
  };
  for (const [start, end] of splitIntoPieces(text, source, context)) readChunkAt(start, end, true);
  reportUnclosedCalls(text, callStarts, failed, source, context);
  const paths = sectionPaths(headings);
  return {
    source,
    templates: found
      .sort((a, b) => a.offset - b.offset)
      .map((t) => ({ ...t, section: pathAt(paths, t.offset), recovered: source.recoveredAt.has(t.offset) })),
    tables: tables.sort((a, b) => a.offset - b.offset).map((t) => ({ ...t, section: pathAt(paths, t.offset) })),
  };
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Openers of the calls wikitally reads; one the parser did not turn into a call lost its braces. */
const OPENERS = /\{\{\s*(#invoke\s*:\s*[^|}\n]*|\d+\s*team\s*bracket[^|}\n]*|infobox[^|}\n]*|football\s*box[^|}\n]*|two\s*leg\s*result)/gi;

/** A call the parser did not turn into a template has lost its closing braces. */
function reportUnclosedCalls(text: string, starts: ReadonlySet<number>, failed: readonly [number, number][], source: Source, context: StageContext): void {
  // Comments, nowiki and includeonly parts are not parsed on the page itself: openers there are not calls.
  const masked = text.replace(/<!--[\s\S]*?(?:-->|$)|<nowiki>[\s\S]*?<\/nowiki>|<includeonly>[\s\S]*?(?:<\/includeonly>|$)/gi, (m) => ' '.repeat(m.length));
  for (const m of masked.matchAll(OPENERS)) {
    if (starts.has(m.index) || failed.some(([s, e]) => m.index >= s && m.index < e)) continue;
    context.report({
      code: 'parse/unclosed-template',
      stage: 'parse',
      message: `Unexpected \`{{${m[1]?.trim() ?? ''}\` with no closing \`}}\`, expected a closed call; nothing in it was read`,
      span: source.locator.span(m.index, m.index + m[0].length),
    });
  }
}

/** For each heading, the path of titles it opens. */
function sectionPaths(headings: readonly Heading[]): { offset: number; path: string[] }[] {
  const stack: Heading[] = [];
  return [...headings]
    .sort((a, b) => a.offset - b.offset)
    .map((h) => {
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
      stack.push(h);
      return { offset: h.offset, path: stack.map((s) => s.title) };
    });
}

function pathAt(paths: readonly { offset: number; path: string[] }[], offset: number): string[] {
  let lo = 0;
  let hi = paths.length - 1;
  let best: string[] = [];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paths[mid];
    if (p === undefined) break;
    if (p.offset <= offset) {
      best = p.path;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export type { TemplateView, ParamView } from './query.js';
export { withParentArgs } from './query.js';
export type { TableView, TableCellView } from './tables.js';
export { subSpan } from './position.js';
