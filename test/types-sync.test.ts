import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../scripts/types-source.mjs';
import { ROOT } from './helpers.js';

describe('generated types', () => {
  it('should match schemas/ (run `npm run gen:types` after changing a schema)', async () => {
    const current = readFileSync(path.join(ROOT, 'src', 'types', 'generated', 'records.ts'), 'utf8');
    const expected = (await (generateTypes as () => Promise<string>)()) as string;
    expect(current, 'src/types/generated/records.ts is stale: run `npm run gen:types`').toBe(expected);
  });
});
