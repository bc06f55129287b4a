/**
 * An append-only JSON Lines file that can be cut back to a checkpoint. Lines are buffered and
 * written in batches; with compression each batch becomes one gzip member or zstd frame (a file of
 * concatenated members is a valid .gz/.zst), so a checkpoint always falls on a member boundary and
 * cutting the file there leaves a valid file. Batches close at the same input positions in every
 * run, so a resumed run writes the same bytes as an uninterrupted one.
 */
import { spawnSync } from 'node:child_process';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/** How lines are compressed. */
export type Compression = 'none' | 'gzip' | 'zstd';

/** The file name extension of a compression. */
export const COMPRESSED_EXTENSION: Readonly<Record<Compression, string>> = { none: '', gzip: '.gz', zstd: '.zst' };

/** An append-only JSON Lines file. */
export class JsonlFile {
  readonly #handle: FileHandle;
  readonly #compression: Compression;
  #pending: string[] = [];
  #size: number;

  private constructor(handle: FileHandle, size: number, compression: Compression) {
    this.#handle = handle;
    this.#size = size;
    this.#compression = compression;
  }

  /**
   * Opens a file for appending, first cut to `keep` bytes (0: a new, empty file).
   * @param file the path
   * @param keep bytes to keep (a checkpoint's size)
   * @param compression how batches are compressed
   * @returns the open file
   */
  static async open(file: string, keep: number, compression: Compression): Promise<JsonlFile> {
    const handle = await open(file, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
    await handle.truncate(keep);
    return new JsonlFile(handle, keep, compression);
  }

  /**
   * Queues one line (a JSON value on one line, without its newline).
   * @param line the JSON text
   */
  add(line: string): void {
    this.#pending.push(line);
  }

  /**
   * Writes the queued lines as one batch.
   * @returns the file's size after the batch: where a checkpoint may cut it
   */
  async flush(): Promise<number> {
    if (this.#pending.length === 0) return this.#size;
    const text = `${this.#pending.join('\n')}\n`;
    this.#pending = [];
    const bytes = compress(Buffer.from(text), this.#compression);
    await this.#handle.write(bytes, 0, bytes.length, this.#size);
    this.#size += bytes.length;
    return this.#size;
  }

  /** Writes what is queued and closes the file. */
  async close(): Promise<number> {
    const size = await this.flush();
    await this.#handle.close();
    return size;
  }
}

function compress(bytes: Buffer, compression: Compression): Buffer {
  if (compression === 'gzip') return gzipSync(bytes, { level: 6 });
  if (compression === 'zstd') {
    const out = spawnSync('zstd', ['-q', '-c', '-3'], { input: bytes, maxBuffer: 1 << 30 });
    if (out.status !== 0 || out.error !== undefined) throw new Error(`zstd failed (${out.error?.message ?? out.stderr.toString().trim()})`);
    return out.stdout;
  }
  return bytes;
}
