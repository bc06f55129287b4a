import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDump } from '../../../src/read/dump/pages.js';
import { emptyCounts } from '../../../src/read/dump/types.js';
import { countsAddUp, dump, FIXTURES, page, readAll, streamOf, writeTemp } from './dump-helpers.js';

describe('readDump: pages', () => {
  it('should read title, ns, ids, text and the offset of <page>', async () => {
    const xml = dump(page('Alpha', 'one &amp; {{two}} &lt;ref&gt;', { id: 5 }));
    const { pages } = await readAll(streamOf(xml));
    expect(pages).toEqual([{ title: 'Alpha', ns: 0, id: '5', revisionId: '1005', text: 'one & {{two}} <ref>', offset: xml.indexOf('<page>') }]);
  });

  it('should give the same pages whatever the chunk boundaries', async () => {
    const xml = dump(page('A', 'x'.repeat(50)), page('B &amp; C', '<![CDATA[</page> ]]> y'), page('D', 'z'));
    const whole = await readAll(streamOf(xml));
    for (const size of [1, 2, 3, 5, 7, 16, 17]) expect((await readAll(streamOf(xml, size))).items).toEqual(whole.items);
    expect(whole.pages.map((p) => p.title)).toEqual(['A', 'B & C', 'D']);
  });

  it('should tell how far into a file it has read (for an ETA) and how many bytes of XML', async () => {
    const file = path.join(FIXTURES, 'tinywiki-pages-articles.xml.bz2');
    const fractions: number[] = [];
    let xml = 0;
    await readAll(file, { namespaces: 'all', onPosition: (f) => fractions.push(f), onBytes: (n) => (xml += n) });
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(xml).toBeGreaterThan(statSync(file).size);
  });

  it('should take the latest revision by timestamp, the later one on a tie', async () => {
    const { pages } = await readAll(path.join(FIXTURES, 'plwiki-multirevision-fixture.xml'));
    expect(pages.map((p) => [p.title, p.text])).toEqual([
      ['Page title', 'A bunch of [[Special:MyLanguage/text|text]] here.'],
      ['Talk:Page title', ''],
    ]);
  });

  it('should take the namespace from the title when <ns> is missing, with the names of <siteinfo>', async () => {
    const xml = dump(page('Taiss:Box', 'b').replace('<ns>0</ns>', ''), page('Template:Box', 'c').replace('<ns>0</ns>', ''));
    const { pages, problems } = await readAll(streamOf(xml));
    expect(pages.map((p) => p.ns)).toEqual([10, 10]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('no <ns>'), expect.stringContaining('no <ns>')]);
  });

  it('should count and skip redirects and other namespaces unless asked', async () => {
    const xml = dump(page('A', 'a'), page('R', '#REDIRECT [[A]]', { redirect: true }), page('T', 't', { ns: 10 }));
    const narrow = await readAll(streamOf(xml), { namespaces: new Set([0]) });
    expect(narrow.pages.map((p) => p.title)).toEqual(['A']);
    expect(narrow.counts).toEqual({ pages: 3, inScope: 1, outOfScope: 0, redirects: 1, otherNamespaces: 1, malformed: 0 });
    const wide = await readAll(streamOf(xml), { namespaces: 'all', redirects: true });
    expect(wide.pages.map((p) => [p.title, p.redirect])).toEqual([['A', undefined], ['R', true], ['T', undefined]]);
  });

  it('should tell the caller each skipped redirect with its target, entities decoded, whatever the attribute layout', async () => {
    const xml = dump(
      page('A', 'a'),
      page('R &amp; Co', '#REDIRECT [[A]]', { redirect: true }).replace('title="Elsewhere"', "title='Real &quot;Club&quot; &amp; Co'"),
      page('S', 'x', { redirect: true, ns: 10 }).replace('<redirect title="Elsewhere" />', '<redirect\n  title = "Target S"/>'),
      page('U', 'x', { redirect: true }).replace('<redirect title="Elsewhere" />', '<redirect />'),
    );
    const told: [string, string, number][] = [];
    const read = await readAll(streamOf(xml), { namespaces: new Set([0]), onRedirect: (t, target, ns) => told.push([t, target, ns]) });
    expect(told).toEqual([['R & Co', 'Real "Club" & Co', 0], ['S', 'Target S', 10]]);
    expect(read.pages.map((p) => p.title)).toEqual(['A']);
    expect(read.counts.redirects).toBe(3);
  });

  it('should give the pre-filter the raw escaped text bytes of candidates only, and count what it rejects', async () => {
    const xml = dump(page('A', '{{Football box}} &lt;b&gt;'), page('B', 'prose'), page('T', '{{x}}', { ns: 10 }), page('R', '{{r}}', { redirect: true }));
    const seen: string[] = [];
    const { pages, counts } = await readAll(streamOf(xml), {
      namespaces: new Set([0]),
      prefilter: (text) => {
        seen.push(text.toString());
        return text.includes('{{Football');
      },
    });
    expect(seen).toEqual(['{{Football box}} &lt;b&gt;', 'prose']);
    expect(pages.map((p) => p.text)).toEqual(['{{Football box}} <b>']);
    expect(counts).toEqual({ pages: 4, inScope: 1, outOfScope: 1, redirects: 1, otherNamespaces: 1, malformed: 0 });
  });

  it('should keep titles with /, .., control characters and 600 bytes unchanged', async () => {
    const titles = ['a/b', '../../etc/passwd', 'x\u0001y\ttab', 'é'.repeat(300), 'CON', 'index'];
    const { pages } = await readAll(streamOf(dump(...titles.map((t, i) => page(t, 'text', { id: i + 1 })))));
    expect(pages.map((p) => p.title)).toEqual(titles);
    expect(Buffer.byteLength(pages[3]?.title ?? '')).toBe(600);
  });

  it('should decode numeric references and keep CDATA literal', async () => {
    const { pages } = await readAll(streamOf(dump(page('A', '&#233;&#x1F600; <![CDATA[&lt; <b>]]> &amp;amp;'))));
    expect(pages[0]?.text).toBe('é😀 &lt; <b> &amp;');
  });

  it('should stop when the signal aborts', async () => {
    const controller = new AbortController();
    const counts = emptyCounts();
    const seen: string[] = [];
    const xml = dump(...Array.from({ length: 50 }, (_, i) => page(`P${i}`, 'x', { id: i + 1 })));
    for await (const item of readDump(streamOf(xml, 200), { namespaces: 'all', signal: controller.signal }, counts)) {
      if ('title' in item) seen.push(item.title);
      controller.abort();
    }
    expect(seen.length).toBeLessThan(50);
  });

  it('should read every dump of the corpus to its end with counts that add up', async () => {
    const expected: Record<string, number> = {
      'enwiki-dbpedia-minidump.xml.bz2': 27,
      'enwiki-wikipedia2vec-sample-export-0.9.xml.bz2': 3,
      'ltgwiki-smallwiki-pages-articles.xml.bz2': 2004,
      'plwiki-multirevision-fixture.xml': 2,
      'plwiki-multirevision-fixture.xml.bz2': 2,
      'tinywiki-pages-articles.xml.bz2': 2,
      'zhwiki-broken-1.xml': 3,
      'zhwiki-broken-2.xml': 3,
      'zhwiki-broken-3.xml': 3,
      'zhwiki-broken-4.xml': 3,
    };
    for (const [file, pages] of Object.entries(expected)) {
      const { counts, problems } = await readAll(path.join(FIXTURES, file), { namespaces: new Set([0]) });
      expect({ file, pages: counts.pages, addsUp: countsAddUp(counts) }).toEqual({ file, pages, addsUp: true });
      expect(problems.filter((p) => p.code === 'read/malformed-xml' || p.code === 'internal/bug')).toEqual([]);
    }
  });

  it('should read a dump given as a stream, like standard input', async () => {
    const file = path.join(FIXTURES, 'tinywiki-pages-articles.xml.bz2');
    const fromPath = await readAll(file);
    const { createReadStream } = await import('node:fs');
    for (const decoder of ['auto', 'js'] as const) expect((await readAll(createReadStream(file), { decoder })).items).toEqual(fromPath.items);
  });

  it('should read gzip dumps', async () => {
    const { gzipSync } = await import('node:zlib');
    const xml = dump(page('A', 'a'), page('B', 'b'));
    const { pages } = await readAll(writeTemp('d.xml.gz', gzipSync(xml)));
    expect(pages.map((p) => p.title)).toEqual(['A', 'B']);
  });
});
