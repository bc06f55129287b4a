/**
 * MediaWiki XML dumps (pages-articles, export-0.9 to 0.11, `.bz2` or plain), streamed page by
 * page so a dump of any size reads in constant memory. Each page yields its latest revision's
 * text (by timestamp; history dumps hold several). Pages outside the chosen namespaces and
 * redirects are counted and skipped; a page with no title or no text is reported and skipped; a
 * page with no `<ns>` takes its namespace from its title. A dump that stops being well-formed XML
 * (or bzip2) is reported where it breaks, and every page before that is kept.
 * Emits: read/malformed-xml, read/malformed-page.
 */
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import unbzip2 from 'unbzip2-stream';

/** One page of a dump, as needed to read it as an article. */
export interface DumpPage {
  title: string;
  ns: number;
  id?: string;
  revisionId?: string;
  text: string;
}

/** Something wrong with the dump or one page of it. */
export interface DumpProblem {
  code: 'read/malformed-xml' | 'read/malformed-page';
  message: string;
  page?: string;
  /** 1-based line and column in the (decompressed) XML, when known. */
  line?: number;
  column?: number;
}

/** What a dump held, page by page. */
export interface DumpCounts {
  pages: number;
  articles: number;
  redirects: number;
  otherNamespaces: number;
  malformed: number;
}

const DEFAULT_NAMESPACES: Readonly<Record<string, number>> = {
  media: -2, special: -1, talk: 1, user: 2, 'user talk': 3, wikipedia: 4, project: 4, 'wikipedia talk': 5, file: 6, image: 6,
  'file talk': 7, mediawiki: 8, 'mediawiki talk': 9, template: 10, 'template talk': 11, help: 12, 'help talk': 13,
  category: 14, 'category talk': 15, portal: 100, draft: 118, module: 828, 'module talk': 829,
};

interface PageState {
  title?: string;
  ns?: string;
  id?: string;
  redirect: boolean;
  best?: { timestamp: string; text?: string; id?: string };
  revision?: { timestamp: string; text?: string; id?: string } | undefined;
}

/**
 * Tells whether a file is a MediaWiki XML dump, from its name or first bytes.
 * @param file the file name
 * @param head its first bytes
 * @returns true for `.xml`, `.xml.bz2`, bzip2 data, or text starting with `<mediawiki`
 */
export function isXmlDump(file: string, head: Uint8Array): boolean {
  if (/\.xml(\.bz2)?$/i.test(file)) return true;
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return true;
  return /^\s*(<\?xml[^>]*>\s*)?<mediawiki[\s>]/.test(new TextDecoder().decode(head.slice(0, 512)));
}

/**
 * Streams the pages of a dump.
 * @param path the dump file
 * @param namespaces namespaces to read (default: articles, 0)
 * @param counts filled in as pages go by
 * @returns pages to read, and problems, in dump order
 */
export async function* readXmlDump(path: string, namespaces: ReadonlySet<number> | 'all', counts: DumpCounts): AsyncGenerator<DumpPage | DumpProblem> {
  const head = await firstBytes(path);
  const raw = createReadStream(path);
  // unbzip2-stream is an old-style stream: piping it into a PassThrough gives an async-iterable one
  // (Readable.wrap ends it early on small archives), and its errors are forwarded.
  let bytes: Readable = raw;
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) {
    const pass = new PassThrough();
    const inflate = unbzip2();
    inflate.on('error', () => pass.destroy(new Error('bzip2 data that ends early or is corrupt')));
    raw.on('error', (error) => pass.destroy(error));
    bytes = raw.pipe(inflate).pipe(pass);
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const queue: (DumpPage | DumpProblem)[] = [];
  const names = new Map<string, number>(Object.entries(DEFAULT_NAMESPACES));
  const path_: string[] = [];
  let textBuf = '';
  let page: PageState | undefined;
  let nsKey: string | undefined;

  parser.on('opentag', (tag) => {
    path_.push(tag.name);
    textBuf = '';
    if (tag.name === 'page') page = { redirect: false };
    else if (tag.name === 'redirect' && page !== undefined) page.redirect = true;
    else if (tag.name === 'revision' && page !== undefined) page.revision = { timestamp: '' };
    else if (tag.name === 'namespace') nsKey = String(tag.attributes['key'] ?? '');
  });
  parser.on('text', (t) => (textBuf += t));
  parser.on('cdata', (t) => (textBuf += t));
  parser.on('closetag', (tag) => {
    const parent = path_[path_.length - 2];
    path_.pop();
    const value = textBuf;
    textBuf = '';
    if (tag.name === 'namespace' && nsKey !== undefined && value.trim().length > 0) names.set(value.trim().toLowerCase(), Number(nsKey));
    if (page === undefined) return;
    if (parent === 'page') {
      if (tag.name === 'title') page.title = value;
      else if (tag.name === 'ns') page.ns = value.trim();
      else if (tag.name === 'id') page.id = value.trim();
    } else if (parent === 'revision' && page.revision !== undefined) {
      if (tag.name === 'timestamp') page.revision.timestamp = value.trim();
      else if (tag.name === 'text') page.revision.text = value;
      else if (tag.name === 'id') page.revision.id = value.trim();
    }
    if (tag.name === 'revision' && page.revision !== undefined) {
      // Latest by timestamp; on a tie, the later in the file.
      if (page.best === undefined || page.revision.timestamp >= page.best.timestamp) page.best = page.revision;
      page.revision = undefined;
    } else if (tag.name === 'page') {
      queue.push(...finishPage(page, names, namespaces, counts, parser.line));
      page = undefined;
    }
  });

  // One decoder for the whole stream, so a character split across two chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of bytes) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true }));
      yield* queue.splice(0);
    }
    parser.write(decoder.decode());
    parser.close();
    yield* queue.splice(0);
  } catch (error) {
    yield* queue.splice(0);
    const why = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    yield {
      code: 'read/malformed-xml',
      message: `Unexpected ${why.startsWith('bzip2') ? why : `XML (${why})`}, expected a well-formed MediaWiki dump; the pages before it were read`,
      line: parser.line,
      column: parser.column,
    };
  } finally {
    raw.destroy();
  }
}

function finishPage(page: PageState, names: ReadonlyMap<string, number>, wanted: ReadonlySet<number> | 'all', counts: DumpCounts, line: number): (DumpPage | DumpProblem)[] {
  counts.pages += 1;
  const title = page.title?.trim();
  if (title === undefined || title.length === 0) {
    counts.malformed += 1;
    return [{ code: 'read/malformed-page', message: 'Unexpected page with no <title>, expected one; the page was skipped', line }];
  }
  let ns = page.ns === undefined || page.ns === '' ? undefined : Number(page.ns);
  const problems: DumpProblem[] = [];
  if (ns === undefined || Number.isNaN(ns)) {
    const prefix = /^([^:]+):/.exec(title)?.[1]?.toLowerCase();
    ns = prefix === undefined ? 0 : (names.get(prefix) ?? 0);
    problems.push({ code: 'read/malformed-page', page: title, message: `Unexpected page with no <ns>, expected one; namespace ${ns} taken from its title`, line });
  }
  if (page.redirect) {
    counts.redirects += 1;
    return problems;
  }
  if (wanted !== 'all' && !wanted.has(ns)) {
    counts.otherNamespaces += 1;
    return problems;
  }
  const text = page.best?.text;
  if (text === undefined || text.length === 0) {
    counts.malformed += 1;
    return [...problems, { code: 'read/malformed-page', page: title, message: 'Unexpected page with no revision text, expected a <text> element with the wikitext; the page was skipped', line }];
  }
  counts.articles += 1;
  return [
    ...problems,
    {
      title,
      ns,
      ...(page.id === undefined ? {} : { id: page.id }),
      ...(page.best?.id === undefined ? {} : { revisionId: page.best.id }),
      text,
    },
  ];
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const stream = createReadStream(path, { start: 0, end: 511 });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
