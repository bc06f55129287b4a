/**
 * Output names that are safe and unique on any file system: a title becomes a file name with no
 * path separators, control or reserved characters, capped in bytes, and never equal (ignoring
 * case and Unicode normalisation, as macOS and Windows compare names) to a name already given in
 * the same folder or to a file wikitally writes itself. A collision gets `~<page id>` (or `~<n>`)
 * appended, and that name is checked again.
 */

/** Files wikitally writes next to article files: no article may take these names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'manifest.json',
  'articles.jsonl',
  'articles.jsonl.gz',
  'articles.jsonl.zst',
  'diagnostics.jsonl',
  'diagnostics.jsonl.gz',
  'diagnostics.jsonl.zst',
  'pending.jsonl',
  'summary.json',
  'timing.json',
  'checkpoint.json',
  'index.json',
]);

/**
 * File names are limited to 255 bytes on every common file system; 200 leaves room for a `~id`
 * suffix and the extension. Temporary files use short random names of their own (atomic.ts).
 */
export const MAX_NAME_BYTES = 200;

/** Names Windows refuses whatever the extension. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * Turns a title into a file-name stem: separators, control characters and characters Windows
 * refuses become `-`, spaces `_`, a leading dot `_`, and the result is cut to {@link MAX_NAME_BYTES}.
 * @param title an article title or input key part
 * @returns a non-empty stem
 */
export function safeStem(title: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, '_')
    .replace(/^\.+/, (m) => '_'.repeat(m.length));
  if (stem.length === 0) stem = 'article';
  if (WINDOWS_DEVICES.test(stem)) stem = `_${stem}`;
  return cutToBytes(stem, MAX_NAME_BYTES);
}

/** Cuts a string to at most `max` UTF-8 bytes, never inside a character. */
function cutToBytes(s: string, max: number): string {
  if (Buffer.byteLength(s) <= max) return s;
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > max) break;
    bytes += n;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** The names given in one folder. */
export class FolderNames {
  readonly #taken = new Set<string>([...RESERVED_NAMES].map(key));

  /**
   * Gives a unique name for a title.
   * @param title the article title (or input name)
   * @param extension e.g. `.json`, or '' for a folder
   * @param id what tells this title apart when it collides (a page id); a counter otherwise
   * @returns a name not given before in this folder
   */
  claim(title: string, extension: string, id?: string): string {
    const stem = safeStem(title);
    let name = `${stem}${extension}`;
    for (let n = 1; this.#taken.has(key(name)); n++) {
      const suffix = n === 1 && id !== undefined ? `~${id}` : `~${id === undefined ? n + 1 : `${id}-${n}`}`;
      name = `${cutToBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(suffix))}${suffix}${extension}`;
    }
    this.#taken.add(key(name));
    return name;
  }
}

function key(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
