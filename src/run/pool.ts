/**
 * A pool of long-lived worker threads, each running one task at a time, with a budget per task:
 * a task past its time is ended by terminating its worker, a worker past its memory limit dies
 * alone (V8's resource limits), and either way the task answers a {@link TaskFailure} and a fresh
 * worker takes the next task. The run never waits on a stuck article and never dies with one.
 */
import { Worker } from 'node:worker_threads';

/** Why a task gave no result. */
export interface TaskFailure {
  failure: 'time' | 'memory' | 'crash';
  message: string;
}

/** The budget of one task. */
export interface TaskBudget {
  /** Wall-clock seconds a task may run. */
  seconds: number;
  /** Old-generation heap of a worker, in MB (what V8 lets a worker hold before it is ended). */
  memoryMb: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** The worker has loaded its modules (its start-up does not count against a task's budget). */
  ready: boolean;
}

interface Pending<R> {
  task: unknown;
  resolve: (value: R | TaskFailure) => void;
}

/** A pool of workers running the same script. */
export class WorkerPool<T, R> {
  readonly #script: URL;
  readonly #data: unknown;
  readonly #budget: TaskBudget;
  readonly #slots: Slot[] = [];
  readonly #queue: Pending<R>[] = [];
  readonly #size: number;
  #closed = false;
  /** Workers that died before they were ready, in a row: past 3 the pool gives up. */
  #startFailures = 0;

  /**
   * @param script the worker's module
   * @param size how many workers
   * @param data passed to every worker as `workerData`
   * @param budget per task
   */
  constructor(script: URL, size: number, data: unknown, budget: TaskBudget) {
    this.#script = script;
    this.#data = data;
    this.#budget = budget;
    this.#size = Math.max(1, size);
  }

  /** How many tasks the pool can run at once (workers start when the first tasks need them). */
  get size(): number {
    return this.#size;
  }

  /**
   * Runs a task on the next free worker.
   * @param task the message the worker receives
   * @returns the worker's answer, or why there is none
   */
  run(task: T): Promise<R | TaskFailure> {
    return new Promise((resolve) => {
      this.#queue.push({ task, resolve });
      this.#dispatch();
    });
  }

  /** Ends every worker once the queue is empty. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  /** A slot whose worker is starting; it takes tasks once the worker says it is ready. */
  #newSlot(): Slot {
    const slot: Slot = { worker: this.#spawn(), busy: false, ready: false };
    this.#watchStart(slot);
    return slot;
  }

  #watchStart(slot: Slot): void {
    const worker = slot.worker;
    const onReady = (message: unknown): void => {
      if (typeof message !== 'object' || message === null || !('ready' in message)) return;
      worker.off('message', onReady);
      worker.off('exit', onExit);
      slot.ready = true;
      this.#startFailures = 0;
      this.#dispatch();
    };
    // A worker that cannot even start fails the next task instead of hanging the run.
    const onExit = (code: number): void => {
      worker.off('message', onReady);
      this.#startFailures += 1;
      const failure = { failure: 'crash' as const, message: `a worker could not start (exit code ${code})` };
      if (this.#startFailures >= 3 || this.#closed) {
        // Something is wrong with the installation, not with an article: every waiting task fails.
        for (const job of this.#queue.splice(0)) job.resolve(failure);
        this.#slots.splice(this.#slots.indexOf(slot), 1);
        return;
      }
      this.#queue.shift()?.resolve(failure);
      slot.worker = this.#spawn();
      this.#watchStart(slot);
    };
    worker.on('message', onReady);
    worker.once('exit', onExit);
  }

  #spawn(): Worker {
    const worker = new Worker(this.#script, {
      workerData: this.#data,
      resourceLimits: { maxOldGenerationSizeMb: this.#budget.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    return worker;
  }

  #dispatch(): void {
    // A worker costs a second of start-up: one is started only when every worker is busy.
    while (!this.#closed && this.#queue.length > 0 && this.#slots.length < this.#size && this.#slots.every((s) => s.busy || !s.ready)) {
      this.#slots.push(this.#newSlot());
    }
    for (const slot of this.#slots) {
      if (slot.busy || !slot.ready || this.#queue.length === 0 || this.#closed) continue;
      const job = this.#queue.shift();
      if (job !== undefined) this.#start(slot, job);
    }
  }

  #start(slot: Slot, job: Pending<R>): void {
    slot.busy = true;
    const { worker } = slot;
    let settled = false;
    const finish = (value: R | TaskFailure, replace: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      slot.busy = false;
      if (replace) {
        void worker.terminate();
        slot.worker = this.#spawn();
        slot.ready = false;
        this.#watchStart(slot);
      }
      job.resolve(value);
      this.#dispatch();
    };
    const onMessage = (message: R): void => finish(message, false);
    const onError = (error: Error & { code?: string }): void => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(error.message);
      finish({ failure: memory ? 'memory' : 'crash', message: error.message }, true);
    };
    const onExit = (code: number): void => finish({ failure: 'crash', message: `the worker stopped (exit code ${code})` }, true);
    const timer = setTimeout(() => finish({ failure: 'time', message: `no result after ${this.#budget.seconds} s` }, true), this.#budget.seconds * 1000);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(job.task);
  }
}

/**
 * Tells a failure from a result.
 * @param value what a task answered
 * @returns true when the task gave no result
 */
export function isFailure(value: unknown): value is TaskFailure {
  return typeof value === 'object' && value !== null && 'failure' in value;
}
