import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const huge = '1'.repeat(400);
const tooLarge = (a: ReturnType<typeof extract>) =>
  a.diagnostics.filter((d) => d.code === 'extract/not-a-number' && /too large/.test(d.message)).map((d) => d.param);
/** Every number in the envelope, records and diagnostics alike. */
function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (v === null || typeof v !== 'object') return [];
  return Object.values(v).flatMap(numbers);
}

describe('03-infinite-number', () => {
  it('should leave a 400-digit score out of the grid and report it as too large', () => {
    const a = extract(
      `{{#invoke:Sports table|main|style=WDL|team_order=A,B|win_A=1|loss_B=1|gf_A=1|ga_A=0|gf_B=0|ga_B=1|match_A_B=1${'0'.repeat(400)}–0}}`,
    );
    expect(a.matchGrids[0]?.cells[0]).toMatchObject({ status: 'played', awayGoals: 0 });
    expect(a.matchGrids[0]?.cells[0]?.homeGoals).toBeUndefined();
    expect(tooLarge(a)).toEqual(['match_A_B']);
    expect(a.diagnostics.filter((d) => d.code === 'validate/schema')).toEqual([]);
    expect(numbers(a).every(Number.isFinite)).toBe(true);
  });

  it('should leave a 400-digit declared figure out and check nothing against it', () => {
    const a = extract(`{{#invoke:Sports table|main|team_order=A,B|win_A=${huge}|loss_B=1|match_A_B=1–0}}`);
    expect(a.standings[0]?.teams[0]?.wins).toMatchObject({ param: 'win_A', raw: huge });
    expect(a.standings[0]?.teams[0]?.wins?.value).toBeUndefined();
    expect(tooLarge(a)).toEqual(['win_A']);
    expect(a.diagnostics.some((d) => d.code === 'check/wins-mismatch' && d.param === 'win_A')).toBe(false);
    expect(numbers(a).every(Number.isFinite)).toBe(true);
  });

  it('should report too-large numbers in match boxes, ties, brackets, infoboxes and top-scorer tables', () => {
    const a = extract(
      [
        `{{Infobox football league season|total goals=${huge}}}`,
        `{{Football box|team1=A|team2=B|score=${huge}–1|penaltyscore=${huge}–3|attendance=${huge}}}`,
        `{{TwoLegResult|A||${huge}–1|B||1–0|0–1}}`,
        `{{4TeamBracket|RD1-team1=A|RD1-score1=${huge}|RD1-team2=B|RD1-score2=1}}`,
        `{|\n! Player !! Goals\n|-\n| X || ${huge}\n|}`,
      ].join('\n'),
    );
    expect(tooLarge(a)).toEqual(expect.arrayContaining(['total goals', 'score', 'penaltyscore', 'attendance', '3', 'RD1-score1']));
    expect(a.diagnostics.some((d) => d.code === 'extract/not-a-number' && d.param === undefined && /goals in row 1/.test(d.message))).toBe(true);
    expect(a.matches[0]?.team1Goals).toBeUndefined();
    expect(a.matches[0]?.attendance).toBeUndefined();
    expect(a.diagnostics.filter((d) => d.code === 'validate/schema')).toEqual([]);
    expect(numbers(a).every(Number.isFinite)).toBe(true);
  });

  it('should still read figures up to MAX_FIGURE', () => {
    const a = extract('{{Football box|team1=A|team2=B|score=2–1|attendance=1,000,000}}');
    expect(a.matches[0]).toMatchObject({ team1Goals: 2, team2Goals: 1, attendance: 1_000_000 });
  });
});
