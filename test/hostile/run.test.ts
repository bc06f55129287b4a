// The hostile tester's reproductions that concern reading inputs and writing outputs
// (/work/shared/repro/hostile/05, 06, 07, 09, 10, 13, 17), each as the smallest test that failed.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'hostile');
const exec = promisify(execFile);

async function cli(args: string[], options: { cwd?: string; input?: Buffer | string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = exec('node', [CLI, ...args], { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (options.input !== undefined) child.child.stdin?.end(options.input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const temp = (): string => mkdtempSync(path.join(tmpdir(), 'wikitally-hostile-'));

/** Every file under a folder, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f !== 'timing.json')
    .sort()
    .flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? tree(path.join(dir, f)).map((g) => `${f}/${g}`) : [f]));
}

describe('hostile inputs: reading and writing', () => {
  it('should give every page of 05-title-collisions its own file, none named like another or like index.json', async () => {
    const out = temp();
    const r = await cli(['extract', '--all', '--layout', 'files', path.join(FIXTURES, 'title-collisions.xml'), '--out', out]);
    expect(r.code).toBe(0);
    const files = tree(path.join(out, 'title-collisions.xml')).filter((f) => f.endsWith('.json') && f !== 'summary.json');
    expect(files).toHaveLength(5);
    const ids = files.map((f) => (JSON.parse(readFileSync(path.join(out, 'title-collisions.xml', f), 'utf8')) as { source: { pageId: string } }).source.pageId);
    expect(ids.sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(files).not.toContain('index.json');
  });

  it('should keep every title of 05 paths-short inside --out', async () => {
    const out = temp();
    const r = await cli(['extract', '--all', '--layout', 'files', path.join(FIXTURES, 'paths-short.xml'), '--out', out]);
    expect(r.code).toBe(0);
    for (const f of tree(out)) expect(path.resolve(out, f).startsWith(out)).toBe(true);
    expect(tree(path.join(out, 'paths-short.xml')).filter((f) => f !== 'summary.json' && f !== 'diagnostics.jsonl').length).toBeGreaterThanOrEqual(4);
  });

  it('should keep a/x.wiki, b/x.wiki and index.wiki apart (06-same-basename)', async () => {
    const out = temp();
    const dir = path.join(FIXTURES, 'same-basename');
    const r = await cli(['extract', path.join(dir, 'a', 'x.wiki'), path.join(dir, 'b', 'x.wiki'), path.join(dir, 'index.wiki'), '--out', out]);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { inputs: { folder: string; articles: { output: string }[] }[] };
    const outputs = manifest.inputs.flatMap((i) => i.articles.map((a) => a.output));
    expect(new Set(outputs).size).toBe(3);
    const bodies = outputs.map((o) => readFileSync(path.join(out, o), 'utf8'));
    expect(bodies.some((b) => b.includes('from a'))).toBe(true);
    expect(bodies.some((b) => b.includes('from b'))).toBe(true);
  });

  it('should write a page with a 245-byte title and the pages after it (07-long-title)', async () => {
    const out = temp();
    const r = await cli(['extract', '--all', '--layout', 'files', path.join(FIXTURES, 'long-title.xml'), '--out', out]);
    expect(r.code).toBe(0);
    const files = tree(path.join(out, 'long-title.xml'));
    expect(files.filter((f) => f.endsWith('.json') && f !== 'summary.json')).toHaveLength(3);
    for (const f of files) expect(Buffer.byteLength(path.basename(f))).toBeLessThanOrEqual(255);
  });

  it('should read a dump on standard input as a dump (09-dump-on-stdin)', async () => {
    const out = temp();
    const r = await cli(['extract', '--all', '-', '--out', out], { input: readFileSync(path.join(FIXTURES, 'plwiki-multirevision-fixture.xml')) });
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'stdin', 'summary.json'), 'utf8')) as { pages: { pages: number } };
    expect(summary.pages.pages).toBe(2);
  });

  it('should never write through a symlink planted in the output folder (10-tmp-symlink)', async () => {
    const out = temp();
    const victim = path.join(temp(), 'victim.txt');
    writeFileSync(victim, 'precious data');
    mkdirSync(path.join(out, 'x.wiki'), { recursive: true });
    const article = path.join(temp(), 'x.wiki');
    writeFileSync(article, '{| class=wikitable\n! A\n|-\n| x\n|}\n');
    // The old predictable temporary names, and the target name itself, all point at the victim.
    for (let pid = 1; pid < 200; pid++) symlinkSync(victim, path.join(out, 'x.wiki', `x.json.${pid}.tmp`));
    symlinkSync(victim, path.join(out, 'x.wiki', 'x.json'));
    const r = await cli(['extract', article, '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious data');
    expect(readFileSync(path.join(out, 'x.wiki', 'x.json'), 'utf8')).toContain('"title": "x"');
  });

  it('should stop at once with exit code 3 when --out cannot be created (13-out-under-proc)', async () => {
    const started = Date.now();
    const r = await cli(['extract', 'samples/standings-faults.wiki', '--out', '/proc/x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot write to /proc/x');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('should process every input and exit 3 when --out is a file (17: write errors)', async () => {
    const file = path.join(temp(), 'afile');
    writeFileSync(file, '');
    const r = await cli(['extract', 'samples/standings-faults.wiki', 'samples/tables-and-teams.wiki', '--out', file, '--summary']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('write/failed');
    expect(r.stdout).toContain('samples/standings-faults.wiki:');
    expect(r.stdout).toContain('samples/tables-and-teams.wiki:');
  });

  it('should read a symlinked article in a folder, and follow a folder loop once (17)', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'real.wiki'), '{| class=wikitable\n! A\n|-\n| x\n|}\n');
    mkdirSync(path.join(dir, 'sl'));
    symlinkSync(path.join(dir, 'real.wiki'), path.join(dir, 'sl', 'link.wiki'));
    symlinkSync(dir, path.join(dir, 'sl', 'loop'));
    const r = await cli(['check', path.join(dir, 'sl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in 2 articles');
  });

  it('should exit 2 with a message for a folder on standard input (17)', async () => {
    const child = exec('sh', ['-c', `node ${CLI} check - < /`], { cwd: ROOT });
    const r = await child.then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read -');
  });
});
