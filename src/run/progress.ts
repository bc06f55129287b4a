/**
 * The progress line of a long run, on standard error: pages, MB/s, ETA, pages in scope, records
 * and errors found. It is drawn at most five times a second on one line, and cleared before any
 * other output is written ({@link Progress.print}), so it never glues onto a message. Off unless
 * standard error is a terminal or `--progress` forces it; plain text (no colour), so `NO_COLOR` has
 * nothing to turn off.
 */

/** What the line shows. */
export interface ProgressState {
  /** What is being read. */
  label: string;
  pages: number;
  inScope: number;
  records: number;
  errors: number;
  /** Bytes of text read (decompressed XML for a dump), for MB/s. */
  bytes: number;
  /** How much of the input is read, 0 to 1, when known (compressed bytes, streams done), for the ETA. */
  fraction?: number;
}

/** The progress line of a run. */
export class Progress {
  readonly #out: NodeJS.WriteStream | { write(s: string): boolean };
  readonly #enabled: boolean;
  readonly #started = Date.now();
  #shown = false;
  #last = 0;
  #state: ProgressState | undefined;

  /**
   * @param enabled draw the line at all
   * @param out where (standard error)
   */
  constructor(enabled: boolean, out: { write(s: string): boolean } = process.stderr) {
    this.#enabled = enabled;
    this.#out = out;
  }

  /**
   * Records the state and redraws the line if it is due.
   * @param state the run's counts
   * @param force redraw now
   */
  update(state: ProgressState, force = false): void {
    this.#state = state;
    if (!this.#enabled) return;
    const now = Date.now();
    if (!force && now - this.#last < 200) return;
    this.#last = now;
    this.#out.write(`\r\x1b[K${describe(state, (now - this.#started) / 1000)}`);
    this.#shown = true;
  }

  /** Clears the line (before other output, and at the end). */
  clear(): void {
    if (!this.#shown) return;
    this.#out.write('\r\x1b[K');
    this.#shown = false;
  }

  /**
   * Writes text to a stream with the progress line out of the way, then redraws it.
   * @param stream where
   * @param text what (ending with a newline)
   */
  print(stream: { write(s: string): boolean }, text: string): void {
    this.clear();
    stream.write(text);
    if (this.#state !== undefined && this.#enabled) this.update(this.#state, true);
  }
}

function describe(s: ProgressState, seconds: number): string {
  const rate = seconds > 0 ? s.bytes / 1e6 / seconds : 0;
  const parts = [`${s.label}: ${s.pages.toLocaleString('en')} pages`, `${rate.toFixed(1)} MB/s`];
  if (s.fraction !== undefined && s.fraction > 0.001 && s.fraction < 1) parts.push(`ETA ${duration((seconds * (1 - s.fraction)) / s.fraction)}`);
  parts.push(`${s.inScope.toLocaleString('en')} in scope`, `${s.records.toLocaleString('en')} records`, `${s.errors.toLocaleString('en')} errors`);
  return parts.join(' · ');
}

/**
 * Says a duration in words a person reads at a glance.
 * @param seconds the duration
 * @returns e.g. `42 s`, `3 min 12 s`, `1 h 05 min`
 */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
