/**
 * Finding inputs: files, folders (recursively, symbolic links followed once), dumps told by name
 * or first bytes, and standard input (an article read whole, or a dump streamed). Nothing here
 * parses: the run's main thread uses it without loading the pipeline.
 */
import { fstat } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import type { InputFormat } from '../types/index.js';

/** One input file found on disk (or standard input), not yet decoded. */
export interface InputFile {
  /** Path relative to the working directory, / separators (`-` for standard input). */
  file: string;
  /** Where its output goes under the output folder: the path below the input folder given. */
  key: string;
  bytes: Uint8Array;
}

/** An input found but not yet loaded: folders of many articles are read one file at a time. */
export interface InputRef {
  file: string;
  key: string;
  /** A MediaWiki XML dump (read page by page from `path`) or a single article. */
  kind: 'article' | 'dump';
  /** The path to open, for dumps. */
  path: string;
  /** A dump given on standard input: its bytes as a stream (the path is then `-`). */
  stream?: NodeJS.ReadableStream;
  load(): Promise<Uint8Array>;
}

/** A path that could not be read. */
export interface InputError {
  file: string;
  message: string;
}

/** File name extensions of articles, and the format each means (`.txt` is sniffed). */
export const EXTENSIONS: Readonly<Record<string, InputFormat | 'sniff'>> = {
  '.wiki': 'wikitext',
  '.wikitext': 'wikitext',
  '.mediawiki': 'wikitext',
  '.txt': 'sniff',
  '.surf': 'surfdoc',
  '.md': 'surfdoc',
};
const DUMP = /\.(xml|xml\.bz2|xml\.gz|bz2)$/i;

/**
 * Tells whether a file is a MediaWiki XML dump, from its name or first bytes.
 * @param file the file name
 * @param head its first bytes
 * @returns true for `.xml`, `.xml.bz2`, `.xml.gz`, bzip2 or gzip data, or text starting with `<mediawiki`
 */
export function isXmlDump(file: string, head: Uint8Array): boolean {
  if (/\.xml(\.bz2|\.gz)?$/i.test(file)) return true;
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return true;
  if (head[0] === 0x1f && head[1] === 0x8b) return true;
  return /^\s*(<\?xml[^>]*>\s*)?<mediawiki[\s>]/.test(new TextDecoder().decode(head.slice(0, 512)));
}

/** Files in a folder that are documentation, not articles. */
const NOT_ARTICLES = /^(readme|license|licence|copying|changelog|contributing)(\.|$)/i;

/**
 * Finds and reads every input.
 * @param inputs files, folders, or `-` for standard input
 * @param readStdin how to read standard input
 * @returns the files found, in a stable order, and the paths that could not be read
 */
export async function readInputs(
  inputs: readonly string[],
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<{ files: InputRef[]; errors: InputError[] }> {
  const files: InputRef[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    if (input === '-') {
      const ref = await stdinInput(stdin);
      if ('message' in ref) errors.push(ref);
      else files.push(ref);
      continue;
    }
    const rel = asGiven(input);
    try {
      const info = await stat(input);
      if (info.isDirectory()) {
        const found = await listArticles(input, new Set([await realpath(input)]));
        if (found.length === 0) errors.push({ file: rel, message: `no .wiki, .wikitext, .txt, .surf, .md, .xml or .xml.bz2 file in folder ${rel}` });
        for (const f of found) {
          const kind = DUMP.test(f) || (await startsLikeDump(f)) ? 'dump' : 'article';
          const below = path.relative(input, f).split(path.sep).join('/');
          files.push({ file: path.posix.join(rel, below), key: below, kind, path: f, load: () => readFile(f) });
        }
      } else {
        const kind = DUMP.test(input) || (await startsLikeDump(input)) ? 'dump' : 'article';
        files.push({ file: rel, key: path.basename(input), kind, path: input, load: () => readFile(input) });
      }
    } catch (error) {
      errors.push({ file: rel, message: describe(error) });
    }
  }
  return { files, errors };
}

/**
 * Loads an input's bytes.
 * @param ref the input found by {@link readInputs}
 * @returns the file with its bytes, or the reason it cannot be read
 */
export async function loadInput(ref: InputRef): Promise<InputFile | InputError> {
  try {
    return { file: ref.file, key: ref.key, bytes: await ref.load() };
  } catch (error) {
    return { file: ref.file, message: describe(error) };
  }
}

/** Files of a folder, recursively; symbolic links are followed, each real folder read once (no loops). */
async function listArticles(dir: string, seen: Set<string>): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    let isDirectory = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) {
      const real = await realpath(full).catch(() => full);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push(...(await listArticles(full, seen)));
    } else if (isFile && (EXTENSIONS[path.extname(e.name).toLowerCase()] !== undefined || DUMP.test(e.name)) && !NOT_ARTICLES.test(e.name)) out.push(full);
  }
  return out;
}

/** A file with another name is a dump when it starts like one (bzip2 data or `<mediawiki`). */
async function startsLikeDump(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const head = Buffer.alloc(512);
      const { bytesRead } = await handle.read(head, 0, 512, 0);
      return isXmlDump(file, head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * A path as the user gave it, normalised with / separators: never resolved against the working
 * directory, so the same input named the same way gives the same `file` from any folder.
 */
function asGiven(p: string): string {
  const n = path.posix.normalize(p.split(path.sep).join('/'));
  return n === '' ? '.' : n.replace(/\/$/, '') || '/';
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Standard input as an input: its first bytes say whether it is a dump (read as a stream, never
 * held whole) or one article (read whole).
 */
async function stdinInput(stdin: NodeJS.ReadableStream): Promise<InputRef | InputError> {
  // A folder redirected to standard input reads as nothing at all: say what it is instead.
  if (stdin === process.stdin && (await fstatOf(0))?.isDirectory() === true) return { file: '-', message: 'standard input is a folder' };
  const iterator = (stdin as Readable)[Symbol.asyncIterator]();
  let head: Buffer;
  try {
    const first = await iterator.next();
    head = first.done === true ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  } catch (error) {
    return { file: '-', message: `standard input cannot be read (${describe(error)})` };
  }
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield Buffer.from(next.value as Buffer);
  };
  if (isXmlDump('-', head)) {
    const stream = new PassThrough();
    void (async () => {
      try {
        for await (const chunk of rest()) if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
        stream.end();
      } catch (error) {
        stream.destroy(error as Error);
      }
    })();
    return { file: '-', key: 'stdin', kind: 'dump', path: '-', stream, load: () => Promise.reject(new Error('a dump is read as a stream')) };
  }
  return {
    file: '-',
    key: 'stdin',
    kind: 'article',
    path: '-',
    async load() {
      const chunks: Buffer[] = [];
      for await (const chunk of rest()) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
  };
}

function fstatOf(fd: number): Promise<import('node:fs').Stats | undefined> {
  return new Promise((resolve) => fstat(fd, (error, stats) => resolve(error === null ? stats : undefined)));
}
