/**
 * CSV as RFC 4180 writes it: comma-separated fields, CRLF line ends, a field quoted when it holds a
 * comma, a double quote, a CR or an LF (quotes doubled inside). A missing value (null) is an empty
 * field; an empty string is `""`, so the two stay apart; a list is written as its JSON text.
 */
import type { Column } from './columns.js';

/** Quotes a field when RFC 4180 requires it. */
function field(text: string): string {
  return /[",\r\n]/.test(text) || text.length === 0 ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One value as a CSV field.
 * @param value a row's value
 * @returns the field
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return field(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return field(JSON.stringify(value));
}

/**
 * The header line of a table.
 * @param columns the table's columns
 * @returns the line, with its CRLF
 */
export function csvHeader(columns: readonly Column[]): string {
  return `${columns.map((c) => field(c.name)).join(',')}\r\n`;
}

/**
 * One row as a CSV line, fields in column order.
 * @param columns the table's columns
 * @param row the row
 * @returns the line, with its CRLF
 */
export function csvLine(columns: readonly Column[], row: Readonly<Record<string, unknown>>): string {
  return `${columns.map((c) => csvField(row[c.name])).join(',')}\r\n`;
}
