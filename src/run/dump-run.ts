/**
 * One dump through the run: pages are read (and pre-filtered) in this thread, processed by the
 * executor's workers, and written in dump order whatever order they finish in. Every page is
 * accounted for in summary.json. Output is JSON Lines by default (`articles.jsonl`,
 * `diagnostics.jsonl`), or one file per article; a checkpoint is written every
 * {@link CHECKPOINT_EVERY} items so that `--resume` after a crash finishes with the same bytes.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { DecoderChoice, DumpCounts, DumpInput, DumpPage, DumpProblem } from '../read/dump/types.js';
import { emptyCounts, isDumpProblem } from '../read/dump/types.js';
import { readDump } from '../read/dump/pages.js';
import { planMultistream, readMultistream } from './multistream-read.js';
import { CODES } from '../diagnostics/codes.js';
import type { ArticleRecord, Diagnostic } from '../types/index.js';
import type { TemplatePage } from '../read/transclusion.js';
import type { Compression } from '../write/jsonl.js';
import { Checkpoint, type CheckpointState } from './checkpoint.js';
import type { Executor } from './executor.js';
import { isFailure, type TaskFailure } from './pool.js';
import type { Progress } from './progress.js';
import type { Outcome, TaskSettings } from './outcome.js';
import { budgetOutcome } from './budget.js';
import { countDiagnostics, countOutcome, emptyTally, type Tally } from './tally.js';
import { DumpOutput, type WrittenArticle } from './dump-output.js';

/**
 * Items (pages and problems) between two checkpoints. A fixed count, not a time, so that batches
 * (and gzip members) end at the same places in every run of the same input.
 */
export const CHECKPOINT_EVERY = 500;

/** How to run one dump. */
export interface DumpRun {
  file: string;
  key: string;
  input: DumpInput;
  /** Where this dump's output goes; nothing is written when undefined. */
  folder?: string;
  layout: 'jsonl' | 'files';
  compression: Compression;
  namespaces: ReadonlySet<number> | 'all';
  prefilter?: (text: Buffer) => boolean;
  decoder?: DecoderChoice;
  resume: boolean;
  executor: Executor;
  settings: TaskSettings;
  progress?: Progress;
  /** Called in dump order with each article (and its page's text, with `keepText`) and each input-level diagnostic. */
  onArticle?(outcome: Outcome, text?: string, texts?: ReadonlyMap<string, string>): void;
  keepText?: boolean;
  onDiagnostics?(diagnostics: readonly Diagnostic[]): void;
  /** Keep every article (library runs over small dumps). */
  collect: boolean;
  /** Items between checkpoints (default {@link CHECKPOINT_EVERY}; tests use fewer). */
  checkpointEvery?: number;
  /** Compressed bytes per range of a multistream dump (default GROUP_BYTES; tests use less to get several). */
  groupBytes?: number;
  /** The pages a page's text transcludes, from the run's template library. */
  templatesFor?: (text: string) => TemplatePage[];
}

/** What one dump gave. */
export interface DumpResult {
  pages: DumpCounts;
  tally: Tally;
  /** Input-level diagnostics (kept only when collecting). */
  diagnostics: Diagnostic[];
  articles: ArticleRecord[];
  /** Article files written (files layout). */
  written: WrittenArticle[];
  /** Outputs that could not be written. */
  lost: number;
  /** True when a finished run was found and nothing was done. */
  alreadyComplete: boolean;
}

type Item = { problem: DumpProblem } | { page: DumpPage; outcome?: Outcome | TaskFailure; templates?: TemplatePage[] };

/**
 * Runs one dump.
 * @param run what and how
 * @returns its counts and, when collecting, its articles
 */
export async function runDump(run: DumpRun): Promise<DumpResult> {
  const counts = emptyCounts();
  const result: DumpResult = { pages: counts, tally: emptyTally(), diagnostics: [], articles: [], written: [], lost: 0, alreadyComplete: false };
  const checkpoint = run.folder === undefined ? undefined : new Checkpoint(run.folder, run.file, run.input, run.settings, run.layout, run.compression);
  let resumeAt: CheckpointState | undefined;
  if (checkpoint !== undefined && run.resume) {
    const found = await checkpoint.load();
    if (found === 'complete') return { ...result, ...(await finishedRun(run.folder ?? '')), alreadyComplete: true };
    resumeAt = found;
  }
  if (resumeAt !== undefined) result.tally = resumeAt.tally;
  const output = run.folder === undefined ? undefined : await DumpOutput.open(run.folder, run.layout, run.compression, resumeAt);

  const done = new Map<number, Item>();
  const running = new Set<Promise<void>>();
  let next = 0;
  let written = 0;
  let xmlBytes = 0;
  const skip = resumeAt?.items ?? 0;

  const writeReady = async (): Promise<void> => {
    for (let item = done.get(written); item !== undefined; item = done.get(written)) {
      done.delete(written);
      written += 1;
      await writeItem(run, item, result, output);
      if (checkpoint !== undefined && output !== undefined && written % (run.checkpointEvery ?? CHECKPOINT_EVERY) === 0) {
        await checkpoint.save({ items: written, sizes: await output.flush(), tally: result.tally });
      }
    }
  };

  // A multistream dump is read as ranges decoded in parallel; any other dump in one piece.
  const plan = typeof run.input === 'string' ? await planMultistream(run.input, run.groupBytes) : undefined;
  let fraction: number | undefined;
  const items =
    plan === undefined
      ? readDump(run.input, dumpOptions(run), counts)
      : // Decoders are processes of their own: as many run as there are cores, whatever the pool's size.
        readMultistream(run.input as string, plan, dumpOptions(run), counts, Math.max(2, availableParallelism(), run.executor.size), (f) => (fraction = f));
  for await (const item of items) {
    const seq = next++;
    if (!isDumpProblem(item)) xmlBytes = item.offset;
    if (seq < skip) {
      // Written before the crash: only its file name is claimed again, so later names do not move.
      if (!isDumpProblem(item)) output?.claimName(item.title, item.id);
      written = seq + 1;
      continue;
    }
    if (isDumpProblem(item)) done.set(seq, { problem: item });
    else {
      const templates = templatesOf(run, item);
      const task = run.executor
        .run({
          kind: 'page',
          file: run.file,
          style: run.settings.style,
          page: { title: item.title, ns: item.ns, ...opt('id', item.id), ...opt('revisionId', item.revisionId), text: item.text },
          ...templates,
        })
        .then((outcome) => {
          done.set(seq, { page: run.keepText === true ? item : { ...item, text: '' }, outcome, ...(run.keepText === true ? templates : {}) });
        });
      const tracked = task.then(() => {
        running.delete(tracked);
      });
      running.add(tracked);
    }
    await writeReady();
    while (running.size >= run.executor.size * 2) {
      await Promise.race(running);
      await writeReady();
    }
    run.progress?.update({
      label: run.file,
      pages: counts.pages,
      inScope: counts.inScope,
      records: recordsOf(result.tally),
      errors: result.tally.diagnostics.error,
      bytes: xmlBytes,
      ...(fraction === undefined ? {} : { fraction }),
    });
  }
  await Promise.all(running);
  await writeReady();
  if (output !== undefined) {
    const lost = await output.finish(run.file, counts, result.tally);
    result.lost += lost;
    result.written = output.written;
    await checkpoint?.complete();
  }
  return result;
}

async function writeItem(run: DumpRun, item: Item, result: DumpResult, output: DumpOutput | undefined): Promise<void> {
  if ('problem' in item) {
    const d = problemDiagnostic(run.file, item.problem);
    countDiagnostics(result.tally, [d]);
    if (run.collect) result.diagnostics.push(d);
    run.onDiagnostics?.([d]);
    if (output !== undefined) result.lost += await output.addDiagnostic(d);
    return;
  }
  const failure: TaskFailure | undefined = item.outcome === undefined ? { failure: 'crash', message: 'no result' } : isFailure(item.outcome) ? item.outcome : undefined;
  const page = { title: item.page.title, ...opt('id', item.page.id), ...opt('revisionId', item.page.revisionId) };
  const outcome = failure !== undefined ? budgetOutcome(run.file, page, failure, run.settings) : (item.outcome as Outcome);
  countOutcome(result.tally, outcome);
  if (run.collect && outcome.article !== undefined) result.articles.push(outcome.article);
  else if (run.collect) result.articles.push(JSON.parse(outcome.json) as ArticleRecord);
  run.onArticle?.(outcome, run.keepText === true ? item.page.text : undefined, new Map((item.templates ?? []).map((t) => [t.page ?? t.file, t.text])));
  if (output !== undefined) result.lost += await output.addArticle(outcome);
}

/** What a finished run's summary.json and manifest.json say, so a resumed finished run reports the same. */
async function finishedRun(folder: string): Promise<Pick<DumpResult, 'pages' | 'tally' | 'written'>> {
  const summary = JSON.parse(await readFile(path.join(folder, 'summary.json'), 'utf8')) as Tally & { pages: DumpCounts };
  const { pages, articles, withRecords, failed, records, diagnostics } = summary;
  let written: WrittenArticle[] = [];
  try {
    const manifest = JSON.parse(await readFile(path.join(path.dirname(folder), 'manifest.json'), 'utf8')) as { inputs: { folder: string; articles: WrittenArticle[] }[] };
    const prefix = `${path.basename(folder)}/`;
    written = (manifest.inputs.find((i) => i.folder === path.basename(folder))?.articles ?? []).map((a) => ({ ...a, output: a.output.slice(prefix.length) }));
  } catch {
    written = [];
  }
  return { pages, tally: { articles, withRecords, failed, records, diagnostics }, written };
}

/** The transcluded pages to send with a page (never the page itself). */
function templatesOf(run: DumpRun, page: DumpPage): { templates?: TemplatePage[] } {
  const templates = run.templatesFor?.(page.text).filter((t) => t.page !== page.title) ?? [];
  return templates.length === 0 ? {} : { templates };
}

function problemDiagnostic(file: string, p: DumpProblem): Diagnostic {
  const where = p.compressedOffset === undefined ? ` (byte ${p.offset} of the XML)` : ` (byte ${p.offset} of the XML, byte ${p.compressedOffset} of the compressed file)`;
  return {
    code: p.code,
    severity: CODES[p.code].severity,
    message: `${p.message}${where}`,
    file,
    ...(p.page === undefined ? {} : { page: p.page }),
    stage: p.code === 'internal/bug' ? 'read' : 'read',
  };
}

function dumpOptions(run: DumpRun): Parameters<typeof readDump>[1] {
  return {
    namespaces: run.namespaces,
    ...(run.prefilter === undefined ? {} : { prefilter: run.prefilter }),
    ...(run.decoder === undefined ? {} : { decoder: run.decoder }),
  };
}

function recordsOf(t: Tally): number {
  const r = t.records;
  return r.infoboxes + r.standings + r.matchGrids + r.brackets + r.ties + r.matches;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
