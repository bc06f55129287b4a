/**
 * Building diagnostics, and the two helpers that mark a bug: a `throw` in wikitally means a bug,
 * never bad input (bad input is a diagnostic).
 */
import type { Diagnostic, StageContext } from '../types/index.js';
import { CODES } from './codes.js';

/**
 * Creates the diagnostics sink of one article.
 * @param file the input file, relative with / separators
 * @param page the article title when the file holds several articles
 * @returns a context whose `report` fills in file, page and the code's default severity
 */
export function createContext(file: string, page?: string): StageContext {
  const diagnostics: Diagnostic[] = [];
  return {
    file,
    ...(page === undefined ? {} : { page }),
    diagnostics,
    report(d) {
      const { severity, ...rest } = d;
      const full: Diagnostic = {
        code: rest.code,
        severity: severity ?? CODES[rest.code].severity,
        message: rest.message,
        file,
        ...(page === undefined ? {} : { page }),
        stage: rest.stage,
        ...(rest.span === undefined ? {} : { span: rest.span }),
        ...(rest.param === undefined ? {} : { param: rest.param }),
        ...(rest.declared === undefined ? {} : { declared: rest.declared }),
        ...(rest.computed === undefined ? {} : { computed: rest.computed }),
        ...(rest.recordId === undefined ? {} : { recordId: rest.recordId }),
        ...(rest.related === undefined || rest.related.length === 0 ? {} : { related: rest.related }),
      };
      diagnostics.push(full);
    },
  };
}

/**
 * Throws when a condition that the code guarantees does not hold.
 * @param condition what must be true
 * @param what a description of the broken invariant
 */
export function assert(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`wikitally bug: ${what} (please report this with the input that caused it)`);
}

/**
 * Marks a branch that cannot be reached.
 * @param value the value that should have been narrowed to never
 * @returns never
 */
export function unreachable(value: never): never {
  throw new Error(`wikitally bug: unreachable case ${JSON.stringify(value)}`);
}
