/**
 * Positions: the only place offsets become unist points (1-based line and column, 0-based offset)
 * in the coordinates of the file the user gave. A SurfDoc input is parsed as a virtual wikitext
 * document assembled from pieces of the file; an {@link OffsetMap} takes virtual offsets back.
 */
import type { Point, Span } from '../types/index.js';

/** Line starts of a text, for offset → line/column look-ups by binary search. */
export class LineIndex {
  readonly #starts: number[] = [0];
  readonly #length: number;
  /** The line of the last look-up: records ask for nearby points in turn. */
  #last = 0;

  /** @param text the whole input file */
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
    this.#length = text.length;
  }

  /**
   * Converts a string index to a point.
   * @param offset 0-based index, clamped to the text
   * @returns the point with 1-based line and column
   */
  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.#length));
    const starts = this.#starts;
    const last = this.#last;
    if ((starts[last] ?? 0) <= o && (last + 1 >= starts.length || (starts[last + 1] ?? 0) > o)) return { line: last + 1, column: o - (starts[last] ?? 0) + 1, offset: o };
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    this.#last = lo;
    return { line: lo + 1, column: o - (starts[lo] ?? 0) + 1, offset: o };
  }
}

/** One copied piece of the virtual document: `length` characters at `virtualStart` come from `fileStart`. */
interface Piece {
  virtualStart: number;
  fileStart: number;
  length: number;
}

/**
 * Maps offsets in a virtual document back to the file. Text that was inserted (a template opener
 * the converter lost) maps to the file position of the next copied piece.
 */
export class OffsetMap {
  readonly #pieces: Piece[] = [];
  #virtualLength = 0;

  /** @returns a map for a document that is the file itself */
  static identity(length: number): OffsetMap {
    const map = new OffsetMap();
    map.copy(0, length);
    return map;
  }

  /**
   * Records that the next `length` virtual characters are copied from the file at `fileStart`.
   * @param fileStart where the copied text starts in the file
   * @param length how many characters
   */
  copy(fileStart: number, length: number): void {
    this.#pieces.push({ virtualStart: this.#virtualLength, fileStart, length });
    this.#virtualLength += length;
  }

  /**
   * Records `length` inserted virtual characters with no counterpart in the file.
   * @param length how many characters
   */
  insert(length: number): void {
    this.#virtualLength += length;
  }

  /**
   * @param virtualOffset an offset in the virtual document
   * @param isEnd the offset ends a range: where two copied pieces meet, it is the end of the first
   *   (a range ending before a left-out character does not take it in), not the start of the second
   * @returns the corresponding file offset
   */
  toFile(virtualOffset: number, isEnd = false): number {
    const pieces = this.#pieces;
    // The file itself (an article read as wikitext): one piece from 0.
    const only = pieces.length === 1 ? pieces[0] : undefined;
    if (only !== undefined && only.virtualStart === 0 && only.fileStart === 0 && virtualOffset >= 0 && virtualOffset <= only.length) return virtualOffset;
    let lo = 0;
    let hi = pieces.length - 1;
    let found: Piece | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = pieces[mid];
      if (p === undefined) break;
      if (p.virtualStart < virtualOffset || (!isEnd && p.virtualStart === virtualOffset)) {
        found = p;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found !== undefined && virtualOffset <= found.virtualStart + found.length) {
      return found.fileStart + (virtualOffset - found.virtualStart);
    }
    // Inserted text: the next copied piece, or the end of the previous one.
    const next = pieces[lo];
    if (next !== undefined) return next.fileStart;
    return found === undefined ? 0 : found.fileStart + found.length;
  }

  /**
   * The map of the virtual document with some of its characters left out.
   * @param drops the virtual offsets left out, ascending
   * @returns the map of the shorter document
   */
  without(drops: readonly number[]): OffsetMap {
    const out = new OffsetMap();
    const pieces = this.#pieces;
    let k = 0;
    let from = 0;
    for (const to of [...drops, this.#virtualLength]) {
      // The kept run [from, to): copied where a piece covers it, inserted where none does.
      for (let v = from; v < to; ) {
        while (k < pieces.length && (pieces[k]?.virtualStart ?? 0) + (pieces[k]?.length ?? 0) <= v) k++;
        const p = pieces[k];
        if (p === undefined || p.virtualStart > v) {
          const end = Math.min(to, p?.virtualStart ?? to);
          out.insert(end - v);
          v = end;
        } else {
          const end = Math.min(to, p.virtualStart + p.length);
          out.copy(p.fileStart + (v - p.virtualStart), end - v);
          v = end;
        }
      }
      from = to + 1;
    }
    return out;
  }
}

/** Characters of a file that the parser does not read as they stand (see {@link asParserReads}). */
const UNREAD = /[\0\x7F\r\u2028\u2029]/;
/** NUL and DEL, which wikiparser-node leaves out, and the CR of a CRLF line end. */
const DROPPED = /[\0\x7F]|\r(?=\n)/g;

/**
 * A virtual document as the parser must read it, so that offsets in what wikiparser-node parses
 * are offsets in the document. MediaWiki saves every line end as LF (CRLF and CR alike), and
 * wikiparser-node leaves out NUL, DEL and a CR before a line break, but takes U+2028 and U+2029
 * (which MediaWiki reads as text) for line breaks and writes a line break of its own before a
 * heading after one, or after a lone CR: each would shift every later position. So NUL, DEL and
 * the CR of a CRLF are left out (the map steps over them, the file keeps them), a lone CR becomes
 * LF and U+2028 and U+2029 a space (same length, no offset moves).
 * @param wikitext the virtual document
 * @param map its offsets in the file
 * @returns the document as parsed, its map, and where an offset of the old document now is
 */
export function asParserReads(wikitext: string, map: OffsetMap): { wikitext: string; map: OffsetMap; moved: (offset: number) => number } {
  if (!UNREAD.test(wikitext)) return { wikitext, map, moved: (offset) => offset };
  const drops = [...wikitext.matchAll(DROPPED)].map((m) => m.index);
  const moved = (offset: number): number => {
    let lo = 0;
    let hi = drops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((drops[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset - lo;
  };
  const read = wikitext.replace(DROPPED, '').replace(/\r/g, '\n').replace(/[\u2028\u2029]/g, ' ');
  return { wikitext: read, map: drops.length === 0 ? map : map.without(drops), moved };
}

/** Turns virtual ranges into spans of the input file. */
export class Locator {
  readonly #lines: LineIndex;
  readonly #map: OffsetMap;

  /**
   * @param fileText the input file's text
   * @param map virtual → file offsets
   */
  constructor(fileText: string, map: OffsetMap) {
    this.#lines = new LineIndex(fileText);
    this.#map = map;
  }

  /**
   * @param start virtual start offset
   * @param end virtual end offset (exclusive)
   * @returns the span in the input file
   */
  span(start: number, end: number): Span {
    const s = this.#map.toFile(start);
    const e = Math.max(s, this.#map.toFile(end, true));
    return { start: this.#lines.point(s), end: this.#lines.point(e) };
  }

  /**
   * @param start file start offset
   * @param end file end offset (exclusive)
   * @returns the span, for ranges already in file coordinates
   */
  fileSpan(start: number, end: number): Span {
    return { start: this.#lines.point(start), end: this.#lines.point(Math.max(start, end)) };
  }
}

/**
 * The span of `raw.slice(from, to)` where `span` is the span of `raw` (a value copied whole from
 * the file), for pointing at one code of a comma list.
 * @param span where raw is
 * @param raw the text at that span
 * @param from start index in raw
 * @param to end index in raw
 * @returns the narrower span
 */
export function subSpan(span: Span, raw: string, from: number, to: number): Span {
  const at = (i: number): Point => {
    let { line, column } = span.start;
    for (let k = 0; k < i && k < raw.length; k++) {
      if (raw[k] === '\n') {
        line += 1;
        column = 1;
      } else column += 1;
    }
    return { line, column, offset: span.start.offset + Math.min(i, raw.length) };
  };
  return { start: at(from), end: at(to) };
}
