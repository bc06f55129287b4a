/**
 * `wikitally worker`: takes jobs from the queue one at a time until stopped (SIGTERM or SIGINT: the
 * job under way is finished first). A worker that dies with a job leaves it locked; once the lock
 * runs out, another worker's stalled-job check puts it back in the queue. If Redis goes away the
 * worker waits and reconnects (ioredis retries for ever; commands wait instead of failing).
 */
import { Worker } from 'bullmq';
import { defaultJobs } from '../executor.js';
import { closeContext, processJob, type WorkerContext } from './job.js';
import type { JobPayload } from './plan.js';
import { QUEUE_NAME, queueTuning, redactUrl, redisConnection } from './settings.js';
import { workerName } from './part.js';

/** How a worker runs. */
export interface WorkerOptions {
  /** The Redis URL. */
  queue: string;
  /** Worker threads for the pages of a job (default: one per core; 0: this thread). */
  jobs?: number;
  /** Where log lines go (default: standard error). */
  log?: (line: string) => void;
  /** Stops the worker (after the job under way), besides SIGTERM and SIGINT. */
  signal?: AbortSignal;
}

/**
 * Runs a worker until it is stopped.
 * @param options the queue and how many threads
 * @returns the exit code (0)
 */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const tuning = queueTuning();
  const connection = redisConnection(options.queue);
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const context: WorkerContext = { jobs: options.jobs ?? defaultJobs(), executors: new Map() };
  const worker = new Worker<JobPayload, string>(
    QUEUE_NAME,
    async (job) => {
      const p = job.data;
      log(`worker ${workerName()}: job ${p.id}: ${p.input.file} bytes ${p.range.start}-${p.range.end} (attempt ${job.attemptsMade + 1})`);
      const started = Date.now();
      const done = await processJob(p, context);
      log(`worker ${workerName()}: ${done === 'written' ? 'wrote' : 'found'} part ${p.part} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return done;
    },
    {
      connection,
      concurrency: 1,
      autorun: false,
      lockDuration: tuning.lockMs,
      stalledInterval: tuning.stalledMs,
      // A job whose worker died this many times is failed like one that threw ATTEMPTS times.
      maxStalledCount: Math.max(0, tuning.attempts - 1),
    },
  );
  let lastError = '';
  worker.on('error', (error) => {
    // While Redis is away the same error comes back on every retry: said once.
    if (error.message !== lastError) log(`worker ${workerName()}: queue error: ${error.message}`);
    lastError = error.message;
  });
  worker.on('ready', () => {
    if (lastError !== '') log(`worker ${workerName()}: connected to ${redactUrl(options.queue)} again`);
    lastError = '';
  });
  worker.on('failed', (job, error) => log(`worker ${workerName()}: job ${job?.id ?? '?'} failed: ${error.message}`));
  const stop = (): void => {
    log(`worker ${workerName()}: stopping after the job under way`);
    void worker.close();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  options.signal?.addEventListener('abort', stop, { once: true });
  log(`worker ${workerName()}: taking jobs from ${redactUrl(options.queue)} with ${context.jobs} threads`);
  try {
    await worker.run();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    await closeContext(context);
  }
  return 0;
}
