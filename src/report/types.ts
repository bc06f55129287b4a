/**
 * What the report writers read: finished article envelopes with the text of the file each came
 * from.
 */
import type { ArticleRecord, Diagnostic, Severity } from '../types/index.js';

/** One way to reconcile a table (the `fix` of a diagnostic). */
export type { FixCandidate } from '../types/index.js';

/** A diagnostic as the writers read it (with `fix` and `reason` when present). */
export type ReportDiagnostic = Diagnostic;

/** One article to report on, with the source text its positions point into. */
export interface ReportItem {
  article: ArticleRecord;
  /** The text of `article.source.file` (for a dump page: the page's wikitext). */
  text: string;
  /** Texts of the other pages its findings point into (template pages it transcludes), by dump page title or else file. */
  texts?: ReadonlyMap<string, string>;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Tells whether a severity is at least as severe as a threshold.
 * @param severity the severity of a finding
 * @param min the least severity shown
 * @returns true when the finding is shown
 */
export function atLeastSeverity(severity: Severity, min: Severity): boolean {
  return RANK[severity] <= RANK[min];
}

/**
 * Orders severities from the most to the least severe.
 * @param a one severity
 * @param b another
 * @returns negative when `a` is more severe
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/**
 * The diagnostics of an article, typed with the fields the writers understand.
 * @param article a finished envelope
 * @returns its diagnostics
 */
export function diagnosticsOf(article: ArticleRecord): readonly ReportDiagnostic[] {
  return article.diagnostics as readonly ReportDiagnostic[];
}

/**
 * Counts a noun: "no errors", "1 error", "2 errors".
 * @param n how many
 * @param noun the singular
 * @returns the phrase
 */
export function countOf(n: number, noun: string): string {
  return `${n === 0 ? 'no' : String(n)} ${n === 1 ? noun : `${noun}s`}`;
}
