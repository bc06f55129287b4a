/**
 * Diagnostics as text for people: `file:line:col severity code message`, related places indented.
 */
import type { Diagnostic } from '../types/index.js';

/**
 * Formats one diagnostic.
 * @param d the diagnostic
 * @param withRelated also print the related places, one per line
 * @returns one or more lines, without a final newline
 */
export function formatDiagnostic(d: Diagnostic, withRelated = true): string {
  const where = d.span === undefined ? d.file : `${d.file}:${d.span.start.line}:${d.span.start.column}`;
  const page = d.page === undefined ? '' : ` [${d.page}]`;
  const head = `${where}${page} ${d.severity} ${d.code} ${d.message}`;
  if (!withRelated || d.related === undefined) return head;
  return [head, ...d.related.map((r) => `    ${r.span === undefined ? '' : `${r.span.start.line}:${r.span.start.column} `}${r.message}`)].join('\n');
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Tells whether a diagnostic is at least as severe as a threshold.
 * @param d the diagnostic
 * @param min the least severity to keep
 * @returns true when it should be shown
 */
export function atLeast(d: Diagnostic, min: Diagnostic['severity']): boolean {
  return RANK[d.severity] <= RANK[min];
}
