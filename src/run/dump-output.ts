/**
 * The output folder of one dump: `articles.jsonl` (or one file per article), `diagnostics.jsonl`
 * (every diagnostic of every page, one per line, in dump order) and, at the end, `summary.json`.
 * A write that fails is counted as lost and reported once; the run goes on.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DumpCounts } from '../read/dump/types.js';
import type { Diagnostic } from '../types/index.js';
import { describeWriteError, makeFolder, writeFileAtomic } from '../write/atomic.js';
import { toJson } from '../write/envelope.js';
import { COMPRESSED_EXTENSION, JsonlFile, type Compression } from '../write/jsonl.js';
import { FolderNames } from '../write/names.js';
import type { CheckpointState } from './checkpoint.js';
import type { Outcome, RecordCounts } from './outcome.js';
import { sortedTally, type Tally } from './tally.js';

/** An article file written (files layout), as the manifest lists it. */
export interface WrittenArticle {
  title: string;
  pageId?: string;
  /** The file, relative to the dump's folder. */
  output: string;
  records: RecordCounts;
  diagnostics: { error: number; warning: number; info: number };
}

/** The output folder of one dump. */
export class DumpOutput {
  readonly written: WrittenArticle[] = [];
  readonly #folder: string;
  readonly #layout: 'jsonl' | 'files';
  readonly #compression: Compression;
  readonly #names = new FolderNames();
  #articles: JsonlFile | undefined;
  #diagnostics: JsonlFile | undefined;
  #failure: string | undefined;

  private constructor(folder: string, layout: 'jsonl' | 'files', compression: Compression) {
    this.#folder = folder;
    this.#layout = layout;
    this.#compression = compression;
  }

  /**
   * Opens (creates, or cuts back to a checkpoint) a dump's output folder.
   * @param folder the folder
   * @param layout JSON Lines or one file per article
   * @param compression of the JSON Lines files
   * @param resume the checkpoint to go on from
   * @returns the output
   */
  static async open(folder: string, layout: 'jsonl' | 'files', compression: Compression, resume: CheckpointState | undefined): Promise<DumpOutput> {
    const out = new DumpOutput(folder, layout, compression);
    try {
      await makeFolder(folder);
      // A summary from an earlier run would say "complete" to a later --resume: it goes first.
      if (resume === undefined) await rm(path.join(folder, 'summary.json'), { force: true });
      const ext = `.jsonl${COMPRESSED_EXTENSION[compression]}`;
      if (layout === 'jsonl') out.#articles = await JsonlFile.open(path.join(folder, `articles${ext}`), resume?.sizes.articles ?? 0, compression);
      out.#diagnostics = await JsonlFile.open(path.join(folder, `diagnostics${ext}`), resume?.sizes.diagnostics ?? 0, compression);
    } catch (error) {
      out.#failure = describeWriteError(error);
    }
    return out;
  }

  /** Why the folder cannot be written, if it cannot. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /**
   * Claims the file name of an article written by an earlier run (when resuming).
   * @param title the page title
   * @param id the page id
   */
  claimName(title: string, id: string | undefined): void {
    if (this.#layout === 'files') this.#names.claim(title, '.json', id);
  }

  /**
   * Writes one article.
   * @param outcome the article
   * @returns how many outputs were lost (0 or 1)
   */
  async addArticle(outcome: Outcome): Promise<number> {
    for (const d of outcome.diagnostics) this.#diagnostics?.add(JSON.stringify(d));
    if (this.#layout === 'jsonl') {
      this.#articles?.add(outcome.json);
      return this.#failure === undefined ? 0 : 1;
    }
    const name = this.#names.claim(outcome.title, '.json', outcome.pageId);
    try {
      if (this.#failure !== undefined) throw new Error(this.#failure);
      await writeFileAtomic(path.join(this.#folder, name), outcome.json);
    } catch (error) {
      this.#failure ??= describeWriteError(error);
      return 1;
    }
    const count = (s: Diagnostic['severity']): number => outcome.diagnostics.filter((d) => d.severity === s).length;
    this.written.push({
      title: outcome.title,
      ...(outcome.pageId === undefined ? {} : { pageId: outcome.pageId }),
      output: name,
      records: outcome.records,
      diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
    });
    return 0;
  }

  /**
   * Writes one input-level diagnostic.
   * @param d the diagnostic
   * @returns how many outputs were lost
   */
  async addDiagnostic(d: Diagnostic): Promise<number> {
    this.#diagnostics?.add(JSON.stringify(d));
    return Promise.resolve(0);
  }

  /** @returns the sizes the files have once what is queued is written */
  async flush(): Promise<CheckpointState['sizes']> {
    try {
      return { articles: (await this.#articles?.flush()) ?? 0, diagnostics: (await this.#diagnostics?.flush()) ?? 0 };
    } catch (error) {
      this.#failure ??= describeWriteError(error);
      return { articles: 0, diagnostics: 0 };
    }
  }

  /**
   * Closes the files and writes summary.json.
   * @param file the input
   * @param pages the page counts
   * @param tally the article counts
   * @returns 1 when something could not be written, else 0
   */
  async finish(file: string, pages: DumpCounts, tally: Tally): Promise<number> {
    const ext = `.jsonl${COMPRESSED_EXTENSION[this.#compression]}`;
    try {
      await this.#articles?.close();
      await this.#diagnostics?.close();
      const summary = {
        file,
        pages,
        ...sortedTally(tally),
        outputs: {
          ...(this.#layout === 'jsonl' ? { articles: `articles${ext}` } : { articleFiles: this.written.length }),
          diagnostics: `diagnostics${ext}`,
        },
      };
      if (this.#failure === undefined) await writeFileAtomic(path.join(this.#folder, 'summary.json'), toJson(summary));
    } catch (error) {
      this.#failure ??= describeWriteError(error);
    }
    return this.#failure === undefined ? 0 : 1;
  }
}
