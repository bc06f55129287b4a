import { describe, expect, it } from 'vitest';
import { readScore } from '../../src/extract/score.js';

describe('readScore', () => {
  it('should read a score with any dash, home goals first', () => {
    expect(readScore('2–1')).toEqual({ status: 'played', homeGoals: 2, awayGoals: 1 });
    expect(readScore('3-0')).toMatchObject({ homeGoals: 3, awayGoals: 0 });
    expect(readScore('0 — 4')).toMatchObject({ homeGoals: 0, awayGoals: 4 });
  });

  it('should read extra time and penalties from the tail', () => {
    expect(readScore('1–1 (a.e.t.)')).toMatchObject({ extraTime: true, detail: '(a.e.t.)' });
    expect(readScore('2–2 (4–3 p)')).toMatchObject({ penalties: { home: 4, away: 3 } });
  });

  it('should read walkovers and awarded results', () => {
    expect(readScore('W.O.').status).toBe('walkover');
    expect(readScore('w/o').status).toBe('walkover');
    expect(readScore('3–0 (awd.)')).toMatchObject({ status: 'walkover', awarded: true, homeGoals: 3 });
  });

  it('should read blanks and dashes as not played, and a as scheduled', () => {
    expect(readScore('').status).toBe('not-played');
    expect(readScore('–').status).toBe('not-played');
    expect(readScore('a').status).toBe('scheduled');
    expect(readScore('Postponed').status).toBe('not-played');
  });

  it('should read null as no fixture, the marker of single round-robin grids (issue 8)', () => {
    expect(readScore('null')).toEqual({ status: 'no-fixture' });
    expect(readScore(' NULL ').status).toBe('no-fixture');
    expect(readScore('nullified').status).toBe('unknown');
  });

  it('should call anything else unknown', () => {
    expect(readScore('see note').status).toBe('unknown');
  });
});
