/**
 * Standings rows: one per team per table, with every declared figure, what the table displays, the
 * W/D/L/GF/GA recomputed from the paired grid's scores (walkovers and unplayed cells left out, as
 * the cross-check counts them) and the cross-check's verdict, read from the article's
 * diagnostics: a `check/<figure>-mismatch` about the table whose parameter is one of the row's.
 */
import type { ArticleRecord, Diagnostic, Figure, MatchGridRecord, StandingsRecord, StandingsRow, StandingsTeam, TeamEntity } from '../types/index.js';
import { contextColumns, orNull, positionOf, type ArticleContext } from './context.js';

/** The declared figures a row carries, by column (the same key in the record). */
const FIGURES = [
  'wins', 'draws', 'losses', 'goalsFor', 'goalsAgainst', 'adjustPoints', 'startPoints', 'matches',
  'overtimeWins', 'overtimeLosses', 'penaltyWins', 'penaltyLosses', 'shootoutWins', 'shootoutLosses',
  'homeWins', 'homeDraws', 'homeLosses', 'homeGoalsFor', 'homeGoalsAgainst',
  'awayWins', 'awayDraws', 'awayLosses', 'awayGoalsFor', 'awayGoalsAgainst', 'roundsWon',
] as const satisfies readonly (keyof StandingsTeam & keyof StandingsRow)[];

type FigureKey = (typeof FIGURES)[number];

/** Figures computed from a grid for one team. */
interface Computed {
  played: number;
  wins: number;
  draws: number;
  losses: number;
  goalsFor: number;
  goalsAgainst: number;
}

/** Counts each played cell with a score for both teams (codes mapped to the table's). */
function computeFromGrid(grid: MatchGridRecord): Map<string, Computed> {
  const toTable = new Map(grid.teams.map((t) => [t.code, t.standingsCode ?? t.code]));
  const tallies = new Map<string, Computed>();
  const add = (code: string, scored: number, conceded: number): void => {
    const t = tallies.get(code) ?? { played: 0, wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0 };
    t.played += 1;
    t.goalsFor += scored;
    t.goalsAgainst += conceded;
    if (scored > conceded) t.wins += 1;
    else if (scored < conceded) t.losses += 1;
    else t.draws += 1;
    tallies.set(code, t);
  };
  for (const cell of grid.cells) {
    if (cell.status !== 'played' || cell.homeGoals === undefined || cell.awayGoals === undefined) continue;
    const home = toTable.get(cell.home) ?? cell.home;
    const away = toTable.get(cell.away) ?? cell.away;
    if (home === away) continue;
    add(home, cell.homeGoals, cell.awayGoals);
    add(away, cell.awayGoals, cell.homeGoals);
  }
  return tallies;
}

/**
 * Whether a mismatch is about a figure: it points at the figure's value (legacy rows share
 * parameter names, `w`, `gf`…, so the place decides), or, in output written without spans, it
 * names the figure's parameter and the row's code.
 */
function isAbout(d: Diagnostic, figure: Figure | undefined, code: string): boolean {
  if (figure === undefined) return false;
  const [a, b] = [d.span as Diagnostic['span'] | undefined, figure.span as Figure['span'] | undefined];
  if (a !== undefined && b !== undefined) return a.start.offset === b.start.offset && a.start.line === b.start.line;
  return d.param === figure.param && d.message.includes(`\`${code}\``);
}

/** The figures the check found wrong in a row, and its messages about them. */
function findingsOf(team: StandingsTeam, mismatches: readonly Diagnostic[]): { figures: string[]; messages: string[] } {
  const figures: string[] = [];
  const messages: string[] = [];
  for (const d of mismatches) {
    const key = FIGURES.find((k) => isAbout(d, team[k] as Figure | undefined, team.code));
    if (key === undefined) continue;
    if (!figures.includes(key)) figures.push(key);
    messages.push(d.message);
  }
  return { figures, messages };
}

/**
 * The rows of one standings table.
 * @param table the standings record
 * @param article the envelope (its grids, team registry and diagnostics)
 * @param context the article's columns
 * @param teams the team registry by id
 * @returns one row per team, in table order
 */
export function standingsRows(table: StandingsRecord, article: ArticleRecord, context: ArticleContext, teams: ReadonlyMap<string, TeamEntity>): StandingsRow[] {
  const grid = table.matchGridId === undefined ? undefined : article.matchGrids.find((g) => g.id === table.matchGridId);
  const computed = grid === undefined ? undefined : computeFromGrid(grid);
  const about = article.diagnostics.filter((d) => d.recordId === table.id);
  const mismatches = about.filter((d) => d.code.startsWith('check/') && d.code.endsWith('-mismatch'));
  const walkoversCounted = about.some((d) => d.code === 'check/walkover-convention');
  return table.teams.map((team) => {
    const c = computed === undefined ? undefined : (computed.get(team.code) ?? { played: 0, wins: 0, draws: 0, losses: 0, goalsFor: 0, goalsAgainst: 0 });
    const figures = Object.fromEntries(FIGURES.map((k) => [k, orNull((team[k] as Figure | undefined)?.value)])) as Record<FigureKey, number | null>;
    const found = findingsOf(team, mismatches);
    const entity = team.teamId === undefined ? undefined : teams.get(team.teamId);
    return {
      ...contextColumns(context),
      section: table.section,
      recordId: table.id,
      matchGridId: orNull(table.matchGridId),
      style: table.style,
      rank: team.rank,
      position: team.position,
      teamCode: team.code,
      team: (team.name?.text || entity?.name) ?? null,
      teamLink: orNull(team.link ?? entity?.links[0]),
      teamId: orNull(team.teamId),
      played: orNull(team.displayed.played),
      wins: figures.wins,
      draws: figures.draws,
      losses: figures.losses,
      goalsFor: figures.goalsFor,
      goalsAgainst: figures.goalsAgainst,
      goalDifference: orNull(team.displayed.goalDifference),
      points: orNull(team.displayed.points),
      adjustPoints: figures.adjustPoints,
      startPoints: figures.startPoints,
      matches: figures.matches,
      overtimeWins: figures.overtimeWins,
      overtimeLosses: figures.overtimeLosses,
      penaltyWins: figures.penaltyWins,
      penaltyLosses: figures.penaltyLosses,
      shootoutWins: figures.shootoutWins,
      shootoutLosses: figures.shootoutLosses,
      homeWins: figures.homeWins,
      homeDraws: figures.homeDraws,
      homeLosses: figures.homeLosses,
      homeGoalsFor: figures.homeGoalsFor,
      homeGoalsAgainst: figures.homeGoalsAgainst,
      awayWins: figures.awayWins,
      awayDraws: figures.awayDraws,
      awayLosses: figures.awayLosses,
      awayGoalsFor: figures.awayGoalsFor,
      awayGoalsAgainst: figures.awayGoalsAgainst,
      roundsWon: figures.roundsWon,
      computedPlayed: c?.played ?? null,
      computedWins: c?.wins ?? null,
      computedDraws: c?.draws ?? null,
      computedLosses: c?.losses ?? null,
      computedGoalsFor: c?.goalsFor ?? null,
      computedGoalsAgainst: c?.goalsAgainst ?? null,
      statusLetters: team.status?.letters ?? [],
      result: orNull(team.result?.code),
      resultText: orNull(team.result?.text),
      verdict: grid === undefined ? 'unchecked' : found.figures.length > 0 ? 'disagree' : 'agree',
      disagreements: found.figures,
      findings: found.messages,
      walkoversCounted,
      file: context.file,
      ...positionOf(team.codeSpan),
    };
  });
}
