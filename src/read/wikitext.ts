/**
 * Wikitext reader: the file is the wikitext, positions are its own.
 */
import { Locator, OffsetMap, asParserReads } from '../parse/position.js';
import type { Source } from '../types/index.js';
import { templateTitleOfFile } from './transclusion.js';

/**
 * Reads a wikitext article.
 * @param file the input path (relative, / separators)
 * @param text the file's text
 * @returns the source
 */
export function readWikitext(file: string, text: string): Source {
  // A file named Template-X (or Template:X) is the template page, titled as the wiki titles it.
  const title = templateTitleOfFile(file) ?? file.replace(/^.*\//, '').replace(/\.(wiki|wikitext|txt)$/i, '').replace(/_/g, ' ');
  // A byte-order mark would hide a heading on line 1; it is blanked, not removed, so offsets hold.
  const { wikitext, map } = asParserReads(text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text, OffsetMap.identity(text.length));
  return {
    file,
    format: 'wikitext',
    title,
    text,
    wikitext,
    locator: new Locator(text, map),
    recoveredAt: new Set(),
    tables: [],
  };
}
