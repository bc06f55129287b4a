/**
 * The merge replays the parts through a run on one machine: its reader yields, for each dump, the
 * pages and problems the workers read (from each part's pages.jsonl, in input order), and its
 * executor answers each article with the worker's answer when the run sends it the same task as
 * the worker did (the same template pages, the same style: contextKey), and reads it again
 * otherwise. Everything else (template pages met in order, the late phase, counts, summary.json,
 * diagnostics.jsonl, compression, manifest.json) is done by the very code of a run on one machine,
 * so the output is its bytes. Today a worker's task differs only for an article that calls a
 * template page read in another part (an earlier range, an earlier input): only those are read
 * again here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDumpNamespaces } from '../../read/dump/multistream.js';
import type { DumpCounts, DumpPage, DumpProblem, DumpReadOptions } from '../../read/dump/types.js';
import type { InputRef } from '../../read/inputs.js';
import type { Diagnostic } from '../../types/index.js';
import type { DumpRun } from '../dump-run.js';
import type { Executor } from '../executor.js';
import type { Outcome } from '../outcome.js';
import type { TaskFailure } from '../pool.js';
import type { Task } from '../tasks.js';
import { LineReader, partExists, partFolder, readPartInfo, contextKey, type Answer, type ArticleAnswer, type PageKey } from './part.js';
import type { JobPayload, PlannedInput, RunPlan } from './plan.js';

/** An answer read from a part, waiting for its page to be sent to the executor. */
interface Stored {
  page: PageKey;
  context: string;
  outcome: Outcome;
}

/** How many articles came from the workers, and how many were read again by the merge. */
export interface ReplayCounts {
  reused: number;
  again: number;
}

/** The parts of a queue run, read back as a run on one machine would read its inputs. */
export class Replay {
  readonly counts: ReplayCounts = { reused: 0, again: 0 };
  readonly #inputs = new Map<string, PlannedInput>();
  readonly #failed: ReadonlyMap<string, string>;
  readonly #base: Executor;
  /** The answer of the page just yielded (the run sends a page to the executor as soon as it reads it). */
  #next: Stored | undefined;

  /**
   * @param plan the run
   * @param failed the jobs that failed for good, by id, with why
   * @param base reads an article again when a worker's answer does not fit
   */
  constructor(plan: RunPlan, failed: ReadonlyMap<string, string>, base: Executor) {
    for (const input of plan.inputs) this.#inputs.set(input.input.file, input);
    this.#failed = failed;
    this.#base = base;
  }

  /**
   * The reader of a dump input's parts.
   * @param ref the input, as the run found it
   * @returns the reader, or undefined for an input the plan does not hold (read from its file)
   */
  reader(ref: InputRef): DumpRun['read'] {
    const planned = this.#inputs.get(ref.file);
    if (planned === undefined || planned.input.kind !== 'dump') return undefined;
    return (options, counts, onFraction) => this.#read(planned, options, counts, onFraction);
  }

  /** The executor the merge runs with. */
  get executor(): Executor {
    return { size: this.#base.size, run: (task) => this.#answer(task), close: () => Promise.resolve() };
  }

  async *#read(planned: PlannedInput, options: DumpReadOptions, counts: DumpCounts, onFraction: (f: number) => void): AsyncGenerator<DumpPage | DumpProblem> {
    const plan = planned.plan;
    if (plan !== undefined) {
      // What a run on one machine reports before the first range: the index's problems, then the header's.
      yield* plan.problems;
      yield* (await readDumpNamespaces(planned.input.path, plan.header, options.decoder)).problems;
    }
    for (const job of planned.jobs) {
      const why = await this.#missing(job);
      if (why !== undefined) yield { code: 'read/unreadable-input', message: `Unexpected failure of queue job ${job.id} for these bytes (${why}), expected its pages; they are missing from this output`, offset: 0, compressedOffset: job.range.start };
      else yield* this.#readPart(partFolder(job), counts, options);
      onFraction(planned.input.size === 0 ? 1 : job.range.end / planned.input.size);
    }
  }

  async #missing(job: JobPayload): Promise<string | undefined> {
    const failed = this.#failed.get(job.id);
    if (failed !== undefined) return failed;
    return (await partExists(job)) ? undefined : 'its part is missing';
  }

  async *#readPart(folder: string, counts: DumpCounts, options: DumpReadOptions): AsyncGenerator<DumpPage | DumpProblem> {
    const info = await readPartInfo(folder);
    for (const key of Object.keys(counts) as (keyof DumpCounts)[]) counts[key] += info.counts?.[key] ?? 0;
    const pages = new LineReader(path.join(folder, 'pages.jsonl'));
    const answers = new LineReader(path.join(folder, 'answers.jsonl'));
    const articles = new LineReader(path.join(folder, 'articles.jsonl'));
    const diagnostics = new LineReader(path.join(folder, 'diagnostics.jsonl'));
    const nextAnswer = async (): Promise<Answer | undefined> => {
      const line = await answers.next();
      return line === undefined ? undefined : (JSON.parse(line) as Answer);
    };
    let answer = await nextAnswer();
    for (let line = await pages.next(); line !== undefined; line = await pages.next()) {
      const item = JSON.parse(line) as { problem: DumpProblem } | { page: DumpPage } | { redirect: [string, string] };
      if ('redirect' in item) {
        options.onRedirect?.(item.redirect[0], item.redirect[1], 0);
        continue;
      }
      if ('problem' in item) {
        // Its diagnostic line is written again by the run from the problem itself.
        await diagnostics.next();
        yield item.problem;
        continue;
      }
      this.#next = undefined;
      // Template pages read for the library only were never articles: they have no answer.
      if (answer !== undefined && samePage(answer.page, item.page)) {
        const json = await articles.next();
        const ds: Diagnostic[] = [];
        for (let i = 0; i < answer.outcome.diagnostics; i++) {
          const d = await diagnostics.next();
          if (d === undefined) break;
          ds.push(JSON.parse(d) as Diagnostic);
        }
        if (json === undefined || ds.length < answer.outcome.diagnostics) throw new Error(`Unexpected end of the part ${folder}, expected an article and its diagnostics for each answer`);
        const { title, pageId, records, links } = answer.outcome;
        const outcome: Outcome = { title, ...(pageId === undefined ? {} : { pageId }), json, diagnostics: ds, records, ...(links === undefined ? {} : { links }) };
        this.#next = { page: answer.page, context: answer.context, outcome };
        answer = await nextAnswer();
      }
      yield item.page;
    }
  }

  async #answer(task: Task): Promise<Outcome | TaskFailure> {
    if (task.kind === 'page') {
      const stored = this.#next;
      this.#next = undefined;
      if (stored !== undefined && samePage(stored.page, task.page) && stored.context === contextKey(task)) {
        this.counts.reused += 1;
        return stored.outcome;
      }
    } else {
      const found = await this.#articleAnswer(task.file);
      if (found !== undefined && 'failure' in found) return found;
      if (found !== undefined && found.context === contextKey(task)) {
        this.counts.reused += 1;
        return found.answer;
      }
    }
    this.counts.again += 1;
    return this.#base.run(task);
  }

  /** The worker's answer for an article file, or the failure that stands for it. */
  async #articleAnswer(file: string): Promise<{ context: string; answer: Outcome | TaskFailure } | TaskFailure | undefined> {
    const job = this.#inputs.get(file)?.jobs[0];
    if (job === undefined) return undefined;
    const why = await this.#missing(job);
    if (why !== undefined) return { failure: 'crash', message: `its queue job ${job.id} failed (${why})` };
    const stored = JSON.parse(await readFile(path.join(partFolder(job), 'article.json'), 'utf8')) as ArticleAnswer;
    return 'answer' in stored ? stored : undefined;
  }
}

function samePage(a: PageKey, b: PageKey): boolean {
  return a.title === b.title && a.ns === b.ns && a.id === b.id && a.revisionId === b.revisionId;
}
