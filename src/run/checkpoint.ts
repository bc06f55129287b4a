/**
 * The checkpoint of a dump run: how many items (pages and problems, in dump order) are written,
 * the sizes of the output files at that point and the counts so far, saved atomically in
 * `checkpoint.json` next to the output. `--resume` cuts the outputs back to those sizes and goes on
 * from the next item; a finished run leaves `summary.json` and no checkpoint, and resuming it does
 * nothing. A checkpoint made with another input or other settings is not used.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DumpInput } from '../read/dump/types.js';
import { writeFileAtomic } from '../write/atomic.js';
import type { Compression } from '../write/jsonl.js';
import type { TaskSettings } from './tasks.js';
import type { Tally } from './tally.js';

/** Where a run stood. */
export interface CheckpointState {
  items: number;
  sizes: { articles: number; diagnostics: number; pending: number };
  /** Lines written to articles.jsonl and diagnostics.jsonl. */
  lines: { articles: number; diagnostics: number };
  tally: Tally;
}

interface Saved extends CheckpointState {
  version: 1;
  identity: string;
}

/** The checkpoint file of one dump's output folder. */
export class Checkpoint {
  readonly #file: string;
  readonly #folder: string;
  readonly #input: DumpInput;
  readonly #settings: string;
  #identity: string | undefined;

  /**
   * @param folder the dump's output folder
   * @param file the input as named in the output
   * @param input the dump's path (a stream cannot be resumed)
   * @param settings the run's settings
   * @param layout the output layout
   * @param compression the output compression
   */
  constructor(folder: string, file: string, input: DumpInput, settings: TaskSettings, layout: string, compression: Compression) {
    this.#folder = folder;
    this.#file = path.join(folder, 'checkpoint.json');
    this.#input = input;
    this.#settings = JSON.stringify({ file, settings: { ...settings, keepArticle: false }, layout, compression });
  }

  /**
   * Reads the checkpoint left by an earlier run of the same input and settings.
   * @returns where to go on from, `complete` when that run finished, or undefined to start afresh
   */
  async load(): Promise<CheckpointState | 'complete' | undefined> {
    const identity = await this.#identityOf();
    if (identity === undefined) return undefined;
    let saved: Saved | undefined;
    try {
      saved = JSON.parse(await readFile(this.#file, 'utf8')) as Saved;
    } catch {
      saved = undefined;
    }
    if (saved === undefined) {
      const finished = await stat(path.join(this.#folder, 'summary.json')).then(
        () => true,
        () => false,
      );
      return finished ? 'complete' : undefined;
    }
    if (saved.version !== 1 || saved.identity !== identity) return undefined;
    return { items: saved.items, sizes: saved.sizes, lines: saved.lines, tally: saved.tally };
  }

  /**
   * Saves where the run stands (after the outputs are flushed to these sizes).
   * @param state items written, file sizes, counts
   */
  async save(state: CheckpointState): Promise<void> {
    const identity = await this.#identityOf();
    if (identity === undefined) return;
    const saved: Saved = { version: 1, identity, ...state };
    await writeFileAtomic(this.#file, JSON.stringify(saved));
  }

  /** Removes the checkpoint once the run is complete (summary.json then says it is). */
  async complete(): Promise<void> {
    await rm(this.#file, { force: true });
  }

  /** The input's size and time of change, with the settings: what a checkpoint must match. */
  async #identityOf(): Promise<string | undefined> {
    if (this.#identity !== undefined) return this.#identity;
    if (typeof this.#input !== 'string') return undefined;
    try {
      const info = await stat(this.#input);
      this.#identity = JSON.stringify({ size: info.size, mtime: info.mtimeMs, settings: this.#settings });
    } catch {
      return undefined;
    }
    return this.#identity;
  }
}
