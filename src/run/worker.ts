/**
 * A worker thread of the pool: takes tasks one at a time and answers each with its outcome. The
 * run's settings arrive once, as `workerData`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processTask, type Task, type TaskSettings } from './tasks.js';

const settings = workerData as TaskSettings;
parentPort?.on('message', (task: Task) => {
  parentPort?.postMessage(processTask(task, settings));
});
// Loading the pipeline takes a second; the pool starts a task's clock only once this arrives.
parentPort?.postMessage({ ready: true });
