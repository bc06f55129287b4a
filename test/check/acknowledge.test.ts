import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const FRENCH = readFileSync(path.join(ROOT, 'samples', '1992-93_French_Division_1.wikitext'), 'utf8');

/** The article with a line inserted before the first line that starts with `before`. */
function withLineBefore(text: string, before: string, line: string): string {
  const at = text.indexOf(`\n${before}`);
  return `${text.slice(0, at + 1)}${line}\n${text.slice(at + 1)}`;
}

describe('acknowledged findings', () => {
  it('should report the annulled match of 1992–93 French Division 1 as warnings naming its note', () => {
    const a = extract(FRENCH, { file: 'french.wiki' });
    const draws = a.diagnostics.filter((d) => d.code === 'check/draws-mismatch');
    expect(draws.map((d) => [d.param, d.severity])).toEqual([
      ['draw_OM', 'warning'],
      ['draw_VAL', 'warning'],
    ]);
    expect(draws[0]?.message).toContain("the article's note on the match left out explains it");
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should turn what a disable comment covers into info with its reason, and nothing else', () => {
    const reason = 'the annulled Valenciennes–Marseille match, scored as a double defeat';
    let text = withLineBefore(FRENCH, '|win_OM=22', `<!-- wikitally-disable-next-line check/draws-mismatch: ${reason} -->`);
    text = withLineBefore(text, '|win_VAL=9', `<!-- wikitally-disable check/draws-mismatch: ${reason} -->`);
    text = withLineBefore(text, '|win_SCT=6', '<!-- wikitally-enable -->');
    const a = extract(text, { file: 'french.wiki' });
    const draws = a.diagnostics.filter((d) => d.code === 'check/draws-mismatch');
    expect(draws.map((d) => [d.param, d.severity, d.reason])).toEqual([
      ['draw_OM', 'info', reason],
      ['draw_VAL', 'info', reason],
    ]);
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('should report a disable comment that covers no finding', () => {
    const text = withLineBefore(FRENCH, '|win_PSG=20', '<!-- wikitally-disable-next-line check/wins-mismatch: stale -->');
    const a = extract(text, { file: 'french.wiki' });
    const unused = a.diagnostics.filter((d) => d.code === 'check/unused-acknowledgement');
    expect(unused).toHaveLength(1);
    expect(unused[0]?.span?.start.line).toBe(123);
  });
});
