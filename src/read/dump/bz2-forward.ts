/**
 * Decodes bzip2 data block after block in JavaScript, from any block or stream start: the
 * fallback when no system decoder is on PATH, and the recovery path after one failed. Each block's
 * CRC is checked before its bytes are yielded. A block that cannot be decoded is reported and
 * skipped: decoding goes on at the next block magic number, so the pages of later blocks survive.
 * Data that ends inside a block is reported where that block starts.
 */
import { BitReader, BLOCK_MAGIC_NUMBER, decodeBlock, END_MAGIC, findBlockStarts, isStreamHeader, OutOfInput } from './bz2-blocks.js';
import { BZ2_BLOCK_LOOKAHEAD } from './limits.js';

/** Damage met while decoding: where, and what. */
export interface Bz2Damage {
  /** What was found, as a noun phrase. */
  damage: string;
  /** What decoding did next, when it went on. */
  next?: string;
  /** Byte offset in the compressed file of the damaged block (or of the bytes that ended early). */
  compressedOffset: number;
}

/** Asks the caller to hand the rest, from this compressed offset (a stream start), to a faster decoder. */
export interface Bz2HandBack {
  handBack: number;
}

/** Where to start decoding. */
export interface Bz2Start {
  /** Absolute byte offset of the first byte of `chunks`. */
  offset: number;
  /** Bits of the first byte to skip (a block may start at any bit). */
  bit: number;
  /** True when a stream header (`BZh9`) comes first, false when a block magic number does. */
  header: boolean;
  /**
   * Hand back at the next stream start once past damage (for multistream files): the decoder
   * that failed can go on from there. Without damage (a decoder that failed on good data), the JS
   * decoder reads on to the end.
   */
  handBack: boolean;
}

/** A window over the compressed chunks: bytes from `base` on, read as needed. */
class Window {
  bytes = Buffer.alloc(0);
  base: number;
  ended = false;
  constructor(
    private readonly chunks: AsyncIterator<Buffer>,
    offset: number,
  ) {
    this.base = offset;
  }

  /** Makes sure `ahead` bytes follow byte index `at` (or the input ended); may move the window. */
  async fill(at: number, ahead: number): Promise<number> {
    if (this.bytes.length - at >= ahead || this.ended) return at;
    const parts: Buffer[] = [this.bytes.subarray(at)];
    let have = this.bytes.length - at;
    while (have < ahead) {
      const next = await this.chunks.next();
      if (next.done === true) {
        this.ended = true;
        break;
      }
      parts.push(next.value);
      have += next.value.length;
    }
    this.base += at;
    this.bytes = Buffer.concat(parts);
    return 0;
  }
}

/**
 * Decodes bzip2 data from a start point to its end.
 * @param chunks the compressed bytes from `start.offset` on
 * @param start where decoding starts
 * @returns decoded blocks, damage met, and possibly a hand-back as the last item
 */
export async function* decodeForward(chunks: AsyncIterable<Buffer>, start: Bz2Start): AsyncGenerator<Buffer | Bz2Damage | Bz2HandBack> {
  const window = new Window(chunks[Symbol.asyncIterator](), start.offset);
  let byte = 0;
  let bit = start.bit;
  let expectHeader = start.header;
  let damaged = false;
  let lookahead = BZ2_BLOCK_LOOKAHEAD;
  for (;;) {
    byte = await window.fill(byte, lookahead);
    const { bytes } = window;
    const at = window.base + byte;
    if (expectHeader) {
      if (byte >= bytes.length) return;
      if (!isStreamHeader(bytes, byte)) {
        yield { damage: 'bytes that are not a bzip2 stream after the end of one', compressedOffset: at };
        return;
      }
      if (start.handBack && damaged) {
        yield { handBack: at };
        return;
      }
      byte += 4;
      expectHeader = false;
      continue;
    }
    const reader = new BitReader(bytes, byte, bit);
    const magic = reader.peek48();
    if (magic === END_MAGIC) {
      reader.read(24);
      reader.read(24);
      reader.read(32);
      reader.read(null);
      byte = reader.byte;
      bit = 0;
      expectHeader = true;
      continue;
    }
    if (magic === undefined && window.ended) {
      yield { damage: bytes.length > byte ? 'end of the bzip2 data inside a block header' : 'end of the bzip2 data before its end-of-stream marker', compressedOffset: at };
      return;
    }
    let problem: string;
    if (magic === BLOCK_MAGIC_NUMBER) {
      try {
        const output = decodeBlock(reader);
        lookahead = BZ2_BLOCK_LOOKAHEAD;
        byte = reader.byte;
        bit = reader.bit;
        yield output;
        continue;
      } catch (error) {
        if (error instanceof OutOfInput && !window.ended) {
          lookahead *= 2;
          continue;
        }
        if (error instanceof OutOfInput) {
          yield { damage: 'end of the bzip2 data inside a block (a truncated file)', compressedOffset: at };
          return;
        }
        problem = `damaged bzip2 block (${/crc/i.test(error instanceof Error ? error.message : '') ? 'its CRC does not match its bytes' : 'undecodable data'})`;
      }
    } else {
      problem = 'bytes that are not a bzip2 block where one should start';
    }
    // Skip to the next block magic number, reading on as needed.
    const next = await nextBlock(window, byte * 8 + bit + 1);
    const lost = next === undefined ? 'no later block was found' : `decoding went on at the next block, at compressed byte ${next.offset}`;
    yield { damage: problem, next: lost, compressedOffset: at };
    damaged = true;
    if (next === undefined) return;
    byte = next.byte;
    bit = next.bit;
    // A block right after a stream header starts a new stream: hand it back when asked.
    if (bit === 0 && isStreamHeader(window.bytes, byte - 4) && start.handBack) {
      yield { handBack: window.base + byte - 4 };
      return;
    }
  }
}

/** Finds the next block magic number at or after a bit position, dropping what was scanned. */
async function nextBlock(window: Window, fromBit: number): Promise<{ byte: number; bit: number; offset: number } | undefined> {
  const absolute = window.base * 8 + fromBit;
  for (;;) {
    const hit = findBlockStarts(window.bytes, Math.max(0, absolute - window.base * 8))[0];
    if (hit !== undefined) return { byte: Math.floor(hit / 8), bit: hit % 8, offset: window.base + Math.floor(hit / 8) };
    if (window.ended) return undefined;
    // Keep the last 7 bytes: a magic number may straddle the boundary.
    const keep = Math.max(0, window.bytes.length - 7);
    await window.fill(keep, window.bytes.length - keep + BZ2_BLOCK_LOOKAHEAD);
  }
}
