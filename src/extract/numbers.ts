/**
 * The one number parser: a declared figure is a number or nothing, never a silent zero.
 */
import type { ParamView } from '../parse/index.js';
import type { Figure, StageContext } from '../types/index.js';

/**
 * Reads a number from plain text: optional sign (ASCII, Unicode minus or dashes), digits with
 * optional thousands separators and decimals.
 * @param text plain text of a value
 * @returns the number, or undefined when the text is not exactly a number
 */
export function parseNumber(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]+/g, '');
  const m = /^([+\-−–—]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m === null) return undefined;
  const value = Number(`${(m[2] ?? '').replace(/,/g, '')}${m[3] ?? ''}`);
  return m[1] !== undefined && m[1] !== '' && m[1] !== '+' ? -value : value;
}

/**
 * Reads the leading number of a value such as `380 (avg. 2.6)` or `1,067`.
 * @param text plain text
 * @returns the number, or undefined
 */
export function parseLeadingNumber(text: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?!\d)/.exec(text);
  return m === null ? undefined : Number((m[1] ?? '').replace(/,/g, ''));
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
  const value = parseNumber(param.text);
  if (value === undefined) {
    context.report({
      code: 'extract/not-a-number',
      stage: 'extract',
      message: `Unexpected \`${param.raw}\` for the ${what}, expected a number`,
      param: param.name,
      span: param.span,
    });
  }
  return { param: param.name, raw: param.raw, ...(value === undefined ? {} : { value }), span: param.span };
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
  const value = /^\s*\d+(?!\s*[-–—−]\s*\d)/.test(param.text) ? parseLeadingNumber(param.text) : undefined;
  if (value === undefined) {
    context.report({
      code: 'extract/not-a-number',
      stage: 'extract',
      message: `Unexpected \`${param.raw}\` for ${what}, expected a number of goals`,
      param: param.name,
      span: param.span,
    });
  }
  return { param: param.name, raw: param.raw, ...(value === undefined ? {} : { value }), span: param.span };
}
