/**
 * bzip2 at the block level, in JavaScript: find where blocks and streams start (a block starts at
 * any bit, a stream at a byte) and decode one block, checking its CRC before any byte of it is
 * used. The Huffman/BWT decoding itself is unbzip2-stream's `lib/bzip2.js` (already a
 * dependency); this module gives it a bit reader that can start anywhere and tells "ran out of
 * input" apart from "corrupt".
 */
import bzip2 from 'unbzip2-stream/lib/bzip2.js';

/** The 48-bit magic number that starts every block (the BCD digits of pi). */
const BLOCK_MAGIC = 0x314159265359n;
/** The 48-bit magic number that ends a stream (the digits of sqrt(pi)), followed by a 32-bit CRC. */
export const END_MAGIC = 0x177245385090;
/** The same as a number, to compare with a peeked value. */
export const BLOCK_MAGIC_NUMBER = 0x314159265359;
/** Largest block: level 9, 900,000 bytes before the run-length pass. */
const MAX_BLOCK = 900_000;

/** Thrown by {@link BitReader} past the end of its bytes: more input may make the block whole. */
export class OutOfInput extends Error {
  constructor() {
    super('bzip2 data ends inside a block');
  }
}

/** Reads bits most significant first from a buffer, from any bit position. */
export class BitReader {
  /**
   * @param bytes the bytes to read
   * @param byte index of the first byte to read
   * @param bit bits of that byte already read (0-7)
   */
  constructor(
    private readonly bytes: Buffer,
    public byte: number,
    public bit: number,
  ) {}

  /**
   * Reads bits, as lib/bzip2.js expects (`null` skips to the next byte boundary).
   * @param n how many bits (at most 32)
   * @returns their value
   */
  readonly read = (n: number | null): number => {
    if (n === null) {
      if (this.bit !== 0) {
        this.bit = 0;
        this.byte += 1;
      }
      return 0;
    }
    let result = 0;
    let need = n;
    while (need > 0) {
      if (this.byte >= this.bytes.length) throw new OutOfInput();
      const current = this.bytes[this.byte] ?? 0;
      const left = 8 - this.bit;
      if (need >= left) {
        result = (result << left) | (current & (0xff >> this.bit));
        this.bit = 0;
        this.byte += 1;
        need -= left;
      } else {
        result = (result << need) | ((current >> (left - need)) & ((1 << need) - 1));
        this.bit += need;
        need = 0;
      }
    }
    return result;
  };

  /**
   * Reads 48 bits without moving.
   * @returns their value, or undefined when fewer than 48 bits are left
   */
  peek48(): number | undefined {
    const { byte, bit } = this;
    try {
      return this.read(24) * 0x1000000 + this.read(24);
    } catch {
      return undefined;
    } finally {
      this.byte = byte;
      this.bit = bit;
    }
  }
}

let tablesReady = false;
const workspace = new Int32Array(MAX_BLOCK);

/**
 * Decodes the block whose magic number starts at the reader's position, checking its CRC.
 * @param reader positioned on the block's magic number; left after the block
 * @returns the block's bytes
 * @throws OutOfInput when the bytes end inside the block, or the decoder's error when it is corrupt
 */
export function decodeBlock(reader: BitReader): Buffer {
  if (!tablesReady) {
    // lib/bzip2.js allocates its tables while reading a stream header: give it one.
    bzip2.header(new BitReader(Buffer.from('BZh9'), 0, 0).read);
    tablesReady = true;
  }
  let out = Buffer.allocUnsafe(MAX_BLOCK + 100_000);
  let n = 0;
  const emit = (byte: number): void => {
    if (n === out.length) {
      const bigger = Buffer.allocUnsafe(out.length * 2);
      out.copy(bigger);
      out = bigger;
    }
    out[n++] = byte;
  };
  // The stream CRC is checked per block instead (every block's own CRC is checked here).
  bzip2.decompress(reader.read, emit, workspace, MAX_BLOCK, 0);
  return out.subarray(0, n);
}

/** Masks and values of the block magic shifted by 0-7 bits, to find it with byte searches. */
const SHIFTED = Array.from({ length: 8 }, (_, shift) => {
  const window = BLOCK_MAGIC << BigInt(8 - shift);
  const bytes = Buffer.alloc(7);
  for (let i = 0; i < 7; i++) bytes[i] = Number((window >> BigInt(8 * (6 - i))) & 0xffn);
  return { shift, middle: bytes.subarray(1, 6), first: bytes[0] ?? 0, firstMask: 0xff >> shift, last: bytes[6] ?? 0, lastMask: (0xff << (8 - shift)) & 0xff };
});

/**
 * Finds every block magic number in some bytes, at any bit.
 * @param bytes the bytes to search
 * @param fromBit the first bit position a match may start at
 * @returns the bit positions of the matches, ascending
 */
export function findBlockStarts(bytes: Buffer, fromBit = 0): number[] {
  const found: number[] = [];
  for (const { shift, middle, first, firstMask, last, lastMask } of SHIFTED) {
    for (let i = bytes.indexOf(middle, 1); i !== -1; i = bytes.indexOf(middle, i + 1)) {
      const start = (i - 1) * 8 + shift;
      if (start < fromBit || ((bytes[i - 1] ?? 0) & firstMask) !== (first & firstMask)) continue;
      if (lastMask !== 0 && (i + 5 >= bytes.length || ((bytes[i + 5] ?? 0) & lastMask) !== (last & lastMask))) continue;
      found.push(start);
    }
  }
  return found.sort((a, b) => a - b);
}

/**
 * Finds the byte-aligned starts of bzip2 streams (`BZh1`-`BZh9` then a block magic number).
 * @param bytes the bytes to search
 * @param from the first byte a stream may start at
 * @returns the byte offsets, ascending
 */
export function findStreamStarts(bytes: Buffer, from = 0): number[] {
  const found: number[] = [];
  for (let i = bytes.indexOf('1AY&SY', from + 4, 'latin1'); i !== -1; i = bytes.indexOf('1AY&SY', i + 1, 'latin1')) {
    if (isStreamHeader(bytes, i - 4)) found.push(i - 4);
  }
  return found;
}

/**
 * Tells whether a bzip2 stream header (`BZh` and a level digit) starts at a byte.
 * @param bytes the bytes
 * @param at where to look
 * @returns true for `BZh1` to `BZh9`
 */
export function isStreamHeader(bytes: Buffer, at: number): boolean {
  const level = bytes[at + 3] ?? 0;
  return at >= 0 && bytes[at] === 0x42 && bytes[at + 1] === 0x5a && bytes[at + 2] === 0x68 && level >= 0x31 && level <= 0x39;
}
