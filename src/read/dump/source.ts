/**
 * The compressed (or plain) bytes of a dump: a file, a byte range of one, or a stream such as
 * standard input. Besides reading them in order, the decompressor may need to read some again to
 * recover from a damaged block: a file is read again from disk; a stream keeps its most recent
 * {@link RECOVERY_WINDOW_BYTES} in memory for that.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { RECOVERY_WINDOW_BYTES } from './limits.js';
import type { ByteRange, DumpInput } from './types.js';

const READ_CHUNK = 1024 * 1024;

/** Bytes of a dump that can be read in order from any offset, and read again when recent. */
export interface ByteSource {
  /** Absolute offset of the first byte. */
  readonly start: number;
  /** Absolute offset after the last byte, when known (files). */
  readonly end: number | undefined;
  /**
   * Reads the first bytes without consuming them.
   * @param n how many
   * @returns up to n bytes
   */
  head(n: number): Promise<Buffer>;
  /**
   * Reads the bytes from an offset to the end, in chunks.
   * @param from absolute offset (for a stream: not before what it still holds)
   * @returns the chunks
   */
  rest(from: number): AsyncGenerator<Buffer>;
  /**
   * Reads bytes again, for recovery.
   * @param start absolute offset
   * @param end absolute offset
   * @returns the bytes held in that span (for a stream, only those still in memory)
   */
  slice(start: number, end: number): Promise<{ start: number; bytes: Buffer }>;
  /** Releases what the source holds open. */
  close(): void;
}

/**
 * Opens a dump's bytes.
 * @param input a path or a readable stream
 * @param range the byte range to read, for a file
 * @returns the source, or an error message when the file cannot be read
 */
export async function openSource(input: DumpInput, range?: ByteRange): Promise<ByteSource | { error: string }> {
  if (typeof input !== 'string') return new StreamSource(input);
  try {
    const info = await stat(input);
    if (info.isDirectory()) return { error: 'is a folder' };
    const start = Math.max(0, range?.start ?? 0);
    const end = Math.min(info.size, range?.end ?? info.size);
    return new FileSource(input, start, Math.max(start, end));
  } catch (error) {
    return { error: describeError(error) };
  }
}

/**
 * Turns a file-system error into a few words.
 * @param error what was thrown
 * @returns a short reason
 */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

class FileSource implements ByteSource {
  constructor(
    private readonly path: string,
    readonly start: number,
    readonly end: number,
  ) {}

  async head(n: number): Promise<Buffer> {
    return (await this.slice(this.start, Math.min(this.end, this.start + n))).bytes;
  }

  async *rest(from: number): AsyncGenerator<Buffer> {
    if (from >= this.end) return;
    const stream = createReadStream(this.path, { start: from, end: this.end - 1, highWaterMark: READ_CHUNK });
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } finally {
      stream.destroy();
    }
  }

  async slice(start: number, end: number): Promise<{ start: number; bytes: Buffer }> {
    const from = Math.max(this.start, start);
    const to = Math.min(this.end, end);
    if (to <= from) return { start: from, bytes: Buffer.alloc(0) };
    const handle = await open(this.path, 'r');
    try {
      const bytes = Buffer.allocUnsafe(to - from);
      let got = 0;
      while (got < bytes.length) {
        const { bytesRead } = await handle.read(bytes, got, bytes.length - got, from + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return { start: from, bytes: bytes.subarray(0, got) };
    } finally {
      await handle.close();
    }
  }

  close(): void {}
}

/** A stream read once; its most recent bytes stay in a window for recovery. */
class StreamSource implements ByteSource {
  readonly start = 0;
  readonly end = undefined;
  private readonly iterator: AsyncIterator<unknown>;
  private window: Buffer[] = [];
  private windowStart = 0;
  private windowBytes = 0;
  private done = false;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Reads one more chunk into the window; undefined at the end of the stream. */
  private async pull(): Promise<Buffer | undefined> {
    if (this.done) return undefined;
    const next = await this.iterator.next();
    if (next.done === true) {
      this.done = true;
      return undefined;
    }
    const value: unknown = next.value;
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    this.window.push(chunk);
    this.windowBytes += chunk.length;
    // Keep at least the recovery window, and never drop the newest chunk.
    for (let first = this.window[0]; first !== undefined && this.window.length > 1 && this.windowBytes - first.length >= RECOVERY_WINDOW_BYTES; first = this.window[0]) {
      this.window.shift();
      this.windowBytes -= first.length;
      this.windowStart += first.length;
    }
    return chunk;
  }

  async head(n: number): Promise<Buffer> {
    while (this.windowStart === 0 && this.windowBytes < n && (await this.pull()) !== undefined);
    return Buffer.concat(this.window).subarray(0, n);
  }

  async *rest(from: number): AsyncGenerator<Buffer> {
    let at = Math.max(from, this.windowStart);
    let offset = this.windowStart;
    for (const chunk of [...this.window]) {
      const chunkEnd = offset + chunk.length;
      if (chunkEnd > at) {
        yield chunk.subarray(at - offset);
        at = chunkEnd;
      }
      offset = chunkEnd;
    }
    for (let chunk = await this.pull(); chunk !== undefined; chunk = await this.pull()) yield chunk;
  }

  async slice(start: number, end: number): Promise<{ start: number; bytes: Buffer }> {
    const from = Math.max(start, this.windowStart);
    const all = Buffer.concat(this.window);
    return { start: from, bytes: all.subarray(from - this.windowStart, Math.max(from, end) - this.windowStart) };
  }

  close(): void {
    const destroy = (this.stream as { destroy?: () => void }).destroy;
    if (typeof destroy === 'function' && this.stream !== process.stdin) destroy.call(this.stream);
  }
}
