import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeamIdentity } from '../../src/check/team-identity.js';
import { createContext } from '../../src/diagnostics/diagnostic.js';
import { buildTeamRegistry } from '../../src/extract/team-registry.js';
import { extract } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const LIST = '==Teams==\n{| class="wikitable"\n! Team !! City\n|-\n| [[Estudiantes de Mérida Fútbol Club|Estudiantes]] || [[Mérida, Mérida|Mérida]]\n|-\n| [[Caracas FC|Caracas]] || [[Caracas]]\n|}\n';
const table = (eme: string, crc: string) =>
  extract(`${LIST}==Standings==\n{{#invoke:sports table|main|style=WDL\n|team1=EME|name_EME=${eme}\n|team2=CRC|name_CRC=${crc}\n}}`);

describe('one team under many names', () => {
  it('should join [[X Fútbol Club|X]] and [[X]] as one team with an info note (issue 8, r4)', () => {
    const a = extract(readFileSync(path.join(ROOT, 'samples/team-link-legal-form.wiki'), 'utf8'));
    const team = a.teams.find((t) => t.codes.includes('EME'));
    expect(team?.links.sort()).toEqual(['Estudiantes de Mérida', 'Estudiantes de Mérida Fútbol Club']);
    expect(a.diagnostics.map((d) => [d.code, d.severity])).toEqual([['check/team-link-variant', 'info']]);
  });

  it('should treat titles that differ in first-letter case, underscores or anchors as one page', () => {
    const a = table('[[estudiantes_de_Mérida_Fútbol_Club#History|Estudiantes]]', '[[Caracas FC|Caracas]]');
    expect(a.teams.find((t) => t.codes.includes('EME'))?.links).toEqual(['Estudiantes de Mérida Fútbol Club']);
    expect(a.diagnostics.filter((d) => d.code.startsWith('check/team-'))).toEqual([]);
  });

  it('should join Caracas FC and Caracas Fútbol Club, and keep a warning for two really different pages', () => {
    expect(table('[[Estudiantes de Mérida]]', '[[Caracas Fútbol Club|Caracas]]').diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const a = table('[[Estudiantes de Mérida]]', '[[Deportivo La Guaira|Caracas]]');
    expect(a.diagnostics.find((d) => d.code === 'check/team-link-conflict')?.message).toContain('[[Deportivo La Guaira]] and [[Caracas FC]]');
  });

  it('should keep a warning when one title is the reserve team of the other', () => {
    const a = table('[[Estudiantes de Mérida]]', '[[Caracas FC B|Caracas]]');
    expect(a.diagnostics.find((d) => d.code === 'check/team-link-conflict')?.severity).toBe('warning');
  });

  it('should only note a name inside the other when no redirects are known, and warn when they are and join nothing', () => {
    // "Caracas" in "Caracas Rojos del Ávila": a renamed club whose old title may redirect, or another page.
    const text = `${LIST}==Standings==\n{{#invoke:sports table|main|style=WDL\n|team1=EME|name_EME=[[Estudiantes de Mérida]]\n|team2=CRC|name_CRC=[[Caracas Rojos del Ávila|Caracas]]\n}}`;
    const conflict = (a: ReturnType<typeof extract>) => a.diagnostics.find((d) => d.code === 'check/team-link-conflict');
    expect(conflict(extract(text))).toMatchObject({ severity: 'info', message: expect.stringContaining('cannot tell without the wiki') });
    expect(conflict(extract(text, { redirects: new Map() }))?.severity).toBe('warning');
    expect(conflict(extract(text, { redirects: new Map([['Other club', 'Caracas FC']]) }))?.severity).toBe('warning');
    // Names that share no word, or where one adds a reserve side, are two teams whatever the redirects.
    expect(conflict(table('[[Estudiantes de Mérida]]', '[[Deportivo La Guaira|Caracas]]'))?.severity).toBe('warning');
  });

  it('should join two titles through a redirect map, and say so', () => {
    const a = table('[[Estudiantes de Mérida]]', '[[Los Rojos del Ávila|Caracas]]');
    expect(a.diagnostics.map((d) => d.code)).toContain('check/team-link-conflict');
    const redirects = new Map([['Los Rojos del Ávila', 'Caracas FC']]);
    buildTeamRegistry(a, { redirects });
    const context = createContext('input.wiki');
    checkTeamIdentity(a, context, { redirects });
    expect(context.diagnostics.find((d) => d.message.includes('Caracas'))).toMatchObject({ code: 'check/team-link-variant', severity: 'info' });
    expect(context.diagnostics.find((d) => d.message.includes('Caracas'))?.message).toContain('one redirects to the other');
  });

  it('should join mentions by the redirect map even when their names differ', () => {
    const a = extract(`${LIST}==Final==\n{{football box|team1=[[Los Rojos del Ávila]]|score=1–0|team2=[[Estudiantes de Mérida]]}}`);
    const before = a.teams.find((t) => t.names.includes('Los Rojos del Ávila'));
    expect(before?.mentions).toHaveLength(1);
    const teams = buildTeamRegistry(a, { redirects: new Map([['Los Rojos del Ávila', 'Caracas FC']]) });
    expect(teams.find((t) => t.names.includes('Los Rojos del Ávila'))?.names.sort()).toEqual(['Caracas', 'Los Rojos del Ávila']);
  });
});

describe('teams from another competition', () => {
  it('should note a play-off opponent from another division as info (2021–22 Ligue 1, Auxerre)', () => {
    const a = extract(readFileSync(path.join(ROOT, 'samples/2021-22_Ligue_1.wikitext'), 'utf8'));
    const d = a.diagnostics.find((x) => x.code === 'check/team-not-qualified');
    expect([d?.severity, d?.message]).toEqual(['info', expect.stringContaining('play-off opponent')]);
  });

  it('should still warn about a standings team that no earlier list names', () => {
    const a = table('[[Estudiantes de Mérida]]', '[[Zamora FC|Zamora]]');
    expect(a.diagnostics.find((d) => d.code === 'check/team-not-qualified')?.severity).toBe('warning');
  });
});
