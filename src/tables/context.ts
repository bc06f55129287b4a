/**
 * What every row of an article shares: the article's title, page and revision ids, competition and
 * season (from its season infobox), and the input file; and how spans become line/column columns.
 */
import type { ArticleRecord, Span } from '../types/index.js';

/** The columns every row of one article repeats. */
export interface ArticleContext {
  article: string;
  pageId: string | null;
  revisionId: string | null;
  competition: string | null;
  season: string | null;
  file: string;
}

/** The columns that name a row's article, in the order every table has them. */
export type ContextColumns = Pick<ArticleContext, 'article' | 'pageId' | 'revisionId' | 'competition' | 'season'>;

/**
 * The columns that name a row's article.
 * @param context the article's context
 * @returns article, page and revision id, competition and season
 */
export function contextColumns(context: ArticleContext): ContextColumns {
  return { article: context.article, pageId: context.pageId, revisionId: context.revisionId, competition: context.competition, season: context.season };
}

/** The position columns of a row. */
export interface PositionColumns {
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
}

/**
 * The context of an article's rows.
 * @param article the envelope
 * @returns title, ids, competition, season and file
 */
export function contextOf(article: ArticleRecord): ArticleContext {
  const season = article.infoboxes.find((i) => i.season !== undefined)?.season;
  return {
    article: article.source.title,
    pageId: article.source.pageId ?? null,
    revisionId: article.source.revisionId ?? null,
    competition: season?.competition ?? null,
    season: season?.season ?? null,
    file: article.source.file,
  };
}

/**
 * A span as line/column columns (all null when the output was written without spans).
 * @param span the span, if any
 * @returns the four columns
 */
export function positionOf(span: Span | undefined): PositionColumns {
  if (span === undefined) return { line: null, column: null, endLine: null, endColumn: null };
  return { line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

/**
 * A value or null (rows keep every column; missing is null, never zero).
 * @param value the value
 * @returns the value, or null when undefined
 */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}
