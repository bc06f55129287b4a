/**
 * Pairs each separate results grid (Module:Sports results) with the standings table of the same
 * teams. Codes may differ between the two (the 1992–93 French Division 1 article writes STR in
 * the table and RCS in the grid), and links may differ for the same code (2005–06 Serie A's
 * Ascoli), so teams are matched by link target, name and code together.
 */
import type { MatchGridRecord, StageContext, StandingsRecord } from '../types/index.js';
import { teamNameKey } from './team-identity.js';

interface Mention {
  code: string;
  link?: string | undefined;
  /** teamNameKey of the display name. */
  key?: string | undefined;
}

const mention = (t: { code: string; link?: string; name?: { text: string } }): Mention => ({
  code: t.code,
  link: t.link,
  key: t.name === undefined ? undefined : teamNameKey(t.name.text),
});

/**
 * Pairs grids with standings tables in place: sets `standingsId`, `matchGridId` and each grid
 * team's `standingsCode`.
 * @param standings the article's standings tables
 * @param grids the article's grids
 * @param context diagnostics sink
 */
export function pairGrids(standings: StandingsRecord[], grids: MatchGridRecord[], context: StageContext): void {
  const tableMentions = new Map(standings.map((t) => [t, t.teams.map(mention)]));
  for (const grid of grids) {
    if (grid.standingsId !== undefined) continue;
    const gridMentions = grid.teams.map(mention);
    let best: { table: StandingsRecord; mapping: Map<string, string> } | undefined;
    for (const table of standings) {
      if (table.matchGridId !== undefined) continue;
      const mapping = matchTeams(gridMentions, tableMentions.get(table) ?? []);
      if (best === undefined || mapping.size > best.mapping.size) best = { table, mapping };
    }
    // Same number of teams and all but one matched: the last pair matches by elimination.
    let eliminated: [string, string] | undefined;
    if (best !== undefined && best.mapping.size === grid.teams.length - 1 && best.table.teams.length === grid.teams.length && grid.teams.length >= 3) {
      const { table, mapping } = best;
      const left = grid.teams.find((t) => !mapping.has(t.code));
      const taken = new Set(mapping.values());
      const other = table.teams.find((t) => !taken.has(t.code));
      if (left !== undefined && other !== undefined) {
        mapping.set(left.code, other.code);
        eliminated = [left.code, other.code];
      }
    }
    const needed = Math.max(2, Math.ceil(grid.teams.length * 0.8));
    if (best === undefined || best.mapping.size < needed) {
      context.report({
        code: 'extract/unpaired-grid',
        stage: 'extract',
        message: `Unexpected results grid of ${grid.teams.length} teams with no standings table of the same teams in this article, expected one to check it against (a transcluded table is not part of the article)`,
        span: grid.span,
        recordId: grid.id,
      });
      continue;
    }
    const { table, mapping } = best;
    grid.standingsId = table.id;
    table.matchGridId = grid.id;
    grid.teams = grid.teams.map((t) => {
      const code = mapping.get(t.code);
      return code === undefined ? t : { ...t, standingsCode: code };
    });
    const renamed = [...mapping].filter(([g, s]) => g !== s).map(([g, s]) => `${g} = ${s}`);
    context.report({
      code: 'extract/grid-paired',
      stage: 'extract',
      message: `Paired the results grid with the standings table \`${table.id}\` (${mapping.size - (eliminated === undefined ? 0 : 1)} of ${grid.teams.length} teams by link, name or code${eliminated === undefined ? '' : `, ${eliminated[0]} = ${eliminated[1]} by elimination`})${renamed.length === 0 ? '' : `; codes that differ: ${renamed.join(', ')}`}`,
      span: grid.span,
      recordId: grid.id,
      related: [{ message: 'the standings table', span: table.span }],
    });
  }
}

/** Greedy one-to-one matching, strongest evidence first: link (4) + name (2) + code (1). */
function matchTeams(from: readonly Mention[], to: readonly Mention[]): Map<string, string> {
  const pairs: { a: string; b: string; score: number }[] = [];
  for (const a of from) {
    for (const b of to) {
      const score =
        (a.link !== undefined && a.link === b.link ? 4 : 0) +
        (a.key !== undefined && a.key === b.key ? 2 : 0) +
        (a.code === b.code ? 1 : 0);
      if (score > 0) pairs.push({ a: a.code, b: b.code, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  const mapping = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (mapping.has(p.a) || taken.has(p.b)) continue;
    mapping.set(p.a, p.b);
    taken.add(p.b);
  }
  return mapping;
}
