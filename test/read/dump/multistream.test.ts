import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findMultistreamIndex,
  indexCandidates,
  isMultistream,
  listBz2Streams,
  readDumpNamespaces,
  readDumpStream,
  readMultistreamIndex,
  streamRanges,
  type MultistreamIndex,
} from '../../../src/read/dump/multistream.js';
import { emptyCounts, isDumpProblem, type DumpPage } from '../../../src/read/dump/types.js';
import { FIXTURES, readAll, ROOT, tempDir, writeTemp } from './dump-helpers.js';

let dir = '';
let plain = '';
let multi = '';

/** Builds a small dump with scripts/make-dump.mjs: 2 articles among ltgwiki filler, 50 pages a stream. */
beforeAll(() => {
  dir = tempDir();
  const articles = tempDir();
  execFileSync('sh', ['-c', `printf '{{Football box}}' > '${articles}/Cup_Final.wiki' && printf '{{Sports table}}' > '${articles}/Template-League_table.wiki'`]);
  execFileSync(process.execPath, [
    path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'mini', '--articles', articles,
    '--filler', path.join(FIXTURES, 'ltgwiki-smallwiki-pages-articles.xml.bz2'), '--size', '1', '--multistream', '--pages-per-stream', '50',
  ]);
  plain = path.join(dir, 'mini.xml.bz2');
  multi = path.join(dir, 'mini-multistream.xml.bz2');
});

async function readStreams(index: MultistreamIndex, file: string): Promise<DumpPage[]> {
  const { namespaces } = await readDumpNamespaces(file, index.header);
  const pages: DumpPage[] = [];
  for (const stream of index.streams) {
    for await (const item of readDumpStream(file, stream, { namespaces: 'all' }, emptyCounts(), namespaces)) if (!isDumpProblem(item)) pages.push(item);
  }
  return pages;
}

const strip = (pages: DumpPage[]): Omit<DumpPage, 'offset'>[] => pages.map(({ offset: _offset, ...rest }) => rest);

describe('multistream dumps', () => {
  it('should find the index next to the dump by its name', async () => {
    expect(await findMultistreamIndex(multi)).toBe(path.join(dir, 'mini-multistream-index.txt.bz2'));
    expect(indexCandidates('/d/enwiki-20240601-pages-articles-multistream3.xml-p1p41242.bz2')[0]).toBe('/d/enwiki-20240601-pages-articles-multistream-index3.txt-p1p41242.bz2');
    expect(indexCandidates('/d/x-pages-articles-multistream.xml.bz2').slice(0, 2)).toEqual(['/d/x-pages-articles-multistream-index.txt.bz2', '/d/x-pages-articles-multistream-index.txt']);
  });

  it('should read the index into a header and page streams with their page counts', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    const { counts } = await readAll(plain);
    expect(index.problems).toEqual([]);
    expect(index.header.start).toBe(0);
    expect(index.streams[0]?.start).toBe(index.header.end);
    expect(index.streams.reduce((n, s) => n + (s.pages ?? 0), 0)).toBe(counts.pages);
    expect(index.streams.slice(0, -1).every((s) => s.pages === 50)).toBe(true);
    expect(index.streams.at(-1)?.end).toBe(statSync(multi).size);
  });

  it('should give the same pages from the plain dump, the multistream file read in order, and its streams read one by one', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    const fromPlain = await readAll(plain);
    const inOrder = await readAll(multi);
    const byStream = await readStreams(index, multi);
    expect(fromPlain.problems).toEqual([]);
    expect(inOrder.problems).toEqual([]);
    expect(strip(inOrder.pages)).toEqual(strip(fromPlain.pages));
    expect(strip(byStream)).toEqual(strip(fromPlain.pages));
    expect(fromPlain.pages.filter((p) => p.title === 'Cup Final' || p.title === 'Template:League table').map((p) => p.ns)).toEqual([0, 10]);
  });

  it('should read one stream with the JS decoder as with the system one', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    const stream = index.streams[3];
    if (stream === undefined) throw new Error('too few streams');
    expect((await readAll(multi, { range: stream, decoder: 'js' })).items).toEqual((await readAll(multi, { range: stream })).items);
  });

  it('should take the namespaces of a stream from the header stream', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    const { namespaces } = await readDumpNamespaces(multi, index.header);
    expect(namespaces.get('taiss')).toBe(10);
    expect(namespaces.get('template')).toBe(10);
  });

  it('should tell a multistream file without its index, and list its streams', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    expect(await isMultistream(multi)).toBe(true);
    expect(await isMultistream(plain)).toBe(false);
    const starts = await listBz2Streams(multi);
    // Header, page streams, and the last stream holding </mediawiki>.
    expect(starts.slice(0, -1)).toEqual([0, ...index.streams.map((s) => s.start)]);
    const ranges = streamRanges(starts, statSync(multi).size);
    expect(ranges.header).toEqual(index.header);
  });

  it('should read a plain-text index, and report its bad lines', async () => {
    const text = execFileSync('bzip2', ['-dc', path.join(dir, 'mini-multistream-index.txt.bz2')]).toString();
    const index = await readMultistreamIndex(multi, writeTemp('index.txt', `${text}garbage line\n99999999999:1:Past the end\n`));
    if ('code' in index) throw new Error(index.message);
    expect(index.problems.map((p) => p.code)).toEqual(['read/malformed-xml', 'read/malformed-xml']);
    expect(index.streams.reduce((n, s) => n + (s.pages ?? 0), 0)).toBe(text.trim().split('\n').length);
  });

  it('should lose only the damaged streams of a multistream file, the same with each decoder', async () => {
    const index = await readMultistreamIndex(multi);
    if ('code' in index) throw new Error(index.message);
    const bytes = Buffer.from(readFileSync(multi));
    const damaged = [index.streams[2], index.streams[5]];
    for (const stream of damaged) if (stream !== undefined) bytes[Math.floor((stream.start + stream.end) / 2)] ^= 0x10;
    const file = writeTemp('damaged-multistream.xml.bz2', bytes);
    const byDecoder = await Promise.all((['lbzip2', 'bzip2', 'js'] as const).map((decoder) => readAll(file, { decoder })));
    const sameButMessage = (items: object[]): object[] => items.map((item) => ({ ...item, message: undefined }));
    for (const result of byDecoder) expect(sameButMessage(result.items)).toEqual(sameButMessage(byDecoder[0]?.items ?? []));
    const problems = byDecoder[0]?.problems ?? [];
    expect(problems.filter((p) => p.code === 'read/damaged-bz2')).toHaveLength(2);
    const kept = new Set(byDecoder[0]?.pages.map((p) => p.title));
    const whole = index.streams.filter((stream) => !damaged.includes(stream));
    for (const stream of whole) {
      const { pages } = await readAll(multi, { range: stream });
      expect(pages.every((p) => kept.has(p.title))).toBe(true);
    }
  });

  it('should report a multistream dump with no index', async () => {
    const lone = writeTemp('lone-multistream.xml.bz2', readFileSync(multi));
    expect(await readMultistreamIndex(lone)).toMatchObject({ code: 'read/unreadable-input' });
  });
});
