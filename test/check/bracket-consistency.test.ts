import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { readTieBreak, scoreText } from '../../src/check/tie-break.js';

/** A cup whose infobox names `winners` and whose one-round bracket is the final. */
function cup(winners: string, final: string): string {
  return `{{Infobox football tournament season|winners=${winners}}}\n{{#invoke:Team bracket|main|rounds=1\n${final}\n}}`;
}

/** The infobox-winner findings of an article, as [declared, computed, related message]. */
function winnerFindings(text: string): [unknown, unknown, string | undefined][] {
  return extract(text, { file: 'cup.wiki' })
    .diagnostics.filter((d) => d.code === 'check/infobox-winner-mismatch')
    .map((d) => [d.declared, d.computed, d.related?.[0]?.message]);
}

describe('the final against the infobox (issue 8)', () => {
  it('should take the winner of a level final from the shoot-out goals after the score', () => {
    const text = cup('[[Beta FC|Beta]]', '|RD1-team1=[[Alpha FC|Alpha]]|RD1-score1=1 (4)\n|RD1-team2=[[Beta FC|Beta]]|RD1-score2=1 (3)');
    expect(winnerFindings(text)).toEqual([['Beta', 'Alpha', "the final's winner, Alpha (1–1, 4–3 on penalties)"]]);
  });

  it('should agree with an infobox that names the winner of the shoot-out', () => {
    const text = cup('[[Alpha FC|Alpha]]', '|RD1-team1=[[Alpha FC|Alpha]]|RD1-score1=1 (4)\n|RD1-team2=[[Beta FC|Beta]]|RD1-score2=1 (3)');
    expect(winnerFindings(text)).toEqual([]);
  });

  it('should read shoot-out goals written as a link on the last leg of a two-legged final', () => {
    const text = cup(
      'Alpha',
      '|legs=2\n|RD1-team1=Alpha|RD1-score1-1=1|RD1-score1-2=0 ([[Penalty shoot-out (association football)|2]])\n|RD1-team2=Beta|RD1-score2-1=0|RD1-score2-2=1 ([[Penalty shoot-out (association football)|4]])',
    );
    expect(winnerFindings(text)).toEqual([['Alpha', 'Beta', "the final's winner, Beta (1–1, 2–4 on penalties)"]]);
  });

  it('should take the winner of a level two-legged final from the away-goals mark on the aggregate', () => {
    const text = cup('Alpha', '|legs=2\n|RD1-team1=Alpha|RD1-score1-1=2|RD1-score1-2=0|RD1-score1-agg=2\n|RD1-team2=Beta|RD1-score2-1=1|RD1-score2-2=1|RD1-score2-agg=2 (a)');
    expect(winnerFindings(text)).toEqual([['Alpha', 'Beta', "the final's winner, Beta (2–2, on away goals)"]]);
  });

  it('should say nothing of a level final with no mark of how it was decided', () => {
    expect(winnerFindings(cup('Alpha', '|RD1-team1=Alpha|RD1-score1=1 (a.e.t.)\n|RD1-team2=Beta|RD1-score2=1'))).toEqual([]);
  });
});

describe('tie-break marks', () => {
  it('should read shoot-out goals in brackets, with or without a p', () => {
    expect(['1 (4)', '1 (4 p)', '1 (4p.)', "'''1''' ('''5''')", '(3) 1'].map((s) => readTieBreak(s).penalties)).toEqual([4, 4, 4, 5, 3]);
  });

  it('should not read extra time or a plain score as a shoot-out', () => {
    expect([readTieBreak('2 (a.e.t.)'), readTieBreak('2'), readTieBreak('3&nbsp;{{aet}}')]).toEqual([{}, {}, {}]);
  });

  it('should read the away-goals mark', () => {
    expect([readTieBreak('2 (a)').awayGoals, readTieBreak('2 (aet)').awayGoals]).toEqual([true, undefined]);
  });

  it('should read a score as plain text: links by their label, refs and comments dropped', () => {
    expect(scoreText("'''1'''&nbsp;([[Penalty shoot-out (association football)|4]])<ref name=x>a (9)</ref><!-- (7) -->")).toBe('1 (4)');
  });

  it('should stay linear on a long run of open brackets', () => {
    const start = performance.now();
    scoreText('[['.repeat(50_000) + '<'.repeat(50_000));
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
