import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, type ArticleRecord } from '../src/index.js';
import { ROOT } from './helpers.js';

// Seven real zh.wikipedia cup articles: five whose knockout stages are Module:RoundN brackets
// ({{Round16}}, {{Round8-with third}}) with a match box for each tie, two with two-legged
// {{16TeamBracket}}s and tie tables (samples/README.md). Each is read whole with no finding, and
// faults put into a copy are found where they were put.
const ARTICLES: [file: string, teams: number, third: boolean][] = [
  ['2006年國際足協世界盃淘汰賽.wikitext', 16, true],
  ['2010年國際足協世界盃淘汰賽.wikitext', 16, true],
  ['2014年國際足協世界盃淘汰賽.wikitext', 16, true],
  ['2016年欧洲足球锦标赛淘汰赛.wikitext', 16, false],
  ['2019年美洲國家盃.wikitext', 8, true],
];
const read = (file: string): string => readFileSync(path.join(ROOT, 'samples', file), 'utf8');
const findings = (a: ArticleRecord, severity = 'error'): string[] => a.diagnostics.filter((d) => d.severity === severity || (severity === 'error' && d.severity === 'warning')).map((d) => d.code);

describe('real cup articles with brackets', () => {
  it.each(ARTICLES)('should read %s whole: every slot filled, no error or warning', (file, teams, third) => {
    const a = extract(read(file), { file });
    const b = a.brackets[0];
    expect(b?.rounds.map((r) => r.slots.filter((s) => s.team !== undefined).length)).toEqual(
      Array.from({ length: Math.log2(teams) }, (_, i) => teams / 2 ** i + (third && i === Math.log2(teams) - 1 ? 2 : 0)),
    );
    expect(a.matches.length).toBeGreaterThanOrEqual(teams - 2);
    expect(findings(a)).toEqual([]);
  });

  it.each([
    ['2014年亞足聯冠軍聯賽.wikitext', [2, 2, 2, 2], { OneLegResult: 15, TwoLegResult: 15 }],
    ['2014年亞洲足協盃.wikitext', [1, 2, 2, 1], { OneLegResult: 10, TwoLegResult: 6 }],
    ['2015年亞洲足協盃.wikitext', [1, 2, 1, 1], { OneLegResult: 8, TwoLegResult: 6 }],
  ] as const)('should read the two-legged 16TeamBracket of %s whole, with its tie tables, and no finding', (file, legs, ties) => {
    const a = extract(read(file), { file });
    const b = a.brackets[0];
    expect(b?.rounds.map((r) => Math.max(...r.slots.map((s) => s.scores.length)))).toEqual(legs);
    expect(b?.rounds.map((r) => r.slots.filter((s) => s.team !== undefined).length)).toEqual([16, 8, 4, 2]);
    const templates: Record<string, number> = {};
    for (const t of a.ties) templates[t.template] = (templates[t.template] ?? 0) + 1;
    expect(templates).toEqual(ties);
    // The 2015 page's slot-allocation tables span past their last row and column: real markup slips.
    expect(findings(a).filter((c) => !c.startsWith('extract/table-'))).toEqual([]);
  });

  it("should read a real league season's Sports table, figures written in another order than the rows, with no error", () => {
    const file = '2017年中国女子足球超级联赛.wikitext';
    const a = extract(read(file), { file });
    const table = a.standings[0];
    expect(table?.teams).toHaveLength(8);
    expect(table?.teams.reduce((n, t) => n + (t.goalsFor?.value ?? 0), 0)).toBe(170);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should find an aggregate put wrong in a two-legged bracket, and a leg of a tie table that disagrees with it (2014 AFC Champions League)', () => {
    const file = '2014年亞足聯冠軍聯賽.wikitext';
    const faulty = read(file)
      .replace("| RD1-score02-agg='''3'''", "| RD1-score02-agg='''4'''")
      .replace('|KSA|1–0|3–1}}', '|KSA|1–0|3–2}}');
    const a = extract(faulty, { file });
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.param, d.span?.start.line])).toEqual([
      ['check/aggregate-mismatch', 'RD1-score02-agg', 889],
      ['check/knockout-score-mismatch', '7', 1010],
      ['check/knockout-score-mismatch', '3', expect.any(Number)],
    ]);
  });

  it('should read {{OneLegResult}} as a tie of one match and find its score put wrong against the bracket (2014 AFC Cup)', () => {
    const file = '2014年亞洲足協盃.wikitext';
    const a = extract(read(file).replace('|KUW|4–0|', '|KUW|4–1|'), { file });
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.message])).toEqual([
      ['check/knockout-score-mismatch', 'Unexpected score 4–1 in the tie table, expected 4–0 as in the bracket'],
    ]);
  });

  it("should find a bracket score put wrong against the tie's match box, and a team in the wrong slot (Euro 2016)", () => {
    const file = '2016年欧洲足球锦标赛淘汰赛.wikitext';
    const faulty = read(file).replace('|{{fb|WAL}}|1|{{fb|NIR}}|0', '|{{fb|WAL}}|2|{{fb|NIR}}|0').replace('|{{fb|WAL}}|3|{{fb|BEL}}|1', '|{{fb|HUN}}|3|{{fb|BEL}}|1');
    const a = extract(faulty, { file });
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.span?.start.line])).toEqual([
      ['check/bracket-wrong-slot', 62],
      ['check/bracket-wrong-slot', 66],
      ['check/knockout-score-mismatch', expect.any(Number)],
    ]);
  });

  it('should compare a match box only with the tie of its meeting: Brazil–Peru met in the group (5–0) and in the final (3–1)', () => {
    const file = '2019年美洲國家盃.wikitext';
    expect(findings(extract(read(file), { file }))).toEqual([]);
    // The final's box put wrong is found; the group match is still not compared.
    const faulty = extract(read(file).replace(/(\|score\s*=\s*)3–1/, '$13–2'), { file });
    expect(faulty.diagnostics.filter((d) => d.code === 'check/knockout-score-mismatch').map((d) => d.message.slice(0, 40))).toContain('Unexpected BRA 3–2 PER in the match box,');
  });

  it("should read the 2019 Copa América's final ranking as by stage: teams of different groups and results out of points order are notes", () => {
    const file = '2019年美洲國家盃.wikitext';
    const a = extract(read(file), { file });
    expect(a.diagnostics.filter((d) => d.code === 'check/order-not-by-points').map((d) => d.severity)).toEqual(['info', 'info']);
    expect(a.standings[0]?.teams.slice(0, 3).map((t) => [t.code, t.group?.text, t.result?.code])).toEqual([
      ['BRA', 'A', '1st'],
      ['PER', 'A', '2nd'],
      ['ARG', 'B', '3rd'],
    ]);
    // The same teams in one group keep the warning.
    const oneGroup = extract(read(file).replace(/\|group_[A-Z]{3}=[ABC] /g, ''), { file });
    expect(oneGroup.diagnostics.filter((d) => d.code === 'check/order-not-by-points').map((d) => d.severity)).toEqual(['warning', 'warning']);
  });
});
