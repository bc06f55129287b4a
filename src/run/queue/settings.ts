/**
 * How the queue is reached and paced: the Redis connection read from a `redis://` URL (with the
 * options that let the coordinator and the workers outlive a Redis restart), and the numbers of a
 * queue run, each named with its reason. Tests and benchmarks change them through environment
 * variables (`WIKITALLY_QUEUE_*`), never the output: they only decide when things happen.
 */
import { GROUP_BYTES } from '../multistream-read.js';

/** The BullMQ queue every coordinator adds to and every worker takes from. */
export const QUEUE_NAME = 'wikitally-extract';

/**
 * Compressed bytes of a multistream dump per job: the range a run on one machine decodes in one
 * piece (GROUP_BYTES, 16 MB), so that a part holds exactly what that range gives there, byte
 * offsets in diagnostics included. Measured here (docs/scale.md, `npm run bench:queue`): a job
 * takes a worker about 3 s of decoding and scanning plus its pages in scope, and a queue run with
 * one worker took 3 % longer than the run on one machine, so the per-job costs (a header read, a
 * decoder started, about 100 Redis commands) are small; the English dump makes about 1,400 jobs,
 * 22 for each of 64 workers (a tail of one job), and a retried job loses at most one job's work.
 */
export const JOB_BYTES = GROUP_BYTES;

/**
 * How long a worker holds a job without renewing its lock before the job counts as stalled.
 * Renewed every half of it by BullMQ's timer; 60 s lets a worker's main thread be busy on a large
 * page for a while without another worker taking the job too (which would be harmless, only waste).
 */
export const LOCK_MS = 60_000;

/** How often workers look for stalled jobs (a killed worker's job is taken again within about LOCK_MS + this). */
export const STALLED_MS = 30_000;

/** Attempts of a job (a throw, or a worker that died with it) before it is reported failed. */
export const ATTEMPTS = 3;

/** Wait before a failed attempt is tried again: long enough for a passing fault (a file system hiccup) to clear. */
export const BACKOFF_MS = 5_000;

/** How often the coordinator looks at the parts and the jobs' states. */
export const POLL_MS = 1_000;

/** Finished jobs are kept this long, so that adding one again is a no-op (7 days: longer than any run). */
export const KEEP_SECONDS = 7 * 24 * 3600;

/** The numbers of a queue run, after the environment's overrides. */
export interface QueueTuning {
  jobBytes: number;
  lockMs: number;
  stalledMs: number;
  attempts: number;
  backoffMs: number;
  pollMs: number;
}

/**
 * Reads the numbers of a queue run, with `WIKITALLY_QUEUE_JOB_BYTES`, `…_LOCK_MS`, `…_STALLED_MS`,
 * `…_ATTEMPTS`, `…_BACKOFF_MS` and `…_POLL_MS` overriding the defaults (tests make jobs small and
 * stalls quick).
 * @param env the environment
 * @returns the numbers
 */
export function queueTuning(env: NodeJS.ProcessEnv = process.env): QueueTuning {
  const read = (name: string, fallback: number): number => {
    const value = env[`WIKITALLY_QUEUE_${name}`];
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  return {
    jobBytes: read('JOB_BYTES', JOB_BYTES),
    lockMs: read('LOCK_MS', LOCK_MS),
    stalledMs: read('STALLED_MS', STALLED_MS),
    attempts: read('ATTEMPTS', ATTEMPTS),
    backoffMs: read('BACKOFF_MS', BACKOFF_MS),
    pollMs: read('POLL_MS', POLL_MS),
  };
}

/** Connection options as BullMQ hands them to ioredis. */
export interface RedisConnection {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: Record<string, never>;
  /** null: a command waits for Redis to come back instead of failing (BullMQ requires it of workers). */
  maxRetriesPerRequest: null;
  /** Reconnect for ever, waiting longer each time up to 2 s: a restarted Redis is found again within 2 s. */
  retryStrategy: (times: number) => number;
}

/**
 * Reads a Redis URL: `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS.
 * @param url the URL given to `--queue`
 * @returns the connection options
 * @throws an Error naming the URL when it is not a Redis URL (bad usage)
 */
export function redisConnection(url: string): RedisConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--queue takes a Redis URL such as redis://127.0.0.1:6379, not "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--queue takes a redis:// or rediss:// URL, not "${url}"`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^[0-9]{1,2}$/.test(db)) throw new Error(`Unexpected database "${db}" in ${url}, expected a number such as /0`);
  return {
    host: parsed.hostname === '' ? '127.0.0.1' : parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(db === '' ? {} : { db: Number(db) }),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  };
}

/**
 * The URL without its password, for messages.
 * @param url a Redis URL
 * @returns the same URL, its password replaced by `***`
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
