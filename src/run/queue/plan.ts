/**
 * A queue run planned: every input split into jobs (the byte ranges of a multistream dump, or the
 * whole file for other dumps and article files), each job a payload that names its input by an
 * absolute path (every worker must see the same files at the same paths) and carries the options
 * that decide what its part holds. Ids are derived, never drawn: the run's from its output
 * folder, its inputs (path, size, time of change) and its options; a job's from the run's and its
 * range; so adding a job again is a no-op and a re-run finds its own parts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readInputs, type InputError, type InputRef } from '../../read/inputs.js';
import { templateTitleOfFile } from '../../read/transclusion.js';
import type { ByteRange, DecoderChoice } from '../../read/dump/types.js';
import { FolderNames } from '../../write/names.js';
import { CHECKPOINT_EVERY } from '../dump-run.js';
import { DEFAULT_BUDGET } from '../executor.js';
import type { RunOptions } from '../index.js';
import { planMultistream, type MultistreamPlan } from '../multistream-read.js';
import type { TaskBudget } from '../pool.js';
import type { QueueTuning } from './settings.js';

/** This wikitally's version (package.json, found from src/ and dist/ alike). */
export const WIKITALLY_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** An input as every worker names and reads it. */
export interface JobInput {
  /** As the user named it: what the output says. */
  file: string;
  key: string;
  /** Absolute: what workers open. */
  path: string;
  kind: 'dump' | 'article';
  size: number;
  mtimeMs: number;
}

/** A template page known before any input is read (an input named `Template-…`, or a `--templates` file). */
export interface TemplateFile {
  file: string;
  key: string;
  path: string;
}

/** The options of a run that decide what a part holds; plain data. */
export interface JobOptions {
  format?: 'wikitext' | 'surfdoc';
  namespaces: number[] | 'all';
  scope: 'football' | 'all';
  parser: 'targeted' | 'full';
  spans: boolean;
  compact: boolean;
  transclusions: boolean;
  /** Keep the dump's redirects (main namespace): each part lists its own, the merge joins them. */
  redirects: boolean;
  /** The run was given a `--redirect-map` (the merge loads it): its articles are read as knowing redirects. */
  redirectMap: boolean;
  decoder?: DecoderChoice;
  budget: TaskBudget;
  /** The library known before any input: template files among the inputs, then the `--templates` files. */
  library: { inputs: TemplateFile[]; templates: TemplateFile[] };
}

/** What a worker is given: one job. */
export interface JobPayload {
  version: 1;
  /** The wikitally version that planned it: a worker of another version refuses it (its output could differ). */
  wikitally: string;
  /** The run's id (DIR/parts/run.json says which run the folder holds). */
  run: string;
  id: string;
  /** The output folder, absolute. */
  out: string;
  /** The part's folder under DIR/parts: `<input folder>-<range start>-<range end>`. */
  part: string;
  input: JobInput;
  /** A multistream dump's header stream (its namespaces), when the job is one of its ranges. */
  header?: ByteRange;
  /** Compressed bytes of the input this job reads (the whole file for other inputs). */
  range: ByteRange;
  options: JobOptions;
}

/** One input of the run and its jobs, in file order. */
export interface PlannedInput {
  input: JobInput;
  /** The ranges of a multistream dump (its index problems are reported by the merge). */
  plan?: MultistreamPlan;
  jobs: JobPayload[];
}

/** The whole run. */
export interface RunPlan {
  run: string;
  out: string;
  inputs: PlannedInput[];
  jobs: JobPayload[];
}

/**
 * Plans a queue run.
 * @param options the run's options (`outDir` set)
 * @param tuning the job size
 * @returns the plan, and the paths that could not be read (reported again by the merge)
 * @throws an Error for what a queue run cannot do (standard input, one file per article)
 */
export async function planRun(options: RunOptions & { outDir: string }, tuning: QueueTuning): Promise<{ plan: RunPlan; errors: InputError[] }> {
  if (options.inputs.includes('-')) throw new Error('--queue cannot read standard input: workers read their inputs from files they can all open');
  if (options.layout === 'files') throw new Error('--queue writes JSON Lines only: leave out --layout files');
  const { files, errors } = await readInputs(options.inputs);
  const out = path.resolve(options.outDir);
  const jobOptions = await jobOptionsOf(options, files, errors);
  const inputs: PlannedInput[] = [];
  for (const ref of files) {
    const info = await stat(ref.path).catch(() => undefined);
    // An input that vanished since it was listed is reported by the merge, as a run on one machine does.
    if (info !== undefined) inputs.push({ input: { file: ref.file, key: ref.key, path: path.resolve(ref.path), kind: ref.kind, size: info.size, mtimeMs: info.mtimeMs }, jobs: [] });
  }
  // The merge reads the articles that a --redirect-map settles again: another map is another run.
  const map = options.redirectMap === undefined ? undefined : await stat(options.redirectMap).catch(() => undefined);
  const redirectMap = options.redirectMap === undefined ? {} : { redirectMap: { path: path.resolve(options.redirectMap), size: map?.size, mtimeMs: map?.mtimeMs } };
  const merge = { compression: options.compression ?? 'none', checkpointEvery: options.checkpointEvery ?? CHECKPOINT_EVERY, jobBytes: tuning.jobBytes, ...redirectMap };
  const run = digest(JSON.stringify({ version: 1, wikitally: WIKITALLY_VERSION, out, inputs: inputs.map((i) => i.input), options: jobOptions, merge })).slice(0, 24);
  const folders = new FolderNames();
  for (const planned of inputs) {
    const folder = folders.claim(planned.input.key, '');
    const plan = planned.input.kind === 'dump' ? await planMultistream(planned.input.path, tuning.jobBytes) : undefined;
    const ranges = plan?.ranges ?? [{ start: 0, end: planned.input.size }];
    if (plan !== undefined) planned.plan = plan;
    for (const range of ranges) {
      const part = `${folder}-${range.start}-${range.end}`;
      planned.jobs.push({
        version: 1,
        wikitally: WIKITALLY_VERSION,
        run,
        id: `job-${digest(`${run}/${part}`).slice(0, 32)}`,
        out,
        part,
        input: planned.input,
        ...(plan === undefined ? {} : { header: plan.header }),
        range: { start: range.start, end: range.end },
        options: jobOptions,
      });
    }
  }
  return { plan: { run, out, inputs, jobs: inputs.flatMap((i) => i.jobs) }, errors };
}

/** The part-deciding options, with the template files made absolute. */
async function jobOptionsOf(options: RunOptions, files: readonly InputRef[], errors: InputError[]): Promise<JobOptions> {
  const transclusions = options.transclusions !== false;
  const asFile = (ref: InputRef): TemplateFile => ({ file: ref.file, key: ref.key, path: path.resolve(ref.path) });
  const library: JobOptions['library'] = { inputs: [], templates: [] };
  if (transclusions) {
    library.inputs = files.filter((f) => f.kind === 'article' && templateTitleOfFile(f.file) !== undefined).map(asFile);
    if (options.templates !== undefined) {
      const found = await readInputs(options.templates);
      errors.push(...found.errors);
      library.templates = found.files.filter((f) => f.kind === 'article').map(asFile);
    }
  }
  return {
    ...(options.format === undefined ? {} : { format: options.format }),
    namespaces: options.namespaces ?? [0],
    scope: options.scope ?? 'football',
    parser: options.parser ?? 'targeted',
    spans: options.spans !== false,
    compact: options.compact === true,
    transclusions,
    redirects: options.redirects !== false,
    redirectMap: options.redirectMap !== undefined,
    ...(options.decoder === undefined ? {} : { decoder: options.decoder }),
    budget: options.budget ?? DEFAULT_BUDGET,
    library,
  };
}

/**
 * A hex SHA-256.
 * @param text what to hash
 * @returns its digest
 */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
