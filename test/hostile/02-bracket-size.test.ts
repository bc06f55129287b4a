import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { BUDGET_MS, timed, warmUp } from './timing.js';

const slotCounts = (text: string, options = {}) => {
  const a = extract(text, options);
  return { a, counts: a.brackets.map((b) => b.rounds.map((r) => r.slots.length)) };
};
const outOfRange = (a: ReturnType<typeof extract>) => a.diagnostics.filter((d) => d.code === 'extract/out-of-range').map((d) => d.param);

describe('02-bracket-size', () => {
  beforeAll(warmUp);

  it('should ignore and report a slot number past the size of an NTeamBracket', () => {
    const { result } = timed('4TeamBracket with RD1-team100000000', () => slotCounts('{{4TeamBracket|RD1-team100000000=A|RD1-team1=B}}'));
    expect(result.counts).toEqual([[4, 2]]);
    expect(outOfRange(result.a)).toEqual(['RD1-team100000000']);
  });

  it('should ignore and report a round past MAX_BRACKET_ROUNDS', () => {
    const { a, counts } = slotCounts('{{#invoke:Team bracket|main|RD25-team1=A|RD1-team1=A|RD1-team2=B}}');
    expect(counts).toEqual([[2]]);
    expect(outOfRange(a)).toEqual(['RD25-team1']);
  });

  it('should ignore and report rounds=99', () => {
    const { a, counts } = slotCounts('{{#invoke:Team bracket|main|rounds=99|RD1-team1=A|RD1-team2=B}}');
    expect(counts).toEqual([[2]]);
    expect(outOfRange(a)).toEqual(['rounds']);
  });

  it('should ignore a slot or round written with hundreds of digits', () => {
    const digits = '1'.repeat(400);
    const { result, ms } = timed('400-digit slot and round', () =>
      slotCounts(`{{8TeamBracket-2Leg|RD1-team1=A|RD1-team2=B|RD1-score${digits}-2=3|RD${digits}-team1=A|RD2-team1=A}}`),
    );
    expect(result.counts).toEqual([[8, 4, 2]]);
    expect(outOfRange(result.a)).toEqual([`RD1-score${digits}-2`, `RD${digits}-team1`]);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('should read a SurfDoc bracket run with a 400-digit score slot (fuzz-hang-RD4-score)', () => {
    const surf = `title: "T" type: doc\n\nBracket\n\n|RD1=Final|RD1-team01=A|RD1-score01-1=1|RD1-team02=B|RD4-score${'1'.repeat(400)}-2=3\n`;
    const { result } = timed('SurfDoc RD4-score<400 digits>', () => slotCounts(surf, { format: 'surfdoc', file: 'a.surf' }));
    expect(result.counts).toEqual([[16, 8, 4, 2]]);
    expect(outOfRange(result.a)).toEqual([`RD4-score${'1'.repeat(400)}-2`]);
  });

  it('should read an NTeamBracket name past 256 teams as a bracket of 256', () => {
    const { a, counts } = slotCounts('{{1000000TeamBracket|RD1-team1=A|RD1-team2=B}}');
    expect(counts[0]?.[0]).toBe(256);
    expect(a.diagnostics.map((d) => d.code)).toContain('extract/out-of-range');
  });
});
