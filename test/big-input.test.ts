import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { MAX_PIECE } from '../src/parse/line-cuts.js';

/** A Sports table of `teams` teams with a full grid: about 25 KB for 16 teams. */
function table(k: number, teams: number): string {
  const codes = Array.from({ length: teams }, (_, i) => `T${k}x${i}`);
  const lines = ['{{#invoke:Sports table|main|style=WDL', ...codes.map((c, i) => `|team${i + 1}=${c}`)];
  for (const c of codes) lines.push(`|name_${c}=[[Team ${c}]] |win_${c}=0 |draw_${c}=${2 * (teams - 1)} |loss_${c}=0 |gf_${c}=0 |ga_${c}=0`);
  for (const a of codes) lines.push(codes.filter((b) => b !== a).map((b) => `|match_${a}_${b}=0–0`).join(' '));
  return `${lines.join('\n')}\n}}\n`;
}

describe('large input', () => {
  it('should read a section too large to parse at once without a finding, its tables whole', () => {
    const filler = 'Plain prose with no markup at all, repeated to make the section large.\n';
    let text = '== One huge section ==\n';
    while (text.length < 300_000) text += filler;
    text += table(0, 2);
    const a = extract(text);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('parse/too-large');
    expect(a.standings).toHaveLength(1);
  });

  it('should cut a huge section only between templates, so no table is lost (a 1.6 MB one-section article)', () => {
    let text = '== Results ==\n';
    let n = 0;
    while (text.length < 6 * MAX_PIECE) text += table(n++, 16);
    const a = extract(text);
    expect(a.diagnostics.filter((d) => d.code === 'parse/too-large')).toEqual([]);
    expect(a.standings).toHaveLength(n);
    expect(a.matchGrids).toHaveLength(n);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should report a template never closed in a section too large, and still read what comes after', () => {
    let text = '== One huge section ==\n{{Unclosed template\n';
    while (text.length < 1_500_000) text += 'line of prose\n';
    text += table(0, 2);
    const a = extract(text);
    expect(a.diagnostics.filter((d) => d.code === 'parse/too-large')).toHaveLength(1);
  });
});
