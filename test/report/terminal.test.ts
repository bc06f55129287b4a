/**
 * The terminal report: exact output for the seed and for 1992–93 French Division 1, and each rule
 * of issue 9 item 2 on its own (one screen per table, corrections once, severities, colour, plurals).
 */
import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../src/report/findings.js';
import { renderTerminalReport } from '../../src/report/terminal.js';
import type { ReportDiagnostic } from '../../src/report/types.js';
import { french, seed, withSeedFixes } from './fixtures.js';

/** The lines of a report: each ends in a newline, the last one included. */
const lines = (report: string): string[] => report.split('\n');

describe('renderTerminalReport', () => {
  it('should print the seed report exactly', () => {
    expect(lines(renderTerminalReport([seed()]))).toEqual([
      'samples/2004-copa-peru.surf — 2004 Copa Perú',
      '',
      'Regional Stage › Region II › Group B (table at line 137)',
      '  ✗ error  gf_CSÁ = 21, expected 18 (Sport Áncash)  check/goals-for-mismatch',
      '    139:175 │ …draw_CSÁ=0|loss_CSÁ=1|gf_CSÁ=21|ga_CSÁ=2 |win_COM=2|draw_C…',
      '            │                               ^^',
      '  ✗ error  ga_CSÁ = 2, expected 3 (Sport Áncash)  check/goals-against-mismatch',
      '    139:185 │ …|loss_CSÁ=1|gf_CSÁ=21|ga_CSÁ=2 |win_COM=2|draw_COM=1|loss_…',
      '            │                               ^',
      '  ✗ error  gf_DPO = 5, expected 6 (Defensor Porvenir)  check/goals-for-mismatch',
      '    139:331 │ …a_UTC=7 |win_DPO=1|draw_DPO=1|loss_DPO=4|gf_DPO=5|ga_DPO=22',
      '            │                                                  ^',
      '  ✗ error  ga_DPO = 22, expected 19 (Defensor Porvenir)  check/goals-against-mismatch',
      '    139:340 │ …a_UTC=7 |win_DPO=1|draw_DPO=1|loss_DPO=4|gf_DPO=5|ga_DPO=22',
      '            │                                                           ^^',
      '  → certain correction: match_DPO_CSÁ = 1–3 → 0–6 reconciles the table',
      '    145:35 │ |match_DPO_COM=1–2 |match_DPO_CSÁ=1–3 |match_DPO_UTC=3–1',
      '           │                                   ^^^',
      '',
      'Regional Stage › Region VI (table at line 228)',
      '  ✗ error  gf_DVM = 22, expected 23 (Defensor Villa del Mar)  check/goals-for-mismatch',
      '    230:872 │ …raw_DVM=5|loss_DVM=10|gf_DVM=22|ga_DVM=35 |win_AELU=4|draw…',
      '            │                               ^^',
      '  ✗ error  ga_DSA = 43, expected 44 (Somos Aduanas)  check/goals-against-mismatch',
      '    230:1048 │ …loss_DSA=15|gf_DSA=23|ga_DSA=43 |win_ALC=1|draw_ALC=5|loss…',
      '             │                               ^^',
      '  → correction 1 of 2: match_DVM_DSA = 1–2 → 0–2 reconciles the table',
      '    238:150 │ …h_DVM_CMP=1–2 |match_DVM_DSA=1–2 |match_DVM_CRI=0–1 |match…',
      '            │                               ^^^',
      '  → correction 2 of 2: match_DSA_DVM = 2–1 → 2–0 reconciles the table',
      '    248:55 │ …h_DSA_ALC=2–0 |match_DSA_DVM=2–1 |match_DSA_DAV=3–3 |match…',
      '           │                               ^^^',
      '',
      'Other findings',
      '  ⚠ warning  Unexpected prose after `nextseason = 2005`, expected the end of the infobox; the prose was left out of the field  read/truncated-fragment',
      '    19:334 │ …on = 2005 The 2004 Copa Perú season (), the promotion tour…',
      '           │           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  ⚠ warning  Unexpected 13 rows one cell short, expected 3 cells; their first cell was filled down from the row above (a lost rowspan)  read/filled-down',
      '    29:1 │ ::data[format=table]',
      '         │ ^^^^^^^^^^^^^^^^^^^^',
      '  ⚠ warning  Unexpected row `UTCCajamarca` with no cell separators, expected 3 cells; split around a team name the article writes elsewhere, as "Cajamarca" | "UTC" | "Cajamarca"  read/unsplit-row',
      '    43:1 │ UTCCajamarca',
      '         │ ^^^^^^^^^^^^',
      '  ⚠ warning  Unexpected 13 rows one cell short, expected 3 cells; their first cell was filled down from the row above (a lost rowspan)  read/filled-down',
      '    60:1 │ ::data[format=table]',
      '         │ ^^^^^^^^^^^^^^^^^^^^',
      '  ⚠ warning  Unexpected row `LoretoUNAPSan Pablo` with no cell separators, expected 3 cells; split around a team name the article writes elsewhere, as "Loreto" | "UNAP" | "San Pablo"  read/unsplit-row',
      '    67:1 │ LoretoUNAPSan Pablo',
      '         │ ^^^^^^^^^^^^^^^^^^^',
      '  ⚠ warning  Unexpected row `UNDACPasco` with no cell separators, expected 3 cells; split around a team name the article writes elsewhere, as "Pasco" | "UNDAC" | "Pasco"  read/unsplit-row',
      '    74:1 │ UNDACPasco',
      '         │ ^^^^^^^^^^',
      '',
      'samples/2004-copa-peru.surf: 6 errors, 6 warnings; 2 of 10 tables have errors',
      '',
    ]);
  });

  it('should print the 1992-93 French Division 1 report exactly', () => {
    expect(lines(renderTerminalReport([french()]))).toEqual([
      'samples/1992-93_French_Division_1.wikitext — 1992-93 French Division 1',
      '',
      'League table (table at line 97)',
      '  ⚠ warning  draw_OM = 10, expected 9 (Marseille)  check/draws-mismatch',
      '    122:20 │ |win_OM=22|draw_OM=10|loss_OM=6|gf_OM=71|ga_OM =36|adjust_p…',
      '           │                    ^^',
      '  ⚠ warning  draw_VAL = 12, expected 11 (Valenciennes)  check/draws-mismatch',
      '    139:21 │ |win_VAL=9|draw_VAL=12|loss_VAL=17|gf_VAL=42|ga_VAL=56|stat…',
      '           │                     ^^',
      '  → correction: match_VFC_OM = (empty) → 0–0 reconciles the table, but the article\'s note says why the match is left out: "The match Valenciennes-Marseille, initially concluded with the score 0–1, was declared a defeat for both teams with the score 0–0."',
      '    589:15 │ |match_VFC_OM=',
      '           │               ^',
      '',
      'samples/1992-93_French_Division_1.wikitext: no errors, 2 warnings; no table has errors',
      '',
    ]);
  });

  it('should fit every table of the seed on one screen (24 lines)', () => {
    const report = renderTerminalReport([seed()]);
    const blocks = report.split('\n\n').filter((b) => b.includes('(table at line'));
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('should name each table by its section path', () => {
    const report = renderTerminalReport([seed()]);
    expect(report).toContain('\nRegional Stage › Region II › Group B (table at line 137)\n');
    expect(report).toContain('\nRegional Stage › Region VI (table at line 228)\n');
    expect(report).not.toContain('standings/regional-stage/region-vi/1 ');
  });

  it('should show each correction once per table, however many findings it explains', () => {
    const report = renderTerminalReport([seed()]);
    expect(report.split('match_DPO_CSÁ = 1–3 → 0–6').length - 1).toBe(1);
    expect(report.split('match_DVM_DSA = 1–2 → 0–2').length - 1).toBe(1);
  });

  it('should show the grid cells behind a figure only when verbose', () => {
    expect(renderTerminalReport([seed()])).not.toContain('played: `match_COM_CSÁ=1–3`');
    const verbose = renderTerminalReport([seed()], { verbose: true });
    expect(verbose).toContain('      143:35 played: `match_COM_CSÁ=1–3`\n');
    // Verbose also lists every finding of a kind the normal report folds.
    expect(renderTerminalReport([seed()], { verbose: true, minSeverity: 'info' })).toContain('Unexpected Alcides Vigo in `standings/regional-stage/region-vi/1`');
  });

  it('should print no warning or info line when the minimum is error', () => {
    const report = renderTerminalReport([seed()], { minSeverity: 'error' });
    expect(report).not.toMatch(/⚠|ℹ|warning/);
    expect(report).toContain('\nsamples/2004-copa-peru.surf: 6 errors; 2 of 10 tables have errors\n');
    expect(report).not.toContain('Other findings');
  });

  it('should print info lines only when the minimum is info', () => {
    expect(renderTerminalReport([seed()])).not.toContain('ℹ info');
    const report = renderTerminalReport([seed()], { minSeverity: 'info' });
    expect(report).toContain('  ℹ info  Checked `standings/regional-stage/region-ii/group-b/1` against `grid/regional-stage/region-ii/group-b/1`: 2 of 4 teams agree;');
    expect(report).toContain('samples/2004-copa-peru.surf: 6 errors, 6 warnings, 48 info; 2 of 10 tables have errors\n');
  });

  it('should colour only when asked', () => {
    expect(renderTerminalReport([seed()])).not.toContain('\u001b[');
    const coloured = renderTerminalReport([seed()], { color: true });
    expect(coloured).toContain('\u001b[31m✗ error\u001b[0m');
    expect(coloured).toContain('\u001b[1mgf_CSÁ = 21\u001b[0m, expected 18');
    // Colour changes no text.
    expect(coloured.replace(/\u001b\[[0-9]+m/g, '')).toBe(renderTerminalReport([seed()]));
  });

  it('should count in correct plurals', () => {
    const item = french();
    item.article.diagnostics = item.article.diagnostics.filter((d) => d.param !== 'draw_VAL');
    const report = renderTerminalReport([item]);
    expect(report).toContain('samples/1992-93_French_Division_1.wikitext: no errors, 1 warning; no table has errors\n');
    item.article.diagnostics = item.article.diagnostics.filter((d) => d.severity === 'info');
    expect(renderTerminalReport([item])).toBe('samples/1992-93_French_Division_1.wikitext: no errors, no warnings; no table has errors\n');
  });

  it('should cut a long line around the column with an ellipsis', () => {
    const report = renderTerminalReport([seed()]);
    const at = lines(report).findIndex((l) => l.startsWith('    230:1048 │ '));
    expect(lines(report)[at]).toBe('    230:1048 │ …loss_DSA=15|gf_DSA=23|ga_DSA=43 |win_ALC=1|draw_ALC=5|loss…');
    expect(lines(report)[at + 1]).toBe('             │                               ^^');
  });

  it('should show structured corrections once per table, certain or k of n', () => {
    const report = renderTerminalReport([withSeedFixes(seed())]);
    expect(report).toContain(
      [
        '  → certain correction: match_DPO_CSÁ = 1–3 → 0–6 reconciles the table',
        '    145:35 │ |match_DPO_COM=1–2 |match_DPO_CSÁ=1–3 |match_DPO_UTC=3–1',
        '           │                                   ^^^',
      ].join('\n'),
    );
    expect(report).toContain('  → correction 1 of 2: match_DVM_DSA = 1–2 → 0–2 reconciles the table\n');
    expect(report).toContain('  → correction 2 of 2: match_DSA_DVM = 2–1 → 2–0 reconciles the table\n');
    expect(report.split('match_DPO_CSÁ = 1–3 → 0–6').length - 1).toBe(1);
    expect(report).not.toContain('a single correction');
  });

  it('should show an acknowledged finding as info with its reason', () => {
    const item = french();
    for (const d of item.article.diagnostics as ReportDiagnostic[]) {
      if (d.code !== 'check/draws-mismatch') continue;
      d.severity = 'info';
      d.reason = 'the annulled Valenciennes–Marseille match counts as a defeat for both';
    }
    expect(renderTerminalReport([item])).toBe('samples/1992-93_French_Division_1.wikitext: no errors, no warnings; no table has errors\n');
    const report = renderTerminalReport([item], { minSeverity: 'info' });
    expect(report).toContain(
      '  ℹ info  draw_OM = 10, expected 9 (Marseille)  acknowledged: the annulled Valenciennes–Marseille match counts as a defeat for both  check/draws-mismatch\n',
    );
  });

  it('should group the findings of every article of a file under one summary', () => {
    const report = renderTerminalReport([seed(), french()]);
    expect(report.indexOf('samples/2004-copa-peru.surf: 6 errors')).toBeLessThan(report.indexOf('samples/1992-93_French_Division_1.wikitext — '));
    expect(groupFindings(seed().article, 'warning').map((g) => g.title)).toEqual([
      'Regional Stage › Region II › Group B',
      'Regional Stage › Region VI',
      'Other findings',
    ]);
  });
});
