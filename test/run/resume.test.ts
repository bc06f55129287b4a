import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A dump of 240 small articles among filler pages, made by the repository's generator. */
function makeDump(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-resume-'));
  execFileSync(process.execPath, [
    path.join(ROOT, 'scripts', 'make-dump.mjs'),
    '--out', dir, '--name', 'resume',
    '--articles', path.join(ROOT, 'samples', 'standings-faults.wiki'), path.join(ROOT, 'samples', 'bracket-faults.wiki'),
    '--repeat', '120',
    '--filler', path.join(ROOT, 'test', 'fixtures', 'dumps', 'ltgwiki-smallwiki-pages-articles.xml.bz2'),
  ]);
  return path.join(dir, 'resume.xml.bz2');
}

function extract(dump: string, out: string, extra: string[]): ReturnType<typeof spawn> {
  return spawn(process.execPath, [CLI, 'extract', dump, '--out', out, '--jobs', '2', '--checkpoint-every', '20', '--no-progress', ...extra], { stdio: 'ignore' });
}

const finished = (child: ReturnType<typeof spawn>): Promise<number | null> => new Promise((resolve) => child.on('exit', (code) => resolve(code)));

function outputs(dir: string): Record<string, string> {
  const folder = path.join(dir, 'resume.xml.bz2');
  return Object.fromEntries(readdirSync(folder).filter((f) => f !== 'timing.json').sort().map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));
}

describe('resume', () => {
  it('should finish a run killed with SIGKILL half-way, with the bytes of an uninterrupted run', async () => {
    const dump = makeDump();
    const clean = mkdtempSync(path.join(tmpdir(), 'wikitally-clean-'));
    expect(await finished(extract(dump, clean, []))).toBe(0);

    const killed = mkdtempSync(path.join(tmpdir(), 'wikitally-killed-'));
    const child = extract(dump, killed, []);
    const checkpoint = path.join(killed, 'resume.xml.bz2', 'checkpoint.json');
    // Kill as soon as a checkpoint shows the run is under way, before it can finish.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(checkpoint) && JSON.parse(readFileSync(checkpoint, 'utf8')).items >= 60) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await finished(child);
    expect(existsSync(path.join(killed, 'resume.xml.bz2', 'summary.json'))).toBe(false);

    expect(await finished(extract(dump, killed, ["--resume"]))).toBe(0);
    expect(outputs(killed)).toEqual(outputs(clean));
    // A finished run resumed again does nothing and changes nothing.
    expect(await finished(extract(dump, killed, ["--resume"]))).toBe(0);
    expect(outputs(killed)).toEqual(outputs(clean));
  }, 120_000);
});
