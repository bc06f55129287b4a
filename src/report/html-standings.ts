/**
 * One standings table of the HTML report, drawn as Module:Sports table draws it (Pos, Team, Pld,
 * W, D, L, GF, GA, GD, Pts and the result column) beside its results grid; each figure a finding
 * disagrees with is a button that marks the grid cells feeding it. Then the table's corrections
 * and findings.
 */
import type { Figure, MatchCell, MatchGridRecord, StandingsRecord, StandingsTeam } from '../types/index.js';
import { countBySeverity, relatedKind, type FindingGroup } from './findings.js';
import { renderCorrections, renderFindings, type ArticleView } from './html-findings.js';
import { domId, escapeHtml, shownValue } from './html-escape.js';
import { countOf, type ReportDiagnostic } from './types.js';

/** Gives the class of a result colour registered in the style sheet, when it is a safe colour. */
export type ColourClass = (colour: string | undefined) => string | undefined;

type FigureKey = 'matches' | 'wins' | 'draws' | 'losses' | 'goalsFor' | 'goalsAgainst' | 'adjustPoints' | 'startPoints';

/** The figures a column shows, and what its header stands for. */
const COLUMNS: readonly { head: string; title: string; figures: readonly FigureKey[] }[] = [
  { head: 'Pld', title: 'Played', figures: ['matches'] },
  { head: 'W', title: 'Won', figures: ['wins'] },
  { head: 'D', title: 'Drawn', figures: ['draws'] },
  { head: 'L', title: 'Lost', figures: ['losses'] },
  { head: 'GF', title: 'Goals for', figures: ['goalsFor'] },
  { head: 'GA', title: 'Goals against', figures: ['goalsAgainst'] },
  { head: 'GD', title: 'Goal difference', figures: [] },
  { head: 'Pts', title: 'Points', figures: ['adjustPoints', 'startPoints'] },
];

/** What res_col_header letters stand for, as the module expands them. */
const RESULT_HEADERS: Readonly<Record<string, string>> = {
  Q: 'Qualification',
  R: 'Relegation',
  QR: 'Qualification or relegation',
  P: 'Promotion',
  PR: 'Promotion or relegation',
  PQR: 'Promotion, qualification or relegation',
};

/** Codes whose computed value comes from counting the grid. */
const FROM_GRID = new Set(['check/wins-mismatch', 'check/draws-mismatch', 'check/losses-mismatch', 'check/goals-for-mismatch', 'check/goals-against-mismatch']);

const ICON = { error: '✗', warning: '⚠', info: 'ℹ' } as const;

/**
 * The grid cells behind a finding's figure: the cells its related places name, else every cell
 * of the team in the grid.
 * @param d the finding
 * @param table its table
 * @param grid the table's grid
 * @param view the article being drawn
 * @returns element ids of grid cells
 */
export function cellsBehind(d: ReportDiagnostic, table: StandingsRecord | undefined, grid: MatchGridRecord | undefined, view: ArticleView): string[] {
  if (d.param === undefined || d.declared === undefined || table === undefined || d.recordId !== table.id) return [];
  const named = (d.related ?? []).filter((r) => relatedKind(r) === 'detail' && r.span !== undefined).flatMap((r) => {
    const id = r.span === undefined ? undefined : view.cellAt(r.span.start.offset);
    return id === undefined ? [] : [id];
  });
  if (named.length > 0 || grid === undefined) return [...new Set(named)];
  const team = table.teams.find((t) => figuresOf(t).some((f) => f.param === d.param));
  if (team === undefined) return [];
  const codeOf = (gridCode: string): string => grid.teams.find((t) => t.code === gridCode)?.standingsCode ?? gridCode;
  return grid.cells
    .filter((c) => (c.status === 'played' || c.status === 'walkover') && (codeOf(c.home) === team.code || codeOf(c.away) === team.code))
    .flatMap((c) => view.cellAt(c.span.start.offset) ?? []);
}

function figuresOf(team: StandingsTeam): Figure[] {
  return [team.matches, team.wins, team.draws, team.losses, team.goalsFor, team.goalsAgainst, team.adjustPoints, team.startPoints].filter(
    (f): f is Figure => f !== undefined,
  );
}

/**
 * Draws a table's section: heading, standings beside grid, corrections, findings. A table with no
 * error or warning is folded away under a one-line summary.
 * @param group the table's findings (every severity; the page filters them)
 * @param view the article being drawn
 * @param colourClass registers a result colour
 * @returns a `<section>` element
 */
export function renderTableGroup(group: FindingGroup, view: ArticleView, colourClass: ColourClass): string {
  const { table, grid } = group;
  if (table === undefined) return '';
  const sectionId = `${view.id}-${domId(table.id)}`;
  const counts = countBySeverity(group.findings);
  const marks = new Map<string, ReportDiagnostic>();
  for (const d of group.findings) if (d.param !== undefined && d.declared !== undefined && d.recordId === table.id && !marks.has(d.param)) marks.set(d.param, d);
  const cellsOf = (d: ReportDiagnostic): string[] => cellsBehind(d, table, grid, view);
  const fixes = new Map<number, string>();
  for (const c of group.corrections) if (c.span !== undefined) fixes.set(c.span.start.offset, c.fix?.proposed ?? '');
  const hint =
    marks.size === 0
      ? ''
      : `<p class="hint">${countOf(marks.size, 'figure')} marked ✗ ${marks.size === 1 ? 'is' : 'are'} not what the grid gives; activate one to mark (●) the grid cells behind it.${[...fixes.keys()].some((o) => view.cellAt(o) !== undefined) ? ' ✎ marks a cell whose correction would reconcile the table.' : ''}</p>`;
  const body =
    `${hint}<div class="pair">${renderStandings(table, marks, cellsOf, view, colourClass, group.title)}` +
    `${grid === undefined ? '' : renderGrid(grid, fixes, view, group.title)}</div>` +
    renderCorrections(group.corrections, view) +
    renderFindings(group.findings, table, view, cellsOf);
  const heading = escapeHtml(group.title);
  if (counts.error + counts.warning === 0) {
    return `<section class="table-group" id="${sectionId}" aria-label="${heading}"><details class="ok"><summary><span aria-hidden="true">✓</span> <strong>${heading}</strong> — no errors or warnings</summary>${body}</details></section>`;
  }
  const tally = [counts.error > 0 ? countOf(counts.error, 'error') : '', counts.warning > 0 ? countOf(counts.warning, 'warning') : ''].filter(Boolean).join(', ');
  const icon = counts.error > 0 ? ICON.error : ICON.warning;
  return `<section class="table-group" id="${sectionId}" aria-labelledby="${sectionId}-h"><h3 id="${sectionId}-h"><span aria-hidden="true">${icon}</span> ${heading} <span class="meta">(${tally})</span></h3>${body}</section>`;
}

function renderStandings(
  table: StandingsRecord,
  marks: ReadonlyMap<string, ReportDiagnostic>,
  cellsOf: (d: ReportDiagnostic) => string[],
  view: ArticleView,
  colourClass: ColourClass,
  title: string,
): string {
  const resultHead = table.resultsHeader?.text;
  const hasResults = table.teams.some((t) => t.result !== undefined);
  const head = [
    '<th scope="col"><abbr title="Position">Pos</abbr></th>',
    '<th scope="col">Team</th>',
    ...COLUMNS.map((c) => `<th scope="col"><abbr title="${c.title}">${c.head}</abbr></th>`),
    hasResults ? `<th scope="col">${escapeHtml(RESULT_HEADERS[resultHead ?? ''] ?? resultHead ?? 'Result')}</th>` : '',
  ].join('');
  const rows = table.teams.map((team) => {
    const colour = colourClass(team.result?.colour);
    const status = team.status === undefined || team.status.letters.length === 0 ? '' : ` <span class="status">(${escapeHtml(team.status.letters.join(', '))})</span>`;
    const cells = COLUMNS.map((column) => {
      const figure = column.figures.map((k) => team[k]).find((f): f is Figure => f !== undefined && marks.has(f.param));
      const d = figure === undefined ? undefined : marks.get(figure.param);
      const shown = displayed(team, column.head);
      if (figure === undefined || d === undefined) return `<td class="num">${escapeHtml(shown)}</td>`;
      const value = column.head === 'Pts' ? shown : shownValue(figure.raw);
      const computed = d.computed === undefined ? '' : ` <span class="computed">(${FROM_GRID.has(d.code) ? 'grid' : 'expected'}: ${escapeHtml(String(d.computed))})</span>`;
      const fed = cellsOf(d);
      return (
        `<td class="bad"><button type="button" class="fig" data-severity="${d.severity}" data-param="${escapeHtml(figure.param)}" data-cells="${fed.join(' ')}"` +
        ` data-say="${escapeHtml(`${figure.param} = ${figure.raw}`)}" aria-pressed="false" aria-describedby="${view.findingId(d)}">` +
        `<span aria-hidden="true">${ICON[d.severity]}</span> ${escapeHtml(value)}${computed}</button></td>`
      );
    });
    const result = hasResults ? `<td${colour === undefined ? '' : ` class="${colour}"`}>${escapeHtml(team.result?.text ?? '')}</td>` : '';
    return `<tr><td class="pos${colour === undefined ? '' : ` ${colour}`}">${team.position}</td><th scope="row">${escapeHtml(team.name?.text ?? team.code)}${status}</th>${cells.join('')}${result}</tr>`;
  });
  return (
    `<div class="scroll" tabindex="0" role="region" aria-label="Standings, ${escapeHtml(title)}">` +
    `<table class="standings"><caption>Standings as declared <span class="meta">(line ${table.span.start.line})</span></caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

/** What the module shows in a column: Pld, GD and Pts as it computes them, the rest as declared. */
function displayed(team: StandingsTeam, head: string): string {
  const n = (v: number | undefined): string => (v === undefined ? '' : String(v));
  switch (head) {
    case 'Pld':
      return n(team.displayed.played);
    case 'GD': {
      const gd = team.displayed.goalDifference;
      return gd === undefined ? '' : gd > 0 ? `+${gd}` : gd < 0 ? `−${-gd}` : '0';
    }
    case 'Pts':
      return n(team.displayed.points);
    case 'W':
      return shownValue(team.wins?.raw ?? '');
    case 'D':
      return shownValue(team.draws?.raw ?? '');
    case 'L':
      return shownValue(team.losses?.raw ?? '');
    case 'GF':
      return shownValue(team.goalsFor?.raw ?? '');
    default:
      return shownValue(team.goalsAgainst?.raw ?? '');
  }
}

function renderGrid(grid: MatchGridRecord, fixes: ReadonlyMap<number, string>, view: ArticleView, title: string): string {
  const byPair = new Map<string, MatchCell[]>();
  for (const cell of grid.cells) byPair.set(`${cell.home} ${cell.away}`, [...(byPair.get(`${cell.home} ${cell.away}`) ?? []), cell]);
  const name = (code: string): string => grid.teams.find((t) => t.code === code)?.name?.text ?? code;
  const head = grid.teams.map((t) => `<th scope="col"><abbr title="${escapeHtml(name(t.code))}">${escapeHtml(t.code)}</abbr></th>`).join('');
  const rows = grid.teams.map((home) => {
    const tds = grid.teams.map((away) => {
      if (home.code === away.code) return '<td class="self"><span aria-hidden="true">—</span><span class="visually-hidden">same team</span></td>';
      const cells = byPair.get(`${home.code} ${away.code}`) ?? [];
      if (cells.length === 0) return '<td class="empty"></td>';
      const inner = cells.map((cell) => {
        const id = view.cellAt(cell.span.start.offset) ?? '';
        const proposed = fixes.get(cell.span.start.offset);
        const shown = cell.text === '' ? cell.raw : cell.text;
        const fix = proposed === undefined ? '' : proposed === '' ? ' <span class="proposal" title="candidate correction">✎</span>' : ` <span class="proposal">→ ${escapeHtml(proposed)}?</span>`;
        return `<span class="cell${proposed === undefined ? '' : ' fix'}" id="${id}">${escapeHtml(shown)}${fix}</span>`;
      });
      return `<td>${inner.join('<br>')}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(name(home.code))}</th>${tds.join('')}</tr>`;
  });
  return (
    `<details class="grid-box" open><summary>Results grid <span class="meta">(${countOf(grid.cells.length, 'cell')})</span></summary>` +
    `<div class="scroll" tabindex="0" role="region" aria-label="Results grid, ${escapeHtml(title)}">` +
    `<table class="grid"><caption>Results <span class="meta">(home team in rows)</span></caption>` +
    `<thead><tr><th scope="col"><span class="visually-hidden">Home team</span></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`
  );
}
