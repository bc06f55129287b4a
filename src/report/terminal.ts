/**
 * The report `wikitally check` prints: grouped by file, then by table (named by its section path),
 * then the findings outside tables; one line per finding with the parameter as written and the
 * value expected, an excerpt of the source line with a caret under the value, each correction once
 * per table, and a summary per file. Plain text unless colour is asked for.
 */
import { CODES } from '../diagnostics/codes.js';
import type { RelatedPlace, Severity, Span, StandingsRecord } from '../types/index.js';
import { excerptAt, sliceOf } from './excerpt.js';
import { countBySeverity, groupFindings, relatedKey, relatedKind, type Correction, type FindingGroup } from './findings.js';
import { atLeastSeverity, countOf, diagnosticsOf, type ReportDiagnostic, type ReportItem } from './types.js';

/** Options of {@link renderTerminalReport}. */
export interface TerminalReportOptions {
  /** ANSI colour; the CLI passes false for NO_COLOR, --no-color and a stream that is not a TTY. */
  color?: boolean;
  /** Also list the grid cells behind each figure, and every finding of a repeated kind. */
  verbose?: boolean;
  /** The least severity shown (default warning); it also decides what the summary counts. */
  minSeverity?: Severity;
  /** Characters of a source line shown in an excerpt (default 60). */
  width?: number;
}

/** Findings of one kind in one table from this many on are folded into one entry. */
const FOLD_AT = 4;
/** Longest text of a folded finding's subject (the source it points at). */
const SUBJECT_WIDTH = 32;
/** Where folded subjects wrap. */
const LINE_WIDTH = 96;

const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
type Style = keyof typeof SGR;
type Paint = (style: Style, text: string) => string;

const MARK: Readonly<Record<Severity, { icon: string; style: Style }>> = {
  error: { icon: '✗', style: 'red' },
  warning: { icon: '⚠', style: 'yellow' },
  info: { icon: 'ℹ', style: 'cyan' },
};

/**
 * Renders the terminal report for a set of articles.
 * @param items finished articles with the text of their files, in the order to print them
 * @param options colour, verbosity, the least severity and the excerpt width
 * @returns the report, every line ending in a newline
 */
export function renderTerminalReport(items: readonly ReportItem[], options: TerminalReportOptions = {}): string {
  const min = options.minSeverity ?? 'warning';
  const paint: Paint = options.color === true ? (style, text) => `\u001b[${SGR[style]}m${text}\u001b[0m` : (_style, text) => text;
  const context: Context = { paint, min, verbose: options.verbose === true, width: options.width ?? 60 };
  const files = new Map<string, ReportItem[]>();
  for (const item of items) files.set(item.article.source.file, [...(files.get(item.article.source.file) ?? []), item]);
  const out: string[] = [];
  for (const [file, articles] of files) {
    for (const item of articles) out.push(...renderArticle(item, context));
    out.push(summaryLine(file, articles, context), '');
  }
  return out.join('\n');
}

interface Context {
  paint: Paint;
  min: Severity;
  verbose: boolean;
  width: number;
}

function renderArticle({ article, text, texts }: ReportItem, c: Context): string[] {
  const groups = groupFindings(article, c.min);
  if (groups.length === 0) return [];
  const title = article.source.title;
  const out = [c.paint('bold', title === '' ? article.source.file : `${article.source.file} — ${title}`), ''];
  // A finding about a transcluded table points into the template page (its file, or its dump page).
  const self = article.source.pageId === undefined ? article.source.file : article.source.title;
  const textOf = (where: string | undefined): string => (where === undefined || where === self ? text : (texts?.get(where) ?? ''));
  const otherThan = (where: string | undefined): string | undefined => (where === undefined || where === self ? undefined : where);
  for (const group of groups) out.push(...renderGroup(group, textOf, otherThan, c), '');
  return out;
}

/** Where a finding's positions point: its dump page, else its file. */
const whereOf = (d: ReportDiagnostic): string => d.page ?? d.file;

function renderGroup(group: FindingGroup, textOf: (where: string | undefined) => string, otherThan: (where: string | undefined) => string | undefined, c: Context): string[] {
  const first = group.findings[0];
  const text = textOf(first === undefined ? undefined : whereOf(first));
  const where = group.table === undefined ? '' : c.paint('dim', ` (table at line ${group.table.span.start.line})`);
  const out = [`${c.paint('bold', group.title)}${where}`];
  const folded = new Set<ReportDiagnostic>();
  // Each note (where else to look) once, under the first finding that points to it.
  const unseen = new Map(group.notes.map((n) => [relatedKey(n), n]));
  const notesOf = (findings: readonly ReportDiagnostic[]): string[] =>
    findings.flatMap((d) =>
      (d.related ?? []).flatMap((r) => {
        const note = unseen.get(relatedKey(r));
        if (note === undefined) return [];
        unseen.delete(relatedKey(r));
        return [noteLine(note, c)];
      }),
    );
  for (const d of group.findings) {
    if (folded.has(d)) continue;
    const kin = c.verbose || d.declared !== undefined ? [] : group.findings.filter((o) => o.code === d.code && o.severity === d.severity && o.declared === undefined);
    if (kin.length >= FOLD_AT) {
      for (const o of kin) folded.add(o);
      out.push(...renderFold(kin, text, c), ...notesOf(kin));
      continue;
    }
    const own = textOf(whereOf(d));
    out.push(`  ${headline(d, group.table, own, c)}`, ...excerptLines(d.span, own, MARK[d.severity].style, c, otherThan(whereOf(d))));
    if (c.verbose) {
      for (const r of d.related ?? []) if (relatedKind(r) === 'detail') out.push(`      ${c.paint('dim', r.span === undefined ? '' : `${r.span.start.line}:${r.span.start.column} `)}${r.message}`);
    }
    out.push(...notesOf([d]));
  }
  for (const note of unseen.values()) out.push(noteLine(note, c));
  for (const correction of group.corrections) {
    const where = correction.fix?.file ?? (first === undefined ? undefined : whereOf(first));
    out.push(...renderCorrection(correction, textOf(where), otherThan(where), c));
  }
  return out;
}

function noteLine(note: RelatedPlace, c: Context): string {
  return `  ${c.paint('dim', `see ${note.span === undefined ? '' : `${note.span.start.line}:${note.span.start.column} `}`)}${note.message}`;
}

function severityLabel(severity: Severity, c: Context): string {
  const { icon, style } = MARK[severity];
  return c.paint(style, `${icon} ${severity}`);
}

/** The one line of a finding: severity, the parameter as written and what was expected, the code. */
function headline(d: ReportDiagnostic, table: StandingsRecord | undefined, text: string, c: Context): string {
  const parts = [severityLabel(d.severity, c)];
  const written = d.span === undefined ? undefined : sliceOf(text, d.span);
  if (d.param !== undefined && d.declared !== undefined) {
    const expected = d.computed === undefined ? '' : `, expected ${d.computed}`;
    const team = teamOf(d.param, table);
    const figure = `${c.paint('bold', `${d.param} = ${written ?? String(d.declared)}`)}${expected}`;
    parts.push(team === undefined ? figure : `${figure} (${team})`);
    if (team === undefined) parts.push(d.message);
  } else parts.push(d.message);
  if (d.reason !== undefined) parts.push(`acknowledged: ${d.reason}`);
  parts.push(c.paint('dim', d.code));
  return parts.join('  ');
}

/** The team whose figure a parameter sets, by name. */
function teamOf(param: string, table: StandingsRecord | undefined): string | undefined {
  const team = table?.teams.find((t) =>
    [t.wins, t.draws, t.losses, t.goalsFor, t.goalsAgainst, t.matches, t.adjustPoints, t.startPoints].some((f) => f?.param === param),
  );
  return team === undefined ? undefined : (team.name?.text ?? team.code);
}

/** Two lines: the source line cut around the span, and a caret under the span. */
function excerptLines(span: Span | undefined, text: string, style: Style, c: Context, elsewhere?: string): string[] {
  if (span === undefined) return [];
  const e = excerptAt(text, span, c.width);
  if (e === undefined) return [];
  // A place in another page (a transcluded table) is named before its line and column.
  const gutter = `${elsewhere === undefined ? '' : `${elsewhere}:`}${e.line}:${e.column}`;
  const carets = '^'.repeat(Math.max(1, Array.from(e.target).length));
  return [
    `    ${c.paint('dim', `${gutter} │`)} ${e.before}${c.paint(style, e.target)}${e.after}`,
    `    ${c.paint('dim', `${' '.repeat(gutter.length)} │`)} ${' '.repeat(Array.from(e.before).length)}${c.paint(style, carets)}`,
  ];
}

/** Several findings of one kind as one entry: the kind, then where each one is. */
function renderFold(kin: readonly ReportDiagnostic[], text: string, c: Context): string[] {
  const first = kin[0];
  if (first === undefined) return [];
  const description = first.code in CODES ? CODES[first.code as keyof typeof CODES].description : first.message;
  const out = [`  ${severityLabel(first.severity, c)}  ${kin.length} × ${description}  ${c.paint('dim', first.code)}`];
  const subjects = kin.map((d) => {
    const at = d.span === undefined ? '' : c.paint('dim', ` ${d.span.start.line}:${d.span.start.column}`);
    const raw = d.span === undefined ? undefined : sliceOf(text, d.span)?.replace(/\s+/g, ' ').trim();
    const subject = raw === undefined || raw === '' ? d.message : raw;
    const shown = Array.from(subject).length > SUBJECT_WIDTH ? `${Array.from(subject).slice(0, SUBJECT_WIDTH - 1).join('')}…` : subject;
    return { text: `${shown}${at}`, length: Array.from(shown).length + (d.span === undefined ? 0 : ` ${d.span.start.line}:${d.span.start.column}`.length) };
  });
  let line = '';
  let length = 0;
  for (const [i, s] of subjects.entries()) {
    const piece = i < subjects.length - 1 ? `${s.text},` : s.text;
    if (length > 0 && length + 1 + s.length + 1 > LINE_WIDTH - 4) {
      out.push(`    ${line}`);
      line = '';
      length = 0;
    }
    line = length === 0 ? piece : `${line} ${piece}`;
    length += (length === 0 ? 0 : 1) + s.length + 1;
  }
  if (line !== '') out.push(`    ${line}`);
  return out;
}

/** A correction, shown once per table: structured when the diagnostic has `fix`, else its sentence. */
function renderCorrection(correction: Correction, text: string, elsewhere: string | undefined, c: Context): string[] {
  const arrow = c.paint('green', '→');
  const f = correction.fix;
  let line: string;
  if (f === undefined) line = `  ${arrow} ${correction.message}`;
  else {
    const label = f.edit !== undefined ? 'certain correction' : f.candidates === 1 ? 'correction' : `correction ${f.candidate} of ${f.candidates}`;
    const current = f.current === '' ? '(empty)' : f.current;
    line = `  ${arrow} ${label}: ${c.paint('bold', `${f.param} = ${current}`)} → ${c.paint('green', f.proposed)} reconciles the table`;
    if (f.note !== undefined) line += `, but the article's note says why the match is left out: "${f.note.length > 140 ? `${f.note.slice(0, 139)}…` : f.note}"`;
  }
  return [line, ...excerptLines(correction.span, text, 'green', c, elsewhere)];
}

/** "file: 6 errors, 16 warnings; 2 of 10 tables have errors", counting only what is shown. */
function summaryLine(file: string, articles: readonly ReportItem[], c: Context): string {
  const all = articles.flatMap((a) => diagnosticsOf(a.article));
  const counts = countBySeverity(all);
  const parts = [countOf(counts.error, 'error')];
  if (atLeastSeverity('warning', c.min)) parts.push(countOf(counts.warning, 'warning'));
  if (atLeastSeverity('info', c.min)) parts.push(`${counts.info === 0 ? 'no' : counts.info} info`);
  const tables = articles.flatMap((a) => a.article.standings);
  const failing = new Set(
    articles.flatMap((a) => groupFindings(a.article, 'error').flatMap((g) => (g.table === undefined ? [] : [g.table.id]))),
  );
  const tail =
    tables.length === 0
      ? ''
      : failing.size === 0
        ? `; no table has errors`
        : `; ${failing.size} of ${countOf(tables.length, 'table')} ${failing.size === 1 ? 'has' : 'have'} errors`;
  const article = articles.length > 1 ? ` in ${countOf(articles.length, 'article')}` : '';
  return `${c.paint('bold', `${file}:`)} ${parts.join(', ')}${article}${tail}`;
}
