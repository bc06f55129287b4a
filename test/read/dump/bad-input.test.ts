import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES } from '../../../src/read/dump/limits.js';
import { countsAddUp, dump, FIXTURES, page, readAll, streamOf, tempDir, writeTemp } from './dump-helpers.js';

const codes = (problems: { code: string }[]): string[] => problems.map((p) => p.code);

describe('readDump: bad input', () => {
  it('should keep every page before a truncation and report the page cut short', async () => {
    const xml = dump(page('A', 'one'), page('B', 'two'));
    const cut = xml.slice(0, xml.indexOf('two') + 1);
    const { items, counts } = await readAll(streamOf(cut));
    expect(items.map((i) => ('title' in i ? i.title : i.code))).toEqual(['A', 'read/malformed-xml']);
    expect(items[1]).toMatchObject({ page: 'B', offset: cut.lastIndexOf('<page>') });
    expect(counts).toEqual({ pages: 2, inScope: 1, outOfScope: 0, redirects: 0, otherNamespaces: 0, malformed: 1 });
  });

  it('should report a dump that ends after a whole page without </mediawiki>', async () => {
    const xml = dump(page('A', 'one'));
    const { pages, problems } = await readAll(streamOf(xml.slice(0, xml.indexOf('</mediawiki>'))));
    expect(pages).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ code: 'read/malformed-xml', message: expect.stringContaining('no </mediawiki>') })]);
  });

  it('should report pages with no title, no <text>, no revision or a deleted text, and keep the others', async () => {
    const xml = dump(
      page('A', 'a'),
      page('B', 'b').replace('<title>B</title>', ''),
      page('C', 'c').replaceAll('<text', '<texts').replace('</text>', '</texts>'),
      '  <page><title>D</title><ns>0</ns><id>4</id></page>\n',
      '  <page><title>E</title><ns>0</ns><revision><text deleted="deleted" /></revision></page>\n',
      page('F', 'f'),
    );
    const { pages, problems, counts } = await readAll(streamOf(xml));
    expect(pages.map((p) => p.title)).toEqual(['A', 'F']);
    expect(problems.map((p) => [p.code, p.page])).toEqual([
      ['read/malformed-page', undefined],
      ['read/malformed-page', 'C'],
      ['read/malformed-page', 'D'],
      ['read/malformed-page', 'E'],
    ]);
    expect(counts).toMatchObject({ pages: 6, inScope: 2, malformed: 4 });
  });

  it('should read an empty self-closing <text/> as an empty page (zhwiki-broken-4)', async () => {
    const { pages } = await readAll(path.join(FIXTURES, 'zhwiki-broken-4.xml'));
    expect(pages.map((p) => [p.title, p.text.length > 0])).toEqual([
      ['Wikipedia:Upload log', true],
      ['Wikipedia:删除纪录/档案馆/2004年3月', true],
      ['数学', false],
    ]);
  });

  it('should report the zhwiki pages with no title, no <ns> and <texts>', async () => {
    for (const [file, message] of [['zhwiki-broken-1.xml', 'no <title>'], ['zhwiki-broken-2.xml', 'no <ns>'], ['zhwiki-broken-3.xml', 'no <text>']]) {
      const { problems, counts } = await readAll(path.join(FIXTURES, file));
      expect(problems).toEqual([expect.objectContaining({ code: 'read/malformed-page', message: expect.stringContaining(message) })]);
      expect(countsAddUp(counts)).toBe(true);
    }
  });

  it('should report a <page> nested in a <page> and read both', async () => {
    const inner = page('Inner', 'i', { id: 2 });
    const outer = page('Outer', 'o').replace('  </page>\n', inner);
    const xml = dump(outer, page('After', 'z', { id: 3 }));
    const { items, counts } = await readAll(streamOf(xml));
    expect(items.map((i) => ('title' in i ? i.title : i.code))).toEqual(['read/nested-page', 'Outer', 'Inner', 'After']);
    expect(items[0]).toMatchObject({ page: 'Outer', offset: xml.indexOf('<page>', xml.indexOf('Outer')) });
    expect(counts).toMatchObject({ pages: 3, inScope: 3 });
  });

  it('should skip an outer page cut by a nested one before its text', async () => {
    const xml = dump(`  <page>\n    <title>Cut</title>\n    <ns>0</ns>\n${page('Inner', 'i')}`);
    const { items, counts } = await readAll(streamOf(xml));
    expect(items.map((i) => ('title' in i ? i.title : i.code))).toEqual(['read/nested-page', 'read/malformed-page', 'Inner']);
    expect(counts).toMatchObject({ pages: 2, inScope: 1, malformed: 1 });
  });

  it('should report a DOCTYPE declaring entities once and never expand or fetch them', async () => {
    const secret = writeTemp('secret.txt', 'TOP-SECRET');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE mediawiki [\n  <!ENTITY xxe SYSTEM "file://${secret}">\n  <!ENTITY lol "lol">\n]>\n${dump(page('A', '&xxe; &lol;'), page('B', '&lol;'))}`;
    const { pages, problems } = await readAll(streamOf(xml));
    expect(codes(problems)).toEqual(['read/entity-declaration']);
    expect(pages.map((p) => p.text)).toEqual(['&xxe; &lol;', '&lol;']);
  });

  it('should report an external DTD and not fetch it', async () => {
    const xml = `<!DOCTYPE mediawiki SYSTEM "http://127.0.0.1:9/evil.dtd">\n${dump(page('A', 'a'))}`;
    const { pages, problems } = await readAll(streamOf(xml));
    expect(codes(problems)).toEqual(['read/entity-declaration']);
    expect(pages).toHaveLength(1);
  });

  it('should skip a 200 MB page over MAX_PAGE_BYTES without holding it, and read the next one', async () => {
    const before = Buffer.from(`${dump().replace('</mediawiki>\n', '')}  <page>\n    <title>Huge</title>\n    <ns>0</ns>\n    <revision><text>`);
    const after = Buffer.from(`</text></revision>\n  </page>\n${page('Next', 'n')}</mediawiki>\n`);
    const mb = Buffer.alloc(1024 * 1024, 'a');
    let peak = 0;
    async function* huge(): AsyncGenerator<Buffer> {
      yield before;
      for (let i = 0; i < 200; i++) {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        yield mb;
      }
      yield after;
    }
    const base = process.memoryUsage().arrayBuffers;
    const { pages, problems, counts } = await readAll(Readable.from(huge()));
    expect(pages.map((p) => p.title)).toEqual(['Next']);
    expect(problems).toEqual([expect.objectContaining({ code: 'read/malformed-page', page: 'Huge', message: expect.stringContaining(`more than ${MAX_PAGE_BYTES} bytes`) })]);
    expect(counts).toMatchObject({ pages: 2, inScope: 1, malformed: 1 });
    // Gathering stops at the cap (the doubling buffers may not be collected yet): far below 200 MB.
    expect(peak - base).toBeLessThan(3 * MAX_PAGE_BYTES);
  });

  it('should report bytes that are not UTF-8 with the page title and their offset, and replace them', async () => {
    const xml = Buffer.from(dump(page('Bad', 'ok XX ok')));
    const at = xml.indexOf('XX');
    xml[at] = 0xff;
    xml[at + 1] = 0xfe;
    const { pages, problems } = await readAll(streamOf(xml));
    expect(pages[0]?.text).toBe('ok \uFFFD\uFFFD ok');
    expect(problems).toEqual([expect.objectContaining({ code: 'read/invalid-utf8', page: 'Bad', offset: at })]);
  });

  it('should give the offset of bad bytes in a page nested in another one', async () => {
    const inner = page('Inner', 'x YY x', { id: 2 });
    const xml = Buffer.from(dump(page('Outer', 'o').replace('  </page>\n', inner)));
    const at = xml.indexOf('YY');
    xml[at] = 0xc0;
    const { problems } = await readAll(streamOf(xml));
    expect(problems.find((p) => p.code === 'read/invalid-utf8')).toMatchObject({ page: 'Inner', offset: at });
  });

  it('should keep a page whose pre-filter throws, and report the bug', async () => {
    const { pages, problems } = await readAll(streamOf(dump(page('A', 'a'), page('B', 'b'))), {
      prefilter: (text) => {
        if (text.toString() === 'a') throw new Error('boom');
        return true;
      },
    });
    expect(pages.map((p) => p.title)).toEqual(['A', 'B']);
    expect(problems).toEqual([expect.objectContaining({ code: 'internal/bug', page: 'A', message: expect.stringContaining('boom') })]);
  });

  it('should read CDATA in text, even holding </page> and <page>', async () => {
    const xml = dump(page('A', '<![CDATA[ </text></page><page> {{x}} ]]>'), page('B', 'b'));
    const { pages, problems } = await readAll(streamOf(xml, 10));
    expect(problems).toEqual([]);
    expect(pages.map((p) => p.text)).toEqual([' </text></page><page> {{x}} ', 'b']);
  });

  it('should report text between pages and go on', async () => {
    const xml = dump(page('A', 'a'), 'garbage here\n', page('B', 'b'));
    const { pages, problems } = await readAll(streamOf(xml));
    expect(pages.map((p) => p.title)).toEqual(['A', 'B']);
    expect(problems).toEqual([expect.objectContaining({ code: 'read/malformed-xml', message: expect.stringContaining('garbage here') })]);
  });

  it('should never throw, whatever the input', async () => {
    const random = Buffer.alloc(200_000);
    for (let i = 0, x = 7; i < random.length; i++) random[i] = x = (x * 1103515245 + 12345) & 0xff;
    const ltg = readFileSync(path.join(FIXTURES, 'ltgwiki-smallwiki-pages-articles.xml.bz2'));
    const inputs = [
      writeTemp('empty.xml', ''),
      writeTemp('random.bin', random),
      writeTemp('bz-header-only.bz2', 'BZh9'),
      writeTemp('bz-garbage.bz2', Buffer.concat([Buffer.from('BZh91AY&SY'), random])),
      writeTemp('half.xml.bz2', ltg.subarray(0, ltg.length / 2)),
      writeTemp('gz-cut.gz', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0])),
      writeTemp('tags.xml', '<mediawiki><page><page><page></page></page>'.repeat(1000)),
      tempDir(),
      path.join(tempDir(), 'missing.xml.bz2'),
    ];
    for (const input of inputs) {
      const { counts, problems } = await readAll(input);
      expect(countsAddUp(counts)).toBe(true);
      expect(codes(problems)).not.toContain('internal/bug');
    }
  });
});
