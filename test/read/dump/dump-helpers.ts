/** Shared by the dump reader's tests: inline dumps, temporary files, and reading a dump whole. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readDump } from '../../../src/read/dump/pages.js';
import { emptyCounts, isDumpProblem, type DumpCounts, type DumpInput, type DumpPage, type DumpProblem, type DumpReadOptions } from '../../../src/read/dump/types.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'dumps');

/** Everything a dump gave. */
export interface ReadResult {
  items: (DumpPage | DumpProblem)[];
  pages: DumpPage[];
  problems: DumpProblem[];
  counts: DumpCounts;
}

/** Reads a dump to its end. */
export async function readAll(input: DumpInput, options: Partial<DumpReadOptions> = {}): Promise<ReadResult> {
  const counts = emptyCounts();
  const items: (DumpPage | DumpProblem)[] = [];
  for await (const item of readDump(input, { namespaces: 'all', ...options }, counts)) items.push(item);
  return { items, pages: items.filter((i): i is DumpPage => !isDumpProblem(i)), problems: items.filter(isDumpProblem), counts };
}

/** True when the counts add up, as DumpCounts promises. */
export function countsAddUp(c: DumpCounts): boolean {
  return c.pages === c.inScope + c.outOfScope + c.redirects + c.otherNamespaces + c.malformed;
}

/** One `<page>` element in dump framing. */
export function page(title: string, text: string, extra: { ns?: number; id?: number; redirect?: boolean } = {}): string {
  return `  <page>
    <title>${title}</title>
    <ns>${extra.ns ?? 0}</ns>
    <id>${extra.id ?? 1}</id>
${extra.redirect === true ? '    <redirect title="Elsewhere" />\n' : ''}    <revision>
      <id>${(extra.id ?? 1) + 1000}</id>
      <timestamp>2020-01-01T00:00:00Z</timestamp>
      <contributor><username>T</username><id>7</id></contributor>
      <text bytes="${text.length}" xml:space="preserve">${text}</text>
    </revision>
  </page>
`;
}

/** A whole dump around some pages. */
export function dump(...pages: string[]): string {
  return `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>Test</sitename>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="10" case="first-letter">Taiss</namespace>
    </namespaces>
  </siteinfo>
${pages.join('')}</mediawiki>
`;
}

/** A stream of bytes, cut into chunks of the given size (to cross every boundary). */
export function streamOf(bytes: string | Buffer, chunkSize = 65536): Readable {
  const all = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < all.length; i += chunkSize) chunks.push(all.subarray(i, i + chunkSize));
  return Readable.from(chunks);
}

/** Writes a file in a fresh temporary folder. */
export function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wikitally-dump-')), name);
  writeFileSync(file, content);
  return file;
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'wikitally-dump-'));
}
