/**
 * A piece of one source line around a span, cut to a width with "…" so that a value at column
 * 1048 of a one-line template is still shown with its neighbours; shared by the terminal and HTML
 * reports.
 */
import type { Span } from '../types/index.js';

/** One source line cut around a span: the text before, the span itself, and after. */
export interface Excerpt {
  line: number;
  column: number;
  /** Text shown before the span (starts with "…" when the line was cut on the left). */
  before: string;
  /** The spanned text, on this line only; empty for a point. */
  target: string;
  /** Text shown after the span (ends with "…" when cut on the right). */
  after: string;
}

/** Characters of context shown on the left of the span when a line is cut. */
const LEFT_CONTEXT = 30;
/** Characters of context kept on the left of a span too long for the width. */
const MIN_CONTEXT = 10;

/**
 * Cuts the line of a span's start out of the text, keeping about `width` characters.
 * @param text the file text the span points into
 * @param span the span to show
 * @param width how many characters of the line to keep (the span itself is never cut below 1)
 * @returns the excerpt, or undefined when the span lies outside the text
 */
export function excerptAt(text: string, span: Span, width = 72): Excerpt | undefined {
  const start = span.start.offset;
  if (start < 0 || start > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', start);
  let lineEnd = newline === -1 ? text.length : newline;
  if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd -= 1;
  const end = Math.max(start, Math.min(span.end.offset, lineEnd));
  const chars = (s: string): string[] => Array.from(s.replace(/\t/g, ' '));
  let before = chars(text.slice(lineStart, start));
  let target = chars(text.slice(start, end));
  let after = chars(text.slice(end, lineEnd));
  const room = Math.max(width, 10);
  // A long span keeps a little context on its left; a short one keeps LEFT_CONTEXT, or more
  // when the line ends soon after it.
  if (target.length > room - MIN_CONTEXT) target = [...target.slice(0, room - MIN_CONTEXT - 1), '…'];
  const left = Math.min(before.length, Math.max(Math.min(LEFT_CONTEXT, room - target.length), room - target.length - after.length));
  const cutLeft = left < before.length;
  before = before.slice(before.length - left);
  if (cutLeft) before = ['…', ...before.slice(1)];
  const right = Math.max(0, room - before.length - target.length);
  if (after.length > right) after = [...after.slice(0, Math.max(0, right - 1)), '…'];
  return { line: span.start.line, column: span.start.column, before: before.join(''), target: target.join(''), after: after.join('') };
}

/**
 * The text a span covers, for showing a value as written.
 * @param text the file text
 * @param span the span
 * @returns the spanned text, or undefined when the span lies outside the text
 */
export function sliceOf(text: string, span: Span): string | undefined {
  const { offset: start } = span.start;
  const { offset: end } = span.end;
  if (start < 0 || end > text.length || end < start) return undefined;
  return text.slice(start, end);
}
