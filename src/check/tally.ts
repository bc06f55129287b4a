/**
 * W/D/L/GF/GA per team computed from match cells (in all, at home and away, and shoot-outs after
 * a drawn score), and the comparison with the declared figures a style's comparisons name.
 */
import type { MatchCell } from '../types/index.js';
import type { Comparison, Declared } from './comparisons.js';

/** The five figures every grid can confirm, and the keys of the correction search. */
export const FIGURES = ['wins', 'draws', 'losses', 'goalsFor', 'goalsAgainst'] as const;
export type FigureName = (typeof FIGURES)[number];

/** Computed figures over some matches of one team, with the cells behind each. */
export interface VenueTally {
  wins: number;
  draws: number;
  losses: number;
  goalsFor: number;
  goalsAgainst: number;
  won: MatchCell[];
  drawn: MatchCell[];
  lost: MatchCell[];
}

/** Computed figures of one team: in all, at home, away, and shoot-outs after a drawn score. */
export interface Tally extends VenueTally {
  home: VenueTally;
  away: VenueTally;
  /** Drawn scores the team won or lost on penalties (a `(4–3 p)` tail). */
  shootoutWon: MatchCell[];
  shootoutLost: MatchCell[];
}

/** A counted match: a cell read with a given score (its own, or one assumed for a walkover). */
export interface CountedMatch {
  cell: MatchCell;
  home: string;
  away: string;
  homeGoals: number;
  awayGoals: number;
}

const emptyVenue = (): VenueTally => ({ wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0, won: [], drawn: [], lost: [] });

function count(t: VenueTally, scored: number, conceded: number, cell: MatchCell): void {
  t.goalsFor += scored;
  t.goalsAgainst += conceded;
  if (scored > conceded) {
    t.wins += 1;
    t.won.push(cell);
  } else if (scored < conceded) {
    t.losses += 1;
    t.lost.push(cell);
  } else {
    t.draws += 1;
    t.drawn.push(cell);
  }
}

/**
 * Sums counted matches per team.
 * @param codes the standings codes
 * @param matches the matches to count, with standings codes
 * @returns a tally per code
 */
export function tallyMatches(codes: readonly string[], matches: readonly CountedMatch[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>(codes.map((c) => [c, { ...emptyVenue(), home: emptyVenue(), away: emptyVenue(), shootoutWon: [], shootoutLost: [] }]));
  for (const m of matches) {
    const h = tallies.get(m.home);
    const a = tallies.get(m.away);
    if (h === undefined || a === undefined) continue;
    count(h, m.homeGoals, m.awayGoals, m.cell);
    count(h.home, m.homeGoals, m.awayGoals, m.cell);
    count(a, m.awayGoals, m.homeGoals, m.cell);
    count(a.away, m.awayGoals, m.homeGoals, m.cell);
    const pens = m.cell.penalties;
    // Only the cell's own score: a walkover counted as 3–0 had no shoot-out.
    if (m.homeGoals === m.awayGoals && pens !== undefined && pens.home !== pens.away && m.cell.homeGoals === m.homeGoals) {
      (pens.home > pens.away ? h.shootoutWon : a.shootoutWon).push(m.cell);
      (pens.home > pens.away ? a.shootoutLost : h.shootoutLost).push(m.cell);
    }
  }
  return tallies;
}

/** A declared figure (or sum of figures) that the grid does not confirm. */
export interface Mismatch {
  team: Declared['team'];
  comparison: Comparison;
  declared: Declared;
  computed: number;
}

/**
 * Compares declared figures with computed ones; absent or non-numeric declared figures are skipped.
 * @param comparisons what the table's style declares and how the grid computes it
 * @param teams the standings teams
 * @param tallies computed figures per code
 * @returns every disagreement, in table order
 */
export function compareTallies(comparisons: readonly Comparison[], teams: readonly Declared['team'][], tallies: ReadonlyMap<string, Tally>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const team of teams) {
    const t = tallies.get(team.code);
    if (t === undefined) continue;
    for (const comparison of comparisons) {
      const declared = comparison.declared(team);
      if (declared === undefined) continue;
      const computed = comparison.computed(t);
      if (declared.value !== computed) out.push({ team, comparison, declared, computed });
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
