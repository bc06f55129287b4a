import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Diagnostic } from '../../src/index.js';
import { transcludedSource } from '../../src/read/transclusion.js';
import { createExecutor, type Executor } from '../../src/run/executor.js';
import { taskSettingsOf } from '../../src/run/setup.js';
import { ROOT } from '../helpers.js';

// The reproduction of a table transcluded from a template page (repro/real/r3): the article's grid
// and the template's table disagree on two figures, which only show when both are read together.
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'transclusion');

async function findings(inputs: string[], extra: Partial<Parameters<typeof run>[0]> = {}): Promise<Diagnostic[]> {
  const r = await run({ inputs, jobs: 0, ...extra });
  return r.inputs.flatMap((i) => [...i.diagnostics, ...i.articles.flatMap((a) => a.diagnostics)]);
}

const mismatches = (ds: Diagnostic[]): string[][] =>
  ds.filter((d) => d.code.endsWith('-mismatch')).map((d) => [d.param ?? '', path.basename(d.file), String(d.span?.start.line ?? '')]);

describe('transcluded tables', () => {
  it('should pair a template page given with its article and report the table faults at the template line', async () => {
    const ds = await findings([FIXTURES]);
    expect(mismatches(ds)).toEqual([
      ['gf_AAA', 'Template-2099_Test_League_table.wiki', '3'],
      ['ga_BBB', 'Template-2099_Test_League_table.wiki', '4'],
    ]);
    expect(ds.map((d) => d.code)).not.toContain('extract/unpaired-grid');
  });

  it("should name the template page's file and title on each record read from it, and only on those", async () => {
    const r = await run({ inputs: [path.join(FIXTURES, '2099_Test_League.wiki')], templates: [FIXTURES], jobs: 0 });
    const article = r.inputs.flatMap((i) => i.articles)[0];
    expect(article?.standings.map((s) => [s.origin?.title, path.basename(s.origin?.file ?? '')])).toEqual([['Template:2099 Test League table', 'Template-2099_Test_League_table.wiki']]);
    expect(article?.matchGrids.map((g) => g.origin)).toEqual([undefined]);
    expect(Object.keys(article?.standings[0] ?? {}).slice(2, 5)).toEqual(['section', 'span', 'origin']);
  });

  it('should report a fault put into the article grid at the article line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-transclusion-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const article = path.join(dir, '2099_Test_League.wiki');
    // The grid now agrees with the table, but for one away goal of a draw.
    writeFileSync(article, readFileSync(article, 'utf8').replace('match_AAA_BBB=2–1', 'match_AAA_BBB=5–1').replace('match_BBB_AAA=0–0', 'match_BBB_AAA=0–1'));
    const ds = await findings([dir]);
    const at = ds.filter((d) => d.code.endsWith('-mismatch')).flatMap((d) => (d.related ?? []).filter((r) => r.file !== undefined).map((r) => [path.basename(r.file ?? ''), r.span?.start.line]));
    expect(at).toContainEqual(['2099_Test_League.wiki', 9]);
  });

  it('should read the template pages of a --templates folder, and name the page when it is missing', async () => {
    const article = path.join(FIXTURES, '2099_Test_League.wiki');
    expect(mismatches(await findings([article], { templates: [FIXTURES] }))).toHaveLength(2);
    const alone = await findings([article]);
    const missing = alone.find((d) => d.code === 'read/unresolved-transclusion');
    expect(missing?.message).toContain('Template:2099 Test League table');
  });

  it('should find the template page anywhere in a dump, even after the article', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-transclusion-dump-'));
    writeFileSync(path.join(dir, 'A_2099_Test_League.wiki'), readFileSync(path.join(FIXTURES, '2099_Test_League.wiki')));
    cpSync(path.join(FIXTURES, 'Template-2099_Test_League_table.wiki'), path.join(dir, 'Template-2099_Test_League_table.wiki'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'd', '--articles', path.join(dir, 'A_2099_Test_League.wiki'), path.join(dir, 'Template-2099_Test_League_table.wiki')]);
    const ds = await findings([path.join(dir, 'd.xml.bz2')]);
    expect(mismatches(ds)).toEqual([
      ['gf_AAA', 'd.xml.bz2', '3'],
      ['ga_BBB', 'd.xml.bz2', '4'],
    ]);
    expect(ds.filter((d) => d.code === 'check/goals-for-mismatch').map((d) => d.page)).toEqual(['Template:2099 Test League table']);
    // Written out, as JSON Lines and as files: the article read again at the end takes its place.
    for (const layout of ['jsonl', 'files'] as const) {
      const out = mkdtempSync(path.join(tmpdir(), 'wikitally-transclusion-out-'));
      await run({ inputs: [path.join(dir, 'd.xml.bz2')], outDir: out, jobs: 0, layout, collect: false });
      const folder = path.join(out, 'd.xml.bz2');
      const diagnostics = readFileSync(path.join(folder, 'diagnostics.jsonl'), 'utf8');
      expect(diagnostics.match(/"code":"check\/goals-(for|against)-mismatch"/g)).toHaveLength(2);
      expect(diagnostics).not.toContain('read/unresolved-transclusion');
      const summary = JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8')) as { diagnostics: { error: number; byCode: Record<string, number> } };
      expect(summary.diagnostics.error).toBe(2);
      expect(summary.diagnostics.byCode['read/unresolved-transclusion']).toBeUndefined();
    }
  });

  it('should read an article again at the end only when a table page it lacked is known by then', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-transclusion-again-'));
    // Both articles call the table page and one that no input holds; only the first is read before the table page.
    const article = `${readFileSync(path.join(FIXTURES, '2099_Test_League.wiki'), 'utf8')}\n==Other==\n{{2099 Other League table}}\n`;
    writeFileSync(path.join(dir, 'A_first.wiki'), article);
    cpSync(path.join(FIXTURES, 'Template-2099_Test_League_table.wiki'), path.join(dir, 'Template-2099_Test_League_table.wiki'));
    writeFileSync(path.join(dir, 'Z_last.wiki'), article);
    const files = ['A_first.wiki', 'Template-2099_Test_League_table.wiki', 'Z_last.wiki'].map((f) => path.join(dir, f));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'd', '--articles', ...files]);
    const inner = createExecutor(0, taskSettingsOf({ inputs: [] }, true));
    const read: string[] = [];
    const executor: Executor = { size: 1, run: (task) => (read.push(task.kind === 'page' ? task.page.title : ''), inner.run(task)), close: () => inner.close() };
    const r = await run({ inputs: [path.join(dir, 'd.xml.bz2')], executor });
    expect(read).toEqual(['A first', 'Z last', 'A first']);
    // Both give the two real findings.
    expect(r.inputs[0]?.articles.map((a) => a.diagnostics.filter((d) => d.code.endsWith('-mismatch')).length)).toEqual([2, 2]);
  });

  it("should apply the caller's own arguments to the table first, as Module:Sports table reads its wrapper's (getArgs parentFirst)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-transclusion-parent-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const article = path.join(dir, '2099_Test_League.wiki');
    const call = (args: string): void => writeFileSync(article, readFileSync(path.join(FIXTURES, '2099_Test_League.wiki'), 'utf8').replace('{{2099 Test League table}}', `{{2099 Test League table${args}}}`));
    // gf_AAA=2 agrees with the grid and replaces the page's 5; a blank ga_BBB (a comment only) leaves the page's.
    call('|gf_AAA=2|ga_BBB= <!-- none --> ');
    let ds = await findings([dir]);
    expect(mismatches(ds)).toEqual([['ga_BBB', 'Template-2099_Test_League_table.wiki', '4']]);
    const r = await run({ inputs: [article], templates: [dir], jobs: 0 });
    expect(r.inputs[0]?.articles[0]?.standings[0]?.teams.map((t) => t.goalsFor?.value)).toEqual([2, 1]);
    // A fault in the caller's argument is reported in the article, where it is written.
    call('|gf_AAA=7');
    ds = await findings([dir]);
    expect(mismatches(ds)).toEqual([
      ['gf_AAA', '2099_Test_League.wiki', '2'],
      ['ga_BBB', 'Template-2099_Test_League_table.wiki', '4'],
    ]);
  });

  it('should transclude as MediaWiki does: onlyinclude, noinclude, includeonly and {{{parameters|defaults}}}', () => {
    const page = { title: 'Template:T', file: 'T.wiki', text: 'head<noinclude>doc</noinclude><includeonly>A{{{1|one}}}B{{{x|{{{y|why}}}}}}C{{{z}}}</includeonly>' };
    expect(transcludedSource(page, new Map([['x', 'ex']])).wikitext).toBe('headAoneBexC{{{z}}}');
    expect(transcludedSource(page, new Map()).wikitext).toBe('headAoneBwhyC{{{z}}}');
    const only = { ...page, text: 'out<onlyinclude>in1</onlyinclude>out<onlyinclude>in2</onlyinclude>' };
    expect(transcludedSource(only, new Map()).wikitext).toBe('in1in2');
    // Positions point into the page's own text.
    const s = transcludedSource(page, new Map());
    expect(s.locator.span(4, 5).start.offset).toBe('head<noinclude>doc</noinclude><includeonly>'.length);
  });
});
