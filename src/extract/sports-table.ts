/**
 * Module:Sports table (style WDL and its aliases) → a standings record, and its match grid when
 * the call carries `match_X_Y` cells (show_matches, or SurfDoc runs where the grid was merged in).
 * https://en.wikipedia.org/wiki/Module:Sports_table and /WDL, /argcheck.
 * Reads: style, team1…N / team_order, highest_pos, pos_, name_, win_, draw_, loss_, gf_/pf_,
 * ga_/pa_, adjust_points_, startpoints_, matches_, status_, note_, hth_, winpoints, drawpoints,
 * losspoints, show_draw, result<k>, col_, text_, note_res_, res_col_header, class_rules, source,
 * update, match_X_Y(_note). The module never sorts: rank is k of team<k>.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { Figure, MatchGridRecord, StageContext, StandingsRecord, StandingsTeam, Value } from '../types/index.js';
import { displayedFigures } from './displayed-figures.js';
import { readGridCells } from './match-grid.js';
import { parseNumber, readFigure } from './numbers.js';
import { displayTemplateName } from './template-names.js';
import { parseMatchKey, parseTeamKey, readTeamList, reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

/** Per-team prefixes the module reads (argcheck's list), longest first so `adjust_points` wins over `a…`. */
const TEAM_PREFIXES = [
  'adjust_points', 'startpoints', 'away_goals', 'note_res', 'matches', 'status', 'group', 'short', 'draw', 'loss',
  'name', 'note', 'win', 'pos', 'hth', 'gf', 'ga', 'pf', 'pa', 'rw',
].sort((a, b) => b.length - a.length);

/** Parameters that are not about one team (presentation and footer), read or deliberately ignored. */
const GLOBAL = new Set([
  'style', 'section', 'transcludesection', 'source', 'update', 'start_date', 'class_rules', 'res_col_header', 'note_header_res',
  'title', 'table_header', 'team_header', 'pld_header', 'draw_header', 'group_header', 'postitle', 'teamwidth', 'sortable_table',
  'show_positions', 'show_groups', 'show_status', 'status_pos', 'status_order', 'stack_footer', 'hide_footer', 'float', 'notracking',
  'winpoints', 'drawpoints', 'losspoints', 'rwpoints', 'goalpoints', 'show_draw', 'show_win', 'show_loss', 'loss_before_draw',
  'for_against_style', 'hide_for_against_columns', 'hide_played', 'pts_first', 'perc_first', 'show_bonus_points', 'show_away_goals',
  'use_tie', 'ranking_style', 'use_goal_ratio', 'use_goal_average', 'use_goal_percentage', 'use_against_percentage',
  'use_point_percentage', 'use_goals_per_match', 'use_points_per_match', 'use_goal_diff', 'show_GB', 'GB_team', 'digitpad', 'showteam',
  'show_limit', 'show_totals', 'highest_pos', 'lowest_pos', 'team_order', 'team_order_start', 'legs', 'show_matches', 'matches_text',
  'result_prefix', 'hide_results', 'only_pld_pts', 'show_class_rules', 'show_hth', 'show_rw', 'rounds_won', 'title_source',
  'table_header_source', 'template_name', 'match_col_width', 'a_note', 'solid_cell', 'date', 'ptsfirst', 'showsplits', 'sortable',
]);

const NO = /^(no|n|false|0|off)$/i;

/**
 * Extracts a standings record (and its embedded grid) from a Module:Sports table call.
 * @param view the #invoke call
 * @param ids the ids to give the records
 * @param context diagnostics sink
 * @returns the standings record and, when the call has match cells, a grid record
 */
export function extractStandings(
  view: TemplateView,
  ids: { standings: string; grid: string },
  context: StageContext,
): { standings: StandingsRecord; grid?: MatchGridRecord } {
  reportDuplicateParams(view, context);
  const get = (name: string): ParamView | undefined => view.byName.get(name);
  const style = get('style')?.text || 'WDL';
  const hiddenDraws = NO.test(get('show_draw')?.text ?? '') || /^pp$/i.test(style);
  const rule = (name: string, fallback: number): number => {
    const p = get(name);
    if (p === undefined || p.text.length === 0) return fallback;
    const n = parseNumber(p.text);
    if (n === undefined) readFigure(p, `\`${name}\` rule`, context);
    return n ?? fallback;
  };
  const pointRules = { win: rule('winpoints', hiddenDraws ? 2 : 3), draw: rule('drawpoints', hiddenDraws ? 0 : 1), loss: rule('losspoints', hiddenDraws ? 1 : 0) };

  const listed = readTeamList(view, context);
  const codes = new Set(listed.map((t) => t.code));
  const highest = parseNumber(get('highest_pos')?.text ?? '') ?? 1;
  const teams: StandingsTeam[] = listed.map((t, i) => readTeam(view, t.code, t.span, i + 1, highest, pointRules, context));

  const { cells, used } = readGridCells(view, codes, context);
  reportStrayParams(view, codes, used, context);

  const standings: StandingsRecord = {
    kind: 'standings',
    id: ids.standings,
    section: view.section,
    span: view.span,
    template: displayTemplateName(view.rawName, view.isInvoke),
    style,
    ...(view.recovered ? { recovered: true } : {}),
    pointRules,
    ...opt('resultsHeader', valueOf(get('res_col_header'))),
    ...opt('classRules', valueOf(get('class_rules'))),
    ...opt('sourceNote', valueOf(get('source'))),
    ...opt('update', valueOf(get('update'))),
    teams,
    ...(cells.length > 0 ? { matchGridId: ids.grid } : {}),
  };
  if (cells.length === 0) return { standings };
  const legs = parseNumber(get('legs')?.text ?? '') ?? 1;
  const grid: MatchGridRecord = {
    kind: 'match-grid',
    id: ids.grid,
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

function readTeam(
  view: TemplateView,
  code: string,
  codeSpan: StandingsTeam['codeSpan'],
  rank: number,
  highest: number,
  rules: StandingsRecord['pointRules'],
  context: StageContext,
): StandingsTeam {
  const get = (prefix: string): ParamView | undefined => view.byName.get(`${prefix}_${code}`);
  const figure = (prefix: string, what: string): Figure | undefined => readFigure(get(prefix), `${what} of \`${code}\``, context);
  const name = valueOf(get('name'));
  if (name === undefined) {
    context.report({
      code: 'extract/missing-name',
      stage: 'extract',
      message: `Unexpected team \`${code}\` with no \`name_${code}\`, expected a display name; the module shows the bare code`,
      param: `name_${code}`,
      span: codeSpan,
    });
  }
  const wins = figure('win', 'wins');
  const draws = figure('draw', 'draws');
  const losses = figure('loss', 'losses');
  const goalsFor = figure('gf', 'goals for') ?? figure('pf', 'points for');
  const goalsAgainst = figure('ga', 'goals against') ?? figure('pa', 'points against');
  const adjustPoints = figure('adjust_points', 'points adjustment');
  const startPoints = figure('startpoints', 'start points');
  const matches = figure('matches', 'matches played');
  const statusParam = valueOf(get('status'));
  const resultCode = view.byName.get(`result${rank}`)?.text;
  const position = parseNumber(get('pos')?.text ?? '') ?? highest + rank - 1;

  return {
    rank,
    position,
    code,
    codeSpan,
    ...opt('name', name),
    ...opt('link', name?.links?.[0]?.target),
    ...opt('wins', wins),
    ...opt('draws', draws),
    ...opt('losses', losses),
    ...opt('goalsFor', goalsFor),
    ...opt('goalsAgainst', goalsAgainst),
    ...opt('adjustPoints', adjustPoints),
    ...opt('startPoints', startPoints),
    ...opt('matches', matches),
    ...(statusParam === undefined
      ? {}
      : { status: { value: statusParam, letters: [...new Set(statusParam.text.toUpperCase().replace(/[^A-Z]/g, ''))] } }),
    ...opt('note', sharedNote(view, 'note', code)),
    ...opt('headToHead', sharedNote(view, 'hth', code)),
    ...(resultCode === undefined || resultCode.length === 0 ? {} : { result: readResult(view, resultCode) }),
    displayed: displayedFigures({ wins, draws, losses, goalsFor, goalsAgainst, adjustPoints, startPoints, matches }, rules),
  };
}

/**
 * A team note whose value is another team's code shares that team's note (`note_FIO=MIL`), as
 * the module renders it; the shared note is returned with its own parameter and span.
 */
function sharedNote(view: TemplateView, prefix: 'note' | 'hth', code: string): Value | undefined {
  const own = view.byName.get(`${prefix}_${code}`);
  const shared = own === undefined || own.text === code ? undefined : view.byName.get(`${prefix}_${own.text}`);
  return valueOf(shared !== undefined && shared.text.length > 0 && /^[^\s]+$/.test(own?.text ?? '') ? shared : own);
}

/** `result<k>=A` with `col_A`, `text_A`, `note_res_A` (a note may name another code to share its text). */
function readResult(view: TemplateView, code: string): NonNullable<StandingsTeam['result']> {
  const text = view.byName.get(`text_${code}`)?.text;
  const colour = view.byName.get(`col_${code}`)?.text;
  let note = view.byName.get(`note_res_${code}`)?.text;
  const shared = note === undefined ? undefined : view.byName.get(`note_res_${note}`)?.text;
  if (shared !== undefined && shared.length > 0) note = shared;
  return {
    code,
    ...(text ? { text } : {}),
    ...(colour ? { colour } : {}),
    ...(note ? { note } : {}),
  };
}

/** Per-team parameters for codes not in the list, and parameters the module does not read. */
function reportStrayParams(view: TemplateView, codes: ReadonlySet<string>, used: ReadonlySet<string>, context: StageContext): void {
  for (const p of view.byName.values()) {
    if (p.anonymous || used.has(p.name) || GLOBAL.has(p.name)) continue;
    if (/^(team|result|split)\d+$/.test(p.name) || /^(col|text|note_res|status_text)_/.test(p.name)) continue;
    // result_X_Y colours a grid cell (argcheck whitelists it when both codes are listed).
    if (/^result_/.test(p.name) && parseMatchKey(`match_${p.name.slice(7)}`, codes) !== undefined) continue;
    const team = parseTeamKey(p.name, TEAM_PREFIXES);
    if (team !== undefined) {
      if (!codes.has(team.code)) {
        context.report({
          code: 'extract/unknown-team',
          stage: 'extract',
          message: `Unexpected \`${p.name}\` for team \`${team.code}\`, expected one of the listed teams; the module ignores it`,
          param: p.name,
          span: p.paramSpan,
        });
      }
      continue;
    }
    if (/^match\d*_/.test(p.name)) {
      context.report({
        code: 'extract/unknown-team',
        stage: 'extract',
        message: `Unexpected \`${p.name}\` naming a team that is not listed, expected a pairing of listed teams; the cell was not read`,
        param: p.name,
        span: p.paramSpan,
      });
      continue;
    }
    context.report({
      code: 'extract/unknown-parameter',
      stage: 'extract',
      message: `Unexpected parameter \`${p.name}\`, expected one Module:Sports table reads; it is ignored`,
      param: p.name,
      span: p.paramSpan,
    });
  }
}
