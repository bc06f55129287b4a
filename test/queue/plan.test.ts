import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextKey } from '../../src/run/queue/part.js';
import { planRun } from '../../src/run/queue/plan.js';
import { queueTuning, redisConnection } from '../../src/run/queue/settings.js';
import { ROOT } from '../helpers.js';

/** A small multistream dump (the samples, 10 pages a stream) and its index. */
function smallDump(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-plan-'));
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'small', '--multistream', '--pages-per-stream', '10', '--articles', path.join(ROOT, 'samples')]);
  return path.join(dir, 'small-multistream.xml.bz2');
}

describe('queue plan', () => {
  it('should derive the same ids for the same run, and new ones when an input changes', async () => {
    const dump = smallDump();
    const tuning = { ...queueTuning({}), jobBytes: 1 };
    const options = { inputs: [dump], outDir: path.join(path.dirname(dump), 'out') };
    const first = (await planRun(options, tuning)).plan;
    const again = (await planRun(options, tuning)).plan;
    expect(first.jobs.length).toBeGreaterThan(2);
    expect(again.jobs.map((j) => j.id)).toEqual(first.jobs.map((j) => j.id));
    expect(new Set(first.jobs.map((j) => j.id)).size).toBe(first.jobs.length);
    expect(first.jobs[0]?.part).toBe(`small-multistream.xml.bz2-${first.jobs[0]?.range.start}-${first.jobs[0]?.range.end}`);
    utimesSync(dump, new Date(), new Date(Date.now() + 5000));
    const touched = (await planRun(options, tuning)).plan;
    expect(touched.run).not.toBe(first.run);
    expect(touched.jobs.map((j) => j.id).filter((id) => first.jobs.some((j) => j.id === id))).toEqual([]);
    const other = (await planRun({ ...options, spans: false }, tuning)).plan;
    expect(other.run).not.toBe(touched.run);
    // The merge reads articles again with a redirect map: a run with one, or with --no-redirects, is another run.
    const map = path.join(path.dirname(dump), 'redirects.tsv');
    writeFileSync(map, 'A\tB\n');
    const mapped = (await planRun({ ...options, redirectMap: map }, tuning)).plan;
    const without = (await planRun({ ...options, redirects: false }, tuning)).plan;
    expect(new Set([touched.run, mapped.run, without.run]).size).toBe(3);
  });

  it('should refuse standard input and one file per article', async () => {
    await expect(planRun({ inputs: ['-'], outDir: 'out' }, queueTuning({}))).rejects.toThrow(/standard input/);
    await expect(planRun({ inputs: ['samples'], outDir: 'out', layout: 'files' }, queueTuning({}))).rejects.toThrow(/--layout files/);
  });

  it('should read a Redis URL with user, password, database and TLS, and refuse anything else', () => {
    expect(redisConnection('redis://127.0.0.1:6380')).toMatchObject({ host: '127.0.0.1', port: 6380, maxRetriesPerRequest: null });
    expect(redisConnection('rediss://me:s%40cret@redis.example:6390/2')).toMatchObject({ host: 'redis.example', port: 6390, username: 'me', password: 's@cret', db: 2, tls: {} });
    expect(redisConnection('redis://localhost').port).toBe(6379);
    expect(() => redisConnection('http://localhost:6379')).toThrow(/redis:\/\//);
    expect(() => redisConnection('localhost:6379')).toThrow(/redis/);
  });

  it('should take the queue numbers from the environment, and keep the defaults for nonsense', () => {
    const t = queueTuning({ WIKITALLY_QUEUE_JOB_BYTES: '1000', WIKITALLY_QUEUE_LOCK_MS: 'soon' });
    expect(t.jobBytes).toBe(1000);
    expect(t.lockMs).toBe(queueTuning({}).lockMs);
  });

  it('should key a task by all it carries but its article, so the merge reuses an answer only for the same task', () => {
    const page = { title: 'A', ns: 0, text: '{{X table}}' };
    const template = { title: 'Template:X table', file: 'd.xml', page: 'Template:X table', text: '{{Sports table}}' };
    const base = { kind: 'page' as const, file: 'd.xml', page, style: { compact: true, spans: true } };
    expect(contextKey({ ...base, page: { ...page, text: 'other' } })).toBe(contextKey(base));
    expect(contextKey({ ...base, templates: [template] })).not.toBe(contextKey(base));
    expect(contextKey({ ...base, templates: [{ ...template, text: 'changed' }] })).not.toBe(contextKey({ ...base, templates: [template] }));
    expect(contextKey({ ...base, style: { compact: true, spans: false } })).not.toBe(contextKey(base));
    // A map a task may carry one day (redirects) counts by its entries.
    const withMap = (m: Map<string, string>) => contextKey({ ...base, redirects: m } as typeof base);
    expect(withMap(new Map([['a', 'b']]))).not.toBe(withMap(new Map()));
  });
});
