import { describe, expect, it } from 'vitest';
import { resolveTitle } from '../../src/extract/club-names.js';
import { RedirectTable, titleHash } from '../../src/run/redirects.js';

describe('RedirectTable', () => {
  it('should map link titles that lead to one page to one of them, the page itself first', () => {
    const table = new RedirectTable();
    table.add('Estudiantes de Mérida', 'Estudiantes de Mérida Fútbol Club');
    table.add('Estudiantes_de_Mérida_FC', 'Estudiantes de Mérida');
    table.add('Caracas F.C.', 'Caracas FC');
    const map = table.linksMap(['Estudiantes de Mérida Fútbol Club', 'estudiantes de Mérida', 'Estudiantes de Mérida FC#History', 'Deportivo Táchira', 'Caracas F.C.', 'Caracas FC']);
    expect([...map]).toEqual([
      ['Estudiantes de Mérida', 'Estudiantes de Mérida Fútbol Club'],
      ['Estudiantes de Mérida FC', 'Estudiantes de Mérida Fútbol Club'],
      ['Caracas F.C.', 'Caracas FC'],
    ]);
    expect(resolveTitle('Estudiantes de Mérida FC', map)).toBe('Estudiantes de Mérida Fútbol Club');
    expect(resolveTitle('Deportivo Táchira', map)).toBe('Deportivo Táchira');
  });

  it('should join two redirects to a page the article never links, under the first title', () => {
    const table = new RedirectTable();
    table.add('B', 'Z');
    table.add('A', 'Z');
    expect([...table.linksMap(['B', 'A', 'C'])]).toEqual([['B', 'A']]);
  });

  it('should stop on cycles and long chains, and give nothing when no two links meet', () => {
    const table = new RedirectTable();
    table.add('X', 'Y');
    table.add('Y', 'X');
    for (let i = 0; i < 10; i++) table.add(`C${i}`, `C${i + 1}`);
    expect(table.resolve('X')).toBe(titleHash('X'));
    expect(table.resolve('C0')).toBe(titleHash('C5'));
    expect(table.linksMap(['C0', 'C10']).size).toBe(0);
    expect(table.linksMap(['Q', 'R']).size).toBe(0);
  });

  it('should keep every redirect as it grows, a later one of a title replacing the earlier', () => {
    const table = new RedirectTable();
    for (let i = 0; i < 20_000; i++) table.add(`Club ${i}`, `Club ${i} FC`);
    table.add('Club 7', 'Other');
    expect(table.size).toBe(20_000);
    expect(table.bytes).toBeLessThanOrEqual(20_000 * 16 * 2 * (4 / 3) + 16);
    for (let i = 0; i < 20_000; i += 997) expect(table.resolve(`Club ${i}`)).toBe(titleHash(i === 7 ? 'Other' : `Club ${i} FC`));
    expect(table.resolve('Club 7')).toBe(titleHash('Other'));
  });
});

describe('extract with a redirect map', () => {
  it("should take a page and its redirect for one team, in the registry and in the checks", async () => {
    const { readFileSync } = await import('node:fs');
    const { extract } = await import('../../src/index.js');
    const text = readFileSync(new URL('../../samples/2005-06_Serie_A.wikitext', import.meta.url), 'utf8');
    const codes = (redirects?: ReadonlyMap<string, string>): string[] =>
      extract(text, { file: 'a.wikitext', ...(redirects === undefined ? {} : { redirects }) }).diagnostics.filter((d) => d.message.includes('Ascoli')).map((d) => d.code);
    expect(codes()).toEqual(['check/team-link-conflict']);
    expect(codes(new Map([['Ascoli Picchio FC 1898', 'Ascoli Calcio 1898 FC']]))).toEqual(['check/team-link-variant']);
  });
});
