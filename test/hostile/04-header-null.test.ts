import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

describe('04-header-null', () => {
  it('should write an empty string, not a hole, under a rowspan in a short second header row', () => {
    // header-null-readable.wiki as the hostile tester wrote it.
    const a = extract('{|\n! colspan=2 | A !! rowspan=2 | B\n|-\n! C\n|-\n| 1 || 2 || 3\n|}\n');
    const rows = a.tables[0]?.headerRows;
    expect(rows).toEqual([
      ['A', 'A', 'B'],
      ['C', '', 'B'],
    ]);
    expect(rows?.every((r) => Object.keys(r).length === r.length)).toBe(true);
    expect(JSON.stringify(a)).not.toContain('null');
    expect(a.diagnostics.filter((d) => d.code === 'validate/schema')).toEqual([]);
  });
});
