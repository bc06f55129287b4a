/**
 * Every row one article envelope gives, table by table. Reads the finished envelope only (never
 * the syntax tree), so a previous run's output gives the same rows as the pipeline.
 */
import type { ArticleRecord, ArticleRow, DiagnosticRow, MatchRow, StandingsRow, TeamEntity, TeamRow, TieRow } from '../types/index.js';
import { contextOf } from './context.js';
import { diagnosticRow } from './diagnostic-rows.js';
import { mergeMatches } from './match-merge.js';
import { bracketMatches, boxMatch, gridMatches, tieMatches, type MatchDraft } from './match-sources.js';
import { standingsRows } from './standings-rows.js';
import { teamRow } from './team-rows.js';
import { bracketTieRows, tieRow } from './tie-rows.js';

/** The rows of one article. */
export interface ArticleRows {
  /** Its row of the articles table (duplicates are filled in later). */
  article: ArticleRow;
  matches: MatchRow[];
  standings: StandingsRow[];
  teams: TeamRow[];
  ties: TieRow[];
  diagnostics: DiagnosticRow[];
}

/**
 * Turns an article envelope into table rows.
 * @param article the envelope, as `extract` writes it
 * @returns its rows, in record order
 */
export function rowsOfArticle(article: ArticleRecord): ArticleRows {
  const context = contextOf(article);
  const registry = new Map<string, TeamEntity>(article.teams.map((t) => [t.id, t]));
  // Sources in a fixed order: grids, football boxes, ties, brackets (a merged match sits where its winning source is).
  const drafts: MatchDraft[] = [
    ...article.matchGrids.flatMap((g) => gridMatches(g, article, context, registry)),
    ...article.matches.map((m) => boxMatch(m, context)),
    ...article.ties.flatMap((t) => tieMatches(t, context)),
    ...article.brackets.flatMap((b) => bracketMatches(b, context)),
  ];
  const matches = mergeMatches(drafts);
  const standings = article.standings.flatMap((s) => standingsRows(s, article, context, registry));
  const count = (severity: string): number => article.diagnostics.filter((d) => d.severity === severity).length;
  return {
    article: {
      article: context.article,
      pageId: context.pageId,
      revisionId: context.revisionId,
      file: context.file,
      format: article.source.format,
      competition: context.competition,
      season: context.season,
      infoboxes: article.infoboxes.length,
      standingsTables: article.standings.length,
      matchGrids: article.matchGrids.length,
      tables: article.tables.length,
      brackets: article.brackets.length,
      tieRecords: article.ties.length,
      matchBoxes: article.matches.length,
      teams: article.teams.length,
      matchRows: matches.length,
      standingsRows: standings.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      duplicates: [],
    },
    matches,
    standings,
    teams: article.teams.map((t) => teamRow(t, context)),
    ties: [...article.ties.map((t) => tieRow(t, context)), ...article.brackets.flatMap((b) => bracketTieRows(b, context))],
    diagnostics: article.diagnostics.map((d) => diagnosticRow(d, context)),
  };
}
