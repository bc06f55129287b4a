/**
 * The articles written so far, and where their rows are. One article is written once: a copy with
 * the page id or title of an article already read gives no rows and is listed under `duplicates`.
 * A dump page the pipeline reads again (it called a table page that came later in the dump) has
 * its new rows put in the place of the old ones when its input ends, as the dump's own JSON Lines
 * output puts the new envelope in the old one's place, so both give the same tables.
 */
import type { ArticleRecord, ArticleRow, Diagnostic } from '../types/index.js';
import { rowsOfArticle, type ArticleRows } from './article-rows.js';
import { TABLE_NAMES, type TableName } from './columns.js';
import { diagnosticRow } from './diagnostic-rows.js';
import type { Replacement, TableSink } from './sink.js';

/** An article given again. */
export interface Duplicate {
  title: string;
  /** The input that gave it again. */
  file: string;
  /** The input whose copy was written. */
  firstFile: string;
}

/** Tables written per article, in this order. */
const ARTICLE_TABLES = ['matches', 'standings', 'teams', 'ties', 'diagnostics'] as const;

/** Where one page of the current input was written (undefined: it was a duplicate, nothing written). */
interface Written {
  row: ArticleRow;
  start: Record<TableName, number>;
  end: Record<TableName, number>;
  counts: Record<TableName, number>;
}

/** Keeps the first copy of each article and the rows written so far. */
export class ArticleSet {
  readonly rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  readonly articles: ArticleRow[] = [];
  readonly duplicates: Duplicate[] = [];
  readonly #sink: TableSink;
  readonly #onDuplicate: ((d: Duplicate) => void) | undefined;
  readonly #byTitle = new Map<string, ArticleRow>();
  readonly #byPage = new Map<string, ArticleRow>();
  readonly #inputFindings = new Set<string>();
  readonly #pending: Diagnostic[] = [];
  /** Pages of the input being read, by file and page id. */
  readonly #pages = new Map<string, Written | undefined>();
  readonly #again: { written: Written; rows: ArticleRows }[] = [];

  /**
   * @param sink where rows go
   * @param onDuplicate told of each article given again
   */
  constructor(sink: TableSink, onDuplicate: ((d: Duplicate) => void) | undefined) {
    this.#sink = sink;
    this.#onDuplicate = onDuplicate;
  }

  /**
   * Writes the rows of an article, unless it was read already.
   * @param article the envelope
   */
  add(article: ArticleRecord): void {
    const { title, pageId, file } = article.source;
    const key = pageId === undefined ? undefined : `${file}\u0000${pageId}`;
    if (key !== undefined && this.#pages.has(key)) {
      // The same page of the same input again: the pipeline's second reading.
      const written = this.#pages.get(key);
      if (written !== undefined) this.#again.push({ written, rows: rowsOfArticle(article) });
      return;
    }
    const first = (pageId === undefined ? undefined : this.#byPage.get(pageId)) ?? this.#byTitle.get(title);
    if (first !== undefined) {
      first.duplicates.push(file);
      const duplicate = { title, file, firstFile: first.file };
      this.duplicates.push(duplicate);
      this.#onDuplicate?.(duplicate);
      if (key !== undefined) this.#pages.set(key, undefined);
      return;
    }
    const rows = rowsOfArticle(article);
    this.#byTitle.set(title, rows.article);
    if (pageId !== undefined) this.#byPage.set(pageId, rows.article);
    this.articles.push(rows.article);
    const start = this.#sink.offsets();
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
    for (const table of ARTICLE_TABLES) {
      this.#sink.write(table, rows[table]);
      this.rows[table] += rows[table].length;
      counts[table] = rows[table].length;
    }
    if (key !== undefined) this.#pages.set(key, { row: rows.article, start, end: this.#sink.offsets(), counts });
  }

  /**
   * Holds findings about an input that belong to no article, until the input is done.
   * @param ds the diagnostics
   */
  addInputFindings(ds: readonly Diagnostic[]): void {
    this.#pending.push(...ds);
  }

  /**
   * Ends an input: pages read again take their new rows, then the held findings are written (each
   * once), after the input's articles: the same place whether the input is a dump or its JSON
   * Lines output, whose diagnostics.jsonl is read after its articles.
   */
  endInput(): void {
    this.#replaceReadAgain();
    this.#pages.clear();
    const rows = this.#pending.splice(0).map((d) => diagnosticRow(d, undefined)).filter((r) => {
      const key = JSON.stringify(r);
      if (this.#inputFindings.has(key)) return false;
      this.#inputFindings.add(key);
      return true;
    });
    this.#sink.write('diagnostics', rows);
    this.rows.diagnostics += rows.length;
  }

  /** Ends the run: the articles table, which lists the duplicates found along the way. */
  finish(): void {
    this.endInput();
    this.#sink.write('articles', this.articles);
    this.rows.articles = this.articles.length;
  }

  #replaceReadAgain(): void {
    const again = this.#again.splice(0);
    if (again.length === 0) return;
    for (const table of ARTICLE_TABLES) {
      const replacements: Replacement[] = again.map(({ written, rows }) => ({ start: written.start[table], end: written.end[table], rows: rows[table] }));
      this.#sink.replace(table, replacements);
      for (const { written, rows } of again) this.rows[table] += rows[table].length - written.counts[table];
    }
    for (const { written, rows } of again) {
      const at = this.articles.indexOf(written.row);
      const row = { ...rows.article, duplicates: written.row.duplicates };
      this.articles[at] = row;
      if (this.#byTitle.get(row.article) === written.row) this.#byTitle.set(row.article, row);
      if (row.pageId !== null && this.#byPage.get(row.pageId) === written.row) this.#byPage.set(row.pageId, row);
    }
  }
}
