/**
 * Finds where to go on after a system bzip2 decoder failed. lbzip2 and pbzip2 check each block
 * but may drop blocks they had in flight (lbzip2 keeps 256 of the 338 pages of a truncated test
 * file, pbzip2 none); `bzip2 -dc` keeps them all but writes a block before checking its CRC. So
 * the last good block delivered is found by decoding blocks in JavaScript backwards from where the
 * decoder stopped and matching their bytes against the end of what it delivered; decoding goes on
 * from the next block with the checking JS decoder.
 */
import { BitReader, decodeBlock, findBlockStarts } from './bz2-blocks.js';
import { RECOVERY_NEEDLE_BYTES, RECOVERY_TAIL_BYTES, RECOVERY_WINDOW_BYTES } from './limits.js';
import type { ByteSource } from './source.js';

/**
 * The most recent decompressed bytes received from a decoder, with their absolute offset. They
 * are copied into a ring buffer: keeping the chunks themselves would age them into the old
 * generation and make garbage collection cost more than the copy.
 */
export class DeliveredTail {
  private readonly ring = Buffer.allocUnsafe(RECOVERY_TAIL_BYTES);
  /** Absolute offset of the oldest byte still held (dropped output overwrote older ones). */
  private validFrom = 0;
  /** Decompressed bytes received in all. */
  total = 0;

  /**
   * Remembers a chunk received.
   * @param chunk decompressed bytes
   */
  push(chunk: Buffer): void {
    const size = this.ring.length;
    const part = chunk.length > size ? chunk.subarray(chunk.length - size) : chunk;
    const at = (this.total + chunk.length - part.length) % size;
    const first = Math.min(part.length, size - at);
    part.copy(this.ring, at, 0, first);
    part.copy(this.ring, 0, first);
    this.total += chunk.length;
    this.validFrom = Math.max(this.validFrom, this.total - size);
  }

  /**
   * Forgets the bytes past an offset (output that was dropped as unchecked).
   * @param total the decompressed offset to keep up to
   */
  truncate(total: number): void {
    if (total >= this.total) return;
    // The dropped bytes took the ring slots of the oldest ones.
    this.validFrom = Math.min(total, Math.max(this.validFrom, this.total - this.ring.length));
    this.total = total;
  }

  /**
   * The bytes remembered (all received, up to the ring's size).
   * @returns a copy of them, and the absolute offset of the first
   */
  bytes(): { start: number; bytes: Buffer } {
    const held = this.total - Math.max(this.validFrom, this.total - this.ring.length);
    const at = (this.total - held) % this.ring.length;
    const bytes = Buffer.allocUnsafe(held);
    const first = Math.min(held, this.ring.length - at);
    this.ring.copy(bytes, 0, at, at + first);
    this.ring.copy(bytes, first, 0, held - first);
    return { start: this.total - held, bytes };
  }
}

/** Where decoding goes on after a failure. */
export interface ResumePoint {
  /** Compressed byte offset of the byte holding the next block's first bit. */
  offset: number;
  bit: number;
  /** True when a stream header comes first (nothing of this run was delivered). */
  header: boolean;
  /** Decompressed offset up to which the delivered bytes are known good. */
  verifiedEnd: number;
}

/**
 * Finds the block after the last good block a failed decoder delivered.
 * @param source the compressed bytes
 * @param tail what the decoder delivered (across runs)
 * @param run where this decoder run started: compressed offset, and `tail.total` at that time
 * @param fedEnd compressed offset up to which the decoder was fed (it stopped before)
 * @returns where to resume: after the last block delivered, or the run's start when none is found
 */
export async function findResumePoint(source: ByteSource, tail: DeliveredTail, run: { offset: number; delivered: number }, fedEnd: number): Promise<ResumePoint> {
  if (tail.total === run.delivered) return { offset: run.offset, bit: 0, header: true, verifiedEnd: run.delivered };
  const region = await source.slice(Math.max(run.offset, fedEnd - RECOVERY_WINDOW_BYTES), fedEnd);
  const delivered = tail.bytes();
  const starts = findBlockStarts(region.bytes);
  for (let j = starts.length - 1; j >= 0; j--) {
    const at = starts[j] ?? 0;
    const reader = new BitReader(region.bytes, Math.floor(at / 8), at % 8);
    let output: Buffer;
    try {
      output = decodeBlock(reader);
    } catch {
      continue; // damaged or cut by the window: not a block the decoder delivered
    }
    const needle = output.subarray(Math.max(0, output.length - RECOVERY_NEEDLE_BYTES));
    const found = needle.length === 0 ? -1 : delivered.bytes.lastIndexOf(needle);
    if (found === -1) continue; // not delivered yet: the decoder dropped it
    const verifiedEnd = delivered.start + found + needle.length;
    if (verifiedEnd <= run.delivered) break; // the match is older than this run
    return { offset: region.start + reader.byte, bit: reader.bit, header: false, verifiedEnd };
  }
  // No whole block of this run was delivered (or none is within reach): decode the run again from
  // its start; the caller skips what was already delivered.
  return { offset: run.offset, bit: 0, header: true, verifiedEnd: run.delivered };
}
