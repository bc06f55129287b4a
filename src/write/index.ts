/**
 * Stage 6, write: article envelopes → files. `<out>/<input key>/<article slug>.json` per article
 * and `<out>/<input key>/index.json` per input. Bytes are deterministic (two-space JSON, final
 * newline, no timestamps) and every file is written atomically (temporary file, then rename), so
 * an interrupted run never leaves a half-written file.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord } from '../types/index.js';

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

/**
 * The index of one input.
 * @param file the input file
 * @param articles its articles
 * @returns the index.json value
 */
export function indexOf(file: string, articles: readonly ArticleRecord[]): { file: string; articles: IndexEntry[] } {
  return {
    file,
    articles: articles.map((a) => ({
      title: a.source.title,
      output: articleFileName(a.source.title),
      records: {
        infoboxes: a.infoboxes.length,
        standings: a.standings.length,
        matchGrids: a.matchGrids.length,
        tables: a.tables.length,
        brackets: a.brackets.length,
        ties: a.ties.length,
        matches: a.matches.length,
      },
      diagnostics: {
        error: a.diagnostics.filter((d) => d.severity === 'error').length,
        warning: a.diagnostics.filter((d) => d.severity === 'warning').length,
        info: a.diagnostics.filter((d) => d.severity === 'info').length,
      },
    })),
  };
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
  const dir = path.join(outDir, ...key.split('/'));
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const article of articles) written.push(await writeAtomically(path.join(dir, articleFileName(article.source.title)), toJson(article)));
  written.push(await writeAtomically(path.join(dir, 'index.json'), toJson(indexOf(file, articles))));
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
