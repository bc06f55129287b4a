import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const file = 'samples/2016-17_Toto_Cup_Leumit.wikitext';
const article = extract(readFileSync(path.join(ROOT, file), 'utf8'), { file });

describe('legacy Fb cl / fb r templates', () => {
  it('should read the four fb cl tables and four fb r grids, each grid paired with its table', () => {
    expect(article.standings.map((s) => [s.template, s.teams.length, s.section.at(-1)])).toEqual([
      ['Fb cl header', 4, 'Group A'],
      ['Fb cl header', 4, 'Group B'],
      ['Fb cl header', 4, 'Group C'],
      ['Fb cl header', 4, 'Group D'],
    ]);
    expect(article.matchGrids.map((g) => [g.standingsId, g.cells.length])).toEqual([
      ['standings/group-stage/group-a/1', 12],
      ['standings/group-stage/group-b/1', 12],
      ['standings/group-stage/group-c/1', 12],
      ['standings/group-stage/group-d/1', 12],
    ]);
  });

  it('should read a row of declared figures with the raw parameter names', () => {
    const t = article.standings[0]?.teams[0];
    expect([t?.name?.text, t?.wins?.param, t?.wins?.value, t?.goalsAgainst?.value, t?.displayed.points]).toEqual(['Maccabi Ahi Nazareth', 'w', 2, 3, 7]);
  });

  it('should cross-check them like Sports tables: group B agrees, group C names its blank cell', () => {
    const summary = article.diagnostics.filter((d) => d.code === 'check/standings-consistent').map((d) => d.message.split(': ')[1]?.split(';')[0]);
    expect(summary).toEqual(['0 of 4 teams agree', '4 of 4 teams agree', '2 of 4 teams agree', '4 of 4 teams agree']);
    const c = article.diagnostics.find((d) => d.code === 'check/wins-mismatch' && d.recordId === 'standings/group-stage/group-c/1');
    expect(c?.related?.[0]?.message).toContain('{{fb r | gf= |ga= }}');
  });

  it('should explain group A: two rows whose cell comments name the columns in another order', () => {
    const order = article.diagnostics.filter((d) => d.code === 'extract/legacy-column-order');
    expect(order.map((d) => d.span?.start.line)).toEqual([72, 78]);
  });
});

describe('legacy status flags', () => {
  it('should turn fb cl2 team flags into status letters, keeping the first flag as written', () => {
    const a = extract('{{Fb cl header}}\n{{fb cl2 team|p=1|t=Alpha|w=1|d=0|l=0|gf=1|ga=0|champion=yes|qualified=y}}\n{{Fb cl footer}}');
    expect(a.standings[0]?.teams[0]?.status).toMatchObject({ letters: ['C', 'Q'], value: { param: 'champion', raw: 'yes' } });
  });
});

describe('legacy win points per row', () => {
  const rows = (a: string, b: string) =>
    extract(`{{Fb cl header |noqr=y}}\n{{fb cl2 team |p=1 |t=Alpha |w=1 |d=0 |l=1 |gf=2 |ga=2 ${a}}}\n{{fb cl2 team |p=2 |t=Beta |w=1 |d=1 |l=0 |gf=2 |ga=2 ${b}}}\n|}`);

  it("should compute each row's points with its own wpts, default 3 (issue 8, r5)", () => {
    const a = extract(readFileSync(path.join(ROOT, 'samples/fb-cl-mixed-wpts.wiki'), 'utf8'));
    const s = a.standings[0];
    expect(s?.pointRules).toEqual({ win: 2, draw: 1, loss: 0 });
    expect(s?.teams.map((t) => [t.name?.text, t.displayed.points, t.pointRules?.win])).toEqual([
      ['Baník Ostrava', 2, undefined],
      ['Norrköping', 3, 3],
    ]);
  });

  it('should report the row whose win points differ from the other rows', () => {
    const a = rows('|wpts=2', '|wpts=2').diagnostics.map((d) => d.code);
    expect(a).not.toContain('extract/mixed-win-points');
    const b = extract('{{Fb cl header}}\n{{fb cl2 team|t=A|w=1|wpts=2}}\n{{fb cl2 team|t=B|w=1|wpts=2}}\n{{fb cl2 team|t=C|w=1}}\n|}');
    const d = b.diagnostics.find((x) => x.code === 'extract/mixed-win-points');
    expect(d?.message).toContain('row of C');
    expect(d?.related?.[0]?.message).toBe('`wpts=2` in another row');
  });

  it('should give fb cl2 team 2pts rows 2 points a win', () => {
    const a = extract('{{Fb cl header}}\n{{fb cl2 team 2pts|t=A|w=2|d=1}}\n|}');
    expect([a.standings[0]?.pointRules?.win, a.standings[0]?.teams[0]?.displayed.points]).toEqual([2, 5]);
  });
});

describe('legacy no-fixture cells', () => {
  it('should read {{fb r|r=null}} as no fixture and never suggest it as a correction', () => {
    const grid = article.matchGrids[2];
    const nulls = grid?.cells.filter((c) => c.raw.includes('null')) ?? [];
    expect(nulls.length).toBeGreaterThan(0);
    expect(new Set(nulls.map((c) => c.status))).toEqual(new Set(['no-fixture']));
    const related = article.diagnostics.flatMap((d) => d.related ?? []).map((r) => r.message);
    expect(related.some((m) => m.includes('r=null'))).toBe(false);
  });
});
