/**
 * The coordinator's wait: add the jobs whose part is not written yet, then watch until every job
 * has its part or has failed for good. The parts on disk say what is done; Redis only hands the
 * jobs out. So a Redis that restarted empty costs nothing but time: a job it no longer knows is
 * added again (same id: a no-op where it is still known), and a worker that finishes a job Redis
 * forgot still leaves its part.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { DumpCounts } from '../../read/dump/types.js';
import type { Progress } from '../progress.js';
import type { Tally } from '../tally.js';
import { PARTS, partExists, partFolder } from './part.js';
import type { JobPayload, RunPlan } from './plan.js';
import { KEEP_SECONDS, QUEUE_NAME, redactUrl, redisConnection, type QueueTuning } from './settings.js';

/** Polls a job may stay `completed` with no part before it is added again (its part was removed). */
const MISSING_PART_POLLS = 10;

/**
 * Job states asked of Redis per poll, in turn: all of a small run's every poll, those of the
 * 6,000 jobs of every Wikipedia in half a minute, at 200 light commands a second.
 */
const STATES_PER_POLL = 200;

/** How the wait ended. */
export interface WaitResult {
  /** Jobs failed for good, by id, with why. */
  failed: Map<string, string>;
  /** Jobs whose part was written before this coordinator started. */
  already: number;
}

/**
 * Adds the run's jobs and waits for them.
 * @param plan the run
 * @param url the Redis URL
 * @param tuning attempts, backoff, poll interval
 * @param progress the progress line (and where messages are printed)
 * @returns the jobs that failed
 */
export async function waitForJobs(plan: RunPlan, url: string, tuning: QueueTuning, progress: Progress): Promise<WaitResult> {
  const say = (line: string): void => progress.print(process.stderr, `${line}\n`);
  const todo = new Map<string, JobPayload>();
  for (const job of plan.jobs) if (!(await partExists(job))) todo.set(job.id, job);
  const result: WaitResult = { failed: new Map(), already: plan.jobs.length - todo.size };
  const shown = new Shown(plan, progress);
  for (const job of plan.jobs) if (!todo.has(job.id)) await shown.done(job);
  if (todo.size === 0) return result;

  const queue = new Queue<JobPayload>(QUEUE_NAME, { connection: redisConnection(url) });
  let lastError = '';
  queue.on('error', (error) => {
    if (error.message !== lastError) say(`wikitally: queue error (${redactUrl(url)}): ${error.message}; retrying`);
    lastError = error.message;
  });
  const add = (job: JobPayload): Promise<unknown> =>
    queue.add('part', job, {
      jobId: job.id,
      attempts: tuning.attempts,
      backoff: { type: 'fixed', delay: tuning.backoffMs },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: KEEP_SECONDS },
    });
  try {
    // Jobs that failed in an earlier run of this coordinator are tried again; the others are added (a no-op when known).
    for (const job of todo.values()) {
      const state = await queue.getJobState(job.id);
      if (state === 'failed') await (await queue.getJob(job.id))?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      else await add(job);
    }
    say(`queue: ${plan.jobs.length} jobs on ${redactUrl(url)} (${result.already} done before); waiting for workers`);
    const noPart = new Map<string, number>();
    let turn = 0;
    while (todo.size > 0) {
      // One listing of the parts folder per poll, not a look-up per job (the folder may be on NFS).
      const present = new Set(await readdir(path.join(plan.out, PARTS)).catch(() => [] as string[]));
      for (const job of [...todo.values()]) {
        if (!present.has(job.part) || !(await partExists(job))) continue;
        todo.delete(job.id);
        await shown.done(job);
      }
      const waiting = [...todo.values()];
      const asked = waiting.length <= STATES_PER_POLL ? waiting : Array.from({ length: STATES_PER_POLL }, (_, i) => waiting[(turn + i) % waiting.length] as JobPayload);
      turn += STATES_PER_POLL;
      for (const job of asked) {
        const state = await queue.getJobState(job.id);
        if (state === 'unknown') await add(job);
        else if (state === 'failed' && !(await partExists(job))) {
          const found = await queue.getJob(job.id);
          const why = `${found?.failedReason ?? 'unknown error'} (${found?.attemptsMade ?? tuning.attempts} attempts)`;
          result.failed.set(job.id, why);
          todo.delete(job.id);
          say(`wikitally: job ${job.id} (${job.input.file}, bytes ${job.range.start}-${job.range.end}) failed: ${why}`);
        } else if (state === 'completed') {
          // Completed with no part: the part was removed by hand; the job is made again.
          const polls = (noPart.get(job.id) ?? 0) + 1;
          noPart.set(job.id, polls);
          if (polls >= MISSING_PART_POLLS && !(await partExists(job))) {
            await queue.remove(job.id);
            await add(job);
            noPart.delete(job.id);
          }
        }
      }
      shown.update();
      if (todo.size > 0) await new Promise((resolve) => setTimeout(resolve, tuning.pollMs));
    }
  } finally {
    await queue.close();
  }
  progress.clear();
  say(`queue: ${plan.jobs.length - result.failed.size} of ${plan.jobs.length} jobs done${result.failed.size === 0 ? '' : `, ${result.failed.size} failed`}; merging the parts`);
  return result;
}

/** What the progress line shows while the workers run: jobs done, and the parts' counts. */
class Shown {
  readonly #progress: Progress;
  readonly #total: number;
  readonly #bytes: number;
  #jobs = 0;
  #done = 0;
  #pages = 0;
  #inScope = 0;
  #records = 0;
  #errors = 0;

  constructor(plan: RunPlan, progress: Progress) {
    this.#progress = progress;
    this.#total = plan.jobs.length;
    this.#bytes = plan.jobs.reduce((n, j) => n + (j.range.end - j.range.start), 0);
  }

  /** Counts a part in place. */
  async done(job: JobPayload): Promise<void> {
    this.#jobs += 1;
    this.#done += job.range.end - job.range.start;
    try {
      const summary = JSON.parse(await readFile(path.join(partFolder(job), 'summary.json'), 'utf8')) as Tally & { pages: DumpCounts };
      const r = summary.records;
      this.#pages += summary.pages.pages;
      this.#inScope += summary.pages.inScope;
      this.#records += r.infoboxes + r.standings + r.matchGrids + r.brackets + r.ties + r.matches;
      this.#errors += summary.diagnostics.error;
    } catch {
      // An article file's part has no summary: its article is counted by the merge.
    }
    this.update();
  }

  update(): void {
    this.#progress.update({
      label: `queue: ${this.#jobs}/${this.#total} jobs`,
      pages: this.#pages,
      inScope: this.#inScope,
      records: this.#records,
      errors: this.#errors,
      // Compressed bytes of the jobs done: the rate shown is the cluster's, in MB/s of input.
      bytes: this.#done,
      fraction: this.#bytes === 0 ? 1 : this.#done / this.#bytes,
    });
  }
}
