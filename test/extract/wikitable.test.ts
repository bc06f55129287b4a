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

  it('should point a finding about a span at the attribute as written, not at the cell', () => {
    const a = table('{|\n! A !! B\n|-\n| colspan="x" | 1 || 2\n|-\n| x || rowspan=3 | 3\n|}');
    const at = (code: string) => a.diagnostics.find((d) => d.code === code)?.span;
    expect(at('extract/table-bad-span')).toMatchObject({ start: { line: 4, column: 3 }, end: { line: 4, column: 14 } });
    expect(at('extract/table-span-overflow')).toMatchObject({ start: { line: 6, column: 8 }, end: { line: 6, column: 17 } });
  });

  it('should read a nested table as its own record pointing at its parent', () => {
    const a = table('{|\n! Outer\n|-\n|\n{|\n| inner\n|}\n|}');
    expect(a.tables.map((t) => [t.id, t.parentId])).toEqual([
      ['table/1', undefined],
      ['table/2', 'table/1'],
    ]);
  });

  it('should type a team list and a top-scorer list from their headers', () => {
    const a = table('{|\n! Region !! Team !! Location\n|-\n| Ica || [[San José FC|San José]] || Ica\n|}\n{|\n! Player !! Club !! Goals\n|-\n| Toni || Fiorentina || 31\n|}');
    expect(a.tables[0]?.typed).toEqual({ type: 'team-list', entries: [{ row: 0, team: 'San José', link: 'San José FC', region: 'Ica', location: 'Ica', teamId: 'team/san-jose-fc' }] });
    expect(a.tables[1]?.typed?.entries[0]).toEqual({ row: 0, team: 'Fiorentina', player: 'Toni', goals: 31 });
  });

  it('should number repeated header keys with the smallest free suffix', () => {
    const t = table('{|\n! a !! a !! a (2) !! a\n|-\n| 1 || 2 || 3 || 4\n|}').tables[0];
    expect(t?.headers).toEqual(['a', 'a (2)', 'a (2) (2)', 'a (3)']);
  });
});

describe('divider and title rows', () => {
  it('should not measure rows against a header that names no column (a line-up table), nor a header most rows outgrow', () => {
    const lineUp = '{|\n!width="25"| !!width="25"|\n|-\n|GK || 1 || Jens Lehmann\n|-\n|CM || 8 || Torsten Frings || {{yel|62}}\n|}';
    expect(table(lineUp).diagnostics).toEqual([]);
    // Named columns over rows of three cells: said once (info); the one row of four is ragged.
    const short = '{|\n! Pos !! No\n|-\n| GK || 1 || A\n|-\n| RB || 2 || B\n|-\n| CB || 3 || C || D\n|}';
    expect(table(short).diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['extract/table-ragged-row', 'info'],
      ['extract/table-ragged-row', 'warning'],
    ]);
  });

  it('should not call a title row spanning the table, or a "Round N" divider, ragged (2019–20 Bundesliga)', () => {
    const a = extract(
      '{| class="wikitable"\n! colspan="2" | Team of the Season\n|-\n! Goalkeeper\n| colspan="2" | A\n|-\n! Defenders\n| B || C\n|}\n' +
        '{| class="wikitable"\n! Home !! Score !! Away\n|-\n| colspan="3" | Round 1\n|-\n| A || 1–0 || B\n|-\n| Round 2\n|-\n| B || 2–2 || A\n|}',
    );
    expect(a.diagnostics.map((d) => d.code)).not.toContain('extract/table-ragged-row');
    expect(a.tables[0]?.headers).toHaveLength(3);
  });

  it('should still report a row of two cells in a table of three columns', () => {
    const a = extract('{| class="wikitable"\n! Home !! Score !! Away\n|-\n| A || 1–0\n|}');
    expect(a.diagnostics.map((d) => d.code)).toContain('extract/table-ragged-row');
  });
});

describe('oversized tables', () => {
  it('should report a table whose spans lay out more cells than wikitally reads, and read the rest', () => {
    const rows = Array.from({ length: 60 }, () => '|-\n| colspan=1000 | x\n').join('');
    const a = extract(`{|\n! a\n${rows}|}\n`);
    expect(a.diagnostics.map((d) => d.code)).toContain('extract/table-too-large');
    expect(a.tables).toHaveLength(1);
  });

  it('should report a colspan past what browsers allow, read as the cap', () => {
    const a = extract('{|\n! a\n|-\n| colspan=1000000000 | x\n|}\n');
    const d = a.diagnostics.find((x) => x.code === 'extract/table-span-capped');
    expect(d?.message).toBe('Unexpected colspan="1000000000", expected at most 1000; read as 1000, as browsers do');
  });
});
