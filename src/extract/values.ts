/**
 * A parameter as a record `Value`: raw wikitext, plain text, links, span.
 */
import type { ParamView } from '../parse/index.js';
import type { Value } from '../types/index.js';

/**
 * Converts a parameter view to a record value.
 * @param p the parameter, or undefined
 * @returns the value, or undefined when the parameter is absent or empty
 */
export function valueOf(p: ParamView | undefined): Value | undefined {
  if (p === undefined || p.raw.length === 0) return undefined;
  return { param: p.name, raw: p.raw, text: p.text, ...(p.links.length === 0 ? {} : { links: p.links }), span: p.span };
}

/**
 * Spreads `{key: value}` only when the value is present: optional properties are omitted, never undefined.
 * @param key the property name
 * @param value the value, or undefined
 * @returns an object to spread
 */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
