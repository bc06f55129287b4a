import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const TEAMS = '|team1=A|team2=B|team3=C|name_A=Alpha|name_B=Beta|name_C=Gamma';
const GRID = '|match_A_B=2–0|match_B_C=1–1|match_C_A=0–3';
const run = (declared: string, grid = GRID) => extract(`{{#invoke:Sports table|main|style=WDL\n${TEAMS}\n${declared}\n${grid}\n}}`);
const CONSISTENT =
  '|win_A=2|draw_A=0|loss_A=0|gf_A=5|ga_A=0' + '|win_B=0|draw_B=1|loss_B=1|gf_B=1|ga_B=3' + '|win_C=0|draw_C=1|loss_C=1|gf_C=1|ga_C=4';

describe('checkStandingsAgainstMatches', () => {
  it('should report nothing but the summary when the table agrees with its grid', () => {
    const codes = run(CONSISTENT).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['check/standings-consistent']);
  });

  it('should report a declared figure that disagrees, with the contract fields', () => {
    const a = run(CONSISTENT.replace('gf_A=5', 'gf_A=6'));
    const d = a.diagnostics.find((x) => x.code === 'check/goals-for-mismatch');
    expect(d).toMatchObject({ severity: 'error', param: 'gf_A', declared: 6, computed: 5 });
    expect(d?.span?.start.offset).toBe(a.standings[0]?.teams[0]?.goalsFor?.span.start.offset);
    expect(d?.related?.some((r) => r.message.includes('match_A_B=2–0'))).toBe(true);
  });

  it('should name the declared value as the correction when only it disagrees', () => {
    const d = run(CONSISTENT.replace('gf_A=5', 'gf_A=6')).diagnostics.find((x) => x.code === 'check/goals-for-mismatch');
    expect(d?.related?.[0]?.message).toContain('`gf_A=5` reconciles the table');
  });

  it('should name the grid cell whose other score reconciles two teams', () => {
    // Declared as if match_A_B had been 3–0.
    const a = run(CONSISTENT.replace('gf_A=5', 'gf_A=6').replace('ga_B=3', 'ga_B=4'));
    const d = a.diagnostics.find((x) => x.param === 'gf_A');
    expect(d?.related?.[0]?.message).toContain('`match_A_B=2–0` read as 3–0');
  });

  it('should leave walkovers and unplayed cells out of the computed figures', () => {
    const a = run(CONSISTENT, `${GRID}|match_A_C=W.O.|match_C_B=–`);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should accept figures that count a walkover as a 3–0 award, and say so', () => {
    const awarded =
      '|win_A=3|draw_A=0|loss_A=0|gf_A=8|ga_A=0' + '|win_B=0|draw_B=1|loss_B=1|gf_B=1|ga_B=3' + '|win_C=0|draw_C=1|loss_C=2|gf_C=1|ga_C=7';
    const a = run(awarded, `${GRID}|match_A_C=W.O.`);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.diagnostics.map((d) => d.code)).toContain('check/walkover-convention');
  });

  it("should run Wikipedia's totals check", () => {
    const a = run(CONSISTENT.replace('win_A=2', 'win_A=3'));
    expect(a.diagnostics.find((d) => d.code === 'check/totals-unbalanced')?.message).toContain('total wins 3 ≠ total losses 2');
  });

  it('should warn, not fail, when a team sits above one with more points', () => {
    const a = extract('{{#invoke:Sports table|main|team1=A|team2=B|name_A=A|name_B=B|win_A=0|win_B=1}}');
    expect(a.diagnostics.find((d) => d.code === 'check/order-not-by-points')?.severity).toBe('warning');
  });

  it('should pair a separate results grid whose codes differ by link target', () => {
    const a = extract(
      '{{#invoke:Sports table|main|team1=STR|team2=OM|name_STR=[[RC Strasbourg|Strasbourg]]|name_OM=[[Olympique de Marseille|Marseille]]' +
        '|win_STR=1|draw_STR=0|loss_STR=0|gf_STR=2|ga_STR=1|win_OM=0|draw_OM=0|loss_OM=1|gf_OM=1|ga_OM=2}}\n' +
        '{{#invoke:Sports results|main|team1=RCS|team2=OM|name_RCS=[[RC Strasbourg|Strasbourg]]|name_OM=[[Olympique de Marseille|Marseille]]|match_RCS_OM=2–1}}',
    );
    expect(a.matchGrids[0]?.teams.map((t) => t.standingsCode)).toEqual(['STR', 'OM']);
    expect(a.diagnostics.find((d) => d.code === 'extract/grid-paired')?.message).toContain('RCS = STR');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('no-fixture cells', () => {
  it('should give a single round-robin grid with null cells no warning (issue 8, r1)', () => {
    const a = extract(readFileSync(path.join(ROOT, 'samples/sports-results-null-cells.wiki'), 'utf8'));
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(a.matchGrids[0]?.cells.filter((c) => c.status === 'no-fixture')).toHaveLength(4);
    expect(a.diagnostics.find((d) => d.code === 'check/standings-consistent')?.message).toContain('4 cells say no fixture');
  });

  it('should offer an empty cell as the single correction, and never a null cell', () => {
    const declared = CONSISTENT.replace('win_A=2', 'win_A=3').replace('loss_C=1', 'loss_C=2').replace('gf_A=5', 'gf_A=6').replace('ga_C=4', 'ga_C=5');
    const empty = run(declared, `${GRID}|match_A_C=`);
    expect(empty.diagnostics.flatMap((d) => d.related ?? []).some((r) => r.message.includes('`match_A_C` is left out'))).toBe(true);
  });

  it('should never offer a null cell as the single correction', () => {
    const a = run(CONSISTENT.replace('win_A=2', 'win_A=3').replace('loss_C=1', 'loss_C=2').replace('gf_A=5', 'gf_A=6').replace('ga_C=4', 'ga_C=5'), `${GRID}|match_A_C=null`);
    expect(a.diagnostics.flatMap((d) => d.related ?? []).some((r) => r.message.includes('match_A_C'))).toBe(false);
  });
});

describe('styles other than WDL', () => {
  const styled = (style: string, declared: string, grid: string) => extract(`{{#invoke:Sports table|main|style=${style}\n${TEAMS}\n${declared}\n${grid}\n}}`);
  const OT_GRID = '|match_A_B=2–1 (a.e.t.)|match_B_C=1–1 (4–3 p)|match_C_A=0–2';

  it('should check WL wins and losses against the grid', () => {
    const grid = '|match_A_B=2–0|match_B_C=3–1|match_C_A=0–3';
    const ok = '|win_A=2|loss_A=0|win_B=1|loss_B=1|win_C=0|loss_C=2';
    expect(styled('WL', ok, grid).diagnostics.map((d) => d.code)).toEqual(['check/standings-consistent']);
    const d = styled('WL', ok.replace('loss_C=2', 'loss_C=1'), grid).diagnostics.find((x) => x.code === 'check/losses-mismatch');
    expect(d).toMatchObject({ param: 'loss_C', declared: 1, computed: 2 });
  });

  it('should check WDL OT wins with overtime wins included, and shoot-outs against PKwin_/PKloss_', () => {
    const ok =
      '|win_A=1|OTwin_A=1|loss_A=0|draw_A=0|gf_A=4|ga_A=1' +
      '|win_B=0|PKwin_B=1|OTloss_B=1|loss_B=0|draw_B=0|gf_B=2|ga_B=3' +
      '|win_C=0|PKloss_C=1|loss_C=1|draw_C=0|gf_C=1|ga_C=3';
    expect(styled('WDL OT', ok, OT_GRID).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const bad = styled('WDL OT', ok.replace('PKwin_B=1', 'PKwin_B=0').replace('draw_B=0', 'draw_B=1'), OT_GRID);
    expect(bad.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.param, d.declared, d.computed])).toEqual([
      ['check/wins-mismatch', 'PKwin_B', 0, 1],
      ['check/draws-mismatch', 'draw_B', 1, 0],
    ]);
  });

  it('should name every part of a summed figure', () => {
    const a = styled('WL OT', '|win_A=1|OTwin_A=0', OT_GRID);
    const d = a.diagnostics.find((x) => x.code === 'check/wins-mismatch');
    expect(d?.message).toContain('(`win_A=1` + `OTwin_A=0`)');
    expect([d?.declared, d?.computed]).toEqual([1, 2]);
  });

  it('should count a shoot-out as a draw when no row declares shoot-out figures', () => {
    const a = styled('WDL OT', '|win_B=0|draw_B=1|OTloss_B=1|draw_C=1', OT_GRID);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('should check WDLHA home and away figures against rows and columns of the grid', () => {
    const ok = '|hwin_A=1|hdraw_A=0|hloss_A=0|hgf_A=2|hga_A=0|awin_A=1|adraw_A=0|aloss_A=0|agf_A=3|aga_A=0';
    expect(styled('WDLHA', ok, GRID).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const d = styled('WDLHA', ok.replace('agf_A=3', 'agf_A=2'), GRID).diagnostics.find((x) => x.code === 'check/goals-for-mismatch');
    expect(d?.message).toContain('goals scored away by `A`');
  });

  it('should apply the totals check of the other styles (ΣOTwin = ΣOTloss)', () => {
    const a = styled('WDL OT', '|OTwin_A=1|OTloss_B=0', '');
    expect(a.diagnostics.find((d) => d.code === 'check/totals-unbalanced')?.message).toContain('total overtime wins 1 ≠ total overtime losses 0');
  });
});
