import { describe, expect, it } from 'vitest';
import { mergeMatches } from '../../src/tables/match-merge.js';
import type { MatchDraft } from '../../src/tables/match-sources.js';

/** A draft with the columns a merge reads; the others null. */
function draft(source: MatchDraft['source'], recordId: string, slot: string, home: string, away: string, goals: [number, number] | null, extra: Partial<MatchDraft> = {}): MatchDraft {
  return {
    article: 'A', pageId: null, revisionId: null, competition: null, season: null, section: [], round: null, leg: null,
    source, recordId, slot, homeTeam: home, homeTeamLink: null, homeTeamId: `team/${home}`, homeTeamCode: null,
    awayTeam: away, awayTeamLink: null, awayTeamId: `team/${away}`, awayTeamCode: null,
    homeGoals: goals?.[0] ?? null, awayGoals: goals?.[1] ?? null, extraTime: null, homePenalties: null, awayPenalties: null,
    status: goals === null ? 'scheduled' : 'played', awarded: null, score: null, note: null, date: null, venue: null, location: null,
    attendance: null, referee: null, file: 'a.wiki', line: null, column: null, endLine: null, endColumn: null, ...extra,
  };
}

describe('mergeMatches', () => {
  it('should keep one row for a match in a grid and a football box: the box, with the cell in alsoIn and its code', () => {
    const rows = mergeMatches([
      draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [2, 1], { homeTeamCode: 'X', awayTeamCode: 'Y' }),
      draft('football-box', 'match/1', 'box', 'x', 'y', [2, 1], { date: '1 May' }),
    ]);
    expect(rows.map((r) => [r.matchId, r.source, r.date, r.homeTeamCode, r.alsoIn])).toEqual([['A#match/1#box', 'football-box', '1 May', 'X', ['grid/1#match_X_Y']]]);
  });

  it('should keep both when the scores differ, or the ground is the other team\'s', () => {
    expect(mergeMatches([draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [2, 1]), draft('football-box', 'match/1', 'box', 'x', 'y', [1, 1])])).toHaveLength(2);
    expect(mergeMatches([draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [2, 1]), draft('football-box', 'match/1', 'box', 'y', 'x', [2, 1])])).toHaveLength(2);
  });

  it('should never merge a grid with a tie or a bracket, nor two sources of one kind', () => {
    expect(mergeMatches([draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [1, 0]), draft('tie', 'tie/1', 'leg1', 'x', 'y', [1, 0])])).toHaveLength(2);
    expect(mergeMatches([draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [1, 0]), draft('bracket', 'bracket/1', 'round1-tie1', 'x', 'y', [1, 0])])).toHaveLength(2);
    expect(mergeMatches([draft('grid', 'grid/1', 'match1_X_Y', 'x', 'y', [1, 0]), draft('grid', 'grid/1', 'match2_X_Y', 'x', 'y', [1, 0])])).toHaveLength(2);
  });

  it('should let a football box take one leg of a tie and a bracket each, the tie before the bracket', () => {
    const rows = mergeMatches([
      draft('football-box', 'match/1', 'box', 'x', 'y', [0, 0]),
      draft('tie', 'tie/1', 'leg1', 'x', 'y', [0, 0], { leg: 1 }),
      draft('bracket', 'bracket/1', 'round1-tie1-leg1', 'x', 'y', [0, 0]),
    ]);
    expect(rows.map((r) => [r.source, r.leg, r.alsoIn])).toEqual([['football-box', 1, ['tie/1#leg1', 'bracket/1#round1-tie1-leg1']]]);
  });

  it('should not merge matches whose teams are not known by id', () => {
    const a = draft('grid', 'grid/1', 'match_X_Y', 'x', 'y', [1, 0], { homeTeamId: null });
    const b = draft('football-box', 'match/1', 'box', 'x', 'y', [1, 0], { homeTeamId: null });
    expect(mergeMatches([a, b])).toHaveLength(2);
  });
});
