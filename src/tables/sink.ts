/**
 * Where rows go: one file per table under the output folder. CSV and JSON Lines are written as the
 * rows come (synchronously, so a long dump never piles rows up in memory) to temporary files that
 * are renamed when the run ends; Parquet and DuckDB are staged as JSON Lines and converted at the
 * end by DuckDB (duckdb.ts). Nothing half-written is ever left under a table's name.
 */
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { makeFolder } from '../write/atomic.js';
import { columnsOf, TABLE_NAMES, type AnyRow, type TableName } from './columns.js';
import { csvHeader, csvLine } from './csv.js';

/** The formats `tables` writes. */
export type TablesFormat = 'csv' | 'jsonl' | 'parquet' | 'duckdb';

/** The file each format writes for a table (DuckDB: one database for all tables). */
export const FILE_EXTENSION: Readonly<Record<TablesFormat, string>> = { csv: '.csv', jsonl: '.jsonl', parquet: '.parquet', duckdb: '.duckdb' };

/** The database file of `--format duckdb`. */
export const DUCKDB_FILE = 'wikitally.duckdb';

interface Open {
  fd: number;
  temp: string;
  /** Bytes written so far: where the next row goes. */
  size: number;
}

/** Rows of a table that take the place of bytes already written (an article read again). */
export interface Replacement {
  start: number;
  end: number;
  rows: readonly AnyRow[];
}

const CHUNK = 1 << 20;

/**
 * One row as a JSON object with its keys in column order.
 * @param table the table
 * @param row the row
 * @returns the JSON text, on one line
 */
export function jsonLine(table: TableName, row: AnyRow): string {
  const values = row as unknown as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(columnsOf(table).map((c) => [c.name, values[c.name] ?? null])));
}

/** The table files of one run. */
export class TableSink {
  readonly #dir: string;
  readonly #format: TablesFormat;
  readonly #files = new Map<TableName, Open>();
  readonly #staging: string | undefined;

  private constructor(dir: string, format: TablesFormat, staging: string | undefined) {
    this.#dir = dir;
    this.#format = format;
    this.#staging = staging;
  }

  /**
   * Creates the output folder and a temporary file per table.
   * @param dir the output folder
   * @param format what to write
   * @returns the sink
   * @throws the file system's error when the folder or a file cannot be created
   */
  static async open(dir: string, format: TablesFormat): Promise<TableSink> {
    await makeFolder(dir);
    const staged = format === 'parquet' || format === 'duckdb';
    const staging = staged ? path.join(dir, `.wikitally-tables-${randomBytes(6).toString('hex')}.tmp`) : undefined;
    if (staging !== undefined) await makeFolder(staging);
    const sink = new TableSink(dir, format, staging);
    for (const table of TABLE_NAMES) {
      const temp = path.join(staging ?? dir, staged ? `${table}.jsonl` : `.wikitally-${table}-${randomBytes(6).toString('hex')}.tmp`);
      const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      const size = format === 'csv' ? writeSync(fd, csvHeader(columnsOf(table))) : 0;
      sink.#files.set(table, { fd, temp, size });
    }
    return sink;
  }

  /**
   * Writes rows of one table.
   * @param table the table
   * @param rows its rows, in order
   */
  write(table: TableName, rows: readonly AnyRow[]): void {
    if (rows.length === 0) return;
    const file = this.#open(table);
    file.size += writeSync(file.fd, this.#encode(table, rows));
  }

  /**
   * Where the next row of each table will be written.
   * @returns the byte offset in each table's file
   */
  offsets(): Record<TableName, number> {
    return Object.fromEntries(TABLE_NAMES.map((t) => [t, this.#open(t).size])) as Record<TableName, number>;
  }

  /**
   * Puts rows in the place of bytes already written: the file is copied with each range replaced
   * (ranges in order, not overlapping), and writing goes on at its new end.
   * @param table the table
   * @param replacements the ranges and their new rows
   */
  replace(table: TableName, replacements: readonly Replacement[]): void {
    if (replacements.length === 0) return;
    const file = this.#open(table);
    closeSync(file.fd);
    const copy = path.join(path.dirname(file.temp), `.wikitally-${table}-${randomBytes(6).toString('hex')}.tmp`);
    const from = openSync(file.temp, 'r');
    const to = openSync(copy, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    const buffer = Buffer.alloc(CHUNK);
    let size = 0;
    const pass = (start: number, end: number): void => {
      for (let at = start; at < end; ) {
        const n = readSync(from, buffer, 0, Math.min(CHUNK, end - at), at);
        if (n === 0) break;
        size += writeSync(to, buffer, 0, n);
        at += n;
      }
    };
    let at = 0;
    for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
      pass(at, r.start);
      if (r.rows.length > 0) size += writeSync(to, this.#encode(table, r.rows));
      at = r.end;
    }
    pass(at, fstatSync(from).size);
    closeSync(from);
    closeSync(to);
    renameSync(copy, file.temp);
    file.fd = openSync(file.temp, constants.O_WRONLY | constants.O_APPEND);
    file.size = size;
  }

  #open(table: TableName): Open {
    const file = this.#files.get(table);
    if (file === undefined) throw new Error(`wikitally bug: table ${table} written after the sink was closed`);
    return file;
  }

  #encode(table: TableName, rows: readonly AnyRow[]): string {
    const columns = columnsOf(table);
    return this.#format === 'csv'
      ? rows.map((r) => csvLine(columns, r as unknown as Record<string, unknown>)).join('')
      : `${rows.map((r) => jsonLine(table, r)).join('\n')}\n`;
  }

  /**
   * Closes every file and gives each its name (or, for Parquet and DuckDB, converts them).
   * @param convert converts the staged JSON Lines files (Parquet, DuckDB)
   * @returns the files written, relative to the output folder
   */
  async close(convert: (staged: ReadonlyMap<TableName, string>, dir: string, format: 'parquet' | 'duckdb') => Promise<string[]>): Promise<string[]> {
    for (const f of this.#files.values()) closeSync(f.fd);
    const files = new Map([...this.#files].map(([t, f]) => [t, f.temp]));
    this.#files.clear();
    if (this.#format === 'parquet' || this.#format === 'duckdb') {
      try {
        return await convert(files, this.#dir, this.#format);
      } finally {
        if (this.#staging !== undefined) await rm(this.#staging, { recursive: true, force: true });
      }
    }
    const written: string[] = [];
    for (const [table, temp] of files) {
      const name = `${table}${FILE_EXTENSION[this.#format]}`;
      await rename(temp, path.join(this.#dir, name));
      written.push(name);
    }
    return written;
  }

  /** Closes and removes every temporary file (a run that cannot finish). */
  async abort(): Promise<void> {
    for (const f of this.#files.values()) {
      closeSync(f.fd);
      await rm(f.temp, { force: true });
    }
    this.#files.clear();
    if (this.#staging !== undefined) await rm(this.#staging, { recursive: true, force: true });
  }
}
