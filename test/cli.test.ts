import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const exec = promisify(execFile);

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = exec('node', [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('wikitally command line', () => {
  it('should exit 1 and show each disagreement under its table, with line:column and the value as written', async () => {
    const r = await cli(['check', 'samples/2004-copa-peru.surf']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Regional Stage › Region II › Group B (table at line 137)\n  ✗ error  gf_CSÁ = 21, expected 18 (Sport Áncash)  check/goals-for-mismatch\n    139:175 │');
  });

  it('should exit 0 when there is no error', async () => {
    const r = await cli(['check', 'samples/2005-06_Serie_A.wikitext']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('check/order-not-by-points');
  });

  it('should print a JSON array of diagnostics with --json', async () => {
    const r = await cli(['check', '--json', 'samples/1992-93_French_Division_1.wikitext']);
    const ds = JSON.parse(r.stdout) as { code: string; param?: string; related?: { message: string }[] }[];
    const draws = ds.filter((d) => d.code === 'check/draws-mismatch');
    expect(draws.map((d) => d.param)).toEqual(['draw_OM', 'draw_VAL']);
    expect(draws[0]?.related?.[0]?.message).toContain('declared a defeat for both teams');
  });

  it('should exit 2 with a one-line message and no stack trace for a missing file, after reading the others', async () => {
    const r = await cli(['check', 'no/such/file.wiki', 'samples/2005-06_Serie_A.wikitext']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wikitally: cannot read no/such/file.wiki: no such file or folder');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('in 1 article\n');
  });

  it('should take --redirect-map for articles read as files, and refuse a map it cannot read with a one-line message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-cli-redirects-'));
    const map = path.join(dir, 'redirects.tsv');
    writeFileSync(map, 'Ascoli Picchio FC 1898\tAscoli Calcio 1898 FC\n');
    const codes = async (extra: string[]): Promise<string[]> => {
      const r = await cli(['check', '--json', 'samples/2005-06_Serie_A.wikitext', ...extra]);
      return (JSON.parse(r.stdout) as { code: string; message: string }[]).filter((d) => d.message.includes('Ascoli')).map((d) => d.code);
    };
    expect(await codes([])).toEqual(['check/team-link-conflict']);
    writeFileSync(map, 'Reggina 1914\tSomewhere else\n');
    const severity = async (extra: string[]): Promise<string[]> => {
      const r = await cli(['check', '--json', 'samples/2005-06_Serie_A.wikitext', ...extra]);
      return (JSON.parse(r.stdout) as { severity: string; message: string }[]).filter((d) => d.message.includes('Ascoli')).map((d) => d.severity);
    };
    expect(await severity([])).toEqual(['info']);
    expect(await severity(['--redirect-map', map])).toEqual(['warning']);
    writeFileSync(map, 'Ascoli Picchio FC 1898\tAscoli Calcio 1898 FC\n');
    expect(await codes(['--redirect-map', map])).toEqual(['check/team-link-variant']);
    writeFileSync(map, 'no tab\n');
    const bad = await cli(['check', 'samples/2005-06_Serie_A.wikitext', '--redirect-map', map]);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, `wikitally: Unexpected line 1 of --redirect-map ${map} ("no tab"), expected title<TAB>target`]);
    expect((await cli(['check', 'samples/2005-06_Serie_A.wikitext', '--redirect-map', '-'])).code).toBe(2);
  });

  it('should exit 2 for bad usage', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['extract', '--format', 'html', 'x'])).code).toBe(2);
    const ns = await cli(['check', '--namespaces', 'ten', 'samples/bad-empty.wiki']);
    expect([ns.code, ns.stderr.trim()]).toEqual([2, 'wikitally: --namespaces takes "all" or numbers separated by commas, not "ten"']);
  });

  it('should exit 0 from extract despite findings, and 1 with --strict', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-'));
    expect((await cli(['extract', 'samples/standings-faults.wiki', '--out', dir])).code).toBe(0);
    expect((await cli(['extract', 'samples/standings-faults.wiki', '--out', dir, '--strict'])).code).toBe(1);
  });

  it('should read template pages of a dump with --namespaces 10', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-'));
    expect((await cli(['extract', '--namespaces', '10', 'samples/football-pages.xml.bz2', '--out', dir])).code).toBe(0);
    const lines = readFileSync(path.join(dir, 'football-pages.xml.bz2', 'articles.jsonl'), 'utf8').trim().split('\n');
    const articles = lines.map((l) => JSON.parse(l) as { source: { title: string }; standings: unknown[] });
    expect(articles.map((a) => [a.source.title, a.standings.length])).toEqual([['Template:Synthetic League 2020 table', 1]]);
  });

  it('should read standard input given as -', async () => {
    const r = await cli(['check', '--json', '-'], '{{#invoke:Sports table|main|team1=A|name_A=A|win_A=z}}');
    expect((JSON.parse(r.stdout) as { code: string; file: string }[]).find((d) => d.code === 'extract/not-a-number')?.file).toBe('-');
  });

  it('should write the same bytes as out/ for a sample, and no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-'));
    const r = await cli(['extract', 'samples/2004-copa-peru.surf', '--out', dir]);
    expect(r.code).toBe(0);
    const key = '2004-copa-peru.surf';
    expect(readdirSync(dir).sort()).toEqual([key, 'manifest.json']);
    expect(readdirSync(path.join(dir, key))).toEqual(['2004_Copa_Perú.json']);
    expect(readFileSync(path.join(dir, key, '2004_Copa_Perú.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'out', key, '2004_Copa_Perú.json'), 'utf8'));
  });

  it('should keep going past a binary file and an empty file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-'));
    writeFileSync(path.join(dir, 'a.wiki'), Buffer.from([0, 1, 2]));
    writeFileSync(path.join(dir, 'b.wiki'), '');
    writeFileSync(path.join(dir, 'c.wiki'), '{{#invoke:Sports table|main|team1=A|name_A=A}}');
    const r = await cli(['check', '--json', dir]);
    const codes = (JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['read/binary-input', 'read/empty-input']));
    expect(r.code).toBe(1);
  });
});
