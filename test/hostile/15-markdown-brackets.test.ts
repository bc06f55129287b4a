import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { BUDGET_MS, timed, warmUp } from './timing.js';

const surf = (body: string) => extract(`title: "T" type: doc\n\nIntro\n\n${body}\n`, { format: 'surfdoc', file: 'a.surf' });

describe('15-markdown-brackets', () => {
  beforeAll(warmUp);

  it('should read a SurfDoc of 100,000 `[` then 100,000 `]` in well under 10 s', () => {
    const { result, ms } = timed('SurfDoc [100k ]100k', () => surf(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(result.source.title).toBe('T');
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it.each([
    ['emphasis runs', 'a*b**c***'.repeat(22_000)],
    ['block quotes 50,000 deep with lazy lines', `${'>'.repeat(50_000)}\n${'a\n'.repeat(50_000)}`],
    ['link openers', '[a]('.repeat(50_000)],
    ['brackets on lines of their own', '[\n]\n'.repeat(50_000)],
  ])('should read 200 KB of %s in well under 10 s', (what, body) => {
    const { ms } = timed(`SurfDoc ${what}`, () => surf(body));
    expect(ms).toBeLessThan(BUDGET_MS);
  });
});
