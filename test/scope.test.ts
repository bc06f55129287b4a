import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCOPE_TRIGGER } from '../src/extract/template-names.js';
import { processDumpPage } from '../src/pipeline.js';
import { readDump } from '../src/read/dump/pages.js';
import { emptyCounts } from '../src/read/dump/types.js';
import type { ArticleRecord } from '../src/types/index.js';
import { ROOT } from './helpers.js';

/** What the pre-filter promises to keep: a page the full path extracts a football record from. */
function hasRecords(a: ArticleRecord): boolean {
  return a.standings.length + a.matchGrids.length + a.brackets.length + a.ties.length + a.matches.length + a.infoboxes.length > 0;
}

const prefilter = (text: Buffer): boolean => SCOPE_TRIGGER.test(text.toString('latin1'));

/** Every dump in the repository (samples and test fixtures), and the corpus ones when present. */
function dumps(): string[] {
  const dirs = [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'dumps'), path.join(ROOT, '..', 'shared', 'corpus', 'dumps')];
  return dirs.flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((f) => /\.xml(\.bz2)?$/.test(f))
        .map((f) => path.join(d, f));
    } catch {
      return [];
    }
  });
}

/** Article samples, as wikitext. */
function articles(): [string, string][] {
  return readdirSync(path.join(ROOT, 'samples'))
    .filter((f) => /\.(wiki|wikitext)$/.test(f) && !f.startsWith('bad-'))
    .map((f) => [f, readFileSync(path.join(ROOT, 'samples', f), 'utf8')]);
}

/** Rewrites every call of a template we read with another spelling of its name, as editors write them. */
function respell(text: string, style: number): string {
  const spell = (name: string): string => {
    const words = name.trim().split(/[\s_]+/);
    switch (style) {
      case 0:
        return words.join('_');
      case 1:
        return words.map((w) => w.toUpperCase()).join(' ');
      case 2:
        return `Template:${words.join(' ').toLowerCase()}`;
      default:
        return ` ${words.join('  ')} `;
    }
  };
  return text
    .replace(/\{\{(\s*#invoke\s*:)([^|}]+)/gi, (_, head: string, module: string) => `{{${head}${style === 2 ? `Module:${module.trim()}` : spell(module)}`)
    .replace(/\{\{(?!\s*#)([^|}\n]+)/g, (whole, name: string) => (/football|fb |bracket|two ?leg|infobox/i.test(name) ? `{{${spell(name)}` : whole));
}

describe('the dump pre-filter', () => {
  it('should keep every dump page the full path extracts a football record from', async () => {
    let pages = 0;
    let kept = 0;
    for (const file of dumps()) {
      const all: { title: string; text: string }[] = [];
      for await (const item of readDump(file, { namespaces: 'all' }, emptyCounts())) if ('text' in item) all.push(item);
      const passed = new Set<string>();
      for await (const item of readDump(file, { namespaces: 'all', prefilter }, emptyCounts())) if ('text' in item) passed.add(item.title);
      for (const page of all) {
        pages += 1;
        if (!hasRecords(processDumpPage(file, page))) continue;
        kept += 1;
        expect(passed.has(page.title), `${path.basename(file)} [${page.title}]`).toBe(true);
      }
    }
    expect(pages).toBeGreaterThan(2000);
    expect(kept).toBeGreaterThan(0);
  });

  it('should keep every sample, and every sample with its template names spelled otherwise', () => {
    for (const [name, text] of articles()) {
      const article = processDumpPage(name, { title: name, text });
      if (!hasRecords(article)) continue;
      expect(prefilter(Buffer.from(text)), name).toBe(true);
      for (let style = 0; style < 4; style++) {
        const variant = respell(text, style);
        const again = processDumpPage(name, { title: name, text: variant });
        expect([name, style, hasRecords(again)]).toEqual([name, style, true]);
        expect([name, style, prefilter(Buffer.from(variant))]).toEqual([name, style, true]);
      }
    }
  });

  it('should keep the names editors use for the same templates (redirects)', () => {
    for (const call of ['{{Footballbox|team1=A}}', '{{footballbox collapsible}}', '{{Fb box}}', '{{TwoLegResult|A||1-0|B}}', '{{Fb cl2 team 2pts}}', '{{4TeamBracket}}', '{{#invoke:Sports rbr table|table}}']) {
      expect(prefilter(Buffer.from(call)), call).toBe(true);
    }
  });

  it('should leave out pages whose templates are not football records (biographies, clubs)', () => {
    for (const call of ['{{Infobox football biography|name=X}}', '{{Infobox football club|name=X}}', '{{Infobox settlement}}', '{{Football kit}}', '[[Football box]]']) {
      expect(prefilter(Buffer.from(call)), call).toBe(false);
    }
  });
});
