/**
 * How long a dump's run took, written beside its summary as `timing.json`. summary.json holds only
 * what the input determines (so a resumed, a queued and a one-machine run write the same bytes);
 * wall time and rates differ from run to run and machine to machine, so they are kept apart.
 */
import { performance } from 'node:perf_hooks';

/** What timing.json holds. */
export interface RunTiming {
  /** Wall-clock seconds of this run (after --resume: of the resumed part only). */
  wallSeconds: number;
  /** CPU seconds of this process, every thread (decoder processes not included). */
  cpuSeconds: number;
  /** Pages read (every namespace, redirects too). */
  pages: number;
  /** MB (10^6 bytes) of decompressed XML read. */
  xmlMB: number;
  pagesPerSecond: number;
  xmlMBPerSecond: number;
  /** Worker threads. */
  jobs: number;
  /** True when this run went on from a checkpoint. */
  resumed: boolean;
}

/** A stopwatch started with the run. */
export class Stopwatch {
  readonly #wall = performance.now();
  readonly #cpu = process.cpuUsage();

  /**
   * @param pages pages read
   * @param xmlBytes decompressed bytes read
   * @param jobs worker threads
   * @param resumed whether the run went on from a checkpoint
   * @returns the timing so far
   */
  read(pages: number, xmlBytes: number, jobs: number, resumed: boolean): RunTiming {
    const wall = (performance.now() - this.#wall) / 1000;
    const cpu = process.cpuUsage(this.#cpu);
    const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
    const per = (x: number): number => (wall > 0 ? round(x / wall) : 0);
    return {
      wallSeconds: round(wall),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      pages,
      xmlMB: round(xmlBytes / 1e6),
      pagesPerSecond: per(pages),
      xmlMBPerSecond: per(xmlBytes / 1e6),
      jobs,
      resumed,
    };
  }
}
