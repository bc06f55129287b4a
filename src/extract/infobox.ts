/**
 * {{Infobox …}} → an infobox record: every field as written (present-but-empty kept), and for
 * season infoboxes the typed fields a dataset wants.
 * https://en.wikipedia.org/wiki/Template:Infobox_football_league_season
 * https://en.wikipedia.org/wiki/Template:Infobox_football_tournament_season
 * Reads: every named parameter; typed: competition/title, season/year, winners, champions,
 * promoted, relegated, matches, total goals/goals, league topscorer/top_goal_scorer,
 * prevseason/prev_season, nextseason/next_season; the list-valued ones (winners, champions,
 * promoted, relegated, top scorer) also as entries `{name, link, note}` (infobox-entries.ts).
 */
import type { TemplateView } from '../parse/index.js';
import type { FootballSeason, InfoboxRecord, StageContext } from '../types/index.js';
import { readInfoboxEntries } from './infobox-entries.js';
import { readBoundedNumber } from './numbers.js';
import { displayTemplateName } from './template-names.js';
import { reportDuplicateParams } from './teams.js';

const TEXT_FIELDS: readonly [keyof FootballSeason, readonly string[]][] = [
  ['competition', ['competition', 'league', 'title']],
  ['season', ['season', 'year']],
  ['winners', ['winners', 'winner']],
  ['champions', ['champions', 'champion']],
  ['promoted', ['promoted']],
  ['relegated', ['relegated']],
  ['topScorer', ['league topscorer', 'top_goal_scorer', 'top goal scorer', 'top scorer', 'topscorer']],
  ['prevSeason', ['prevseason', 'prev_season', 'prev season', 'previous season']],
  ['nextSeason', ['nextseason', 'next_season', 'next season']],
];
/** The list-valued fields: the typed key, and the text field whose parameter it reads. */
const LIST_FIELDS: readonly [keyof FootballSeason, keyof FootballSeason][] = [
  ['winnersList', 'winners'],
  ['championsList', 'champions'],
  ['promotedList', 'promoted'],
  ['relegatedList', 'relegated'],
  ['topScorerList', 'topScorer'],
];
const NUMBER_FIELDS: readonly [keyof FootballSeason, readonly string[]][] = [
  ['matches', ['matches', 'total matches']],
  ['totalGoals', ['total goals', 'goals', 'total_goals']],
];

/**
 * Extracts an infobox.
 * @param view the template
 * @param id the record id
 * @param context diagnostics sink
 * @returns the infobox record
 */
export function extractInfobox(view: TemplateView, id: string, context: StageContext): InfoboxRecord {
  reportDuplicateParams(view, context);
  const template = displayTemplateName(view.rawName, view.isInvoke);
  const fields = [...view.byName.values()].map((p) => ({
    param: p.name,
    raw: p.raw,
    text: p.text,
    ...(p.links.length === 0 ? {} : { links: p.links }),
    span: p.span,
  }));
  const record: InfoboxRecord = {
    kind: 'infobox',
    id,
    section: view.section,
    span: view.span,
    template,
    ...(view.recovered ? { recovered: true } : {}),
    fields,
  };
  if (!/season|tournament|league|cup/i.test(template)) return record;
  const season: FootballSeason = {};
  const first = (names: readonly string[]): string | undefined =>
    names.map((n) => view.byName.get(n)?.text).find((t) => t !== undefined && t.length > 0);
  for (const [key, names] of TEXT_FIELDS) {
    const text = first(names);
    if (text !== undefined) (season as Record<string, string>)[key] = text;
  }
  for (const [key, from] of LIST_FIELDS) {
    const names = TEXT_FIELDS.find(([k]) => k === from)?.[1] ?? [];
    const param = names.map((n) => view.byName.get(n)).find((p) => p !== undefined && p.text.length > 0);
    const entries = param === undefined ? [] : readInfoboxEntries(param.raw, key === 'topScorerList');
    if (entries.length > 0) (season as Record<string, unknown>)[key] = entries;
  }
  for (const [key, names] of NUMBER_FIELDS) {
    const param = names.map((n) => view.byName.get(n)).find((p) => p !== undefined && p.text.length > 0);
    const n = readBoundedNumber(param, `\`${param?.name ?? key}\``, context, true);
    if (n !== undefined) (season as Record<string, number>)[key] = n;
  }
  return Object.keys(season).length === 0 ? record : { ...record, season: orderSeason(season) };
}

/** Keys in schema order, so output bytes do not depend on which alias was found first. */
function orderSeason(season: FootballSeason): FootballSeason {
  const order: (keyof FootballSeason)[] = [
    'competition', 'season', 'winners', 'champions', 'promoted', 'relegated', 'matches', 'totalGoals', 'topScorer', 'prevSeason', 'nextSeason',
    'winnersList', 'championsList', 'promotedList', 'relegatedList', 'topScorerList',
  ];
  return Object.fromEntries(order.filter((k) => season[k] !== undefined).map((k) => [k, season[k]])) as FootballSeason;
}
