/**
 * Wikitext reader: the file is the wikitext, positions are its own.
 */
import { Locator, OffsetMap } from '../parse/position.js';
import type { Source } from '../types/index.js';

/**
 * Reads a wikitext article.
 * @param file the input path (relative, / separators)
 * @param text the file's text
 * @returns the source
 */
export function readWikitext(file: string, text: string): Source {
  const title = file.replace(/^.*\//, '').replace(/\.(wiki|wikitext|txt)$/i, '').replace(/_/g, ' ');
  return {
    file,
    format: 'wikitext',
    title,
    text,
    // A byte-order mark would hide a heading on line 1; it is blanked, not removed, so offsets hold.
    wikitext: text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text,
    locator: new Locator(text, OffsetMap.identity(text.length)),
    recoveredAt: new Set(),
    tables: [],
  };
}
