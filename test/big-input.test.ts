import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';

describe('large input', () => {
  it('should split a section too large to parse at once, say so, and still read its tables', () => {
    const table = '{{#invoke:Sports table|main|style=WDL|team1=AAA|name_AAA=Alpha|win_AAA=1}}\n';
    const filler = 'Plain prose with no markup at all, repeated to make the section large.\n';
    let text = '== One huge section ==\n';
    while (text.length < 300_000) text += filler;
    text += table;
    const a = extract(text);
    expect(a.diagnostics.map((d) => d.code)).toContain('parse/too-large');
    expect(a.standings).toHaveLength(1);
  });
});
