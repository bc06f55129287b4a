import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const seed = readFileSync(path.join(ROOT, 'samples', '2004-copa-peru.surf'), 'utf8');

describe('bracket extractor', () => {
  it("should read the seed's bracket as 4 rounds with every tie, leg and aggregate", () => {
    const a = extract(seed, { file: 'seed.surf' });
    const b = a.brackets[0];
    expect(b?.template).toBe('16TeamBracket-2Leg');
    expect(b?.rounds.map((r) => [r.label?.text, r.slots.length, r.ties.length, r.knockout])).toEqual([
      ['Round of 16', 16, 8, true],
      ['Quarterfinals', 8, 4, true],
      ['Final Group', 4, 2, false],
      ['Champion & Runner-Up', 2, 1, false],
    ]);
    const first = b?.rounds[0]?.slots[0];
    expect([first?.team?.text, first?.scores.map((s) => s.value), first?.aggregate?.value]).toEqual(['José Gálvez', [2, 1], 3]);
  });

  it('should take the team through from the next round, not from the aggregate', () => {
    const r1 = extract(seed, { file: 'seed.surf' }).brackets[0]?.rounds[0];
    // Tie 8: Senati 2 v Franciscano San Román 3 on aggregate, yet Senati went through (decided on points).
    expect(r1?.ties[7]).toEqual({ tie: 8, slots: [15, 16], through: 'Senati', throughSlot: 15 });
  });

  it('should report no error on the seed, and match the infobox winner to the final as a spelling variant', () => {
    const a = extract(seed, { file: 'seed.surf' });
    const knockout = a.diagnostics.filter((d) => /bracket|aggregate|winner|variant|knockout/.test(d.code));
    expect(knockout.map((d) => d.code)).toEqual(['check/team-name-variant', 'check/bracket-not-knockout', 'check/bracket-not-knockout']);
  });

  it('should report an aggregate changed by one goal with its parameter and position', () => {
    const text = seed.replace('RD1-score05-agg=2', 'RD1-score05-agg=3');
    const d = extract(text, { file: 'seed.surf' }).diagnostics.find((x) => x.code === 'check/aggregate-mismatch');
    expect(d).toMatchObject({ param: 'RD1-score05-agg', declared: 3, computed: 2 });
    const at = text.indexOf('RD1-score05-agg=3') + 'RD1-score05-agg='.length;
    expect(d?.span?.start.offset).toBe(at);
    expect(d?.span?.start.line).toBe(text.slice(0, at).split('\n').length);
  });

  it('should report a team moved into the wrong slot', () => {
    // Echa Muni lost tie 3 of the round of 16; put it in slot 4 of the quarter-finals (fed by tie 4).
    const text = seed.replace('RD2-team04=San José', 'RD2-team04=Echa Muni');
    const found = extract(text, { file: 'seed.surf' }).diagnostics.filter((d) => d.code === 'check/bracket-wrong-slot');
    expect(found.map((d) => d.param)).toEqual(['RD2-team04']);
    expect(found[0]?.related?.map((r) => r.message)).toEqual(['round 1, slot 7: San José', 'round 1, slot 8: Santa Rita']);
  });

  it('should accept unpadded slot numbers and single-match scores', () => {
    const a = extract('{{4TeamBracket|RD1-team1=A|RD1-score1=2|RD1-team2=B|RD1-score2=1|RD2-team1=A}}');
    expect(a.brackets[0]?.rounds[0]?.ties[0]).toMatchObject({ through: 'A', throughSlot: 1 });
    expect(a.brackets[0]?.rounds).toHaveLength(2);
  });

  it('should read Module:Team bracket with rounds and legs', () => {
    const a = extract('{{#invoke:Team bracket|main|rounds=1|legs=2|RD1-team1=A|RD1-score1-1=1|RD1-score1-2=1|RD1-team2=B|RD1-score2-1=0|RD1-score2-2=0}}');
    expect([a.brackets[0]?.legs, a.brackets[0]?.rounds[0]?.slots[0]?.scores.map((s) => s.value)]).toEqual([2, [1, 1]]);
  });
});

describe('tie and match extractors', () => {
  it('should read a TwoLegResult with legs read team 1 – team 2 and the bold winner', () => {
    const t = extract("{{TwoLegResult|[[Valenciennes FC|Valenciennes]]|| 1–3 |'''[[AS Cannes|Cannes]]'''||0–2|1–1}}").ties[0];
    expect([t?.team1.link, t?.aggregate?.team2Goals, t?.legs.map((l) => [l.team1Goals, l.team2Goals]), t?.winner]).toEqual([
      'Valenciennes FC',
      3,
      [
        [0, 2],
        [1, 1],
      ],
      2,
    ]);
  });

  it('should read Module:Sports series groups without flags', () => {
    const ties = extract('{{#invoke:Sports series|main|flag=no|A|3–1|B|2–0|1–1|C|0–2|D|0–1|0–1}}').ties;
    expect(ties.map((t) => [t.team1.name.text, t.team2.name.text, t.legs.length])).toEqual([
      ['A', 'B', 2],
      ['C', 'D', 2],
    ]);
  });

  it('should read a football box with extra time, penalties, date and attendance', () => {
    const m = extract('{{football box collapsible|date={{Start date|2016|10|25}}|team1=A|score=2–2|aet=yes|team2=B|penaltyscore=8–7|attendance=1,234}}').matches[0];
    expect(m).toMatchObject({ date: '2016-10-25', team1Goals: 2, team2Goals: 2, extraTime: true, penalties: { home: 8, away: 7 }, attendance: 1234 });
  });
});

describe('third-place variants', () => {
  it('should read slots 3–4 of the last round as a second tie and take the final from slots 1–2', () => {
    const a = extract(
      "{{Infobox football tournament season|winners=A}}\n{{4TeamBracket-with third|RD1-team1=A|RD1-score1=1|RD1-team2=B|RD1-score2=0|RD1-team3=C|RD1-score3=0|RD1-team4=D|RD1-score4=2|RD2-team1=A|RD2-score1=3|RD2-team2=D|RD2-score2=1|RD2-team3=B|RD2-score3=2|RD2-team4=C|RD2-score4=1}}",
    );
    expect(a.brackets[0]?.rounds[1]?.ties).toHaveLength(2);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
