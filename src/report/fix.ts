/**
 * Certain corrections as text edits: the `edit` of every diagnostic's fix (given only when one
 * correction alone reconciles a table and the article does not explain the difference itself),
 * applied to the file's text, or shown as a unified diff. Uncertain candidates are never applied.
 */
import type { ArticleRecord, Span } from '../types/index.js';

/** One edit to apply: replace [start, end) of the text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** What the edit changes, for the message ("match_DPO_CSÁ: 1–3 → 0–6"). */
  what: string;
  line: number;
}

/**
 * The certain edits of an article, once each (several findings of a table share one correction).
 * @param article the envelope
 * @returns the edits, in file order, without overlaps
 */
export function certainEdits(article: ArticleRecord): TextEdit[] {
  const byPlace = new Map<string, TextEdit>();
  for (const d of article.diagnostics) {
    if (d.severity === 'info') continue;
    for (const f of d.fix ?? []) {
      // Only edits of the article's own file (a fix may point into a transcluded page or a dump).
      if (f.edit === undefined || (f.file ?? d.file) !== article.source.file || d.page !== undefined) continue;
      const span: Span = f.edit.span;
      const key = `${span.start.offset}:${span.end.offset}`;
      byPlace.set(key, { start: span.start.offset, end: span.end.offset, text: f.edit.text, what: `${f.param}: ${f.current} → ${f.proposed}`, line: span.start.line });
    }
  }
  const edits = [...byPlace.values()].sort((a, b) => a.start - b.start);
  // Two edits of the same text (from two tables) that overlap are both dropped: neither is certain then.
  return edits.filter((e, i) => (edits[i - 1]?.end ?? -1) <= e.start && (edits[i + 1]?.start ?? Number.POSITIVE_INFINITY) >= e.end);
}

/**
 * Applies edits to a text.
 * @param text the file's text
 * @param edits edits in file order, not overlapping
 * @returns the new text
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * A unified diff of two versions of a file, one hunk per changed run of lines, three lines of context.
 * @param file the path shown
 * @param before the text now
 * @param after the text with the edits
 * @returns the diff (empty when nothing changes)
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Edits replace text within lines and keep line counts whenever the values hold no newline;
  // the diff is computed on that assumption and falls back to one hunk of the whole file.
  const hunks: string[] = [];
  if (a.length !== b.length) {
    hunks.push(`@@ -1,${a.length} +1,${b.length} @@`, ...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`));
  } else {
    const changed = a.map((l, i) => l !== b[i]);
    for (let i = 0; i < a.length; i++) {
      if (!changed[i]) continue;
      const from = Math.max(0, i - 3);
      let to = i;
      while (to + 1 < a.length && changed.slice(to + 1, to + 8).some(Boolean)) to += 1;
      to = Math.min(a.length - 1, to + 3);
      const lines: string[] = [];
      for (let k = from; k <= to; k++) lines.push(...(changed[k] ? [`-${a[k]}`, `+${b[k]}`] : [` ${a[k]}`]));
      hunks.push(`@@ -${from + 1},${to - from + 1} +${from + 1},${to - from + 1} @@`, ...lines);
      i = to;
    }
  }
  return `--- a/${file}\n+++ b/${file}\n${hunks.join('\n')}\n`;
}
