/**
 * Tie rows: one per two-legged tie record and one per bracket tie whose two slots name a team,
 * with the aggregate (declared, else the sum of the legs when every leg has a score) and the team
 * that went through (the bold team of a tie; the team in the next round's slot of a bracket tie).
 */
import type { BracketRecord, BracketSlot, TieRecord, TieRow } from '../types/index.js';
import { contextColumns, orNull, positionOf, type ArticleContext, type ContextColumns } from './context.js';

/** The sum of leg goals, when every leg has them. */
function sum(goals: readonly (number | undefined)[]): number | null {
  if (goals.length === 0 || goals.some((g) => g === undefined)) return null;
  return goals.reduce<number>((n, g) => n + (g ?? 0), 0);
}

const common = (context: ArticleContext): Pick<TieRow, keyof ContextColumns> => contextColumns(context);

/**
 * The row of a tie record.
 * @param tie the tie
 * @param context the article's columns
 * @returns the row
 */
export function tieRow(tie: TieRecord, context: ArticleContext): TieRow {
  const winner = tie.winner === 1 ? tie.team1 : tie.winner === 2 ? tie.team2 : undefined;
  return {
    ...common(context),
    section: tie.section,
    source: 'tie',
    recordId: tie.id,
    slot: 'tie',
    round: null,
    team1: tie.team1.name.text || null,
    team1Link: orNull(tie.team1.link),
    team1Id: orNull(tie.team1.teamId),
    team2: tie.team2.name.text || null,
    team2Link: orNull(tie.team2.link),
    team2Id: orNull(tie.team2.teamId),
    legs: tie.legs.length,
    team1Aggregate: tie.aggregate?.team1Goals ?? sum(tie.legs.map((l) => l.team1Goals)),
    team2Aggregate: tie.aggregate?.team2Goals ?? sum(tie.legs.map((l) => l.team2Goals)),
    aggregate: tie.aggregate?.value.text || null,
    winner: (winner?.name.text || null) ?? null,
    winnerTeamId: orNull(winner?.teamId),
    file: context.file,
    ...positionOf(tie.span),
  };
}

/**
 * The rows of a bracket's ties.
 * @param bracket the bracket
 * @param context the article's columns
 * @returns one row per tie with two teams, round by round
 */
export function bracketTieRows(bracket: BracketRecord, context: ArticleContext): TieRow[] {
  const rows: TieRow[] = [];
  for (const round of bracket.rounds) {
    for (const tie of round.ties) {
      const [a, b] = tie.slots.map((n) => round.slots.find((s) => s.slot === n));
      if (a?.team === undefined || b?.team === undefined) continue;
      const through = tie.throughSlot === undefined ? undefined : tie.throughSlot === a.slot ? a : b;
      const aggregate = (s: BracketSlot): number | null => {
        const declared = s.aggregate?.value;
        if (declared !== undefined && Number.isInteger(declared) && declared >= 0) return declared;
        return s.scores.length > 1 ? sum(s.scores.map((f) => (f.value !== undefined && Number.isInteger(f.value) && f.value >= 0 ? f.value : undefined))) : null;
      };
      rows.push({
        ...common(context),
        section: bracket.section,
        source: 'bracket',
        recordId: bracket.id,
        slot: `round${round.round}-tie${tie.tie}`,
        round: round.label?.text || null,
        team1: a.team.text || null,
        team1Link: orNull(a.link),
        team1Id: orNull(a.teamId),
        team2: b.team.text || null,
        team2Link: orNull(b.link),
        team2Id: orNull(b.teamId),
        legs: Math.max(a.scores.length, b.scores.length),
        team1Aggregate: aggregate(a),
        team2Aggregate: aggregate(b),
        aggregate: null,
        winner: through?.team?.text ?? tie.through ?? null,
        winnerTeamId: orNull(through?.teamId),
        file: context.file,
        ...positionOf(a.team.span),
      });
    }
  }
  return rows;
}
