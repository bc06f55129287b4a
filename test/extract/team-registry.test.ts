import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const read = (name: string) => extract(readFileSync(path.join(ROOT, 'samples', name), 'utf8'), { file: name });

describe('team registry', () => {
  it("should resolve the French grid's RCS and VFC to the table's STR and VAL", () => {
    const a = read('1992-93_French_Division_1.wikitext');
    for (const [tableCode, gridCode] of [
      ['STR', 'RCS'],
      ['VAL', 'VFC'],
    ]) {
      const team = a.teams.find((t) => t.codes.includes(tableCode));
      expect(team?.codes).toEqual([tableCode, gridCode]);
    }
  });

  it("should give the seed's departmental stage as 52 teams in 26 departments, and resolve every later team but Region VI's", () => {
    const a = read('2004-copa-peru.surf');
    const entries = a.tables.flatMap((t) => (t.typed?.type === 'team-list' ? t.typed.entries : []));
    expect([entries.length, new Set(entries.map((e) => e.region)).size]).toEqual([52, 26]);
    const notQualified = a.diagnostics.filter((d) => d.code === 'check/team-not-qualified');
    expect(new Set(notQualified.map((d) => d.recordId))).toEqual(new Set(['standings/regional-stage/region-vi/1']));
    expect(notQualified).toHaveLength(10);
    // 10 of Region VI's 12 teams are in no list: a group that entered another way, a note each.
    expect(notQualified.every((d) => d.severity === 'info' && d.message.includes('10 of that table'))).toBe(true);
  });

  it('should keep two teams of one list apart even when a (city) is the only difference', () => {
    const a = read('2004-copa-peru.surf');
    const yauli = a.teams.find((t) => t.names.includes('Deportivo Municipal (Yauli)'));
    const lima = a.teams.find((t) => t.names.includes('Deportivo Municipal'));
    expect(yauli?.id).not.toBe(lima?.id);
    expect(lima?.mentions.map((m) => m.recordId)).toEqual(expect.arrayContaining(['standings/regional-stage/region-vi/1', 'bracket/national-stage/1', 'table/departmental-stage/2']));
  });

  it('should merge a spelling without diacritics into the same team', () => {
    const a = read('2004-copa-peru.surf');
    const peru = a.teams.find((t) => t.names.includes('Olímpico Somos Peru'));
    expect(peru?.names).toEqual(expect.arrayContaining(['Olímpico Somos Perú', 'Olímpico Somos Peru']));
  });

  it('should note a legal-form variant (Reggina) and two titles no redirect is known to join (Ascoli), and warn when the redirects are known, in 2005–06 Serie A', () => {
    const a = read('2005-06_Serie_A.wikitext');
    const ascoli = a.diagnostics.find((x) => x.message.includes('Ascoli Picchio'));
    // With no redirects, the run cannot tell whether one title redirects to the other.
    expect([ascoli?.code, ascoli?.severity]).toEqual(['check/team-link-conflict', 'info']);
    expect(ascoli?.message).toContain('[[Ascoli Calcio 1898 FC]] and [[Ascoli Picchio FC 1898]]');
    expect(ascoli?.message).toContain('--redirect-map');
    // With them (none joins the two), they are two pages.
    const known = extract(readFileSync(path.join(ROOT, 'samples', '2005-06_Serie_A.wikitext'), 'utf8'), { redirects: new Map() });
    const warned = known.diagnostics.find((x) => x.message.includes('Ascoli Picchio'));
    expect([warned?.code, warned?.severity]).toEqual(['check/team-link-conflict', 'warning']);
    expect(a.diagnostics.find((x) => x.message.includes('[[Reggina 1914]]'))?.message).toContain('legal form or founding year');
  });
});
