import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODES, processInput, validateArticle } from '../../src/index.js';
import { ROOT } from '../helpers.js';
import { warmUp } from '../hostile/timing.js';
import { articleProblems, decodedText, type CheckLibrary, type Problem } from './check.js';
import { applyCase, applyMutation, FUZZ_EXTENSIONS, fuzzCase, loadFuzzSamples, MAX_CASE_BYTES, type FuzzSample } from './mutations.js';

// Mutation fuzzing of the samples in the suite: a few hundred cases, each through the pipeline the
// CLI runs (processInput), must give a sound envelope (test/fuzz/check.ts) within a generous CPU
// bound. `npm run fuzz` runs the same cases for minutes and saves each failing input into
// test/fuzz/regressions/, which is replayed here. Replay a failure with FUZZ_SEED=<seed>
// FUZZ_PATH=<path> (both printed by fast-check).

/** CPU one case of up to {@link MAX_CASE_BYTES} may take: the budget of the hostile inputs (10 s); real samples take well under 0.3 s. */
const CPU_BOUND_MS = 10_000;
const REGRESSIONS = path.join(ROOT, 'test', 'fuzz', 'regressions');
const lib: CheckLibrary = { validateArticle, codes: CODES };
const samples = loadFuzzSamples(ROOT);
// CI runs a fixed seed, so that a landing is judged on the same cases every time (new cases are
// `npm run fuzz`'s job); elsewhere each run draws new ones.
const CI_SEED = 20261130;
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.CI === 'true' ? CI_SEED : undefined;
const replay = { ...(seed === undefined ? {} : { seed }), ...(process.env.FUZZ_PATH === undefined ? {} : { path: process.env.FUZZ_PATH }) };

/** Every problem with one input: a throw, an unsound envelope, too much CPU. */
function problemsOf(input: FuzzSample): Problem[] {
  let article: unknown;
  // CPU, not wall-clock, time: the test workers share the machine's cores (as test/hostile/timing.ts).
  const start = process.cpuUsage();
  try {
    article = processInput({ file: input.name, key: input.name, bytes: input.bytes });
  } catch (error) {
    return [{ kind: 'crash', message: `processInput threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` }];
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  const problems = articleProblems(article, decodedText(input.bytes), lib);
  if (ms > CPU_BOUND_MS) problems.push({ kind: 'slow', message: `${ms.toFixed(0)} ms of CPU, expected under ${CPU_BOUND_MS} ms` });
  return problems;
}

describe('mutation fuzzing', () => {
  warmUp();

  it('should find the samples to mutate, wikitext and SurfDoc', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(samples.some((s) => s.name.endsWith('.surf'))).toBe(true);
  });

  it('should mutate deterministically for a seed, and change the bytes', () => {
    const arb = fuzzCase(samples);
    const a = fc.sample(arb, { seed: 42, numRuns: 50 }).map((c) => applyCase(samples, c));
    const b = fc.sample(arb, { seed: 42, numRuns: 50 }).map((c) => applyCase(samples, c));
    expect(a).toEqual(b);
    const changed = a.filter((x) => !Buffer.from(x.bytes).equals(Buffer.from(samples.find((s) => s.name === x.name)?.bytes ?? [])));
    expect(changed.length).toBeGreaterThan(40);
    expect(a.every((x) => x.bytes.length <= MAX_CASE_BYTES)).toBe(true);
  });

  it('should apply each kind of mutation as documented', () => {
    const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
    const base = new TextEncoder().encode('a|x=12|y=3\n}}');
    expect(text(applyMutation(base, { kind: 'number', at: 0, value: '1e308' }, samples))).toBe('a|x=1e308|y=3\n}}');
    expect(text(applyMutation(base, { kind: 'duplicate-parameter', at: 5, value: '-0' }, samples))).toBe('a|x=12|y=3|y=-0\n}}');
    expect(text(applyMutation(base, { kind: 'newlines', style: 'crlf' }, samples))).toBe('a|x=12|y=3\r\n}}');
    expect(text(applyMutation(base, { kind: 'truncate', at: 3 }, samples))).toBe('a|x');
    expect(text(applyMutation(base, { kind: 'nest', at: 1, open: '{{', close: '}}', depth: 2, closed: false }, samples))).toBe('a{{{{|x=12|y=3\n}}');
    expect([...applyMutation(base, { kind: 'bom' }, samples).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('should report each kind of unsound envelope', () => {
    const article = processInput({ file: 'a.wiki', key: 'a.wiki', bytes: new TextEncoder().encode('{{Football box|team1=A|team2=B|score=1–0}}') });
    expect(articleProblems(article, '{{Football box|team1=A|team2=B|score=1–0}}', lib)).toEqual([]);
    const broken = structuredClone(article) as unknown as { matches: { team1Goals?: number; span: { end: { offset: number } } }[]; diagnostics: unknown[] };
    const match = broken.matches[0];
    if (match === undefined) throw new Error('no match box read');
    match.team1Goals = Number.NaN;
    match.span.end.offset = 10_000;
    broken.diagnostics.push({ code: 'internal/bug', severity: 'error', message: 'x', file: 'a.wiki', stage: 'parse' }, { code: 'extract/no-such-code', severity: 'error', message: 'x', file: 'a.wiki', stage: 'parse' });
    const kinds = articleProblems(broken, 'x', lib).map((p) => `${p.kind}: ${p.message.slice(0, 40)}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid: envelope does not match/),
        expect.stringMatching(/^invalid: envelope changes in a JSON round trip/),
        expect.stringMatching(/^crash: internal\/bug/),
        expect.stringMatching(/^invalid: \/diagnostics\/\d+: unknown code/),
        expect.stringMatching(/^invalid: \/matches\/0\/span: offset 10000/),
      ]),
    );
  });

  it('should extract every mutated sample soundly within the CPU bound', () => {
    fc.assert(
      fc.property(fuzzCase(samples), (c) => {
        const input = applyCase(samples, c);
        expect(problemsOf(input)).toEqual([]);
      }),
      { numRuns: 300, ...replay },
    );
  });

  const regressions = readdirSync(REGRESSIONS).filter((f) => FUZZ_EXTENSIONS.test(f)).sort();
  for (const file of regressions) {
    it(`should extract the regression ${file} soundly (${readFileSync(path.join(REGRESSIONS, file.replace(/\.[^.]+$/, '.txt')), 'utf8').trim().slice(0, 80)})`, () => {
      expect(problemsOf({ name: file, bytes: new Uint8Array(readFileSync(path.join(REGRESSIONS, file))) })).toEqual([]);
    });
  }
});
