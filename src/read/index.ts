/**
 * Stage 1, read: input paths → Source[]. Files are read whole, directories recursively by
 * extension (.wiki .wikitext .txt → wikitext; .surf .md → SurfDoc; `.txt` is sniffed; .xml and
 * .xml.bz2 are MediaWiki dumps, streamed page by page by xml-dump.ts), `-` is standard input. Bytes are checked (empty, binary, not UTF-8) before any parsing.
 * Emits: read/unreadable-input, read/empty-input, read/binary-input, read/invalid-utf8, and the
 * SurfDoc reader's codes.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Locator, OffsetMap } from '../parse/position.js';
import type { InputFormat, Source, StageContext } from '../types/index.js';
import { readSurfDoc } from './surfdoc.js';
import { readWikitext } from './wikitext.js';
import { isXmlDump } from './xml-dump.js';

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
  load(): Promise<Uint8Array>;
}

/** A path that could not be read. */
export interface InputError {
  file: string;
  message: string;
}

const EXTENSIONS: Readonly<Record<string, InputFormat | 'sniff'>> = {
  '.wiki': 'wikitext',
  '.wikitext': 'wikitext',
  '.mediawiki': 'wikitext',
  '.txt': 'sniff',
  '.surf': 'surfdoc',
  '.md': 'surfdoc',
};
const DUMP = /\.(xml|xml\.bz2|bz2)$/i;

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
  readStdin: () => Promise<Uint8Array> = readAllStdin,
): Promise<{ files: InputRef[]; errors: InputError[] }> {
  const files: InputRef[] = [];
  const errors: InputError[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push({ file: '-', key: 'stdin', kind: 'article', path: '-', load: readStdin });
      continue;
    }
    const rel = relative(input);
    try {
      const info = await stat(input);
      if (info.isDirectory()) {
        const found = await listArticles(input);
        if (found.length === 0) errors.push({ file: rel, message: `no .wiki, .wikitext, .txt, .surf, .md, .xml or .xml.bz2 file in folder ${rel}` });
        for (const f of found) {
          files.push({ file: relative(f), key: path.relative(input, f).split(path.sep).join('/'), kind: DUMP.test(f) ? 'dump' : 'article', path: f, load: () => readFile(f) });
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

/**
 * Decodes an input's bytes and reads it as an article.
 * @param input the file and its bytes
 * @param format the format the user forced, if any
 * @param context diagnostics sink of this article
 * @returns the source, or undefined when the bytes are not text
 */
export function readSource(input: InputFile, format: InputFormat | undefined, context: StageContext): Source | undefined {
  const { file, bytes } = input;
  const empty = (): Source => readWikitext(file, '');
  if (bytes.includes(0)) {
    context.report({
      code: 'read/binary-input',
      stage: 'read',
      message: `Unexpected NUL byte at offset ${bytes.indexOf(0)}, expected a text file; nothing was read`,
    });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const span = new Locator(text, OffsetMap.identity(text.length)).fileSpan(at, at + 1);
    context.report({
      code: 'read/invalid-utf8',
      stage: 'read',
      message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text; each bad sequence was replaced by U+FFFD',
      span,
    });
  }
  if (text.trim().length === 0) {
    context.report({ code: 'read/empty-input', stage: 'read', message: 'Unexpected empty input, expected an article' });
    return empty();
  }
  const chosen = format ?? formatOf(file, text);
  return chosen === 'surfdoc' ? readSurfDoc(file, text, context) : readWikitext(file, text);
}

/**
 * Decides the format of a file from its name, sniffing the text when the name does not say.
 * @param file the file name
 * @param text its text
 * @returns wikitext or surfdoc
 */
export function formatOf(file: string, text: string): InputFormat {
  const lower = file.toLowerCase();
  if (/\.surf(\.txt)?$/.test(lower)) return 'surfdoc';
  const byName = EXTENSIONS[path.extname(lower)];
  if (byName === 'wikitext' || byName === 'surfdoc') return byName;
  const head = text.slice(0, 20000);
  const surf = /^::[A-Za-z][\w-]*(\[[^\]\n]*\])?[ \t]*$/m.test(head) || /^title:\s*"[^"]*"\s+type:\s/m.test(head);
  // SurfDoc markers decide, unless the text also calls modules the way only wikitext does.
  return surf && !/\{\{\s*#invoke/i.test(head) ? 'surfdoc' : 'wikitext';
}

async function listArticles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listArticles(full)));
    else if (e.isFile() && (EXTENSIONS[path.extname(e.name).toLowerCase()] !== undefined || DUMP.test(e.name)) && !NOT_ARTICLES.test(e.name)) out.push(full);
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

function relative(p: string): string {
  const r = path.relative(process.cwd(), path.resolve(p));
  return (r === '' ? '.' : r).split(path.sep).join('/');
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
