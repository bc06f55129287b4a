import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const table = (wikitext: string) => extract(wikitext);

describe('wikitable extractor', () => {
  it('should key body cells by a two-row header and repeat rowspan cells', () => {
    const a = table('{|\n! rowspan="2" | Dept !! colspan="2" | Team\n|-\n! Name !! Town\n|-\n| rowspan="2" | Ica || San José || Ica\n|-\n| Sport Alfonso Ugarte || Pisco\n|}');
    const t = a.tables[0];
    expect(t?.headers).toEqual(['Dept', 'Team / Name', 'Team / Town']);
    expect(t?.rows[1]?.cells).toEqual([
      { column: 'Dept', text: 'Ica', from: 'rowspan' },
      { column: 'Team / Name', text: 'Sport Alfonso Ugarte' },
      { column: 'Team / Town', text: 'Pisco' },
    ]);
  });

  it('should keep links and sort keys', () => {
    const c = table('{|\n! Team !! Pts\n|-\n| [[Alpha FC|Alpha]] || data-sort-value="07" | 7\n|-\n| {{sort|Beta|B}} || 3\n|}').tables[0]?.rows;
    expect(c?.[0]?.cells[0]).toEqual({ column: 'Team', text: 'Alpha', links: [{ target: 'Alpha FC', label: 'Alpha' }] });
    expect(c?.[0]?.cells[1]?.sortKey).toBe('07');
    expect(c?.[1]?.cells[0]).toMatchObject({ text: 'B', sortKey: 'Beta' });
  });

  it('should report a junk span, an overflowing rowspan and a ragged row without shifting columns', () => {
    const a = table('{|\n! A !! B\n|-\n| colspan="x" | 1 || 2\n|-\n| rowspan="3" | 3 || 4 || 5\n|}');
    expect(a.diagnostics.map((d) => d.code).sort()).toEqual(['extract/table-bad-span', 'extract/table-ragged-row', 'extract/table-span-overflow']);
    expect(a.tables[0]?.rows[1]?.cells.map((c) => c.column)).toEqual(['A', 'B', 'column 3']);
  });

  it('should read a nested table as its own record pointing at its parent', () => {
    const a = table('{|\n! Outer\n|-\n|\n{|\n| inner\n|}\n|}');
    expect(a.tables.map((t) => [t.id, t.parentId])).toEqual([
      ['table-1', undefined],
      ['table-2', 'table-1'],
    ]);
  });

  it('should type a team list and a top-scorer list from their headers', () => {
    const a = table('{|\n! Region !! Team !! Location\n|-\n| Ica || [[San José FC|San José]] || Ica\n|}\n{|\n! Player !! Club !! Goals\n|-\n| Toni || Fiorentina || 31\n|}');
    expect(a.tables[0]?.typed).toEqual({ type: 'team-list', entries: [{ row: 0, team: 'San José', link: 'San José FC', region: 'Ica', location: 'Ica', teamId: 'team-1' }] });
    expect(a.tables[1]?.typed?.entries[0]).toEqual({ row: 0, team: 'Fiorentina', player: 'Toni', goals: 31 });
  });
});
