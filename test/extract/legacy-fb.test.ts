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
      ['standings-1', 12],
      ['standings-2', 12],
      ['standings-3', 12],
      ['standings-4', 12],
    ]);
  });

  it('should read a row of declared figures with the raw parameter names', () => {
    const t = article.standings[0]?.teams[0];
    expect([t?.name?.text, t?.wins?.param, t?.wins?.value, t?.goalsAgainst?.value, t?.displayed.points]).toEqual(['Maccabi Ahi Nazareth', 'w', 2, 3, 7]);
  });

  it('should cross-check them like Sports tables: group B agrees, group C names its blank cell', () => {
    const summary = article.diagnostics.filter((d) => d.code === 'check/standings-consistent').map((d) => d.message.split(': ')[1]?.split(';')[0]);
    expect(summary).toEqual(['0 of 4 teams agree', '4 of 4 teams agree', '2 of 4 teams agree', '4 of 4 teams agree']);
    const c = article.diagnostics.find((d) => d.code === 'check/wins-mismatch' && d.recordId === 'standings-3');
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
