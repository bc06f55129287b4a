/**
 * One row of a Module:Sports table call: the `prefix_CODE` parameters of a listed team, read as
 * declared figures by the style's family (argcheck's per-team prefixes, modules.md §5):
 * WDL family: win_, draw_, loss_, gf_/pf_, ga_/pa_, adjust_points_, startpoints_, rw_, matches_;
 * PKOT (WDL OT, WL OT, WL PK, WL OTL tiebreak): also OTwin_, OTloss_, PKwin_, PKloss_, SOwin_,
 * SOloss_, tiebr_; HA (WDLHA, WLHA): hwin_, hdraw_, hloss_, awin_, adraw_, aloss_, hgf_/hpf_,
 * hga_/hpa_, agf_/apf_, aga_/apa_ (and win_, which argcheck still accepts). Every style: name_,
 * pos_, status_, note_, hth_, result<k> with col_, text_, note_res_.
 * https://en.wikipedia.org/wiki/Module:Sports_table
 * Emits: extract/missing-name, extract/not-a-number.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { Figure, PointRules, StageContext, StandingsTeam, Value } from '../types/index.js';
import { displayedFigures } from './displayed-figures.js';
import { readBoundedNumber, readFigure } from './numbers.js';
import type { StyleInfo } from './sports-styles.js';
import { opt, valueOf } from './values.js';

/** Where a row is: its code as listed, its rank in the table and k of its team<k>. */
export interface RowPlace {
  code: string;
  codeSpan: StandingsTeam['codeSpan'];
  rank: number;
  /** k of team<k> (from highest_pos): the default position and the k of result<k>. */
  index: number;
}

/**
 * Reads one team's row.
 * @param view the #invoke call
 * @param place the team's code, where it is listed and its rank
 * @param style the table's style
 * @param rules the table's point rules, when the style's rules are known
 * @param context diagnostics sink
 * @returns the row, its figures in schema order
 */
export function readStandingsRow(view: TemplateView, place: RowPlace, style: StyleInfo, rules: PointRules | undefined, context: StageContext): StandingsTeam {
  const { code, codeSpan, rank, index } = place;
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
  const ha = style.family === 'HA';
  const pkot = style.family === 'PKOT';
  const wins = figure('win', 'wins');
  const draws = ha ? undefined : figure('draw', 'draws');
  const losses = ha ? undefined : figure('loss', 'losses');
  const goalsFor = ha ? undefined : (figure('gf', 'goals for') ?? figure('pf', 'points for'));
  const goalsAgainst = ha ? undefined : (figure('ga', 'goals against') ?? figure('pa', 'points against'));
  const adjustPoints = figure('adjust_points', 'points adjustment');
  const startPoints = figure('startpoints', 'start points');
  const roundsWon = ha ? undefined : figure('rw', 'rounds won');
  const matches = figure('matches', 'matches played');
  const statusParam = valueOf(get('status'));
  const resultCode = view.byName.get(`result${index}`)?.text;
  const position = readBoundedNumber(get('pos'), `the position of \`${code}\``, context) ?? index;

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
    ...(pkot
      ? {
          ...opt('overtimeWins', figure('OTwin', 'overtime wins')),
          ...opt('overtimeLosses', figure('OTloss', 'overtime losses')),
          ...opt('penaltyWins', figure('PKwin', 'wins on penalties')),
          ...opt('penaltyLosses', figure('PKloss', 'losses on penalties')),
          ...opt('shootoutWins', figure('SOwin', 'shoot-out wins')),
          ...opt('shootoutLosses', figure('SOloss', 'shoot-out losses')),
          ...opt('tiebreaker', valueOf(get('tiebr'))),
        }
      : {}),
    ...(ha
      ? {
          ...opt('homeWins', figure('hwin', 'home wins')),
          ...opt('homeDraws', figure('hdraw', 'home draws')),
          ...opt('homeLosses', figure('hloss', 'home losses')),
          ...opt('homeGoalsFor', figure('hgf', 'home goals for') ?? figure('hpf', 'home points for')),
          ...opt('homeGoalsAgainst', figure('hga', 'home goals against') ?? figure('hpa', 'home points against')),
          ...opt('awayWins', figure('awin', 'away wins')),
          ...opt('awayDraws', figure('adraw', 'away draws')),
          ...opt('awayLosses', figure('aloss', 'away losses')),
          ...opt('awayGoalsFor', figure('agf', 'away goals for') ?? figure('apf', 'away points for')),
          ...opt('awayGoalsAgainst', figure('aga', 'away goals against') ?? figure('apa', 'away points against')),
        }
      : {}),
    ...opt('adjustPoints', adjustPoints),
    ...opt('startPoints', startPoints),
    ...opt('roundsWon', roundsWon),
    ...opt('matches', matches),
    ...(statusParam === undefined
      ? {}
      : { status: { value: statusParam, letters: [...new Set(statusParam.text.toUpperCase().replace(/[^A-Z]/g, ''))] } }),
    ...opt('note', sharedNote(view, 'note', code)),
    ...opt('headToHead', sharedNote(view, 'hth', code)),
    ...opt('group', nonBlank(view.byName.get(`group_${code}`))),
    ...(resultCode === undefined || resultCode.length === 0 ? {} : { result: readResult(view, resultCode) }),
    displayed: rules === undefined ? {} : displayedFigures({ wins, draws, losses, goalsFor, goalsAgainst, adjustPoints, startPoints, roundsWon, matches }, rules),
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

/** A parameter's value unless blank (the module reads a blank one as absent). */
function nonBlank(p: ParamView | undefined): Value | undefined {
  const value = valueOf(p);
  return value === undefined || value.text.trim().length === 0 ? undefined : value;
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
