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
import type { DecoderChoice, DumpCounts, DumpInput, DumpPage, DumpProblem, DumpReadOptions } from '../read/dump/types.js';
import { emptyCounts, isDumpProblem } from '../read/dump/types.js';
import { readDump } from '../read/dump/pages.js';
import { planMultistream, readMultistream } from './multistream-read.js';
import { CODES } from '../diagnostics/codes.js';
import type { ArticleRecord, Diagnostic } from '../types/index.js';
import { tableTransclusions, type TemplatePage } from '../read/transclusion.js';
import type { TemplateLibrary } from './template-library.js';
import type { Compression } from '../write/jsonl.js';
import { Checkpoint, type CheckpointState } from './checkpoint.js';
import type { Executor } from './executor.js';
import { isFailure, type TaskFailure } from './pool.js';
import type { Progress } from './progress.js';
import type { Outcome, TaskSettings } from './outcome.js';
import { budgetOutcome } from './budget.js';
import { countDiagnostics, countOutcome, emptyTally, type Tally } from './tally.js';
import { DumpOutput, type ArticlePlace, type PendingArticle, type WrittenArticle } from './dump-output.js';
import { RedirectTable } from './redirects.js';
import { opt, readLate, templatesOf, type Known } from './late-read.js';
import { Stopwatch } from './timing.js';

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
  /**
   * The run's template pages. The dump's own namespace-10 pages that hold tables are added as they
   * are read; an article that calls a table page not yet known is read again at the end, once the
   * whole dump is known, and its outcome put in its place (so the dump is decompressed once).
   */
  library?: TemplateLibrary;
  /**
   * Reads the dump's pages and problems from elsewhere than the whole file (a queue job's byte
   * range, or the parts of a queue run), in dump order, filling in `counts` as the reader does;
   * `onFraction` tells how much of the input is read.
   */
  read?: (options: DumpReadOptions, counts: DumpCounts, onFraction: (fraction: number) => void) => AsyncIterable<DumpPage | DumpProblem>;
  /**
   * Keep the dump's redirects of the main namespace (default true) and read again, at the end, each
   * article with a finding about team identity whose links two of them join. A queue job (`defer`)
   * does not: its part lists its range's redirects for the merge, whose reader gives them all.
   */
  redirects?: boolean;
  /** Redirects known besides the dump's own (`--redirect-map`): kept with them, or alone when `redirects` is false. */
  redirectMap?: RedirectTable;
  /**
   * Leave the articles to read again to whoever merges this output (a queue job: the late phase
   * runs once every part is known): they stay in pending.jsonl.
   */
  defer?: boolean;
  /** A queue job's: whether the merge will know redirects (the dump's or a map), so its pages are read as a run on one machine reads them. */
  knowsRedirects?: boolean;
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

/** `missing`: the table pages the page calls that were not known when it was read. */
export type Item = { problem: DumpProblem } | { page: DumpPage; outcome?: Outcome | TaskFailure; templates?: TemplatePage[]; missing?: string[] };


/** Articles kept in memory to read again when nothing is written (check); past this they keep their first reading. */
const MAX_PENDING_IN_MEMORY = 10_000;

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

  // A queue job leaves them to the merge (its part lists its range's redirects); the merge's reader gives them all.
  const known: Known =
    run.defer === true ? {} : run.redirects === false ? (run.redirectMap === undefined ? {} : { redirects: run.redirectMap, fixed: true }) : { redirects: run.redirectMap?.clone() ?? new RedirectTable() };
  const knowsRedirects = run.defer === true ? run.knowsRedirects === true : known.redirects !== undefined;
  const done = new Map<number, Item>();
  const running = new Set<Promise<void>>();
  let next = 0;
  let written = 0;
  let xmlBytes = 0;
  const stopwatch = new Stopwatch();
  const skip = resumeAt?.items ?? 0;

  const writeReady = async (): Promise<void> => {
    for (let item = done.get(written); item !== undefined; item = done.get(written)) {
      done.delete(written);
      written += 1;
      await writeItem(run, item, result, output, pendingInMemory, known);
      if (checkpoint !== undefined && output !== undefined && written % (run.checkpointEvery ?? CHECKPOINT_EVERY) === 0) {
        await checkpoint.save({ items: written, sizes: await output.flush(), lines: { ...output.lines }, tally: result.tally });
      }
    }
  };

  // A multistream dump is read as ranges decoded in parallel; any other dump in one piece.
  const plan = typeof run.input === 'string' && run.read === undefined ? await planMultistream(run.input, run.groupBytes) : undefined;
  let fraction: number | undefined;
  let items: AsyncIterable<DumpPage | DumpProblem>;
  const options: DumpReadOptions = { ...dumpOptions(run, known), onBytes: (n) => (xmlBytes += n) };
  if (run.read !== undefined) items = run.read(options, counts, (f) => (fraction = f));
  // A file read whole: how far into it the compressed bytes reach gives the ETA.
  else if (plan === undefined) items = readDump(run.input, { ...options, onPosition: (f) => (fraction = f) }, counts);
  // Decoders are processes of their own: as many run as there are cores, whatever the pool's size.
  else items = readMultistream(run.input as string, plan, options, counts, Math.max(2, availableParallelism(), run.executor.size), (f) => (fraction = f));
  const pendingInMemory: PendingArticle[] = [];
  for await (const item of items) {
    if (!isDumpProblem(item) && item.ns === 10 && run.library !== undefined) {
      run.library.add({ title: item.title, file: run.file, page: item.title, text: item.text });
      // Read for the library only: not a page of the namespaces asked for.
      if (run.namespaces !== 'all' && !run.namespaces.has(10)) {
        counts.inScope -= 1;
        counts.otherNamespaces += 1;
        continue;
      }
    }
    const seq = next++;
    if (seq < skip) {
      // Written before the crash: only its file name is claimed again, so later names do not move.
      if (!isDumpProblem(item)) output?.claimName(item.title, item.id);
      written = seq + 1;
      continue;
    }
    if (isDumpProblem(item)) done.set(seq, { problem: item });
    else {
      const templates = templatesOf(run, item);
      const missing = run.library === undefined ? [] : [...new Set(tableTransclusions(item.text).map((c) => c.name))].filter((name) => !run.library?.has(name));
      const unresolved = missing.length > 0;
      const task = run.executor
        .run({
          kind: 'page',
          file: run.file,
          style: run.settings.style,
          page: { title: item.title, ns: item.ns, ...opt('id', item.id), ...opt('revisionId', item.revisionId), text: item.text },
          ...templates,
          // Read knowing the redirects (none joins two links yet; those that do are read again at the end).
          ...(knowsRedirects ? { redirects: [] } : {}),
        })
        .then((outcome) => {
          const again = unresolved || (known.redirects !== undefined && !isFailure(outcome) && outcome.links !== undefined);
          done.set(seq, { page: run.keepText === true || again ? item : { ...item, text: '' }, outcome, ...(run.keepText === true ? templates : {}), missing });
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
  if (run.defer !== true) await readLate(run, output, pendingInMemory, result, known);
  if (output !== undefined) {
    const timing = stopwatch.read(counts.pages, xmlBytes, run.executor.size, resumeAt !== undefined);
    const lost = await output.finish(run.file, counts, result.tally, run.defer === true, timing);
    result.lost += lost;
    result.written = output.written;
    await checkpoint?.complete();
  }
  return result;
}

async function writeItem(run: DumpRun, item: Item, result: DumpResult, output: DumpOutput | undefined, pendingInMemory: PendingArticle[], known: Known): Promise<void> {
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
  const place: ArticlePlace = output === undefined ? { line: result.tally.articles - 1, diagnostics: 0, count: 0 } : await addArticle(output, outcome, result);
  const links = known.redirects === undefined ? undefined : outcome.links;
  const missing = item.missing ?? [];
  if (missing.length === 0 && links === undefined) return;
  const { text, title, ns, id, revisionId } = item.page;
  const entry: PendingArticle = {
    place,
    page: { title, ns, ...opt('id', id), ...opt('revisionId', revisionId), text },
    counted: { records: outcome.records, diagnostics: outcome.diagnostics },
    ...opt('links', links),
    missing,
  };
  if (output !== undefined) output.addPending(entry);
  else if (pendingInMemory.length < MAX_PENDING_IN_MEMORY) pendingInMemory.push(entry);
}

async function addArticle(output: DumpOutput, outcome: Outcome, result: DumpResult): Promise<ArticlePlace> {
  const { lost, place } = await output.addArticle(outcome);
  result.lost += lost;
  return place;
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

function dumpOptions(run: DumpRun, known: Known): Parameters<typeof readDump>[1] {
  // Template pages are read for the library whatever namespaces the output asks for.
  const namespaces = run.library === undefined || run.namespaces === 'all' ? run.namespaces : new Set([...run.namespaces, 10]);
  const redirects = known.fixed === true ? undefined : known.redirects;
  return {
    namespaces,
    ...(redirects === undefined ? {} : { onRedirect: (title: string, target: string, ns: number) => { if (ns === 0) redirects.add(title, target); } }),
    ...(run.prefilter === undefined ? {} : { prefilter: run.prefilter }),
    ...(run.decoder === undefined ? {} : { decoder: run.decoder }),
  };
}

function recordsOf(t: Tally): number {
  const r = t.records;
  return r.infoboxes + r.standings + r.matchGrids + r.brackets + r.ties + r.matches;
}
