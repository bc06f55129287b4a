/**
 * What a run counts as it writes: articles, records by kind, diagnostics by severity and code.
 * Plain data, so a checkpoint can carry it and a resumed run goes on counting from it.
 */
import type { Diagnostic } from '../types/index.js';
import type { Outcome, RecordCounts } from './outcome.js';

/** The counts of one input. */
export interface Tally {
  /** Articles written. */
  articles: number;
  /** Articles with at least one record (tables aside). */
  withRecords: number;
  /** Articles that could not be processed (budget, internal failure). */
  failed: number;
  records: RecordCounts;
  diagnostics: { total: number; error: number; warning: number; info: number; byCode: Record<string, number> };
}

/** @returns a tally with every count at zero */
export function emptyTally(): Tally {
  return {
    articles: 0,
    withRecords: 0,
    failed: 0,
    records: { infoboxes: 0, standings: 0, matchGrids: 0, tables: 0, brackets: 0, ties: 0, matches: 0, teams: 0 },
    diagnostics: { total: 0, error: 0, warning: 0, info: 0, byCode: {} },
  };
}

/**
 * Counts one article.
 * @param tally the counts so far (changed)
 * @param outcome the article
 */
export function countOutcome(tally: Tally, outcome: Outcome): void {
  tally.articles += 1;
  const r = outcome.records;
  if (r.infoboxes + r.standings + r.matchGrids + r.brackets + r.ties + r.matches > 0) tally.withRecords += 1;
  if (outcome.diagnostics.some((d) => d.code === 'read/budget' || d.code === 'internal/bug')) tally.failed += 1;
  for (const k of Object.keys(r) as (keyof RecordCounts)[]) tally.records[k] += r[k];
  countDiagnostics(tally, outcome.diagnostics);
}

/**
 * Takes an article back out of the counts (it is replaced by a new outcome).
 * @param tally the counts so far (changed)
 * @param outcome what was counted for it
 */
export function uncountOutcome(tally: Tally, outcome: Pick<Outcome, 'records' | 'diagnostics'>): void {
  tally.articles -= 1;
  const r = outcome.records;
  if (r.infoboxes + r.standings + r.matchGrids + r.brackets + r.ties + r.matches > 0) tally.withRecords -= 1;
  if (outcome.diagnostics.some((d) => d.code === 'read/budget' || d.code === 'internal/bug')) tally.failed -= 1;
  for (const k of Object.keys(r) as (keyof RecordCounts)[]) tally.records[k] -= r[k];
  for (const d of outcome.diagnostics) {
    tally.diagnostics.total -= 1;
    tally.diagnostics[d.severity] -= 1;
    const left = (tally.diagnostics.byCode[d.code] ?? 0) - 1;
    if (left > 0) tally.diagnostics.byCode[d.code] = left;
    else delete tally.diagnostics.byCode[d.code];
  }
}

/**
 * Counts diagnostics.
 * @param tally the counts so far (changed)
 * @param diagnostics what to count
 */
export function countDiagnostics(tally: Tally, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    tally.diagnostics.total += 1;
    tally.diagnostics[d.severity] += 1;
    tally.diagnostics.byCode[d.code] = (tally.diagnostics.byCode[d.code] ?? 0) + 1;
  }
}

/**
 * The tally with its codes in a stable order, as written to summary.json.
 * @param tally the counts
 * @returns the same counts, codes sorted
 */
export function sortedTally(tally: Tally): Tally {
  const byCode = Object.fromEntries(Object.entries(tally.diagnostics.byCode).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ...tally, diagnostics: { ...tally.diagnostics, byCode } };
}
