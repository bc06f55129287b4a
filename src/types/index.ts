/**
 * Public record types (generated from schemas/) and the pipeline's internal types, which never
 * reach out/ and are therefore written by hand.
 */
import type { Locator } from '../parse/position.js';
import type { Diagnostic, TableRecord } from './generated/records.js';

export type * from './generated/records.js';

/** The input formats wikitally reads. */
export type InputFormat = 'wikitext' | 'surfdoc';

/** One article as read: its file text and the wikitext to parse, with the way back to file positions. */
export interface Source {
  file: string;
  format: InputFormat;
  title: string;
  url?: string;
  licence?: string;
  /** For a page of a dump: its page and revision ids. */
  pageId?: string;
  revisionId?: string;
  /** The input file's text (positions point into it). */
  text: string;
  /** The wikitext to parse: the file itself, or a document assembled from SurfDoc pieces. */
  wikitext: string;
  locator: Locator;
  /** Virtual offsets where a reader wrapped orphan parameters in a template it inferred. */
  recoveredAt: ReadonlySet<number>;
  /** Tables the reader found outside the wikitext (SurfDoc ::data), still without ids. */
  tables: Omit<TableRecord, 'id'>[];
}

/** Where diagnostics of the current article go, and what every stage needs to know. */
export interface StageContext {
  file: string;
  page?: string;
  report(diagnostic: Omit<Diagnostic, 'file' | 'page' | 'severity'> & { severity?: Diagnostic['severity'] }): void;
  readonly diagnostics: Diagnostic[];
}
