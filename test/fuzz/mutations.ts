/**
 * Mutation fuzzing of the samples: fast-check arbitraries that take a sample's bytes (wikitext or
 * SurfDoc) and break it the ways real and hostile articles are broken. A case is plain data (which
 * sample, which mutations, where), so fast-check prints and shrinks it, and applying it is
 * deterministic: the same seed gives the same bytes in `npm test` and in `npm run fuzz`.
 *
 * This file imports nothing from src/ and only `import type`s elsewhere: scripts/fuzz.mjs
 * transpiles it on its own to run over dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

/** One input the mutations start from. */
export interface FuzzSample {
  /** The file name in samples/ (its extension decides wikitext or SurfDoc). */
  name: string;
  bytes: Uint8Array;
}

/** One change to the bytes. Positions are any natural number, taken modulo the length they index. */
export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'splice'; at: number; remove: number; from: number; start: number; length: number }
  | { kind: 'insert'; at: number; text: string; times: number }
  | { kind: 'number'; at: number; value: string }
  | { kind: 'newlines'; style: 'crlf' | 'cr' | 'lf' }
  | { kind: 'bom' }
  | { kind: 'duplicate-parameter'; at: number; value: string | null }
  | { kind: 'nest'; at: number; open: string; close: string; depth: number; closed: boolean };

/** A sample (by index in the list given to {@link fuzzCase}) and what is done to it, in order. */
export interface FuzzCase {
  sample: number;
  mutations: Mutation[];
}

/**
 * The largest mutated input: splices of the largest samples could grow past it. The suite's CPU
 * bound (10 s) is for inputs up to 200 KB, as for the hostile inputs.
 */
export const MAX_CASE_BYTES = 200_000;

/** Syntax written alone, so that it opens or closes nothing it should. */
export const UNBALANCED = [
  '{{', '}}', '{{{', '}}}', '[[', ']]', '[', ']', '<!--', '-->', '<ref>', '</ref>', '<ref name="a"/>', '<ref name=a>',
  '{|', '|}', '|-', '|+', '!', '!!', '||', '|', '=', '{{!}}', '<nowiki>', '</nowiki>', '<pre>', '<math>', '<div>', '</div>',
  '<includeonly>', '<noinclude>', '{{#invoke:', '{{#invoke:Sports table|main|', '{{#invoke:Sports results|main|',
  '{{#invoke:Team bracket|main|', '{{Football box|', '{{Football box collapsible|', '{{Infobox football league season|',
  '{{4TeamBracket|', '{{16TeamBracket-2Leg|', '{{TwoLegResult|', '{{Fb cl header}}', '{{fb cl2 team|', '{{Fb r2 header|', '{{fb r|',
  "'''", "''", '==', '\n== H ==\n', '\n===\n', '\n', '\n\n', ' ', '\t', '::', '\n::data[format=table]\n', '\n::\n', '\n| a | b |\n|---|---|\n',
  '\n---\ntitle: "../../x/CON"\n---\n', 'title: "a/b\\\\c" type: doc ', '<br>', '&amp;', '&#', '&#x110000;', '&nbsp;',
  '|team1=', '|team_order=', '|win_A=', '|match_A_B=', '|RD1-team1=', '|RD1-score1=', '|score=', '|name_A=[[', '–', '—', 'w/o',
];

/** Direction marks, invisible and odd characters, as text (inserted as UTF-8). */
export const MARKS = [
  '\u200F', '\u202E', '\u200E', '\u202C', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u00A0', '\u3000', '\u2028', '\u0085',
  '\u0000', '\r', '\u000B', '\u001B', '\uFFFD', '\uFFFF', '\u{1F600}', 'e\u0301', '\u0130', '\u1E9E', '\u{10FFFF}',
];

/** Figures no article holds. */
export const NUMBERS = [
  '1'.repeat(400), '9'.repeat(20), '1e308', '1e309', '-1e308', '1e-400', '-0', '-0.0', '-1', '-999999', '0', '00', '1.5', '1,000,000',
  '9007199254740993', '0x1F', '0b11', 'NaN', 'Infinity', '-Infinity', '\u0661\u0662', '\uFF11\uFF12', '\u00BD', '1\u20130', '99\u201399',
  '3\u20132 (a.e.t.)', '4\u20134 (5\u20134 p)', '', ' ', '+5', '5\u22123', '2e3', '1_000', '\u202E12',
];

/** Openers and closers nested many deep. */
export const NESTS: [string, string][] = [
  ['{{a|', '}}'], ['{{', '}}'], ['[[a|', ']]'], ['[[', ']]'], ['{|\n|', '\n|}'], ['<ref>', '</ref>'], ['<!--', '-->'], ['<div>', '</div>'],
  ['{{{', '}}}'], ['[', ']'], ['{{#invoke:Sports table|main|team1=', '}}'], ['{{#if:x|', '}}'], ['> ', '\n'], ['\n::data[format=table]\n', '\n::\n'],
  ['(', ')'], ["'''", "'''"],
];

const at = fc.nat();

/** One mutation, the kinds weighted towards those that change structure. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('byte' as const), at, value: fc.integer({ min: 0, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 4000 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('splice' as const), at, remove: fc.integer({ min: 0, max: 2000 }), from: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 20_000 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fc.constantFrom(...UNBALANCED), times: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 50 })) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fc.constantFrom(...MARKS), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('number' as const), at, value: fc.constantFrom(...NUMBERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newlines' as const), style: fc.constantFrom('crlf' as const, 'cr' as const, 'lf' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicate-parameter' as const), at, value: fc.option(fc.constantFrom(...NUMBERS, 'X', '[[Y]]'), { nil: null }) }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ at, pair: fc.constantFrom(...NESTS), depth: fc.oneof(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 3000 })), closed: fc.boolean() })
      .map(({ at: a, pair, depth, closed }) => ({ kind: 'nest' as const, at: a, open: pair[0], close: pair[1], depth, closed })),
  },
);

/**
 * A fuzz case over `samples`: one sample and one to five mutations.
 * @param samples the samples the case may start from (and splice from)
 * @returns the arbitrary
 */
export function fuzzCase(samples: readonly FuzzSample[]): fc.Arbitrary<FuzzCase> {
  // SurfDoc has a reader of its own but few samples: one case in four starts from one.
  const surf = samples.flatMap((s, i) => (s.name.endsWith('.surf') ? [i] : []));
  const any = fc.integer({ min: 0, max: samples.length - 1 });
  const sample = surf.length === 0 ? any : fc.oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: fc.constantFrom(...surf) });
  return fc.record({ sample, mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) });
}

const encoder = new TextEncoder();

function replace(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (end - start) + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}

/** A position in `0..length` (both ends included: inserting at the end is a place too). */
const place = (n: number, length: number): number => n % (length + 1);

/** Bytes as a string of one character per byte, so regular expressions find ASCII syntax without decoding. */
const asLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** The first match of `re` (global) starting at or after `from`, wrapping round to the start. */
function matchFrom(text: string, re: RegExp, from: number): RegExpExecArray | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  if (m !== null) return m;
  re.lastIndex = 0;
  return re.exec(text) ?? undefined;
}

/**
 * Applies one mutation.
 * @param bytes the input so far
 * @param m the mutation
 * @param samples every sample (splices copy from them)
 * @returns the new bytes (the input is not changed)
 */
export function applyMutation(bytes: Uint8Array, m: Mutation, samples: readonly FuzzSample[]): Uint8Array {
  const n = bytes.length;
  switch (m.kind) {
    case 'flip':
    case 'byte': {
      if (n === 0) return bytes;
      const i = m.at % n;
      const out = bytes.slice();
      out[i] = m.kind === 'flip' ? (out[i] ?? 0) ^ (1 << m.bit) : m.value;
      return out;
    }
    case 'truncate':
      return bytes.slice(0, place(m.at, n));
    case 'delete': {
      const i = place(m.at, n);
      return replace(bytes, i, Math.min(n, i + m.length), new Uint8Array());
    }
    case 'splice': {
      const other = samples[m.from % samples.length]?.bytes ?? new Uint8Array();
      const start = place(m.start, other.length);
      const i = place(m.at, n);
      return replace(bytes, i, Math.min(n, i + m.remove), other.subarray(start, start + m.length));
    }
    case 'insert':
      return replace(bytes, place(m.at, n), place(m.at, n), encoder.encode(m.text.repeat(m.times)));
    case 'number': {
      const found = matchFrom(asLatin1(bytes), /[0-9]+/g, place(m.at, n));
      const i = found?.index ?? place(m.at, n);
      return replace(bytes, i, i + (found?.[0].length ?? 0), encoder.encode(m.value));
    }
    case 'newlines': {
      const lf = asLatin1(bytes).replace(/\r\n?/g, '\n');
      return Buffer.from(m.style === 'lf' ? lf : lf.replace(/\n/g, m.style === 'crlf' ? '\r\n' : '\r'), 'latin1');
    }
    case 'bom':
      return replace(bytes, 0, 0, Uint8Array.of(0xef, 0xbb, 0xbf));
    case 'duplicate-parameter': {
      const found = matchFrom(asLatin1(bytes), /\|[ \t]*[A-Za-z0-9_ -]{1,40}[ \t]*=[^|}\n]*/g, place(m.at, n));
      if (found === undefined) return bytes;
      const end = found.index + found[0].length;
      const copy = m.value === null ? found[0] : `${found[0].slice(0, found[0].indexOf('=') + 1)}${m.value}`;
      return replace(bytes, end, end, Buffer.from(copy, 'latin1'));
    }
    case 'nest': {
      const i = place(m.at, n);
      return replace(bytes, i, i, encoder.encode(m.open.repeat(m.depth) + (m.closed ? m.close.repeat(m.depth) : '')));
    }
  }
}

/**
 * Applies a case to its sample.
 * @param samples the samples the case was drawn for
 * @param c the case
 * @returns the file name to give the input (the sample's) and the mutated bytes, at most {@link MAX_CASE_BYTES}
 */
export function applyCase(samples: readonly FuzzSample[], c: FuzzCase): FuzzSample {
  const sample = samples[c.sample];
  if (sample === undefined) throw new Error(`fuzz bug: no sample ${c.sample}`);
  let bytes = sample.bytes;
  for (const m of c.mutations) bytes = applyMutation(bytes, m, samples).subarray(0, MAX_CASE_BYTES);
  return { name: sample.name, bytes };
}

/** Inputs the fuzzer mutates: wikitext and SurfDoc files (not the dumps, which have readers of their own). */
export const FUZZ_EXTENSIONS = /\.(wiki|wikitext|surf)$/;

/**
 * Loads the samples to mutate.
 * @param root the repository
 * @returns every wikitext and SurfDoc file of samples/, sorted by name
 */
export function loadFuzzSamples(root: string): FuzzSample[] {
  const dir = path.join(root, 'samples');
  return readdirSync(dir)
    .filter((f) => FUZZ_EXTENSIONS.test(f))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}

/**
 * The seed of case `i` of a run seeded `seed`: each case is drawn on its own, so a long run can be
 * split between processes and any one case made again from the two numbers.
 * @param seed the run's seed
 * @param i the case number
 * @returns a 32-bit seed for fast-check
 */
export function caseSeed(seed: number, i: number): number {
  return (seed ^ Math.imul(i + 1, 0x9e3779b1)) | 0;
}

const arbitraries = new WeakMap<readonly FuzzSample[], fc.Arbitrary<FuzzCase>>();

/**
 * Case `i` of a run seeded `seed` (as `npm run fuzz` numbers them).
 * @param samples the samples
 * @param seed the run's seed
 * @param i the case number
 * @returns the case and the input it makes
 */
export function caseAt(samples: readonly FuzzSample[], seed: number, i: number): { fuzzCase: FuzzCase; input: FuzzSample } {
  let arb = arbitraries.get(samples);
  if (arb === undefined) arbitraries.set(samples, (arb = fuzzCase(samples)));
  const [drawn] = fc.sample(arb, { seed: caseSeed(seed, i), numRuns: 1 });
  if (drawn === undefined) throw new Error('fuzz bug: fast-check drew no case');
  return { fuzzCase: drawn, input: applyCase(samples, drawn) };
}
