/**
 * Stage 0 of the targeted parser, as wikiparser-node's `parseCommentAndExt` does it on a page
 * (not a transclusion): comments, `<noinclude>`/`<onlyinclude>` tags, extension tags and
 * `<includeonly>` blocks become opaque ranges. Unlike that regular expression (which rescans to
 * the end of the text for every unclosed `<ref>`), closing tags are found by one index per tag
 * name, so the cost is linear in the text.
 */

/** One opaque range of the text. */
export interface Opaque {
  start: number;
  end: number;
  /** `comment` and `noinclude` count as blank where a line start is tested; `ext` and `include` do not. */
  kind: 'comment' | 'noinclude' | 'ext' | 'include';
  /** For `ext`: the tag name, lower case. */
  name?: string;
  /** For an `ext` with content: where its content is. */
  inner?: { start: number; end: number };
}

/** A text with its opaque ranges masked. */
export interface Masked {
  masked: string;
  opaque: Opaque[];
}

/** A blank-like opaque character (comments, noinclude tags) and an ext-like one, as placeholders. */
export const BLANK = '\u0001';
export const SOLID = '\u0002';

/**
 * Finds the opaque ranges of a text and masks them.
 * @param text the chunk
 * @param extTags the extension tag names of the wiki (wikiparser-node's config `ext`)
 * @returns the ranges in order and the text with each range replaced by placeholder characters
 */
export function maskOpaque(text: string, extTags: readonly string[]): Masked {
  const opaque: Opaque[] = [];
  if (!text.includes('<')) return { masked: text, opaque };
  const exts = new Set(extTags.map((t) => t.toLowerCase()));
  const closers = new ClosingTags(text);
  const lower = text.toLowerCase();
  let i = text.indexOf('<');
  while (i !== -1) {
    const found = matchAt(text, lower, i, exts, closers);
    if (found === undefined) {
      i = text.indexOf('<', i + 1);
      continue;
    }
    opaque.push(found);
    i = text.indexOf('<', found.end);
  }
  if (opaque.length === 0) return { masked: text, opaque };
  const parts: string[] = [];
  let at = 0;
  for (const o of opaque) {
    parts.push(text.slice(at, o.start), (o.kind === 'comment' || o.kind === 'noinclude' ? BLANK : SOLID).repeat(o.end - o.start));
    at = o.end;
  }
  parts.push(text.slice(at));
  return { masked: parts.join(''), opaque };
}

const NAME = /[a-z][a-z0-9-]*/y;

function matchAt(text: string, lower: string, i: number, exts: ReadonlySet<string>, closers: ClosingTags): Opaque | undefined {
  if (lower.startsWith('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    return { start: i, end: close === -1 ? text.length : close + 3, kind: 'comment' };
  }
  const closing = text[i + 1] === '/';
  NAME.lastIndex = i + (closing ? 2 : 1);
  const m = NAME.exec(lower);
  if (m === null) return undefined;
  const name = m[0];
  const after = NAME.lastIndex;
  if (name === 'noinclude' || name === 'onlyinclude') {
    // <noinclude>, <noinclude attr>, <noinclude/>, </noinclude  >: the tag alone is opaque.
    if (closing) {
      let j = after;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      return text[j] === '>' ? { start: i, end: j + 1, kind: 'noinclude' } : undefined;
    }
    const c = text[after];
    if (c === '>') return { start: i, end: after + 1, kind: 'noinclude' };
    if (c === '/' && text[after + 1] === '>') return { start: i, end: after + 2, kind: 'noinclude' };
    if (c === undefined || !/\s/.test(c)) return undefined;
    const gt = text.indexOf('>', after);
    return gt === -1 ? undefined : { start: i, end: gt + 1, kind: 'noinclude' };
  }
  if (closing) return undefined;
  const isExt = exts.has(name);
  if (!isExt && name !== 'includeonly') return undefined;
  const c = text[after];
  let open: number;
  if (c === '>') open = after + 1;
  else if (c === '/') {
    if (text[after + 1] !== '>') return undefined;
    return { start: i, end: after + 2, kind: isExt ? 'ext' : 'include', ...(isExt ? { name } : {}) };
  } else if (c !== undefined && /\s/.test(c)) {
    const gt = text.indexOf('>', after);
    if (gt === -1) return undefined;
    if (text[gt - 1] === '/') return { start: i, end: gt + 1, kind: isExt ? 'ext' : 'include', ...(isExt ? { name } : {}) };
    open = gt + 1;
  } else return undefined;
  const close = closers.next(lower, name, open);
  if (close === undefined) {
    // An unclosed extension tag is text; an unclosed <includeonly> hides the rest of the page.
    return isExt ? undefined : { start: i, end: text.length, kind: 'include' };
  }
  return isExt
    ? { start: i, end: close.end, kind: 'ext', name, inner: { start: open, end: close.start } }
    : { start: i, end: close.end, kind: 'include' };
}

/** Positions of `</name\s*>` per tag name, found once, then looked up in order. */
class ClosingTags {
  readonly #byName = new Map<string, { start: number; end: number }[]>();
  readonly #cursor = new Map<string, number>();

  constructor(text: string) {
    const re = /<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = (m[1] ?? '').toLowerCase();
      let list = this.#byName.get(name);
      if (list === undefined) this.#byName.set(name, (list = []));
      list.push({ start: m.index, end: m.index + m[0].length });
    }
  }

  /** The first closing tag of `name` starting at or after `from` (callers ask in increasing order). */
  next(_lower: string, name: string, from: number): { start: number; end: number } | undefined {
    const list = this.#byName.get(name);
    if (list === undefined) return undefined;
    let k = this.#cursor.get(name) ?? 0;
    if (k > 0 && (list[k - 1]?.start ?? 0) >= from) k = 0;
    while (k < list.length && (list[k]?.start ?? 0) < from) k++;
    this.#cursor.set(name, k);
    return list[k];
  }
}
