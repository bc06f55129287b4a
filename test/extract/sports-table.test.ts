import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';

const table = (params: string) => extract(`{{#invoke:Sports table|main|style=WDL\n${params}\n}}`);

describe('Sports table extractor', () => {
  it('should keep table order as rank and compute points with the default 3/1/0', () => {
    const a = table('|team1=B|team2=A|name_A=A|name_B=B|win_A=2|draw_A=1|win_B=0');
    expect(a.standings[0]?.teams.map((t) => [t.code, t.rank, t.displayed.points])).toEqual([
      ['B', 1, 0],
      ['A', 2, 7],
    ]);
  });

  it('should apply winpoints, adjust_points and startpoints', () => {
    const a = table('|winpoints=2|team1=A|name_A=A|win_A=3|draw_A=1|adjust_points_A=-1|startpoints_A=4');
    expect(a.standings[0]?.teams[0]?.displayed.points).toBe(2 * 3 + 1 - 1 + 4);
  });

  it('should switch to 2/0/1 when draws are hidden', () => {
    expect(table('|show_draw=no|team1=A|name_A=A').standings[0]?.pointRules).toEqual({ win: 2, draw: 0, loss: 1 });
  });

  it('should leave a missing figure absent, never zero', () => {
    const team = table('|team1=A|name_A=A|win_A=1').standings[0]?.teams[0];
    expect(team?.wins?.value).toBe(1);
    expect(team).not.toHaveProperty('draws');
  });

  it('should read team_order, pf/pa aliases and result<k> of row k', () => {
    const a = table('|team_order=X, Y|name_X=X|name_Y=Y|pf_Y=10|pa_Y=3|result2=R|text_R=Relegated|col_R=red1');
    const y = a.standings[0]?.teams[1];
    expect([y?.code, y?.goalsFor?.value, y?.goalsAgainst?.value]).toEqual(['Y', 10, 3]);
    expect(y?.result).toEqual({ code: 'R', text: 'Relegated', colour: 'red1' });
  });

  it('should upper-case status letters and drop other characters', () => {
    expect(table('|team1=A|name_A=A|status_A=c, q').standings[0]?.teams[0]?.status?.letters).toEqual(['C', 'Q']);
  });

  it('should read a name as plain text with its link target', () => {
    const t = table("|team1=A|name_A=[[Olympique de Marseille| Marseille]]<ref>x</ref>'''").standings[0]?.teams[0];
    expect([t?.name?.text, t?.link]).toEqual(['Marseille', 'Olympique de Marseille']);
  });

  it('should report garbage in a figure and keep its raw text', () => {
    const a = table('|team1=A|name_A=A|win_A=five');
    expect(a.standings[0]?.teams[0]?.wins).toMatchObject({ raw: 'five' });
    expect(a.standings[0]?.teams[0]?.wins).not.toHaveProperty('value');
    expect(a.diagnostics.map((d) => d.code)).toContain('extract/not-a-number');
  });

  it('should use the last of duplicated parameters and report it', () => {
    const a = table('|team1=A|name_A=A|win_A=1|win_A=2');
    expect(a.standings[0]?.teams[0]?.wins?.value).toBe(2);
    expect(a.diagnostics.find((d) => d.code === 'extract/duplicate-parameter')?.param).toBe('win_A');
  });

  it('should find the module under any spelling of its name', () => {
    expect(extract('{{#invoke: sports_Table |main|team1=A|name_A=A}}').standings).toHaveLength(1);
  });

  it('should split match keys whose codes hold underscores', () => {
    const a = table('|team1=A_1|team2=B|name_A_1=A|name_B=B|match_A_1_B=1–0');
    expect(a.matchGrids[0]?.cells[0]).toMatchObject({ home: 'A_1', away: 'B', homeGoals: 1 });
  });
});

describe('team_order', () => {
  it('should ignore a comment after the last code (2019–20 Bundesliga table)', () => {
    const a = extract('{{#invoke:Sports table|main|team_order=AUG, PAD\n\n<!--Update team qualifications here-->\n|name_AUG=A|name_PAD=P}}');
    expect(a.standings[0]?.teams.map((t) => t.code)).toEqual(['AUG', 'PAD']);
  });
});

describe('shared notes', () => {
  it('should give note_FIO=MIL the text of note_MIL, as the module does (2005–06 Serie A)', () => {
    const a = extract('{{#invoke:Sports table|main|team1=MIL|team2=FIO|name_MIL=M|name_FIO=F|note_MIL=Deducted 30 points|note_FIO=MIL}}');
    expect(a.standings[0]?.teams[1]?.note).toMatchObject({ param: 'note_MIL', text: 'Deducted 30 points' });
  });
});
