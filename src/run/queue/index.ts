/**
 * Past one machine: a run split into jobs on a Redis queue (BullMQ), taken by any number of
 * `wikitally worker` processes on any machines that see the same files, and merged into exactly
 * the output a run on one machine writes. The one door to BullMQ (and through it Redis): nothing
 * outside this folder imports it, and the rest of the run loads it only when `--queue` is given.
 *
 * - plan.ts: inputs → jobs (multistream ranges, whole files), ids derived from the run;
 * - job.ts: one job on a worker → a part (part.ts: its files, written once, atomically);
 * - worker.ts: the BullMQ worker; wait.ts: adding the jobs and waiting for their parts;
 * - replay.ts: the parts read back through a run on one machine; coordinator.ts: the whole run;
 * - settings.ts: the Redis connection and the numbers of a queue run.
 */
export { runQueued } from './coordinator.js';
export { runWorker, type WorkerOptions } from './worker.js';
export { JOB_BYTES, queueTuning, type QueueTuning } from './settings.js';
