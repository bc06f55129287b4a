import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { toJson } from '../src/write/index.js';
import { ROOT } from './helpers.js';

// The samples as `npm start` reads them (paths relative to the repository root).
process.chdir(ROOT);
const { inputs, errors } = await run({ inputs: ['samples'] });

describe('samples', () => {
  it('should read every sample in samples/', () => {
    expect(errors).toEqual([]);
    expect(inputs.length).toBeGreaterThanOrEqual(20);
  });

  for (const input of inputs) {
    it(`should reproduce out/${input.key}/ byte for byte`, async () => {
      const dir = path.join(ROOT, 'out', input.key);
      for (const [i, entry] of input.index.articles.entries()) {
        await expect(toJson(input.articles[i])).toMatchFileSnapshot(path.join(dir, entry.output));
      }
      await expect(toJson(input.index)).toMatchFileSnapshot(path.join(dir, 'index.json'));
      const files = readdirSync(dir).sort();
      expect(files).toEqual([...input.index.articles.map((a) => a.output), 'index.json'].sort());
    });
  }

  it('should hold no output folder without its sample', () => {
    const keys = new Set(inputs.map((s) => s.key));
    expect(readdirSync(path.join(ROOT, 'out')).filter((d) => !keys.has(d))).toEqual([]);
  });
});
