/**
 * The reason wikitally exists: every declared W/D/L/GF/GA of a standings table against the same
 * figures recomputed from its match grid (for styles other than WDL, the figures their family
 * declares: comparisons.ts). Walkovers and unplayed cells are left out, as our articles build
 * their figures, and `null` (no fixture) cells are never counted or suggested; when the figures
 * fit only if walkovers count as 3–0 awards, that convention is accepted and said. Each
 * disagreement names the cells behind the computed value and, when one exists, the single
 * correction that reconciles the whole table.
 * Emits: check/wins-mismatch … check/goals-against-mismatch, check/unknown-grid-team,
 * check/invalid-pairing, check/team-without-matches, check/walkover-convention,
 * check/standings-consistent.
 */
import { styleInfo } from '../extract/sports-styles.js';
import type { MatchCell, MatchGridRecord, StageContext, StandingsRecord, StandingsTeam } from '../types/index.js';
import { comparisonsFor, type Comparison } from './comparisons.js';
import { findCorrections, type Correction } from './correction.js';
import { cellLabel, compareTallies, tallyMatches, type CountedMatch, type Mismatch, type Tally } from './tally.js';

/** Above this many walkovers the 3^n conventions are not all tried. */
const MAX_WALKOVERS = 8;

/**
 * Cross-checks one standings table with its grid.
 * @param table the standings record
 * @param grid the paired grid
 * @param context diagnostics sink
 */
export function checkStandingsAgainstMatches(table: StandingsRecord, grid: MatchGridRecord, context: StageContext): void {
  const codes = table.teams.map((t) => t.code);
  const known = new Set(codes);
  const toTable = new Map(grid.teams.map((t) => [t.code, t.standingsCode ?? t.code]));
  const comparisons = comparisonsFor(table, styleInfo(table.style).family);
  const played: CountedMatch[] = [];
  const walkovers: MatchCell[] = [];
  const uncounted: MatchCell[] = [];
  let noFixture = 0;
  const seen = new Set<string>();
  for (const cell of grid.cells) {
    const home = toTable.get(cell.home) ?? cell.home;
    const away = toTable.get(cell.away) ?? cell.away;
    const stray = [cell.home, cell.away].filter((c, i) => !known.has(i === 0 ? home : away) && c.length > 0);
    if (stray.length > 0) {
      context.report({
        code: 'check/unknown-grid-team',
        stage: 'check',
        message: `Unexpected team ${stray.map((c) => `\`${c}\``).join(' and ')} in \`${cell.param}\`, expected teams of the standings table \`${table.id}\``,
        param: cell.param,
        span: cell.span,
        recordId: grid.id,
      });
      continue;
    }
    // A team against itself marked `null` claims nothing (the diagonal is never read).
    if (home === away && cell.status === 'no-fixture') continue;
    if (home === away) {
      context.report({
        code: 'check/invalid-pairing',
        stage: 'check',
        message: `Unexpected \`${cell.param}\` pairing \`${home}\` with itself, expected two different teams`,
        param: cell.param,
        span: cell.span,
        recordId: grid.id,
      });
      continue;
    }
    seen.add(home).add(away);
    if (cell.status === 'played' && cell.homeGoals !== undefined && cell.awayGoals !== undefined) {
      played.push({ cell, home, away, homeGoals: cell.homeGoals, awayGoals: cell.awayGoals });
    } else if (cell.status === 'walkover') walkovers.push(cell);
    else if (cell.status === 'no-fixture') noFixture++;
    else uncounted.push(cell);
  }
  for (const team of table.teams) {
    if (seen.has(team.code)) continue;
    context.report({
      code: 'check/team-without-matches',
      stage: 'check',
      message: `Unexpected team \`${team.code}\` with no cell in the match grid, expected a row of results for every team`,
      span: team.codeSpan,
      recordId: table.id,
    });
  }

  const mapCell = (cell: MatchCell): Pick<CountedMatch, 'home' | 'away'> => ({
    home: toTable.get(cell.home) ?? cell.home,
    away: toTable.get(cell.away) ?? cell.away,
  });
  let counted = played;
  let mismatches = compareTallies(comparisons, table.teams, tallyMatches(codes, counted));
  if (mismatches.length > 0 && walkovers.length > 0) {
    const alternative = tryWalkoverConventions(comparisons, table.teams, codes, played, walkovers, mapCell);
    if (alternative !== undefined) {
      counted = alternative.counted;
      mismatches = [];
      context.report({
        code: 'check/walkover-convention',
        stage: 'check',
        message: `Unexpected walkovers counted in the declared figures, expected them left out; the figures fit when ${alternative.described.join(', ')}`,
        span: table.span,
        recordId: table.id,
        related: walkovers.map((c) => ({ message: `\`${cellLabel(c)}\``, span: c.span })),
      });
    }
  }
  const tallies = tallyMatches(codes, counted);
  const corrections = mismatches.length > 0 ? findCorrections(mismatches, tallies, counted, [...walkovers, ...uncounted], mapCell) : [];
  for (const m of mismatches) reportMismatch(m, tallies.get(m.team.code), corrections, table, context);

  const agreeing = table.teams.filter((t) => !mismatches.some((m) => m.team === t)).length;
  const awarded = counted.length - played.length;
  context.report({
    code: 'check/standings-consistent',
    stage: 'check',
    message: `Checked \`${table.id}\` against \`${grid.id}\`: ${agreeing} of ${table.teams.length} teams agree; figures recomputed from ${played.length} played cells${awarded > 0 ? ` and ${awarded} walkovers counted as awarded` : ''}, leaving out ${walkovers.length - awarded} walkovers and ${uncounted.length} unplayed or unreadable cells${noFixture > 0 ? `; ${noFixture} cells say no fixture (\`null\`)` : ''}`,
    span: table.span,
    recordId: table.id,
  });
}

function reportMismatch(m: Mismatch, tally: Tally | undefined, corrections: readonly Correction[], table: StandingsRecord, context: StageContext): void {
  const [first] = m.declared.parts;
  if (first === undefined) return;
  const name = m.team.name?.text;
  const cells = tally === undefined ? [] : m.comparison.cells(tally);
  const parts = m.declared.parts.length < 2 ? '' : ` (${m.declared.parts.map((p) => `\`${p.param}=${p.raw}\``).join(' + ')})`;
  // A disagreement the article explains itself (the one cell that would reconcile it is left out
  // and carries a note: an annulled or awarded match) is a warning naming that note.
  const explained = corrections.length === 1 ? corrections[0]?.note : undefined;
  const n = corrections.length;
  context.report({
    code: m.comparison.code,
    ...(explained === undefined ? {} : { severity: 'warning' as const }),
    stage: 'check',
    message: `Unexpected ${m.declared.value} ${m.comparison.words} \`${m.team.code}\`${name === undefined ? '' : ` (${name})`}${parts} in the standings, expected ${m.computed} from the match grid${explained === undefined ? '' : `; the article's note on the match left out explains it: "${explained.length > 120 ? `${explained.slice(0, 119)}…` : explained}"`}`,
    span: first.span,
    param: first.param,
    declared: m.declared.value,
    computed: m.computed,
    recordId: table.id,
    related: [
      ...corrections.map((c) => ({ message: c.message, span: c.span })),
      ...cells.map((c) => ({ message: `${m.comparison.verb}: \`${cellLabel(c)}\``, span: c.span })),
    ],
    ...(n === 0
      ? {}
      : {
          fix: corrections.map((c, i) => ({
            ...c.fix,
            candidate: i + 1,
            candidates: n,
            ...(c.note === undefined ? {} : { note: c.note }),
            // One candidate is a certain edit, unless it counts a cell the article explains.
            ...(n === 1 && c.note === undefined ? { edit: { span: c.fix.span, text: c.fix.proposed } } : {}),
          })),
        }),
  });
}

/** Tries counting each walkover as excluded, a 3–0 home win, or a 0–3 away win; returns a full fit. */
function tryWalkoverConventions(
  comparisons: readonly Comparison[],
  teams: readonly StandingsTeam[],
  codes: readonly string[],
  played: readonly CountedMatch[],
  walkovers: readonly MatchCell[],
  mapCell: (cell: MatchCell) => Pick<CountedMatch, 'home' | 'away'>,
): { counted: CountedMatch[]; described: string[] } | undefined {
  if (walkovers.length > MAX_WALKOVERS) return undefined;
  const options = (cell: MatchCell): (CountedMatch | undefined)[] => {
    const { home, away } = mapCell(cell);
    if (cell.homeGoals !== undefined && cell.awayGoals !== undefined) {
      return [undefined, { cell, home, away, homeGoals: cell.homeGoals, awayGoals: cell.awayGoals }];
    }
    return [undefined, { cell, home, away, homeGoals: 3, awayGoals: 0 }, { cell, home, away, homeGoals: 0, awayGoals: 3 }];
  };
  const choices = walkovers.map(options);
  const pick: (CountedMatch | undefined)[] = [];
  const search = (i: number): CountedMatch[] | undefined => {
    if (i === choices.length) {
      const counted = [...played, ...pick.filter((m): m is CountedMatch => m !== undefined)];
      return compareTallies(comparisons, teams, tallyMatches(codes, counted)).length === 0 ? counted : undefined;
    }
    for (const option of choices[i] ?? []) {
      pick[i] = option;
      const found = search(i + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const counted = search(0);
  if (counted === undefined || pick.every((m) => m === undefined)) return undefined;
  const described = pick.flatMap((m, i) =>
    m === undefined ? [] : [`\`${walkovers[i]?.param ?? ''}\` counts as ${m.homeGoals}–${m.awayGoals}`],
  );
  return { counted, described };
}
