/**
 * What a task answers for one article: the text to write, the diagnostics, the record counts.
 * Light (no pipeline), so the run's main thread can build outcomes of its own.
 */
import type { ArticleRecord, Diagnostic } from '../types/index.js';
import { serialiseArticle, type EnvelopeStyle } from '../write/envelope.js';

/** What every task of a run shares (sent once to each worker). */
export interface TaskSettings {
  format?: 'wikitext' | 'surfdoc';
  parser: 'targeted' | 'full';
  /** How envelopes are written (a task may say otherwise: dumps write JSON Lines). */
  style: EnvelopeStyle;
  /** Also send the envelope object back (in-process runs that collect articles). */
  keepArticle: boolean;
}

/** How many records of each kind an article has. */
export interface RecordCounts {
  infoboxes: number;
  standings: number;
  matchGrids: number;
  tables: number;
  brackets: number;
  ties: number;
  matches: number;
  teams: number;
}

/** What a task answers. */
export interface Outcome {
  title: string;
  pageId?: string;
  /** The envelope as it is written (per the run's style). */
  json: string;
  diagnostics: Diagnostic[];
  records: RecordCounts;
  article?: ArticleRecord;
  /**
   * The pages the article's teams link to, when it has a finding about team identity that the
   * wiki's redirects could settle (two links for one team, a team not found among the qualified):
   * a dump run reads it again at the end with the redirects between these titles.
   */
  links?: string[];
}

/** Findings that a redirect between two of the article's links could change. */
const IDENTITY_CODES: ReadonlySet<string> = new Set(['check/team-link-conflict', 'check/team-link-variant', 'check/team-not-qualified']);

/**
 * The outcome of an envelope built elsewhere (a page that ran out of budget).
 * @param article the envelope
 * @param settings the run's settings
 * @returns what to write and count
 */
export function outcomeOf(article: ArticleRecord, settings: TaskSettings): Outcome {
  return {
    title: article.source.title,
    ...(article.source.pageId === undefined ? {} : { pageId: article.source.pageId }),
    json: serialiseArticle(article, settings.style),
    diagnostics: article.diagnostics,
    records: countRecords(article),
    ...(settings.keepArticle ? { article } : {}),
    ...(article.diagnostics.some((d) => IDENTITY_CODES.has(d.code)) ? { links: [...new Set(article.teams.flatMap((t) => t.links))] } : {}),
  };
}

/**
 * Counts an article's records by kind.
 * @param article the envelope
 * @returns the counts
 */
export function countRecords(article: ArticleRecord): RecordCounts {
  return {
    infoboxes: article.infoboxes.length,
    standings: article.standings.length,
    matchGrids: article.matchGrids.length,
    tables: article.tables.length,
    brackets: article.brackets.length,
    ties: article.ties.length,
    matches: article.matches.length,
    teams: article.teams.length,
  };
}
