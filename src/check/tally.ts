/**
 * W/D/L/GF/GA per team computed from match cells, and the comparison with the declared figures.
 */
import type { MatchCell, StandingsTeam } from '../types/index.js';

/** The five figures a grid can confirm. */
export const FIGURES = ['wins', 'draws', 'losses', 'goalsFor', 'goalsAgainst'] as const;
export type FigureName = (typeof FIGURES)[number];

/** Computed figures of one team, with the cells behind each. */
export interface Tally {
  wins: number;
  draws: number;
  losses: number;
  goalsFor: number;
  goalsAgainst: number;
  won: MatchCell[];
  drawn: MatchCell[];
  lost: MatchCell[];
}

/** A counted match: a cell read with a given score (its own, or one assumed for a walkover). */
export interface CountedMatch {
  cell: MatchCell;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}

/**
 * Sums counted matches per team.
 * @param codes the standings codes
 * @param matches the matches to count, with standings codes
 * @returns a tally per code
 */
export function tallyMatches(codes: readonly string[], matches: readonly CountedMatch[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>(
    codes.map((c) => [c, { wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0, won: [], drawn: [], lost: [] }]),
  );
  for (const m of matches) {
    const h = tallies.get(m.home);
    const a = tallies.get(m.away);
    if (h === undefined || a === undefined) continue;
    h.goalsFor += m.homeGoals;
    h.goalsAgainst += m.awayGoals;
    a.goalsFor += m.awayGoals;
    a.goalsAgainst += m.homeGoals;
    if (m.homeGoals > m.awayGoals) {
      h.wins += 1;
      h.won.push(m.cell);
      a.losses += 1;
      a.lost.push(m.cell);
    } else if (m.homeGoals < m.awayGoals) {
      a.wins += 1;
      a.won.push(m.cell);
      h.losses += 1;
      h.lost.push(m.cell);
    } else {
      h.draws += 1;
      h.drawn.push(m.cell);
      a.draws += 1;
      a.drawn.push(m.cell);
    }
  }
  return tallies;
}

/** A declared figure that the grid does not confirm. */
export interface Mismatch {
  team: StandingsTeam;
  figure: FigureName;
  declared: number;
  computed: number;
}

/**
 * Compares declared figures with computed ones; absent or non-numeric declared figures are skipped.
 * @param teams the standings teams
 * @param tallies computed figures per code
 * @returns every disagreement, in table order
 */
export function compareTallies(teams: readonly StandingsTeam[], tallies: ReadonlyMap<string, Tally>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const team of teams) {
    const t = tallies.get(team.code);
    if (t === undefined) continue;
    for (const figure of FIGURES) {
      const declared = team[figure]?.value;
      if (declared !== undefined && declared !== t[figure]) out.push({ team, figure, declared, computed: t[figure] });
    }
  }
  return out;
}

/**
 * How a cell is named in messages: `match_X_Y=2–1`, or the whole call for legacy `{{fb r}}` cells.
 * @param cell the cell
 * @returns the label, without backquotes
 */
export function cellLabel(cell: MatchCell): string {
  return cell.raw.startsWith('{{') ? cell.raw : `${cell.param}=${cell.raw}`;
}
