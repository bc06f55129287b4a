/**
 * wikiparser-node as the targeted parser uses it: plain text of one value, the tables of one
 * region, and the names of the wiki (tags, protocols, magic words, canonical titles), cached.
 */
import { createRequire } from 'node:module';
import Parser from 'wikiparser-node';
import type { AstNodes, Token } from 'wikiparser-node';
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
    templateTitle(name: string): string | undefined {
      const kind = callKind(name);
      return kind === undefined || kind === 'magic' || name.includes(':') ? undefined : kind.template;
    },
  },
  plainText(text: string) {
    return plainText(Parser.parse(text) as unknown as AstNodes);
  },
  tables(region: string, base: number, locator: Locator) {
    const root = Parser.parse(region);
    return root.querySelectorAll('table').map((node) => viewTable(node as Token, base, locator));
  },
  moduleTitle(name: string) {
    return canonicalTitle(name, 828);
  },
  callKind,
  mayHoldWanted(text: string) {
    return /\{\{\s*(?:#invoke|[^|}]*(?:bracket|football|fb|two\s*leg|infobox))/i.test(text);
  },
};

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
