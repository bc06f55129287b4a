import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const exec = promisify(execFile);

describe('the budget of one article', () => {
  it('should report an article that runs past its time as read/budget and go on with the next', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-budget-'));
    const one = readFileSync(path.join(ROOT, 'samples', '1992-93_French_Division_1.wikitext'), 'utf8');
    // Eight megabytes of real tables and grids take several seconds: far past a one-second budget.
    writeFileSync(path.join(dir, 'a-long.wiki'), `${one}\n`.repeat(330));
    writeFileSync(path.join(dir, 'b-short.wiki'), '{{#invoke:Sports table|main|team1=A|name_A=A|win_A=1}}');
    const out = path.join(dir, 'out');
    const { stdout } = await exec('node', [path.join(ROOT, 'dist', 'cli.js'), 'extract', dir, '--out', out, '--budget-seconds', '1', '--jobs', '1', '--summary'], { cwd: ROOT, maxBuffer: 1 << 26 });
    expect(stdout).toContain('read/budget');
    expect(stdout).toMatch(/b-short\.wiki: 1 standings/);
    const envelope = JSON.parse(readFileSync(path.join(out, 'a-long.wiki', 'a-long.json'), 'utf8')) as { diagnostics: { code: string; message: string }[] };
    expect(envelope.diagnostics.map((d) => d.code)).toEqual(['read/budget']);
    expect(envelope.diagnostics[0]?.message).toContain('it ran past 1 s');
  }, 120_000);
});
