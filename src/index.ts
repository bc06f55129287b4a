/**
 * wikitally's library API: `extract` one article from text, `run` the whole job over files, and
 * each stage on its own. Records and diagnostics are typed by the generated schema types.
 */
import { CODES } from './diagnostics/codes.js';
import { processDumpPage, processInput } from './pipeline.js';
import { loadInput, readInputs, type InputError, type InputRef } from './read/index.js';
import { readXmlDump, type DumpCounts, type DumpProblem } from './read/xml-dump.js';
import type { ArticleRecord, Diagnostic, InputFormat } from './types/index.js';
import { articleFileName, indexEntry, indexOf, writeArticle, writeArticles, writeIndex, type IndexEntry, type InputIndex } from './write/index.js';

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
export type { IndexEntry, InputIndex } from './write/index.js';
export { processInput, processDumpPage } from './pipeline.js';
export { readXmlDump } from './read/xml-dump.js';
export type { DumpCounts, DumpPage, DumpProblem } from './read/xml-dump.js';

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
  /** Files, folders (recursive), MediaWiki dumps (.xml, .xml.bz2) or `-` for standard input. */
  inputs: string[];
  format?: InputFormat;
  /** Namespaces of dump pages to read: default articles only ([0]); 'all' for every page. */
  namespaces?: number[] | 'all';
  /** Write the envelopes under this folder; nothing is written when absent. */
  outDir?: string;
  /** Called after each input with its articles (none kept when `collect` is false). */
  onInput?: (input: InputResult, done: number, total: number) => void;
  /** Called after each article, for progress through a long dump. */
  onArticle?: (article: ArticleRecord, input: string) => void;
  /** Keep every article in the result (default true); a long run over a dump wants false. */
  collect?: boolean;
}

/** What one input gave. */
export interface InputResult {
  file: string;
  key: string;
  articles: ArticleRecord[];
  /** Input-level diagnostics (a malformed dump or page). */
  diagnostics: Diagnostic[];
  /** For a dump: what its pages were. */
  pages?: DumpCounts;
  /** What index.json says of this input (written there when `outDir` is given). */
  index: InputIndex;
}

/** What {@link run} returns. */
export interface RunResult {
  /** One entry per input read, in input order (articles left out when `collect` is false). */
  inputs: InputResult[];
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
  const keep = options.collect !== false;
  for (const [i, ref] of files.entries()) {
    let done: InputResult;
    if (ref.kind === 'dump') {
      done = await runDump(ref, options);
    } else {
      const loaded = await loadInput(ref);
      if (!('bytes' in loaded)) {
        errors.push(loaded);
        continue;
      }
      const article = processInput(loaded, options.format);
      if (options.outDir !== undefined) await writeArticles(options.outDir, ref.key, ref.file, [article]);
      options.onArticle?.(article, ref.file);
      done = { file: ref.file, key: ref.key, articles: [article], diagnostics: [], index: indexOf(ref.file, [article]) };
    }
    options.onInput?.(done, i + 1, files.length);
    inputs.push(keep ? done : { ...done, articles: [] });
  }
  return { inputs, errors };
}

/** Streams a dump: each page is processed and written before the next is read. */
async function runDump(ref: InputRef, options: RunOptions): Promise<InputResult> {
  const counts: DumpCounts = { pages: 0, articles: 0, redirects: 0, otherNamespaces: 0, malformed: 0 };
  const namespaces = options.namespaces === 'all' ? 'all' : new Set(options.namespaces ?? [0]);
  const entries: IndexEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const articles: ArticleRecord[] = [];
  const names = new Set<string>();
  for await (const item of readXmlDump(ref.path, namespaces, counts)) {
    if ('code' in item) {
      diagnostics.push(dumpDiagnostic(ref.file, item));
      continue;
    }
    const article = processDumpPage(ref.file, item);
    // Titles are unique in a dump, but two may make the same file name ("A/B", "A-B").
    let name = articleFileName(article.source.title);
    if (names.has(name)) name = name.replace(/\.json$/, `~${item.id ?? names.size}.json`);
    names.add(name);
    if (options.outDir !== undefined) await writeArticle(options.outDir, ref.key, name, article);
    entries.push(indexEntry(article, name));
    if (options.collect !== false) articles.push(article);
    options.onArticle?.(article, ref.file);
  }
  const index: InputIndex = { file: ref.file, pages: counts, articles: entries, diagnostics };
  if (options.outDir !== undefined) await writeIndex(options.outDir, ref.key, index);
  return { file: ref.file, key: ref.key, articles, diagnostics, pages: counts, index };
}

function dumpDiagnostic(file: string, problem: DumpProblem): Diagnostic {
  const where = problem.line === undefined ? '' : ` (XML line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`})`;
  return {
    code: problem.code,
    severity: CODES[problem.code].severity,
    message: `${problem.message}${where}`,
    file,
    ...(problem.page === undefined ? {} : { page: problem.page }),
    stage: 'read',
  };
}
