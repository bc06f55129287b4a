/**
 * Diagnostic rows: one per diagnostic of an article, and one per finding about an input that
 * belongs to no article (a malformed dump page), with `article` null.
 */
import type { Diagnostic, DiagnosticRow } from '../types/index.js';
import { orNull, positionOf, type ArticleContext } from './context.js';

/**
 * The row of one diagnostic.
 * @param d the diagnostic
 * @param context the article's columns, or undefined for a finding about the input itself
 * @returns the row
 */
export function diagnosticRow(d: Diagnostic, context: ArticleContext | undefined): DiagnosticRow {
  return {
    article: context?.article ?? null,
    pageId: context?.pageId ?? null,
    recordId: orNull(d.recordId),
    code: d.code,
    severity: d.severity,
    stage: d.stage,
    message: d.message,
    param: orNull(d.param),
    declared: d.declared === undefined ? null : String(d.declared),
    computed: d.computed === undefined ? null : String(d.computed),
    related: d.related?.length ?? 0,
    fixes: d.fix?.length ?? 0,
    reason: orNull(d.reason),
    page: orNull(d.page),
    file: d.file,
    ...positionOf(d.span),
  };
}
