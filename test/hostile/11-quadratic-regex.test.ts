import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { readScore } from '../../src/extract/score.js';
import { withoutQualifier } from '../../src/extract/team-identity.js';
import { BUDGET_MS, timed, warmUp } from './timing.js';

// The inputs of 11-quadratic-regex at their largest size (100 KB inside one template).
const N = 100_000;

describe('11-quadratic-regex', () => {
  beforeAll(warmUp);

  it('should read a score followed by 100,000 digits in linear time', () => {
    const text = `{{#invoke:Sports results|main|team_order=A,B|name_A=Alpha|name_B=Beta\n|match_A_B=1–1 ${'1'.repeat(N)}\n}}`;
    const { result, ms } = timed('score + 100k digits', () => extract(text));
    expect(result.matchGrids[0]?.cells[0]).toMatchObject({ homeGoals: 1, awayGoals: 1 });
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('should read a team name of 100,000 `(` in linear time', () => {
    const text = `{{#invoke:Sports table|main|style=WDL|team_order=A,B|name_A=${'('.repeat(N)}|name_B=Beta}}`;
    const { result, ms } = timed('name of 100k (', () => extract(text));
    expect(result.standings[0]?.teams[0]?.name?.text).toHaveLength(N);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('should read a SurfDoc parameter with 100,000 spaces in its name in linear time', () => {
    const text = `Intro.\n\n|a${' '.repeat(N)}b\n`;
    const { result, ms } = timed('SurfDoc |a<100k spaces>b', () => extract(text, { format: 'surfdoc', file: 'a.surf' }));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it('should read a SurfDoc parameter name with inner and trailing spaces as before', () => {
    const a = extract('Region\n\n|team1=AAA|name_AAA =Alpha|win_AAA  \t=2\n', { format: 'surfdoc', file: 'a.surf' });
    expect(a.standings[0]?.teams[0]).toMatchObject({ code: 'AAA', name: { text: 'Alpha' }, wins: { value: 2 } });
  });

  it('should read penalties as the old pattern did', () => {
    expect(readScore('2–2 (4–3 p)').penalties).toEqual({ home: 4, away: 3 });
    expect(readScore('1–1 12 (10 – 9 pens.)').penalties).toEqual({ home: 10, away: 9 });
    expect(readScore('0–0 (a.e.t., 5-4 on penalties)').penalties).toEqual({ home: 5, away: 4 });
    expect(readScore('1–1 123-4 x').penalties).toBeUndefined();
  });

  it('should drop a trailing bracketed qualifier exactly as /\\s*\\([^)]*\\)\\s*$/ did', () => {
    const old = (s: string) => s.replace(/\s*\([^)]*\)\s*$/, '');
    const alphabet = ['a', ' ', '(', ')', '\t'];
    // Every string of up to 6 characters over the letters that matter.
    const all = (n: number): string[] => (n === 0 ? [''] : all(n - 1).flatMap((s) => alphabet.map((c) => s + c)));
    for (let n = 0; n <= 6; n++) for (const s of all(n)) expect([s, withoutQualifier(s)]).toEqual([s, old(s)]);
    expect(withoutQualifier('Alianza (Lima) ')).toBe('Alianza');
    const { ms } = timed('withoutQualifier of 100k (', () => withoutQualifier(`${'('.repeat(N)}x)`));
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
