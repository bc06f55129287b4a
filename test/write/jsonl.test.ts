import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonlFile, rewriteLines } from '../../src/write/jsonl.js';
import { propertySeed } from '../helpers.js';

type Replacements = Map<number, { count: number; lines: string[] }>;

/** The lines of a file after a rewrite, as written plain and as written with gzip (the line-by-line path). */
async function rewriteBoth(lines: string[], replacements: Replacements): Promise<{ plain: string; gzip: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-jsonl-'));
  const plain = path.join(dir, 'a.jsonl');
  const gz = path.join(dir, 'a.jsonl.gz');
  for (const [file, compression] of [[plain, 'none'], [gz, 'gzip']] as const) {
    const out = await JsonlFile.open(file, 0, compression);
    lines.forEach((l) => out.add(l));
    await out.close();
    await rewriteLines(file, compression, replacements, 3);
  }
  const zipped = readFileSync(gz);
  return { plain: readFileSync(plain, 'utf8'), gzip: zipped.length === 0 ? '' : gunzipSync(zipped).toString('utf8') };
}

describe('rewriteLines', () => {
  it('should replace runs of lines, insert where a run is empty and append past the end', async () => {
    const replacements: Replacements = new Map([
      [1, { count: 2, lines: ['"B"'] }],
      [3, { count: 0, lines: ['"x"', '"y"'] }],
      [9, { count: 0, lines: ['"end"'] }],
    ]);
    const { plain, gzip } = await rewriteBoth(['"a"', '"b1"', '"b2"', '"c"', '"é ∑"'], replacements);
    expect(plain).toBe('"a"\n"B"\n"x"\n"y"\n"c"\n"é ∑"\n"end"\n');
    expect(gzip).toBe(plain);
  });

  it('should give the same lines on bytes (plain) as line by line (gzip), whatever the replacements', async () => {
    const line = fc.string({ minLength: 1, maxLength: 40 }).map((s) => JSON.stringify(s));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(35), fc.nat(3), fc.array(line, { maxLength: 3 })), { maxLength: 6 }), async (lines, picks) => {
        // Runs that do not overlap, as the callers give them.
        const replacements: Replacements = new Map();
        let free = 0;
        for (const [at, count, added] of [...picks].sort((a, b) => a[0] - b[0])) {
          if (at < free) continue;
          replacements.set(at, { count, lines: added });
          free = at + Math.max(count, 1);
        }
        const { plain, gzip } = await rewriteBoth(lines, replacements);
        expect(plain).toBe(gzip);
      }),
      { numRuns: 60, ...propertySeed() },
    );
  });

  it('should read a last line with no newline as a line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-jsonl-'));
    const file = path.join(dir, 'a.jsonl');
    writeFileSync(file, '1\n\n2\n3');
    await rewriteLines(file, 'none', new Map([[2, { count: 1, lines: ['4'] }]]), 10);
    expect(readFileSync(file, 'utf8')).toBe('1\n2\n4\n');
  });
});
