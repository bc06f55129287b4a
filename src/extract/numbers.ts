/**
 * The one number parser: a declared figure is a number or nothing, never a silent zero, and never
 * Infinity: a figure past MAX_FIGURE is reported as too large and left out.
 */
import { MAX_FIGURE } from '../limits.js';
import type { ParamView } from '../parse/index.js';
import type { Figure, StageContext } from '../types/index.js';

/** What a text reads as: a number, a number too large to be a figure, or nothing. */
export type NumberReading = number | 'too-large' | undefined;

/**
 * Reads a number from plain text: optional sign (ASCII, Unicode minus or dashes), digits with
 * optional thousands separators and decimals; a number too large to be a figure is told from garbage.
 * @param text plain text of a value
 * @returns the number, `'too-large'` past ±MAX_FIGURE, or undefined when the text is not exactly a number
 */
export function readNumberText(text: string): NumberReading {
  const t = text.replace(/[\s\u00a0]+/g, '');
  const m = /^([+\-−–—]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m === null) return undefined;
  const value = bounded(`${(m[2] ?? '').replace(/,/g, '')}${m[3] ?? ''}`);
  if (value === 'too-large') return value;
  // `-0` is 0: -0 is a value JSON cannot write (it prints 0).
  return m[1] !== undefined && m[1] !== '' && m[1] !== '+' && value !== 0 ? -value : value;
}

/**
 * Reads the leading number of a value such as `380 (avg. 2.6)` or `1,067`.
 * @param text plain text
 * @returns the number, `'too-large'` past MAX_FIGURE, or undefined
 */
export function readLeadingNumber(text: string): NumberReading {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?!\d)/.exec(text);
  return m === null ? undefined : bounded((m[1] ?? '').replace(/,/g, ''));
}

/**
 * Reads a whole number written in digits (a round, slot or leg number in a parameter name).
 * @param digits ASCII digits
 * @param max the largest number accepted
 * @returns the number, or undefined when it is past `max`
 */
export function readCount(digits: string, max: number): number | undefined {
  // Leading zeros are padding (`RD1-team01`); past 15 significant digits no count is small.
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length > 15) return undefined;
  const n = Number(significant);
  return Number.isSafeInteger(n) && n <= max ? n : undefined;
}

/**
 * Reads a number and reports it when it is too large to be a figure; text that is no number at
 * all is left to the caller, which decides whether that is worth a diagnostic.
 * @param param the parameter, or undefined when absent
 * @param what what the number is, for the message ("`legs`")
 * @param context diagnostics sink
 * @param leading read only the leading number (`12,345 (record)`)
 * @returns the number, or undefined when absent, not a number or too large
 */
export function readBoundedNumber(param: ParamView | undefined, what: string, context: StageContext, leading = false): number | undefined {
  if (param === undefined) return undefined;
  const n = leading ? readLeadingNumber(param.text) : readNumberText(param.text);
  if (n !== 'too-large') return n;
  reportTooLarge(param, what, context);
  return undefined;
}

/**
 * Reports a number too large to be a figure.
 * @param param the parameter holding it (or a table cell: no name, the row's span)
 * @param what what the number is, for the message
 * @param context diagnostics sink
 */
export function reportTooLarge(param: { name?: string; raw: string; span: ParamView['span'] }, what: string, context: StageContext): void {
  context.report({
    code: 'extract/not-a-number',
    stage: 'extract',
    message: `Unexpected \`${clip(param.raw)}\` for ${what}, expected a number of at most ${MAX_FIGURE}: it is too large and is left out`,
    ...(param.name === undefined ? {} : { param: param.name }),
    span: param.span,
  });
}

/**
 * Turns a parameter into a declared figure; garbage is reported, an empty value is absent.
 * @param param the parameter, or undefined when absent
 * @param what what the figure is, for the message ("wins of GAL")
 * @param context diagnostics sink
 * @returns the figure (with `value` only when it is a number), or undefined when absent or empty
 */
export function readFigure(param: ParamView | undefined, what: string, context: StageContext): Figure | undefined {
  if (param === undefined || param.raw.length === 0) return undefined;
  const value = readNumberText(param.text);
  if (value === 'too-large') reportTooLarge(param, `the ${what}`, context);
  else if (value === undefined) {
    context.report({
      code: 'extract/not-a-number',
      stage: 'extract',
      message: `Unexpected \`${param.raw}\` for the ${what}, expected a number`,
      param: param.name,
      span: param.span,
    });
  }
  return { param: param.name, raw: param.raw, ...(typeof value === 'number' ? { value } : {}), span: param.span };
}

/**
 * Turns a bracket score into a figure: the leading number counts (`2 (a.e.t.)`, `3 (4)`), text
 * with no number is reported, an empty value is absent.
 * @param param the parameter, or undefined when absent
 * @param what what the score is, for the message
 * @param context diagnostics sink
 * @returns the figure, or undefined when absent or empty
 */
export function readScoreFigure(param: ParamView | undefined, what: string, context: StageContext): Figure | undefined {
  if (param === undefined || param.raw.length === 0) return undefined;
  const value = /^\s*\d+(?!\s*[-–—−]\s*\d)/.test(param.text) ? readLeadingNumber(param.text) : undefined;
  if (value === 'too-large') reportTooLarge(param, what, context);
  else if (value === undefined) {
    context.report({
      code: 'extract/not-a-number',
      stage: 'extract',
      message: `Unexpected \`${param.raw}\` for ${what}, expected a number of goals`,
      param: param.name,
      span: param.span,
    });
  }
  return { param: param.name, raw: param.raw, ...(typeof value === 'number' ? { value } : {}), span: param.span };
}

/** A figure is finite and at most MAX_FIGURE; `digits` may carry a decimal part. */
function bounded(digits: string): number | 'too-large' {
  const value = Number(digits);
  return Number.isFinite(value) && value <= MAX_FIGURE ? value : 'too-large';
}

/** Quotes at most 40 characters of a value in a message: a 400-digit number need not be repeated. */
function clip(raw: string): string {
  return raw.length <= 40 ? raw : `${raw.slice(0, 20)}…${raw.slice(-10)}`;
}
