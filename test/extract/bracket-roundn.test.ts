import { describe, expect, it } from 'vitest';
import { extract, type BracketRecord } from '../../src/index.js';

// Module:RoundN, as its source reads the unnamed parameters: `date-place | team 1 | score 1 |
// team 2 | score 2` a match, round by round, the final, then the third-place match.
const match = (date: string, t1: string, s1: string, t2: string, s2: string): string => `|${date}|${t1}|${s1}|${t2}|${s2}\n`;
const eight = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** An 8-team bracket won by the first team of each tie: A, C, E, G; then A, E; then A. */
const r8 = [
  match('d1', 'A', '2', 'B', '1'),
  match('d2', 'C', '1 (4)', 'D', '1 (3)'),
  match('d3', 'E', '3', 'F', '0'),
  match('d4', 'G', '1', 'H', '0'),
  match('d5', 'A', '2', 'C', '0'),
  match('d6', 'E', '1', 'G', '0'),
  match('d7', 'A', '1', 'E', '0'),
].join('');
const third = match('d8', 'C', '2', 'G', '1');

const bracketOf = (text: string): { bracket: BracketRecord | undefined; codes: string[] } => {
  const a = extract(text, { file: 'roundn.wiki' });
  return { bracket: a.brackets[0], codes: a.diagnostics.map((d) => d.code) };
};
const teams = (b: BracketRecord | undefined): (string | undefined)[][] => b?.rounds.map((r) => r.slots.map((s) => s.team?.text)) ?? [];

describe('Module:RoundN brackets', () => {
  it('should read {{Round8}} as 3 rounds of unnamed matches, with who went through', () => {
    const { bracket, codes } = bracketOf(`{{Round8\n${r8}}}`);
    expect(bracket?.template).toBe('Round8');
    expect(teams(bracket)).toEqual([eight, ['A', 'C', 'E', 'G'], ['A', 'E']]);
    expect(bracket?.rounds[0]?.ties.map((t) => t.through)).toEqual(['A', 'C', 'E', 'G']);
    expect(bracket?.rounds[0]?.slots[2]?.scores.map((f) => [f.param, f.raw, f.value])).toEqual([['8', '1 (4)', 1]]);
    expect(codes).toEqual([]);
  });

  it('should draw no third-place match under 16 teams unless asked, and say that a written one is not shown', () => {
    expect(bracketOf(`{{Round8\n${r8}${third}}}`).codes).toEqual(['extract/out-of-range']);
    for (const text of [`{{Round8|3rdplace=yes\n${r8}${third}}}`, `{{Round8-with third\n${r8}${third}}}`]) {
      const { bracket, codes } = bracketOf(text);
      // The third-place match is slots 3–4 of the last round, as the NTeamBracket family draws it.
      expect([teams(bracket)[2], codes]).toEqual([['A', 'E', 'C', 'G'], []]);
    }
  });

  it('should draw a third-place match from 16 teams on, unless 3rdplace is another value than yes', () => {
    const r16 = Array.from({ length: 8 }, (_, i) => match(`d${i}`, `T${2 * i + 1}`, '1', `T${2 * i + 2}`, '0')).join('');
    const later = [match('q1', 'T1', '1', 'T3', '0'), match('q2', 'T5', '1', 'T7', '0'), match('q3', 'T9', '1', 'T11', '0'), match('q4', 'T13', '1', 'T15', '0')].join('');
    const semis = match('s1', 'T1', '1', 'T5', '0') + match('s2', 'T9', '1', 'T13', '0');
    const final = match('f', 'T1', '1', 'T9', '0');
    const bronze = match('b', 'T5', '1', 'T13', '0');
    expect(teams(bracketOf(`{{Round16\n${r16}${later}${semis}${final}${bronze}}}`).bracket)[3]).toEqual(['T1', 'T9', 'T5', 'T13']);
    const without = bracketOf(`{{Round16|3rdplace=no\n${r16}${later}${semis}${final}}}`);
    expect([teams(without.bracket)[3], without.codes]).toEqual([['T1', 'T9'], []]);
  });

  it('should read two score boxes as two legs, and the size from #invoke:RoundN|N4', () => {
    const text = '{{#invoke:RoundN|N4|score-boxes=2\n|d|A|1|2|B|0|0\n|d|C|0|1|D|2|2\n|d|A|1|1|D|0|0\n}}';
    const { bracket, codes } = bracketOf(text);
    expect(bracket?.template).toBe('Module:RoundN');
    expect(bracket?.legs).toBe(2);
    expect(bracket?.rounds.map((r) => r.slots.map((s) => `${s.team?.text}:${s.scores.map((f) => f.value).join('+')}`))).toEqual([
      ['A:1+2', 'B:0+0', 'C:0+1', 'D:2+2'],
      ['A:1+1', 'D:0+0'],
    ]);
    expect(codes).toEqual([]);
  });

  it('should use up a skipped match’s parameters unless omit_blanks=yes', () => {
    const rest = match('d', 'C', '1', 'D', '0') + match('d', 'A', '1', 'C', '0');
    const used = bracketOf(`{{Round4|skipmatch1=yes\n${match('x', 'X', '9', 'Y', '9')}${rest}}}`);
    expect(teams(used.bracket)).toEqual([[undefined, undefined, 'C', 'D'], ['A', 'C']]);
    const omitted = bracketOf(`{{Round4|skipmatch=1|omit_blanks=yes\n${rest}}}`);
    expect(teams(omitted.bracket)).toEqual([[undefined, undefined, 'C', 'D'], ['A', 'C']]);
  });

  it('should read skipmatch lists with ranges and `per` steps', () => {
    // Round8: skip matches 1 and 3 (1per2-3) and 4 (a range); their parameters are used up.
    const { bracket } = bracketOf(`{{Round8|skipmatch=1per2-3;4-4\n${r8}}}`);
    expect(teams(bracket)[0]).toEqual([undefined, undefined, 'C', 'D', undefined, undefined, undefined, undefined]);
    expect(teams(bracket)[1]).toEqual(['A', 'C', 'E', 'G']);
  });

  it('should draw the first column as wide as the rounds final_RDs_excluded leaves out, with no third place', () => {
    // Two columns of a 16-team draw (8 then 4 matches); the semi-finals and final are drawn elsewhere.
    const first = Array.from({ length: 8 }, (_, i) => match(`d${i}`, `T${2 * i + 1}`, '1', `T${2 * i + 2}`, '0')).join('');
    const second = Array.from({ length: 4 }, (_, i) => match(`q${i}`, `T${4 * i + 1}`, '1', `T${4 * i + 3}`, '0')).join('');
    const matches = first + second;
    const { bracket, codes } = bracketOf(`{{#invoke:RoundN|main|columns=2|final_RDs_excluded=2\n${matches}}}`);
    expect(bracket?.rounds.map((r) => r.slots.length)).toEqual([16, 8]);
    expect(codes).toEqual([]);
  });

  it('should bold the winner of two legs by their sum with score-boxes=2+sum', () => {
    const bold = (boxes: string): (string | undefined)[] =>
      bracketOf(`{{Round2|score-boxes=${boxes}|bold_winner=high\n|d|A|3|0|B|0|2\n}}`).bracket?.rounds[0]?.slots.filter((s) => s.bold === true).map((s) => s.team?.text) ?? [];
    // A 3+0 = 3, B 0+2 = 2: A on the sum, though B won the last leg (which alone decides without a sum box).
    expect(bold('2+sum')).toEqual(['A']);
    expect(bold('2')).toEqual(['B']);
  });

  it('should bold the winner as bold_winner does: digits only, so a shoot-out in brackets counts', () => {
    const bold = (text: string): (string | undefined)[] => bracketOf(text).bracket?.rounds[0]?.slots.filter((s) => s.bold === true).map((s) => s.team?.text) ?? [];
    expect(bold(`{{Round8|bold_winner=high\n${r8}}}`)).toEqual(['A', 'C', 'E', 'G']);
    expect(bold(`{{Round8|bold_winner=low\n${r8}}}`)).toEqual(['B', 'D', 'F', 'H']);
    expect(bold(`{{Round8|bold_winner=high|manualboldmatch2=yes\n${r8}}}`)).toEqual(['A', 'E', 'G']);
    expect(bold(`{{Round8\n${r8}}}`)).toEqual([]);
  });

  it('should name national teams by their code in the bracket and in the match boxes, and find a score they disagree on', () => {
    const box = (t1: string, t2: string, score: string): string => `{{Football box\n|team1 = {{fb-rt|${t1}}}\n|score = ${score}\n|team2 = {{fb|${t2}}}\n}}\n`;
    const bracket = '{{Round4|bold_winner=high\n|d|{{fb|BRA}}{{pen}}|1 (3)|{{fb|CHI}}|1 (2)\n|d|{{fb|COL}}|2|{{fb|URU}}|0\n|d|{{fb|BRA}}|2|{{fb|COL}}|1\n}}\n';
    const good = extract(bracket + box('BRA', 'CHI', '1–1') + box('COL', 'URU', '2–0'), { file: 'a.wiki' });
    expect(good.diagnostics.map((d) => d.code)).toEqual([]);
    expect(good.matches.map((m) => [m.team1.text, m.team2.text])).toEqual([
      ['BRA', 'CHI'],
      ['COL', 'URU'],
    ]);
    const wrong = extract(bracket + box('BRA', 'CHI', '1–1') + box('COL', 'URU', '3–0'), { file: 'a.wiki' });
    expect(wrong.diagnostics.map((d) => [d.code, d.param])).toEqual([['check/knockout-score-mismatch', 'score']]);
  });
});
