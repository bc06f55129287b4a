/**
 * Module:Sports table → a standings record, and its match grid when the call carries `match_X_Y`
 * cells (show_matches, or SurfDoc runs where the grid was merged in).
 * https://en.wikipedia.org/wiki/Module:Sports_table and /WDL, /PP, /argcheck.
 * Reads: style, team1…N / team_order (+ team_order_start), highest_pos, lowest_pos, the per-team
 * parameters of the style's family (standings-row.ts), winpoints, drawpoints, losspoints,
 * rwpoints, goalpoints, show_draw, result<k>, col_, text_, note_res_, res_col_header, class_rules,
 * source, update, legs, match_X_Y(_note). Every other parameter of argcheck's whitelist is known
 * and not a team (module-params.ts). The module never sorts: rank is k of team<k>.
 *
 * Point rules come from the Lua source where it was read: WDL (`football` is WDL) and PP
 * (docs/research/sports-table-modules.md §4.1, §4.2). For WL, WDL OT, WL OT, WL PK, WL OTL tiebreak, WDLHA,
 * WLHA and the styles outside argcheck (Custom, Chess, College…) the source was not available:
 * their declared figures are read and checked against the grid, but no point formula is
 * invented, so the record has `rulesKnown: false`, no `pointRules` and no displayed figures.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { MatchGridRecord, PointRules, StageContext, StandingsRecord, StandingsTeam } from '../types/index.js';
import { readGridCells } from './match-grid.js';
import { reportStrayParams } from './module-params.js';
import { readBoundedNumber, readFigure, readNumberText } from './numbers.js';
import { styleInfo, type StyleInfo } from './sports-styles.js';
import { readStandingsRow } from './standings-row.js';
import { displayTemplateName } from './template-names.js';
import { readTeamList, reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

/** Module:Yesno's "no" words: a switch set to one of them is off. */
const NO = /^(no|n|false|f|off|0)$/i;

/**
 * Extracts a standings record (and its embedded grid) from a Module:Sports table call.
 * @param view the #invoke call
 * @param ids the ids to give the records
 * @param context diagnostics sink
 * @returns the standings record and, when the call has match cells, a grid record
 */
export function extractStandings(
  view: TemplateView,
  ids: { standings: string; grid: () => string },
  context: StageContext,
): { standings: StandingsRecord; grid?: MatchGridRecord } {
  reportDuplicateParams(view, context);
  const get = (name: string): ParamView | undefined => view.byName.get(name);
  const style = styleInfo(get('style')?.text);
  const pointRules = style.rulesKnown ? readPointRules(view, style, context) : undefined;

  const listed = readTeamList(view, context, { positions: true });
  const codes = new Set(listed.map((t) => t.code));
  const teams: StandingsTeam[] = listed.map((t, i) => readStandingsRow(view, { code: t.code, codeSpan: t.span, rank: i + 1, index: t.index }, style, pointRules, context));

  const { cells, used } = readGridCells(view, codes, context);
  reportStrayParams(view, codes, used, style, context);

  // The grid's id is taken only when there is a grid, so a table without one uses up no ordinal.
  const gridId = cells.length > 0 ? ids.grid() : undefined;
  const standings: StandingsRecord = {
    kind: 'standings',
    id: ids.standings,
    section: view.section,
    span: view.span,
    template: displayTemplateName(view.rawName, view.isInvoke),
    style: get('style')?.text || 'WDL',
    ...(view.recovered ? { recovered: true } : {}),
    ...(pointRules === undefined ? { rulesKnown: false } : { pointRules }),
    ...opt('resultsHeader', valueOf(get('res_col_header'))),
    ...opt('classRules', valueOf(get('class_rules'))),
    ...opt('sourceNote', valueOf(get('source'))),
    ...opt('update', valueOf(get('update'))),
    teams,
    ...(gridId === undefined ? {} : { matchGridId: gridId }),
  };
  if (gridId === undefined) return { standings };
  const legs = readBoundedNumber(get('legs'), 'the number of legs', context) ?? 1;
  const grid: MatchGridRecord = {
    kind: 'match-grid',
    id: gridId,
    section: view.section,
    span: view.span,
    template: standings.template,
    ...(view.recovered ? { recovered: true } : {}),
    legs: Math.max(1, Math.trunc(legs)),
    teams: teams.map((t) => ({ code: t.code, ...opt('name', t.name), ...opt('link', t.link), standingsCode: t.code })),
    cells,
    standingsId: ids.standings,
  };
  return { standings, grid };
}

/**
 * WDL's point rules [WDL]: winpoints/drawpoints/losspoints default to 3/1/0 when draws are shown
 * and 2/0/1 when `show_draw` is off (PP turns it off unless the call sets it); rwpoints (default
 * 1) and goalpoints are recorded only when the table uses them.
 */
function readPointRules(view: TemplateView, style: StyleInfo, context: StageContext): PointRules {
  const showDraw = view.byName.get('show_draw')?.text;
  const hiddenDraws = showDraw === undefined || showDraw.length === 0 ? style.pointsOnly : NO.test(showDraw);
  const rule = (name: string, fallback: number): number => {
    const p = view.byName.get(name);
    if (p === undefined || p.text.length === 0) return fallback;
    const n = readNumberText(p.text);
    if (typeof n !== 'number') readFigure(p, `\`${name}\` rule`, context);
    return typeof n === 'number' ? n : fallback;
  };
  const usesRounds = view.byName.has('rwpoints') || [...view.byName.keys()].some((k) => k.startsWith('rw_'));
  const goal = view.byName.get('goalpoints');
  // goalpoints counts when set: a value that is no number means 1 point a goal [WDL].
  const goalRule = goal === undefined || goal.text.length === 0 ? undefined : (() => {
    const n = readNumberText(goal.text);
    return typeof n === 'number' ? n : 1;
  })();
  return {
    win: rule('winpoints', hiddenDraws ? 2 : 3),
    draw: rule('drawpoints', hiddenDraws ? 0 : 1),
    loss: rule('losspoints', hiddenDraws ? 1 : 0),
    ...(usesRounds ? { roundsWon: rule('rwpoints', 1) } : {}),
    ...opt('goal', goalRule),
  };
}
