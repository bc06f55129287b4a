/**
 * Stage 2, parse: Source → Parsed. Parses the source's wikitext with wikiparser-node (enwiki
 * config), one level-2 section at a time so large articles do not exhaust the heap, and hands
 * extractors plain views of every template and #invoke with its section path.
 * Emits: parse/too-deep, parse/too-large, parse/unclosed-template.
 */
import Parser from 'wikiparser-node';
import type { Token } from 'wikiparser-node';
import type { Source, StageContext } from '../types/index.js';
import { plainText } from './plain-text.js';
import { viewTemplate, type TemplateView } from './query.js';

Parser.config = 'enwiki';

/** Sections larger than this are split further (wikiparser-node needs ~400 MB per 512 KB). */
const MAX_CHUNK = 256 * 1024;

/** The parsed article: every template and #invoke in document order. */
export interface Parsed {
  source: Source;
  templates: TemplateView[];
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
export function parseSource(source: Source, context: StageContext): Parsed {
  const text = source.wikitext;
  const headings: Heading[] = [];
  const found: Omit<TemplateView, 'section' | 'recovered'>[] = [];
  for (const [start, end] of splitIntoChunks(text, source, context)) {
    try {
      const root = Parser.parse(text.slice(start, end));
      for (const child of root.childNodes) {
        if (child.type !== 'heading') continue;
        const heading = child as Token & { level: number };
        const title = heading.firstChild === undefined ? '' : plainText(heading.firstChild as never).text;
        headings.push({ offset: start + heading.getAbsoluteIndex(), level: heading.level, title });
      }
      for (const node of root.querySelectorAll('template, magic-word#invoke')) {
        found.push(viewTemplate(node as Token, start, source.locator));
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      context.report({
        code: 'parse/too-deep',
        stage: 'parse',
        message: `Unexpected wikitext too deeply nested to parse (${error.message}), expected at most a few hundred levels of templates; this section was skipped`,
        span: source.locator.span(start, end),
      });
    }
  }
  reportUnclosedInvokes(text, found, source, context);
  const paths = sectionPaths(headings);
  return {
    source,
    templates: found
      .sort((a, b) => a.offset - b.offset)
      .map((t) => ({ ...t, section: pathAt(paths, t.offset), recovered: source.recoveredAt.has(t.offset) })),
  };
}

/** Splits at level-2 headings, then at any heading, then at line ends, keeping chunks small. */
function splitIntoChunks(text: string, source: Source, context: StageContext): [number, number][] {
  const chunks: [number, number][] = [];
  const split = (start: number, end: number, pattern: RegExp | undefined): void => {
    if (end - start <= MAX_CHUNK) {
      chunks.push([start, end]);
      return;
    }
    if (pattern === undefined) {
      // No headings left to split at: cut at line ends, and say so (a template across the cut breaks).
      context.report({
        code: 'parse/too-large',
        stage: 'parse',
        message: `Unexpected ${end - start} characters with no heading to split at, expected sections under ${MAX_CHUNK}; parsed in pieces cut at line ends`,
        span: source.locator.span(start, end),
      });
      let s = start;
      while (s < end) {
        let e = Math.min(end, s + MAX_CHUNK);
        if (e < end) {
          const nl = text.lastIndexOf('\n', e);
          if (nl > s) e = nl + 1;
        }
        chunks.push([s, e]);
        s = e;
      }
      return;
    }
    const cuts = [start];
    pattern.lastIndex = 0;
    const slice = text.slice(start, end);
    for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) if (m.index > 0) cuts.push(start + m.index);
    cuts.push(end);
    const next = pattern === LEVEL2 ? ANY_HEADING : undefined;
    for (let i = 0; i + 1 < cuts.length; i++) split(cuts[i] ?? start, cuts[i + 1] ?? end, next);
  };
  split(0, text.length, LEVEL2);
  return chunks;
}

const LEVEL2 = /^==[^=\n].*==[ \t]*$/gm;
const ANY_HEADING = /^=+[^=\n].*=+[ \t]*$/gm;

/** An `{{#invoke:` the parser did not turn into a call has lost its closing braces. */
function reportUnclosedInvokes(
  text: string,
  found: readonly Omit<TemplateView, 'section' | 'recovered'>[],
  source: Source,
  context: StageContext,
): void {
  const starts = new Set(found.filter((t) => t.isInvoke).map((t) => t.offset));
  const masked = text.replace(/<!--[\s\S]*?(?:-->|$)|<nowiki>[\s\S]*?<\/nowiki>/gi, (m) => ' '.repeat(m.length));
  for (const m of masked.matchAll(/\{\{\s*#invoke\s*:\s*([^|}\n]*)/gi)) {
    if (starts.has(m.index)) continue;
    context.report({
      code: 'parse/unclosed-template',
      stage: 'parse',
      message: `Unexpected \`{{#invoke:${m[1]?.trim() ?? ''}\` with no closing \`}}\`, expected a closed call; nothing in it was read`,
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
export { subSpan } from './position.js';
