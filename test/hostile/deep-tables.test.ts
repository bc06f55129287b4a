import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { nestingDepth } from '../../src/parse/fast/structure.js';

// Found by mutation fuzzing (test/fuzz/regressions/slow-808ba37e9744.wiki): thousands of `|{|`
// lines in a template took seconds, each argument's index summed again from the first argument.
describe('deep tables and many arguments', () => {
  it('should count tables, which open and close at line starts, in the nesting depth', () => {
    expect(nestingDepth('{|\n|\n{|\n|\n{{a|[[b]]}}\n|}\n|}\n')).toBe(4);
    // `{|` inside a line is no table; a closing `|}}` closes as many as `}}` does.
    expect(nestingDepth('{{a|{|x}}\n{{b\n|}}\n')).toBe(1);
  });

  it('should skip a section of tables nested past the limit, with a parse/too-deep error, and read the others', () => {
    const deep = `${'{|\n|\n'.repeat(3000)}${'|}\n'.repeat(3000)}`;
    const a = extract(`== A ==\n${deep}== B ==\n{| class="wikitable"\n! Team !! Pts\n|-\n| Alpha || 3\n|}\n`);
    expect(a.diagnostics.map((d) => d.code)).toContain('parse/too-deep');
    expect(a.tables.map((t) => t.section)).toEqual([['B']]);
  });

  it('should give each of thousands of arguments its own place', () => {
    const a = extract(`{{#invoke:Sports table|main|style=WDL\n|team1=A|team2=B\n${'|{\n'.repeat(3000)}|win_A=1\n}}\n`);
    const p = a.standings[0]?.teams[0]?.wins;
    expect([p?.value, p?.span.start.line]).toEqual([1, 3003]);
  });
});
