/**
 * Which parameters of a Module:Sports table call are global, which are about one team, and which
 * the module does not read: argcheck's whitelist (Module:Sports table/argcheck, modules.md §5)
 * plus the parameters the modules read that argcheck forgets (§5, §8.1). Teams are never found by
 * scanning keys: a key is a team's only when it is one of the family's prefixes and a listed code,
 * so `matches_style`, `match_col_width`, `loss_before_draw` or `status_order` never name a team.
 * Emits: extract/unknown-team, extract/unknown-parameter.
 */
import type { TemplateView } from '../parse/index.js';
import type { StageContext } from '../types/index.js';
import type { StyleFamily, StyleInfo } from './sports-styles.js';
import { parseMatchKey, parseTeamKey } from './teams.js';

/**
 * Every global parameter of Sports table (all styles), Sports results and the families' additions:
 * argcheck's good_args of every family, its ignored_args, and what the modules read unlisted.
 */
export const GLOBAL_PARAMS: ReadonlySet<string> = new Set([
  // argcheck good_args (all tracked styles), verbatim
  'away_goals_header', 'bonus_header', 'class_rules', 'draw_header', 'drawpoints', 'float', 'for_against_style', 'GB_team',
  'goalpoints', 'group_header', 'hide_footer', 'hide_for_against_columns', 'hide_played', 'hide_results', 'highest_pos', 'legs',
  'loss_before_draw', 'loss_before_tie', 'losspoints', 'lowest_pos', 'matches_style', 'matches_text', 'match_col_width',
  'note_header_res', 'only_pld_pts', 'only_totals', 'only_fa_totals', 'pct_style', 'pld_header', 'postitle', 'perc_first',
  'pts_first', 'ranking_style', 'res_col_header', 'result_prefix', 'rwpoints', 'rw_header', 'section', 'short_style', 'show_GB',
  'show_away_goals', 'show_bonus_points', 'show_class_rules', 'show_draw', 'show_groups', 'show_limit', 'show_matches',
  'show_positions', 'show_rw', 'show_status', 'show_totals', 'solid_cell', 'sortable_table', 'source', 'start_date',
  'stack_footer', 'status_order', 'status_pos', 'style', 'table_header', 'table_header_source', 'team_header', 'team_order',
  'team_order_start', 'teamwidth', 'title', 'title_source', 'transcludesection', 'update', 'use_against_percentage',
  'use_goal_average', 'use_goal_diff', 'use_goal_percentage', 'use_goal_ratio', 'use_goals_scored', 'use_point_percentage',
  'use_goals_per_match', 'use_points_per_match', 'use_tie', 'winpoints',
  // HA
  'ha_side', 'hdrawpoints', 'adrawpoints', 'hlosspoints', 'alosspoints', 'hwinpoints', 'awinpoints',
  // PKOT
  'showOTloss', 'showOTwin', 'showPKloss', 'showSOloss', 'showPKwin', 'showSOwin', 'show_tiebr', 'PKlosspoints', 'SOlosspoints',
  'OTlosspoints', 'PKwinpoints', 'SOwinpoints', 'OTwinpoints', 'PKloss_after_loss', 'SOloss_after_loss', 'OTloss_after_loss',
  'tiebr_header',
  // BDT
  'game_for_against_style', 'point_for_against_style',
  // VB
  'bwinpoints', 'blosspoints', 'swinpoints', 'slosspoints', 'win3points', 'loss3points', 'win4points', 'loss4points',
  'win5points', 'loss5points', 'show_sets', 'show_setpoints', 'setpoints_before_sets', 'best_of',
  // argcheck ignored_args
  'date', 'ptsfirst',
  // read by the modules although argcheck does not list them (modules.md §5, §8.1)
  'showteam', 'notracking', 'show_win', 'show_loss', 'show_hth', 'digitpad', 'rounds_won',
  // Sports results (old copy and argcheck)
  'a_note', 'template_name',
  // display switches editors write that no version reads (kept quiet, as before)
  'showsplits', 'sortable',
]);

/** argcheck's col_names (WDL family), plus name_, note_ and hth_, which it handles with the team list. */
const WDL_PREFIXES = [
  'adjust_points', 'away_goals', 'draw', 'loss', 'gf', 'ga', 'group', 'pf', 'pa', 'matches', 'pos', 'rw', 'short',
  'startpoints', 'status', 'win', 'name', 'note', 'hth',
];
const PKOT_PREFIXES = ['OTwin', 'OTloss', 'PKwin', 'PKloss', 'SOwin', 'SOloss', 'tiebr'];
const HA_PREFIXES = ['hwin', 'hdraw', 'hloss', 'awin', 'adraw', 'aloss', 'hgf', 'hga', 'agf', 'aga', 'hpf', 'hpa', 'apf', 'apa'];
const HA_REMOVED = new Set(['draw', 'loss', 'gf', 'ga', 'pf', 'pa', 'rw']);
const VB_PREFIXES = ['bwin', 'swin', 'bloss', 'sloss', 'sw', 'sl', 'spw', 'spl', 'win3s', 'loss3s', 'win4s', 'loss4s', 'win5s', 'loss5s'];
const VB_REMOVED = new Set(['win', 'loss', 'draw']);

const longestFirst = (list: string[]): readonly string[] => [...new Set(list)].sort((a, b) => b.length - a.length);

/** Per-team prefixes by family, longest first so `adjust_points` is tried before a shorter prefix. */
const PREFIXES: Readonly<Record<StyleFamily | 'any', readonly string[]>> = {
  WDL: longestFirst(WDL_PREFIXES),
  PKOT: longestFirst([...WDL_PREFIXES, ...PKOT_PREFIXES]),
  HA: longestFirst([...WDL_PREFIXES.filter((p) => !HA_REMOVED.has(p)), ...HA_PREFIXES]),
  VB: longestFirst([...WDL_PREFIXES.filter((p) => !VB_REMOVED.has(p)), ...VB_PREFIXES]),
  BDT: longestFirst([...WDL_PREFIXES, 'mf', 'ma']),
  any: longestFirst([...WDL_PREFIXES, ...PKOT_PREFIXES, ...HA_PREFIXES, ...VB_PREFIXES, 'mf', 'ma']),
};

/**
 * The per-team prefixes a style's family accepts.
 * @param style the table's style
 * @param onlyFaTotals whether `only_fa_totals` is set (HA: gf_/ga_/pf_/pa_ allowed again)
 * @returns prefixes without their `_`, longest first
 */
export function teamPrefixes(style: StyleInfo, onlyFaTotals = false): readonly string[] {
  if (style.family === 'HA' && onlyFaTotals) return longestFirst([...PREFIXES.HA, 'gf', 'ga', 'pf', 'pa']);
  return PREFIXES[style.family ?? 'any'];
}

/** Keys indexed by a position, a result code or a status letter: never a team's. */
function isIndexedGlobal(name: string, resultPrefix: string | undefined): boolean {
  if (/^(team|result|split)\d+$/.test(name) || /^[^_]*_result\d+$/.test(name)) return true;
  if (/^(col|text|note_res|status_text)_/.test(name) || name.startsWith('att_')) return true;
  if (resultPrefix === undefined || !name.startsWith(`${resultPrefix}_`)) return false;
  const rest = name.slice(resultPrefix.length + 1);
  return /^(col|text)_/.test(rest) || rest === 'res_col_header' || rest.startsWith('status_');
}

/**
 * Reports per-team parameters for codes that are not listed, and parameters the module does not
 * read. Styles outside argcheck's families (Custom, Chess, College) read parameters nobody here
 * has seen, so only their per-team keys for unknown codes are reported.
 * @param view the #invoke call
 * @param codes the listed team codes
 * @param used parameters already read as grid cells
 * @param style the table's style
 * @param context diagnostics sink
 */
export function reportStrayParams(view: TemplateView, codes: ReadonlySet<string>, used: ReadonlySet<string>, style: StyleInfo, context: StageContext): void {
  const resultPrefix = view.byName.get('result_prefix')?.text || undefined;
  const prefixes = teamPrefixes(style, (view.byName.get('only_fa_totals')?.text ?? '').length > 0);
  for (const p of view.byName.values()) {
    if (p.anonymous || used.has(p.name) || GLOBAL_PARAMS.has(p.name) || isIndexedGlobal(p.name, resultPrefix)) continue;
    // result_X_Y colours a grid cell (argcheck whitelists it when both codes are listed).
    const pair = p.name.startsWith('result_') ? parseMatchKey(`match_${p.name.slice(7)}`, codes) : undefined;
    if (pair !== undefined) {
      if (!codes.has(pair.home) || !codes.has(pair.away)) reportUnknownPair(p.name, p.paramSpan, context);
      continue;
    }
    const team = parseTeamKey(p.name, prefixes);
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
      reportUnknownPair(p.name, p.paramSpan, context);
      continue;
    }
    if (style.family === undefined) continue;
    context.report({
      code: 'extract/unknown-parameter',
      stage: 'extract',
      message: `Unexpected parameter \`${p.name}\`, expected one Module:Sports table reads; it is ignored`,
      param: p.name,
      span: p.paramSpan,
    });
  }
}

function reportUnknownPair(name: string, span: TemplateView['span'], context: StageContext): void {
  context.report({
    code: 'extract/unknown-team',
    stage: 'extract',
    message: `Unexpected \`${name}\` naming a team that is not listed, expected a pairing of listed teams; the cell was not read`,
    param: name,
    span,
  });
}
