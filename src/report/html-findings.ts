/**
 * The findings and corrections of one group of the HTML report: each finding with its severity in
 * words and icon, the parameter as written, the message and an excerpt of the source line with the
 * value marked; each correction once, with a button that shows its grid cell.
 */
import type { Span, StandingsRecord } from '../types/index.js';
import { excerptAt, sliceOf } from './excerpt.js';
import { relatedKind, type Correction } from './findings.js';
import { escapeHtml } from './html-escape.js';
import type { ReportDiagnostic } from './types.js';

/** What the group renderers share about the article being drawn. */
export interface ArticleView {
  /** Prefix of every id in the article (`a1`). */
  id: string;
  text: string;
  /** A stable id for each diagnostic of the article. */
  findingId: (d: ReportDiagnostic) => string;
  /** The id of the grid cell at a source offset, when there is one. */
  cellAt: (offset: number) => string | undefined;
}

/** Icon and word for each severity: the meaning never rests on colour alone. */
export const SEVERITY_LABEL = { error: '✗ Error', warning: '⚠ Warning', info: 'ℹ Info' } as const;

/** Characters of a source line shown in an excerpt. */
const EXCERPT_WIDTH = 90;

/**
 * An excerpt of the source line around a span, with the span marked.
 * @param text the file text
 * @param span the span
 * @returns a `<pre>` element, or an empty string when the span is outside the text
 */
export function renderExcerpt(text: string, span: Span | undefined): string {
  if (span === undefined) return '';
  const e = excerptAt(text, span, EXCERPT_WIDTH);
  if (e === undefined) return '';
  const target = e.target === '' ? '<mark aria-label="here">▏</mark>' : `<mark>${escapeHtml(e.target)}</mark>`;
  return `<pre class="excerpt"><code><span class="where">${e.line}:${e.column}</span> ${escapeHtml(e.before)}${target}${escapeHtml(e.after)}</code></pre>`;
}

function where(span: Span | undefined): string {
  return span === undefined ? '' : ` <span class="where">line ${span.start.line}, column ${span.start.column}</span>`;
}

/** The team that a figure parameter belongs to, by name. */
function teamName(param: string, table: StandingsRecord | undefined): string | undefined {
  const team = table?.teams.find((t) => [t.wins, t.draws, t.losses, t.goalsFor, t.goalsAgainst, t.matches, t.adjustPoints, t.startPoints].some((f) => f?.param === param));
  return team === undefined ? undefined : (team.name?.text ?? team.code);
}

/**
 * The list of a group's findings.
 * @param findings the findings, most severe first
 * @param table the table they belong to, if any
 * @param view the article being drawn
 * @param cellsOf the grid cells behind a finding's figure, as element ids
 * @returns a `<ul>` element, or an empty string for no findings
 */
export function renderFindings(findings: readonly ReportDiagnostic[], table: StandingsRecord | undefined, view: ArticleView, cellsOf: (d: ReportDiagnostic) => string[]): string {
  if (findings.length === 0) return '';
  const items = findings.map((d) => {
    const written = d.span === undefined ? undefined : sliceOf(view.text, d.span);
    let head = `<span class="sev sev-${d.severity}">${SEVERITY_LABEL[d.severity]}</span>`;
    if (d.param !== undefined && d.declared !== undefined) {
      const team = teamName(d.param, table);
      head += ` <code class="written">${escapeHtml(`${d.param} = ${written ?? String(d.declared)}`)}</code>`;
      if (d.computed !== undefined) head += ` expected ${escapeHtml(String(d.computed))}`;
      if (team !== undefined) head += ` (${escapeHtml(team)})`;
    }
    head += `${where(d.span)} <code class="code">${escapeHtml(d.code)}</code>`;
    const cells = cellsOf(d);
    const show =
      cells.length === 0
        ? ''
        : ` <button type="button" data-cells="${cells.join(' ')}" data-say="${escapeHtml(d.param ?? d.code)}" aria-pressed="false">Show ${cells.length === 1 ? 'its grid cell' : `its ${cells.length} grid cells`}</button>`;
    const reason = d.reason === undefined ? '' : `<p><strong>Acknowledged:</strong> ${escapeHtml(d.reason)}</p>`;
    const notes = (d.related ?? []).filter((r) => relatedKind(r) === 'note').map((r) => `<p class="meta">See${where(r.span)}: ${escapeHtml(r.message)}</p>`);
    return `<li class="finding" id="${view.findingId(d)}" data-severity="${d.severity}"><p>${head}${show}</p><p class="msg">${escapeHtml(d.message)}</p>${reason}${notes.join('')}${renderExcerpt(view.text, d.span)}</li>`;
  });
  return `<h4>Findings</h4><ul class="findings">${items.join('')}</ul>`;
}

/**
 * The corrections of a group, each once however many findings they explain.
 * @param corrections the corrections (structured or sentences)
 * @param view the article being drawn
 * @returns the HTML, or an empty string when there is none
 */
export function renderCorrections(corrections: readonly Correction[], view: ArticleView): string {
  const out: string[] = [];
  if (corrections.length > 0) {
    const items = corrections.map((c) => {
      const f = c.fix;
      const label =
        f === undefined
          ? escapeHtml(c.message)
          : `<strong>${f.edit !== undefined ? 'Certain correction' : f.candidates === 1 ? 'Correction' : `Candidate ${f.candidate} of ${f.candidates}`}:</strong> <code class="written">${escapeHtml(f.param)} = ${escapeHtml(f.current === '' ? '(empty)' : f.current)}</code> → <code class="proposal">${escapeHtml(f.proposed)}</code>`;
      const cell = c.span === undefined ? undefined : view.cellAt(c.span.start.offset);
      const show = cell === undefined ? '' : ` <button type="button" data-cells="${cell}" data-say="${escapeHtml(f?.param ?? 'correction')}" aria-pressed="false">Show in the grid</button>`;
      return `<li><p>✎ ${label}${where(c.span)}${show}</p>${renderExcerpt(view.text, c.span)}</li>`;
    });
    out.push(`<h4>${corrections.length === 1 ? 'Candidate correction' : 'Candidate corrections'}</h4><ul class="fixes">${items.join('')}</ul>`);
  }
  return out.join('');
}
