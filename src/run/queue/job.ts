/**
 * One job, as a worker runs it (no queue here: worker.ts hands jobs in). A dump range goes through
 * the same runDump as a run on one machine, restricted to the range and with its late phase left
 * to the merge; an article file through the same task. What the reader gave and which template
 * pages each article was read with are kept beside the output, so the merge can tell which
 * articles a run on one machine would have read otherwise (see replay.ts).
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { readDump } from '../../read/dump/pages.js';
import { readDumpNamespaces, readDumpStream } from '../../read/dump/multistream.js';
import { emptyCounts, isDumpProblem, type DumpCounts, type DumpPage, type DumpProblem, type DumpReadOptions } from '../../read/dump/types.js';
import { loadInput, type InputRef } from '../../read/inputs.js';
import { writeFileAtomic } from '../../write/atomic.js';
import { JsonlFile } from '../../write/jsonl.js';
import { runDump } from '../dump-run.js';
import { createExecutor, type Executor } from '../executor.js';
import type { RunOptions } from '../index.js';
import type { TaskSettings } from '../outcome.js';
import type { TaskBudget } from '../pool.js';
import { articleTask, dumpRunOf, libraryFrom, taskSettingsOf } from '../setup.js';
import { TemplateLibrary } from '../template-library.js';
import { commitPart, partExists, startPart, contextKey, workerName, PARTS, type Answer, type ArticleAnswer, type PartInfo } from './part.js';
import { WIKITALLY_VERSION, type JobInput, type JobPayload, type TemplateFile } from './plan.js';

/** Pages written to pages.jsonl between two flushes (its lines are not all held in memory). */
const FLUSH_EVERY = 100;

/** What a worker process keeps from one job to the next. */
export interface WorkerContext {
  /** Worker threads per executor (0: this thread). */
  jobs: number;
  /** Executors by settings: threads stay loaded between jobs of the same run. */
  executors: Map<string, Executor>;
}

/**
 * Runs one job and puts its part in place.
 * @param job the payload
 * @param context the worker's executors
 * @returns `written`, or `exists` when the part was there already (nothing was done)
 * @throws an Error when the output folder holds another run or the input changed (the job fails)
 */
export async function processJob(job: JobPayload, context: WorkerContext): Promise<'written' | 'exists'> {
  if (job.version !== 1 || job.wikitally !== WIKITALLY_VERSION) {
    throw new Error(`Unexpected job of wikitally ${job.wikitally} (format ${job.version}) on a worker of wikitally ${WIKITALLY_VERSION}, expected the same version on every machine`);
  }
  await checkRun(job);
  if (await partExists(job)) return 'exists';
  await checkInput(job.input);
  const started = Date.now();
  const temp = await startPart(job);
  try {
    const done = job.input.kind === 'article' ? await articlePart(job, temp, context) : await dumpPart(job, temp, context);
    const info: PartInfo = {
      job: job.id,
      run: job.run,
      file: job.input.file,
      range: job.range,
      ...done,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      worker: workerName(),
    };
    return await commitPart(temp, job, info);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Closes the executors a worker made.
 * @param context the worker's executors
 */
export async function closeContext(context: WorkerContext): Promise<void> {
  await Promise.all([...context.executors.values()].map((e) => e.close()));
  context.executors.clear();
}

async function dumpPart(job: JobPayload, temp: string, context: WorkerContext): Promise<Pick<PartInfo, 'counts' | 'articles'>> {
  const given: Pick<Answer, 'page' | 'context'>[] = [];
  const outcomes: Answer['outcome'][] = [];
  const options: RunOptions = {
    ...runOptionsOf(job),
    onArticle: (o) =>
      outcomes.push({ title: o.title, ...(o.pageId === undefined ? {} : { pageId: o.pageId }), records: o.records, diagnostics: o.diagnostics.length, ...(o.links === undefined ? {} : { links: o.links }) }),
  };
  const settings = taskSettingsOf(options, false);
  const base = executorFor(context, settings, job.options.budget);
  // What each article is read with: the merge reuses its answer only where a run on one machine would send the same.
  const executor: Executor = {
    size: base.size,
    run: (task) => {
      if (task.kind === 'page') given.push({ page: pageKey(task.page), context: contextKey(task) });
      return base.run(task);
    },
    close: () => Promise.resolve(),
  };
  const pages = await JsonlFile.open(path.join(temp, 'pages.jsonl'), 0, 'none');
  let raw: DumpCounts | undefined;
  const read = async function* (given: DumpReadOptions, counts: DumpCounts, onFraction: (fraction: number) => void): AsyncGenerator<DumpPage | DumpProblem> {
    const own = emptyCounts();
    // The range's redirects go to the merge, which keeps the whole dump's (a run on one machine's map).
    const readOptions: DumpReadOptions = !job.options.redirects
      ? given
      : {
          ...given,
          onRedirect: (title, target, ns) => {
            given.onRedirect?.(title, target, ns);
            if (ns === 0) pages.add(JSON.stringify({ redirect: [title, target] }));
          },
        };
    let items: AsyncIterable<DumpPage | DumpProblem>;
    if (job.header === undefined) items = readDump(job.input.path, readOptions, own);
    else {
      // The header's problems are the merge's to report, once: here only its namespaces are needed.
      const { namespaces } = await readDumpNamespaces(job.input.path, job.header, readOptions.decoder);
      items = readDumpStream(job.input.path, job.range, readOptions, own, namespaces);
    }
    let n = 0;
    for await (const item of items) {
      pages.add(JSON.stringify(isDumpProblem(item) ? { problem: item } : { page: item }));
      if (++n % FLUSH_EVERY === 0) await pages.flush();
      yield item;
    }
    for (const key of Object.keys(own) as (keyof DumpCounts)[]) counts[key] += own[key];
    raw = own;
    onFraction(1);
  };
  const ref = inputRef(job.input);
  const knowsRedirects = job.options.redirects || job.options.redirectMap;
  const result = await runDump({ ...dumpRunOf(ref, temp, options, executor, settings, false, await libraryOf(job)), read, defer: true, knowsRedirects });
  await pages.close();
  if (result.lost > 0) throw new Error(`Unexpected failure writing the part in ${temp}, expected it written`);
  if (given.length !== outcomes.length) throw new Error(`Unexpected ${outcomes.length} articles written for ${given.length} read (a bug), expected as many`);
  const answers = given.map((g, i): Answer => ({ ...g, outcome: outcomes[i] as Answer['outcome'] }));
  await writeFileAtomic(path.join(temp, 'answers.jsonl'), answers.map((a) => `${JSON.stringify(a)}\n`).join(''));
  return { ...(raw === undefined ? {} : { counts: raw }), articles: answers.length };
}

async function articlePart(job: JobPayload, temp: string, context: WorkerContext): Promise<Pick<PartInfo, 'articles'>> {
  const ref = inputRef(job.input);
  const loaded = await loadInput(ref);
  let answer: ArticleAnswer;
  if (!('bytes' in loaded)) answer = { unreadable: loaded.message };
  else {
    const settings = taskSettingsOf(runOptionsOf(job), false);
    const task = articleTask(ref, loaded.bytes, await libraryOf(job), job.options.redirectMap);
    const outcome = await executorFor(context, settings, job.options.budget).run(task);
    answer = { context: contextKey(task), answer: outcome };
  }
  await writeFileAtomic(path.join(temp, 'article.json'), `${JSON.stringify(answer)}\n`);
  return { articles: 'answer' in answer ? 1 : 0 };
}

/** The run options a job stands for (writing plain JSON Lines in its part). */
function runOptionsOf(job: JobPayload): RunOptions {
  const o = job.options;
  return {
    inputs: [job.input.path],
    ...(o.format === undefined ? {} : { format: o.format }),
    namespaces: o.namespaces,
    scope: o.scope,
    parser: o.parser,
    spans: o.spans,
    compact: o.compact,
    transclusions: o.transclusions,
    ...(o.decoder === undefined ? {} : { decoder: o.decoder }),
    layout: 'jsonl',
    compression: 'none',
    collect: false,
  };
}

/** The library known before any input, as the run's own was made. */
async function libraryOf(job: JobPayload): Promise<TemplateLibrary> {
  if (!job.options.transclusions) return new TemplateLibrary();
  const refs = (files: TemplateFile[]): InputRef[] => files.map((f) => inputRef({ ...f, kind: 'article' }));
  return libraryFrom(refs(job.options.library.inputs), refs(job.options.library.templates));
}

function inputRef(input: Pick<JobInput, 'file' | 'key' | 'path' | 'kind'>): InputRef {
  return { file: input.file, key: input.key, kind: input.kind, path: input.path, load: () => readFile(input.path) };
}

function executorFor(context: WorkerContext, settings: TaskSettings, budget: TaskBudget): Executor {
  const key = JSON.stringify({ settings, budget });
  let executor = context.executors.get(key);
  if (executor === undefined) {
    executor = createExecutor(context.jobs, settings, budget);
    context.executors.set(key, executor);
  }
  return executor;
}

function pageKey(page: { title: string; ns: number; id?: string; revisionId?: string }): Answer['page'] {
  return { title: page.title, ns: page.ns, ...(page.id === undefined ? {} : { id: page.id }), ...(page.revisionId === undefined ? {} : { revisionId: page.revisionId }) };
}

/** The output folder must still be this run's (run.json is written by the coordinator before any job). */
async function checkRun(job: JobPayload): Promise<void> {
  const marker = path.join(job.out, PARTS, 'run.json');
  const run = await readFile(marker, 'utf8').then(
    (text) => (JSON.parse(text) as { run?: string }).run,
    () => undefined,
  );
  if (run !== job.run) throw new Error(`Unexpected ${run === undefined ? `missing ${marker}` : `run ${run} in ${marker}`}, expected run ${job.run}: the output folder is not this job's run any more`);
}

/** The input must be the file the run was planned on. */
async function checkInput(input: JobInput): Promise<void> {
  const info = await stat(input.path);
  if (info.size !== input.size || info.mtimeMs !== input.mtimeMs) {
    throw new Error(`Unexpected change of ${input.path} since the run was planned (${info.size} bytes, changed ${info.mtime.toISOString()}), expected the file as it was; start the run again`);
  }
}
