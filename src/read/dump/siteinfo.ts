/**
 * Reads the prolog of a dump (what comes before the first `<page>`): the namespace names of
 * `<siteinfo><namespaces>`, used for pages that have no `<ns>`, and whether a DOCTYPE declares
 * entities or points at an external DTD (neither is ever expanded or fetched: it is reported).
 */
import { decodeXmlText } from './xml-text.js';

/** What the prolog says. */
export interface Siteinfo {
  /** Namespace names in lower case (English defaults, then the dump's own) → numbers. */
  namespaces: Map<string, number>;
  /** True when a DOCTYPE declares entities or names an external DTD. */
  declaresEntities: boolean;
}

/** MediaWiki's canonical English namespace names and aliases, valid on every wiki. */
const DEFAULT_NAMESPACES: Readonly<Record<string, number>> = {
  media: -2, special: -1, talk: 1, user: 2, 'user talk': 3, wikipedia: 4, project: 4, 'wikipedia talk': 5, file: 6, image: 6,
  'file talk': 7, mediawiki: 8, 'mediawiki talk': 9, template: 10, 'template talk': 11, help: 12, 'help talk': 13,
  category: 14, 'category talk': 15, portal: 100, draft: 118, module: 828, 'module talk': 829,
};

const NAMESPACE_OPEN = Buffer.from('<namespace');
const NAMESPACE_CLOSE = Buffer.from('</namespace>');

/**
 * The default namespace names, for a dump with no `<siteinfo>`.
 * @returns a fresh map of lower-case names to numbers
 */
export function defaultNamespaces(): Map<string, number> {
  return new Map(Object.entries(DEFAULT_NAMESPACES));
}

/** Reads `key="…"` from a start tag's bytes. */
function keyOf(tag: string): number | undefined {
  const at = tag.indexOf('key=');
  if (at === -1) return undefined;
  const quote = tag[at + 4];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = tag.indexOf(quote, at + 5);
  const value = tag.slice(at + 5, close === -1 ? undefined : close).trim();
  return /^-?[0-9]{1,6}$/.test(value) ? Number(value) : undefined;
}

/**
 * Reads a dump's prolog.
 * @param bytes the bytes before the first page
 * @returns its namespaces and whether it declares entities
 */
export function parseSiteinfo(bytes: Buffer): Siteinfo {
  const namespaces = defaultNamespaces();
  for (let open = bytes.indexOf(NAMESPACE_OPEN); open !== -1; open = bytes.indexOf(NAMESPACE_OPEN, open + 1)) {
    const gt = bytes.indexOf('>', open);
    if (gt === -1) break;
    if (bytes[gt - 1] === 0x2f) continue; // <namespace key="0" />: the main namespace has no name
    const key = keyOf(bytes.toString('latin1', open, gt));
    const close = bytes.indexOf(NAMESPACE_CLOSE, gt);
    if (key === undefined || close === -1) continue;
    const name = decodeXmlText(bytes, gt + 1, close).text.trim().toLowerCase();
    if (name !== '') namespaces.set(name, key);
  }
  return { namespaces, declaresEntities: declaresEntities(bytes) };
}

/** True when a DOCTYPE declares entities, or names an external DTD (`SYSTEM` or `PUBLIC`). */
function declaresEntities(bytes: Buffer): boolean {
  const doctype = bytes.indexOf('<!DOCTYPE');
  if (doctype === -1) return false;
  if (bytes.includes('<!ENTITY', doctype)) return true;
  // The external identifier comes before the internal subset `[` or the closing `>`.
  let stop = doctype + 9;
  while (stop < bytes.length && bytes[stop] !== 0x5b && bytes[stop] !== 0x3e) stop += 1;
  const declaration = bytes.toString('latin1', doctype, stop);
  return declaration.includes('SYSTEM') || declaration.includes('PUBLIC');
}

/**
 * Tells a page's namespace from its title, for a page with no `<ns>`.
 * @param title the page title
 * @param namespaces lower-case names → numbers
 * @returns the number of the title's prefix, or 0 (articles)
 */
export function namespaceOfTitle(title: string, namespaces: ReadonlyMap<string, number>): number {
  const colon = title.indexOf(':');
  if (colon <= 0) return 0;
  return namespaces.get(title.slice(0, colon).trim().toLowerCase().replaceAll('_', ' ')) ?? 0;
}
