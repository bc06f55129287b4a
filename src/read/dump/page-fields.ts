/**
 * Finds the fields of one `<page>` in its bytes, jumping from `<` to `<` (escaped text holds no
 * `<`, so a page costs about one `indexOf` per tag): title, ns, id, redirect, and of the latest
 * revision (by `<timestamp>`, the later in the file on a tie) its id and the span of its
 * `<text>`. CDATA sections and comments are skipped whole. Nothing is decoded here: fields are
 * byte offsets (-1 when missing), in one flat object per page because this runs for every page
 * of the dump. A `<page>` opened inside the page stops the scan and is reported to the caller.
 */

/** The fields of a page, as offsets in its bytes; a start of -1 means the field is missing. */
export class PageFields {
  titleStart = -1;
  titleEnd = -1;
  nsStart = -1;
  nsEnd = -1;
  idStart = -1;
  idEnd = -1;
  redirect = false;
  /** The value of `<redirect title="…">` (still escaped), when the dump gives one. */
  redirectTargetStart = -1;
  redirectTargetEnd = -1;
  /** How many `<revision>` elements were met. */
  revisions = 0;
  /** The latest revision's id, timestamp and text content. */
  revisionIdStart = -1;
  revisionIdEnd = -1;
  timestampStart = -1;
  timestampEnd = -1;
  /** -1 when the latest revision has no `<text>` or its `</text>` was not reached. */
  textStart = -1;
  textEnd = -1;
  /** True when the latest revision has a `<text>` start tag (even one cut short). */
  hasTextTag = false;
  /** True for `<text deleted="deleted"/>`: the text was suppressed. */
  textDeleted = false;
  /** True when the page's `</page>` was reached. */
  closed = false;
  /** Where a `<page>` nested inside this one starts, or -1. */
  nestedAt = -1;
}

const LT = 0x3c;
const GT = 0x3e;
const NONE = 0;
const PAGE = 1;
const TITLE = 2;
const NS = 3;
const ID = 4;
const REDIRECT = 5;
const REVISION = 6;
const TIMESTAMP = 7;
const TEXT = 8;
/** The names read, by length: one or two byte comparisons per tag. */
const NAMES_BY_LENGTH: (readonly [Buffer, number])[][] = [];
for (const [name, code] of [['page', PAGE], ['title', TITLE], ['ns', NS], ['id', ID], ['redirect', REDIRECT], ['revision', REVISION], ['timestamp', TIMESTAMP], ['text', TEXT]] as const) {
  (NAMES_BY_LENGTH[name.length] ??= []).push([Buffer.from(name), code]);
}

function isNameEnd(byte: number | undefined): boolean {
  return byte === undefined || byte === GT || byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d || byte === 0x2f;
}

/** The code of the known element name at [start, end), or NONE (compared in JS: names are short). */
function nameAt(bytes: Buffer, start: number, end: number): number {
  for (const [candidate, code] of NAMES_BY_LENGTH[end - start] ?? []) {
    let i = 0;
    while (i < candidate.length && candidate[i] === bytes[start + i]) i += 1;
    if (i === candidate.length) return code;
  }
  return NONE;
}

/** The next `<` in [from, end): a short JS look first (tags are close together), then indexOf. */
function nextLt(bytes: Buffer, from: number, end: number): number {
  const stop = Math.min(end, from + 24);
  for (let i = from; i < stop; i++) if (bytes[i] === LT) return i;
  if (stop >= end) return -1;
  const at = bytes.indexOf(LT, stop);
  return at >= end ? -1 : at;
}

/** The `>` ending a start tag, skipping quoted attribute values; -1 when it is not before `end`. */
function tagEnd(bytes: Buffer, from: number, end: number): number {
  let quote = 0;
  for (let i = from; i < end; i++) {
    const byte = bytes[i];
    if (quote !== 0) {
      if (byte === quote) quote = 0;
    } else if (byte === 0x22 || byte === 0x27) quote = byte;
    else if (byte === GT) return i;
    else if (byte === LT) return -1;
  }
  return -1;
}

const DELETED = Buffer.from('deleted');
const TITLE_ATTRIBUTE = Buffer.from('title');

/**
 * Finds the value of attribute `name` in a start tag's bytes [from, to) and keeps its span as the
 * page's redirect target (`<redirect title="Target" />`: one attribute, a few dozen bytes).
 */
function attributeValue(bytes: Buffer, from: number, to: number, name: Buffer, page: PageFields): void {
  let i = from;
  while (i < to) {
    while (i < to && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x09 || bytes[i] === 0x0d)) i += 1;
    const nameStart = i;
    while (i < to && bytes[i] !== 0x3d && bytes[i] !== 0x20 && bytes[i] !== 0x2f) i += 1;
    const nameEnd = i;
    while (i < to && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x09 || bytes[i] === 0x0d)) i += 1;
    if (bytes[i] !== 0x3d) return;
    i += 1;
    while (i < to && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x09 || bytes[i] === 0x0d)) i += 1;
    const quote = bytes[i];
    if (quote !== 0x22 && quote !== 0x27) return;
    const close = bytes.indexOf(quote, i + 1);
    if (close === -1 || close >= to) return;
    if (nameEnd - nameStart === name.length && bytes.compare(name, 0, name.length, nameStart, nameEnd) === 0) {
      page.redirectTargetStart = i + 1;
      page.redirectTargetEnd = close;
      return;
    }
    i = close + 1;
  }
}

/** True when `word` occurs in `bytes[from, to)` (a start tag's attributes: a few dozen bytes). */
function hasWord(bytes: Buffer, from: number, to: number, word: Buffer): boolean {
  for (let i = from; i + word.length <= to; i++) {
    let k = 0;
    while (k < word.length && bytes[i + k] === word[k]) k += 1;
    if (k === word.length) return true;
  }
  return false;
}

/** The revision being read, kept apart until it ends and is compared with the latest. */
class Revision {
  idStart = -1;
  idEnd = -1;
  timestampStart = -1;
  timestampEnd = -1;
  textStart = -1;
  textEnd = -1;
  hasTextTag = false;
  textDeleted = false;
}

/** Keeps a finished revision when it is the latest so far (by timestamp; on a tie, the later one). */
function keepIfLatest(bytes: Buffer, page: PageFields, revision: Revision): void {
  if (page.revisions > 1 && page.timestampStart !== -1) {
    if (revision.timestampStart === -1) return;
    if (bytes.compare(bytes, page.timestampStart, page.timestampEnd, revision.timestampStart, revision.timestampEnd) < 0) return;
  }
  page.revisionIdStart = revision.idStart;
  page.revisionIdEnd = revision.idEnd;
  page.timestampStart = revision.timestampStart;
  page.timestampEnd = revision.timestampEnd;
  page.textStart = revision.textStart;
  page.textEnd = revision.textEnd;
  page.hasTextTag = revision.hasTextTag;
  page.textDeleted = revision.textDeleted;
}

/** Records the content span of a field whose end tag was just met. */
function closeField(page: PageFields, revision: Revision | undefined, field: number, depth: number, start: number, end: number): void {
  if (depth === 1 && field === TITLE && page.titleStart === -1) {
    page.titleStart = start;
    page.titleEnd = end;
  } else if (depth === 1 && field === NS && page.nsStart === -1) {
    page.nsStart = start;
    page.nsEnd = end;
  } else if (depth === 1 && field === ID && page.idStart === -1) {
    page.idStart = start;
    page.idEnd = end;
  } else if (revision === undefined) return;
  else if (field === ID && revision.idStart === -1) {
    revision.idStart = start;
    revision.idEnd = end;
  } else if (field === TIMESTAMP && revision.timestampStart === -1) {
    revision.timestampStart = start;
    revision.timestampEnd = end;
  } else if (field === TEXT) {
    revision.textStart = start;
    revision.textEnd = end;
  }
}

/**
 * Scans one page's tags.
 * @param bytes bytes holding the page
 * @param from where its `<page` tag starts
 * @param end where its bytes end (after `</page>`)
 * @returns its fields, as offsets in `bytes`
 */
export function scanPage(bytes: Buffer, from: number, end = bytes.length): PageFields {
  const page = new PageFields();
  let depth = 0;
  let revision: Revision | undefined;
  let field = NONE;
  let fieldDepth = 0;
  let fieldStart = 0;
  let pos = from;
  for (let lt = nextLt(bytes, pos, end); lt !== -1; lt = nextLt(bytes, pos, end)) {
    const next = bytes[lt + 1];
    if (next === 0x2f) {
      const gt = bytes.indexOf(GT, lt + 2);
      if (gt === -1 || gt >= end) break;
      depth -= 1;
      if (field !== NONE && depth === fieldDepth) {
        closeField(page, revision, field, depth, fieldStart, lt);
        field = NONE;
      }
      if (depth === 1 && revision !== undefined) {
        keepIfLatest(bytes, page, revision);
        revision = undefined;
      }
      pos = gt + 1;
      if (depth <= 0) {
        page.closed = true;
        break;
      }
      continue;
    }
    if (next === 0x21 || next === 0x3f) {
      // <![CDATA[ … ]]>, <!-- … -->, <!DOCTYPE …>, <? … ?>: skipped whole.
      const cdata = bytes.toString('latin1', lt + 2, lt + 9) === '[CDATA[';
      const closer = cdata ? ']]>' : bytes[lt + 2] === 0x2d && bytes[lt + 3] === 0x2d ? '-->' : next === 0x3f ? '?>' : '>';
      const close = bytes.indexOf(closer, lt + 2, 'latin1');
      if (close === -1 || close >= end) break;
      pos = close + closer.length;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < end && !isNameEnd(bytes[nameEnd])) nameEnd += 1;
    if (nameEnd === lt + 1) {
      pos = lt + 1; // a stray `<`: not markup
      continue;
    }
    const gt = tagEnd(bytes, nameEnd, end);
    if (gt === -1) break;
    const selfClosing = bytes[gt - 1] === 0x2f;
    const name = nameAt(bytes, lt + 1, nameEnd);
    pos = gt + 1;
    if (depth === 0) {
      if (selfClosing) {
        page.closed = true;
        break;
      }
      depth = 1;
      continue;
    }
    if (name === PAGE) {
      page.nestedAt = lt;
      break;
    }
    let opens = NONE; // a field whose content starts after this tag
    if (depth === 1) {
      if (name === REDIRECT) {
        page.redirect = true;
        attributeValue(bytes, nameEnd, gt, TITLE_ATTRIBUTE, page);
      }
      else if (name === REVISION) {
        if (revision !== undefined) keepIfLatest(bytes, page, revision);
        page.revisions += 1;
        revision = new Revision();
      } else if (name === TITLE || name === NS || name === ID) opens = name;
    } else if (depth === 2 && revision !== undefined) {
      if (name === TEXT) {
        revision.hasTextTag = true;
        revision.textDeleted = hasWord(bytes, nameEnd, gt, DELETED);
        if (selfClosing) revision.textStart = revision.textEnd = gt + 1;
        else opens = TEXT;
      } else if (name === ID || name === TIMESTAMP) opens = name;
    }
    if (opens !== NONE && !selfClosing) {
      field = opens;
      fieldDepth = depth;
      fieldStart = gt + 1;
    }
    if (!selfClosing) depth += 1;
  }
  if (revision !== undefined) keepIfLatest(bytes, page, revision);
  return page;
}
