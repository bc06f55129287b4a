import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { processInput } from '../../src/pipeline.js';
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

/** The codes of an article's diagnostics about brackets and knockout checks. */
function knockoutCodes(text: string): string[] {
  return extract(text, { file: 'cup.wiki' })
    .diagnostics.filter((d) => /bracket|aggregate|winner|knockout|not-a-number/.test(d.code))
    .map((d) => d.code);
}

describe('bracket cells as real articles write them (issue 8)', () => {
  it('should read an explicit Bye as no team, so two byes in a round are no duplicate and no empty slot', () => {
    const text = '{{8TeamBracket|RD1-team1=Bye|RD1-team2=[[Alpha FC|Alpha]]|RD1-team3=Bye|RD1-team4=Beta|RD2-team1=[[Alpha FC|Alpha]]|RD2-team2=Beta}}';
    const r1 = extract(text).brackets[0]?.rounds[0];
    expect([r1?.slots[0]?.team, r1?.ties[0]]).toEqual([undefined, { tie: 1, slots: [1, 2], through: 'Alpha', throughSlot: 2 }]);
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should read a walkover or not-played mark as a score without goals, and report no garbage', () => {
    const text = '{{2TeamBracket|RD1-team1=Alpha|RD1-score1=w/o|RD1-team2=Beta|RD1-score2=–}}';
    const slots = extract(text).brackets[0]?.rounds[0]?.slots;
    expect(slots?.map((s) => s.scores.map((f) => [f.raw, f.value]))).toEqual([[['w/o', undefined]], [['–', undefined]]]);
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should still report a score that is neither goals nor a mark', () => {
    expect(knockoutCodes('{{4TeamBracket|RD1-team1=Alpha|RD1-score1=two|RD1-team2=Beta|RD1-score2=1}}')).toEqual(['extract/not-a-number']);
  });

  it('should name a national team given only by {{fb|…}} by its code, so it can go through', () => {
    const text = "{{4TeamBracket|RD1-team1='''{{fb|ITA}}'''|RD1-score1=2|RD1-team2={{fb-rt|ESP}}|RD1-score2=1|RD1-team3={{fb|FRA}}|RD1-score3=0|RD1-team4={{fb|GER}}|RD1-score4=1|RD2-team1={{fb|ITA}}|RD2-team2={{fb|GER}}}}";
    const r1 = extract(text).brackets[0]?.rounds[0];
    expect([r1?.slots.map((s) => s.team?.text), r1?.slots[0]?.bold, r1?.ties[0]?.through]).toEqual([['ITA', 'ESP', 'FRA', 'GER'], true, 'ITA']);
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should name a national team followed by how it went through ({{fb|BRA}}{{pen}}, {{aet}}, {{pso}}) by its code', () => {
    const text = "{{4TeamBracket|RD1-team1={{fb|BRA}}{{pen}}|RD1-score1=1 (3)|RD1-team2={{fb|CHI}}|RD1-score2=1 (2)|RD1-team3='''{{fb|GER}}''' {{aet}}|RD1-score3=2|RD1-team4={{fb|ALG}}{{flagicon|X}}|RD1-score4=1}}";
    expect(extract(text).brackets[0]?.rounds[0]?.slots.map((s) => s.team?.text)).toEqual(['BRA', 'CHI', 'GER', undefined]);
  });

  it('should read TBD as a slot still to be filled, not as a team in the wrong slot', () => {
    const text = '{{4TeamBracket|RD1-team1=Alpha|RD1-score1=2|RD1-team2=Beta|RD1-score2=0|RD1-team3=Gamma|RD1-team4=Delta|RD2-team1=Alpha|RD2-team2=TBD}}';
    expect(extract(text).brackets[0]?.rounds[1]?.slots[1]?.team).toBeUndefined();
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should not report an empty slot whose tie has not been played yet', () => {
    const text = '{{4TeamBracket|RD1-team1=Alpha|RD1-score1=2|RD1-team2=Beta|RD1-score2=1|RD1-team3=Gamma|RD1-team4=Delta|RD2-team1=Alpha}}';
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should not report an empty slot whose two-legged tie has played one leg of two', () => {
    const text =
      '{{8TeamBracket-2Leg|RD1-team1=A|RD1-score1-1=1|RD1-score1-2=1|RD1-team2=B|RD1-score2-1=0|RD1-score2-2=0|RD1-team3=C|RD1-score3-1=2|RD1-team4=D|RD1-score4-1=2|RD2-team1=A}}';
    expect(knockoutCodes(text)).toEqual([]);
  });

  it('should report an empty slot whose tie has been played', () => {
    const text = '{{4TeamBracket|RD1-team1=Alpha|RD1-score1=2|RD1-team2=Beta|RD1-score2=1|RD1-team3=Gamma|RD1-score3=0|RD1-team4=Delta|RD1-score4=3|RD2-team1=Alpha}}';
    const d = extract(text).diagnostics.filter((x) => x.code === 'extract/bracket-missing-slot');
    expect(d.map((x) => x.param)).toEqual(['RD2-team02']);
  });

  it('should allow byes in round 1 of a …-Byes template', () => {
    expect(knockoutCodes('{{8TeamBracket-Byes|RD1-team1=Alpha|RD1-team3=Beta|RD1-score3=1|RD1-team4=Gamma|RD1-score4=0|RD2-team1=Alpha|RD2-team2=Beta}}')).toEqual([]);
    expect(knockoutCodes('{{8TeamBracket|RD1-team1=Alpha|RD1-team3=Beta|RD1-score3=1|RD1-team4=Gamma|RD1-score4=0|RD2-team1=Alpha|RD2-team2=Beta}}')).toEqual(['extract/bracket-missing-slot']);
  });

  it('should read `sets` as the number of legs, as `legs` is', () => {
    expect(extract('{{#invoke:Team bracket|main|rounds=1|sets=3|RD1-team1=A|RD1-team2=B}}').brackets[0]?.legs).toBe(3);
  });

  it('should take two legs from a -2Leg template name when no score says so yet', () => {
    expect(extract('{{4TeamBracket-2Leg|RD1-team1=A|RD1-team2=B|RD1-team3=C|RD1-team4=D}}').brackets[0]?.legs).toBe(2);
  });
});

describe('flag icons beside a club', () => {
  it('should drop {{fbaicon}} (an association flag, no text) from a team name, on both parser paths', () => {
    const text = '==Final==\n{{Football box\n|date=18 May 1960\n|team1=[[Alpha FC]] {{fbaicon|ESP}}\n|score=3–1\n|team2={{fbaicon|FRG}} [[Beta SV]]\n}}\n';
    for (const parser of ['targeted', 'full'] as const) {
      const m = processInput({ file: 'final.wiki', key: 'final.wiki', bytes: Buffer.from(text) }, 'wikitext', { parser }).matches[0];
      expect([m?.team1.text, m?.team2.text]).toEqual(['Alpha FC', 'Beta SV']);
    }
  });
});
