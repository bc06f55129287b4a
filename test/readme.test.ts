import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const exec = promisify(execFile);
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Output of a command, whatever its exit code. */
async function output(file: string, args: string[]): Promise<string> {
  try {
    return (await exec(file, args, { cwd: ROOT })).stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

/** Each README line must appear in the real output, in order (the README may cut lines out). */
function expectSubsequence(shown: string[], actual: string[]): void {
  let at = 0;
  for (const line of shown) {
    const found = actual.indexOf(line, at);
    expect(found, `README line not in the output (or out of order):\n${line}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe('README examples', () => {
  const consoles = [...readme.matchAll(/```console\n\$ npx wikitally ([^\n]*)\n([\s\S]*?)```/g)];

  it('should have command examples', () => {
    expect(consoles.length).toBeGreaterThanOrEqual(2);
  });

  for (const [, args, shown] of consoles) {
    it(`should print what the README shows for: wikitally ${args}`, async () => {
      const actual = await output('node', [path.join(ROOT, 'dist', 'cli.js'), ...(args ?? '').split(' ')]);
      expectSubsequence((shown ?? '').trimEnd().split('\n'), actual.split('\n'));
    });
  }

  it('should print what the README shows for the library example', async () => {
    const match = /```js\n([\s\S]*?)```\n\nprints\n\n```text\n([\s\S]*?)```/.exec(readme);
    expect(match).not.toBeNull();
    // Inside the package folder, `import … from 'wikitally'` resolves to the package itself.
    const script = path.join(ROOT, `.readme-example-${process.pid}.mjs`);
    writeFileSync(script, match?.[1] ?? '');
    try {
      expect(await output('node', [script])).toBe(match?.[2]);
    } finally {
      rmSync(script, { force: true });
    }
  });
});
