/**
 * The tables `wikitally tables` writes and their columns, read from schemas/tables/*.schema.json
 * (the source of truth: column order is the schema's property order, types come from `type`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleRow, DiagnosticRow, MatchRow, StandingsRow, TeamRow, TieRow } from '../types/index.js';

/** The tables, in the order they are written. */
export const TABLE_NAMES = ['articles', 'matches', 'standings', 'teams', 'ties', 'diagnostics'] as const;
/** A table's name (and its file's, and its schema's). */
export type TableName = (typeof TABLE_NAMES)[number];

/** The row type of each table (generated from its schema). */
export interface TableRows {
  articles: ArticleRow;
  matches: MatchRow;
  standings: StandingsRow;
  teams: TeamRow;
  ties: TieRow;
  diagnostics: DiagnosticRow;
}

/** Any row of any table. */
export type AnyRow = TableRows[TableName];

/** A column's kind of value, as the schema's `type` says. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'string[]';

/** One column. */
export interface Column {
  name: string;
  type: ColumnType;
}

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/tables/', import.meta.url));
const cache = new Map<TableName, Column[]>();

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  items?: { type?: string };
}

function typeOf(name: string, p: PropertySchema): ColumnType {
  if (p.enum !== undefined) return 'string';
  const types = (Array.isArray(p.type) ? p.type : [p.type]).filter((t) => t !== 'null');
  const [t] = types;
  if (t === 'array' && p.items?.type === 'string') return 'string[]';
  if (t === 'string' || t === 'integer' || t === 'number' || t === 'boolean') return t;
  throw new Error(`wikitally bug: column ${name} of a table schema has no column type (${JSON.stringify(p.type)})`);
}

/**
 * The columns of a table, in schema order.
 * @param table the table
 * @returns its columns
 */
export function columnsOf(table: TableName): Column[] {
  const known = cache.get(table);
  if (known !== undefined) return known;
  const schema = JSON.parse(readFileSync(`${SCHEMA_DIR}${table}.schema.json`, 'utf8')) as { properties: Record<string, PropertySchema> };
  const columns = Object.entries(schema.properties).map(([name, p]) => ({ name, type: typeOf(name, p) }));
  cache.set(table, columns);
  return columns;
}
