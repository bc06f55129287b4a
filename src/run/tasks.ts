/**
 * The unit of work of a run: one article (a file's bytes or a dump page's text) through the
 * pipeline, answered as the text to write and what the run needs to count and print. The same
 * function runs in a worker thread or, with `jobs: 0`, in the caller's thread.
 */
import { processDumpPage, processInput } from '../pipeline.js';
import type { TemplatePage } from '../read/transclusion.js';
import type { EnvelopeStyle } from '../write/envelope.js';
import { outcomeOf, type Outcome, type TaskSettings } from './outcome.js';

export type { Outcome, RecordCounts, TaskSettings } from './outcome.js';

/** A page of a dump, as the pipeline reads it. */
export interface PageInput {
  title: string;
  ns: number;
  id?: string;
  revisionId?: string;
  text: string;
}

/** One article to process. */
export type Task = ({ kind: 'article'; file: string; key: string; bytes: Uint8Array } | { kind: 'page'; file: string; page: PageInput }) & {
  /** Overrides the run's envelope style for this task. */
  style?: EnvelopeStyle;
  /** The pages among the inputs this article may transclude (found by name in its text). */
  templates?: TemplatePage[];
  /**
   * Redirects between the article's link titles (title key → title key), from the dump or a map;
   * empty when the run knows the wiki's redirects and none joins two of them (absent: it knows none).
   */
  redirects?: [string, string][];
};

/**
 * Runs one task.
 * @param task the article
 * @param settings the run's settings
 * @returns what to write and count
 */
export function processTask(task: Task, settings: TaskSettings): Outcome {
  const options = {
    parser: settings.parser,
    ...(task.templates === undefined ? {} : { templates: task.templates }),
    ...(task.redirects === undefined ? {} : { redirects: new Map(task.redirects) }),
  };
  const article =
    task.kind === 'article'
      ? processInput({ file: task.file, key: task.key, bytes: task.bytes }, settings.format, options)
      : processDumpPage(task.file, task.page, options);
  return outcomeOf(article, task.style === undefined ? settings : { ...settings, style: task.style });
}

