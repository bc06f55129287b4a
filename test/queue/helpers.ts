/**
 * What the queue tests share: a real redis-server of their own (127.0.0.1, a free port, no
 * persistence, in a temporary folder), the wikitally CLI as processes (a coordinator, workers),
 * and a multistream dump made from the samples and the corpus dumps by the repository's generator.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers.js';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Where Debian puts redis-server; PATH is searched too. */
const REDIS_SERVER = ['/usr/bin/redis-server', ...(process.env['PATH'] ?? '').split(':').map((d) => path.join(d, 'redis-server'))];

/** Small jobs and quick stall detection, so a test takes seconds, not minutes. */
export const QUEUE_ENV = {
  WIKITALLY_QUEUE_JOB_BYTES: '150000',
  WIKITALLY_QUEUE_LOCK_MS: '2000',
  WIKITALLY_QUEUE_STALLED_MS: '1000',
  WIKITALLY_QUEUE_BACKOFF_MS: '200',
  WIKITALLY_QUEUE_POLL_MS: '200',
};

/** A redis-server the test started. */
export class TestRedis {
  readonly port: number;
  readonly #dir: string;
  readonly #binary: string;
  #child: ChildProcess | undefined;

  private constructor(binary: string, port: number, dir: string) {
    this.#binary = binary;
    this.port = port;
    this.#dir = dir;
  }

  /** The URL workers and coordinators are given. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a redis-server on a free port; fails (never skips) when there is none installed. */
  static async start(): Promise<TestRedis> {
    const binary = REDIS_SERVER.find((p) => existsSync(p));
    if (binary === undefined) {
      throw new Error('redis-server is not installed (looked in /usr/bin and PATH): the queue tests need a real Redis; install Debian\'s package with `apt-get install -y redis-server` (.ci/run does)');
    }
    const redis = new TestRedis(binary, await freePort(), mkdtempSync(path.join(tmpdir(), 'wikitally-redis-')));
    await redis.restart();
    return redis;
  }

  /** Starts (again) on the same port, empty: no persistence. */
  async restart(): Promise<void> {
    this.#child = spawn(this.#binary, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.#dir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await ping(this.port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${this.port} within 10 s`);
      await sleep(50);
    }
  }

  /** Kills the server (SIGKILL: nothing saved, clients cut off). */
  async kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }
}

/** A wikitally process and what it printed. */
export interface Proc {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `node dist/cli.js …` with the queue's test settings.
 * @param args the command line
 * @returns the process
 */
export function wikitally(args: string[]): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...QUEUE_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

/** Starts a worker with one thread. */
export function worker(redis: TestRedis): Proc {
  return wikitally(['worker', '--queue', redis.url, '--jobs', '1']);
}

/** Stops workers as a user would (SIGTERM) and waits for them. */
export async function stop(procs: readonly Proc[]): Promise<void> {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
}

/** Waits until a condition holds (polled), or fails after `ms`. */
export async function until(what: string, test: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** The samples and two corpus dumps as one multistream dump with its index (about 1.2 MB: 8 jobs of 150 KB). */
export function makeDump(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-queue-dump-'));
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'dumps');
  execFileSync(process.execPath, [
    path.join(ROOT, 'scripts', 'make-dump.mjs'),
    '--out', dir, '--name', 'mixed', '--multistream', '--pages-per-stream', '50',
    '--articles', path.join(ROOT, 'samples'),
    '--filler', path.join(fixtures, 'ltgwiki-smallwiki-pages-articles.xml.bz2'), path.join(fixtures, 'enwiki-dbpedia-minidump.xml.bz2'),
  ]);
  return path.join(dir, 'mixed-multistream.xml.bz2');
}

/** Every file under a folder (but `parts/`), with its bytes. */
export function tree(dir: string, skip = 'parts'): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      const rel = path.relative(dir, full);
      // timing.json holds this run's wall time: the one file that differs from run to run.
      if (rel === skip || name === 'timing.json') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[rel] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

/** Each part folder's name → how many times workers said they wrote it. */
export function writtenParts(logs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const log of logs) for (const m of log.matchAll(/wrote part (\S+)/g)) counts.set(m[1] ?? '', (counts.get(m[1] ?? '') ?? 0) + 1);
  return counts;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Whether a Redis answers PING on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
