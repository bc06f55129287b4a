/**
 * A part: what one job gave, in DIR/parts/<input folder>-<range start>-<range end>/, written to a
 * temporary folder then renamed into place, so it appears whole and only once (a second worker on
 * the same job finds the name taken and drops its copy). A dump range's part holds:
 * - `articles.jsonl`, `diagnostics.jsonl`, `summary.json` (its counts), `pending.jsonl` (articles
 *   whose table page was not in the range): the output of a run on one machine over the range,
 *   its late phase left to the merge;
 * - `pages.jsonl`: every page and problem the reader gave, in order, with the pages' text and the
 *   template pages met, and the redirects of the main namespace it skipped (what the merge reads
 *   in place of the dump);
 * - `answers.jsonl`: for each article, in order, which template pages it was read with and what it
 *   gave (records, number of diagnostics), so the merge reuses it when a run on one machine would
 *   have read it with the same pages;
 * - `job.json`: the job, the reader's own counts, time taken, by whom.
 * An article file's part holds `article.json` (its answer and template pages) and `job.json`.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { DumpCounts } from '../../read/dump/types.js';
import { writeFileAtomic } from '../../write/atomic.js';
import type { Outcome, RecordCounts } from '../outcome.js';
import type { TaskFailure } from '../pool.js';
import type { Task } from '../tasks.js';
import { digest, type JobPayload } from './plan.js';

/** The folder of all parts, and of run.json. */
export const PARTS = 'parts';

/** A page as the merge matches it to its answer. */
export interface PageKey {
  title: string;
  ns: number;
  id?: string;
  revisionId?: string;
}

/** One line of answers.jsonl. */
export interface Answer {
  page: PageKey;
  /** {@link contextKey} of the task it was read as: the template pages it was sent, its style. */
  context: string;
  outcome: { title: string; pageId?: string; records: RecordCounts; diagnostics: number; links?: string[] };
}

/** article.json of an article file's part. */
export type ArticleAnswer = { context: string; answer: Outcome | TaskFailure } | { unreadable: string };

/** job.json: what the job was and what it read. */
export interface PartInfo {
  job: string;
  run: string;
  file: string;
  range: { start: number; end: number };
  /** The reader's counts (before the run moves template pages read for the library only). */
  counts?: DumpCounts;
  articles: number;
  seconds: number;
  worker: string;
}

/**
 * Says what a task was given besides its article (the template pages sent with it, its style, and
 * whatever a task may carry in future), as a short digest: the merge reuses a worker's answer only
 * for a task with the same context, so nothing the run knows and the worker did not can be missed.
 * @param task the task
 * @returns the same string for the same context
 */
export function contextKey(task: Task): string {
  const { page: _page, bytes: _bytes, ...context } = task as Task & { page?: unknown; bytes?: unknown };
  // Maps and sets are written as their entries (JSON would write them as {}).
  const json = JSON.stringify(context, (_key, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value));
  return digest(json).slice(0, 32);
}

/**
 * The part's folder.
 * @param job the job
 * @returns its absolute path
 */
export function partFolder(job: Pick<JobPayload, 'out' | 'part'>): string {
  return path.join(job.out, PARTS, job.part);
}

/**
 * Whether a part is in place.
 * @param job the job
 * @returns true when its folder exists
 */
export async function partExists(job: Pick<JobPayload, 'out' | 'part'>): Promise<boolean> {
  return stat(path.join(partFolder(job), 'job.json')).then(
    () => true,
    () => false,
  );
}

/**
 * Makes the temporary folder of a part being written (hidden, unique to this worker and attempt).
 * @param job the job
 * @returns its path
 */
export async function startPart(job: JobPayload): Promise<string> {
  const temp = path.join(job.out, PARTS, `.tmp-${job.part.slice(0, 120)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(temp, { recursive: true });
  return temp;
}

/**
 * Puts a written part in place, unless another worker did first.
 * @param temp the temporary folder
 * @param job the job
 * @param info what job.json says (written last, so a part with job.json is whole)
 * @returns `written`, or `exists` when the part was already there (this copy is removed)
 */
export async function commitPart(temp: string, job: JobPayload, info: PartInfo): Promise<'written' | 'exists'> {
  await writeFileAtomic(path.join(temp, 'job.json'), `${JSON.stringify(info, null, 2)}\n`);
  try {
    await rename(temp, partFolder(job));
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await rm(temp, { recursive: true, force: true });
    // rename(2) never replaces a folder that holds files: the first copy stays.
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return 'exists';
    throw error;
  }
}

/**
 * Reads job.json of a part in place.
 * @param folder the part
 * @returns what it says
 */
export async function readPartInfo(folder: string): Promise<PartInfo> {
  return JSON.parse(await readFile(path.join(folder, 'job.json'), 'utf8')) as PartInfo;
}

/**
 * Who is writing: host and process, for job.json and the logs.
 * @returns `host:pid`
 */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** Reads a UTF-8 file line by line on demand (the merge reads several files of a part in step). */
export class LineReader {
  readonly #chunks: AsyncIterator<Buffer>;
  /** The start of a line not ended yet, in pieces (a page's text may be many megabytes long). */
  #carry: Buffer[] = [];
  #chunk: Buffer = Buffer.alloc(0);
  #at = 0;
  #done = false;

  /** @param file the file (missing: no lines) */
  constructor(file: string) {
    // Large reads, and each line decoded once from bytes: the merge reads every part through here.
    const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
    // A missing file reads as empty: the caller checks the part is whole (job.json) first.
    stream.on('error', () => undefined);
    this.#chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** @returns the next line (without its newline), or undefined at the end */
  async next(): Promise<string | undefined> {
    for (;;) {
      const nl = this.#chunk.indexOf(0x0a, this.#at);
      if (nl !== -1) {
        const start = this.#at;
        this.#at = nl + 1;
        if (this.#carry.length === 0) return this.#chunk.toString('utf8', start, nl);
        const line = Buffer.concat([...this.#carry, this.#chunk.subarray(start, nl)]).toString('utf8');
        this.#carry = [];
        return line;
      }
      if (this.#at < this.#chunk.length) this.#carry.push(this.#chunk.subarray(this.#at));
      if (this.#done) break;
      let read: IteratorResult<Buffer>;
      try {
        read = await this.#chunks.next();
      } catch {
        read = { done: true, value: undefined };
      }
      this.#chunk = read.done === true ? Buffer.alloc(0) : read.value;
      this.#at = 0;
      this.#done = read.done === true;
    }
    if (this.#carry.length === 0) return undefined;
    const last = Buffer.concat(this.#carry).toString('utf8');
    this.#carry = [];
    return last.length === 0 ? undefined : last;
  }
}
