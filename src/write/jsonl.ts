/**
 * An append-only JSON Lines file that can be cut back to a checkpoint. Lines are buffered and
 * written in batches; with compression each batch becomes one gzip member or zstd frame (a file of
 * concatenated members is a valid .gz/.zst), so a checkpoint always falls on a member boundary and
 * cutting the file there leaves a valid file. Batches close at the same input positions in every
 * run, so a resumed run writes the same bytes as an uninterrupted one.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** How lines are compressed. */
export type Compression = 'none' | 'gzip' | 'zstd';

/** The file name extension of a compression. */
export const COMPRESSED_EXTENSION: Readonly<Record<Compression, string>> = { none: '', gzip: '.gz', zstd: '.zst' };

/** An append-only JSON Lines file. */
export class JsonlFile {
  readonly #handle: FileHandle;
  readonly #compression: Compression;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
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
    // Encoded now, a line at a time: a batch encoded at once held the main thread for a third of a
    // second (workers waited for their next page meanwhile) and kept every line's string alive until then.
    this.#pending.push(Buffer.from(`${line}\n`));
    this.#pendingBytes += this.#pending[this.#pending.length - 1]?.length ?? 0;
  }

  /**
   * Writes the queued lines as one batch.
   * @returns the file's size after the batch: where a checkpoint may cut it
   */
  async flush(): Promise<number> {
    if (this.#pending.length === 0) return this.#size;
    const lines = this.#pending;
    const size = this.#pendingBytes;
    this.#pending = [];
    this.#pendingBytes = 0;
    if (this.#compression === 'none') {
      await this.#handle.writev(lines, this.#size);
      this.#size += size;
      return this.#size;
    }
    const bytes = compress(Buffer.concat(lines, size), this.#compression);
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

/**
 * Rewrites a JSON Lines file with some runs of lines replaced, streaming (the file may be large):
 * each replacement gives the first line it replaces, how many, and the new lines. The result is
 * written in batches of `batch` lines (one compressed member each) to a new file, then renamed
 * over the old one, so an interrupted rewrite leaves the old file whole.
 * @param file the file
 * @param compression its compression
 * @param replacements by first line (0-based), in any order, not overlapping
 * @param batch lines per batch
 */
export async function rewriteLines(
  file: string,
  compression: Compression,
  replacements: ReadonlyMap<number, { count: number; lines: readonly string[] }>,
  batch: number,
): Promise<void> {
  // A fresh name in the same folder, created exclusively: nothing planted there is written through.
  const temp = path.join(path.dirname(file), `.wikitally-${randomBytes(8).toString('hex')}.tmp`);
  await (await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644)).close();
  try {
    if (compression === 'none') await rewritePlain(file, temp, replacements);
    else await rewriteDecoded(file, temp, compression, replacements, batch);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function rewriteDecoded(
  file: string,
  temp: string,
  compression: Compression,
  replacements: ReadonlyMap<number, { count: number; lines: readonly string[] }>,
  batch: number,
): Promise<void> {
  const out = await JsonlFile.open(temp, 0, compression);
  let n = 0;
  let skip = 0;
  let pending = 0;
  const add = async (line: string): Promise<void> => {
    out.add(line);
    if (++pending >= batch) {
      pending = 0;
      await out.flush();
    }
  };
  for await (const line of readLines(file, compression)) {
    const r = replacements.get(n);
    if (r !== undefined) {
      for (const l of r.lines) await add(l);
      skip = r.count;
    }
    if (skip > 0) skip -= 1;
    else await add(line);
    n += 1;
  }
  // Replacements past the end (an article whose lines were all empty) are appended.
  for (const [at, r] of [...replacements].sort(([a], [b]) => a - b)) if (at >= n) for (const l of r.lines) await add(l);
  await out.close();
}

async function* readLines(file: string, compression: Compression): AsyncGenerator<string> {
  const { createReadStream } = await import('node:fs');
  const { stat } = await import('node:fs/promises');
  // An empty file holds no gzip member or zstd frame: a decoder would call it truncated.
  if ((await stat(file)).size === 0) return;
  const { createInterface } = await import('node:readline');
  let input: NodeJS.ReadableStream = createReadStream(file);
  if (compression === 'gzip') input = input.pipe((await import('node:zlib')).createGunzip());
  if (compression === 'zstd') {
    const { spawn } = await import('node:child_process');
    const child = spawn('zstd', ['-q', '-dc', file], { stdio: ['ignore', 'pipe', 'ignore'] });
    input = child.stdout;
  }
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) if (line.length > 0) yield line;
}

/** Bytes gathered before each write of a plain rewrite. */
const REWRITE_WRITE_BYTES = 4 * 1024 * 1024;

/**
 * {@link rewriteLines} for an uncompressed file, on bytes: lines that stay are copied as they are,
 * never decoded (a dump's articles.jsonl is gigabytes and most of it stays). Lines are counted as
 * readLines counts them: empty ones are dropped.
 */
async function rewritePlain(file: string, temp: string, replacements: ReadonlyMap<number, { count: number; lines: readonly string[] }>): Promise<void> {
  const { createReadStream } = await import('node:fs');
  const out = await open(temp, constants.O_WRONLY | constants.O_TRUNC | constants.O_NOFOLLOW);
  try {
    let queued: Buffer[] = [];
    let queuedBytes = 0;
    const write = async (bytes: Buffer): Promise<void> => {
      queued.push(bytes);
      queuedBytes += bytes.length;
      if (queuedBytes < REWRITE_WRITE_BYTES) return;
      await out.writev(queued);
      queued = [];
      queuedBytes = 0;
    };
    const NEWLINE = Buffer.from('\n');
    let n = 0;
    let skip = 0;
    const line = async (bytes: Buffer, newline: boolean): Promise<void> => {
      if (bytes.length === 0 || (bytes.length === 1 && newline)) return;
      const r = replacements.get(n);
      if (r !== undefined) {
        for (const l of r.lines) await write(Buffer.from(`${l}\n`));
        skip = r.count;
      }
      if (skip > 0) skip -= 1;
      else await write(newline ? bytes : Buffer.concat([bytes, NEWLINE]));
      n += 1;
    };
    let carry: Buffer | undefined;
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      const bytes = carry === undefined ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
      let start = 0;
      for (let nl = bytes.indexOf(10, start); nl !== -1; nl = bytes.indexOf(10, start)) {
        await line(bytes.subarray(start, nl + 1), true);
        start = nl + 1;
      }
      carry = start < bytes.length ? Buffer.from(bytes.subarray(start)) : undefined;
    }
    if (carry !== undefined) await line(carry, false);
    // Replacements past the end (an article whose lines were all empty) are appended.
    for (const [at, r] of [...replacements].sort(([a], [b]) => a - b)) if (at >= n) for (const l of r.lines) await write(Buffer.from(`${l}\n`));
    if (queued.length > 0) await out.writev(queued);
  } finally {
    await out.close();
  }
}
