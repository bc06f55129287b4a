import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const call = (style: string, params: string) => extract(`{{#invoke:Sports table|main|style=${style}\n${params}\n}}`);
const codesOf = (a: ReturnType<typeof extract>) => a.diagnostics.map((d) => d.code);

describe('module parameters are never teams', () => {
  it('should read matches_style with show_matches as a global, not as team `style` (issue 8)', () => {
    const a = call('WDL', '|show_matches=true |matches_style=FBR\n|team_order=AAA, BBB|name_AAA=A|name_BBB=B|match_AAA_BBB=2–1');
    expect(codesOf(a)).not.toContain('extract/unknown-team');
    expect(codesOf(a)).not.toContain('extract/unknown-parameter');
  });

  it('should read match_col_width as a global, not as the cell of teams `col` and `width`', () => {
    const a = call('WDL', '|team1=A|team2=B|name_A=A|name_B=B|match_col_width=30|match_A_B=1–0');
    expect(a.matchGrids[0]?.cells.map((c) => c.param)).toEqual(['match_A_B']);
    expect(codesOf(a)).toEqual(['check/standings-consistent']);
  });

  it('should accept every global whose name starts like a per-team prefix', () => {
    const globals = [
      'loss_before_draw=yes', 'loss_before_tie=yes', 'draw_header=T', 'status_order=CPR', 'status_pos=before', 'group_header=G',
      'away_goals_header=AG', 'rw_header=RW', 'short_style=x', 'matches_text=games', 'note_header_res=n', 'result_prefix=x',
      'team_header=Club', 'team_order_start=1', 'status_text_X=Expelled', 'att_A=1', 'show_win=no', 'digitpad=2',
    ];
    const a = call('WDL', `|team1=A|name_A=A|${globals.join('|')}`);
    expect(codesOf(a)).toEqual([]);
  });

  it('should report a per-team prefix with an unlisted code, and a key that is nothing the module reads', () => {
    const a = call('WDL', '|team1=A|name_A=A|win_B=1|colour_A=red');
    expect(a.diagnostics.map((d) => [d.code, d.param])).toEqual([
      ['extract/unknown-team', 'win_B'],
      ['extract/unknown-parameter', 'colour_A'],
    ]);
  });

  it("should take the per-team prefixes of the style's family only", () => {
    expect(codesOf(call('WDL', '|team1=A|name_A=A|OTwin_A=1'))).toEqual(['extract/unknown-parameter']);
    expect(codesOf(call('WDL OT', '|team1=A|name_A=A|OTwin_A=1'))).toEqual([]);
    expect(codesOf(call('WDLHA', '|team1=A|name_A=A|draw_A=1|hdraw_A=1'))).toEqual(['extract/unknown-parameter']);
  });

  it('should not report unknown parameters of a style whose parameters are unknown (Custom)', () => {
    expect(codesOf(call('Custom', '|team1=A|name_A=A|col1_A=3|win_B=1'))).toEqual(['extract/unknown-team']);
  });

  it('should report result_X_Y naming an unlisted team, and accept it for listed teams', () => {
    const a = call('WDL', '|team1=A|team2=B|name_A=A|name_B=B|result_A_B=H|result_A_Z=A');
    expect(a.diagnostics.map((d) => [d.code, d.param])).toEqual([['extract/unknown-team', 'result_A_Z']]);
  });
});

describe('team list as Module:Sports table reads it', () => {
  it('should start at team<highest_pos>, ignore the teams above it, and number rows from it', () => {
    const a = call('WDL', '|highest_pos=3|team1=X|team3=A|team4=B|name_A=A|name_B=B|name_X=X|result4=R|text_R=Relegated');
    expect(a.standings[0]?.teams.map((t) => [t.code, t.rank, t.position, t.result?.code])).toEqual([
      ['A', 1, 3, undefined],
      ['B', 2, 4, 'R'],
    ]);
  });

  it('should stop after lowest_pos', () => {
    expect(call('WDL', '|lowest_pos=2|team1=A|team2=B|team3=C|name_A=A|name_B=B|name_C=C').standings[0]?.teams.map((t) => t.code)).toEqual(['A', 'B']);
  });

  it('should place team_order from team_order_start and let an empty item leave a gap', () => {
    const a = call('WDL', '|team1=A|team_order_start=2|team_order=B, , C|name_A=A|name_B=B|name_C=C');
    // team2=B, team3 empty: the list ends there, as the module's loop does.
    expect(a.standings[0]?.teams.map((t) => t.code)).toEqual(['A', 'B']);
  });
});

describe('point rules from the Lua source (WDL, PP)', () => {
  it('should give PP 2/0/1 unless show_draw is set', () => {
    expect(call('PP', '|team1=A|name_A=A').standings[0]?.pointRules).toEqual({ win: 2, draw: 0, loss: 1 });
    expect(call('PP', '|show_draw=yes|team1=A|name_A=A').standings[0]?.pointRules).toEqual({ win: 3, draw: 1, loss: 0 });
  });

  it('should count rounds won (rwpoints, default 1) and goalpoints', () => {
    const a = call('WDL', '|goalpoints=1|team1=A|name_A=A|win_A=1|rw_A=2|gf_A=4');
    expect(a.standings[0]?.pointRules).toEqual({ win: 3, draw: 1, loss: 0, roundsWon: 1, goal: 1 });
    expect(a.standings[0]?.teams[0]?.displayed.points).toBe(3 + 2 + 4);
  });

  it('should read the old style name football as WDL', () => {
    expect(call('football', '|team1=A|name_A=A|win_A=1').standings[0]?.teams[0]?.displayed.points).toBe(3);
  });
});

describe('styles whose Lua was not available', () => {
  it('should read WDL OT overtime and penalty figures, with no points and rulesKnown false', () => {
    const a = call('WDL OT', '|team1=A|name_A=A|win_A=2|OTwin_A=1|PKwin_A=1|draw_A=0|PKloss_A=1|OTloss_A=0|loss_A=1|SOwin_A=0|SOloss_A=0|tiebr_A=H2H');
    const s = a.standings[0];
    expect(s).toMatchObject({ style: 'WDL OT', rulesKnown: false });
    expect(s).not.toHaveProperty('pointRules');
    const t = s?.teams[0];
    expect([t?.overtimeWins?.value, t?.penaltyWins?.value, t?.penaltyLosses?.value, t?.overtimeLosses?.value, t?.tiebreaker?.text]).toEqual([1, 1, 1, 0, 'H2H']);
    expect(t?.displayed).toEqual({});
  });

  it('should read WL (wins and losses) with no points', () => {
    const s = call('WL', '|team1=A|name_A=A|win_A=3|loss_A=1|gf_A=80|ga_A=70').standings[0];
    expect([s?.rulesKnown, s?.teams[0]?.wins?.value, s?.teams[0]?.losses?.value, s?.teams[0]?.displayed]).toEqual([false, 3, 1, {}]);
  });

  it('should read WDLHA home and away figures (hpf_/apa_ as aliases)', () => {
    const t = call('WDLHA', '|team1=A|name_A=A|hwin_A=1|hdraw_A=0|hloss_A=1|hpf_A=3|hga_A=2|awin_A=2|adraw_A=1|aloss_A=0|agf_A=5|apa_A=1').standings[0]?.teams[0];
    expect([t?.homeWins?.value, t?.homeGoalsFor?.param, t?.awayGoalsAgainst?.param, t?.awayDraws?.value]).toEqual([1, 'hpf_A', 'apa_A', 1]);
  });

  it('should normalise spaces and underscores in the style name', () => {
    expect(call('WL_ OT', '|team1=A|name_A=A|OTloss_A=2').standings[0]?.teams[0]?.overtimeLosses?.value).toBe(2);
  });
});
