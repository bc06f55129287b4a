/**
 * The figures Module:Sports table/WDL displays for a row, from the declared ones: a missing or
 * non-numeric figure counts as 0 (as the module does), `matches` stands in for Pld only when W/D/L
 * are not numbers, and GD is shown only when neither goal figure is text.
 * https://en.wikipedia.org/wiki/Module:Sports_table/WDL
 */
import type { DisplayedFigures, Figure, PointRules } from '../types/index.js';

/** The declared figures of one row. */
export interface RowFigures {
  wins?: Figure | undefined;
  draws?: Figure | undefined;
  losses?: Figure | undefined;
  goalsFor?: Figure | undefined;
  goalsAgainst?: Figure | undefined;
  adjustPoints?: Figure | undefined;
  startPoints?: Figure | undefined;
  roundsWon?: Figure | undefined;
  matches?: Figure | undefined;
}

/**
 * Computes Pld, GD and Pts as the module shows them.
 * @param f the row's declared figures
 * @param rules points per win, draw, loss, round won (rwpoints, default 1) and goal (goalpoints)
 * @returns the displayed figures
 */
export function displayedFigures(f: RowFigures, rules: PointRules): DisplayedFigures {
  const n = (x: Figure | undefined): number => x?.value ?? 0;
  const numeric = (x: Figure | undefined): boolean => x === undefined || x.value !== undefined;
  const wdlNumeric = numeric(f.wins) && numeric(f.draws) && numeric(f.losses);
  const played = wdlNumeric || f.matches?.value === undefined ? n(f.wins) + n(f.draws) + n(f.losses) : f.matches.value;
  const rounds = (rules.roundsWon ?? 1) * n(f.roundsWon);
  // goalpoints adds points per goal when GF is a number [WDL].
  const goals = rules.goal === undefined || !numeric(f.goalsFor) ? 0 : rules.goal * n(f.goalsFor);
  const points = rules.win * n(f.wins) + rules.draw * n(f.draws) + rules.loss * n(f.losses) + rounds + goals + n(f.adjustPoints) + n(f.startPoints);
  return {
    played,
    ...(numeric(f.goalsFor) && numeric(f.goalsAgainst) ? { goalDifference: n(f.goalsFor) - n(f.goalsAgainst) } : {}),
    points,
  };
}
