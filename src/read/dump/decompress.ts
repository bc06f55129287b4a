/**
 * Opens a dump (a path, a byte range of a file, or a stream such as standard input) as a stream of
 * decompressed bytes. bzip2 (magic `BZh`) goes through the fastest system decoder on PATH
 * (`lbzip2 -dc` > `pbzip2 -dc` > `bzip2 -dc`, no shell) or the JS decoder; gzip through node:zlib;
 * anything else is read as plain XML. Damage is data: a truncated file or a corrupt block yields a
 * `read/damaged-bz2` problem at the point where bytes are missing, and every byte decoded before
 * it (and after it, when later blocks are whole) is kept. When a system decoder fails, the blocks
 * it dropped or could not check are decoded again by the checking JS decoder (bz2-recover.ts).
 * Emits: read/damaged-bz2, read/unreadable-input, read/malformed-xml (gzip).
 */
import { createGunzip } from 'node:zlib';
import { decodeForward, type Bz2Damage, type Bz2HandBack } from './bz2-forward.js';
import { DeliveredTail, findResumePoint } from './bz2-recover.js';
import { findOnPath, runChildDecoder, SYSTEM_DECODERS } from './child-decoder.js';
import { HOLD_BACK_BYTES } from './limits.js';
import { describeError, openSource, type ByteSource } from './source.js';
import type { ByteRange, DecoderChoice, DumpInput, DumpProblem } from './types.js';

/** What the bytes of a dump are, from their first bytes. */
export type DumpFormat = 'bzip2' | 'gzip' | 'plain';

/** How to open a dump. */
export interface DecompressOptions {
  /** The bzip2 decoder (default `auto`). */
  decoder?: DecoderChoice;
  /** Read only these bytes of the file. */
  range?: ByteRange;
  /** Kills the decoder process when aborted. */
  signal?: AbortSignal;
  /** Told, for a file, how far into it (0 to 1) the compressed bytes handed on so far reach: for an ETA. */
  onPosition?: (fraction: number) => void;
}

/**
 * Tells the format of a dump from its first bytes.
 * @param head at least its first 4 bytes
 * @returns bzip2 for `BZh1`-`BZh9`, gzip for 1f 8b, plain otherwise
 */
export function detectFormat(head: Uint8Array): DumpFormat {
  const level = head[3] ?? 0;
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68 && level >= 0x31 && level <= 0x39) return 'bzip2';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  return 'plain';
}

/**
 * Picks the bzip2 decoder to run.
 * @param choice what the caller asked for
 * @returns the system decoder's path, or `js`; a forced decoder that is not on PATH gives `js` too
 */
export function pickDecoder(choice: DecoderChoice = 'auto'): { name: string; path?: string } {
  if (choice === 'js') return { name: 'js' };
  for (const name of choice === 'auto' ? SYSTEM_DECODERS : [choice]) {
    const found = findOnPath(name);
    if (found !== undefined) return { name, path: found };
  }
  return { name: 'js' };
}

/**
 * Streams the decompressed bytes of a dump.
 * @param input a path, or a stream of the dump's bytes
 * @param options decoder, byte range and abort signal
 * @returns decompressed chunks in order, and problems where bytes are missing or unreadable
 */
export async function* decompressDump(input: DumpInput, options: DecompressOptions = {}): AsyncGenerator<Buffer | DumpProblem> {
  const opened = await openSource(input, options.range);
  if ('error' in opened) {
    yield { code: 'read/unreadable-input', message: `Unexpected unreadable dump (${opened.error}), expected a readable file`, offset: 0 };
    return;
  }
  const source = options.onPosition === undefined ? opened : withPosition(opened, options.onPosition);
  try {
    const format = detectFormat(await source.head(4));
    if (format === 'plain') yield* source.rest(source.start);
    else if (format === 'gzip') yield* gunzip(source);
    else {
      const decoder = pickDecoder(options.decoder);
      if (decoder.path === undefined) yield* jsBzip2(source);
      else yield* systemBzip2(source, decoder.name, decoder.path, options.signal);
    }
  } catch (error) {
    yield { code: 'read/unreadable-input', message: `Unexpected error reading the dump (${describeError(error)}), expected a readable file`, offset: 0 };
  } finally {
    source.close();
  }
}

/** Turns the JS decoder's damage reports into problems at the current decompressed offset. */
function damageProblem(item: Bz2Damage, offset: number, why = ''): DumpProblem {
  return {
    code: 'read/damaged-bz2',
    message: `Unexpected ${item.damage} at compressed byte ${item.compressedOffset}${why}, expected whole bzip2 data; the bytes decoded before it were kept${item.next === undefined ? '' : `, and ${item.next}`}`,
    offset,
    compressedOffset: item.compressedOffset,
  };
}

async function* jsBzip2(source: ByteSource): AsyncGenerator<Buffer | DumpProblem> {
  let offset = 0;
  for await (const item of decodeForward(source.rest(source.start), { offset: source.start, bit: 0, header: true, handBack: false })) {
    if (Buffer.isBuffer(item)) {
      offset += item.length;
      yield item;
    } else if ('damage' in item) yield damageProblem(item, offset);
  }
}

async function* systemBzip2(source: ByteSource, name: string, program: string, signal: AbortSignal | undefined): AsyncGenerator<Buffer | DumpProblem> {
  // bzip2 -dc writes a block before checking its CRC: hold its output back until the next block is out.
  const holdBack = name === 'bzip2' ? HOLD_BACK_BYTES : 0;
  const tail = new DeliveredTail();
  let delivered = 0;
  let from = source.start;
  for (;;) {
    const run = { offset: from, delivered: tail.total };
    const child = runChildDecoder(program, source.rest(from), signal);
    const held: Buffer[] = [];
    let heldBytes = 0;
    let finished = false;
    try {
      for await (const chunk of child.output) {
        tail.push(chunk);
        held.push(chunk);
        heldBytes += chunk.length;
        for (let first = held[0]; first !== undefined && heldBytes - first.length >= holdBack; first = held[0]) {
          held.shift();
          heldBytes -= first.length;
          delivered += first.length;
          yield first;
        }
      }
      finished = true;
    } finally {
      if (!finished) child.kill();
    }
    const exit = await child.exit;
    if (exit.killedByUs || signal?.aborted === true) return;
    if (exit.ok) {
      for (const chunk of held) yield chunk;
      return;
    }
    // The decoder's own words (lbzip2 says "bad block header magic" or "unexpected end of file"
    // for the same cut, depending on its threads) would make the output differ from run to run;
    // the damage is described by the JS decoder, which finds it in the same place every time.
    const why = ` (${name} stopped)`;
    const resume = await findResumePoint(source, tail, run, from + exit.fed);
    // Release what is known good; drop the rest of what was held (unchecked or cut).
    let releasable = resume.verifiedEnd - delivered;
    for (const chunk of held) {
      if (releasable <= 0) break;
      const part = chunk.subarray(0, Math.min(chunk.length, releasable));
      releasable -= part.length;
      delivered += part.length;
      yield part;
    }
    // From here the tail is what was delivered, as the forward decoding continues it.
    tail.truncate(delivered);
    let skip = Math.max(0, delivered - resume.verifiedEnd);
    const already = skip > 0 ? tail.bytes() : undefined;
    let sawDamage = false;
    let mismatch = false;
    let handBack: Bz2HandBack | undefined;
    const forward = decodeForward(source.rest(resume.offset), { offset: resume.offset, bit: resume.bit, header: resume.header, handBack: true });
    for await (const item of forward) {
      if (Buffer.isBuffer(item)) {
        let chunk = item;
        if (skip > 0) {
          // Bytes the decoder delivered past the last good block: the same again, or damage that got out.
          const cut = Math.min(skip, chunk.length);
          const at = delivered - skip - (already?.start ?? 0);
          const seen = already !== undefined && at >= 0 ? already.bytes.subarray(at, at + cut) : undefined;
          if (!mismatch && seen !== undefined && !seen.equals(chunk.subarray(0, seen.length))) {
            mismatch = true;
            yield { code: 'read/damaged-bz2', message: `Unexpected unchecked output of ${name} before offset ${delivered}, expected the bytes of a whole block; the pages there may be damaged`, offset: delivered };
          }
          skip -= cut;
          chunk = chunk.subarray(cut);
        }
        if (chunk.length === 0) continue;
        tail.push(chunk);
        delivered += chunk.length;
        yield chunk;
      } else if ('damage' in item) {
        yield damageProblem(item, delivered, sawDamage ? '' : why);
        sawDamage = true;
      } else handBack = item;
    }
    if (!sawDamage) {
      yield { code: 'read/unreadable-input', message: `Unexpected failure of ${name} (${exit.reason}), expected it to decode the data; the JS decoder read on and found no damage`, offset: delivered };
    }
    if (handBack === undefined) return;
    from = handBack.handBack;
  }
}

async function* gunzip(source: ByteSource): AsyncGenerator<Buffer | DumpProblem> {
  const inflate = createGunzip();
  const queue: Buffer[] = [];
  let failure: string | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  inflate.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length > 16) inflate.pause();
    notify();
  });
  // Ending instead of destroying keeps every byte inflated before the error.
  inflate.on('error', (error) => {
    failure = error.message;
    ended = true;
    notify();
  });
  inflate.on('end', () => {
    ended = true;
    notify();
  });
  const feeding = (async () => {
    for await (const chunk of source.rest(source.start)) {
      if (ended) break;
      if (!inflate.write(chunk)) await new Promise<void>((resolve) => inflate.once('drain', resolve).once('error', resolve));
    }
    if (!ended) inflate.end();
  })().catch((error: unknown) => {
    failure ??= describeError(error);
    ended = true;
    notify();
  });
  let offset = 0;
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        offset += chunk.length;
        if (queue.length < 4) inflate.resume();
        yield chunk;
      } else if (ended) break;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    await feeding;
  } finally {
    inflate.destroy();
  }
  if (failure !== undefined) yield { code: 'read/malformed-xml', message: `Unexpected damaged gzip data (${failure}), expected whole gzip data; the bytes decoded before it were kept`, offset };
}

/**
 * A source that tells how far into the file the bytes it has handed on reach (nothing for a stream,
 * whose size is unknown).
 * @param source the source
 * @param onPosition told the fraction after each chunk
 * @returns the same bytes
 */
function withPosition(source: ByteSource, onPosition: (fraction: number) => void): ByteSource {
  const { start, end } = source;
  if (end === undefined || end <= start) return source;
  return {
    start,
    end,
    head: (n) => source.head(n),
    slice: (a, b) => source.slice(a, b),
    close: () => source.close(),
    async *rest(from) {
      let at = from;
      for await (const chunk of source.rest(from)) {
        at += chunk.length;
        onPosition(Math.min(1, (at - start) / (end - start)));
        yield chunk;
      }
    },
  };
}
