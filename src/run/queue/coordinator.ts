/**
 * `wikitally extract … --queue URL`: plans the jobs, adds them to the queue, waits for the workers'
 * parts, then merges them by replaying them through a run on one machine (replay.ts) into the
 * output folder. DIR/parts/run.json names the run the folder holds and says when it is complete:
 * run again on a complete run, the coordinator does nothing and changes nothing; run again on an
 * unfinished one, it goes on from the parts already written and tries failed jobs again.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeFolder, writeFileAtomic } from '../../write/atomic.js';
import { createExecutor, DEFAULT_BUDGET, defaultJobs } from '../executor.js';
import { runJob, type RunOptions, type RunResult } from '../index.js';
import { Progress } from '../progress.js';
import { taskSettingsOf } from '../setup.js';
import { PARTS } from './part.js';
import { planRun, type RunPlan } from './plan.js';
import { Replay } from './replay.js';
import { queueTuning, redisConnection } from './settings.js';
import { waitForJobs } from './wait.js';

/** DIR/parts/run.json. */
interface RunMarker {
  run: string;
  complete: boolean;
  jobs: number;
}

/**
 * Runs the job over a queue: the same output as {@link runJob} on one machine.
 * @param options the run's options, with the Redis URL
 * @returns what each input gave; `lost` counts the jobs that failed for good too (exit code 3)
 * @throws an Error for bad usage (no output folder, standard input, another run's parts in the folder)
 */
export async function runQueued(options: RunOptions & { queue: string }): Promise<RunResult> {
  const outDir = options.outDir;
  if (outDir === undefined) throw new Error('--queue needs an output folder that every worker can write (--out)');
  redisConnection(options.queue);
  const tuning = queueTuning();
  const progress = options.progress ?? new Progress(false);
  const say = (line: string): void => progress.print(process.stderr, `${line}\n`);
  const { plan } = await planRun({ ...options, outDir }, tuning);
  const marker = await readMarker(plan.out);
  if (marker?.run === plan.run && marker.complete) {
    say(`queue: ${outDir} holds this run's finished output already; nothing to do`);
    return { inputs: [], errors: [], lost: 0 };
  }
  if (marker !== undefined && marker.run !== plan.run) {
    throw new Error(`${path.join(outDir, PARTS)} holds the parts of another run (other inputs, inputs changed since, or other options); remove it or choose another --out`);
  }
  if (marker === undefined) await writeMarker(plan, false);

  const { failed } = await waitForJobs(plan, options.queue, tuning, progress);
  await removeLeftovers(plan.out);
  const jobs = options.jobs ?? defaultJobs();
  const base = createExecutor(jobs, taskSettingsOf(options, options.collect !== false && jobs <= 0), options.budget ?? DEFAULT_BUDGET);
  const replay = new Replay(plan, failed, base);
  const { queue: _queue, ...local } = options;
  let result: RunResult;
  try {
    result = await runJob({ ...local, resume: false, executor: replay.executor, dumpReader: (ref) => replay.reader(ref) });
  } finally {
    await base.close();
  }
  result.lost += failed.size;
  const { reused, again } = replay.counts;
  say(`queue: merged ${plan.jobs.length - failed.size} parts: ${reused} articles as the workers read them, ${again} read again here (they call template pages of other parts)`);
  if (failed.size === 0 && result.lost === 0 && result.errors.length === 0) await writeMarker(plan, true);
  return result;
}

async function readMarker(out: string): Promise<RunMarker | undefined> {
  try {
    return JSON.parse(await readFile(path.join(out, PARTS, 'run.json'), 'utf8')) as RunMarker;
  } catch {
    return undefined;
  }
}

async function writeMarker(plan: RunPlan, complete: boolean): Promise<void> {
  await makeFolder(path.join(plan.out, PARTS));
  const marker: RunMarker = { run: plan.run, complete, jobs: plan.jobs.length };
  await writeFileAtomic(path.join(plan.out, PARTS, 'run.json'), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * Removes the temporary folders of workers that died with a job (every job is over now; a copy of
 * a job still running somewhere finds its part written and its folder gone, and gives up).
 */
async function removeLeftovers(out: string): Promise<void> {
  const names = await readdir(path.join(out, PARTS)).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith('.tmp-')) await rm(path.join(out, PARTS, name), { recursive: true, force: true });
}
