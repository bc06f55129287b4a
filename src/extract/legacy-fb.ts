/**
 * The legacy templates that predate Module:Sports table, read as the same records so the same
 * cross-check runs on them. A table is a run `{{Fb cl header}}`, `{{fb cl2 team}}`…,
 * `{{Fb cl footer}}`; a grid is `{{Fb r2 header|nt=N|col1|…|colN}}`, then per row
 * `{{Fb r2 team|t=…}}` followed by N `{{fb r|gf=|ga=}}` cells in header column order (what the
 * page displays), `r=null` or blank goals for no match.
 * https://en.wikipedia.org/wiki/Template:Fb_cl2_team, https://en.wikipedia.org/wiki/Template:Fb_r
 * Reads: fb cl2 team p, t, w, d, l, gf, ga, dp (deducted points), bp (bonus points), wpts (per
 * row: each row's points use its own, default 3, or 2 for `fb cl2 team 2pts`; no `dpts`/`lpts` is
 * read, since none appears in the sources read, ZackBot's converter included, so a draw is 1 point), and
 * status flags (champion, promoted, qualified, relegated, …); Fb cl footer s, u, orfc;
 * Fb r2 header nt and its columns; Fb r2 team t; fb r gf, ga, r (`r=null`: no fixture).
 * Emits: extract/mixed-win-points, extract/legacy-column-order, extract/not-a-number.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { Figure, MatchCell, MatchGridRecord, PointRules, StageContext, StandingsRecord, StandingsTeam } from '../types/index.js';
import { displayedFigures } from './displayed-figures.js';
import { readBoundedNumber, readFigure, reportTooLarge } from './numbers.js';
import { readScore } from './score.js';
import { teamNameKey } from './team-identity.js';
import { displayTemplateName, normaliseTemplateName } from './template-names.js';
import { opt, valueOf } from './values.js';

const FLAGS: Readonly<Record<string, string>> = {
  champion: 'C', promoted: 'P', qualified: 'Q', playoffwinner: 'O', tournamentqualified: 'T', advances: 'A',
  disqualified: 'D', eliminated: 'E', relegated: 'R', relegationqualified: 'R',
};

/** Legacy records found in one pass over the article's templates. */
export interface LegacyRecords {
  standings: StandingsRecord[];
  grids: MatchGridRecord[];
}

/**
 * Reads every legacy table and grid of an article.
 * @param templates all templates in document order
 * @param ids the next ids to use for standings and grids
 * @param context diagnostics sink
 * @returns the records
 */
export function extractLegacyTables(
  templates: readonly TemplateView[],
  ids: { standings: (section: readonly string[]) => string; grid: (section: readonly string[]) => string },
  context: StageContext,
): LegacyRecords {
  const out: LegacyRecords = { standings: [], grids: [] };
  let table: { header: TemplateView; rows: TemplateView[] } | undefined;
  let grid: { header: TemplateView; rows: { team: TemplateView; cells: TemplateView[] }[] } | undefined;
  const closeTable = (footer?: TemplateView): void => {
    if (table !== undefined) out.standings.push(buildStandings(table.header, table.rows, footer, ids.standings(table.header.section), context));
    table = undefined;
  };
  const closeGrid = (): void => {
    if (grid !== undefined) out.grids.push(buildGrid(grid.header, grid.rows, ids.grid(grid.header.section), context));
    grid = undefined;
  };
  for (const view of templates) {
    if (view.isInvoke) continue;
    const name = normaliseTemplateName(view.rawName);
    if (name === 'fb cl header') {
      closeTable();
      table = { header: view, rows: [] };
    } else if (/^fb cl2? team( 2pts)?$/.test(name)) {
      table?.rows.push(view);
    } else if (name === 'fb cl footer') {
      closeTable(view);
    } else if (/^fb r2? header$/.test(name)) {
      closeGrid();
      grid = { header: view, rows: [] };
    } else if (/^fb r2? team$/.test(name)) {
      grid?.rows.push({ team: view, cells: [] });
    } else if (name === 'fb r') {
      grid?.rows[grid.rows.length - 1]?.cells.push(view);
    } else if (name === 'fb r footer') {
      closeGrid();
    }
  }
  closeTable();
  closeGrid();
  return out;
}

function buildStandings(header: TemplateView, rows: readonly TemplateView[], footer: TemplateView | undefined, id: string, context: StageContext): StandingsRecord {
  const rowRules = rows.map((r) => rowPointRules(r, context));
  const pointRules = commonRules(rowRules);
  reportMixedWinPoints(rows, rowRules, pointRules, context);
  const teams: StandingsTeam[] = [];
  const codes = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const t = row.byName.get('t');
    const name = valueOf(t);
    if (t === undefined || name === undefined) continue;
    // No codes in the legacy templates: the team's name stands in for one (made unique if needed).
    let code = name.text;
    for (let n = 2; codes.has(code); n++) code = `${name.text} (${n})`;
    codes.add(code);
    const figure = (param: string, what: string): Figure | undefined => readFigure(row.byName.get(param), `${what} of ${name.text}`, context);
    const [wins, draws, losses, goalsFor, goalsAgainst] = [figure('w', 'wins'), figure('d', 'draws'), figure('l', 'losses'), figure('gf', 'goals for'), figure('ga', 'goals against')];
    const dp = figure('dp', 'deducted points');
    const bp = figure('bp', 'bonus points');
    // ZackBot's conversion summed dp and bp into adjust_points; dp is written as a positive deduction.
    const adjust = dp === undefined && bp === undefined ? undefined : { ...(dp ?? bp), value: (bp?.value ?? 0) - Math.abs(dp?.value ?? 0) } as Figure;
    const flags = Object.entries(FLAGS).filter(([flag]) => (row.byName.get(flag)?.text ?? '').length > 0);
    const letters = [...new Set(flags.map(([, l]) => l))].sort();
    const flagValue = flags[0] === undefined ? undefined : valueOf(row.byName.get(flags[0][0]));
    const rank = i + 1;
    const own = rowRules[i] ?? pointRules;
    teams.push({
      rank,
      position: readBoundedNumber(row.byName.get('p'), `the position of ${name.text}`, context) ?? rank,
      code,
      codeSpan: t.span,
      name,
      ...opt('link', name.links?.[0]?.target),
      ...opt('wins', wins),
      ...opt('draws', draws),
      ...opt('losses', losses),
      ...opt('goalsFor', goalsFor),
      ...opt('goalsAgainst', goalsAgainst),
      ...opt('adjustPoints', adjust),
      ...(flagValue === undefined ? {} : { status: { value: flagValue, letters } }),
      ...(own.rules.win === pointRules.rules.win ? {} : { pointRules: own.rules }),
      displayed: displayedFigures({ wins, draws, losses, goalsFor, goalsAgainst, adjustPoints: adjust }, own.rules),
    });
  }
  const last = rows[rows.length - 1] ?? header;
  const end = footer ?? last;
  return {
    kind: 'standings',
    id,
    section: header.section,
    span: { start: header.span.start, end: end.span.end },
    template: displayTemplateName(header.rawName, false),
    style: 'WDL',
    pointRules: pointRules.rules,
    ...opt('classRules', valueOf(footer?.byName.get('orfc'))),
    ...opt('sourceNote', valueOf(footer?.byName.get('s'))),
    ...opt('update', valueOf(footer?.byName.get('u'))),
    teams,
  };
}

/** A row's own point rules: `wpts` when given, else its template's default (2 for `fb cl2 team 2pts`, else 3). */
interface RowRules {
  rules: PointRules;
  /** The `wpts` parameter the win points come from, absent when they are the template's default. */
  param?: ParamView | undefined;
}

function rowPointRules(row: TemplateView, context: StageContext): RowRules {
  const param = row.byName.get('wpts');
  const wpts = readBoundedNumber(param, 'the points for a win', context);
  const fallback = normaliseTemplateName(row.rawName).endsWith('2pts') ? 2 : 3;
  return { rules: { win: wpts ?? fallback, draw: 1, loss: 0 }, ...(wpts === undefined ? {} : { param }) };
}

/** The rules most rows use (the first row's on a tie): the table's rules; rows that differ carry their own. */
function commonRules(rows: readonly RowRules[]): RowRules {
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.rules.win, (count.get(r.rules.win) ?? 0) + 1);
  const best = [...count].reduce<[number, number] | undefined>((a, b) => (a === undefined || b[1] > a[1] ? b : a), undefined);
  return rows.find((r) => r.rules.win === best?.[0]) ?? { rules: { win: 3, draw: 1, loss: 0 } };
}

/**
 * Each fb cl2 team row computes its points with its own `wpts` (default 3), so a row that lacks the
 * `wpts=2` of the others shows 3-point wins in a 2-point table; ZackBot refused to convert such tables.
 */
function reportMixedWinPoints(rows: readonly TemplateView[], rowRules: readonly RowRules[], table: RowRules, context: StageContext): void {
  const example = rowRules.find((r) => r.rules.win === table.rules.win && r.param !== undefined);
  for (const [i, r] of rowRules.entries()) {
    const row = rows[i];
    if (row === undefined || r.rules.win === table.rules.win) continue;
    const name = row.byName.get('t')?.text ?? `row ${i + 1}`;
    const how = r.param === undefined ? "no `wpts`: the template's default" : `\`wpts=${r.param.raw}\``;
    context.report({
      code: 'extract/mixed-win-points',
      stage: 'extract',
      message: `Unexpected ${r.rules.win} points for a win in the row of ${name} (${how}), expected ${table.rules.win} like the other rows of this table; the row's points are computed with ${r.rules.win}, as the page shows them`,
      ...(r.param === undefined ? {} : { param: 'wpts' }),
      span: r.param?.span ?? row.span,
      ...(example?.param === undefined ? {} : { related: [{ message: `\`wpts=${example.param.raw}\` in another row`, span: example.param.span }] }),
    });
  }
}

function buildGrid(header: TemplateView, rows: readonly { team: TemplateView; cells: TemplateView[] }[], id: string, context: StageContext): MatchGridRecord {
  const columns = header.params.filter((p) => p.anonymous && p.raw.length > 0);
  const colTeams = columns.map((c, i) => ({ code: c.text || `C${i + 1}`, link: c.links[0]?.target }));
  // Each row team is matched to its column by link target, then by name.
  const rowCodes = rows.map((r) => {
    const v = valueOf(r.team.byName.get('t'));
    const link = v?.links?.[0]?.target;
    const byLink = colTeams.find((c) => link !== undefined && c.link === link);
    const byName = colTeams.find((c) => v !== undefined && teamNameKey(c.link ?? '').startsWith(teamNameKey(v.text)));
    return { value: v, code: (byLink ?? byName)?.code };
  });
  const cells: MatchCell[] = [];
  for (const [r, row] of rows.entries()) {
    const home = rowCodes[r]?.code ?? rowCodes[r]?.value?.text ?? `R${r + 1}`;
    const commentOrder = row.cells.map((c) => c.precedingComment);
    for (const [c, cell] of row.cells.entries()) {
      const away = colTeams[c]?.code;
      if (away === undefined) continue;
      const raw = cell.raw;
      const gf = cell.byName.get('gf')?.text ?? '';
      const ga = cell.byName.get('ga')?.text ?? '';
      // `r=null` is the template's "no match" (no fixture); blank goals are a fixture with no score.
      const noFixture = /^null$/i.test(cell.byName.get('r')?.text ?? '');
      const isNull = noFixture || (gf === '' && ga === '');
      const text = noFixture ? 'null' : isNull ? '' : `${gf}–${ga}`;
      // The diagonal is a team against itself: empty, it is no cell; with a score, the check reports it.
      if (home === away && isNull) continue;
      const result = readScore(text, (part) => {
        const p = cell.byName.get(part === 'away goals' ? 'ga' : 'gf');
        if (p !== undefined) reportTooLarge(p, `the ${part} of ${home} against ${away}`, context);
      });
      cells.push({ param: 'fb r', home, away, raw, text, span: cell.span, ...result });
    }
    reportCommentOrder(row.team, commentOrder, colTeams, context);
  }
  return {
    kind: 'match-grid',
    id,
    section: header.section,
    span: header.span,
    template: displayTemplateName(header.rawName, false),
    legs: 1,
    teams: colTeams.map((c) => {
      const row = rowCodes.find((r) => r.code === c.code);
      return { code: c.code, ...opt('name', row?.value), ...opt('link', c.link ?? row?.value?.links?.[0]?.target) };
    }),
    cells,
  };
}

/**
 * Editors often label each cell with a comment naming its column team; when a row's comments name
 * the columns in another order than the header, the page shows the scores under the wrong teams.
 */
function reportCommentOrder(
  team: TemplateView,
  comments: readonly (string | undefined)[],
  columns: readonly { code: string; link?: string | undefined }[],
  context: StageContext,
): void {
  if (comments.some((c) => c === undefined) || comments.length !== columns.length) return;
  const named = comments.map((c) => columns.findIndex((col) => col.link !== undefined && teamNameKey(col.link).startsWith(teamNameKey(c ?? '')) && teamNameKey(c ?? '').length > 0));
  if (named.some((i) => i < 0) || named.every((col, i) => col === i)) return;
  context.report({
    code: 'extract/legacy-column-order',
    stage: 'extract',
    message: `Unexpected cell order in the row of ${team.byName.get('t')?.text ?? '?'}: its comments name ${comments.join(', ')}, expected the header's order ${columns.map((c) => c.code).join(', ')}; the cells are read in header order, as the page shows them`,
    span: team.span,
  });
}
