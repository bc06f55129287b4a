/**
 * An article's findings as the reports show them: grouped by standings table (each named by its
 * section path), then the findings outside any table; each table's corrections once, however many
 * findings they explain; the grid cells behind a figure kept apart as details.
 */
import type { ArticleRecord, MatchGridRecord, RelatedPlace, Severity, Span, StandingsRecord } from '../types/index.js';
import { atLeastSeverity, compareSeverity, diagnosticsOf, type FixCandidate, type ReportDiagnostic } from './types.js';

/** A way to reconcile a table: structured (`fix`) or, until every check gives one, a sentence. */
export interface Correction {
  message: string;
  span?: Span;
  fix?: FixCandidate;
}

/** The findings of one table, or (no `table`) those outside any table. */
export interface FindingGroup {
  table?: StandingsRecord;
  grid?: MatchGridRecord;
  /** The section path joined by " › ", or a name for the findings outside tables. */
  title: string;
  findings: ReportDiagnostic[];
  corrections: Correction[];
  /** Other places the findings point to, once each. */
  notes: RelatedPlace[];
}

/** The title of the group of findings that belong to no table. */
export const OUTSIDE_TABLES = 'Other findings';

/** What a related place is to the reader. */
export type RelatedKind = 'detail' | 'correction' | 'note';

/**
 * Sorts a related place: a detail (a grid cell counted, a row filled down: "played:
 * `match_X_Y=1–0`", or a bare "`…`"), shown only on request; a correction (a change that
 * reconciles the table), shown once per table; or a note (where else to look), shown once.
 * @param related the related place
 * @returns its kind
 */
export function relatedKind(related: RelatedPlace): RelatedKind {
  const m = related.message;
  if (m.startsWith('`') && m.indexOf('`', 1) === m.length - 1) return 'detail';
  const colon = m.indexOf(': `');
  // One or two lowercase words before the colon: "played", "filled down".
  if (colon > 0 && colon <= 20 && /^[a-z]+(?: [a-z]+)?$/.test(m.slice(0, colon))) return 'detail';
  return /correction|reconcile/.test(m) ? 'correction' : 'note';
}

/**
 * Names a table for people: its section path, or where it starts when it has none.
 * @param table the standings record
 * @returns e.g. "Regional Stage › Region II › Group B"
 */
export function tableTitle(table: StandingsRecord): string {
  return table.section.length > 0 ? table.section.join(' › ') : `Table at line ${table.span.start.line}`;
}

function within(span: Span | undefined, outer: Span): boolean {
  return span !== undefined && span.start.offset >= outer.start.offset && span.start.offset < outer.end.offset;
}

/**
 * Finds the table a diagnostic is about: by record id (the table or its paired grid), else, for a
 * diagnostic naming no record, by position inside the table or its grid.
 * @param d the diagnostic
 * @param tables the article's standings tables
 * @param grids the article's match grids
 * @returns the table, or undefined
 */
export function tableOf(d: ReportDiagnostic, tables: readonly StandingsRecord[], grids: readonly MatchGridRecord[]): StandingsRecord | undefined {
  if (d.recordId !== undefined) {
    const direct = tables.find((t) => t.id === d.recordId);
    if (direct !== undefined) return direct;
    const grid = grids.find((g) => g.id === d.recordId);
    return grid?.standingsId === undefined ? undefined : tables.find((t) => t.id === grid.standingsId);
  }
  return tables.find((t) => {
    const grid = grids.find((g) => g.id === t.matchGridId);
    return within(d.span, t.span) || (grid !== undefined && within(d.span, grid.span));
  });
}

/**
 * What makes two related places one: the same message at the same place.
 * @param r a related place
 * @returns its key
 */
export function relatedKey(r: RelatedPlace): string {
  return `${r.message} ${r.span?.start.offset ?? ''}`;
}

/**
 * Collects the corrections and notes of a group once each: every `fix` candidate, every related
 * correction that a `fix` does not already say, and every related note.
 * @param findings the group's findings
 * @returns the corrections and the notes, in order of first mention
 */
export function explanationsOf(findings: readonly ReportDiagnostic[]): { corrections: Correction[]; notes: RelatedPlace[] } {
  const seen = new Set<string>();
  const corrections: Correction[] = [];
  const notes: RelatedPlace[] = [];
  for (const d of findings) {
    const fixed = new Set((d.fix ?? []).map((f) => f.span.start.offset));
    for (const f of d.fix ?? []) {
      const key = `fix ${f.param} ${f.span.start.offset} ${f.proposed}`;
      if (seen.has(key)) continue;
      seen.add(key);
      corrections.push({ message: `${f.param}: ${f.current} → ${f.proposed}`, span: f.span, fix: f });
    }
    for (const r of d.related ?? []) {
      const kind = relatedKind(r);
      if (kind === 'detail' || (kind === 'correction' && r.span !== undefined && fixed.has(r.span.start.offset))) continue;
      const key = relatedKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      if (kind === 'note') notes.push(r);
      else corrections.push(r.span === undefined ? { message: r.message } : { message: r.message, span: r.span });
    }
  }
  return { corrections, notes };
}

function byImportance(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return compareSeverity(a.severity, b.severity) || (a.span?.start.offset ?? -1) - (b.span?.start.offset ?? -1);
}

/**
 * Groups an article's diagnostics of at least a severity by table, in table order, then the rest.
 * @param article the finished envelope
 * @param min the least severity shown
 * @param includeEmpty also list tables with no finding shown
 * @returns the groups that have something to show
 */
export function groupFindings(article: ArticleRecord, min: Severity, includeEmpty = false): FindingGroup[] {
  const shown = diagnosticsOf(article).filter((d) => atLeastSeverity(d.severity, min));
  const byTable = new Map<string, ReportDiagnostic[]>();
  const outside: ReportDiagnostic[] = [];
  for (const d of shown) {
    const table = tableOf(d, article.standings, article.matchGrids);
    if (table === undefined) outside.push(d);
    else byTable.set(table.id, [...(byTable.get(table.id) ?? []), d]);
  }
  const groups: FindingGroup[] = [];
  for (const table of article.standings) {
    const findings = (byTable.get(table.id) ?? []).sort(byImportance);
    if (findings.length === 0 && !includeEmpty) continue;
    const grid = article.matchGrids.find((g) => g.id === table.matchGridId);
    groups.push({ table, ...(grid === undefined ? {} : { grid }), title: tableTitle(table), findings, ...explanationsOf(findings) });
  }
  if (outside.length > 0) {
    const findings = outside.sort(byImportance);
    groups.push({ title: OUTSIDE_TABLES, findings, ...explanationsOf(findings) });
  }
  return groups;
}

/**
 * Counts diagnostics by severity.
 * @param diagnostics the diagnostics
 * @returns how many of each severity
 */
export function countBySeverity(diagnostics: readonly ReportDiagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}
