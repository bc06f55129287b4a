/**
 * `wikitally tables`: article envelopes → flat tables (articles, matches, standings, teams, ties,
 * diagnostics) as CSV, JSON Lines, Parquet or one DuckDB database, each table described by
 * schemas/tables/<table>.schema.json. Envelopes come from the pipeline (articles, folders, dumps,
 * run through `run()`) or from a previous run's output, read as it is. One article is written once:
 * a copy with the page id or title of an article already read (the same article in two forms, or
 * in two runs' outputs) gives no rows, and the articles table lists it under `duplicates`.
 * Reads finished envelopes only; emits no diagnostics of its own.
 */
import { runJob } from '../run/index.js';
import type { ArticleRecord, InputFormat } from '../types/index.js';
import { describeWriteError } from '../write/atomic.js';
import { ArticleSet, type Duplicate } from './article-set.js';
import { TABLE_NAMES, type TableName } from './columns.js';
import { convertTables } from './duckdb.js';
import { classifyInputs, inputDiagnostics, readEnvelopes, type TablesInput, type TablesInputError } from './inputs.js';
import { TableSink, type TablesFormat } from './sink.js';

export type { TablesFormat } from './sink.js';
export type { TableName } from './columns.js';
export type { Duplicate } from './article-set.js';

/** Options of {@link writeTables}. */
export interface TablesOptions {
  /** Articles, folders, dumps, `-`, or a previous run's output (.json envelopes, articles.jsonl[.gz], or a folder of them). */
  inputs: string[];
  /** The output folder. */
  outDir: string;
  /** csv (default), jsonl, parquet, or duckdb (one database, DIR/wikitally.duckdb). */
  format?: TablesFormat;
  /** Read every article input as this format instead of guessing from its name. */
  inputFormat?: InputFormat;
  /** Dump namespaces to read (default articles only). */
  namespaces?: number[] | 'all';
  /** Worker threads of the pipeline (default: one per core; 0: this thread). */
  jobs?: number;
  /** Called for each article given again, whose rows are not written. */
  onDuplicate?: (duplicate: Duplicate) => void;
}

/** What {@link writeTables} did. */
export interface TablesResult {
  /** Rows written per table. */
  rows: Record<TableName, number>;
  /** Files written, relative to the output folder. */
  files: string[];
  duplicates: Duplicate[];
  /** Inputs that could not be read (the others were). */
  errors: TablesInputError[];
  /** Why the output could not be written, when it could not. */
  outputFailure?: string;
}

/** Reads one previous output file into the set; returns why it could not be read, if it could not. */
async function readOutput(input: Extract<TablesInput, { kind: 'envelopes' }>, set: ArticleSet): Promise<TablesInputError | undefined> {
  const ofArticles = new Map<string, number>();
  try {
    for await (const article of readEnvelopes(input)) {
      for (const d of article.diagnostics) {
        const key = JSON.stringify(d);
        ofArticles.set(key, (ofArticles.get(key) ?? 0) + 1);
      }
      set.add(article);
    }
    if (input.diagnostics !== undefined) set.addInputFindings(await inputDiagnostics(input.diagnostics, input.gzip, ofArticles));
    set.endInput();
  } catch (error) {
    return { file: input.file, message: error instanceof SyntaxError ? `not JSON (${error.message})` : (error as Error).message };
  }
  return undefined;
}

/**
 * Writes the tables of every input.
 * @param options inputs, output folder and format
 * @returns rows and files written, duplicates, unreadable inputs, and an output failure if any
 */
export async function writeTables(options: TablesOptions): Promise<TablesResult> {
  const format = options.format ?? 'csv';
  const { inputs, errors } = await classifyInputs(options.inputs);
  const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  let sink: TableSink;
  try {
    sink = await TableSink.open(options.outDir, format);
  } catch (error) {
    return { rows: empty, files: [], duplicates: [], errors, outputFailure: describeWriteError(error) };
  }
  const set = new ArticleSet(sink, options.onDuplicate);
  try {
    // Consecutive pipeline inputs share one run (one worker pool).
    for (let i = 0; i < inputs.length; ) {
      const input = inputs[i];
      if (input === undefined) break;
      if (input.kind === 'envelopes') {
        const error = await readOutput(input, set);
        if (error !== undefined) errors.push(error);
        i++;
        continue;
      }
      const batch: string[] = [];
      for (let next = inputs[i]; next?.kind === 'pipeline'; next = inputs[++i]) batch.push(next.input);
      const result = await runJob({
        inputs: batch,
        ...(options.inputFormat === undefined ? {} : { format: options.inputFormat }),
        ...(options.namespaces === undefined ? {} : { namespaces: options.namespaces }),
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        collect: false,
        onArticle: (outcome) => set.add(JSON.parse(outcome.json) as ArticleRecord),
        onDiagnostics: (ds) => set.addInputFindings(ds),
        onInput: () => set.endInput(),
      });
      errors.push(...result.errors);
    }
    set.finish();
  } catch (error) {
    await sink.abort();
    // A table file that cannot be written is an output failure; anything else is a bug.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    return { rows: set.rows, files: [], duplicates: set.duplicates, errors, outputFailure: describeWriteError(error) };
  }
  try {
    const files = await sink.close(convertTables);
    return { rows: set.rows, files, duplicates: set.duplicates, errors };
  } catch (error) {
    return { rows: set.rows, files: [], duplicates: set.duplicates, errors, outputFailure: error instanceof Error && !('code' in error) ? error.message : describeWriteError(error) };
  }
}
