import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli, jsonlRows, TABLES, tempDir } from './helpers.js';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const TRANSCLUSION = path.join(ROOT, 'test', 'fixtures', 'transclusion');

/**
 * A pages-articles dump of some samples, one of them twice (another page id), a page with no
 * title, and an article whose league table is a template page further on (read again at the end).
 */
function writeDump(file: string): void {
  const page = (id: number, title: string | undefined, sample: string, ns = 0): string => `  <page>
${title === undefined ? '' : `    <title>${escape(title)}</title>\n`}    <ns>${ns}</ns>
    <id>${id}</id>
    <revision>
      <id>${1000 + id}</id>
      <timestamp>2020-01-01T00:0${id}:00Z</timestamp>
      <text xml:space="preserve">${escape(readFileSync(path.isAbsolute(sample) ? sample : path.join(ROOT, 'samples', sample), 'utf8'))}</text>
    </revision>
  </page>
`;
  writeFileSync(
    file,
    `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo><sitename>Wikipedia</sitename><dbname>enwiki</dbname></siteinfo>
${page(1, '2004 Copa Perú', '2004_Copa_Perú.wiki')}${page(2, '1992–93 French Division 1', '1992-93_French_Division_1.wikitext')}${page(3, undefined, 'sports-table-wl.wiki')}${page(4, '2099 Test League', path.join(TRANSCLUSION, '2099_Test_League.wiki'))}${page(5, '2019–20 Bundesliga', '2019-20_Bundesliga.wikitext')}${page(6, '1992–93 French Division 1', '1992-93_French_Division_1.wikitext')}${page(7, 'Template:2099 Test League table', path.join(TRANSCLUSION, 'Template-2099_Test_League_table.wiki'), 10)}</mediawiki>
`,
  );
}

/** Every table file of a folder, by name. */
function tables(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

describe('tables from a dump and from its extract output', () => {
  let dump: string;
  let direct: Record<string, string>;

  beforeAll(async () => {
    const dir = tempDir('tables-dump');
    dump = path.join(dir, 'football.xml');
    writeDump(dump);
    const out = path.join(dir, 'tables');
    const r = await cli(['tables', dump, '--out', out, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    direct = tables(out);
  }, 120_000);

  it('should read the dump: its articles once each, and the finding about the page with no title', () => {
    expect(Object.keys(direct)).toEqual(TABLES.map((t) => `${t}.jsonl`).sort());
    const dir = path.dirname(dump);
    const articles = jsonlRows(path.join(dir, 'tables'), 'articles');
    expect(articles.map((a) => [a['article'], a['pageId'], a['duplicates']])).toEqual([
      ['2004 Copa Perú', '1', []],
      ['1992–93 French Division 1', '2', [dump]],
      ['2099 Test League', '4', []],
      ['2019–20 Bundesliga', '5', []],
    ]);
    // The article read again once its table page was known: its rows are the second reading's.
    const league = jsonlRows(path.join(dir, 'tables'), 'standings').filter((s) => s['article'] === '2099 Test League');
    expect(league.map((s) => [s['teamCode'], s['verdict'], s['disagreements']])).toEqual([
      ['AAA', 'disagree', ['goalsFor']],
      ['BBB', 'disagree', ['goalsAgainst']],
    ]);
    const ofNoArticle = jsonlRows(path.join(dir, 'tables'), 'diagnostics').filter((d) => d['article'] === null);
    expect(ofNoArticle.map((d) => d['code'])).toEqual(['read/malformed-page']);
  });

  for (const compress of [[], ['--compress', 'gzip']]) {
    it(`should give the same rows from the dump's ${compress.length === 0 ? 'articles.jsonl' : 'articles.jsonl.gz'} as from the dump itself`, async () => {
      const dir = tempDir('tables-dump-output');
      const extracted = path.join(dir, 'extracted');
      const e = await cli(['extract', dump, '--out', extracted, ...compress]);
      expect(e.code, e.stderr).toBe(0);
      const out = path.join(dir, 'tables');
      const r = await cli(['tables', extracted, '--out', out, '--format', 'jsonl']);
      expect(r.code, r.stderr).toBe(0);
      expect(tables(out)).toEqual(direct);
    }, 120_000);
  }
});
