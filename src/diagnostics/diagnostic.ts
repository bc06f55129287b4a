/**
 * Building diagnostics. Bad input is always a diagnostic; a `throw` in wikitally means a bug, and
 * pipeline.ts turns it into an `internal/bug` diagnostic on the article.
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
        ...(rest.fix === undefined || rest.fix.length === 0 ? {} : { fix: rest.fix }),
        ...(rest.reason === undefined ? {} : { reason: rest.reason }),
      };
      diagnostics.push(full);
    },
  };
}
