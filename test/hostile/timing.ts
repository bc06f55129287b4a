/** Shared by the hostile-input tests: run a step, log the CPU time it took, and give its result. */
import { extract } from '../../src/index.js';

/** The most CPU a hostile input of up to 200 KB may take in a test: the budget is 10 s; before the fixes these took 16 s to 77 s, after them 0.1 s to 4 s. */
export const BUDGET_MS = 8000;

/** Loads and compiles what the first article needs (schemas, parser), so timings are of the input alone. */
export function warmUp(): void {
  extract('{{4TeamBracket|RD1-team1=A}}');
  extract('Intro\n\n|team1=A|name_A=B\n', { format: 'surfdoc', file: 'a.surf' });
}

/**
 * Runs `fn`, logs the CPU time it took under `label` and returns its result with that time.
 * CPU, not wall-clock, time: the test workers share the machine's cores.
 * @param label what ran, for the log
 * @param fn the step
 * @returns the result and the milliseconds of CPU it took
 */
export function timed<T>(label: string, fn: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  console.log(`${label}: ${ms.toFixed(0)} ms CPU`);
  return { result, ms };
}
