/**
 * Findings an article acknowledges in its own text, with HTML comments an editor can leave in place:
 *
 *   <!-- wikitally-disable-next-line check/draws-mismatch: the annulled match, see note -->
 *   <!-- wikitally-disable check/draws-mismatch, check/wins-mismatch: reason -->  …  <!-- wikitally-enable -->
 *
 * A finding of a listed code (or of any code, when none is listed) that starts on the line after a
 * `disable-next-line` comment, or between a `disable` comment and the next `enable` (or the end of
 * the file), becomes info and carries the reason. A comment that covers no finding is reported
 * itself, so stale acknowledgements do not pile up.
 * Emits: check/unused-acknowledgement.
 */
import type { Diagnostic, Span, StageContext } from '../types/index.js';
import type { Locator } from '../parse/position.js';

interface Acknowledgement {
  kind: 'next-line' | 'block';
  codes: string[];
  reason: string;
  span: Span;
  /** Lines covered: [from, to] inclusive, 1-based. */
  from: number;
  to: number;
  used: boolean;
}

const COMMENT = /<!--\s*wikitally-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/**
 * Applies the acknowledgements of an article's text to its findings.
 * @param text the input file's text (positions of findings point into it)
 * @param locator file offsets → points
 * @param context the article's diagnostics (changed in place)
 */
export function acknowledgeFindings(text: string, locator: Locator, context: StageContext): void {
  if (!text.includes('wikitally-')) return;
  const found: Acknowledgement[] = [];
  const open: Acknowledgement[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const span = locator.fileSpan(m.index, m.index + m[0].length);
    const [codes, reason] = parseBody(m[2] ?? '');
    if (m[1] === 'enable') {
      for (const a of open.splice(0)) if (codes.length === 0 || codes.some((c) => a.codes.includes(c))) a.to = span.start.line;
      continue;
    }
    const ack: Acknowledgement =
      m[1] === 'disable-next-line'
        ? { kind: 'next-line', codes, reason, span, from: span.end.line + 1, to: span.end.line + 1, used: false }
        : { kind: 'block', codes, reason, span, from: span.end.line, to: Number.POSITIVE_INFINITY, used: false };
    if (ack.kind === 'block') open.push(ack);
    found.push(ack);
  }
  for (const d of context.diagnostics) {
    const line = d.span?.start.line;
    if (line === undefined || d.code === 'check/unused-acknowledgement') continue;
    const ack = found.find((a) => line >= a.from && line <= a.to && (a.codes.length === 0 || a.codes.includes(d.code)));
    if (ack === undefined) continue;
    ack.used = true;
    acknowledge(d, ack.reason);
  }
  for (const a of found) {
    if (a.used) continue;
    context.report({
      code: 'check/unused-acknowledgement',
      stage: 'check',
      message: `Unexpected acknowledgement that covers no finding${a.codes.length === 0 ? '' : ` of ${a.codes.map((c) => `\`${c}\``).join(', ')}`}, expected a finding ${a.kind === 'next-line' ? 'on the next line' : 'in the block it opens'}; remove it or move it next to the finding`,
      span: a.span,
    });
  }
}

/** `check/a, check/b: reason` → codes and reason (the codes are the `stage/name` words before the first colon). */
function parseBody(body: string): [string[], string] {
  const colon = body.indexOf(':');
  const head = colon === -1 ? body : body.slice(0, colon);
  const words = head.split(/[\s,]+/).filter(Boolean);
  if (words.length > 0 && words.every((w) => /^[a-z]+\/[a-z0-9-]+$/.test(w))) return [words, colon === -1 ? '' : body.slice(colon + 1).trim()];
  return [[], body.trim()];
}

function acknowledge(d: Diagnostic, reason: string): void {
  d.severity = 'info';
  d.reason = reason.length > 0 ? reason : 'acknowledged in the article, no reason given';
}
