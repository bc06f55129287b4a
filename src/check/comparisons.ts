/**
 * What a standings table declares that its grid can confirm, by the style's parameter family:
 * WDL (and every style whose parameters are unknown): wins, draws, losses, GF, GA.
 * PKOT (WDL OT, WL OT, WL PK, WL OTL tiebreak): wins including overtime wins (win_ + OTwin_)
 * against the grid's wins by score, extra time included; losses with OTloss_ likewise; and when a
 * row declares PKwin_/PKloss_/SOwin_/SOloss_, those against the drawn scores decided on
 * penalties, draws then being the drawn scores without a shoot-out. The module's own formulas
 * for these styles were not available: the comparison assumes the categories are disjoint (a
 * match counts once, as a win, an overtime win, a shoot-out win, a draw…), which is what the
 * module's totals check implies (ΣOTwin = ΣOTloss apart from Σwins = Σlosses).
 * HA (WDLHA, WLHA): home and away W/D/L/GF/GA against the grid's rows (home) and columns (away).
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Figure, MatchCell, StandingsRecord, StandingsTeam } from '../types/index.js';
import type { FigureName, Tally, VenueTally } from './tally.js';

/** The declared figures a grid can confirm. */
type FigureKey =
  | 'wins' | 'draws' | 'losses' | 'goalsFor' | 'goalsAgainst'
  | 'overtimeWins' | 'overtimeLosses' | 'penaltyWins' | 'penaltyLosses' | 'shootoutWins' | 'shootoutLosses'
  | 'homeWins' | 'homeDraws' | 'homeLosses' | 'homeGoalsFor' | 'homeGoalsAgainst'
  | 'awayWins' | 'awayDraws' | 'awayLosses' | 'awayGoalsFor' | 'awayGoalsAgainst';

/** A declared value: one figure, or the sum of several (`win_` + `OTwin_`). */
export interface Declared {
  team: StandingsTeam;
  value: number;
  /** The figures summed, in the order the comparison names them; the first locates the finding. */
  parts: Figure[];
}

/** One figure (or sum) of a row against what the grid computes. */
export interface Comparison {
  /** The basic figure it is, when the single-correction search may use it. */
  figure?: FigureName;
  code: DiagnosticCode;
  /** Message words around the code: "wins for", "goals scored at home by". */
  words: string;
  /** How a related cell is labelled: "won", "drawn", "played". */
  verb: string;
  declared(team: StandingsTeam): Declared | undefined;
  computed(tally: Tally): number;
  cells(tally: Tally): MatchCell[];
}

/** Sums the numeric figures present; absent when none is present or one is not a number (reported already). */
function sum(team: StandingsTeam, keys: readonly FigureKey[]): Declared | undefined {
  const parts = keys.flatMap((k): Figure[] => {
    const f = team[k];
    return f === undefined ? [] : [f];
  });
  if (parts.length === 0 || parts.some((p) => p.value === undefined)) return undefined;
  return { team, value: parts.reduce((n, p) => n + (p.value ?? 0), 0), parts };
}

const byOffset = (cells: MatchCell[]): MatchCell[] => [...cells].sort((a, b) => a.span.start.offset - b.span.start.offset);
const all = (v: VenueTally): MatchCell[] => byOffset([...v.won, ...v.drawn, ...v.lost]);

/** The five basic comparisons over a venue (all matches, home or away), with their parts. */
function basic(venue: (t: Tally) => VenueTally, keys: Record<FigureName, readonly FigureKey[]>, where: '' | ' at home' | ' away', plain: boolean): Comparison[] {
  const w = where;
  const list: Omit<Comparison, 'figure'>[] = [
    { code: 'check/wins-mismatch', words: `wins${w} for`, verb: 'won', declared: (t) => sum(t, keys.wins), computed: (t) => venue(t).wins, cells: (t) => venue(t).won },
    { code: 'check/draws-mismatch', words: `draws${w} for`, verb: 'drawn', declared: (t) => sum(t, keys.draws), computed: (t) => venue(t).draws, cells: (t) => venue(t).drawn },
    { code: 'check/losses-mismatch', words: `losses${w} for`, verb: 'lost', declared: (t) => sum(t, keys.losses), computed: (t) => venue(t).losses, cells: (t) => venue(t).lost },
    { code: 'check/goals-for-mismatch', words: `goals scored${w} by`, verb: 'played', declared: (t) => sum(t, keys.goalsFor), computed: (t) => venue(t).goalsFor, cells: (t) => all(venue(t)) },
    { code: 'check/goals-against-mismatch', words: `goals conceded${w} by`, verb: 'played', declared: (t) => sum(t, keys.goalsAgainst), computed: (t) => venue(t).goalsAgainst, cells: (t) => all(venue(t)) },
  ];
  return list.map((c, i) => {
    const figure = FIGURES_IN_ORDER[i];
    return plain && figure !== undefined ? { ...c, figure } : c;
  });
}

const FIGURES_IN_ORDER: readonly FigureName[] = ['wins', 'draws', 'losses', 'goalsFor', 'goalsAgainst'];
const SHOOTOUT_KEYS: readonly FigureKey[] = ['penaltyWins', 'penaltyLosses', 'shootoutWins', 'shootoutLosses'];

/**
 * The comparisons for a table.
 * @param table the standings record (its style and the figures its rows declare)
 * @param family the style's argcheck family, undefined for WDL-like reading
 * @returns the comparisons, in the order their findings are reported
 */
export function comparisonsFor(table: StandingsRecord, family: string | undefined): Comparison[] {
  if (family === 'HA') {
    return [
      ...basic((t) => t, { wins: ['wins'], draws: [], losses: [], goalsFor: [], goalsAgainst: [] }, '', false).slice(0, 1),
      ...basic((t) => t.home, { wins: ['homeWins'], draws: ['homeDraws'], losses: ['homeLosses'], goalsFor: ['homeGoalsFor'], goalsAgainst: ['homeGoalsAgainst'] }, ' at home', false),
      ...basic((t) => t.away, { wins: ['awayWins'], draws: ['awayDraws'], losses: ['awayLosses'], goalsFor: ['awayGoalsFor'], goalsAgainst: ['awayGoalsAgainst'] }, ' away', false),
    ];
  }
  if (family !== 'PKOT') return basic((t) => t, { wins: ['wins'], draws: ['draws'], losses: ['losses'], goalsFor: ['goalsFor'], goalsAgainst: ['goalsAgainst'] }, '', true);
  const shootouts = table.teams.some((t) => SHOOTOUT_KEYS.some((k) => t[k]?.value !== undefined));
  const [wins, draws, losses, goalsFor, goalsAgainst] = basic(
    (t) => t,
    { wins: ['wins', 'overtimeWins'], draws: ['draws'], losses: ['losses', 'overtimeLosses'], goalsFor: ['goalsFor'], goalsAgainst: ['goalsAgainst'] },
    '',
    false,
  ) as [Comparison, Comparison, Comparison, Comparison, Comparison];
  const list = [
    { ...wins, words: 'wins (overtime wins included) for' },
    shootouts
      ? {
          ...draws,
          words: 'draws (no shoot-out) for',
          computed: (t: Tally) => t.draws - t.shootoutWon.length - t.shootoutLost.length,
          cells: (t: Tally) => t.drawn.filter((c) => !t.shootoutWon.includes(c) && !t.shootoutLost.includes(c)),
        }
      : draws,
    { ...losses, words: 'losses (overtime losses included) for' },
    goalsFor,
    goalsAgainst,
  ];
  if (!shootouts) return list;
  return [
    ...list,
    { code: 'check/wins-mismatch', words: 'wins on penalties or in a shoot-out for', verb: 'won on penalties', declared: (t) => sum(t, ['penaltyWins', 'shootoutWins']), computed: (t) => t.shootoutWon.length, cells: (t) => t.shootoutWon },
    { code: 'check/losses-mismatch', words: 'losses on penalties or in a shoot-out for', verb: 'lost on penalties', declared: (t) => sum(t, ['penaltyLosses', 'shootoutLosses']), computed: (t) => t.shootoutLost.length, cells: (t) => t.shootoutLost },
  ];
}
