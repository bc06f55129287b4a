/**
 * Checks a standings table against itself: Wikipedia's own totals check (Module:Sports
 * table/totalscheck), declared matches against W+D+L, and the order of rows against points.
 * Emits: check/totals-unbalanced, check/played-mismatch, check/order-not-by-points.
 */
import type { StageContext, StandingsRecord } from '../types/index.js';

/**
 * Runs the table's internal checks.
 * @param table the standings record
 * @param context diagnostics sink
 */
export function checkTableRules(table: StandingsRecord, context: StageContext): void {
  checkTotals(table, context);
  for (const team of table.teams) {
    const m = team.matches;
    const [w, d, l] = [team.wins?.value, team.draws?.value, team.losses?.value];
    if (m?.value === undefined || w === undefined || d === undefined || l === undefined || m.value === w + d + l) continue;
    context.report({
      code: 'check/played-mismatch',
      stage: 'check',
      message: `Unexpected ${m.value} matches played for \`${team.code}\`, expected ${w + d + l} from its wins, draws and losses`,
      span: m.span,
      param: m.param,
      declared: m.value,
      computed: w + d + l,
      recordId: table.id,
    });
  }
  for (let i = 1; i < table.teams.length; i++) {
    const above = table.teams[i - 1];
    const below = table.teams[i];
    if (above === undefined || below === undefined || above.position === below.position) continue;
    const [pa, pb] = [above.displayed.points, below.displayed.points];
    if (pa === undefined || pb === undefined || pa >= pb) continue;
    context.report({
      code: 'check/order-not-by-points',
      stage: 'check',
      message: `Unexpected \`${below.code}\` with ${pb} points placed below \`${above.code}\` with ${pa}, expected the table in order of points unless its rules say otherwise`,
      span: below.codeSpan,
      recordId: table.id,
      related: [{ message: `\`${above.code}\` is placed above with ${pa} points`, span: above.codeSpan }],
    });
  }
}

/**
 * Σwins = Σlosses, Σdraws even, ΣGF = ΣGA over the declared figures. A missing figure counts as 0,
 * as in the module's own check; a sum with a non-numeric figure is skipped (already reported).
 */
function checkTotals(table: StandingsRecord, context: StageContext): void {
  const sum = (key: 'wins' | 'draws' | 'losses' | 'goalsFor' | 'goalsAgainst'): number | undefined => {
    let total = 0;
    for (const t of table.teams) {
      const figure = t[key];
      if (figure !== undefined && figure.value === undefined) return undefined;
      total += figure?.value ?? 0;
    }
    return total;
  };
  const [w, d, l, gf, ga] = [sum('wins'), sum('draws'), sum('losses'), sum('goalsFor'), sum('goalsAgainst')];
  const problems: string[] = [];
  if (w !== undefined && l !== undefined && w !== l) problems.push(`total wins ${w} ≠ total losses ${l}`);
  if (d !== undefined && d % 2 !== 0) problems.push(`total draws ${d} is odd`);
  if (gf !== undefined && ga !== undefined && gf !== ga) problems.push(`total goals for ${gf} ≠ total goals against ${ga}`);
  if (problems.length === 0 || table.teams.length < 2) return;
  context.report({
    code: 'check/totals-unbalanced',
    stage: 'check',
    message: `Unexpected totals in \`${table.id}\` (${problems.join('; ')}), expected every win matched by a loss and every goal scored conceded`,
    span: table.span,
    recordId: table.id,
  });
}
