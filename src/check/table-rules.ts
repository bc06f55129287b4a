/**
 * Checks a standings table against itself: Wikipedia's own totals check (Module:Sports
 * table/totalscheck: Σwins = Σlosses, Σdraws even, ΣGF = ΣGA, and for the other styles
 * Σhwin = Σaloss, Σawin = Σhloss, Σhdraw = Σadraw, ΣPKwin = ΣPKloss, ΣOTwin = ΣOTloss; it reads no
 * SOwin/SOloss), declared matches against W+D+L (styles whose rules are known), and the order of
 * rows against points.
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
  for (const team of table.rulesKnown === false ? [] : table.teams) {
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
    // Teams of different groups with different results: a tournament's final ranking, by the
    // stage each reached (a finalist above a semi-finalist with more points), not by points.
    const byStage = above.group !== undefined && below.group !== undefined && above.group.text.trim() !== below.group.text.trim() && above.result?.code !== below.result?.code;
    context.report({
      code: 'check/order-not-by-points',
      stage: 'check',
      ...(byStage ? { severity: 'info' as const } : {}),
      message: byStage
        ? `Unexpected \`${below.code}\` with ${pb} points placed below \`${above.code}\` with ${pa}, expected the table in order of points unless its rules say otherwise; they come from different groups and reached different stages (${above.result?.code ?? '–'}, ${below.result?.code ?? '–'}), so read as a ranking by stage`
        : `Unexpected \`${below.code}\` with ${pb} points placed below \`${above.code}\` with ${pa}, expected the table in order of points unless its rules say otherwise`,
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
  type Key = 'wins' | 'draws' | 'losses' | 'goalsFor' | 'goalsAgainst' | 'overtimeWins' | 'overtimeLosses' | 'penaltyWins' | 'penaltyLosses'
    | 'homeWins' | 'homeDraws' | 'homeLosses' | 'awayWins' | 'awayDraws' | 'awayLosses';
  const sum = (key: Key): number | undefined => {
    let total = 0;
    let any = false;
    for (const t of table.teams) {
      const figure = t[key];
      if (figure !== undefined && figure.value === undefined) return undefined;
      any ||= figure !== undefined;
      total += figure?.value ?? 0;
    }
    // The columns of other styles are checked only where some row declares them.
    return any || BASIC.has(key) ? total : undefined;
  };
  const BASIC = new Set<Key>(['wins', 'draws', 'losses', 'goalsFor', 'goalsAgainst']);
  const problems: string[] = [];
  const equal = (a: Key, b: Key, what: string): void => {
    const [x, y] = [sum(a), sum(b)];
    if (x !== undefined && y !== undefined && x !== y) problems.push(`total ${what}`.replace('{a}', String(x)).replace('{b}', String(y)));
  };
  equal('wins', 'losses', 'wins {a} ≠ total losses {b}');
  const d = sum('draws');
  if (d !== undefined && d % 2 !== 0) problems.push(`total draws ${d} is odd`);
  equal('goalsFor', 'goalsAgainst', 'goals for {a} ≠ total goals against {b}');
  equal('homeWins', 'awayLosses', 'home wins {a} ≠ total away losses {b}');
  equal('awayWins', 'homeLosses', 'away wins {a} ≠ total home losses {b}');
  equal('homeDraws', 'awayDraws', 'home draws {a} ≠ total away draws {b}');
  equal('penaltyWins', 'penaltyLosses', 'wins on penalties {a} ≠ total losses on penalties {b}');
  equal('overtimeWins', 'overtimeLosses', 'overtime wins {a} ≠ total overtime losses {b}');
  if (problems.length === 0 || table.teams.length < 2) return;
  context.report({
    code: 'check/totals-unbalanced',
    stage: 'check',
    message: `Unexpected totals in \`${table.id}\` (${problems.join('; ')}), expected every win matched by a loss and every goal scored conceded`,
    span: table.span,
    recordId: table.id,
  });
}
