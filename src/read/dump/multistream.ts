/**
 * Wikimedia's `…-pages-articles-multistream.xml.bz2` dumps are bzip2 streams laid end to end: the
 * first holds `<mediawiki>` and `<siteinfo>`, each next one 100 `<page>` elements (no root), and
 * the last may end with `</mediawiki>`. Their index (`…-multistream-index.txt.bz2`, or plain
 * `.txt`) has one line `byteOffset:pageId:title` per page. This module reads the index into stream
 * ranges, reads the header stream's namespaces, and reads one stream's pages on its own, so
 * streams can be read in any order or in parallel. A multistream file without its index is told
 * by its second stream header and can be split by scanning for stream headers, or read in order
 * like any dump.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { findStreamStarts } from './bz2-blocks.js';
import { decompressDump } from './decompress.js';
import { MAX_HEADER_BYTES, MAX_INDEX_LINE_BYTES, MULTISTREAM_SNIFF_BYTES } from './limits.js';
import { readDump } from './pages.js';
import { parseSiteinfo } from './siteinfo.js';
import { describeError } from './source.js';
import type { ByteRange, DecoderChoice, DumpCounts, DumpPage, DumpProblem, DumpReadOptions } from './types.js';

/** One bzip2 stream of a multistream dump, and how many pages the index puts in it. */
export interface DumpStreamRange extends ByteRange {
  pages?: number;
}

/** A multistream dump's layout, from its index. */
export interface MultistreamIndex {
  /** The first stream: `<mediawiki>` and `<siteinfo>`. */
  header: ByteRange;
  /** The page streams, in file order. */
  streams: DumpStreamRange[];
  /** Lines of the index that could not be read. */
  problems: DumpProblem[];
}

const MAX_REPORTED_LINES = 3;

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The names an index may have next to a dump: `X-multistream.xml.bz2` → `X-multistream-index.txt.bz2`,
 * `X-multistream3.xml-p1p9.bz2` → `X-multistream-index3.txt-p1p9.bz2`, each also as plain `.txt`.
 * @param dumpPath the dump
 * @returns candidate paths, most likely first
 */
export function indexCandidates(dumpPath: string): string[] {
  const dir = path.dirname(dumpPath);
  const base = path.basename(dumpPath);
  const names: string[] = [];
  const at = base.lastIndexOf('multistream');
  const xml = base.indexOf('.xml', at);
  if (at !== -1 && xml !== -1 && base.endsWith('.bz2')) {
    const part = base.slice(at + 'multistream'.length, xml);
    const suffix = base.slice(xml + '.xml'.length, -'.bz2'.length);
    const stem = `${base.slice(0, at)}multistream-index${part}.txt${suffix}`;
    names.push(`${stem}.bz2`, stem);
  }
  if (base.endsWith('.xml.bz2')) names.push(`${base.slice(0, -'.xml.bz2'.length)}-index.txt.bz2`, `${base.slice(0, -'.xml.bz2'.length)}-index.txt`);
  return [...new Set(names)].map((name) => path.join(dir, name));
}

/**
 * Finds the index next to a multistream dump.
 * @param dumpPath the dump
 * @returns the index's path, or undefined when there is none
 */
export async function findMultistreamIndex(dumpPath: string): Promise<string | undefined> {
  for (const candidate of indexCandidates(dumpPath)) if (await exists(candidate)) return candidate;
  return undefined;
}

/**
 * Reads a multistream dump's index into stream ranges.
 * @param dumpPath the dump (for its size, and to find the index)
 * @param indexPath the index (`.txt.bz2` or `.txt`); found next to the dump when not given
 * @param decoder the bzip2 decoder for a compressed index
 * @returns the header and page streams, or a problem when there is no readable index
 */
export async function readMultistreamIndex(dumpPath: string, indexPath?: string, decoder?: DecoderChoice): Promise<MultistreamIndex | DumpProblem> {
  const index = indexPath ?? (await findMultistreamIndex(dumpPath));
  if (index === undefined) return { code: 'read/unreadable-input', message: `Unexpected multistream dump with no index next to it, expected ${path.basename(indexCandidates(dumpPath)[0] ?? 'an index')}`, offset: 0 };
  let size: number;
  try {
    size = (await stat(dumpPath)).size;
  } catch (error) {
    return { code: 'read/unreadable-input', message: `Unexpected unreadable dump (${describeError(error)}), expected a readable file`, offset: 0 };
  }
  const pagesAt = new Map<number, number>();
  const problems: DumpProblem[] = [];
  let bad = 0;
  let lineStart = 0;
  let carry = Buffer.alloc(0);
  const readLine = (line: Buffer, offset: number): void => {
    const first = line.indexOf(0x3a);
    const second = first === -1 ? -1 : line.indexOf(0x3a, first + 1);
    const start = line.toString('latin1', 0, first).trim();
    const fine = second !== -1 && /^[0-9]{1,15}$/.test(start) && /^[0-9]{1,12}$/.test(line.toString('latin1', first + 1, second)) && Number(start) < size;
    if (fine) pagesAt.set(Number(start), (pagesAt.get(Number(start)) ?? 0) + 1);
    else if (line.length > 0 && (bad += 1) <= MAX_REPORTED_LINES) {
      problems.push({ code: 'read/malformed-xml', message: `Unexpected index line "${line.toString('utf8', 0, 80)}", expected byteOffset:pageId:title with an offset inside the dump; the line was skipped`, offset });
    }
  };
  for await (const item of decompressDump(index, decoder === undefined ? {} : { decoder })) {
    if (!Buffer.isBuffer(item)) {
      problems.push(item);
      continue;
    }
    const chunk = carry.length === 0 ? item : Buffer.concat([carry, item]);
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      readLine(chunk.subarray(from, nl), lineStart + from);
      from = nl + 1;
    }
    lineStart += from;
    carry = Buffer.from(chunk.subarray(from, from + Math.min(chunk.length - from, MAX_INDEX_LINE_BYTES)));
  }
  readLine(carry, lineStart);
  if (bad > MAX_REPORTED_LINES) problems.push({ code: 'read/malformed-xml', message: `Unexpected ${bad} unreadable index lines in all, expected none; they were skipped`, offset: lineStart });
  const starts = [...pagesAt.keys()].sort((a, b) => a - b);
  const streams = starts.map((start, i) => ({ start, end: starts[i + 1] ?? size, pages: pagesAt.get(start) ?? 0 }));
  return { header: { start: 0, end: starts[0] ?? size }, streams, problems };
}

/**
 * Reads the namespaces of a dump's header stream.
 * @param dumpPath the dump
 * @param header the header stream's range
 * @param decoder the bzip2 decoder
 * @returns lower-case namespace names → numbers, and problems met
 */
export async function readDumpNamespaces(dumpPath: string, header: ByteRange, decoder?: DecoderChoice): Promise<{ namespaces: Map<string, number>; problems: DumpProblem[] }> {
  const chunks: Buffer[] = [];
  const problems: DumpProblem[] = [];
  let bytes = 0;
  for await (const item of decompressDump(dumpPath, { range: header, ...(decoder === undefined ? {} : { decoder }) })) {
    if (!Buffer.isBuffer(item)) problems.push(item);
    else if (bytes < MAX_HEADER_BYTES) {
      chunks.push(item);
      bytes += item.length;
    }
  }
  const prolog = Buffer.concat(chunks).subarray(0, MAX_HEADER_BYTES);
  const end = prolog.indexOf('<page');
  return { namespaces: parseSiteinfo(end === -1 ? prolog : prolog.subarray(0, end)).namespaces, problems };
}

/**
 * Reads the pages of one stream of a multistream dump, on its own.
 * @param dumpPath the dump
 * @param stream the stream's byte range
 * @param options what to read (its `range` is replaced by the stream's)
 * @param counts filled in as pages go by
 * @param namespaces the header stream's namespaces (from {@link readDumpNamespaces}), for pages with no `<ns>`
 * @returns the stream's pages and problems, in order
 */
export function readDumpStream(dumpPath: string, stream: ByteRange, options: DumpReadOptions, counts: DumpCounts, namespaces?: ReadonlyMap<string, number>): AsyncGenerator<DumpPage | DumpProblem> {
  const range = { start: stream.start, end: stream.end };
  return readDump(dumpPath, { ...options, range, ...(namespaces === undefined ? {} : { siteNamespaces: namespaces }) }, counts);
}

/**
 * Finds where the bzip2 streams of a file start, by scanning for stream headers.
 * @param dumpPath the file
 * @param limit bytes to scan from the start (default: the whole file)
 * @returns the byte offsets of the streams, the first being 0 for a bzip2 file
 */
export async function listBz2Streams(dumpPath: string, limit = Number.POSITIVE_INFINITY): Promise<number[]> {
  const handle = await open(dumpPath, 'r');
  const starts: number[] = [];
  try {
    const size = Math.min((await handle.stat()).size, limit);
    const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
    // Overlap reads by 9 bytes: a header and magic number (10 bytes) may straddle two reads.
    for (let at = 0; at < size; at += chunk.length - 9) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, size - at), at);
      for (const start of findStreamStarts(chunk.subarray(0, bytesRead))) if (starts.at(-1) !== at + start) starts.push(at + start);
      if (bytesRead < chunk.length) break;
    }
  } finally {
    await handle.close();
  }
  return starts;
}

/**
 * Tells a multistream dump (several bzip2 streams) from a single-stream one, index or not.
 * @param dumpPath the file
 * @returns true when a second stream starts within the first {@link MULTISTREAM_SNIFF_BYTES}
 */
export async function isMultistream(dumpPath: string): Promise<boolean> {
  try {
    return (await listBz2Streams(dumpPath, MULTISTREAM_SNIFF_BYTES)).length > 1;
  } catch {
    return false;
  }
}

/**
 * Turns stream starts (from {@link listBz2Streams}) into ranges, for a dump with no index.
 * @param starts stream offsets, ascending
 * @param size the file's size
 * @returns the header range and the page streams (page counts unknown)
 */
export function streamRanges(starts: readonly number[], size: number): { header: ByteRange; streams: DumpStreamRange[] } {
  const ranges = starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
  return { header: ranges[0] ?? { start: 0, end: size }, streams: ranges.slice(1) };
}
