import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Diagnostic } from '../../src/index.js';
import { ROOT } from '../helpers.js';

// The 2005–06 Serie A article links Ascoli to [[Ascoli Calcio 1898 FC]] in its table and to
// [[Ascoli Picchio FC 1898]] in its grid; on Wikipedia the second redirects to the first. A dump
// that holds that redirect, before or after the article, settles the warning.
const ARTICLE = readFileSync(path.join(ROOT, 'samples', '2005-06_Serie_A.wikitext'), 'utf8');
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(id: number, title: string, text: string, redirect?: string): string {
  return `  <page>
    <title>${escape(title)}</title>
    <ns>0</ns>
    <id>${id}</id>
${redirect === undefined ? '' : `    <redirect title="${escape(redirect)}" />\n`}    <revision>
      <id>${id + 1000}</id>
      <timestamp>2020-01-01T00:00:00Z</timestamp>
      <text bytes="${text.length}" xml:space="preserve">${escape(text)}</text>
    </revision>
  </page>
`;
}

function dumpOf(pages: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-redirects-'));
  const file = path.join(dir, 'redirects.xml');
  writeFileSync(file, `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n  <siteinfo>\n    <sitename>Test</sitename>\n    <namespaces>\n      <namespace key="0" case="first-letter" />\n    </namespaces>\n  </siteinfo>\n${pages.join('')}</mediawiki>\n`);
  return file;
}

const redirect = page(7, 'Ascoli Picchio FC 1898', '#REDIRECT [[Ascoli Calcio 1898 FC]]', 'Ascoli Calcio 1898 FC');
const unrelated = page(8, 'Reggina 1914', '#REDIRECT [[Somewhere else]]', 'Somewhere else');
const article = page(5, '2005–06 Serie A', ARTICLE);

const ascoli = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.message.includes('Ascoli')).map((d) => `${d.severity} ${d.code}`);

describe("a dump's redirects", () => {
  for (const [name, pages] of [['after the article', [article, unrelated, redirect]], ['before the article', [redirect, unrelated, article]]] as const) {
    it(`should settle two links of one team that one redirect joins, the redirect ${name}`, async () => {
      const r = await run({ inputs: [dumpOf([...pages])], jobs: 0 });
      const ds = r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics));
      expect(ascoli(ds)).toEqual(['info check/team-link-variant']);
      expect(ds.find((d) => d.message.includes('Ascoli'))?.message).toContain('one redirects to the other');
      // A redirect between other titles changes nothing: Reggina keeps its legal-form note.
      expect(ds.filter((d) => d.message.includes('Reggina')).map((d) => d.message)).toEqual([expect.stringContaining('legal form')]);
      expect(r.inputs[0]?.articles).toHaveLength(1);
    });
  }

  it('should put the article read again in its place in articles.jsonl, with the counts following', async () => {
    const file = dumpOf([article, redirect]);
    const out = mkdtempSync(path.join(tmpdir(), 'wikitally-redirects-out-'));
    await run({ inputs: [file], outDir: out, jobs: 0, collect: false });
    const folder = path.join(out, 'redirects.xml');
    const lines = readFileSync(path.join(folder, 'articles.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const diagnostics = readFileSync(path.join(folder, 'diagnostics.jsonl'), 'utf8');
    expect(diagnostics).not.toContain('team-link-conflict');
    const summary = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8')) as { pages: { redirects: number }; diagnostics: { byCode: Record<string, number> } };
    expect(summary.pages.redirects).toBe(1);
    expect(summary.diagnostics.byCode['check/team-link-conflict']).toBeUndefined();
  });

  it('should warn when the dump has no redirect joining the two titles, and only note them with --no-redirects (redirects: false)', async () => {
    // The dump's redirects say the two titles are two pages.
    const kept = await run({ inputs: [dumpOf([article, unrelated])], jobs: 0 });
    expect(ascoli(kept.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics)))).toEqual(['warning check/team-link-conflict']);
    // Without them the run cannot tell a link to a redirect from a link to another page.
    const r = await run({ inputs: [dumpOf([article, redirect])], jobs: 0, redirects: false });
    const ds = r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics));
    expect(ascoli(ds)).toEqual(['info check/team-link-conflict']);
    expect(ds.find((d) => d.message.includes('Ascoli'))?.message).toContain('cannot tell without the wiki\'s redirects');
  });
});

describe('--redirect-map', () => {
  const serieA = path.join(ROOT, 'samples', '2005-06_Serie_A.wikitext');
  const onFiles = async (map: string, extra: Partial<Parameters<typeof run>[0]> = {}): Promise<string[]> => {
    const r = await run({ inputs: [serieA], jobs: 0, redirectMap: map, ...extra });
    return ascoli(r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics)));
  };

  it("should settle an article file's two links with a title<TAB>target file, or with a dump's redirects", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-redirect-map-'));
    const tsv = path.join(dir, 'redirects.tsv');
    writeFileSync(tsv, '# title\ttarget\n\nReggina 1914\tSomewhere else\nAscoli_Picchio_FC_1898\tAscoli Calcio 1898 FC\n');
    expect(await onFiles(tsv)).toEqual(['info check/team-link-variant']);
    expect(await onFiles(dumpOf([redirect, unrelated]))).toEqual(['info check/team-link-variant']);
    // A map that joins other titles says these are two pages: a warning. Without a map, a note.
    const other = path.join(dir, 'other.tsv');
    writeFileSync(other, 'Reggina 1914\tSomewhere else\n');
    expect(await onFiles(other)).toEqual(['warning check/team-link-conflict']);
    const r = await run({ inputs: [serieA], jobs: 0 });
    expect(ascoli(r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics)))).toEqual(['info check/team-link-conflict']);
  });

  it("should use the map for a dump's articles too, and with --no-redirects the map alone", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-redirect-map-dump-'));
    const tsv = path.join(dir, 'redirects.tsv');
    writeFileSync(tsv, 'Ascoli Picchio FC 1898\tAscoli Calcio 1898 FC\n');
    for (const redirects of [true, false]) {
      const r = await run({ inputs: [dumpOf([article, unrelated])], jobs: 0, redirectMap: tsv, redirects });
      expect(ascoli(r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics)))).toEqual(['info check/team-link-variant']);
    }
    // The dump's own redirect is not kept with --no-redirects, though a map is given.
    const other = path.join(dir, 'other.tsv');
    writeFileSync(other, 'Reggina 1914\tSomewhere else\n');
    const r = await run({ inputs: [dumpOf([article, redirect])], jobs: 0, redirectMap: other, redirects: false });
    expect(ascoli(r.inputs.flatMap((i) => i.articles.flatMap((a) => a.diagnostics)))).toEqual(['warning check/team-link-conflict']);
  });

  it('should refuse a map it cannot read, saying which line is wrong', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-redirect-map-bad-'));
    const bad = path.join(dir, 'bad.tsv');
    writeFileSync(bad, 'A\tB\nno tab here\n');
    await expect(onFiles(bad)).rejects.toThrow(/line 2 of --redirect-map .*bad\.tsv \("no tab here"\), expected title<TAB>target/);
    await expect(onFiles(path.join(dir, 'missing.tsv'))).rejects.toThrow(/--redirect-map .*missing\.tsv/);
  });
});
