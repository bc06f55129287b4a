/**
 * wikiparser-node as the targeted parser uses it: plain text of one value, the tables of one
 * region, and the names of the wiki (tags, protocols, magic words, canonical titles), cached.
 */
import { createRequire } from 'node:module';
import Parser from 'wikiparser-node';
import type { AstNodes, Token } from 'wikiparser-node';
import { MAX_COLSPAN, MAX_ROWSPAN } from '../limits.js';
import type { FullParser } from './fast/index.js';
import { plainText } from './plain-text.js';
import type { Locator } from './position.js';
import { viewTable } from './tables.js';

memoiseLibraryRequires();
Parser.config = 'enwiki';
// We never edit the tree; view-only mode lets the parser cache node offsets (getAbsoluteIndex is
// otherwise quadratic in the number of siblings).
Parser.viewOnly = true;

const config = Parser.getConfig();
const [insensitiveFunctions, sensitiveFunctions] = config.parserFunction as unknown as [Record<string, string>, Record<string, string>, ...unknown[]];
const variables = new Set((config.variable as string[]).map((v) => v.toLowerCase()));
const titles = new Map<string, { title: string; valid: boolean }>();
const INVOKE_OPENER = /\{\{\s*#invoke/i;
const WANTED_WORD = /bracket|football|fb|two\s*leg|infobox/i;
const tokens = new Map<string, boolean>();

/** wikiparser-node's reading of a page name (40 µs a call, hence the cache). */
function titleOf(name: string, namespace: number): { title: string; valid: boolean } {
  const key = `${namespace}\u0000${name}`;
  let title = titles.get(key);
  if (title === undefined) {
    const t = Parser.normalizeTitle(name, namespace);
    title = { title: t.title, valid: t.valid };
    if (titles.size > 100_000) titles.clear();
    titles.set(key, title);
  }
  return title;
}

/**
 * The canonical title of a page name in a namespace, as wikiparser-node writes it.
 * @param name the name as written
 * @param namespace the default namespace (10 templates, 828 modules)
 * @returns e.g. `Template:Fb_cl2_team`
 */
export function canonicalTitle(name: string, namespace: number): string {
  return titleOf(name, namespace).title;
}

function callKind(name: string): { template: string } | 'magic' | undefined {
  if (name.length === 0 || /[<>[\]{}|\n\u0000-\u001f\u007f\ufffd#%]/.test(name.slice(1))) return undefined;
  if (name.startsWith('#')) return 'magic';
  const colon = name.indexOf(':');
  const head = (colon === -1 ? name : name.slice(0, colon)).trim();
  if (colon !== -1 && (head.toLowerCase() in insensitiveFunctions || head in sensitiveFunctions)) return 'magic';
  // Variables ({{PAGENAME}}, {{!}}) and odd prefixes (subst:) are for wikiparser-node to read.
  if (variables.has(head.toLowerCase()) || /^(?:safe)?subst$/i.test(head)) return undefined;
  const title = titleOf(name, 10);
  return title.valid ? { template: title.title } : undefined;
}

/** The wikiparser-node side of the targeted parser. */
export const FULL_PARSER: FullParser = {
  extTags: config.ext,
  inline: {
    htmlTags: new Set((config.html as string[][]).flat()),
    linkLike: new RegExp(`(?:${config.protocol.split('|').map((p) => p.replace(/[/.]/g, (c) => `\\${c}`)).join('|')})`, 'i'),
    namespaceOf(prefix: string): number | undefined {
      const key = prefix.replace(/[\s_]+/g, ' ').trim().toLowerCase();
      return Object.hasOwn(config.nsid, key) ? config.nsid[key] : undefined;
    },
    templateTitle(name: string): string | undefined {
      const kind = callKind(name);
      return kind === undefined || kind === 'magic' || name.includes(':') ? undefined : kind.template;
    },
  },
  plainText(text: string) {
    // The text is a cell or a parameter value: in its page it never starts a line, so a heading,
    // list or table opened at its start is text there. A space in front keeps it so (plain text trims it).
    return plainText(Parser.parse(` ${text}`) as unknown as AstNodes);
  },
  tables(region: string, base: number, locator: Locator) {
    const { tables, indexOf } = parseCapped(region);
    return tables.map((node) => viewTable(node, base, locator, region, indexOf));
  },
  moduleTitle(name: string) {
    return canonicalTitle(name, 828);
  },
  callKind,
  makesToken(rawName: string) {
    let made = tokens.get(rawName);
    if (made === undefined) {
      // The name decides (a variable is one only without arguments, but then a valid template title).
      const first = Parser.parse(`{{${rawName}}}`).childNodes;
      made = first.length === 1 && (first[0]?.type === 'template' || first[0]?.type === 'magic-word');
      if (tokens.size > 10_000) tokens.clear();
      tokens.set(rawName, made);
    }
    return made;
  },
  mayHoldWanted(text: string) {
    // A call name runs from `{{` to the next `|` or `}`: test each such piece once (linear).
    return text.split(/[|}]/).some((piece) => {
      const open = piece.indexOf('{{');
      return open !== -1 && (INVOKE_OPENER.test(piece) || WANTED_WORD.test(piece.slice(open + 2)));
    });
  },
};

type AttributeLike = Token & { lastChild: Token; getValue(): string | true };
type AttributesLike = Token & { getAttrToken(key: string): AttributeLike | undefined };

/** What parseInt reads at the start of a span value (sign, then hex digits after `0x` or decimal digits). */
const SPAN_NUMBER = /^[+-]?(?:0x[0-9a-f]+|\d+)/i;

/**
 * Parses wikitext with wikiparser-node, table cell spans capped: a rowspan or colspan over
 * MAX_ROWSPAN or MAX_COLSPAN (`colspan=1000000000` makes `getLayout()` abort V8) is rewritten to
 * the cap padded with leading zeros to the same length (`0000001000`), so no offset moves, and the
 * text parsed again. Views read the spans as written from the original text.
 * @param text the wikitext
 * @returns the root of the parse (of the rewritten text when a span was over its cap) and its tables
 */
export function parseCapped(text: string): { root: Token; tables: Token[]; indexOf: (node: Token) => number } {
  const root = Parser.parse(text);
  const tables = root.querySelectorAll('table') as Token[];
  const patches = tables.length === 0 || !/span/i.test(text) ? [] : tables.flatMap(spanPatches);
  if (patches.length === 0) return { root, tables, indexOf: indexer(root) };
  let patched = '';
  let at = 0;
  for (const p of patches.sort((a, b) => a.at - b.at)) {
    patched += text.slice(at, p.at) + p.value;
    at = p.at + p.value.length;
  }
  const again = Parser.parse(patched + text.slice(at));
  return { root: again, tables: again.querySelectorAll('table') as Token[], indexOf: indexer(again) };
}

/**
 * Index of a node in the parsed text, summed once for the children of the root: their
 * `getAbsoluteIndex()` adds up every sibling before them (quadratic over thousands of tables).
 */
function indexer(root: Token): (node: Token) => number {
  const starts = new Map<unknown, number>();
  let at = 0;
  for (const child of root.childNodes) {
    starts.set(child, at);
    at += String(child).length;
  }
  return (node) => starts.get(node) ?? node.getAbsoluteIndex();
}

/** The rewrites that cap the spans of a table's own cells. */
function spanPatches(table: Token): { at: number; value: string }[] {
  const patches: { at: number; value: string }[] = [];
  const cells = table.childNodes.flatMap((child) => (child.type === 'tr' ? (child as Token).childNodes : [child])).filter((c) => c.type === 'td');
  for (const td of cells) {
    const attrs = (td as Token).childNodes[1] as AttributesLike | undefined;
    for (const [key, max] of [['rowspan', MAX_ROWSPAN], ['colspan', MAX_COLSPAN]] as const) {
      const attr = attrs?.getAttrToken(key);
      const value = attr?.getValue();
      if (attr === undefined || typeof value !== 'string' || !(Number.parseInt(value) > max)) continue;
      const raw = String(attr.lastChild);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      const number = SPAN_NUMBER.exec(body)?.[0];
      // The number as written, unless comments or templates make the value differ from the text.
      const width = number !== undefined && Number.parseInt(number) === Number.parseInt(value) ? number.length : body.length;
      if (width >= String(max).length) patches.push({ at: attr.lastChild.getAbsoluteIndex() + lead, value: String(max).padStart(width, '0') });
    }
  }
  return patches;
}

/**
 * wikiparser-node calls `require()` inside its per-token steps; Node resolves the path again on
 * every call (13–16 % of a parse in profiles). The exports of a module never change once loaded,
 * so calls made by the library's own files are answered from a cache keyed by caller and request.
 */
function memoiseLibraryRequires(): void {
  const require = createRequire(import.meta.url);
  type Caller = { filename?: string };
  const Module = require('node:module') as { prototype: { require: (this: Caller, id: string) => unknown } };
  const library = require.resolve('wikiparser-node').replace(/dist[\\/]index\.js$/, '');
  const original = Module.prototype.require;
  if ((original as { memoised?: boolean }).memoised === true) return;
  const byCaller = new WeakMap<Caller, Map<string, unknown> | null>();
  const memoised = function (this: Caller, id: string): unknown {
    let cache = byCaller.get(this);
    if (cache === undefined) {
      cache = this.filename !== undefined && this.filename.startsWith(library) ? new Map() : null;
      byCaller.set(this, cache);
    }
    if (cache === null) return original.call(this, id);
    if (cache.has(id)) return cache.get(id);
    const value = original.call(this, id);
    cache.set(id, value);
    return value;
  };
  (memoised as { memoised?: boolean }).memoised = true;
  Module.prototype.require = memoised;
}
