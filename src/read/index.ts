/**
 * Stage 1, read: input paths → Source[]. Files are read whole, directories recursively by
 * extension (.wiki .wikitext .txt → wikitext; .surf .md → SurfDoc; `.txt` is sniffed); .xml,
 * .xml.bz2 and .xml.gz files, and any file or standard input that starts like one, are MediaWiki
 * dumps, streamed page by page by dump/; `-` is standard input. Bytes are checked (empty, binary,
 * not UTF-8) before any parsing.
 * Emits: read/unreadable-input, read/empty-input, read/binary-input, read/invalid-utf8, and the
 * SurfDoc reader's codes.
 */
import path from 'node:path';
import { Locator, OffsetMap } from '../parse/position.js';
import type { InputFormat, Source, StageContext } from '../types/index.js';
import { readSurfDoc } from './surfdoc.js';
import { readWikitext } from './wikitext.js';

import { EXTENSIONS, type InputFile } from './inputs.js';

export { isXmlDump, loadInput, readInputs, type InputError, type InputFile, type InputRef } from './inputs.js';


/**
 * Decodes an input's bytes and reads it as an article.
 * @param input the file and its bytes
 * @param format the format the user forced, if any
 * @param context diagnostics sink of this article
 * @returns the source, or undefined when the bytes are not text
 */
export function readSource(input: InputFile, format: InputFormat | undefined, context: StageContext): Source | undefined {
  const { file, bytes } = input;
  const empty = (): Source => readWikitext(file, '');
  if (bytes.includes(0)) {
    context.report({
      code: 'read/binary-input',
      stage: 'read',
      message: `Unexpected NUL byte at offset ${bytes.indexOf(0)}, expected a text file; nothing was read`,
    });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const span = new Locator(text, OffsetMap.identity(text.length)).fileSpan(at, at + 1);
    context.report({
      code: 'read/invalid-utf8',
      stage: 'read',
      message: 'Unexpected bytes that are not UTF-8, expected UTF-8 text; each bad sequence was replaced by U+FFFD',
      span,
    });
  }
  if (text.trim().length === 0) {
    context.report({ code: 'read/empty-input', stage: 'read', message: 'Unexpected empty input, expected an article' });
    return empty();
  }
  const chosen = format ?? formatOf(file, text);
  return chosen === 'surfdoc' ? readSurfDoc(file, text, context) : readWikitext(file, text);
}

/**
 * Decides the format of a file from its name, sniffing the text when the name does not say.
 * @param file the file name
 * @param text its text
 * @returns wikitext or surfdoc
 */
export function formatOf(file: string, text: string): InputFormat {
  const lower = file.toLowerCase();
  if (/\.surf(\.txt)?$/.test(lower)) return 'surfdoc';
  const byName = EXTENSIONS[path.extname(lower)];
  if (byName === 'wikitext' || byName === 'surfdoc') return byName;
  const head = text.slice(0, 20000);
  const surf = /^::[A-Za-z][\w-]*(\[[^\]\n]*\])?[ \t]*$/m.test(head) || /^title:\s*"[^"]*"\s+type:\s/m.test(head);
  // SurfDoc markers decide, unless the text also calls modules the way only wikitext does.
  return surf && !/\{\{\s*#invoke/i.test(head) ? 'surfdoc' : 'wikitext';
}
