/**
 * wikitally's library API: `extract` one article from text, `run` the whole job over files, and
 * each stage on its own. Records and diagnostics are typed by the generated schema types.
 */
import { processInput } from './pipeline.js';
import { loadInput, readInputs, type InputError } from './read/index.js';
import type { ArticleRecord, InputFormat } from './types/index.js';
import { writeArticles } from './write/index.js';

export type * from './types/index.js';
export type { InputError, InputFile, InputRef } from './read/index.js';
export { CODES, DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { formatDiagnostic } from './diagnostics/format.js';
export { readInputs, loadInput, readSource, formatOf } from './read/index.js';
export { parseSource } from './parse/index.js';
export { extractRecords } from './extract/index.js';
export { validateRecords, validateArticle } from './validate/index.js';
export { checkRecords } from './check/index.js';
export { writeArticles, articleFileName, toJson } from './write/index.js';
export { processInput } from './pipeline.js';

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** `wikitext` or `surfdoc`; guessed from `file` and the text when absent. */
  format?: InputFormat;
  /** The name to report positions against; default `input.wiki`. */
  file?: string;
}

/**
 * Extracts one article from text: records, schema validation and cross-checks.
 * @param text the article (wikitext or SurfDoc)
 * @param options format and file name
 * @returns the article envelope with every record and diagnostic
 */
export function extract(text: string, options: ExtractOptions = {}): ArticleRecord {
  const file = options.file ?? (options.format === 'surfdoc' ? 'input.surf' : 'input.wiki');
  return processInput({ file, key: file, bytes: new TextEncoder().encode(text) }, options.format);
}

/** Options of {@link run}. */
export interface RunOptions {
  /** Files, folders (recursive) or `-` for standard input. */
  inputs: string[];
  format?: InputFormat;
  /** Write the envelopes under this folder; nothing is written when absent. */
  outDir?: string;
  /** Called after each input with its articles, e.g. for progress reports. */
  onInput?: (input: { file: string; key: string; articles: ArticleRecord[] }, done: number, total: number) => void;
  /** Keep every article in the result (default true); a long run over a dump wants false. */
  collect?: boolean;
}

/** What {@link run} returns. */
export interface RunResult {
  /** One entry per input read, in input order (empty when `collect` is false). */
  inputs: { file: string; key: string; articles: ArticleRecord[] }[];
  /** Paths that could not be read. */
  errors: InputError[];
}

/**
 * Runs the whole job: read every input, process each article, write when asked.
 * @param options inputs, format and output folder
 * @returns the articles and the unreadable paths
 */
export async function run(options: RunOptions): Promise<RunResult> {
  const { files, errors } = await readInputs(options.inputs);
  const inputs: RunResult['inputs'] = [];
  for (const [i, ref] of files.entries()) {
    const loaded = await loadInput(ref);
    if (!('bytes' in loaded)) {
      errors.push(loaded);
      continue;
    }
    const done = { file: ref.file, key: ref.key, articles: [processInput(loaded, options.format)] };
    if (options.outDir !== undefined) await writeArticles(options.outDir, ref.key, ref.file, done.articles);
    if (options.collect !== false) inputs.push(done);
    options.onInput?.(done, i + 1, files.length);
  }
  return { inputs, errors };
}
