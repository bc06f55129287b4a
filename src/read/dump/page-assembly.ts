/**
 * Gathers the bytes of a page that spans several chunks of decompressed data, without a new
 * allocation per page: most pages of a real dump are smaller than a chunk, but most bytes are in
 * pages that are not.
 */
import { MAX_PAGE_BYTES } from './limits.js';

/**
 * The bytes of a page that spans chunks, copied as they come into a reused buffer. Two buffers
 * take turns, so a finished page's bytes stay valid while the next page is being gathered: until
 * the next page that spans chunks ends.
 */
export class PageAssembly {
  private buffers = [Buffer.allocUnsafe(1 << 20), Buffer.allocUnsafe(1 << 20)];
  private current = 0;
  /** Bytes gathered for the current page. */
  length = 0;

  /**
   * Adds bytes to the current page.
   * @param bytes the next bytes of the page
   */
  append(bytes: Buffer): void {
    let buffer = this.buffers[this.current] ?? Buffer.alloc(0);
    if (this.length + bytes.length > buffer.length) {
      // Doubling, but never past what the largest page kept needs.
      const bigger = Buffer.allocUnsafe(Math.max(this.length + bytes.length, Math.min(buffer.length * 2, MAX_PAGE_BYTES + (1 << 20))));
      buffer.copy(bigger, 0, 0, this.length);
      this.buffers[this.current] = buffer = bigger;
    }
    this.length += bytes.copy(buffer, this.length);
  }

  /**
   * Ends the current page; the next one is gathered in the other buffer.
   * @returns the bytes gathered, valid until the next page after this one is finished
   */
  finish(): Buffer {
    const view = (this.buffers[this.current] ?? Buffer.alloc(0)).subarray(0, this.length);
    this.current = 1 - this.current;
    // Do not keep a buffer grown for a huge page.
    if ((this.buffers[this.current]?.length ?? 0) > 8 << 20) this.buffers[this.current] = Buffer.allocUnsafe(1 << 20);
    this.length = 0;
    return view;
  }
}
