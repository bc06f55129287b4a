/**
 * The HTML report: one self-contained page (inline style and script, allowed by hash in its
 * Content-Security-Policy; no network, no external assets) showing, per article, each standings
 * table as the module draws it beside its results grid with the disagreeing figures marked and
 * linked to their cells, the candidate corrections, the brackets drawn as brackets, and every
 * finding with an excerpt of its source line; filters by severity and article. The same input
 * always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../types/index.js';
import { countBySeverity, groupFindings, OUTSIDE_TABLES } from './findings.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.js';
import { renderBracket } from './html-bracket.js';
import { escapeHtml, safeColour, domId } from './html-escape.js';
import { renderCorrections, renderFindings, SEVERITY_LABEL, type ArticleView } from './html-findings.js';
import { renderTableGroup, type ColourClass } from './html-standings.js';
import { atLeastSeverity, countOf, diagnosticsOf, type ReportDiagnostic, type ReportItem } from './types.js';

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** The page title (default "wikitally report"). */
  title?: string;
  /** The least severity included in the page (default info: everything; the page filters). */
  minSeverity?: Severity;
  /** Severities whose filter box starts checked (default error and warning). */
  initiallyShown?: readonly Severity[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Renders the report of a set of articles as one HTML document.
 * @param items finished articles with the text of their files, in the order to show them
 * @param options title, least severity, the severities shown at first
 * @returns the HTML document
 */
export function renderHtmlReport(items: readonly ReportItem[], options: HtmlReportOptions = {}): string {
  const min = options.minSeverity ?? 'info';
  const shownAtFirst = new Set(options.initiallyShown ?? ['error', 'warning']);
  const colours: string[] = [];
  const colourClass: ColourClass = (colour) => {
    const safe = safeColour(colour);
    if (safe === undefined) return undefined;
    if (!colours.includes(safe)) colours.push(safe);
    return `res-${colours.indexOf(safe)}`;
  };
  const articles = items.map((item, i) => renderArticle(item, `a${i + 1}`, min, colourClass));
  const all = items.flatMap((i) => diagnosticsOf(i.article).filter((d) => atLeastSeverity(d.severity, min)));
  const counts = countBySeverity(all);
  const css = `${REPORT_CSS}${colours.map((c, i) => `.res-${i} { background: ${c}; }\n`).join('')}`;
  const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const csp = `default-src 'none'; style-src ${hash(css)}; script-src ${hash(REPORT_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = escapeHtml(options.title ?? 'wikitally report');
  const boxes = SEVERITIES.filter((s) => atLeastSeverity(s, min)).map(
    (s) =>
      `<label><input type="checkbox" name="severity" value="${s}"${shownAtFirst.has(s) ? ' checked' : ''}> ${SEVERITY_LABEL[s]} (${counts[s]})</label>`,
  );
  const choices = items.map((item, i) => `<option value="a${i + 1}">${escapeHtml(item.article.source.title || item.article.source.file)}</option>`);
  const tally = [countOf(counts.error, 'error'), countOf(counts.warning, 'warning'), `${counts.info === 0 ? 'no' : counts.info} info`];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${title}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the report</a>',
    `<header><h1>${title}</h1><p class="meta">${countOf(items.length, 'article')}: ${tally.join(', ')}. Figures marked ✗ disagree with the article's own results grid; activate one to mark the grid cells behind it.</p></header>`,
    '<nav aria-label="Filters"><form id="filters">',
    `<fieldset><legend>Show findings</legend>${boxes.join('')}</fieldset>`,
    `<label>Article <select name="article"><option value="">All articles</option>${choices.join('')}</select></label>`,
    '</form></nav>',
    `<main id="main">${articles.join('\n')}</main>`,
    '<p id="announce" class="visually-hidden" aria-live="polite"></p>',
    '<footer><p>Made by wikitally from the article text alone; nothing on this page is loaded from elsewhere.</p></footer>',
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderArticle({ article, text }: ReportItem, id: string, min: Severity, colourClass: ColourClass): string {
  const diagnostics = diagnosticsOf(article);
  const cellIds = new Map<number, string>();
  article.matchGrids.forEach((grid, g) => grid.cells.forEach((cell, c) => cellIds.set(cell.span.start.offset, `${id}-g${g + 1}-c${c + 1}`)));
  const view: ArticleView = {
    id,
    text,
    findingId: (d: ReportDiagnostic) => `${id}-f${diagnostics.indexOf(d) + 1}`,
    cellAt: (offset) => cellIds.get(offset),
  };
  const groups = groupFindings(article, min, true);
  const sections = groups.filter((g) => g.table !== undefined).map((g) => renderTableGroup(g, view, colourClass));
  const brackets = article.brackets.map((b, i) => renderBracket(b, `${id}-b${i + 1}`));
  const outside = groups.find((g) => g.table === undefined);
  const other =
    outside === undefined
      ? ''
      : `<section id="${id}-other" aria-labelledby="${id}-other-h"><h3 id="${id}-other-h">${OUTSIDE_TABLES} <span class="meta">(not in a standings table)</span></h3>` +
        `${renderCorrections(outside.corrections, view)}${renderFindings(outside.findings, undefined, view, () => [])}</section>`;
  const counts = countBySeverity(diagnostics.filter((d) => atLeastSeverity(d.severity, min)));
  const failing = groups.filter((g) => g.table !== undefined && g.findings.some((d) => d.severity === 'error'));
  const toc =
    article.standings.length === 0
      ? '<p class="meta">No standings table.</p>'
      : failing.length === 0
        ? `<p class="meta"><span aria-hidden="true">✓</span> No standings table has an error.</p>`
        : `<p class="meta">${countOf(failing.length, 'table')} of ${article.standings.length} with errors:</p><ul class="toc">${failing
            .map((g) => `<li><a href="#${id}-${domId(g.table?.id ?? '')}">${escapeHtml(g.title)}</a> (${countOf(g.findings.filter((d) => d.severity === 'error').length, 'error')})</li>`)
            .join('')}</ul>`;
  const name = escapeHtml(article.source.title || article.source.file);
  return (
    `<article id="${id}" data-article="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${name}</h2>` +
    `<p class="meta"><code>${escapeHtml(article.source.file)}</code> — ${countOf(counts.error, 'error')}, ${countOf(counts.warning, 'warning')}</p>` +
    `${toc}${sections.join('')}${brackets.join('')}${other}</article>`
  );
}
