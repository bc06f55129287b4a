import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/index.js';
import { readXmlDump, type DumpCounts, type DumpPage, type DumpProblem } from '../../src/read/xml-dump.js';
import { ROOT } from '../helpers.js';

const CORPUS = path.join(ROOT, 'test', 'fixtures', 'dumps');
const counts = (): DumpCounts => ({ pages: 0, articles: 0, redirects: 0, otherNamespaces: 0, malformed: 0 });

async function read(file: string, ns: ReadonlySet<number> | 'all' = new Set([0])): Promise<{ items: (DumpPage | DumpProblem)[]; counts: DumpCounts }> {
  const c = counts();
  const items: (DumpPage | DumpProblem)[] = [];
  for await (const item of readXmlDump(file, ns, c)) items.push(item);
  return { items, counts: c };
}

function writeTemp(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wikitally-dump-')), name);
  writeFileSync(file, content);
  return file;
}

describe('readXmlDump', () => {
  it('should read the latest revision by timestamp, not the last in the file', async () => {
    const { items } = await read(path.join(ROOT, 'samples', 'plwiki-multirevision-fixture.xml'));
    const page = items.find((i): i is DumpPage => 'text' in i);
    expect(page?.text).toBe('A bunch of [[Special:MyLanguage/text|text]] here.');
  });

  it('should skip redirects and other namespaces and count them', async () => {
    const { items, counts: c } = await read(path.join(ROOT, 'samples', 'football-pages.xml.bz2'));
    expect(items.filter((i) => 'text' in i).map((i) => (i as DumpPage).title)).toEqual(['Synthetic League 2020']);
    expect(c).toEqual({ pages: 4, articles: 1, redirects: 1, otherNamespaces: 1, malformed: 1 });
  });

  it('should read the template namespace when asked', async () => {
    const { items } = await read(path.join(ROOT, 'samples', 'football-pages.xml.bz2'), new Set([10]));
    expect(items.filter((i) => 'text' in i).map((i) => (i as DumpPage).ns)).toEqual([10]);
  });

  it('should report pages with no title or no text and keep the others (zhwiki broken dumps)', async () => {
    for (const file of ['test/fixtures/dumps/zhwiki-broken-1.xml', 'test/fixtures/dumps/zhwiki-broken-3.xml', 'samples/zhwiki-broken-4.xml']) {
      const { items } = await read(path.join(ROOT, file), 'all');
      expect(items.filter((i) => 'code' in i).map((i) => (i as DumpProblem).code)).toEqual(['read/malformed-page']);
      expect(items.filter((i) => 'text' in i)).toHaveLength(2);
    }
  });

  it('should take the namespace from the title when <ns> is missing, and say so', async () => {
    const { items } = await read(path.join(CORPUS, 'zhwiki-broken-2.xml'));
    expect(items.filter((i) => 'text' in i).map((i) => (i as DumpPage).title)).toEqual(['数学']);
    expect((items.find((i) => 'code' in i) as DumpProblem).message).toContain('no <ns>');
  });

  it('should keep the pages before the point where the XML breaks', async () => {
    const good = '<page><title>A</title><ns>0</ns><revision><text>one</text></revision></page>';
    const file = writeTemp('cut.xml', `<mediawiki>${good}<page><title>B</title><ns>0</ns><revision><text>tw`);
    const { items } = await read(file);
    expect(items.map((i) => ('text' in i ? i.title : i.code))).toEqual(['A', 'read/malformed-xml']);
  });

  it('should report a truncated bzip2 file instead of failing', async () => {
    const whole = readFileSync(path.join(CORPUS, 'ltgwiki-smallwiki-pages-articles.xml.bz2'));
    const { items } = await read(writeTemp('cut.xml.bz2', whole.subarray(0, 100_000)));
    expect(items.at(-1)).toMatchObject({ code: 'read/malformed-xml' });
    expect((items.at(-1) as DumpProblem).message).toContain('bzip2');
  });

  it('should stream a 2,000-page dump and write one file per article', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wikitally-out-'));
    const { inputs } = await run({ inputs: [path.join(CORPUS, 'ltgwiki-smallwiki-pages-articles.xml.bz2')], outDir: out, collect: false });
    const index = JSON.parse(readFileSync(path.join(out, 'ltgwiki-smallwiki-pages-articles.xml.bz2', 'index.json'), 'utf8')) as { pages: DumpCounts; articles: unknown[] };
    expect(index.pages).toMatchObject({ pages: 2004, redirects: 195 });
    expect(index.articles).toHaveLength(index.pages.articles);
    expect(inputs[0]?.articles).toEqual([]);
  });

  it('should name the page in each diagnostic the CLI prints for a dump', () => {
    let stdout = '';
    let status = 0;
    try {
      stdout = execFileSync('node', [path.join(ROOT, 'dist', 'cli.js'), 'check', '--json', 'samples/football-pages.xml.bz2'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      ({ stdout, status } = error as { stdout: string; status: number });
    }
    const ds = JSON.parse(stdout) as { code: string; page?: string; span?: { start: { line: number } } }[];
    expect(status).toBe(1);
    const mismatch = ds.find((d) => d.code === 'check/goals-for-mismatch');
    expect([mismatch?.page, mismatch?.span?.start.line]).toEqual(['Synthetic League 2020', 5]);
    expect(ds.find((d) => d.code === 'read/malformed-page')?.page).toBe('Synthetic Cup 2020');
  });
});
