/**
 * The single correction that would reconcile every disagreement of a table, when there is one:
 * a grid cell between the two teams that disagree, read with another score (or, for a cell left
 * out, with a score at all), or — when one figure of one team disagrees — the declared value.
 */
import type { MatchCell, Span } from '../types/index.js';
import { cellLabel, type CountedMatch, type FigureName, type Mismatch, type Tally } from './tally.js';

/** What to change, said in one sentence, and where; `fix` says it as data. */
export interface Correction {
  message: string;
  span: Span;
  fix: {
    /** The parameter to change (`match_DPO_CSÁ`, `gf_CSÁ`), or the legacy cell's template. */
    param: string;
    span: Span;
    /** Its raw text now, and the raw text that would reconcile the table. */
    current: string;
    proposed: string;
  };
  /** The left-out cell's own note, when the correction counts a cell the article explains (annulled, awarded). */
  note?: string;
}

type Deltas = Record<FigureName, number>;

/** More fitting cells than this say nothing useful about where the mistake is. */
const MAX_ALTERNATIVES = 3;

/**
 * Searches for a single correction.
 * @param mismatches every disagreement of the table
 * @param tallies computed figures per team
 * @param counted the matches counted
 * @param uncounted cells left out (walkovers, empty, annulled)
 * @param mapCell grid codes → standings codes
 * @returns the corrections that fit (at most a few; none when nothing, or too much, fits)
 */
export function findCorrections(
  mismatches: readonly Mismatch[],
  tallies: ReadonlyMap<string, Tally>,
  counted: readonly CountedMatch[],
  uncounted: readonly MatchCell[],
  mapCell: (cell: MatchCell) => Pick<CountedMatch, 'home' | 'away'>,
): Correction[] {
  const deltas = new Map<string, Deltas>();
  for (const m of mismatches) {
    // Sums and venue figures (other styles) say too little about one cell to search for it.
    const figure = m.comparison.figure;
    if (figure === undefined) return [];
    const d = deltas.get(m.team.code) ?? { wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0 };
    d[figure] = m.declared.value - m.computed;
    deltas.set(m.team.code, d);
  }
  if (deltas.size === 1 && mismatches.length === 1) {
    const m = mismatches[0];
    const declared = m?.declared.parts[0];
    if (m === undefined || declared === undefined) return [];
    return [
      {
        message: `only this figure disagrees, and no grid cell changes one team alone: \`${declared.param}=${m.computed}\` reconciles the table`,
        span: declared.span,
        fix: { param: declared.param, span: declared.span, current: declared.raw, proposed: String(m.computed) },
      },
    ];
  }
  if (deltas.size !== 2 || tallies.size === 0) return [];
  const [p, q] = [...deltas.keys()];
  const between = (home: string, away: string): boolean => (home === p && away === q) || (home === q && away === p);
  const fits: Correction[] = [];
  for (const m of counted) {
    if (!between(m.home, m.away)) continue;
    const fixed = solve(m.home, m.away, { homeGoals: m.homeGoals, awayGoals: m.awayGoals }, deltas);
    if (fixed === undefined) continue;
    fits.push({
      message: `\`${cellLabel(m.cell)}\` read as ${fixed.homeGoals}–${fixed.awayGoals} reconciles every difference in this table`,
      span: m.cell.span,
      fix: cellFix(m.cell, fixed),
    });
  }
  for (const cell of uncounted) {
    const { home, away } = mapCell(cell);
    if (!between(home, away)) continue;
    const fixed = solve(home, away, undefined, deltas);
    if (fixed === undefined) continue;
    const note = cell.note === undefined ? '' : `; its note: "${truncate(cell.note.text, 160)}"`;
    fits.push({
      message: `\`${cell.raw.startsWith('{{') ? cell.raw : cell.param}\` is left out (${cell.raw.length === 0 ? 'empty' : cell.raw.startsWith('{{') ? 'no score' : `\`${cell.raw}\``}${note}); counted as ${fixed.homeGoals}–${fixed.awayGoals} it reconciles every difference in this table`,
      span: cell.span,
      fix: cellFix(cell, fixed),
      ...(cell.note === undefined ? {} : { note: cell.note.text }),
    });
  }
  if (fits.length === 0 || fits.length > MAX_ALTERNATIVES) return [];
  return fits.length === 1
    ? fits.map((f) => ({ ...f, message: `a single correction: ${f.message}` }))
    : fits.map((f, i) => ({ ...f, message: `a single correction (${i + 1} of ${fits.length} that fit): ${f.message}` }));
}

/** The score that turns `before` (or nothing) into what the declared figures need, if any. */
function solve(
  home: string,
  away: string,
  before: { homeGoals: number; awayGoals: number } | undefined,
  deltas: ReadonlyMap<string, Deltas>,
): { homeGoals: number; awayGoals: number } | undefined {
  const h = deltas.get(home);
  const a = deltas.get(away);
  if (h === undefined || a === undefined) return undefined;
  const x0 = before?.homeGoals ?? 0;
  const y0 = before?.awayGoals ?? 0;
  const x = x0 + h.goalsFor;
  const y = y0 + h.goalsAgainst;
  if (x < 0 || y < 0 || a.goalsFor !== y - y0 || a.goalsAgainst !== x - x0) return undefined;
  const outcome = (hg: number, ag: number): Deltas => ({
    wins: hg > ag ? 1 : 0,
    draws: hg === ag ? 1 : 0,
    losses: hg < ag ? 1 : 0,
    goalsFor: 0,
    goalsAgainst: 0,
  });
  const oldHome = before === undefined ? outcome(0, 0) : outcome(x0, y0);
  const newHome = outcome(x, y);
  const scale = before === undefined ? 0 : 1;
  for (const f of ['wins', 'draws', 'losses'] as const) {
    const homeChange = newHome[f] - scale * oldHome[f];
    const awayF = f === 'wins' ? 'losses' : f === 'losses' ? 'wins' : 'draws';
    const awayChange = newHome[awayF] - scale * oldHome[awayF];
    if (h[f] !== homeChange || a[f] !== awayChange) return undefined;
  }
  if (before !== undefined && x === x0 && y === y0) return undefined;
  return { homeGoals: x, awayGoals: y };
}

/**
 * The raw text a cell would need: the same text with its score replaced (a score inside a link
 * stays inside it), a legacy `{{fb r}}` with its gf/ga replaced, or a plain score for an empty cell.
 */
function cellFix(cell: MatchCell, to: { homeGoals: number; awayGoals: number }): Correction['fix'] {
  const raw = cell.raw;
  let proposed: string;
  if (raw.startsWith('{{')) {
    proposed = raw.replace(/(\|[ \t]*gf[ \t]*=)[^|}]*/, `$1${to.homeGoals}`).replace(/(\|[ \t]*ga[ \t]*=)[^|}]*/, `$1${to.awayGoals}`);
  } else {
    const score = findScore(raw);
    proposed = score === undefined ? `${to.homeGoals}–${to.awayGoals}` : `${raw.slice(0, score.start)}${to.homeGoals}${score.dash}${to.awayGoals}${raw.slice(score.end)}`;
  }
  return { param: cell.param, span: cell.span, current: raw, proposed };
}

/** The first `N–M` of a text (any dash, spaces around it), found by one scan. */
function findScore(raw: string): { start: number; end: number; dash: string } | undefined {
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < raw.length; i++) {
    if (!isDigit(raw[i]) || isDigit(raw[i - 1])) continue;
    let j = i;
    while (isDigit(raw[j])) j++;
    let k = j;
    while (raw[k] === ' ') k++;
    if (!'-–—−‒'.includes(raw[k] ?? 'x')) {
      i = j;
      continue;
    }
    let m = k + 1;
    while (raw[m] === ' ') m++;
    if (!isDigit(raw[m])) {
      i = j;
      continue;
    }
    let e = m;
    while (isDigit(raw[e])) e++;
    return { start: i, end: e, dash: raw.slice(j, m) };
  }
  return undefined;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
