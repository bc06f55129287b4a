/**
 * A page transcluded into an article, read as MediaWiki transcludes it for the parts wikitally
 * reads: only what `<onlyinclude>` holds when there is any, else the page without its
 * `<noinclude>` parts and with its `<includeonly>` parts; each `{{{name|default}}}` replaced by
 * the argument the caller passes, or its default. The result is a Source whose positions point
 * into the template page's own file, so a fault in the table is reported there.
 */
import { Locator, OffsetMap, asParserReads } from '../parse/position.js';
import type { Source } from '../types/index.js';

/** A page that articles may transclude (a template page given as a file, folder entry or dump page). */
export interface TemplatePage {
  /** The page title, as written in the dump or read from the file name (`Template:2019–20 Bundesliga table`). */
  title: string;
  /** The file its positions point into (for a dump page: the dump). */
  file: string;
  /** For a dump page: its title, named by diagnostics. */
  page?: string;
  text: string;
}

/**
 * The key a transclusion and a page are matched by: namespace `Template:` dropped, underscores
 * as spaces, dashes folded (file names often write `2019-20` for the title's `2019–20`), the first
 * letter in upper case, as MediaWiki compares titles.
 * @param title a page title, a file's title, or a template call's name
 * @returns the key
 */
export function transclusionKey(title: string): string {
  const t = title
    .trimStart()
    .replace(/^:?\s*template\s*[:-]\s*/i, '')
    .replace(/[_\s]+/g, ' ')
    .replace(/[‐‑‒–—−]/g, '-')
    .trim();
  return t.length === 0 ? t : t[0]!.toUpperCase() + t.slice(1);
}

/**
 * The title a file stands for: `Template-2019-20_Bundesliga_table.wikitext` → `Template:2019-20 Bundesliga table`.
 * @param file a file name or path
 * @returns the title, or undefined when the file is not a template page
 */
export function templateTitleOfFile(file: string): string | undefined {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.(wiki|wikitext|mediawiki|txt)$/i, '');
  const m = /^template[:-](.+)$/i.exec(base);
  return m === null ? undefined : `Template:${(m[1] ?? '').replace(/_/g, ' ')}`;
}

type Piece = { copy: [number, number] } | { insert: string };

/**
 * Reads a page as transcluded by a call.
 * @param page the template page
 * @param args the call's arguments (name → value as written; anonymous ones as '1', '2', …)
 * @returns the source to parse: its wikitext is the transcluded text, its positions those of the page's file
 */
export function transcludedSource(page: TemplatePage, args: ReadonlyMap<string, string>): Source {
  const pieces: Piece[] = [];
  for (const [s, e] of includedRanges(page.text)) substitute(page.text, s, e, args, pieces, 0);
  const assembled = new OffsetMap();
  let virtual = '';
  for (const p of pieces) {
    if ('copy' in p) {
      assembled.copy(p.copy[0], p.copy[1] - p.copy[0]);
      virtual += page.text.slice(p.copy[0], p.copy[1]);
    } else {
      assembled.insert(p.insert.length);
      virtual += p.insert;
    }
  }
  const { wikitext, map } = asParserReads(virtual, assembled);
  return {
    file: page.file,
    format: 'wikitext',
    title: page.title,
    text: page.text,
    wikitext,
    locator: new Locator(page.text, map),
    recoveredAt: new Set(),
    tables: [],
  };
}

/** The parts of a page that are transcluded, as ranges of its text. */
function includedRanges(text: string): [number, number][] {
  const lower = text.toLowerCase();
  const only: [number, number][] = [];
  for (let at = lower.indexOf('<onlyinclude>'); at !== -1; ) {
    const close = lower.indexOf('</onlyinclude>', at);
    const start = at + '<onlyinclude>'.length;
    only.push([start, close === -1 ? text.length : close]);
    if (close === -1) break;
    at = lower.indexOf('<onlyinclude>', close);
  }
  const ranges = only.length > 0 ? only : [[0, text.length] as [number, number]];
  // Within them: <noinclude>…</noinclude> is left out, <includeonly> tags are dropped (their text kept).
  return ranges.flatMap(([s, e]) => {
    const kept: [number, number][] = [];
    let at = s;
    const tag = /<\/?(?:noinclude|includeonly)\s*\/?>/gi;
    tag.lastIndex = s;
    let skipping = false;
    for (let m = tag.exec(text); m !== null && m.index < e; m = tag.exec(text)) {
      const name = m[0].toLowerCase();
      if (!skipping && m.index > at) kept.push([at, m.index]);
      if (name.startsWith('<noinclude')) skipping = !name.endsWith('/>');
      else if (name.startsWith('</noinclude')) skipping = false;
      at = m.index + m[0].length;
    }
    if (!skipping && at < e) kept.push([at, e]);
    return kept;
  });
}

/** Copies [s, e) of the text into pieces, replacing `{{{name|default}}}` by the argument or default. */
function substitute(text: string, s: number, e: number, args: ReadonlyMap<string, string>, out: Piece[], depth: number): void {
  let at = s;
  for (let i = text.indexOf('{{{', s); i !== -1 && i < e; i = text.indexOf('{{{', at)) {
    const close = matchingClose(text, i, e);
    if (close === -1 || depth > 20) break;
    if (i > at) out.push({ copy: [at, i] });
    const bar = topLevelBar(text, i + 3, close);
    const name = text.slice(i + 3, bar === -1 ? close : bar).trim();
    const value = args.get(name);
    if (value !== undefined) out.push({ insert: value });
    else if (bar !== -1) substitute(text, bar + 1, close, args, out, depth + 1);
    else out.push({ copy: [i, close + 3] });
    at = close + 3;
  }
  if (at < e) out.push({ copy: [at, e] });
}

/** The `}}}` closing the `{{{` at i, counting nested triple braces; -1 when there is none before e. */
function matchingClose(text: string, i: number, e: number): number {
  let depth = 0;
  for (let k = i; k < e - 2; k++) {
    if (text.startsWith('{{{', k)) {
      depth += 1;
      k += 2;
    } else if (text.startsWith('}}}', k)) {
      depth -= 1;
      if (depth === 0) return k;
      k += 2;
    }
  }
  return -1;
}

/** The first `|` of a `{{{name|default}}}` outside nested braces and links. */
function topLevelBar(text: string, s: number, e: number): number {
  let depth = 0;
  for (let k = s; k < e; k++) {
    const c = text[k];
    if ((c === '{' || c === '[') && text[k + 1] === c) {
      depth += 1;
      k += 1;
    } else if ((c === '}' || c === ']') && text[k + 1] === c) {
      depth = Math.max(0, depth - 1);
      k += 1;
    } else if (c === '|' && depth === 0) return k;
  }
  return -1;
}

/** The longest template name looked at (real names are short; a hostile one is not read further). */
const MAX_NAME = 256;

/**
 * Calls of pages that look like league tables (`{{2019–20 Bundesliga table}}`): what an article
 * with a results grid and no table most likely transcludes. A scan, not a regular expression.
 * @param text the article's wikitext
 * @returns each call's name and where it is
 */
export function tableTransclusions(text: string): { name: string; start: number; end: number }[] {
  const found: { name: string; start: number; end: number }[] = [];
  for (let i = text.indexOf('{{'); i !== -1; i = text.indexOf('{{', i + 2)) {
    let j = i + 2;
    while (j < text.length && j - i < MAX_NAME && !'{}|\n'.includes(text[j] ?? '')) j++;
    const name = text.slice(i + 2, j).trim();
    if (/\btable\b/i.test(name) && !name.startsWith('#') && (text[j] === '}' || text[j] === '|')) found.push({ name, start: i, end: j });
  }
  return found;
}
