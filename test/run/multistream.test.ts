import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/index.js';
import { ROOT } from '../helpers.js';

/** The samples' articles and the ltgwiki pages as a plain dump and as a multistream dump with its index. */
function makeDumps(): { plain: string; multi: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-multistream-'));
  execFileSync(process.execPath, [
    path.join(ROOT, 'scripts', 'make-dump.mjs'),
    '--out', dir, '--name', 'mixed', '--multistream', '--pages-per-stream', '25',
    '--articles', path.join(ROOT, 'samples'),
    '--filler', path.join(ROOT, 'test', 'fixtures', 'dumps', 'ltgwiki-smallwiki-pages-articles.xml.bz2'),
  ]);
  return { plain: path.join(dir, 'mixed.xml.bz2'), multi: path.join(dir, 'mixed-multistream.xml.bz2') };
}

function outputs(dir: string): Record<string, string> {
  const folder = path.join(dir, readdirSync(dir).find((f) => f !== 'manifest.json') ?? '');
  return Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));
}

describe('multistream dumps', () => {
  it('should read a multistream dump as ranges decoded in parallel, with the bytes of its plain form', async () => {
    const { plain, multi } = makeDumps();
    const a = mkdtempSync(path.join(tmpdir(), 'wikitally-plain-'));
    const b = mkdtempSync(path.join(tmpdir(), 'wikitally-multi-'));
    await run({ inputs: [plain], outDir: a, jobs: 0, collect: false });
    // Ranges of about one stream each, so several decoders run at once.
    await run({ inputs: [multi], outDir: b, jobs: 0, collect: false, groupBytes: 1 });
    const [x, y] = [outputs(a), outputs(b)];
    expect(Object.keys(y)).toEqual(['articles.jsonl', 'diagnostics.jsonl', 'summary.json', 'timing.json']);
    // Wall time and rates apart from the summary, which stays the same bytes whatever the run.
    const [tx, ty] = [JSON.parse(x['timing.json'] ?? '{}'), JSON.parse(y['timing.json'] ?? '{}')] as { pages: number; xmlMB: number; wallSeconds: number; xmlMBPerSecond: number; resumed: boolean }[];
    expect(ty?.pages).toBe(tx?.pages);
    expect(tx?.wallSeconds).toBeGreaterThan(0);
    expect(tx?.xmlMBPerSecond).toBeGreaterThan(0);
    expect(ty?.xmlMB).toBeGreaterThan((tx?.xmlMB ?? 0) * 0.8);
    expect(ty?.xmlMB).toBeLessThanOrEqual(tx?.xmlMB ?? 0);
    expect(tx?.resumed).toBe(false);
    expect(y['articles.jsonl']?.replaceAll('mixed-multistream.xml.bz2', 'mixed.xml.bz2')).toBe(x['articles.jsonl']);
    expect(y['summary.json']?.replaceAll('mixed-multistream.xml.bz2', 'mixed.xml.bz2')).toBe(x['summary.json']);
    const summary = JSON.parse(x['summary.json'] ?? '{}') as { pages: { pages: number; inScope: number } };
    expect(summary.pages.pages).toBeGreaterThan(2000);
    expect(summary.pages.inScope).toBeGreaterThan(15);
  }, 180_000);
});
