/**
 * The redirects of a dump, kept small enough for the English one (about 11 M redirects of the main
 * namespace): each title is kept as a 53-bit hash of its key (pageTitleKey), in an open-addressing
 * table of two Float64Arrays, 16 bytes a slot, at most 3/4 full (about 270 MB for 11 M). Hashes
 * cannot be read back, so what an article is given is a map between its own link titles: links
 * that lead to one page are mapped to one of them, the page itself when the article links it.
 * Two titles whose hashes collide would be taken as one page; at 53 bits and 11 M titles, the
 * chance that two given titles do is below 1 in 10^8.
 */
import { pageTitleKey } from '../extract/club-names.js';

/** Hops followed from a title to the page it leads to (MediaWiki follows one; chains are edits in progress). */
const MAX_HOPS = 5;
const EMPTY = 0;

/**
 * A 53-bit hash of a string (cyrb53), never 0 (0 marks an empty slot).
 * @param text the string
 * @returns the hash, an integer below 2^53
 */
export function titleHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const h = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return h === EMPTY ? 1 : h;
}

/** Redirects title → target of one wiki, by hash. */
export class RedirectTable {
  private keys = new Float64Array(1 << 10);
  private values = new Float64Array(1 << 10);
  private count = 0;

  /** How many redirects are kept. */
  get size(): number {
    return this.count;
  }

  /**
   * A copy (a dump adds its own redirects to the copy, not to the map the run was given).
   * @returns the copy
   */
  clone(): RedirectTable {
    const copy = new RedirectTable();
    copy.keys = this.keys.slice();
    copy.values = this.values.slice();
    copy.count = this.count;
    return copy;
  }

  /** Bytes the table holds. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /**
   * Keeps one redirect (a later one of the same title replaces it, as a later revision would).
   * @param title the redirect page's title, as the dump writes it
   * @param target its `<redirect title=…>`
   */
  add(title: string, target: string): void {
    const from = titleHash(pageTitleKey(title));
    const to = titleHash(pageTitleKey(target));
    if (from === to) return;
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow();
    if (this.put(from, to)) this.count += 1;
  }

  /**
   * The page a title leads to, as a hash: the title's own when it is not a redirect or its
   * redirects go round in a cycle; where the chain stops after MAX_HOPS hops when it is longer.
   * @param titleKey a title key (pageTitleKey)
   * @returns the hash of the page the title leads to
   */
  resolve(titleKey: string): number {
    const start = titleHash(titleKey);
    const seen = [start];
    let h = start;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const next = this.get(h);
      if (next === undefined) break;
      // A cycle leads to no page: the title stands for itself.
      if (seen.includes(next)) return start;
      seen.push(next);
      h = next;
    }
    return h;
  }

  /**
   * The redirects an article needs, between its own link titles: each title that leads to the
   * same page as another is mapped to one title of the group (the page itself when among them,
   * else the first in code-point order), so team identity sees them as one page.
   * @param titles the article's link targets
   * @returns title key → title key; empty when no two of them lead to one page
   */
  linksMap(titles: Iterable<string>): Map<string, string> {
    const groups = new Map<number, string[]>();
    for (const title of new Set([...titles].map(pageTitleKey))) {
      if (title.length === 0) continue;
      const page = this.resolve(title);
      const group = groups.get(page);
      if (group === undefined) groups.set(page, [title]);
      else group.push(title);
    }
    const map = new Map<string, string>();
    for (const [page, group] of groups) {
      if (group.length < 2) continue;
      group.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const canonical = group.find((t) => titleHash(t) === page) ?? group[0]!;
      for (const t of group) if (t !== canonical) map.set(t, canonical);
    }
    return map;
  }

  private get(hash: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let i = hash % this.keys.length; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === EMPTY) return undefined;
      if (k === hash) return this.values[i];
    }
  }

  /** @returns true when the key was new */
  private put(hash: number, value: number): boolean {
    const mask = this.keys.length - 1;
    for (let i = hash % this.keys.length; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === EMPTY || k === hash) {
        this.keys[i] = hash;
        this.values[i] = value;
        return k === EMPTY;
      }
    }
  }

  private grow(): void {
    const [keys, values] = [this.keys, this.values];
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.put(keys[i]!, values[i]!);
  }
}
