import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { makeDump, sleep, stop, TestRedis, tree, until, wikitally, worker, writtenParts, type Proc } from './helpers.js';

// A real redis-server (Debian's package), real processes: 1 coordinator and up to 3 workers of
// `node dist/cli.js`, on a multistream dump of the samples and two corpus dumps cut into 8 jobs.
let redis: TestRedis;
let dump: string;
/** The output of `wikitally extract <dump>` on one machine: what every queue run must give. */
let local: Record<string, string>;
const procs: Proc[] = [];

const out = (name: string): string => mkdtempSync(path.join(tmpdir(), `wikitally-queue-${name}-`));
const coordinator = (inputs: string[], dir: string): Proc => {
  const p = wikitally(['extract', ...inputs, '--out', dir, '--jobs', '1', '--no-progress', '--queue', redis.url]);
  procs.push(p);
  return p;
};
const workers = (n: number): Proc[] => {
  const started = Array.from({ length: n }, () => worker(redis));
  procs.push(...started);
  return started;
};
/** The parts in place (a part is in place once its job.json is: the folder is renamed whole). */
const parts = (dir: string): string[] =>
  existsSync(path.join(dir, 'parts')) ? readdirSync(path.join(dir, 'parts')).filter((name) => !name.startsWith('.') && existsSync(path.join(dir, 'parts', name, 'job.json'))) : [];

beforeAll(async () => {
  redis = await TestRedis.start();
  dump = makeDump();
  const dir = out('local');
  const run = wikitally(['extract', dump, '--out', dir, '--jobs', '1', '--no-progress']);
  expect(await run.exited).toBe(0);
  local = tree(dir);
}, 120_000);

afterAll(async () => {
  await stop(procs);
  await redis?.kill();
});

describe('extract --queue', () => {
  it('should give the bytes of a run on one machine with 1 coordinator and 3 workers, and do nothing when run again', async () => {
    const dir = out('three');
    const run = coordinator([dump], dir);
    const started = workers(3);
    expect(await run.exited).toBe(0);
    await stop(started);
    expect(tree(dir)).toEqual(local);
    expect(Object.keys(local)).toEqual(['manifest.json', 'mixed-multistream.xml.bz2/articles.jsonl', 'mixed-multistream.xml.bz2/diagnostics.jsonl', 'mixed-multistream.xml.bz2/summary.json']);
    // Several jobs, each part written once, and articles that call a template page of another part read again by the merge.
    expect(parts(dir).length).toBeGreaterThanOrEqual(6);
    expect([...writtenParts(started.map((w) => w.stderr())).values()].every((n) => n === 1)).toBe(true);
    expect(writtenParts(started.map((w) => w.stderr())).size).toBe(parts(dir).length);
    // Only those: every other article is taken as its worker read it (same template pages, same redirect knowledge).
    const merged = /: (\d+) articles as the workers read them, (\d+) read again here/.exec(run.stderr());
    expect([Number(merged?.[1]), Number(merged?.[2])]).toEqual([36, 1]);

    // Run again: nothing to do, nothing changed (not even a file's time).
    const before = Object.fromEntries(Object.keys(tree(dir, '')).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));
    const again = coordinator([dump], dir);
    expect(await again.exited).toBe(0);
    expect(again.stderr()).toContain('nothing to do');
    expect(Object.fromEntries(Object.keys(tree(dir, '')).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]))).toEqual(before);
  }, 90_000);

  it('should give a job to another worker when its worker is killed with SIGKILL, and write its part once', async () => {
    const dir = out('kill');
    const run = coordinator([dump], dir);
    const [doomed] = workers(1) as [Proc];
    await until('the first job', () => doomed.stderr().includes(': job '));
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const job = /: job (\S+):/.exec(doomed.stderr())?.[1] ?? '';
    expect(doomed.stderr()).not.toContain('wrote part');
    const others = workers(2);
    expect(await run.exited).toBe(0);
    await stop(others);
    expect(tree(dir)).toEqual(local);
    // The killed worker's job was done by another worker, once; nothing of the killed one is left.
    const written = parts(dir).map((p) => JSON.parse(readFileSync(path.join(dir, 'parts', p, 'job.json'), 'utf8')) as { job: string; worker: string });
    expect(written.find((w) => w.job === job)?.worker).not.toContain(`:${doomed.child.pid}`);
    expect([...writtenParts(others.map((w) => w.stderr())).values()].every((n) => n === 1)).toBe(true);
    expect(readdirSync(path.join(dir, 'parts')).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  }, 90_000);

  it('should finish when Redis is restarted mid-run: workers and coordinator reconnect', async () => {
    const dir = out('restart');
    const run = coordinator([dump], dir);
    const started = workers(2);
    await until('two parts', () => parts(dir).length >= 2);
    await redis.kill();
    const before = parts(dir).length;
    await sleep(1000);
    await redis.restart();
    expect(await run.exited).toBe(0);
    await stop(started);
    expect(tree(dir)).toEqual(local);
    expect(before).toBeLessThan(parts(dir).length);
    expect([...writtenParts(started.map((w) => w.stderr())).values()].every((n) => n === 1)).toBe(true);
    expect(started.map((w) => w.stderr()).join('')).toContain('again');
  }, 90_000);

  it('should run article files as jobs, with the template page an earlier dump holds, as a run on one machine does', async () => {
    // The dump holds the table page; the article file after it calls it: its worker cannot know it, the merge reads it again.
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-queue-articles-'));
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'transclusion');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'tables', '--articles', path.join(fixtures, 'Template-2099_Test_League_table.wiki')]);
    cpSync(path.join(fixtures, '2099_Test_League.wiki'), path.join(dir, '2099_Test_League.wiki'));
    const inputs = [path.join(dir, 'tables.xml.bz2'), path.join(dir, '2099_Test_League.wiki'), path.join(ROOT, 'samples', '2019-20_Bundesliga.wikitext')];
    const alone = out('articles-local');
    expect(await wikitally(['extract', ...inputs, '--out', alone, '--jobs', '1', '--no-progress']).exited).toBe(0);
    const dirQ = out('articles');
    const run = coordinator(inputs, dirQ);
    const started = workers(2);
    expect(await run.exited).toBe(0);
    await stop(started);
    expect(tree(dirQ)).toEqual(tree(alone));
    expect(parts(dirQ)).toHaveLength(3);
    expect(run.stderr()).toContain('1 read again here');
    expect(tree(dirQ)['2099_Test_League.wiki/2099_Test_League.json']).toContain('check/goals-for-mismatch');
  }, 60_000);

  it("should join a team's two links by a redirect that another job read, as a run on one machine does", async () => {
    // 2005–06 Serie A links [[Ascoli Picchio FC 1898]], which redirects to [[Ascoli Calcio 1898 FC]]; the redirect is the dump's last page.
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-queue-redirects-'));
    const redirects = path.join(dir, 'redirects.xml');
    writeFileSync(
      redirects,
      '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">\n  <siteinfo>\n    <sitename>Test</sitename>\n    <namespaces>\n      <namespace key="0" case="first-letter" />\n    </namespaces>\n  </siteinfo>\n' +
        '  <page>\n    <title>Ascoli Picchio FC 1898</title>\n    <ns>0</ns>\n    <id>900001</id>\n    <redirect title="Ascoli Calcio 1898 FC" />\n    <revision>\n      <id>900002</id>\n      <text bytes="35" xml:space="preserve">#REDIRECT [[Ascoli Calcio 1898 FC]]</text>\n    </revision>\n  </page>\n</mediawiki>\n',
    );
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'dumps');
    execFileSync(process.execPath, [
      path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'serie-a', '--multistream', '--pages-per-stream', '50',
      '--articles', path.join(ROOT, 'samples', '2005-06_Serie_A.wikitext'),
      '--filler', path.join(fixtures, 'ltgwiki-smallwiki-pages-articles.xml.bz2'), redirects,
    ]);
    const input = path.join(dir, 'serie-a-multistream.xml.bz2');
    const alone = out('redirects-local');
    expect(await wikitally(['extract', input, '--out', alone, '--jobs', '1', '--no-progress']).exited).toBe(0);
    const found = tree(alone)['serie-a-multistream.xml.bz2/diagnostics.jsonl'] ?? '';
    expect(found).toContain('check/team-link-variant');
    expect(found).not.toContain('check/team-link-conflict');
    const dirQ = out('redirects');
    const run = coordinator([input], dirQ);
    const started = workers(2);
    expect(await run.exited).toBe(0);
    await stop(started);
    expect(tree(dirQ)).toEqual(tree(alone));
    // The article and the redirect were read by different jobs.
    const holding = (text: string): string[] => parts(dirQ).filter((p) => readFileSync(path.join(dirQ, 'parts', p, 'pages.jsonl'), 'utf8').includes(text));
    expect(holding('"redirect":["Ascoli Picchio FC 1898"')).toHaveLength(1);
    expect(holding('2005–06 Serie A')).toHaveLength(1);
    expect(holding('2005–06 Serie A')).not.toEqual(holding('"redirect":["Ascoli Picchio FC 1898"'));

    // --no-redirects with a map that joins no two of its links: the workers read the dump's article and the
    // article file knowing redirects, as a run on one machine does, so the merge takes every answer as it is.
    const map = path.join(dir, 'other.tsv');
    writeFileSync(map, 'Reggina 1914\tSomewhere else\n');
    const flags = ['--no-redirects', '--redirect-map', map];
    const mapped = [input, path.join(ROOT, 'samples', '2005-06_Serie_A.wikitext'), ...flags];
    const aloneMapped = out('redirects-map-local');
    expect(await wikitally(['extract', ...mapped, '--out', aloneMapped, '--jobs', '1', '--no-progress']).exited).toBe(0);
    expect(tree(aloneMapped)['serie-a-multistream.xml.bz2/diagnostics.jsonl']).toContain('"severity":"warning","message":"Unexpected links to [[Ascoli Calcio 1898 FC]] and [[Ascoli Picchio FC 1898]]');
    const dirMapped = out('redirects-map');
    const runMapped = coordinator(mapped, dirMapped);
    const more = workers(2);
    expect(await runMapped.exited).toBe(0);
    await stop(more);
    expect(tree(dirMapped)).toEqual(tree(aloneMapped));
    expect(runMapped.stderr()).toMatch(/: \d+ articles as the workers read them, 0 read again here/);
  }, 120_000);

  it('should report a job that fails three times and finish the rest with exit code 3', async () => {
    const dir = out('failed');
    const other = path.join(path.dirname(dump), 'tiny.xml.bz2');
    cpSync(path.join(path.dirname(dump), 'mixed.xml.bz2'), other);
    const run = coordinator([dump, other], dir);
    await until('the jobs to be queued', () => run.stderr().includes('waiting for workers'));
    // The second input changes after the run was planned: each attempt of its job fails.
    utimesSync(other, new Date(), new Date(Date.now() + 60_000));
    const started = workers(2);
    expect(await run.exited).toBe(3);
    await stop(started);
    expect(run.stderr()).toMatch(/job job-\S+ \(.*tiny\.xml\.bz2, bytes 0-\d+\) failed: Unexpected change of .* \(3 attempts\)/);
    // The rest is whole: the dump's folder is the one-machine run's.
    const merged = tree(dir);
    for (const [file, bytes] of Object.entries(local)) if (file !== 'manifest.json') expect(merged[file]).toBe(bytes);
    expect(merged['tiny.xml.bz2/diagnostics.jsonl']).toContain('Unexpected failure of queue job');
  }, 90_000);
});
