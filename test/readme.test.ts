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

/**
 * A README example must be the real output exactly. A line holding only `…` marks a visible cut:
 * it stands for any number of lines; everything else must match line for line, and the parts
 * between cuts must come in order, the first at the start and the last at the end.
 */
function expectSameOutput(shown: string[], actual: string[]): void {
  const parts: string[][] = [[]];
  for (const line of shown) {
    if (line === '…') parts.push([]);
    else parts[parts.length - 1]?.push(line);
  }
  if (parts.length === 1) {
    expect(actual).toEqual(shown);
    return;
  }
  const first = parts[0] ?? [];
  const last = parts[parts.length - 1] ?? [];
  expect(actual.slice(0, first.length), 'the start of the output').toEqual(first);
  expect(actual.slice(actual.length - last.length), 'the end of the output').toEqual(last);
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    let found = -1;
    for (let i = at; i + part.length <= actual.length - last.length && found === -1; i++) {
      if (part.every((l, k) => actual[i + k] === l)) found = i;
    }
    expect(found, `README lines not in the output, in order:\n${part.join('\n')}`).toBeGreaterThanOrEqual(0);
    at = found + part.length;
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
      expectSameOutput((shown ?? '').replace(/\n$/, '').split('\n'), actual.replace(/\n$/, '').split('\n'));
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
