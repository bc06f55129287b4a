/**
 * Where an article is cut into pieces to parse: at level-2 headings, then at any heading, and a
 * part with no heading left that is still too large, at line ends outside every template call and
 * table, so that no record is cut in two. Only a template or table larger than
 * {@link MAX_PIECE_STRETCH} (or one never closed) is cut inside, and that is reported.
 */
import type { Source, StageContext } from '../types/index.js';
import { maskOpaque } from './fast/mask.js';
import { FULL_PARSER } from './full.js';

/** Parts larger than this are cut further (wikiparser-node needs ~400 MB per 512 KB). */
export const MAX_PIECE = 256 * 1024;

/**
 * How far a piece may grow past {@link MAX_PIECE} to end outside every template and table. The
 * largest real calls (a 24-team Sports table with its grid) are about 100 KB; the targeted parser
 * reads the rest in linear time, and wikiparser-node's fallback stays near 1 GB at this size.
 */
export const MAX_PIECE_STRETCH = 1024 * 1024;

/**
 * Splits an article into pieces to parse.
 * @param text the article
 * @param source for the spans of diagnostics
 * @param context diagnostics sink
 * @returns [start, end) pieces, in order, covering the text
 */
export function splitIntoPieces(text: string, source: Source, context: StageContext): [number, number][] {
  const pieces: [number, number][] = [];
  for (const [start, end] of cutAt(text, 0, text.length, 'level2')) {
    if (end - start <= MAX_PIECE) {
      pieces.push([start, end]);
      continue;
    }
    for (const [s, e] of cutAt(text, start, end, 'any')) {
      if (e - s <= MAX_PIECE) pieces.push([s, e]);
      else pieces.push(...cutOutside(text, s, e, source, context));
    }
  }
  return pieces;
}

/**
 * Cuts [s, e) at line ends outside templates and tables, each piece at most MAX_PIECE (or up to
 * MAX_PIECE_STRETCH to reach such a line end).
 */
function cutOutside(text: string, s: number, e: number, source: Source, context: StageContext): [number, number][] {
  const safe = safeLineEnds(text, s, e);
  const pieces: [number, number][] = [];
  let k = 0;
  let reported = false;
  for (let p = s; p < e; ) {
    if (e - p <= MAX_PIECE) {
      pieces.push([p, e]);
      break;
    }
    while (k < safe.length && (safe[k] ?? 0) <= p) k += 1;
    let j = k;
    while (j < safe.length && (safe[j] ?? 0) <= p + MAX_PIECE) j += 1;
    let q: number;
    if (j > k) q = safe[j - 1] ?? e;
    else if (j < safe.length && (safe[j] ?? e) <= p + MAX_PIECE_STRETCH) q = safe[j] ?? e;
    else {
      q = p + MAX_PIECE;
      const nl = text.lastIndexOf('\n', q - 1);
      if (nl >= p) q = nl + 1;
      // Once per part: a template never closed would otherwise give one finding every 256 KB.
      if (reported) {
        pieces.push([p, q]);
        p = q;
        continue;
      }
      reported = true;
      context.report({
        code: 'parse/too-large',
        stage: 'parse',
        message: `Unexpected template or table longer than ${MAX_PIECE_STRETCH} characters (or never closed) in a part with no heading to split at, expected parts under ${MAX_PIECE}; it was cut at a line end and what spans the cut may be lost`,
        span: source.locator.span(p, Math.min(e, p + MAX_PIECE_STRETCH)),
      });
    }
    pieces.push([p, q]);
    p = q;
  }
  return pieces;
}

/**
 * Offsets just after the line ends of [s, e) where no template call (`{{`…`}}`) and no table
 * (`{|`…`|}` at line starts) is open; comments, nowiki and other opaque tags are masked first.
 */
function safeLineEnds(text: string, s: number, e: number): number[] {
  const masked = maskOpaque(text.slice(s, e), FULL_PARSER.extTags).masked;
  const safe: number[] = [];
  let braces = 0;
  let tables = 0;
  let lineStart = true;
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    const next = masked.charCodeAt(i + 1);
    if (c === 10) {
      if (braces === 0 && tables === 0) safe.push(s + i + 1);
      lineStart = true;
      continue;
    }
    if (c === 123 && next === 123) {
      braces += 1;
      i += 1;
    } else if (c === 125 && next === 125) {
      if (braces > 0) braces -= 1;
      i += 1;
    } else if (lineStart && c === 123 && next === 124) {
      tables += 1;
      i += 1;
    } else if (lineStart && c === 124 && next === 125) {
      if (tables > 0) tables -= 1;
      i += 1;
    }
    if (c !== 32 && c !== 9) lineStart = false;
  }
  return safe;
}

/** The ranges between heading lines inside [start, end): level 2 only, or any level. */
export function cutAt(text: string, start: number, end: number, which: 'level2' | 'any'): [number, number][] {
  const cuts = [start];
  for (let s = start; s < end; ) {
    const nl = text.indexOf('\n', s);
    const e = nl === -1 || nl > end ? end : nl;
    if (s > start && isHeadingLine(text, s, e, which)) cuts.push(s);
    s = e + 1;
  }
  cuts.push(end);
  return cuts.slice(0, -1).map((c, i) => [c, cuts[i + 1] ?? end]);
}

/**
 * Whether the line [s, e) looks like a heading: `==x==` (level 2: exactly two `=` first) or any
 * run of `=`, a non-`=` character, and `=` at the end before spaces or tabs. A scan, not a regular
 * expression, so a long line of `=` costs its length once.
 */
function isHeadingLine(text: string, s: number, e: number, which: 'level2' | 'any'): boolean {
  let j = e;
  while (j > s && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
  let k = s;
  while (k < j && text[k] === '=') k++;
  if (k === s || k >= j - 1 || text[j - 1] !== '=') return false;
  if (which === 'any') return true;
  return k - s === 2 && j - s >= 5 && text[j - 2] === '=';
}
