import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processInput } from '../src/pipeline.js';
import { articleFileName, indexOf, toJson } from '../src/write/index.js';
import { ROOT, loadSamples } from './helpers.js';

const samples = await loadSamples();

describe('samples', () => {
  it('should find every sample in samples/', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  for (const sample of samples) {
    it(`should reproduce out/${sample.key}/ byte for byte`, async () => {
      const article = processInput(sample);
      await expect(toJson(article)).toMatchFileSnapshot(path.join(ROOT, 'out', sample.key, articleFileName(article.source.title)));
      await expect(toJson(indexOf(sample.file, [article]))).toMatchFileSnapshot(path.join(ROOT, 'out', sample.key, 'index.json'));
    });
  }

  it('should hold no output folder without its sample', () => {
    const keys = new Set(samples.map((s) => s.key));
    const stale = readdirSync(path.join(ROOT, 'out')).filter((d) => !keys.has(d));
    expect(stale).toEqual([]);
    expect(existsSync(path.join(ROOT, 'out'))).toBe(true);
  });
});
