/**
 * What is written for an article that ran out of its budget (or whose worker died): its source as
 * far as known, no records, and a `read/budget` diagnostic saying why.
 */
import { CODES } from '../diagnostics/codes.js';
import type { ArticleRecord, Diagnostic } from '../types/index.js';
import { outcomeOf, type Outcome, type TaskSettings } from './outcome.js';
import type { TaskFailure } from './pool.js';

/**
 * The outcome of an article that gave no result.
 * @param file the input
 * @param page the dump page (title and ids), or undefined for an article file
 * @param failure why there is no result
 * @param settings the run's settings
 * @returns what to write and count in its place
 */
export function budgetOutcome(file: string, page: { title: string; id?: string; revisionId?: string } | undefined, failure: TaskFailure, settings: TaskSettings): Outcome {
  const why =
    failure.failure === 'time'
      ? `it ran past ${failure.message.replace(/^no result after /, '')}`
      : failure.failure === 'memory'
        ? 'it ran out of memory'
        : `its worker failed: ${failure.message}`;
  const diagnostic: Diagnostic = {
    code: 'read/budget',
    severity: CODES['read/budget'].severity,
    message: `Unexpected article that could not be processed (${why}), expected it within the budget of one article; the run went on`,
    file,
    ...(page === undefined ? {} : { page: page.title }),
    stage: 'read',
  };
  const article: ArticleRecord = {
    source: {
      file,
      format: settings.format ?? 'wikitext',
      title: page?.title ?? file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''),
      ...(page?.id === undefined ? {} : { pageId: page.id }),
      ...(page?.revisionId === undefined ? {} : { revisionId: page.revisionId }),
    },
    infoboxes: [],
    standings: [],
    matchGrids: [],
    tables: [],
    brackets: [],
    ties: [],
    matches: [],
    teams: [],
    diagnostics: [diagnostic],
  };
  return outcomeOf(article, settings);
}
