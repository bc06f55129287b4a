/**
 * Stage 6, write: article envelopes → files. `<out>/<input key>/<article slug>.json` per article
 * (a dump's pages each have one) and `<out>/<input key>/index.json` per input. Bytes are deterministic (two-space JSON, final
 * newline, no timestamps) and every file is written atomically (temporary file, then rename), so
 * an interrupted run never leaves a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DumpCounts } from '../read/xml-dump.js';
import type { ArticleRecord, Diagnostic } from '../types/index.js';

/** What index.json says of one article. */
export interface IndexEntry {
  title: string;
  output: string;
  records: { infoboxes: number; standings: number; matchGrids: number; tables: number; brackets: number; ties: number; matches: number };
  diagnostics: { error: number; warning: number; info: number };
}

/**
 * Serialises a value as wikitally writes every JSON file.
 * @param value any JSON value
 * @returns two-space JSON with a final newline
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The file name of an article: its title with characters unsafe in file names replaced.
 * @param title the article title
 * @returns e.g. `2004_Copa_Perú.json`
 */
export function articleFileName(title: string): string {
  const slug = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, '_').replace(/^\.+/, '_');
  return `${slug.length === 0 ? 'article' : slug}.json`;
}

/** What index.json says of one input. */
export interface InputIndex {
  file: string;
  /** For a dump: how many pages it held and what became of them. */
  pages?: DumpCounts;
  articles: IndexEntry[];
  /** Input-level diagnostics (an unreadable dump, a malformed page). */
  diagnostics: Diagnostic[];
}

/**
 * What index.json says of one article.
 * @param article the envelope
 * @param output its file name in the input's folder
 * @returns the entry
 */
export function indexEntry(article: ArticleRecord, output: string): IndexEntry {
  const count = (severity: Diagnostic['severity']): number => article.diagnostics.filter((d) => d.severity === severity).length;
  return {
    title: article.source.title,
    output,
    records: {
      infoboxes: article.infoboxes.length,
      standings: article.standings.length,
      matchGrids: article.matchGrids.length,
      tables: article.tables.length,
      brackets: article.brackets.length,
      ties: article.ties.length,
      matches: article.matches.length,
    },
    diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}

/**
 * The index of an input holding one article.
 * @param file the input file
 * @param articles its articles
 * @returns the index.json value
 */
export function indexOf(file: string, articles: readonly ArticleRecord[]): InputIndex {
  return { file, articles: articles.map((a) => indexEntry(a, articleFileName(a.source.title))), diagnostics: [] };
}

/**
 * Writes one article envelope.
 * @param outDir the output folder
 * @param key the input's folder under outDir
 * @param name the file name (see {@link articleFileName})
 * @param article the envelope
 * @returns the path written
 */
export async function writeArticle(outDir: string, key: string, name: string, article: ArticleRecord): Promise<string> {
  const dir = path.join(outDir, ...key.split('/'));
  await mkdir(dir, { recursive: true });
  return writeAtomically(path.join(dir, name), toJson(article));
}

/**
 * Writes the index of one input.
 * @param outDir the output folder
 * @param key the input's folder under outDir
 * @param index the index
 * @returns the path written
 */
export async function writeIndex(outDir: string, key: string, index: InputIndex): Promise<string> {
  const dir = path.join(outDir, ...key.split('/'));
  await mkdir(dir, { recursive: true });
  return writeAtomically(path.join(dir, 'index.json'), toJson(index));
}

/**
 * Writes the articles of one input and its index.
 * @param outDir the output folder
 * @param key the input's folder name under outDir (its path below the input folder)
 * @param file the input file, for the index
 * @param articles the envelopes
 * @returns the paths written
 */
export async function writeArticles(outDir: string, key: string, file: string, articles: readonly ArticleRecord[]): Promise<string[]> {
  const written: string[] = [];
  for (const article of articles) written.push(await writeArticle(outDir, key, articleFileName(article.source.title), article));
  written.push(await writeIndex(outDir, key, indexOf(file, articles)));
  return written;
}

async function writeAtomically(target: string, content: string): Promise<string> {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}
