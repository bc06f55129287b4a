import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const surf = (text: string) => extract(text, { format: 'surfdoc', file: 'a.surf' });

describe('SurfDoc reader', () => {
  it('should read orphan sports-table parameters as a Sports table under their recovered heading', () => {
    const text = 'title: "T" type: doc\n\nRegion II\n\nGroup A\n\n|team1=AAA|name_AAA=Alpha|win_AAA=2\n\n|match_AAA_BBB=1–0\n';
    const a = surf(text);
    expect(a.source.title).toBe('T');
    expect(a.standings).toHaveLength(1);
    expect(a.standings[0]?.section).toEqual(['Region II', 'Group A']);
    expect(a.standings[0]?.recovered).toBe(true);
    const wins = a.standings[0]?.teams[0]?.wins;
    expect(wins?.value).toBe(2);
    expect(text.slice(wins?.span.start.offset, wins?.span.end.offset)).toBe('2');
    expect(wins?.span.start.line).toBe(7);
  });

  it('should start a run of parameters in the middle of a prose paragraph', () => {
    const a = surf('Region III\n\nRegion III includes teams from Junín. |res_col_header=Q\n\n|team1=AAA|name_AAA=Alpha\n');
    expect(a.standings[0]?.resultsHeader?.text).toBe('Q');
    expect(a.standings[0]?.section).toEqual(['Region III']);
  });

  it('should read ::data blocks with pipe rows as tables', () => {
    const a = surf('::data[format=table title="Teams"]\n| Team | Town |\n|---|---|\n| Alpha | Lima |\n::\n');
    expect(a.tables[0]).toMatchObject({
      caption: 'Teams',
      headers: ['Team', 'Town'],
      rows: [{ cells: [{ column: 'Team', text: 'Alpha' }, { column: 'Town', text: 'Lima' }] }],
    });
  });

  it('should report a block with no closing line and keep its rows', () => {
    const a = surf('::data[format=table]\n| Team |\n| Alpha |\n');
    expect(a.diagnostics.map((d) => d.code)).toContain('read/unclosed-block');
    expect(a.tables[0]?.rows[0]?.cells).toEqual([{ column: 'Team', text: 'Alpha' }]);
  });

  it('should cut prose that ran into the last infobox field, using the ::data rendering of the infobox', () => {
    const a = surf(
      '::data[format=table title="Infobox football league season"]\nFieldValue\nseason2004\nnextseason2005\n::\n\n| season = 2004 | nextseason = 2005 The 2004 season was long.\n',
    );
    expect(a.infoboxes[0]?.season).toEqual({ season: '2004', nextSeason: '2005' });
    expect(a.diagnostics.map((d) => d.code)).toContain('read/truncated-fragment');
    expect(a.tables[0]?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['season', '2004'],
      ['nextseason', '2005'],
    ]);
  });

  it('should report table debris as lost structure', () => {
    const a = surf('Group A\n\n|- |}\n');
    expect(a.diagnostics.map((d) => d.code)).toEqual(['read/lost-structure']);
  });
});

describe('SurfDoc with wikitext kept whole', () => {
  it('should read a template call the converter kept intact as wikitext, not as orphan parameters', () => {
    const a = extract('Group A\n\n{{#invoke:Sports table|main|style=WDL|team1=AAA|name_AAA=Alpha|win_AAA=1}}\n\n{| class="wikitable"\n! Team !! Town\n|-\n| Alpha || Lima\n|}\n', { format: 'surfdoc', file: 'a.surf' });
    expect(a.standings[0]?.recovered).toBeUndefined();
    expect(a.standings[0]?.section).toEqual(['Group A']);
    expect(a.tables[0]?.rows[0]?.cells.map((c) => c.text)).toEqual(['Alpha', 'Lima']);
    expect(a.diagnostics.map((d) => d.code)).not.toContain('read/recovered-template');
  });
});

describe('SurfDoc parameter runs', () => {
  it('should cut a parameter run before an opener it does not close, so the next run stays a template of its own', () => {
    for (const opener of ['{{', '{{{', '<ref>', '<!--']) {
      const text = `|team1=AAA|name_AAA=Alpha|win_AAA=1 ${opener}x\n\n|team1=BBB|name_BBB=Beta|win_BBB=2\n`;
      const a = surf(text);
      expect(a.standings.map((s) => s.teams[0]?.wins?.raw), opener).toEqual(['1', '2']);
      const cut = a.diagnostics.find((d) => d.code === 'read/truncated-fragment');
      expect(cut?.span?.start.offset, opener).toBe(text.indexOf(opener));
      expect(cut?.message, opener).toContain(`\`${opener.replace('>', '')}\``);
    }
  });
});
