/** Shared by the tests: the samples as the CLI sees them, and every article file under out/. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadInput, readInputs, type InputFile } from '../src/read/index.js';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Every sample, loaded, with the key its output folder has under out/. */
export async function loadSamples(): Promise<InputFile[]> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const { files } = await readInputs(['samples']);
    const loaded = await Promise.all(files.map(loadInput));
    return loaded.filter((f): f is InputFile => 'bytes' in f);
  } finally {
    process.chdir(cwd);
  }
}

/** Every JSON file (or file matching `pattern`) under out/, relative to out/. */
export function outFiles(dir = path.join(ROOT, 'out'), pattern = /\.json$/): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...outFiles(full, pattern).map((f) => `${name}/${f}`));
    else if (pattern.test(name)) found.push(name);
  }
  return found;
}

/** Reads a JSON file under out/. */
export function readOut(file: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, 'out', file), 'utf8'));
}

/** Files of out/ that are not article envelopes. */
const NOT_ARTICLES = /(^|\/)(manifest|summary|timing)\.json$/;

/**
 * Every article envelope under out/: each article file, and each line of each articles.jsonl.
 * @returns a name for the test (`folder/file.json` or `folder/articles.jsonl:N`) and the envelope
 */
export function outArticles(): { name: string; article: unknown }[] {
  const found: { name: string; article: unknown }[] = [];
  for (const file of outFiles(path.join(ROOT, 'out'), /\.jsonl?$/)) {
    if (NOT_ARTICLES.test(file) || file.endsWith('diagnostics.jsonl')) continue;
    const text = readFileSync(path.join(ROOT, 'out', file), 'utf8');
    if (!file.endsWith('.jsonl')) found.push({ name: file, article: JSON.parse(text) });
    else text.split('\n').filter(Boolean).forEach((line, i) => found.push({ name: `${file}:${i + 1}`, article: JSON.parse(line) }));
  }
  return found;
}

/**
 * fast-check's seed: random on a developer's machine (new cases each run), fixed in CI so that a
 * landing is judged on the same cases every time; FAST_CHECK_SEED replays a reported seed.
 * @returns the options to spread into fc.assert
 */
export function propertySeed(): { seed?: number } {
  if (process.env.FAST_CHECK_SEED !== undefined) return { seed: Number(process.env.FAST_CHECK_SEED) };
  return process.env.CI === 'true' ? { seed: 20261130 } : {};
}
