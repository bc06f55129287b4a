/**
 * Turns what the splitter found into pages and problems, and counts every page once (see
 * {@link DumpCounts}). Out-of-scope pages cost only the byte scan: the namespace, the redirect
 * flag and the latest text's span are read from bytes, the caller's pre-filter sees the raw text
 * bytes, and only the pages it keeps are decoded.
 */
import { MAX_PAGE_BYTES, MAX_QUOTE_CHARS } from './limits.js';
import { scanPage, type PageFields } from './page-fields.js';
import { defaultNamespaces, namespaceOfTitle, parseSiteinfo } from './siteinfo.js';
import type { SplitEvent } from './splitter.js';
import type { DumpCounts, DumpPage, DumpProblem, DumpReadOptions } from './types.js';
import { decodeXmlText } from './xml-text.js';

type Item = DumpPage | DumpProblem;

function quote(text: string): string {
  const flat = text.replace(/[\u0000-\u001f]/g, ' ');
  return flat.length > MAX_QUOTE_CHARS ? `${flat.slice(0, MAX_QUOTE_CHARS)}…` : flat;
}

const isSpace = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d;

/** True when `bytes[start, end)` holds only white space. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(bytes[i])) return false;
  return true;
}

/** Reads a whole number of at most 9 ASCII digits (an optional minus), with white space around. */
function parseInteger(bytes: Buffer, from: number, to: number): number | undefined {
  let start = from;
  let end = to;
  while (start < end && isSpace(bytes[start])) start += 1;
  while (end > start && isSpace(bytes[end - 1])) end -= 1;
  const negative = bytes[start] === 0x2d;
  if (negative) start += 1;
  if (end <= start || end - start > 9) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = (bytes[i] ?? 0) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/** Reads pages for one dump: keeps the namespaces, the options and the counts. */
export class PageReader {
  private namespaces: Map<string, number>;
  private damaged = false;
  private endedInPage = false;

  /**
   * @param options what to read
   * @param counts filled in as pages go by
   */
  constructor(
    private readonly options: DumpReadOptions,
    private readonly counts: DumpCounts,
  ) {
    this.namespaces = options.siteNamespaces === undefined ? defaultNamespaces() : new Map(options.siteNamespaces);
  }

  /** Notes that the input itself could not be read, so its end needs no more explanation. */
  markUnreadable(): void {
    this.damaged = true;
  }

  /**
   * Handles one event of the splitter.
   * @param event what the splitter found
   * @param out where the pages and problems it gives are added, in order
   */
  handle(event: SplitEvent, out: Item[]): void {
    switch (event.kind) {
      case 'header':
        return this.header(event.bytes, out);
      case 'page':
        return this.page(event.bytes, event.start, event.end, event.offset - event.start, out);
      case 'cut':
        return this.cut(event, out);
      case 'damage':
        this.damaged = true;
        out.push(event.problem);
        return;
      case 'junk':
        out.push({ code: 'read/malformed-xml', message: `Unexpected text "${quote(event.sample)}" between pages, expected white space; it was skipped`, offset: event.offset });
        return;
      case 'end':
        return this.end(event.rootOpened, event.rootClosed, event.offset, out);
    }
  }

  private header(bytes: Buffer, out: Item[]): void {
    if (bytes.length === 0) return;
    const site = parseSiteinfo(bytes);
    if (this.options.siteNamespaces === undefined) this.namespaces = site.namespaces;
    if (!site.declaresEntities) return;
    out.push({ code: 'read/entity-declaration', message: 'Unexpected DOCTYPE declaring entities or an external DTD, expected none in a MediaWiki dump; nothing was expanded or fetched, and references to such entities are kept as written', offset: bytes.indexOf('<!DOCTYPE') });
  }

  /**
   * A whole page, which may hold nested pages: each part is read as a page of its own.
   * @param base the decompressed offset of `bytes[0]`
   */
  private page(bytes: Buffer, start: number, end: number, base: number, out: Item[]): void {
    for (let from = start; ; ) {
      const fields = scanPage(bytes, from, end);
      if (fields.nestedAt === -1) {
        this.classify(bytes, fields, base, from, out);
        return;
      }
      const outer = this.titleOf(bytes, fields);
      const inner = this.titleOf(bytes, scanPage(bytes, fields.nestedAt, end));
      out.push({
        code: 'read/nested-page',
        message: `Unexpected <page> ${inner === undefined ? '' : `"${quote(inner)}" `}inside page ${outer === undefined ? 'with no title' : `"${quote(outer)}"`}, expected </page> first; both were read as separate pages, the outer one only if its text was whole`,
        ...(outer === undefined ? {} : { page: outer }),
        offset: base + fields.nestedAt,
      });
      this.classify(bytes, fields, base, from, out);
      from = fields.nestedAt;
    }
  }

  private titleOf(bytes: Buffer, fields: PageFields): string | undefined {
    return fields.titleStart === -1 ? undefined : decodeXmlText(bytes, fields.titleStart, fields.titleEnd).text;
  }

  private malformed(out: Item[], message: string, offset: number, title?: string): void {
    this.counts.malformed += 1;
    out.push({ code: 'read/malformed-page', message, ...(title === undefined ? {} : { page: title }), offset });
  }

  /**
   * Counts one page in exactly one bucket, and yields it when it is in scope. The title is decoded
   * only when needed (a page with no `<ns>`, a problem to name, a page to yield).
   * @param base the decompressed offset of `bytes[0]`
   * @param from where this page's `<page` tag is in `bytes`
   */
  private classify(bytes: Buffer, fields: PageFields, base: number, from: number, out: Item[]): void {
    this.counts.pages += 1;
    const offset = base + from;
    if (fields.titleStart === -1) return this.malformed(out, 'Unexpected page with no <title>, expected one; the page was skipped', offset);
    if (isBlank(bytes, fields.titleStart, fields.titleEnd)) return this.malformed(out, 'Unexpected page with an empty <title>, expected a title; the page was skipped', offset);
    const declared = fields.nsStart === -1 ? undefined : parseInteger(bytes, fields.nsStart, fields.nsEnd);
    const ns = declared ?? namespaceOfTitle(decodeXmlText(bytes, fields.titleStart, fields.titleEnd).text, this.namespaces);
    if (fields.redirect && this.options.redirects !== true) {
      this.counts.redirects += 1;
      if (this.options.onRedirect !== undefined && fields.redirectTargetStart !== -1) {
        const title = decodeXmlText(bytes, fields.titleStart, fields.titleEnd).text;
        this.options.onRedirect(title, decodeXmlText(bytes, fields.redirectTargetStart, fields.redirectTargetEnd).text, ns);
      }
      return;
    }
    const wanted = this.options.namespaces;
    if (wanted !== 'all' && !wanted.has(ns)) {
      this.counts.otherNamespaces += 1;
      return;
    }
    const why = fields.revisions === 0 ? 'no <revision>, expected one holding the text'
      : !fields.hasTextTag ? 'revision with no <text>, expected the wikitext in a <text> element'
      : fields.textDeleted ? 'deleted <text> in the latest revision, expected its wikitext'
      : fields.textStart === -1 ? '<text> with no </text>, expected a whole text element'
      : undefined;
    if (why !== undefined) return this.malformed(out, `Unexpected ${why}; the page was skipped`, offset, this.titleOf(bytes, fields));
    const { textStart, textEnd } = fields;
    if (this.options.prefilter !== undefined && !this.prefilter(bytes.subarray(textStart, textEnd), bytes, fields, offset, out)) {
      this.counts.outOfScope += 1;
      return;
    }
    const title = decodeXmlText(bytes, fields.titleStart, fields.titleEnd);
    const text = decodeXmlText(bytes, textStart, textEnd);
    for (const [at, what] of [[title.invalidAt, 'title'], [text.invalidAt, 'text']] as const) {
      if (at === undefined) continue;
      const where = base + (what === 'title' ? fields.titleStart : textStart) + at;
      out.push({ code: 'read/invalid-utf8', message: `Unexpected bytes that are not UTF-8 in the ${what} at offset ${where}, expected UTF-8; each bad sequence was replaced by U+FFFD`, page: title.text, offset: where });
    }
    if (declared === undefined) {
      out.push({ code: 'read/malformed-page', message: `Unexpected page with no <ns>, expected one; namespace ${ns} was taken from its title`, page: title.text, offset });
    }
    this.counts.inScope += 1;
    out.push({
      title: title.text,
      ns,
      ...(fields.idStart === -1 ? {} : { id: bytes.toString('latin1', fields.idStart, fields.idEnd).trim() }),
      ...(fields.revisionIdStart === -1 ? {} : { revisionId: bytes.toString('latin1', fields.revisionIdStart, fields.revisionIdEnd).trim() }),
      ...(fields.redirect ? { redirect: true as const } : {}),
      text: text.text,
      offset,
    });
  }

  /** Runs the caller's pre-filter; one that throws keeps the page (a bug there must not lose pages). */
  private prefilter(text: Buffer, bytes: Buffer, fields: PageFields, offset: number, out: Item[]): boolean {
    try {
      return this.options.prefilter?.(text) ?? true;
    } catch (error) {
      const page = this.titleOf(bytes, fields) ?? '';
      out.push({ code: 'internal/bug', message: `Unexpected error in the pre-filter (${error instanceof Error ? error.message : String(error)}), expected true or false; the page was kept`, page, offset });
      return true;
    }
  }

  private cut(event: Extract<SplitEvent, { kind: 'cut' }>, out: Item[]): void {
    this.counts.pages += 1;
    this.counts.malformed += 1;
    const title = this.titleOf(event.head, scanPage(event.head, 0));
    const page = title === undefined ? {} : { page: title };
    const named = title === undefined ? 'a page with no title yet' : `page "${quote(title)}"`;
    if (event.why === 'damage' && event.damage !== undefined) {
      this.damaged = true;
      out.push({ ...event.damage, ...page, message: `${event.damage.message}; ${named} was cut short there and skipped` });
      return;
    }
    if (event.why === 'too-large') {
      out.push({ code: 'read/malformed-page', message: `Unexpected ${named} of more than ${MAX_PAGE_BYTES} bytes (${event.size} read), expected at most MAX_PAGE_BYTES (src/read/dump/limits.ts); the page was skipped`, ...page, offset: event.offset });
      return;
    }
    this.endedInPage = true;
    out.push({ code: 'read/malformed-xml', message: `Unexpected end of the dump inside ${named}, expected </page>; the pages before it were read`, ...page, offset: event.offset });
  }

  private end(rootOpened: boolean, rootClosed: boolean, offset: number, out: Item[]): void {
    if (this.damaged || this.endedInPage) return;
    if (rootOpened && !rootClosed) {
      out.push({ code: 'read/malformed-xml', message: 'Unexpected end of the dump with no </mediawiki>, expected the root element closed; the file may be truncated after its last whole page', offset });
    } else if (!rootOpened && this.counts.pages === 0) {
      out.push({ code: 'read/malformed-xml', message: 'Unexpected input with no <mediawiki> and no <page>, expected a MediaWiki XML dump; nothing was read', offset: 0 });
    }
  }
}
