/**
 * Running many articles: every input (article files, folders, dumps, standard input) is scheduled
 * on an executor (worker threads with a budget per article, or this thread), results are written
 * in input order, and `manifest.json` at the top of the output folder says what each input gave.
 * This part knows nothing of records; it schedules pipeline.ts and hands envelopes to the writers.
 */
import path from 'node:path';
import { loadInput, readInputs, type InputError, type InputRef } from '../read/inputs.js';
import type { DecoderChoice, DumpCounts } from '../read/dump/types.js';
import type { ArticleRecord, Diagnostic, InputFormat } from '../types/index.js';
import { describeWriteError, makeFolder, writeFileAtomic } from '../write/atomic.js';
import { toJson } from '../write/envelope.js';
import type { Compression } from '../write/jsonl.js';
import { FolderNames } from '../write/names.js';
import type { WrittenArticle } from './dump-output.js';
import { runDump, type DumpRun } from './dump-run.js';
import { createExecutor, DEFAULT_BUDGET, defaultJobs, type Executor } from './executor.js';
import type { TaskBudget } from './pool.js';
import { isFailure } from './pool.js';
import { budgetOutcome } from './budget.js';
import type { Progress } from './progress.js';
import { loadRedirectMap } from './redirect-map.js';
import type { RedirectTable } from './redirects.js';
import { countOutcome, emptyTally, sortedTally, type Tally } from './tally.js';
import type { Outcome, TaskSettings } from './outcome.js';
import type { TemplateLibrary } from './template-library.js';
import { articleTask, dumpRunOf, libraryOf, taskSettingsOf } from './setup.js';

/** Options of a run. */
export interface RunOptions {
  /** Files, folders (recursive), MediaWiki dumps (.xml, .xml.bz2, .xml.gz) or `-` for standard input. */
  inputs: string[];
  format?: InputFormat;
  /** Namespaces of dump pages to read: default articles only ([0]); 'all' for every page. */
  namespaces?: number[] | 'all';
  /** Write outputs under this folder; nothing is written when absent. */
  outDir?: string;
  /** Output of dumps: JSON Lines (default) or one file per article. Article inputs are always files. */
  layout?: 'jsonl' | 'files';
  /** Compression of JSON Lines output. */
  compression?: Compression;
  /** Keep positions in the output (default true). */
  spans?: boolean;
  /** Article files on one line instead of indented. */
  compact?: boolean;
  /** Worker threads (default: one per core); 0 runs everything in this thread, with no budget. */
  jobs?: number;
  /** Time and memory each article may take (workers only). */
  budget?: TaskBudget;
  /** Dump pages to process: those that may hold a football record (default), or all. */
  scope?: 'football' | 'all';
  /** How sections are parsed (default targeted; full is the reference). */
  parser?: 'targeted' | 'full';
  /** Go on from the checkpoint a killed run left. */
  resume?: boolean;
  /** The bzip2 decoder for dumps. */
  decoder?: DecoderChoice;
  progress?: Progress;
  /** Called after each input. */
  onInput?: (input: InputResult, done: number, total: number) => void;
  /**
   * Called after each article, in input order; with `keepText`, also with the text its positions
   * point into and the texts of the pages it transcludes (by dump page title, else file).
   */
  onArticle?: (outcome: Outcome, input: string, text?: string, texts?: ReadonlyMap<string, string>) => void;
  /** Hand each article's source text to `onArticle` (reports that quote the source). */
  keepText?: boolean;
  /** Called with input-level diagnostics (a malformed dump page). */
  onDiagnostics?: (diagnostics: readonly Diagnostic[], input: string) => void;
  /** Keep every article in the result (default true); a long run over a dump wants false. */
  collect?: boolean;
  /** Dump items between two checkpoints (default 500; a fixed count, so output is the same in every run). */
  checkpointEvery?: number;
  /** Compressed bytes per range of a multistream dump decoded by one process (default 16 MB). */
  groupBytes?: number;
  /** Folders or files of template pages that articles transclude (read as pages, never as articles). */
  templates?: string[];
  /**
   * Read the tables of transcluded pages found among the inputs (default true). In a dump, an
   * article whose table page comes later is read again at the end.
   */
  transclusions?: boolean;
  /**
   * Keep a dump's redirects (main namespace, about 16 bytes each) and read again at the end each
   * article whose findings about team identity two of them settle (default true).
   */
  redirects?: boolean;
  /**
   * Redirects known besides a dump's own (`--redirect-map`): a dump, or a file of
   * `title<TAB>target` lines. Articles read as files are read again with those that join two of a
   * team's links, as a dump's articles are with the dump's.
   */
  redirectMap?: string;
  /**
   * A Redis URL (`redis://host:port`): split the inputs into jobs on that queue for `wikitally
   * worker` processes, wait for them, and merge their parts into the same output (src/run/queue/).
   */
  queue?: string;
  /** Runs the tasks (the caller keeps it and closes it) instead of an executor made for the run. */
  executor?: Executor;
  /** Reads a dump input's items from elsewhere than its file (the parts of a queue run), or undefined for the file. */
  dumpReader?: (ref: InputRef) => DumpRun['read'];
}

/** What one input gave. */
export interface InputResult {
  file: string;
  key: string;
  kind: 'article' | 'dump';
  /** The input's folder under the output folder. */
  folder: string;
  articles: ArticleRecord[];
  /** Input-level diagnostics (a malformed dump or page), when collected. */
  diagnostics: Diagnostic[];
  /** For a dump: what its pages were. */
  pages?: DumpCounts;
  tally: Tally;
  /** Article files written (article inputs, and dumps with the files layout). */
  written: WrittenArticle[];
  /** Outputs that could not be written. */
  lost: number;
}

/** What a run returns. */
export interface RunResult {
  inputs: InputResult[];
  /** Paths that could not be read. */
  errors: InputError[];
  /** Outputs that could not be written (exit code 3). */
  lost: number;
  /** Why the output folder cannot be written, if it cannot. */
  outputFailure?: string;
}

/**
 * Runs the whole job: read every input, process each article, write when asked.
 * @param options inputs, outputs and how to run
 * @returns what each input gave, the unreadable paths, and what could not be written
 */
export async function runJob(options: RunOptions): Promise<RunResult> {
  if (options.queue !== undefined) return (await import('./queue/index.js')).runQueued({ ...options, queue: options.queue });
  const { files, errors } = await readInputs(options.inputs);
  const redirectMap = options.redirectMap === undefined ? undefined : await loadRedirectMap(options.redirectMap, options.decoder);
  const collect = options.collect !== false;
  const jobs = options.jobs ?? defaultJobs();
  const settings = taskSettingsOf(options, collect && jobs <= 0);
  const executor = options.executor ?? createExecutor(jobs, settings, options.budget ?? DEFAULT_BUDGET);
  const library = await libraryOf(files, options, errors);
  const folders = new FolderNames();
  const result: RunResult = { inputs: [], errors, lost: 0 };
  try {
    if (options.outDir !== undefined) {
      try {
        await makeFolder(options.outDir);
      } catch (error) {
        result.outputFailure = describeWriteError(error);
      }
    }
    for (const [i, ref] of files.entries()) {
      const folder = folders.claim(ref.key, '');
      const done =
        ref.kind === 'dump'
          ? await runDumpInput(ref, folder, options, executor, settings, collect, library, redirectMap)
          : await runArticle(ref, folder, options, executor, settings, errors, collect, library, redirectMap);
      if (done === undefined) continue;
      result.lost += done.lost;
      result.inputs.push(done);
      options.onInput?.(done, i + 1, files.length);
    }
    if (options.outDir !== undefined && result.outputFailure === undefined) {
      try {
        await writeFileAtomic(path.join(options.outDir, 'manifest.json'), toJson(manifest(result)));
      } catch (error) {
        result.outputFailure = describeWriteError(error);
      }
    }
  } finally {
    if (options.executor === undefined) await executor.close();
  }
  if (result.outputFailure !== undefined) result.lost += 1;
  return result;
}

async function runDumpInput(
  ref: InputRef,
  folder: string,
  options: RunOptions,
  executor: Executor,
  settings: TaskSettings,
  collect: boolean,
  library: TemplateLibrary,
  redirectMap: RedirectTable | undefined,
): Promise<InputResult> {
  const run = dumpRunOf(ref, options.outDir === undefined ? undefined : path.join(options.outDir, folder), options, executor, settings, collect, library);
  const done = await runDump(redirectMap === undefined ? run : { ...run, redirectMap });
  return { file: ref.file, key: ref.key, kind: 'dump', folder, articles: done.articles, diagnostics: done.diagnostics, pages: done.pages, tally: done.tally, written: done.written, lost: done.lost };
}

async function runArticle(
  ref: InputRef,
  folder: string,
  options: RunOptions,
  executor: Executor,
  settings: TaskSettings,
  errors: InputError[],
  collect: boolean,
  library: TemplateLibrary,
  redirectMap: RedirectTable | undefined,
): Promise<InputResult | undefined> {
  const loaded = await loadInput(ref);
  if (!('bytes' in loaded)) {
    errors.push(loaded);
    return undefined;
  }
  const task = articleTask(ref, loaded.bytes, library, redirectMap !== undefined);
  const templates = task.templates ?? [];
  let answer = await executor.run(task);
  // Read again with the redirects of the map that join two of its teams' links, as a dump's articles are.
  const joined = redirectMap === undefined || isFailure(answer) || answer.links === undefined ? [] : [...redirectMap.linksMap(answer.links)];
  if (joined.length > 0) answer = await executor.run({ ...task, redirects: joined });
  const tally = emptyTally();
  const done: InputResult = { file: ref.file, key: ref.key, kind: 'article', folder, articles: [], diagnostics: [], tally, written: [], lost: 0 };
  // The budget is for dump pages and folders of many files alike: the article is reported, the run goes on.
  // The text as the read stage decodes it (bad bytes as U+FFFD): positions point into it.
  const text = options.keepText === true ? new TextDecoder('utf-8').decode(loaded.bytes) : undefined;
  const texts = new Map(templates.map((t) => [t.page ?? t.file, t.text]));
  return finishArticle(done, isFailure(answer) ? budgetOutcome(ref.file, undefined, answer, settings) : answer, options, collect, text, texts);
}

async function finishArticle(
  done: InputResult,
  outcome: Outcome,
  options: RunOptions,
  collect: boolean,
  text?: string,
  texts?: ReadonlyMap<string, string>,
): Promise<InputResult> {
  countOutcome(done.tally, outcome);
  if (collect) done.articles.push(outcome.article ?? (JSON.parse(outcome.json) as ArticleRecord));
  options.onArticle?.(outcome, done.file, text, texts);
  const name = new FolderNames().claim(outcome.title, '.json');
  if (options.outDir !== undefined) {
    try {
      const dir = path.join(options.outDir, done.folder);
      await makeFolder(dir);
      await writeFileAtomic(path.join(dir, name), options.compact === true ? `${outcome.json}\n` : outcome.json);
    } catch (error) {
      done.lost += 1;
      options.onDiagnostics?.([writeFailure(done.file, path.join(done.folder, name), error)], done.file);
      return done;
    }
  }
  const count = (s: Diagnostic['severity']): number => outcome.diagnostics.filter((d) => d.severity === s).length;
  done.written.push({ title: outcome.title, output: name, records: outcome.records, diagnostics: { error: count('error'), warning: count('warning'), info: count('info') } });
  return done;
}

function writeFailure(file: string, output: string, error: unknown): Diagnostic {
  return {
    code: 'write/failed',
    severity: 'error',
    message: `Unexpected failure writing ${output} (${describeWriteError(error)}), expected the file written; the run went on`,
    file,
    stage: 'write',
  };
}

/** manifest.json: each input, where its output is and what it holds. */
function manifest(result: RunResult): unknown {
  return {
    inputs: result.inputs.map((i) => ({
      file: i.file,
      kind: i.kind,
      folder: i.folder,
      ...(i.pages === undefined ? {} : { pages: i.pages }),
      ...(i.kind === 'dump' ? { summary: `${i.folder}/summary.json` } : {}),
      articles: i.written.map((w) => ({ ...w, output: `${i.folder}/${w.output}` })),
      ...(i.kind === 'article' ? {} : { tally: sortedTally(i.tally) }),
    })),
    unreadable: result.errors,
  };
}
