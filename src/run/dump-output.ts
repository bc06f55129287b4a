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
import { COMPRESSED_EXTENSION, JsonlFile, rewriteLines, type Compression } from '../write/jsonl.js';
import { FolderNames } from '../write/names.js';
import type { CheckpointState } from './checkpoint.js';
import type { Outcome, RecordCounts } from './outcome.js';
import type { RunTiming } from './timing.js';
import { sortedTally, type Tally } from './tally.js';

/** Articles kept to be read again at the end of a dump (removed once the run is complete). */
const PENDING = 'pending.jsonl';

/**
 * An article read before a page it transcludes, or the redirects between its teams' links, were
 * known: enough to read it again and put the new outcome in its place.
 */
export interface PendingArticle {
  place: ArticlePlace;
  page: { title: string; ns: number; id?: string; revisionId?: string; text: string };
  /** What was counted for it, to take back out. */
  counted: Pick<Outcome, 'records' | 'diagnostics'>;
  /** Its teams' links, when redirects of the dump may settle a finding about them. */
  links?: string[];
  /**
   * The table pages it calls that were not known when it was read: it is read again only when one
   * of them is known at the end (absent in entries of older parts: any table page it calls).
   */
  missing?: string[];
}

/** Where an article went: its line of articles.jsonl (or its file) and its diagnostics' lines. */
export interface ArticlePlace {
  line: number;
  diagnostics: number;
  count: number;
  name?: string;
}

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
  #pending: JsonlFile | undefined;
  #failure: string | undefined;
  /** Lines written so far (articles.jsonl, diagnostics.jsonl): where the next article goes. */
  lines = { articles: 0, diagnostics: 0 };

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
    if (resume !== undefined) out.lines = { ...resume.lines };
    try {
      await makeFolder(folder);
      // A summary from an earlier run would say "complete" to a later --resume: it goes first.
      if (resume === undefined) await rm(path.join(folder, 'summary.json'), { force: true });
      const ext = `.jsonl${COMPRESSED_EXTENSION[compression]}`;
      if (layout === 'jsonl') out.#articles = await JsonlFile.open(path.join(folder, `articles${ext}`), resume?.sizes.articles ?? 0, compression);
      out.#diagnostics = await JsonlFile.open(path.join(folder, `diagnostics${ext}`), resume?.sizes.diagnostics ?? 0, compression);
      out.#pending = await JsonlFile.open(path.join(folder, PENDING), resume?.sizes.pending ?? 0, 'none');
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
   * @returns how many outputs were lost (0 or 1), and where the article went (to replace it later)
   */
  async addArticle(outcome: Outcome): Promise<{ lost: number; place: ArticlePlace }> {
    const place: ArticlePlace = { line: this.lines.articles, diagnostics: this.lines.diagnostics, count: outcome.diagnostics.length };
    for (const d of outcome.diagnostics) this.#diagnostics?.add(JSON.stringify(d));
    this.lines.diagnostics += outcome.diagnostics.length;
    if (this.#layout === 'jsonl') {
      this.#articles?.add(outcome.json);
      this.lines.articles += 1;
      return { lost: this.#failure === undefined ? 0 : 1, place };
    }
    const name = this.#names.claim(outcome.title, '.json', outcome.pageId);
    place.name = name;
    return { lost: await this.#writeFile(name, outcome), place };
  }

  /** Writes one article file (files layout) and lists it for the manifest (in place of entry `at`, when given). */
  async #writeFile(name: string, outcome: Outcome, at?: number): Promise<number> {
    try {
      if (this.#failure !== undefined) throw new Error(this.#failure);
      await writeFileAtomic(path.join(this.#folder, name), outcome.json);
    } catch (error) {
      this.#failure ??= describeWriteError(error);
      return 1;
    }
    const count = (s: Diagnostic['severity']): number => outcome.diagnostics.filter((d) => d.severity === s).length;
    const entry: WrittenArticle = {
      title: outcome.title,
      ...(outcome.pageId === undefined ? {} : { pageId: outcome.pageId }),
      output: name,
      records: outcome.records,
      diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
    };
    if (at === undefined || at < 0) this.written.push(entry);
    else this.written[at] = entry;
    return 0;
  }

  /**
   * Writes one input-level diagnostic.
   * @param d the diagnostic
   * @returns how many outputs were lost
   */
  async addDiagnostic(d: Diagnostic): Promise<number> {
    this.#diagnostics?.add(JSON.stringify(d));
    this.lines.diagnostics += 1;
    return Promise.resolve(0);
  }

  /**
   * Replaces articles written earlier (read again once the pages they transclude were known):
   * their lines in articles.jsonl and diagnostics.jsonl, or their files. Call after the files are
   * closed and before finish().
   * @param replacements each article's place and its new outcome, in dump order
   * @param batch lines per rewritten batch
   */
  async replace(replacements: readonly { place: ArticlePlace; outcome: Outcome }[], batch: number): Promise<void> {
    if (replacements.length === 0 || this.#failure !== undefined) return;
    const ext = `.jsonl${COMPRESSED_EXTENSION[this.#compression]}`;
    try {
      await this.#articles?.close();
      await this.#diagnostics?.close();
      this.#articles = undefined;
      this.#diagnostics = undefined;
      const diag = new Map<number, { count: number; lines: string[] }>();
      for (const { place, outcome } of replacements) {
        const at = diag.get(place.diagnostics) ?? { count: 0, lines: [] };
        at.count += place.count;
        at.lines.push(...outcome.diagnostics.map((d) => JSON.stringify(d)));
        diag.set(place.diagnostics, at);
      }
      await rewriteLines(path.join(this.#folder, `diagnostics${ext}`), this.#compression, diag, batch);
      if (this.#layout === 'jsonl') {
        const lines = new Map(replacements.map(({ place, outcome }) => [place.line, { count: 1, lines: [outcome.json] }]));
        await rewriteLines(path.join(this.#folder, `articles${ext}`), this.#compression, lines, batch);
      } else {
        for (const { place, outcome } of replacements) {
          if (place.name !== undefined) await this.#writeFile(place.name, outcome, this.written.findIndex((w) => w.output === place.name));
        }
      }
    } catch (error) {
      this.#failure ??= describeWriteError(error);
    }
  }

  /**
   * Keeps an article to read again at the end (it calls a table page the dump may hold further on).
   * @param entry what is needed to read it again and to replace it
   */
  addPending(entry: PendingArticle): void {
    this.#pending?.add(JSON.stringify(entry));
  }

  /** @returns the articles kept by {@link addPending}, in dump order */
  async pending(): Promise<PendingArticle[]> {
    await this.#pending?.flush();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(path.join(this.#folder, PENDING), 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as PendingArticle);
  }

  /** @returns the sizes the files have once what is queued is written */
  async flush(): Promise<CheckpointState['sizes']> {
    try {
      return { articles: (await this.#articles?.flush()) ?? 0, diagnostics: (await this.#diagnostics?.flush()) ?? 0, pending: (await this.#pending?.flush()) ?? 0 };
    } catch (error) {
      this.#failure ??= describeWriteError(error);
      return { articles: 0, diagnostics: 0, pending: 0 };
    }
  }

  /**
   * Closes the files and writes summary.json.
   * @param file the input
   * @param pages the page counts
   * @param tally the article counts
   * @param keepPending keep pending.jsonl (the articles to read again are left to whoever merges this output)
   * @param timing how long the run took, written as timing.json (apart: it differs from run to run)
   * @returns 1 when something could not be written, else 0
   */
  async finish(file: string, pages: DumpCounts, tally: Tally, keepPending = false, timing?: RunTiming): Promise<number> {
    const ext = `.jsonl${COMPRESSED_EXTENSION[this.#compression]}`;
    try {
      await this.#articles?.close();
      await this.#diagnostics?.close();
      await this.#pending?.close();
      this.#articles = undefined;
      this.#diagnostics = undefined;
      this.#pending = undefined;
      if (!keepPending) await rm(path.join(this.#folder, PENDING), { force: true });
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
      if (this.#failure === undefined && timing !== undefined) await writeFileAtomic(path.join(this.#folder, 'timing.json'), toJson(timing));
    } catch (error) {
      this.#failure ??= describeWriteError(error);
    }
    return this.#failure === undefined ? 0 : 1;
  }
}
