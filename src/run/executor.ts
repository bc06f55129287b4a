/**
 * Where tasks run: a pool of worker threads with a budget per article (the command line), or the
 * caller's own thread (`jobs: 0`, the library and tests: no budget, nothing spawned).
 */
import { availableParallelism } from 'node:os';
import { WorkerPool, type TaskBudget, type TaskFailure } from './pool.js';
import type { Outcome, TaskSettings } from './outcome.js';
import type { Task } from './tasks.js';

/** Runs tasks. */
export interface Executor {
  /** How many tasks run at once. */
  readonly size: number;
  run(task: Task): Promise<Outcome | TaskFailure>;
  close(): Promise<void>;
}

/**
 * The default budget of one article. 60 s is twice what a 5 MB article takes on a slow 2-core
 * machine; 400 MB of heap per worker keeps two workers and the reader within a small machine.
 */
export const DEFAULT_BUDGET: TaskBudget = { seconds: 60, memoryMb: 400 };

/** @returns the number of cores, the default `--jobs` */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * Creates an executor.
 * @param jobs how many workers (0: run in this thread)
 * @param settings what every task shares
 * @param budget time and memory per article (workers only)
 * @returns the executor
 */
export function createExecutor(jobs: number, settings: TaskSettings, budget: TaskBudget = DEFAULT_BUDGET): Executor {
  if (jobs <= 0) {
    // The pipeline is loaded only where articles are processed: here, or in each worker.
    const tasks = import('./tasks.js');
    return {
      size: 1,
      run: async (task) => (await tasks).processTask(task, settings),
      close: () => Promise.resolve(),
    };
  }
  const pool = new WorkerPool<Task, Outcome>(workerScript(), jobs, { ...settings, keepArticle: false }, budget);
  return { size: pool.size, run: (task) => pool.run(task), close: () => pool.close() };
}

/** The worker's compiled module (tests run the TypeScript sources, so they use the build in dist/). */
function workerScript(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/run/worker.js', here) : new URL('./worker.js', here);
}
