/**
 * `--redirect-map FILE`: redirects known besides a dump's own, for articles read as files (and
 * dumps that lack their wiki's redirects). FILE is either a MediaWiki XML dump (plain or
 * compressed), whose main-namespace redirect pages are kept as a dump run keeps its own, or a text
 * file of `title<TAB>target` lines (UTF-8; blank lines and lines starting with `#` are skipped),
 * such as the one `wikitally` users make from the wiki's redirect table. Kept as a RedirectTable
 * (16 bytes a slot): the English Wikipedia's 11 M redirects fit in about 270 MB.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readDump } from '../read/dump/pages.js';
import { emptyCounts, isDumpProblem, type DecoderChoice } from '../read/dump/types.js';
import { readInputs } from '../read/inputs.js';
import { RedirectTable } from './redirects.js';

/** Bad lines quoted in the error, at most. */
const QUOTED = 60;

/**
 * Reads a redirect map.
 * @param file a dump or a `title<TAB>target` file
 * @param decoder the bzip2 decoder for a dump
 * @returns the redirects
 * @throws an Error that says what is wrong with the file (unreadable, a dump that is not one, a line without a tab)
 */
export async function loadRedirectMap(file: string, decoder?: DecoderChoice): Promise<RedirectTable> {
  if (file === '-') throw new Error('Unexpected --redirect-map -, expected a file: standard input holds the articles');
  const { files, errors } = await readInputs([file]);
  const ref = files[0];
  if (ref === undefined || files.length !== 1) throw new Error(`Unexpected --redirect-map ${file}: ${errors[0]?.message ?? 'not one file'}, expected a dump or a file of title<TAB>target lines`);
  const table = new RedirectTable();
  if (ref.kind === 'dump') {
    const counts = emptyCounts();
    // Every page but a redirect is left out by the pre-filter, unread.
    const pages = readDump(ref.path, { namespaces: new Set([0]), prefilter: () => false, onRedirect: (title, target, ns) => (ns === 0 ? table.add(title, target) : undefined), ...(decoder === undefined ? {} : { decoder }) }, counts);
    for await (const item of pages) {
      if (isDumpProblem(item) && item.code !== 'read/malformed-page') throw new Error(`Unexpected --redirect-map ${file}: ${item.message}, expected a readable dump`);
    }
    return table;
  }
  const lines = createInterface({ input: createReadStream(ref.path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim().length === 0 || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1) {
      lines.close();
      throw new Error(`Unexpected line ${n} of --redirect-map ${file} ("${line.slice(0, QUOTED)}${line.length > QUOTED ? '…' : ''}"), expected title<TAB>target`);
    }
    table.add(line.slice(0, tab), line.slice(tab + 1).split('\t')[0] ?? '');
  }
  return table;
}
