/**
 * wikitally's library API: `extract` one article from text, `run` the whole job over files, and
 * each stage on its own. Records and diagnostics are typed by the generated schema types.
 */
import { processInput } from './pipeline.js';
import type { ArticleRecord, InputFormat } from './types/index.js';

export type * from './types/index.js';
export type { InputError, InputFile, InputRef } from './read/index.js';
export { CODES, DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { formatDiagnostic } from './diagnostics/format.js';
export { readInputs, loadInput, readSource, formatOf } from './read/index.js';
export { parseSource, type ParseOptions } from './parse/index.js';
export { extractRecords } from './extract/index.js';
export { validateRecords, validateArticle } from './validate/index.js';
export { checkRecords } from './check/index.js';
export { toJson, serialiseArticle, type EnvelopeStyle } from './write/envelope.js';
export { processInput, processDumpPage, type PipelineOptions } from './pipeline.js';
export { readDump } from './read/dump/pages.js';
export type { DumpCounts, DumpPage, DumpProblem, DumpReadOptions } from './read/dump/types.js';
export { runJob as run, type InputResult, type RunOptions, type RunResult } from './run/index.js';

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** `wikitext` or `surfdoc`; guessed from `file` and the text when absent. */
  format?: InputFormat;
  /** The name to report positions against; default `input.wiki`. */
  file?: string;
  /**
   * Redirects of the wiki, title → target (as a dump writes titles), so that two links of one team
   * to a page and its redirect are one page.
   */
  redirects?: ReadonlyMap<string, string>;
}

/**
 * Extracts one article from text: records, schema validation and cross-checks.
 * @param text the article (wikitext or SurfDoc)
 * @param options format, file name and redirects
 * @returns the article envelope with every record and diagnostic
 */
export function extract(text: string, options: ExtractOptions = {}): ArticleRecord {
  const file = options.file ?? (options.format === 'surfdoc' ? 'input.surf' : 'input.wiki');
  return processInput({ file, key: file, bytes: new TextEncoder().encode(text) }, options.format, options.redirects === undefined ? {} : { redirects: options.redirects });
}
