/**
 * The only place stages are chained: read → parse → extract → validate → check, then the
 * per-article envelope. A stage that fails on one article leaves a diagnostic and the rest goes on.
 */
import { createContext } from './diagnostics/diagnostic.js';
import { acknowledgeFindings } from './check/acknowledge.js';
import { checkRecords } from './check/index.js';
import { extractRecords, type Extracted } from './extract/index.js';
import { isReadTemplate } from './extract/template-names.js';
import { parseSource } from './parse/index.js';
import { readSource, type InputFile } from './read/index.js';
import { readWikitext } from './read/wikitext.js';
import type { ArticleRecord, Diagnostic, InputFormat, Source, StageContext } from './types/index.js';
import { validateRecords } from './validate/index.js';

/** Options of the stages. */
export interface PipelineOptions {
  /** `targeted` (default) or `full`: how the parse stage reads each section (see parse/index.ts). */
  parser?: 'targeted' | 'full';
}

/** A page of a dump, as the pipeline needs it. */
export interface DumpPageText {
  title: string;
  id?: string;
  revisionId?: string;
  text: string;
}

/**
 * Runs every stage on one input file.
 * @param input the file and its bytes
 * @param format the format the user forced, if any
 * @param options how the stages run
 * @returns the article envelope, diagnostics included
 */
export function processInput(input: InputFile, format?: InputFormat, options: PipelineOptions = {}): ArticleRecord {
  const context = createContext(input.file);
  const source = guard('read', context, () => readSource(input, format, context));
  return runStages(input.file, source, context, options);
}

/**
 * Runs every stage on one page of a MediaWiki dump; positions are relative to the page's text.
 * @param file the dump file
 * @param page the page, with its latest revision's text
 * @param options how the stages run
 * @returns the article envelope, its diagnostics naming the page
 */
export function processDumpPage(file: string, page: DumpPageText, options: PipelineOptions = {}): ArticleRecord {
  const context = createContext(file, page.title);
  const source = guard('read', context, () => ({
    ...readWikitext(file, page.text),
    title: page.title,
    ...(page.id === undefined ? {} : { pageId: page.id }),
    ...(page.revisionId === undefined ? {} : { revisionId: page.revisionId }),
  }));
  return runStages(file, source, context, options);
}

function runStages(file: string, source: Source | undefined, context: StageContext, options: PipelineOptions): ArticleRecord {
  const records: Extracted = { infoboxes: [], standings: [], matchGrids: [], tables: [], brackets: [], ties: [], matches: [], teams: [] };
  if (source !== undefined) {
    const parsed = guard('parse', context, () => parseSource(source, context, { wanted: isReadTemplate, mode: options.parser ?? 'targeted' }));
    const extracted = parsed === undefined ? undefined : guard('extract', context, () => extractRecords(parsed, context));
    if (extracted !== undefined) {
      Object.assign(records, extracted);
      guard('validate', context, () => validateRecords(extracted, context));
      guard('check', context, () => checkRecords(extracted, context));
      guard('check', context, () => acknowledgeFindings(source.text, source.locator, context));
    }
  }
  return envelope(file, source, records, context.diagnostics);
}

function envelope(file: string, source: Source | undefined, records: Extracted, diagnostics: Diagnostic[]): ArticleRecord {
  const title = source?.title ?? file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  return {
    source: {
      file,
      format: source?.format ?? 'wikitext',
      title,
      ...(source?.url === undefined ? {} : { url: source.url }),
      ...(source?.licence === undefined ? {} : { licence: source.licence }),
      ...(source?.pageId === undefined ? {} : { pageId: source.pageId }),
      ...(source?.revisionId === undefined ? {} : { revisionId: source.revisionId }),
    },
    infoboxes: records.infoboxes,
    standings: records.standings,
    matchGrids: records.matchGrids,
    tables: records.tables,
    brackets: records.brackets,
    ties: records.ties,
    matches: records.matches,
    teams: records.teams,
    // Stable: file-level first, then by position; equal positions keep the order stages found them.
    diagnostics: [...diagnostics].sort((a, b) => (a.span?.start.offset ?? -1) - (b.span?.start.offset ?? -1)),
  };
}

/** Runs a stage; a throw is a wikitally bug, reported on the article instead of ending the run. */
function guard<T>(stage: Diagnostic['stage'], context: StageContext, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    context.report({
      code: 'internal/bug',
      stage,
      message: `Unexpected failure in the ${stage} stage (${why}), expected none; the article's other stages went on`,
    });
    return undefined;
  }
}
