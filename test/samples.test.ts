import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { ROOT } from './helpers.js';

// The samples as `npm start` reads and writes them (paths relative to the repository root), into
// a fresh folder; every file written must equal its committed copy in out/ byte for byte.
process.chdir(ROOT);
const written = mkdtempSync(path.join(tmpdir(), 'wikitally-samples-'));
const { inputs, errors, lost } = await run({ inputs: ['samples'], outDir: written, jobs: 0, collect: false });

function files(dir: string, prefix = ''): string[] {
  // timing.json (wall time and rates of the run) differs from run to run and is not committed.
  return readdirSync(dir)
    .filter((name) => name !== 'timing.json')
    .sort()
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe('samples', () => {
  it('should read every sample in samples/ and write everything', () => {
    expect(errors).toEqual([]);
    expect(lost).toBe(0);
    expect(inputs.length).toBeGreaterThanOrEqual(20);
  });

  for (const input of inputs) {
    it(`should reproduce out/${input.folder}/ byte for byte`, async () => {
      const produced = files(path.join(written, input.folder));
      for (const f of produced) {
        await expect(readFileSync(path.join(written, input.folder, f), 'utf8')).toMatchFileSnapshot(path.join(ROOT, 'out', input.folder, f));
      }
      expect(files(path.join(ROOT, 'out', input.folder))).toEqual(produced);
    });
  }

  it('should reproduce out/manifest.json and hold no output folder without its sample', async () => {
    await expect(readFileSync(path.join(written, 'manifest.json'), 'utf8')).toMatchFileSnapshot(path.join(ROOT, 'out', 'manifest.json'));
    expect(readdirSync(path.join(ROOT, 'out')).sort()).toEqual(readdirSync(written).sort());
  });
});
