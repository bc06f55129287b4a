/**
 * The pages articles may transclude, gathered before the articles are processed: template pages
 * among the inputs (files named `Template-…`/`Template:…`, a `--templates` folder) and a dump's
 * own namespace-10 pages that hold a table wikitally reads (added as the dump is read).
 * Each article is sent only the pages its text names, so workers never hold the whole library.
 */
import { readFile } from 'node:fs/promises';
import type { InputRef } from '../read/inputs.js';
import { templateTitleOfFile, transclusionKey, type TemplatePage } from '../read/transclusion.js';

/**
 * Text kept for transclusion at most. Table pages are a few KB each; the English Wikipedia has
 * some tens of thousands, so 256 MB holds them with room, and bounds a hostile dump of huge pages.
 */
export const MAX_LIBRARY_BYTES = 256 * 1024 * 1024;

/** Pages by transclusion key. */
export class TemplateLibrary {
  readonly #pages = new Map<string, TemplatePage>();
  #bytes = 0;
  /** Pages left out because the library was full. */
  skipped = 0;

  /** How many pages it holds. */
  get size(): number {
    return this.#pages.size;
  }

  /**
   * Whether it holds the page a call names.
   * @param name a template call's name (`2019–20 Bundesliga table`)
   * @returns true when that page is known
   */
  has(name: string): boolean {
    return this.#pages.has(transclusionKey(name));
  }

  /**
   * Adds a page (the first of a title wins, as the first revision read does in a dump).
   * @param page the page
   */
  add(page: TemplatePage): void {
    const key = transclusionKey(page.title);
    if (this.#pages.has(key)) return;
    if (this.#bytes + page.text.length > MAX_LIBRARY_BYTES) {
      this.skipped += 1;
      return;
    }
    this.#bytes += page.text.length;
    this.#pages.set(key, page);
  }

  /**
   * The pages a text calls by name (`{{2019–20 Bundesliga table}}`), each once.
   * @param text an article's wikitext
   * @returns the pages to send with it
   */
  pagesFor(text: string): TemplatePage[] {
    if (this.#pages.size === 0) return [];
    const found = new Map<string, TemplatePage>();
    const call = /\{\{([^{}|\n]*)/g;
    for (let m = call.exec(text); m !== null; m = call.exec(text)) {
      const key = transclusionKey(m[1] ?? '');
      const page = this.#pages.get(key);
      if (page !== undefined) found.set(key, page);
    }
    return [...found.values()];
  }

  /**
   * Adds the template pages among article inputs (by file name).
   * @param refs the inputs
   * @param anyName every file is a template page (a `--templates` folder): `X.wiki` is `Template:X`
   */
  async addFiles(refs: readonly InputRef[], anyName = false): Promise<void> {
    for (const ref of refs) {
      if (ref.kind !== 'article') continue;
      const title = templateTitleOfFile(ref.file) ?? (anyName ? `Template:${ref.file.replace(/^.*\//, '').replace(/\.[^.]+$/, '').replace(/_/g, ' ')}` : undefined);
      if (title === undefined) continue;
      try {
        this.add({ title, file: ref.file, text: new TextDecoder().decode(await readFile(ref.path)) });
      } catch {
        // An unreadable file is reported when it is read as an article.
      }
    }
  }
}
