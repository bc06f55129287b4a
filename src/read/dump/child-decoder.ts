/**
 * Runs a system bzip2 decoder (`lbzip2 -dc`, `pbzip2 -dc`, `bzip2 -dc`) as a child process: no
 * shell, compressed bytes fed to its standard input, decompressed bytes read from its standard
 * output as they come. A child that fails or is killed ends its output; how it ended is data
 * ({@link ChildExit}), never an exception. The child is killed when the reader stops early.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { MAX_STDERR_CHARS } from './limits.js';

/** The system decoders, fastest first. */
export const SYSTEM_DECODERS = ['lbzip2', 'pbzip2', 'bzip2'] as const;

/** One of {@link SYSTEM_DECODERS}. */
export type SystemDecoder = (typeof SYSTEM_DECODERS)[number];

/** How a child decoder ended. */
export interface ChildExit {
  /** True when it exited with status 0 after reading all its input. */
  ok: boolean;
  /** One line saying why it failed: its exit status or signal and the start of its error output. */
  reason: string;
  /** True when the reader killed it (the consumer stopped). */
  killedByUs: boolean;
  /** Compressed bytes handed to it: where it stopped is before this. */
  fed: number;
}

/** A running child decoder. */
export interface ChildRun {
  /** Its decompressed output, in order; ends when the child closes its output. */
  output: AsyncGenerator<Buffer>;
  /** Resolves once the child has exited and its input feeding has stopped. */
  exit: Promise<ChildExit>;
  /** Kills the child (the reader no longer wants its output). */
  kill(): void;
}

const found = new Map<string, string | undefined>();

/**
 * Finds a program on PATH, the way a shell would, without running a shell.
 * @param name the program
 * @returns its full path, or undefined when it is not on PATH
 */
export function findOnPath(name: string): string | undefined {
  const search = process.env['PATH'] ?? '';
  const key = `${name}\0${search}`;
  if (found.has(key)) return found.get(key);
  let hit: string | undefined;
  for (const dir of search.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      hit = candidate;
      break;
    } catch {
      // not here
    }
  }
  found.set(key, hit);
  return hit;
}

/**
 * Starts a system decoder on a stream of compressed bytes.
 * @param program the decoder's full path
 * @param input the compressed bytes, fed to its standard input
 * @param signal kills the child when aborted
 * @returns its output and how it ended
 */
export function runChildDecoder(program: string, input: AsyncIterable<Buffer>, signal?: AbortSignal): ChildRun {
  const child = spawn(program, ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'], shell: false });
  let killedByUs = false;
  const onAbort = (): void => run.kill();
  signal?.addEventListener('abort', onAbort, { once: true });
  void once(child, 'close').then(() => signal?.removeEventListener('abort', onAbort), () => undefined);
  let fed = 0;
  let stderr = '';
  let spawnError: string | undefined;
  child.on('error', (error) => (spawnError = error.message));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < MAX_STDERR_CHARS) stderr += text.slice(0, MAX_STDERR_CHARS - stderr.length);
  });
  // A child that exits early makes writes fail with EPIPE: that is how it ended, not an error.
  child.stdin.on('error', () => undefined);
  const closed = once(child, 'close').then(
    ([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }),
    () => ({ code: null, signal: null }),
  );
  let childGone = false;
  void closed.then(() => (childGone = true));

  const feeding = (async () => {
    try {
      for await (const chunk of input) {
        if (childGone || child.stdin.destroyed) break;
        fed += chunk.length;
        if (!child.stdin.write(chunk)) {
          const drained = await Promise.race([once(child.stdin, 'drain').then(() => true, () => false), closed.then(() => false)]);
          if (!drained) break;
        }
      }
    } catch (error) {
      spawnError ??= `cannot read the input (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      child.stdin.end();
    }
  })();

  const exit = (async (): Promise<ChildExit> => {
    const { code, signal } = await closed;
    await feeding;
    const firstLines = stderr.split('\n').map((line) => line.trim()).filter((line) => line.length > 0).slice(0, 2).join(' ');
    const why = spawnError ?? (signal !== null ? `killed by ${signal}` : `exit status ${code ?? 'unknown'}`);
    return { ok: code === 0 && spawnError === undefined, reason: firstLines === '' ? why : `${why}: ${firstLines}`, killedByUs, fed };
  })();

  async function* output(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of child.stdout) yield chunk as Buffer;
    } catch {
      // A broken pipe ends the output like an exit does; `exit` tells why.
    }
  }

  const run: ChildRun = {
    output: output(),
    exit,
    kill() {
      if (child.exitCode === null && child.signalCode === null) {
        killedByUs = true;
        child.kill('SIGTERM');
      }
      child.stdout.destroy();
    },
  };
  return run;
}
