/** Shared by the tables tests: the command line, temporary folders, DuckDB queries, table files. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ROOT } from '../helpers.js';

const exec = promisify(execFile);

/**
 * Runs the built command line from the repository root.
 * @param args the arguments
 * @returns exit code, standard output and standard error
 */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A new temporary folder. */
export function tempDir(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `wikitally-${name}-`));
}

/**
 * Runs one query in an in-memory DuckDB (or in a database file, read-only).
 * @param sql the query
 * @param database a .duckdb file to open
 * @returns the rows as JSON-friendly objects
 */
export async function query(sql: string, database?: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(database ?? ':memory:', database === undefined ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The rows of a JSON Lines table.
 * @param dir the output folder
 * @param table the table
 * @returns its rows
 */
export function jsonlRows(dir: string, table: string): Record<string, unknown>[] {
  return readFileSync(path.join(dir, `${table}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The six tables. */
export const TABLES = ['articles', 'matches', 'standings', 'teams', 'ties', 'diagnostics'] as const;
