/**
 * SurfDoc's Markdown given to remark-parse in pieces of at most MAX_MARKDOWN_PIECE characters.
 * micromark is quadratic on some inputs (see limits.ts), so no piece is long. A piece ends where a
 * Markdown block ends anyway: after a blank line outside a code fence. A block longer than a piece
 * is cut (before a line or a `|` that starts text) and the parts it parses into are joined again.
 */
import { MAX_MARKDOWN_PIECE } from '../limits.js';
import { readMarkdownBlocks, type MarkdownBlock } from './markdown.js';

/** A stretch of the text parsed on its own; `cut` says whether it ends inside a block, and inside a line. */
interface Piece {
  start: number;
  end: number;
  cut: 'clean' | 'line' | 'mid-line';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t\r]*$/;
/** Blocks of these types are never continued on the next line, so are not joined across a cut. */
const NOT_JOINED = new Set(['heading', 'thematicBreak']);

/**
 * Lists the top-level Markdown blocks of a text, parsing it in bounded pieces.
 * @param text Markdown, with SurfDoc blocks already blanked out (same length as the file)
 * @param cap the longest piece (MAX_MARKDOWN_PIECE; smaller in tests)
 * @returns blocks in document order, offsets into `text`
 */
export function readMarkdownInPieces(text: string, cap: number = MAX_MARKDOWN_PIECE): MarkdownBlock[] {
  // `[` and `]` only make links (inline) and link reference definitions, which SurfDoc's converter
  // does not write, while its wikitext debris is full of `[[…]]`: blanked (same length), they cost
  // micromark nothing.
  const markdown = text.replace(/[[\]]/g, ' ');
  const blocks: MarkdownBlock[] = [];
  let before: Piece['cut'] = 'clean';
  for (const piece of cutPieces(text, cap)) {
    const found = readMarkdownBlocks(markdown.slice(piece.start, piece.end)).map((b) => ({ ...b, start: b.start + piece.start, end: b.end + piece.start }));
    const last = blocks[blocks.length - 1];
    const first = found[0];
    // The rest of a line cut in two belongs to the block its start is in; a block cut between
    // lines goes on in the next piece when that piece starts with a block of the same kind.
    const joined = before === 'mid-line' || (before === 'line' && last?.type === first?.type && !NOT_JOINED.has(first?.type ?? ''));
    if (joined && last !== undefined && first !== undefined && !text.slice(piece.start, first.start).includes('\n')) {
      last.end = first.end;
      found.shift();
    }
    blocks.push(...found);
    before = piece.cut;
  }
  return blocks;
}

/** Cuts the text into pieces no longer than `cap`, after blank lines where it can. */
function cutPieces(text: string, cap: number): Piece[] {
  if (text.length <= cap) return [{ start: 0, end: text.length, cut: 'clean' }];
  const clean = cleanCuts(text);
  const pieces: Piece[] = [];
  let start = 0;
  let next = 0;
  while (text.length - start > cap) {
    let cut = -1;
    for (; next < clean.length && (clean[next] ?? 0) <= start + cap; next++) if ((clean[next] ?? 0) > start) cut = clean[next] ?? cut;
    const forced = cut === -1;
    if (forced) cut = forcedCut(text, start, cap);
    pieces.push({ start, end: cut, cut: !forced ? 'clean' : text.charAt(cut - 1) === '\n' ? 'line' : 'mid-line' });
    start = cut;
  }
  pieces.push({ start, end: text.length, cut: 'clean' });
  return pieces;
}

/** Offsets just after each blank line that is outside a code fence: a block always ends there. */
function cleanCuts(text: string): number[] {
  const cuts: number[] = [];
  let fence: string | undefined;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    const marker = FENCE.exec(line)?.[1];
    if (fence === undefined) {
      if (marker !== undefined) fence = marker;
      else if (BLANK.test(line)) cuts.push(end + 1);
    } else if (marker !== undefined && marker.charAt(0) === fence.charAt(0) && marker.length >= fence.length && BLANK.test(line.slice(line.indexOf(marker) + marker.length))) {
      fence = undefined;
    }
    start = end + 1;
  }
  return cuts;
}

/**
 * Where to cut a block longer than a piece, in the second half of the window: before a line that
 * starts with a letter or `|` (a paragraph line, or the next parameter of a template run), else
 * before a `|`, else before a word, else anywhere but inside a surrogate pair.
 */
function forcedCut(text: string, start: number, cap: number): number {
  const low = start + Math.floor(cap / 2);
  const high = start + cap;
  const startsText = (i: number): boolean => text.charAt(i) === '|' || /\p{L}/u.test(text.charAt(i));
  for (let nl = text.lastIndexOf('\n', high - 1); nl >= low; nl = text.lastIndexOf('\n', nl - 1)) if (startsText(nl + 1)) return nl + 1;
  const bar = text.lastIndexOf('|', high - 1);
  if (bar > low) return bar;
  for (let i = high - 1; i > low; i--) if (/\s/.test(text.charAt(i - 1)) && startsText(i)) return i;
  const code = text.charCodeAt(high);
  return code >= 0xdc00 && code <= 0xdfff ? high - 1 : high;
}
