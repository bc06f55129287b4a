import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/index.js';
import type { ArticleRecord } from '../../src/types/index.js';
import { ROOT } from '../helpers.js';

// The samples' wikitext articles (and their template page) as one dump, against the same files
// given one by one: every article gives the same records and findings. Only where the text came
// from differs (the dump and the page, or the file), so those fields are set aside. The bad-*
// samples are files that cannot be read as text (NUL bytes, Latin-1, empty): a file-level matter.
const ARTICLES = readdirSync(path.join(ROOT, 'samples'))
  .filter((f) => /\.(wiki|wikitext)$/.test(f) && !f.startsWith('bad-'))
  .map((f) => path.join(ROOT, 'samples', f));

/** An envelope without the fields that say which input it came from. */
function comparable(a: ArticleRecord): unknown {
  return JSON.parse(JSON.stringify(a), (key, value: unknown) => (key === 'file' || key === 'page' || key === 'source' ? undefined : value));
}

describe('a dump of the samples', () => {
  it('should give, page by page, the records and findings extract gives for the same articles as files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-dump-files-'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', dir, '--name', 'samples', '--articles', ...ARTICLES]);
    // Without the dump's redirects, as files have none: a team's two link titles are then told alike.
    const fromDump = await run({ inputs: [path.join(dir, 'samples.xml.bz2')], jobs: 0, namespaces: [0, 10], scope: 'all', redirects: false });
    const fromFiles = await run({ inputs: ARTICLES, jobs: 0 });
    const dumped = new Map((fromDump.inputs[0]?.articles ?? []).map((a) => [a.source.title, a]));
    const files = fromFiles.inputs.flatMap((i) => i.articles);
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(dumped.size).toBe(files.length);
    for (const a of files) {
      const b = dumped.get(a.source.title);
      expect(b, a.source.title).toBeDefined();
      expect(comparable(b as ArticleRecord), a.source.title).toEqual(comparable(a));
    }
  }, 120_000);
});
