/**
 * What must hold for every article envelope, whatever the input: the properties the fuzzers assert
 * (test/fuzz/fuzz.test.ts over src/, scripts/fuzz.mjs over dist/). The library's functions are
 * passed in, so this file imports nothing from src/ at run time and runs against either build.
 */
import { isDeepStrictEqual } from 'node:util';

/** How a case failed, as the regression files are named. */
export type FailureKind = 'crash' | 'hang' | 'oom' | 'slow' | 'invalid' | 'lost';

/** One property that did not hold. */
export interface Problem {
  kind: FailureKind;
  message: string;
}

/** The parts of the library the checks need. */
export interface CheckLibrary {
  /** validateArticle of src/validate: ajv over schemas/article.schema.json (and every record schema it refers to). */
  validateArticle(article: unknown): string[];
  /** The diagnostic code table of src/diagnostics/codes.ts. */
  codes: Readonly<Record<string, unknown>>;
}

/**
 * The text positions point into: the bytes as the read stage decodes them (a BOM dropped, bad
 * sequences as U+FFFD).
 * @param bytes the input
 * @returns its text
 */
export function decodedText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Text as the parser reads it (src/parse/position.ts, asParserReads): raw values are what MediaWiki
 * would store, so their spans hold them once NUL, DEL and the CR of a CRLF are left out, a lone CR
 * is a line feed and U+2028 and U+2029 are spaces.
 */
function asParsed(text: string): string {
  return text.replace(/[\0\x7F]|\r(?=\n)/g, '').replace(/\r/g, '\n').replace(/[\u2028\u2029]/g, ' ');
}

/** The 1-based line and column of an offset, counted as src/parse/position.ts counts them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Every object reached from `value`, with its JSON path; not below a record read from another file
 * (a transcluded page, whose spans point into that file: fuzz inputs transclude nothing).
 */
function* walk(value: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* walk(v, `${at}/${i}`);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.origin !== undefined) return;
    yield [at, o];
    for (const [k, v] of Object.entries(o)) yield* walk(v, `${at}/${k}`);
  }
}

interface PointLike {
  line?: unknown;
  column?: unknown;
  offset?: unknown;
}

/** Problems with one span: offsets in the text, start before end, line and column those of the offset. */
function spanProblems(span: { start?: PointLike; end?: PointLike }, text: string, lines: Map<number, string>, at: string): string[] {
  const problems: string[] = [];
  const points = [span.start, span.end];
  for (const p of points) {
    const offset = p?.offset;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > text.length) {
      problems.push(`${at}: offset ${String(offset)} outside the text (0..${text.length})`);
      continue;
    }
    let expected = lines.get(offset);
    if (expected === undefined) {
      const { line, column } = lineColumn(text, offset);
      expected = `${line}:${column}`;
      lines.set(offset, expected);
    }
    if (`${String(p?.line)}:${String(p?.column)}` !== expected) problems.push(`${at}: point ${String(p?.line)}:${String(p?.column)} at offset ${offset}, expected ${expected}`);
  }
  const start = span.start?.offset;
  const end = span.end?.offset;
  if (typeof start === 'number' && typeof end === 'number' && end < start) problems.push(`${at}: span ends (${end}) before it starts (${start})`);
  return problems;
}

/**
 * Checks one envelope: no wikitally bug reported, schema-valid (records and envelope), a JSON
 * round trip gives it back unchanged (no NaN, Infinity, -0, undefined or holes), every diagnostic
 * has a known code, every span lies in the text and every `raw` value is the text at its span (as
 * the parser reads it).
 * @param article the envelope `processInput` gave
 * @param text the input's decoded text ({@link decodedText})
 * @param lib the library's validator and code table
 * @returns every problem found, empty when the envelope is sound
 */
export function articleProblems(article: unknown, text: string, lib: CheckLibrary): Problem[] {
  const problems: Problem[] = [];
  const invalid = (message: string): void => void problems.push({ kind: 'invalid', message });
  for (const error of lib.validateArticle(article)) invalid(`envelope does not match article.schema.json: ${error}`);
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(article)) as unknown;
  } catch (error) {
    invalid(`envelope cannot be written as JSON: ${String(error)}`);
  }
  if (copy !== undefined && !isDeepStrictEqual(copy, article)) invalid(`envelope changes in a JSON round trip (${firstDifference(article, copy, '')})`);
  const diagnostics = (article as { diagnostics?: unknown }).diagnostics;
  for (const [i, d] of (Array.isArray(diagnostics) ? diagnostics : []).entries()) {
    const { code, message } = d as { code?: unknown; message?: unknown };
    if (code === 'internal/bug') problems.push({ kind: 'crash', message: `internal/bug: ${String(message)}` });
    else if (code === 'validate/schema') invalid(`validate/schema: ${String(message)}`);
    else if (typeof code !== 'string' || !Object.hasOwn(lib.codes, code)) invalid(`/diagnostics/${i}: unknown code ${String(code)}`);
  }
  const lines = new Map<number, string>();
  for (const [at, o] of walk(article, '')) {
    const span = o.span as { start?: PointLike; end?: PointLike } | undefined;
    if (span === undefined || span === null || typeof span !== 'object') continue;
    // A related place or fix in another file says so with `file`; fuzz inputs have one file.
    if (typeof o.file === 'string' && /\/(related|fix)\/\d+$/.test(at)) continue;
    const found = spanProblems(span, text, lines, `${at}/span`);
    for (const message of found) invalid(message);
    if (found.length === 0 && typeof o.raw === 'string') {
      const slice = asParsed(text.slice(span.start?.offset as number, span.end?.offset as number));
      if (slice !== o.raw) invalid(`${at}: raw ${JSON.stringify(o.raw.slice(0, 60))} is not the text at its span (${JSON.stringify(slice.slice(0, 60))})`);
    }
  }
  return problems;
}

/** Where two JSON-like values first differ, for the message. */
function firstDifference(a: unknown, b: unknown, at: string): string {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (!(i in a) || !(i in b) || !isDeepStrictEqual(a[i], b[i])) return firstDifference(a[i], b[i], `${at}/${i}`);
    }
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      if (!isDeepStrictEqual(ao[k], bo[k]) || Object.hasOwn(ao, k) !== Object.hasOwn(bo, k)) return firstDifference(ao[k], bo[k], `${at}/${k}`);
    }
  }
  return `${at || '/'}: ${describe(a)} becomes ${describe(b)}`;
}

function describe(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null;
  if (proto === Array.prototype || proto === Object.prototype) return Array.isArray(v) ? 'an array' : 'an object';
  return `an instance of ${proto?.constructor?.name ?? 'a null prototype'}`;
}
