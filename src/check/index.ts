/**
 * Stage 5, check: cross-checks between records of one article. Takes the extracted records,
 * returns nothing, reports diagnostics.
 * Emits: every `check/…` code (see standings-vs-matches.ts, table-rules.ts, bracket-consistency.ts, team-identity.ts).
 */
import type { Extracted } from '../extract/index.js';
import type { StageContext } from '../types/index.js';
import { checkKnockouts } from './bracket-consistency.js';
import { checkStandingsAgainstMatches } from './standings-vs-matches.js';
import { checkTableRules } from './table-rules.js';
import { checkTeamIdentity, type IdentityOptions } from './team-identity.js';

/** What the checks may use beyond the article: a redirect map of the same wiki. */
export type CheckOptions = IdentityOptions;

/**
 * Runs every cross-check of an article.
 * @param records the article's records
 * @param context diagnostics sink
 * @param options a redirect map (title → target), when the input has one
 */
export function checkRecords(records: Extracted, context: StageContext, options: CheckOptions = {}): void {
  for (const table of records.standings) {
    checkTableRules(table, context);
    const grid = records.matchGrids.find((g) => g.id === table.matchGridId);
    if (grid !== undefined) checkStandingsAgainstMatches(table, grid, context);
  }
  checkKnockouts(records, context);
  checkTeamIdentity(records, context, options);
}
