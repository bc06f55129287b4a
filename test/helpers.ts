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

/** Every JSON file under out/, relative to out/. */
export function outFiles(dir = path.join(ROOT, 'out')): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...outFiles(full).map((f) => `${name}/${f}`));
    else if (name.endsWith('.json')) found.push(name);
  }
  return found;
}

/** Reads a JSON file under out/. */
export function readOut(file: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, 'out', file), 'utf8'));
}
