/**
 * What `tables` is given, told apart by content: a previous run's output (article `.json`
 * envelopes, `articles.jsonl` or `articles.jsonl.gz` files, or a folder holding them, such as an
 * `extract --out` folder with its manifest.json) is read as envelopes, never parsed again;
 * anything else (articles, folders of articles, dumps, `-`) goes to the pipeline.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { readInputs } from '../read/inputs.js';
import type { ArticleRecord, Diagnostic } from '../types/index.js';

/** One input, classified. */
export type TablesInput =
  | { kind: 'pipeline'; input: string }
  | {
      kind: 'envelopes';
      file: string;
      /** JSON Lines (one envelope per line) rather than one JSON value. */
      lines: boolean;
      gzip: boolean;
      /** Found in a folder: a JSON file that holds no envelope (an index.json) is skipped, not an error. */
      fromFolder: boolean;
      /** The dump's diagnostics.jsonl beside an articles.jsonl. */
      diagnostics?: string;
    };

/** An input that could not be read. */
export interface TablesInputError {
  file: string;
  message: string;
}

/** Files of a previous run that hold no envelopes. */
const RUN_FILES = new Set(['manifest.json', 'summary.json', 'timing.json', 'checkpoint.json']);
const GZIP = [0x1f, 0x8b];
/** Names the pipeline reads (articles and dumps), never taken for a previous output. */
const ARTICLE_OR_DUMP = /\.(wiki|wikitext|mediawiki|txt|surf|md|xml|xml\.bz2|xml\.gz|bz2)$/i;
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];

/** The first bytes of a file. */
async function head(file: string, n = 512): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const startsWith = (bytes: Buffer, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether a (possibly gzipped) file starts like a JSON object, and whether it is gzipped or zstd. */
async function sniff(file: string): Promise<{ json: boolean; gzip: boolean; zstd: boolean }> {
  const bytes = await head(file);
  if (startsWith(bytes, ZSTD)) return { json: false, gzip: false, zstd: true };
  if (!startsWith(bytes, GZIP)) return { json: startsLikeJson(bytes.toString('utf8')), gzip: false, zstd: false };
  for await (const line of lines(file, true)) {
    if (line.trim().length > 0) return { json: startsLikeJson(line), gzip: true, zstd: false };
  }
  return { json: false, gzip: true, zstd: false };
}

/** JSON objects open with `{` then a key or `}`; wikitext's `{{` and `{|` do not. */
function startsLikeJson(text: string): boolean {
  return /^\s{0,64}\{\s{0,64}["}]/.test(text);
}

/**
 * The lines of a (possibly gzipped) text file, streamed.
 * @param file the path
 * @param gzip whether it is gzipped
 * @returns the lines
 */
export function lines(file: string, gzip: boolean): AsyncIterable<string> {
  const stream = createReadStream(file);
  return createInterface({ input: gzip ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity });
}

/** A JSON file (or JSON Lines file) to read as envelopes, or undefined when it is not one. */
async function envelopeFile(file: string, fromFolder: boolean): Promise<TablesInput | TablesInputError | undefined> {
  // Articles and dumps are the pipeline's, whatever they start with.
  if (ARTICLE_OR_DUMP.test(file)) return undefined;
  const { json, gzip, zstd } = await sniff(file);
  if (zstd) return { file, message: 'zstd-compressed output cannot be read by Node.js 20: decompress it (zstd -d) and give the .jsonl file' };
  if (!json) return undefined;
  const name = path.basename(file).replace(/\.gz$/, '');
  return { kind: 'envelopes', file, lines: name.endsWith('.jsonl'), gzip, fromFolder };
}

/** Every file of a folder, recursively, sorted; hidden files and node_modules skipped. */
async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesOf(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** How a path is written in messages and rows: as given, with `/`. */
const asGiven = (p: string): string => p.split(path.sep).join('/');

/**
 * Classifies the inputs of `tables`.
 * @param inputs paths as given (or `-`)
 * @returns the inputs in order, and those that could not be read
 */
export async function classifyInputs(inputs: readonly string[]): Promise<{ inputs: TablesInput[]; errors: TablesInputError[] }> {
  const out: TablesInput[] = [];
  const errors: TablesInputError[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ kind: 'pipeline', input });
      continue;
    }
    try {
      const info = await stat(input);
      if (!info.isDirectory()) {
        const found = await envelopeFile(input, false);
        if (found === undefined) out.push({ kind: 'pipeline', input });
        else if ('message' in found) errors.push({ ...found, file: asGiven(input) });
        else out.push(withDiagnostics(found, input));
        continue;
      }
      const envelopes: TablesInput[] = [];
      for (const file of await filesOf(input)) {
        const name = path.basename(file);
        if (RUN_FILES.has(name) || !/\.jsonl?(\.gz)?$|\.jsonl\.zst$/.test(name) || /^diagnostics\.jsonl/.test(name)) continue;
        const found = await envelopeFile(file, true);
        if (found === undefined) continue;
        if ('message' in found) errors.push({ ...found, file: asGiven(file) });
        else envelopes.push(withDiagnostics(found, file));
      }
      out.push(...envelopes);
      // A folder of articles (or one that also holds some) goes to the pipeline as well.
      const { files } = await readInputs([input]);
      if (files.length > 0) out.push({ kind: 'pipeline', input });
      else if (envelopes.length === 0) errors.push({ file: asGiven(input), message: `no article, dump or previous output (.json, .jsonl) in folder ${asGiven(input)}` });
    } catch (error) {
      errors.push({ file: asGiven(input), message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
    }
  }
  return { inputs: out, errors };
}

/** An `articles.jsonl` of a dump has its `diagnostics.jsonl` beside it: findings of no article are read from there. */
function withDiagnostics(found: TablesInput, file: string): TablesInput {
  if (found.kind !== 'envelopes' || !found.lines) return found;
  const base = path.basename(file);
  if (!base.startsWith('articles.jsonl')) return found;
  return { ...found, diagnostics: path.join(path.dirname(file), base.replace('articles', 'diagnostics')) };
}

/**
 * Tells whether a parsed value is an article envelope.
 * @param value a parsed JSON value
 * @returns true for `{source: {title, file}, diagnostics: […], …}`
 */
export function isEnvelope(value: unknown): value is ArticleRecord {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { source?: { title?: unknown; file?: unknown }; diagnostics?: unknown; standings?: unknown };
  return typeof v.source?.title === 'string' && typeof v.source.file === 'string' && Array.isArray(v.diagnostics) && Array.isArray(v.standings);
}

/**
 * Reads the envelopes of a classified input, one at a time.
 * @param input the input
 * @returns the envelopes in file order
 * @throws when the file is not JSON, or a line is not an envelope (reported as an unreadable input)
 */
export async function* readEnvelopes(input: Extract<TablesInput, { kind: 'envelopes' }>): AsyncGenerator<ArticleRecord> {
  if (!input.lines) {
    const text = input.gzip ? await gunzipText(input.file) : await readFile(input.file, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Not one JSON value: JSON Lines under another name.
      if (!startsLikeJson(text)) throw error;
      for (const line of text.split('\n')) if (line.trim().length > 0) yield envelope(JSON.parse(line), 'a line');
      return;
    }
    if (input.fromFolder && !isEnvelope(value)) return;
    yield envelope(value, 'the file');
    return;
  }
  let n = 0;
  for await (const line of lines(input.file, input.gzip)) {
    n++;
    if (line.trim().length === 0) continue;
    const value: unknown = JSON.parse(line);
    if (n === 1 && input.fromFolder && !isEnvelope(value)) return;
    yield envelope(value, `line ${n}`);
  }
}

/** The value when it is an envelope; throws (an unreadable input) when it is not. */
function envelope(value: unknown, what: string): ArticleRecord {
  if (!isEnvelope(value)) throw new Error(`${what} is not an article envelope (the output of wikitally extract)`);
  return value;
}

async function gunzipText(file: string): Promise<string> {
  const parts: string[] = [];
  for await (const line of lines(file, true)) parts.push(line);
  return parts.join('\n');
}

/**
 * The findings of a dump's `diagnostics.jsonl` that belong to no article in its `articles.jsonl`.
 * @param file the diagnostics file
 * @param gzip whether it is gzipped
 * @param ofArticles every article diagnostic of the dump, as JSON text
 * @returns the other diagnostics, in file order
 */
export async function inputDiagnostics(file: string, gzip: boolean, ofArticles: Map<string, number>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  try {
    await stat(file);
  } catch {
    return out;
  }
  for await (const line of lines(file, gzip)) {
    if (line.trim().length === 0) continue;
    const key = JSON.stringify(JSON.parse(line));
    const left = ofArticles.get(key) ?? 0;
    if (left > 0) ofArticles.set(key, left - 1);
    else out.push(JSON.parse(line) as Diagnostic);
  }
  return out;
}
