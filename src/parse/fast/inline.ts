/**
 * Plain text of a range of wikitext without building a syntax tree, equal to what
 * `plainText()` gives for the same range parsed by wikiparser-node. It covers what parameter
 * values and table cells are made of (text, entities, comments, extension tags, `<br>` and other
 * HTML tags, links, templates); for anything else (quotes, lists, external and magic links, files,
 * categories, parser functions, tables in a value) it answers `undefined` and the caller asks
 * wikiparser-node for that one range.
 */
import type { Link } from '../../types/index.js';
import { decodeEntities, normaliseLinkTarget, type PlainText } from '../plain-text.js';
import type { Call, LinkPair } from './structure.js';

/** What a chunk offers to the evaluator: its text, masked text and brace structure. */
export interface InlineSource {
  /** The chunk's text and its masked copy (same length). */
  text: string;
  masked: string;
  /** Calls and links by start index. */
  callAt: ReadonlyMap<number, Call>;
  linkAt: ReadonlyMap<number, LinkPair>;
  /** The wiki's configuration: HTML tag names, protocols, and the canonical template title of a name. */
  config: InlineConfig;
}

/** What the evaluator needs of the wiki's configuration. */
export interface InlineConfig {
  htmlTags: ReadonlySet<string>;
  /** Matches the start of a free external link or magic link. */
  linkLike: RegExp;
  /** The namespace the text before a link target's first `:` names (`File` 6, `category` 14, `` 0 for `[[:X]]`), or undefined. */
  namespaceOf(prefix: string): number | undefined;
  /** `Template:Nowrap` for `nowrap`; undefined when the name is not a plain template name. */
  templateTitle(name: string): string | undefined;
}

/** Templates whose text is one of their arguments (canonical title → argument), as plain-text.ts. */
export const KEEP_ARGUMENT: Readonly<Record<string, string>> = {
  'Template:Score_link': '2',
  'Template:Nowrap': '1',
  'Template:Nobr': '1',
  'Template:Sort': '2',
  'Template:Small': '1',
  'Template:Big': '1',
  'Template:Abbr': '1',
  'Template:Tooltip': '1',
  'Template:Nobold': '1',
  'Template:Noitalic': '1',
  'Template:Lang': '2',
};

/**
 * One free external link and nothing else: a scheme, then characters that never end one, the last of
 * them one MediaWiki never trims from its end (no `.`, `,`, `)`, `;`…), white space around it.
 */
const LONE_URL = /^\s*(?:https?|ftp):\/\/[A-Za-z0-9][A-Za-z0-9\-._~:/?#@!$()*+,;=%]*[A-Za-z0-9/=_-]\s*$/;

/** The namespaces of files and categories: their links have no plain text. */
const FILE = 6;
const CATEGORY = 14;

/** Characters after which the simple scan has to look closer. */
const SPECIAL = /[[\]{}<'\n\u0001\u0002_:&]/;
/** Text that only wikiparser-node can read exactly. */
/** ISBN, RFC and PMID numbers are magic links, which plain text drops. */
const MAGIC_LINK = /\b(?:ISBN|RFC|PMID)\b/;
// A comment before line-start syntax (masked as BLANK) is gone when MediaWiki reads the line: `<!--…-->----` is a rule.
const HARD = /__|(?:^|\n)[ \t\u0001]*(?:----|\{\||!|\|)|\b(?:ISBN|RFC|PMID)\b/;
const HTML_TAG = /^(\/?)([a-z][^\s/>]*)((?:\s|\/(?!>))[^>]*?)?(\/?>)/i;

/**
 * Plain text of `[start, end)` of the chunk.
 * @param src the chunk
 * @param start index in the chunk
 * @param end index in the chunk (exclusive)
 * @returns the plain text and links, or undefined when wikiparser-node must read it
 */
export function inlineText(src: InlineSource, start: number, end: number): PlainText | undefined {
  const masked = src.masked.slice(start, end);
  if (!SPECIAL.test(masked) && !MAGIC_LINK.test(masked)) return { text: collapse(masked), links: [] };
  // A value that is one bare URL (a match box's `report=`) is a free external link whole, which has no plain text.
  if (LONE_URL.test(masked)) return { text: '', links: [] };
  // Line-start syntax inside a template's arguments (`\n|key=…`) is the template's own: only the text around calls counts.
  if ((HARD.test(masked) && HARD.test(outsideCalls(src, start, end))) || hasFreeLink(masked, src.config.linkLike)) return undefined;
  const links: Link[] = [];
  const parts = walk(src, start, end, links);
  return parts === undefined ? undefined : { text: collapse(decodeEntities(finish(parts))), links };
}

/** The masked range with each call inside it (whole) replaced by one `x`. */
function outsideCalls(src: InlineSource, start: number, end: number): string {
  const { masked } = src;
  let out = '';
  let at = start;
  let i = masked.indexOf('{{', start);
  while (i !== -1 && i < end) {
    const call = src.callAt.get(i);
    if (call === undefined || call.end > end) {
      i = masked.indexOf('{{', i + 2);
      continue;
    }
    out += `${masked.slice(at, i)}x`;
    at = call.end;
    i = masked.indexOf('{{', call.end);
  }
  return out + masked.slice(at, end);
}

/** What a range holds at the quote stage: its own text, and the output of each token inside it. */
type Part = string | { token: string };

/** A token as the quote stage sees it: four characters that are neither apostrophes nor spaces. */
const PLACEHOLDER = '\u0003\u0003\u0003\u0003';

/**
 * The plain text of a range's parts: bold and italic markup removed line by line as MediaWiki's
 * doQuotes reads it (wikiparser-node's parseQuotes), tokens replaced by their own text.
 */
function finish(parts: readonly Part[]): string {
  const tokens: string[] = [];
  let line = '';
  for (const p of parts) {
    if (typeof p === 'string') line += p;
    else {
      tokens.push(p.token);
      line += PLACEHOLDER;
    }
  }
  const stripped = line.includes("''") ? line.split('\n').map(stripQuotes).join('\n') : line;
  let k = 0;
  return stripped.split(PLACEHOLDER).reduce((out, piece, i) => (i === 0 ? piece : out + (tokens[k++] ?? '') + piece), '');
}

/** One line without its quote tokens (runs of two or more apostrophes read as bold/italic). */
function stripQuotes(line: string): string {
  const arr = line.split(/('{2,})/);
  if (arr.length === 1) return line;
  let nBold = 0;
  let nItalic = 0;
  let firstSingle: number | undefined;
  let firstMulti: number | undefined;
  let firstSpace: number | undefined;
  for (let i = 1; i < arr.length; i += 2) {
    const len = (arr[i] ?? '').length;
    if (len === 2) nItalic += 1;
    else if (len === 3 || len === 4) {
      if (len === 4) {
        arr[i - 1] += "'";
        arr[i] = "'''";
      }
      nBold += 1;
      const before = arr[i - 1] ?? '';
      if (firstSingle !== undefined) continue;
      if (before.endsWith(' ')) {
        if (firstMulti === undefined && firstSpace === undefined) firstSpace = i;
      } else if (before.slice(-2, -1) === ' ') firstSingle = i;
      else firstMulti ??= i;
    } else {
      arr[i - 1] += "'".repeat(len - 5);
      arr[i] = "'''''";
      nItalic += 1;
      nBold += 1;
    }
  }
  if (nItalic % 2 === 1 && nBold % 2 === 1) {
    const i = firstSingle ?? firstMulti ?? firstSpace;
    if (i !== undefined) {
      arr[i] = "''";
      arr[i - 1] += "'";
    }
  }
  return arr.filter((_, i) => i % 2 === 0).join('');
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The parts of a range (entities still encoded), or undefined when it holds something hard. */
function walk(src: InlineSource, start: number, end: number, links: Link[] | undefined): Part[] | undefined {
  const { text, masked } = src;
  const out: Part[] = [];
  let at = start;
  const special = /[[{<\u0001\u0002]/g;
  special.lastIndex = start;
  for (let m = special.exec(masked); m !== null && m.index < end; m = special.exec(masked)) {
    const i = m.index;
    const c = masked[i];
    if (c === '\u0001' || c === '\u0002') {
      // Comments and tags: each a token with no text of its own.
      out.push(text.slice(at, i), { token: '' });
      let j = i;
      while (j < end && (masked[j] === '\u0001' || masked[j] === '\u0002')) j++;
      at = j;
      special.lastIndex = j;
    } else if (c === '{') {
      const call = src.callAt.get(i);
      if (call === undefined) continue;
      if (call.end > end) return undefined;
      const value = callText(src, call, links);
      if (value === undefined) return undefined;
      out.push(text.slice(at, i), { token: value });
      at = call.end;
      special.lastIndex = call.end;
    } else if (c === '[') {
      if (masked[i + 1] !== '[') {
        const ext = externalLink(src, i, end);
        if (ext === 'hard') return undefined;
        if (ext === undefined) continue;
        out.push(text.slice(at, i), { token: ext.label });
        at = ext.end;
        special.lastIndex = ext.end;
        continue;
      }
      const link = src.linkAt.get(i);
      if (link === undefined || link.end > end) return undefined;
      const value = linkText(src, link, links);
      if (value === undefined) return undefined;
      out.push(text.slice(at, i), { token: value });
      at = link.end;
      special.lastIndex = link.end;
    } else {
      // `<`: an HTML tag the wiki knows is dropped (`<br>` is a space); anything else is text.
      const next = masked.indexOf('<', i + 1);
      const bit = masked.slice(i + 1, next === -1 || next > end ? end : next);
      const tag = HTML_TAG.exec(bit);
      const name = tag?.[2]?.toLowerCase();
      if (tag === null || name === undefined || !src.config.htmlTags.has(name)) continue;
      if (name === 'meta' || name === 'link') return undefined;
      const tagEnd = i + 1 + tag[0].length;
      // A template or link inside the tag is a placeholder to wikiparser-node: leave that case to it.
      if (/[{[]{2}/.test(masked.slice(i, tagEnd))) return undefined;
      out.push(text.slice(at, i), { token: name === 'br' ? ' ' : '' });
      at = tagEnd;
      special.lastIndex = tagEnd;
    }
  }
  out.push(text.slice(at, end));
  return out;
}

/** A link's text: its label, or its target when it has none; the link itself goes to `links`. */
function linkText(src: InlineSource, link: LinkPair, links: Link[] | undefined): string | undefined {
  const targetEnd = link.bar === -1 ? link.end - 2 : link.bar;
  const target = src.text.slice(link.start + 2, targetEnd);
  // Namespaces, subpages, entities, markup and URLs in the target: wikiparser-node decides.
  // A colon after anything but a namespace is part of a page name (`[[UTC+01:00|UTC+1]]`): the wiki has no interwiki prefixes.
  if (target.trim().length === 0 || /[%<>{}[\]\n\u0000-\u001f\u007f]|^\s*[./]|~~~|&[#a-z\d]+;/i.test(target)) return undefined;
  const anchor = target.trimStart().startsWith('#');
  const { at: scheme } = protocolsOf(src.config.linkLike);
  scheme.lastIndex = 0;
  if (scheme.test(target.trimStart())) return undefined;
  const colon = anchor ? -1 : target.indexOf(':');
  const ns = colon === -1 ? undefined : src.config.namespaceOf(target.slice(0, colon));
  // A file or category (its own prefix first, a name after it) has no plain text, and is no link to a page.
  if ((ns === FILE || ns === CATEGORY) && target.slice(colon + 1).trim().length > 0) return '';
  if (ns !== undefined) return undefined;
  if (src.masked.slice(link.start + 2, targetEnd) !== target) return undefined;
  let label: string;
  if (link.bar === -1) label = target;
  else {
    // A link inside the label makes the outer one text, or a linked image: wikiparser-node decides.
    const nested = src.masked.indexOf('[[', link.bar + 1);
    if (nested !== -1 && nested < link.end - 2) return undefined;
    const inner = walk(src, link.bar + 1, link.end - 2, undefined);
    if (inner === undefined) return undefined;
    label = finish(inner);
  }
  // A link to a section of this page (`[[#Notes|a]]`) is its label, and no link to a page.
  if (anchor) return label;
  // The page is what comes before the #fragment.
  links?.push({ target: normaliseLinkTarget(target.trim().split('#')[0] ?? ''), label: decodeEntities(label).trim() });
  return label;
}

/** A template's text: one argument for the wrapper templates, a date for Start date, else nothing. */
function callText(src: InlineSource, call: Call, links: Link[] | undefined): string | undefined {
  const { text, masked } = src;
  if (masked.slice(call.name.start, call.name.end).includes('\u0002')) return undefined;
  const name = masked.slice(call.name.start, call.name.end).replace(/\u0001/g, '').trim();
  const title = src.config.templateTitle(name);
  if (title === undefined) return undefined;
  const arg = (key: string): { start: number; end: number } | undefined => {
    let found: { start: number; end: number } | undefined;
    let anonymous = 0;
    for (const p of call.parts) {
      let k: string;
      if (p.eq === -1) k = String(++anonymous);
      else k = masked.slice(p.start, p.eq).replace(/\u0001/g, '').trim();
      if (k === key) found = p.eq === -1 ? { start: p.start, end: p.end } : { start: p.eq + 1, end: p.end };
    }
    return found;
  };
  const rawArg = (key: string): string => {
    const a = arg(key);
    return a === undefined ? '' : text.slice(a.start, a.end).trim();
  };
  if (title === 'Template:Start_date' || title === 'Template:Start_date_and_age') return startDate(rawArg('1'), rawArg('2'), rawArg('3'));
  if (title === 'Template:Sortname') return [rawArg('1'), rawArg('2')].filter(Boolean).join(' ');
  const key = KEEP_ARGUMENT[title];
  if (key === undefined) return '';
  const a = arg(key);
  if (a === undefined) return '';
  const parts = walk(src, a.start, a.end, links);
  return parts === undefined ? undefined : finish(parts);
}

/** `{{Start date|2020|7|2}}` → `2020-07-02`, as plain-text.ts does. */
function startDate(y: string, m: string, d: string): string {
  if (!/^\d{4}$/.test(y)) return '';
  return [y, m, d].filter((x) => /^\d{1,2}$|^\d{4}$/.test(x)).map((x, i) => (i === 0 ? x : x.padStart(2, '0'))).join('-');
}

/** Characters that end an external link's URL for the fast path (MediaWiki ends it at fewer). */
const URL_END = /[\s\u00a0[\]<>"'{}|\u0001\u0002\u0000-\u001f\u007f]/;
/** What an external link's label may hold for the fast path: plain text and entities. */
const PLAIN_LABEL = /^[^[\]{}<'\n\u0001\u0002]*$/;
const ENTITY = /&[#a-z\d]+;/iy;
/** The wiki's protocol pattern, global (free links) and sticky (after `[`). */
const protocols = new WeakMap<RegExp, { all: RegExp; at: RegExp }>();

function protocolsOf(linkLike: RegExp): { all: RegExp; at: RegExp } {
  let p = protocols.get(linkLike);
  if (p === undefined) protocols.set(linkLike, (p = { all: new RegExp(linkLike.source, 'gi'), at: new RegExp(linkLike.source, 'iy') }));
  return p;
}

/**
 * Whether a range holds a URL that is not the start of a bracketed external link (a free link,
 * which plain text drops: wikiparser-node decides where it ends).
 */
function hasFreeLink(masked: string, linkLike: RegExp): boolean {
  const { all } = protocolsOf(linkLike);
  all.lastIndex = 0;
  for (let m = all.exec(masked); m !== null; m = all.exec(masked)) if (m.index === 0 || masked[m.index - 1] !== '[') return true;
  return false;
}

/**
 * A bracketed external link at `i` (`[https://… label]`): its plain text is its label, the
 * separating space left out, or nothing without one. Undefined when `[` does not start one (it is
 * text); `hard` for anything the fast path does not read exactly (entities or markup in the URL,
 * several spaces, markup in the label, no closing bracket).
 */
function externalLink(src: InlineSource, i: number, end: number): { label: string; end: number } | 'hard' | undefined {
  const { masked, text } = src;
  const { at } = protocolsOf(src.config.linkLike);
  at.lastIndex = i + 1;
  if (!at.test(masked)) return masked[i + 1] === '/' && masked[i + 2] === '/' ? 'hard' : undefined;
  const urlStart = at.lastIndex;
  let j = urlStart;
  for (; j < end && !URL_END.test(masked[j] ?? ''); j++) {
    if (masked[j] !== '&') continue;
    ENTITY.lastIndex = j;
    if (ENTITY.test(masked)) return 'hard';
  }
  if (j === urlStart || j >= end) return 'hard';
  if (masked[j] === ']') return { label: '', end: j + 1 };
  if (masked[j] !== ' ' || masked[j + 1] === ' ' || masked[j + 1] === '\t') return 'hard';
  const close = masked.indexOf(']', j);
  if (close === -1 || close >= end) return 'hard';
  const label = text.slice(j + 1, close);
  if (!PLAIN_LABEL.test(masked.slice(j + 1, close)) || src.config.linkLike.test(label)) return 'hard';
  return { label, end: close + 1 };
}
