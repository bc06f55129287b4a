/**
 * The only place stages are chained: read → parse → extract → validate → check, then the
 * per-article envelope. A stage that fails on one article leaves a diagnostic and the rest goes on.
 */
import { createContext } from './diagnostics/diagnostic.js';
import { acknowledgeFindings } from './check/acknowledge.js';
import { checkRecords } from './check/index.js';
import { extractRecords, linkRecords, RecordIds, type Extracted } from './extract/index.js';
import { isReadTemplate, templateKind } from './extract/template-names.js';
import { parseSource, withParentArgs, type Parsed } from './parse/index.js';
import { readSource, type InputFile } from './read/index.js';
import { tableTransclusions, transcludedSource, transclusionKey, type TemplatePage } from './read/transclusion.js';
import { readWikitext } from './read/wikitext.js';
import type { ArticleRecord, Diagnostic, InputFormat, Origin, Source, Span, StageContext } from './types/index.js';
import { validateRecords } from './validate/index.js';

/** Options of the stages. */
export interface PipelineOptions {
  /** `targeted` (default) or `full`: how the parse stage reads each section (see parse/index.ts). */
  parser?: 'targeted' | 'full';
  /** Pages the article may transclude (template pages among the inputs): their tables are read as if inline. */
  templates?: readonly TemplatePage[];
  /** Redirects of the same wiki (title → target), to join team names. */
  redirects?: ReadonlyMap<string, string>;
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
    const library = new Map((options.templates ?? []).map((t) => [transclusionKey(t.title), t]));
    const transcludes = (rawName: string, isInvoke: boolean): boolean => !isInvoke && library.has(transclusionKey(rawName));
    const wanted = (rawName: string, isInvoke: boolean): boolean => isReadTemplate(rawName, isInvoke) || transcludes(rawName, isInvoke);
    const mode = options.parser ?? 'targeted';
    const parsed = guard('parse', context, () => parseSource(source, context, { wanted, mode }));
    const ids = new RecordIds();
    const extracted = parsed === undefined ? undefined : guard('extract', context, () => extractRecords(parsed, context, { ids, link: false }));
    if (parsed !== undefined && extracted !== undefined) {
      const origins = new WeakMap<Span, TemplatePage>();
      for (const view of parsed.templates) {
        const page = transcludes(view.rawName, view.isInvoke) ? library.get(transclusionKey(view.rawName)) : undefined;
        if (page === undefined) continue;
        guard('extract', context, () => mergeTranscluded(extracted, page, view, ids, mode, origins, context));
      }
      guard('extract', context, () => linkRecords(extracted, context, options.redirects === undefined ? {} : { redirects: options.redirects }));
      // After linking, which puts the article's team list in place.
      Object.assign(records, extracted);
      guard('validate', context, () => validateRecords(extracted, context));
      guard('check', context, () => checkRecords(extracted, context, options.redirects === undefined ? {} : { redirects: options.redirects }));
      guard('check', context, () => acknowledgeFindings(source.text, source.locator, context));
      attributeToPages(context.diagnostics, origins, file);
      reportUnresolved(source, extracted, library, context);
    }
  }
  return envelope(file, source, records, context.diagnostics);
}

/**
 * Reads a transcluded page as the call transcludes it (its positions its own file's), and adds its
 * records to the article's, in the section of the call, as if they were written there.
 */
function mergeTranscluded(
  into: Extracted,
  page: TemplatePage,
  call: Parsed['templates'][number],
  ids: RecordIds,
  mode: 'targeted' | 'full',
  origins: WeakMap<Span, TemplatePage>,
  context: StageContext,
): void {
  const args = new Map(call.params.map((p) => [p.name, p.raw]));
  const source = transcludedSource(page, args);
  // Every span made in the page's coordinates is remembered, so findings can name the page's file.
  const span = source.locator.span.bind(source.locator);
  source.locator.span = (start: number, end: number): Span => {
    const made = span(start, end);
    origins.set(made, page);
    return made;
  };
  const own = createContext(page.file, page.page);
  const parsed = parseSource(source, own, { wanted: isReadTemplate, mode });
  const placed: Parsed = {
    source: parsed.source,
    // Module:Sports table reads the wrapper's arguments first (getArgs parentFirst): a caller's
    // `gf_AAA=` or `showteam=` applies even when the page does not pass it on with {{{…}}}.
    templates: parsed.templates.map((t) => ({
      ...(templateKind(t.rawName, t.isInvoke) === 'sports-table' ? withParentArgs(t, call.params) : t),
      section: [...call.section, ...t.section],
    })),
    tables: parsed.tables.map((t) => ({ ...t, section: [...call.section, ...t.section] })),
  };
  const extracted = extractRecords(placed, own, { ids, link: false });
  const origin = { file: page.file, title: page.title, ...(page.page === undefined ? {} : { page: page.page }) };
  for (const key of ['infoboxes', 'standings', 'matchGrids', 'tables', 'brackets', 'ties', 'matches'] as const) {
    for (const record of extracted[key]) setOrigin(record, origin);
    (into[key] as unknown[]).push(...extracted[key]);
  }
  context.diagnostics.push(...own.diagnostics);
}

/**
 * Puts `origin` on a record just after its `span`, where the schema has it (output keys follow the
 * schema's order), keeping the object (records refer to one another).
 */
function setOrigin(record: { span: Span; origin?: Origin }, origin: Origin): void {
  const entries = Object.entries(record);
  const fields = record as unknown as Record<string, unknown>;
  for (const [k] of entries) delete fields[k];
  for (const [k, v] of entries) {
    if (k === 'origin') continue;
    fields[k] = v;
    if (k === 'span') fields.origin = origin;
  }
}

/**
 * A results grid with no table to check it against, in an article that calls a table page the
 * inputs do not hold: the page that would resolve it is named (info).
 */
function reportUnresolved(source: Source, records: Extracted, library: ReadonlyMap<string, TemplatePage>, context: StageContext): void {
  if (records.matchGrids.every((g) => g.standingsId !== undefined)) return;
  for (const call of tableTransclusions(source.wikitext)) {
    if (library.has(transclusionKey(call.name))) continue;
    const name = call.name.replace(/[_\s]+/g, ' ');
    const title = `Template:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    context.report({
      code: 'read/unresolved-transclusion',
      stage: 'read',
      message: `Unexpected \`{{${call.name}}}\` with no page to read it from, expected ${title} among the inputs (a file named ${title.replace(':', '-').replace(/ /g, '_')}.wiki, --templates DIR, or the dump's namespace 10); the grid could not be checked against it`,
      span: source.locator.span(call.start, call.end + 2),
    });
  }
}

/**
 * Findings about a transcluded page's records name that page's file (and dump page); a place they
 * point to in the other file names its file too.
 */
function attributeToPages(diagnostics: Diagnostic[], origins: WeakMap<Span, TemplatePage>, file: string): void {
  for (const d of diagnostics) {
    const page = d.span === undefined ? undefined : origins.get(d.span);
    const own = page === undefined ? { file } : { file: page.file, ...(page.page === undefined ? {} : { page: page.page }) };
    if (page !== undefined) {
      d.file = page.file;
      if (page.page !== undefined) d.page = page.page;
    }
    const elsewhere = (span: Span | undefined): string | undefined => {
      if (span === undefined) return undefined;
      const at = origins.get(span)?.file ?? file;
      return at === own.file ? undefined : at;
    };
    for (const r of d.related ?? []) {
      const other = elsewhere(r.span);
      if (other !== undefined) r.file = other;
    }
    for (const f of d.fix ?? []) {
      const other = elsewhere(f.span);
      if (other !== undefined) f.file = other;
    }
  }
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
