import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/diagnostics/codes.js';
import { ROOT, outFiles } from './helpers.js';

/**
 * Codes no sample can trigger, each with the test that covers it instead: an unreadable path
 * never reaches out/ (cli.test.ts), a section too large to parse at once needs a large input
 * (big-input.test.ts), a schema failure or an internal failure is a bug (validate.test.ts), a table
 * past MAX_TABLE_CELLS writes megabytes (extract/wikitable.test.ts), an article past its budget
 * needs seconds of work (run/budget.test.ts), and a write error needs an output that cannot be
 * written (hostile/run.test.ts).
 */
const NOT_IN_SAMPLES = new Set([
  'read/unreadable-input',
  'parse/too-large',
  'validate/schema',
  'internal/bug',
  'extract/table-too-large',
  'read/budget',
  'write/failed',
]);

describe('diagnostic codes', () => {
  it('should list the same codes in codes.ts and diagnostic.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'diagnostic.schema.json'), 'utf8')) as {
      properties: { code: { enum: string[] } };
    };
    expect(schema.properties.code.enum).toEqual(DIAGNOSTIC_CODES);
  });

  it('should name codes <stage>/<kebab-name>', () => {
    for (const code of DIAGNOSTIC_CODES) expect(code).toMatch(/^(read|parse|extract|validate|check|write|internal)\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('should trigger every code in at least one file of out/', () => {
    const all = outFiles(path.join(ROOT, 'out'), /\.jsonl?$/)
      .map((f) => readFileSync(path.join(ROOT, 'out', f), 'utf8'))
      .join('\n');
    const missing = DIAGNOSTIC_CODES.filter((c) => !NOT_IN_SAMPLES.has(c) && !all.includes(`"code": "${c}"`) && !all.includes(`"code":"${c}"`));
    expect(missing).toEqual([]);
  });
});
