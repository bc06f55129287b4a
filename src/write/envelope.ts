/**
 * How an article envelope becomes text: two-space JSON with a final newline for article files,
 * one line for JSON Lines, and without positions (`span` keys) for consumers that do not need them.
 * Keys keep the order records are built in (schema order); output is deterministic.
 */
import type { ArticleRecord } from '../types/index.js';

/** How to write envelopes. */
export interface EnvelopeStyle {
  /** One line (JSON Lines, --compact) instead of two-space indentation. */
  compact: boolean;
  /** Keep positions (default); false drops every `span` (--no-spans). */
  spans: boolean;
}

const dropSpans = (key: string, value: unknown): unknown => (key === 'span' ? undefined : value);

/**
 * Serialises a value as wikitally writes every JSON file.
 * @param value any JSON value
 * @returns two-space JSON with a final newline
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Serialises an article envelope.
 * @param article the envelope
 * @param style compact or indented, with or without spans
 * @returns the text (indented text ends with a newline; a compact line has none)
 */
export function serialiseArticle(article: ArticleRecord, style: EnvelopeStyle): string {
  const replacer = style.spans ? undefined : dropSpans;
  return style.compact ? JSON.stringify(article, replacer) : `${JSON.stringify(article, replacer, 2)}\n`;
}
