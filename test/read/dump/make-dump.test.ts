import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readAll, ROOT, tempDir } from './dump-helpers.js';

function makeDump(out: string, articles: string, ...more: string[]): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', out, '--name', 'd', '--articles', articles, ...more]);
}

describe('scripts/make-dump.mjs', () => {
  it('should write the same bytes for the same arguments', () => {
    const articles = tempDir();
    writeFileSync(path.join(articles, 'A_b.wiki'), 'x & <y>');
    const filler = ['--filler', path.join(FIXTURES, 'tinywiki-pages-articles.xml.bz2'), '--size', '0.05', '--multistream'];
    const [one, two] = [tempDir(), tempDir()];
    makeDump(one, articles, ...filler);
    makeDump(two, articles, ...filler);
    for (const file of ['d.xml', 'd.xml.bz2', 'd-multistream.xml.bz2', 'd-multistream-index.txt.bz2']) {
      expect(readFileSync(path.join(one, file)).equals(readFileSync(path.join(two, file)))).toBe(true);
    }
  });

  it('should title articles from file names, put Template- files in namespace 10, and give distinct ids', async () => {
    const articles = tempDir();
    writeFileSync(path.join(articles, '2019-20_Cup.wikitext'), '{{Football box}} & <ref>');
    writeFileSync(path.join(articles, 'Template-Cup_table.wiki'), '{{Sports table}}');
    const out = tempDir();
    makeDump(out, articles, '--repeat', '2');
    const { pages, problems } = await readAll(path.join(out, 'd.xml.bz2'));
    expect(problems).toEqual([]);
    expect(pages.map((p) => [p.title, p.ns, p.text])).toEqual([
      ['2019-20 Cup', 0, '{{Football box}} & <ref>'],
      ['Template:Cup table', 10, '{{Sports table}}'],
      ['2019-20 Cup (2)', 0, '{{Football box}} & <ref>'],
      ['Template:Cup table (2)', 10, '{{Sports table}}'],
    ]);
    expect(new Set(pages.map((p) => p.id)).size).toBe(4);
    expect(new Set(pages.map((p) => p.revisionId)).size).toBe(4);
  });
});
