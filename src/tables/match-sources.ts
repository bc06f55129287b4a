/**
 * Match rows from each record kind of an envelope, before duplicates are merged: grid cells (home =
 * the row team, away = the column team, names from the grid's teams or its paired standings, never
 * bare codes), football boxes, tie legs (leg 2 at team 2's ground, so home and away swap) and
 * bracket legs (the upper slot at home in leg 1).
 */
import type {
  ArticleRecord,
  BracketRecord,
  BracketSlot,
  MatchCell,
  MatchGridRecord,
  MatchRecord,
  MatchRow,
  Span,
  StandingsTeam,
  TeamEntity,
  TieRecord,
} from '../types/index.js';
import { contextColumns, orNull, positionOf, type ArticleContext } from './context.js';

/** A match row without its id and merge list, which the merge step gives. */
export type MatchDraft = Omit<MatchRow, 'matchId' | 'alsoIn'>;

/** A team as a row names it. */
interface Side {
  name: string | null;
  link: string | null;
  id: string | null;
  code: string | null;
}

const NO_TEAM: Side = { name: null, link: null, id: null, code: null };
/** A note that says the result was struck out. */
const ANNULLED = /annul|\bvoid|expunge|nullif|declared a defeat/i;
const NOT_PLAYED = /postpon|cancel|abandon|not played/i;

function row(context: ArticleContext, fields: Partial<MatchDraft> & Pick<MatchDraft, 'source' | 'recordId' | 'slot' | 'status' | 'section'>, home: Side, away: Side, span: Span | undefined): MatchDraft {
  return {
    ...contextColumns(context),
    section: fields.section,
    round: fields.round ?? null,
    leg: fields.leg ?? null,
    source: fields.source,
    recordId: fields.recordId,
    slot: fields.slot,
    homeTeam: home.name,
    homeTeamLink: home.link,
    homeTeamId: home.id,
    homeTeamCode: home.code,
    awayTeam: away.name,
    awayTeamLink: away.link,
    awayTeamId: away.id,
    awayTeamCode: away.code,
    homeGoals: fields.homeGoals ?? null,
    awayGoals: fields.awayGoals ?? null,
    extraTime: fields.extraTime ?? null,
    homePenalties: fields.homePenalties ?? null,
    awayPenalties: fields.awayPenalties ?? null,
    status: fields.status,
    awarded: fields.awarded ?? null,
    score: fields.score ?? null,
    note: fields.note ?? null,
    date: fields.date ?? null,
    venue: fields.venue ?? null,
    location: fields.location ?? null,
    attendance: fields.attendance ?? null,
    referee: fields.referee ?? null,
    file: context.file,
    ...positionOf(span),
  };
}

/** Text that is not empty, or undefined. */
const text = (s: string | undefined): string | undefined => (s === undefined || s.trim().length === 0 ? undefined : s);

function cellStatus(cell: MatchCell): MatchRow['status'] | undefined {
  if (cell.status === 'no-fixture') return undefined;
  if (cell.status === 'walkover' || cell.awarded === true) return 'walkover';
  if (cell.status === 'not-played') return ANNULLED.test(cell.note?.text ?? '') ? 'annulled' : 'not-played';
  if (cell.status === 'played' || cell.status === 'scheduled' || cell.status === 'unknown') return cell.status;
  return 'unknown';
}

/**
 * Rows of a results grid: one per cell that is a fixture.
 * @param grid the grid
 * @param article the envelope (its standings name the codes of a paired grid)
 * @param context the article's columns
 * @param teams the article's team registry by id (its names when neither grid nor table has one)
 * @returns the rows, in cell order
 */
export function gridMatches(grid: MatchGridRecord, article: ArticleRecord, context: ArticleContext, teams: ReadonlyMap<string, TeamEntity>): MatchDraft[] {
  const paired = article.standings.find((s) => s.id === grid.standingsId);
  const inTable = new Map<string, StandingsTeam>((paired?.teams ?? []).map((t) => [t.code, t]));
  const sides = new Map<string, Side>();
  for (const t of grid.teams) {
    const listed = inTable.get(t.standingsCode ?? t.code);
    const id = t.teamId ?? listed?.teamId;
    const entity = id === undefined ? undefined : teams.get(id);
    sides.set(t.code, {
      name: text(t.name?.text) ?? text(listed?.name?.text) ?? text(entity?.name) ?? null,
      link: t.link ?? listed?.link ?? entity?.links[0] ?? null,
      id: orNull(id),
      code: t.code,
    });
  }
  const slots = new Map<string, number>();
  const rows: MatchDraft[] = [];
  for (const cell of grid.cells) {
    const status = cellStatus(cell);
    if (status === undefined) continue;
    const base = `match${cell.leg ?? ''}_${cell.home}_${cell.away}`;
    const n = (slots.get(base) ?? 0) + 1;
    slots.set(base, n);
    const side = (code: string): Side => sides.get(code) ?? { ...NO_TEAM, code };
    rows.push(
      row(
        context,
        {
          section: grid.section,
          source: 'grid',
          recordId: grid.id,
          slot: n === 1 ? base : `${base}~${n}`,
          ...(cell.leg === undefined ? {} : { leg: cell.leg }),
          status,
          ...(cell.homeGoals === undefined ? {} : { homeGoals: cell.homeGoals }),
          ...(cell.awayGoals === undefined ? {} : { awayGoals: cell.awayGoals }),
          ...(cell.extraTime === true ? { extraTime: true } : {}),
          ...(cell.penalties === undefined ? {} : { homePenalties: cell.penalties.home, awayPenalties: cell.penalties.away }),
          ...(cell.awarded === undefined ? {} : { awarded: cell.awarded }),
          ...(text(cell.text) === undefined ? {} : { score: cell.text }),
          ...(text(cell.note?.text ?? cell.detail) === undefined ? {} : { note: cell.note?.text ?? cell.detail ?? '' }),
        },
        side(cell.home),
        side(cell.away),
        cell.span,
      ),
    );
  }
  return rows;
}

/**
 * The row of a football box (team 1 at home).
 * @param match the match record
 * @param context the article's columns
 * @returns the row
 */
export function boxMatch(match: MatchRecord, context: ArticleContext): MatchDraft {
  const score = text(match.score?.text);
  const played = match.team1Goals !== undefined && match.team2Goals !== undefined;
  const status: MatchRow['status'] =
    match.walkover === true ? 'walkover' : played ? 'played' : score === undefined ? 'scheduled' : ANNULLED.test(score) ? 'annulled' : NOT_PLAYED.test(score) ? 'not-played' : 'unknown';
  const side = (name: string, link: string | undefined, id: string | undefined): Side => ({ name: text(name) ?? null, link: orNull(link), id: orNull(id), code: null });
  return row(
    context,
    {
      section: match.section,
      source: 'football-box',
      recordId: match.id,
      slot: 'box',
      ...(text(match.round) === undefined ? {} : { round: match.round ?? '' }),
      status,
      ...(match.team1Goals === undefined ? {} : { homeGoals: match.team1Goals }),
      ...(match.team2Goals === undefined ? {} : { awayGoals: match.team2Goals }),
      ...(match.extraTime === true ? { extraTime: true } : {}),
      ...(match.penalties === undefined ? {} : { homePenalties: match.penalties.home, awayPenalties: match.penalties.away }),
      ...(match.walkover === true ? { awarded: true } : {}),
      ...(score === undefined ? {} : { score }),
      ...(match.date === undefined ? {} : { date: match.date }),
      ...(match.venue === undefined ? {} : { venue: match.venue }),
      ...(match.location === undefined ? {} : { location: match.location }),
      ...(match.attendance === undefined ? {} : { attendance: match.attendance }),
      ...(match.referee === undefined ? {} : { referee: match.referee }),
    },
    side(match.team1.text, match.link1, match.team1Id),
    side(match.team2.text, match.link2, match.team2Id),
    match.span,
  );
}

/** Extra time and a shoot-out read from the text after a leg's score: `(a.e.t.)`, `(4–3 p)`. */
function afterScore(detail: string | undefined, swap: boolean): Partial<MatchDraft> {
  if (detail === undefined) return {};
  const pens = /(\d{1,3}) ?[–—-] ?(\d{1,3}) ?p/i.exec(detail);
  const [first, second] = [Number(pens?.[1]), Number(pens?.[2])];
  return {
    ...(/a\.? ?e\.? ?t/i.test(detail) ? { extraTime: true } : {}),
    ...(pens === null ? {} : swap ? { homePenalties: second, awayPenalties: first } : { homePenalties: first, awayPenalties: second }),
    note: detail,
  };
}

/**
 * Rows of a two-legged tie: leg 1 at team 1's ground, leg 2 at team 2's (home and away swapped).
 * @param tie the tie record
 * @param context the article's columns
 * @returns one row per leg
 */
export function tieMatches(tie: TieRecord, context: ArticleContext): MatchDraft[] {
  const one: Side = { name: text(tie.team1.name.text) ?? null, link: orNull(tie.team1.link), id: orNull(tie.team1.teamId), code: null };
  const two: Side = { name: text(tie.team2.name.text) ?? null, link: orNull(tie.team2.link), id: orNull(tie.team2.teamId), code: null };
  return tie.legs.map((leg, i) => {
    const swap = i % 2 === 1;
    const played = leg.team1Goals !== undefined && leg.team2Goals !== undefined;
    const score = text(leg.value.text);
    const status: MatchRow['status'] = played ? 'played' : score === undefined ? 'scheduled' : /w\/?o|walkover/i.test(score) ? 'walkover' : 'unknown';
    const goals = swap ? [leg.team2Goals, leg.team1Goals] : [leg.team1Goals, leg.team2Goals];
    return row(
      context,
      {
        section: tie.section,
        source: 'tie',
        recordId: tie.id,
        slot: `leg${i + 1}`,
        leg: i + 1,
        status,
        ...(goals[0] === undefined ? {} : { homeGoals: goals[0] }),
        ...(goals[1] === undefined ? {} : { awayGoals: goals[1] }),
        ...(score === undefined ? {} : { score }),
        ...afterScore(leg.detail, swap),
      },
      swap ? two : one,
      swap ? one : two,
      leg.value.span,
    );
  });
}

/**
 * Rows of a bracket: each leg of each tie whose two slots name a team (a tie with no score yet is
 * one scheduled row).
 * @param bracket the bracket record
 * @param context the article's columns
 * @returns the rows, round by round
 */
export function bracketMatches(bracket: BracketRecord, context: ArticleContext): MatchDraft[] {
  const rows: MatchDraft[] = [];
  for (const round of bracket.rounds) {
    const label = text(round.label?.text);
    for (const tie of round.ties) {
      const [a, b] = tie.slots.map((n) => round.slots.find((s) => s.slot === n));
      if (a?.team === undefined || b?.team === undefined) continue;
      const side = (s: BracketSlot): Side => ({ name: text(s.team?.text) ?? null, link: orNull(s.link), id: orNull(s.teamId), code: null });
      const legs = Math.max(a.scores.length, b.scores.length);
      const base = `round${round.round}-tie${tie.tie}`;
      for (let i = 0; i < Math.max(legs, 1); i++) {
        const swap = legs > 1 && i % 2 === 1;
        const [sa, sb] = [a.scores[i], b.scores[i]];
        const goals = (v: number | undefined): v is number => v !== undefined && Number.isInteger(v) && v >= 0;
        const both = goals(sa?.value) && goals(sb?.value);
        const blank = (sa?.raw ?? '').length === 0 && (sb?.raw ?? '').length === 0;
        const [home, away] = swap ? [b, a] : [a, b];
        const [hg, ag] = swap ? [sb?.value, sa?.value] : [sa?.value, sb?.value];
        rows.push(
          row(
            context,
            {
              section: bracket.section,
              source: 'bracket',
              recordId: bracket.id,
              slot: legs > 1 ? `${base}-leg${i + 1}` : base,
              ...(label === undefined ? {} : { round: label }),
              ...(legs > 1 ? { leg: i + 1 } : {}),
              status: both ? 'played' : blank ? 'scheduled' : 'unknown',
              ...(both && hg !== undefined && ag !== undefined ? { homeGoals: hg, awayGoals: ag, score: `${hg}–${ag}` } : {}),
            },
            side(home),
            side(away),
            (swap ? sb : sa)?.span ?? home.team?.span,
          ),
        );
      }
    }
  }
  return rows;
}
