/**
 * Splits a stream of decompressed dump bytes into `<page>…</page>` byte spans, scanning bytes only
 * (Buffer.indexOf; nothing is decoded to a string here). A page is complete at the first `</page>`
 * that is not inside a CDATA section or a comment; a pattern split across two chunks is found by
 * carrying the last few bytes of a chunk over to the next. Memory stays bounded: a page over
 * {@link MAX_PAGE_BYTES} is skipped as it streams past (only its head is kept, to name it), and
 * the prolog kept for `<siteinfo>` stops at {@link MAX_HEADER_BYTES}.
 */
import { MAX_HEADER_BYTES, MAX_PAGE_BYTES, PAGE_HEAD_BYTES } from './limits.js';
import { PageAssembly } from './page-assembly.js';
import type { DumpProblem } from './types.js';

/** What the splitter found, in stream order. */
export type SplitEvent =
  /** The bytes before the first page (the `<mediawiki>` and `<siteinfo>` prolog), once. */
  | { kind: 'header'; bytes: Buffer; truncated: boolean }
  /**
   * A whole page: `bytes[start, end)`, from `<page` to `</page>` included, at `offset` in the
   * stream. The bytes are valid until the next page that spans chunks ends: handle it at once.
   */
  | { kind: 'page'; bytes: Buffer; start: number; end: number; offset: number }
  /** A page that did not end: the data ended, was damaged, or the page grew past the cap. */
  | { kind: 'cut'; head: Buffer; offset: number; size: number; why: 'end' | 'damage' | 'too-large'; damage?: DumpProblem }
  /** Damage to the data between pages. */
  | { kind: 'damage'; problem: DumpProblem }
  /** Text between two pages that is neither white space nor `</mediawiki>`. */
  | { kind: 'junk'; offset: number; sample: string }
  /** The end of the data: whether the prolog opened `<mediawiki>` and whether it was closed. */
  | { kind: 'end'; rootOpened: boolean; rootClosed: boolean; offset: number };

const PAGE_OPEN = Buffer.from('<page');
const PAGE_CLOSE = Buffer.from('</page>');
const MARKUP_DECL = Buffer.from('<!');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const COMMENT_CLOSE = Buffer.from('-->');
/** Bytes carried to the next chunk: longer than any pattern searched. */
const CARRY = 16;
/** Non-space bytes of a gap between pages kept to quote and to look for `</mediawiki>`. */
const GAP_SAMPLE = 256;
const EMPTY = Buffer.alloc(0);
const GAP_PATTERNS = [PAGE_OPEN];
const PAGE_PATTERNS = [PAGE_CLOSE, MARKUP_DECL];
const SKIP_PATTERNS = [PAGE_CLOSE, PAGE_OPEN];

type Mode = 'prolog' | 'gap' | 'page' | 'cdata' | 'comment' | 'skip';

/** True for the bytes that may follow an element name: white space, `>` and `/`. */
function endsName(byte: number | undefined): boolean {
  return byte === 0x3e || byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d || byte === 0x2f;
}

/**
 * Where the bytes to carry over to the next chunk start, once nothing was found from `pos` on:
 * the first tail of the chunk that is the start of a pattern searched in this mode. Most chunks
 * end with no such tail, carry nothing and are not copied.
 */
function carryFrom(buf: Buffer, pos: number, patterns: readonly Buffer[]): number {
  for (let at = Math.max(pos, buf.length - CARRY); at < buf.length; at++) {
    for (const pattern of patterns) {
      if (buf[at] !== pattern[0]) continue;
      const length = Math.min(pattern.length, buf.length - at);
      if (buf.compare(pattern, 0, length, at, at + length) === 0) return at;
    }
  }
  return buf.length;
}

/** Finds the next `<page` start tag (not `<pages>`) at or after `from`; -2 when the byte after it is not here yet. */
function findPageOpen(buf: Buffer, from: number): number {
  for (let p = buf.indexOf(PAGE_OPEN, from); p !== -1; p = buf.indexOf(PAGE_OPEN, p + 1)) {
    if (p + 5 >= buf.length) return -2 - p;
    if (endsName(buf[p + 5])) return p;
  }
  return -1;
}

/** Splits decompressed dump bytes into pages; feed it chunks in order, then call {@link end}. */
export class PageSplitter {
  private mode: Mode = 'prolog';
  private carry = EMPTY;
  /** Absolute offset of the first byte of the buffer being scanned. */
  private base = 0;
  private readonly parts = new PageAssembly();
  /** Bytes of the current page so far (gathered, or skipped when it is too large). */
  private partsBytes = 0;
  private pageOffset = 0;
  private head = EMPTY;
  private header: Buffer[] = [];
  private headerBytes = 0;
  private headerDone = false;
  private gapSample: number[] = [];
  private gapOffset = 0;
  private rootOpened = false;
  private rootClosed = false;
  /** After damage, text until the next page is debris of the lost bytes: not reported. */
  private resync = false;

  /**
   * Scans the next chunk.
   * @param chunk decompressed bytes following the previous ones
   * @returns what was completed in it
   */
  push(chunk: Buffer): SplitEvent[] {
    const out: SplitEvent[] = [];
    const buf = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    let pos = 0;
    let start = 0; // where the current page's bytes start in buf
    let keepFrom = -1; // set when the rest from here is carried over
    let nextDecl = buf.indexOf(MARKUP_DECL);
    while (keepFrom < 0) {
      if (this.mode === 'prolog' || this.mode === 'gap') {
        const p = findPageOpen(buf, pos);
        const stop = p >= 0 ? p : p === -1 ? carryFrom(buf, pos, GAP_PATTERNS) : -2 - p;
        this.noteGap(buf, pos, stop);
        if (p < 0) {
          keepFrom = stop;
          break;
        }
        this.openPage(out, this.base + p);
        start = p;
        pos = p + 5;
      } else if (this.mode === 'page') {
        const end = buf.indexOf(PAGE_CLOSE, pos);
        // `<!` (CDATA, comment) is rare: found once per chunk, not once per page.
        if (nextDecl !== -1 && nextDecl < pos) nextDecl = buf.indexOf(MARKUP_DECL, pos);
        const q = nextDecl !== -1 && (end === -1 || nextDecl < end) ? nextDecl : -1;
        if (q !== -1) {
          if (q + CDATA_OPEN.length > buf.length) keepFrom = q;
          else if (buf.subarray(q, q + CDATA_OPEN.length).equals(CDATA_OPEN)) [this.mode, pos] = ['cdata', q + CDATA_OPEN.length];
          else if (buf[q + 2] === 0x2d && buf[q + 3] === 0x2d) [this.mode, pos] = ['comment', q + 4];
          else pos = q + 2;
        } else if (end === -1) keepFrom = carryFrom(buf, pos, PAGE_PATTERNS);
        else {
          const stop = end + PAGE_CLOSE.length;
          if (this.partsBytes + stop - start > MAX_PAGE_BYTES) {
            this.keepPart(buf.subarray(start, stop));
            this.cutPage(out, 'too-large');
          } else if (this.parts.length === 0) out.push({ kind: 'page', bytes: buf, start, end: stop, offset: this.pageOffset });
          else {
            this.parts.append(buf.subarray(start, stop));
            const bytes = this.parts.finish();
            out.push({ kind: 'page', bytes, start: 0, end: bytes.length, offset: this.pageOffset });
          }
          this.partsBytes = 0;
          this.mode = 'gap';
          pos = end + PAGE_CLOSE.length;
          this.gapOffset = this.base + pos;
        }
      } else if (this.mode === 'cdata' || this.mode === 'comment') {
        const close = buf.indexOf(this.mode === 'cdata' ? CDATA_CLOSE : COMMENT_CLOSE, pos);
        if (close === -1) keepFrom = carryFrom(buf, pos, [this.mode === 'cdata' ? CDATA_CLOSE : COMMENT_CLOSE]);
        else [this.mode, pos] = ['page', close + 3];
      } else {
        // Skipping a page too large to hold: it ends at `</page>`, or where the next page starts.
        const end = buf.indexOf(PAGE_CLOSE, pos);
        const next = findPageOpen(buf, pos);
        if (end === -1 && next < 0) {
          keepFrom = next === -1 ? carryFrom(buf, pos, SKIP_PATTERNS) : -2 - next;
          this.partsBytes += keepFrom - pos;
        } else if (end !== -1 && (next < 0 || end < next)) {
          this.partsBytes += end + PAGE_CLOSE.length - pos;
          this.cutPage(out, 'too-large');
          pos = end + PAGE_CLOSE.length;
          this.mode = 'gap';
          this.gapOffset = this.base + pos;
        } else {
          this.partsBytes += next - pos;
          this.cutPage(out, 'too-large');
          this.openPage(out, this.base + next);
          start = next;
          pos = next + 5;
        }
      }
    }
    if (this.mode === 'page' || this.mode === 'cdata' || this.mode === 'comment') this.keepPart(buf.subarray(start, keepFrom));
    this.carry = Buffer.from(buf.subarray(keepFrom));
    this.base += keepFrom;
    return out;
  }

  /**
   * Notes that bytes are missing here (a damaged block): the page being read is cut.
   * @param problem the damage, as the decompressor reported it
   * @returns the cut page or the damage
   */
  damage(problem: DumpProblem): SplitEvent[] {
    const out: SplitEvent[] = [];
    this.base += this.carry.length;
    if (this.mode === 'page' || this.mode === 'cdata' || this.mode === 'comment' || this.mode === 'skip') {
      this.keepPart(this.carry);
      this.cutPage(out, this.mode === 'skip' ? 'too-large' : 'damage', problem);
      this.mode = 'gap';
    } else {
      this.flushHeader(out);
      this.mode = 'gap';
      out.push({ kind: 'damage', problem });
    }
    this.carry = EMPTY;
    this.gapSample = [];
    this.resync = true;
    return out;
  }

  /**
   * Ends the stream.
   * @returns the page cut by the end, if any, then the end event
   */
  end(): SplitEvent[] {
    const out: SplitEvent[] = [];
    if (this.mode === 'page' || this.mode === 'cdata' || this.mode === 'comment' || this.mode === 'skip') {
      this.keepPart(this.carry);
      this.cutPage(out, this.mode === 'skip' ? 'too-large' : 'end');
    } else {
      this.noteGap(this.carry, 0, this.carry.length);
      this.flushHeader(out);
      this.flushGap(out);
    }
    this.base += this.carry.length;
    this.carry = EMPTY;
    this.mode = 'gap';
    out.push({ kind: 'end', rootOpened: this.rootOpened, rootClosed: this.rootClosed, offset: this.base });
    return out;
  }

  private openPage(out: SplitEvent[], offset: number): void {
    this.flushHeader(out);
    this.flushGap(out);
    this.resync = false;
    this.mode = 'page';
    this.pageOffset = offset;
    this.parts.length = 0;
    this.partsBytes = 0;
  }

  /** Adds bytes to the page being read, switching to skipping when it grows past the cap. */
  private keepPart(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.partsBytes += bytes.length;
    if (this.mode === 'skip') return;
    this.parts.append(bytes);
    if (this.partsBytes > MAX_PAGE_BYTES) {
      this.head = Buffer.from(this.parts.finish().subarray(0, PAGE_HEAD_BYTES));
      this.mode = 'skip';
    }
  }

  private cutPage(out: SplitEvent[], why: 'end' | 'damage' | 'too-large', damage?: DumpProblem): void {
    const head = this.mode === 'skip' ? this.head : Buffer.from(this.parts.finish().subarray(0, PAGE_HEAD_BYTES));
    out.push({ kind: 'cut', head, offset: this.pageOffset, size: this.partsBytes, why, ...(damage === undefined ? {} : { damage }) });
    this.parts.length = 0;
    this.partsBytes = 0;
    this.head = EMPTY;
  }

  /** Looks at bytes outside pages: the prolog is kept; a gap's non-space bytes are sampled. */
  private noteGap(buf: Buffer, from: number, to: number): void {
    if (this.mode === 'prolog') {
      const room = MAX_HEADER_BYTES - this.headerBytes;
      if (to > from && room > 0) this.header.push(Buffer.from(buf.subarray(from, Math.min(to, from + room))));
      this.headerBytes += to - from;
      return;
    }
    // Non-space bytes, with each run of white space between them kept as one space.
    for (let i = from; i < to && this.gapSample.length < GAP_SAMPLE; i++) {
      const byte = buf[i] ?? 0x20;
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x09 && byte !== 0x0d) {
        if (this.gapSample.length === 0) this.gapOffset = this.base + i;
        this.gapSample.push(byte);
      } else if (this.gapSample.length > 0 && this.gapSample.at(-1) !== 0x20) this.gapSample.push(0x20);
    }
  }

  private flushHeader(out: SplitEvent[]): void {
    if (this.headerDone) return;
    this.headerDone = true;
    const bytes = Buffer.concat(this.header);
    this.header = [];
    this.rootOpened = bytes.includes('<mediawiki');
    if (bytes.includes('</mediawiki>')) this.rootClosed = true;
    out.push({ kind: 'header', bytes, truncated: this.headerBytes > MAX_HEADER_BYTES });
  }

  private flushGap(out: SplitEvent[]): void {
    if (this.gapSample.length === 0) return;
    let sample = Buffer.from(this.gapSample).toString('utf8');
    this.gapSample = [];
    if (sample.includes('</mediawiki>')) {
      this.rootClosed = true;
      sample = sample.split('</mediawiki>').join('');
    }
    sample = sample.trim();
    if (sample.length > 0 && !this.resync) out.push({ kind: 'junk', offset: this.gapOffset, sample });
  }
}
