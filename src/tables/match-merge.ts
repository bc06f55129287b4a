/**
 * One row per match of an article. A match can be written twice in one article: a league match as
 * a grid cell and a football box, a knockout leg in a tie table, a bracket and a football box. Two
 * drafts are the same match when they come from sources that can repeat each other (a football box
 * and a grid, tie or bracket; a tie and a bracket), have the same home and away team ids and the
 * same score (or both no score). The row kept is the football box's, then the tie's, the bracket's,
 * the grid's, because that order goes from the source that says most about one match (date, venue,
 * referee, extra time) to the one that says least; its empty columns are filled from the others,
 * which are listed in `alsoIn`. A grid never merges with a tie or a bracket (a league table and a
 * knockout round do not hold the same match), nor two sources of one kind (a grid with legs holds
 * the same pairing twice).
 */
import type { MatchRow } from '../types/index.js';
import type { MatchDraft } from './match-sources.js';

/** Which source wins a merge: lower first. */
const PRIORITY: Readonly<Record<MatchRow['source'], number>> = { 'football-box': 0, tie: 1, bracket: 2, grid: 3 };

/** Source pairs that may write the same match. */
const REPEATS = new Set(['football-box|grid', 'football-box|tie', 'football-box|bracket', 'tie|bracket']);

/** Columns a winning row takes from the rows merged into it when it has no value of its own. */
const FILLED: readonly (keyof MatchDraft)[] = [
  'round', 'leg', 'homeTeamLink', 'homeTeamCode', 'awayTeamLink', 'awayTeamCode', 'extraTime', 'homePenalties', 'awayPenalties', 'awarded', 'note',
];

/**
 * The stable id of a match: the article, the record and the place in it.
 * @param draft the row
 * @returns `<article>#<recordId>#<slot>`
 */
export function matchIdOf(draft: Pick<MatchDraft, 'article' | 'recordId' | 'slot'>): string {
  return `${draft.article}#${draft.recordId}#${draft.slot}`;
}

function sameScore(a: MatchDraft, b: MatchDraft): boolean {
  return a.homeGoals === b.homeGoals && a.awayGoals === b.awayGoals;
}

/**
 * Merges the drafts of one article into rows.
 * @param drafts every draft of the article, in output order
 * @returns the rows, each match once, with ids and merge lists
 */
export function mergeMatches(drafts: readonly MatchDraft[]): MatchRow[] {
  const byTeams = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (d.homeTeamId === null || d.awayTeamId === null) return;
    const key = `${d.homeTeamId}\u0000${d.awayTeamId}`;
    const list = byTeams.get(key) ?? [];
    list.push(i);
    byTeams.set(key, list);
  });
  const absorbedBy = new Map<number, number>();
  const absorbed = new Map<number, number[]>();
  for (const group of byTeams.values()) {
    if (group.length < 2) continue;
    const ordered = [...group].sort((a, b) => PRIORITY[drafts[a]?.source ?? 'grid'] - PRIORITY[drafts[b]?.source ?? 'grid'] || a - b);
    for (const w of ordered) {
      const winner = drafts[w];
      if (winner === undefined || absorbedBy.has(w)) continue;
      const kinds = new Set<string>();
      for (const o of ordered) {
        const other = drafts[o];
        if (other === undefined || o === w || absorbedBy.has(o) || absorbed.has(o) || kinds.has(other.source)) continue;
        if (PRIORITY[other.source] <= PRIORITY[winner.source] || !REPEATS.has(`${winner.source}|${other.source}`) || !sameScore(winner, other)) continue;
        kinds.add(other.source);
        absorbedBy.set(o, w);
        absorbed.set(w, [...(absorbed.get(w) ?? []), o]);
      }
    }
  }
  const rows: MatchRow[] = [];
  drafts.forEach((draft, i) => {
    if (absorbedBy.has(i)) return;
    const others = (absorbed.get(i) ?? []).flatMap((o) => (drafts[o] === undefined ? [] : [drafts[o]]));
    const filled: Record<string, unknown> = { ...draft };
    for (const key of FILLED) {
      if (filled[key] !== null) continue;
      const from = others.find((o) => o[key] !== null);
      if (from !== undefined) filled[key] = from[key];
    }
    const { article, ...rest } = filled as MatchDraft;
    rows.push({ matchId: matchIdOf(draft), article, ...rest, alsoIn: others.map((o) => `${o.recordId}#${o.slot}`) });
  });
  return rows;
}
