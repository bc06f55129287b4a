/**
 * Types shared by the dump reader's modules: what a caller asks for, and what it gets back.
 */

/** One page of a dump, as needed to read it as an article. */
export interface DumpPage {
  /** The title exactly as in the dump (entities decoded; `/`, `..` and control characters kept). */
  title: string;
  ns: number;
  id?: string;
  revisionId?: string;
  /** Set when the page is a redirect (only read when {@link DumpReadOptions.redirects} is true). */
  redirect?: true;
  /** The latest revision's wikitext, entities decoded. */
  text: string;
  /** Decompressed byte offset of the page's `<page>` tag in what was read. */
  offset: number;
}

/** The codes of the problems the dump reader reports. */
export type DumpProblemCode =
  | 'read/malformed-xml'
  | 'read/malformed-page'
  | 'read/invalid-utf8'
  | 'read/damaged-bz2'
  | 'read/nested-page'
  | 'read/entity-declaration'
  | 'read/unreadable-input'
  | 'internal/bug';

/** Something wrong with the dump or one page of it; plain data. */
export interface DumpProblem {
  code: DumpProblemCode;
  /** One sentence: "Unexpected …, expected …". */
  message: string;
  /** The title of the page concerned, when known. */
  page?: string;
  /** Decompressed byte offset in what was read (bytes lost to a damaged block are not counted). */
  offset: number;
  /** Byte offset in the compressed file, for damaged compressed data, when known. */
  compressedOffset?: number;
}

/**
 * What a dump held, page by page. Every `<page>` met (complete, cut short, too large or nested)
 * adds one to `pages` and to exactly one of the five other counts, so
 * `pages === inScope + outOfScope + redirects + otherNamespaces + malformed` at every moment:
 * - `malformed`: no title, no revision, no usable text, cut short or too large;
 * - `redirects`: redirects skipped (when redirects are read they count as in or out of scope);
 * - `otherNamespaces`: pages outside the chosen namespaces;
 * - `outOfScope`: pages the caller's pre-filter rejected;
 * - `inScope`: pages yielded.
 */
export interface DumpCounts {
  pages: number;
  inScope: number;
  outOfScope: number;
  redirects: number;
  otherNamespaces: number;
  malformed: number;
}

/** Which bzip2 decoder to run; `auto` takes the first found of lbzip2, pbzip2, bzip2, then JS. */
export type DecoderChoice = 'auto' | 'lbzip2' | 'pbzip2' | 'bzip2' | 'js';

/** A byte range `[start, end)` of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** How to read a dump. */
export interface DumpReadOptions {
  /** Namespaces whose pages are read (others are counted and skipped), or `'all'`. */
  namespaces: ReadonlySet<number> | 'all';
  /** Read redirect pages too (default: count and skip them). */
  redirects?: boolean;
  /**
   * Told of each redirect page skipped (so not when {@link redirects} is true) that names its
   * target (`<redirect title=…>`), whatever its namespace: titles as the dump writes them,
   * entities decoded. Costs one decode of two short strings per redirect.
   */
  onRedirect?: (title: string, target: string, ns: number) => void;
  /** Told, for a file, how far into it (0 to 1) the compressed bytes read so far reach (for an ETA). */
  onPosition?: (fraction: number) => void;
  /** Told of the size of each piece of decompressed XML as it is read (for rates and progress). */
  onBytes?: (bytes: number) => void;
  /**
   * Called on the raw bytes of each candidate page's latest `<text>` content, before any decoding
   * (XML-escaped as in the file: `{{` is literal, `<` is `&lt;`); false skips the page, which is
   * then never decoded (so bad UTF-8 in it is not reported either). The buffer is only valid
   * during the call.
   */
  prefilter?: (text: Buffer) => boolean;
  /** The bzip2 decoder (default `auto`). */
  decoder?: DecoderChoice;
  /** Read only these bytes of the file (a stream of a multistream dump). */
  range?: ByteRange;
  /** Stops reading (and the decoder process) when aborted. */
  signal?: AbortSignal;
  /** Namespace names (lower case) → numbers, for a range that has no `<siteinfo>` of its own. */
  siteNamespaces?: ReadonlyMap<string, number>;
}

/** What a dump is read from: a path, or a stream of its bytes (standard input). */
export type DumpInput = string | NodeJS.ReadableStream;

/**
 * Makes a fresh set of counts, all zero.
 * @returns counts to pass to the reader
 */
export function emptyCounts(): DumpCounts {
  return { pages: 0, inScope: 0, outOfScope: 0, redirects: 0, otherNamespaces: 0, malformed: 0 };
}

/**
 * Tells problems from pages in the reader's output.
 * @param item a page or a problem
 * @returns true for a problem
 */
export function isDumpProblem(item: DumpPage | DumpProblem): item is DumpProblem {
  return 'code' in item;
}
