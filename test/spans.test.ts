import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDump } from '../src/read/dump/pages.js';
import { emptyCounts } from '../src/read/dump/types.js';
import { ROOT, outArticles } from './helpers.js';

/** The text positions refer to: the input file, or for a dump page the page's wikitext. */
async function textOf(file: string, page: string | undefined): Promise<string> {
  if (page === undefined) return readFileSync(path.join(ROOT, file), 'utf8');
  for await (const item of readDump(path.join(ROOT, file), { namespaces: 'all' }, emptyCounts())) if ('text' in item && item.title === page) return item.text;
  throw new Error(`no page ${page} in ${file}`);
}

interface Spanned {
  raw: string;
  span: { start: { line: number; column: number; offset: number }; end: { offset: number } };
}

/** Every object with `raw` and `span`: parameter values, figures and cells. */
function collect(value: unknown, into: Spanned[]): Spanned[] {
  if (Array.isArray(value)) for (const v of value) collect(v, into);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.raw === 'string' && typeof o.span === 'object') into.push(o as unknown as Spanned);
    for (const v of Object.values(o)) collect(v, into);
  }
  return into;
}

describe('spans', () => {
  for (const { name, article: value } of outArticles()) {
    it(`should point each raw value of out/${name} at its text in the input`, async () => {
      const article = value as { source: { file: string; title: string; pageId?: string } };
      const text = await textOf(article.source.file, article.source.pageId === undefined ? undefined : article.source.title);
      const lines = text.split('\n');
      for (const s of collect(article, [])) {
        expect(text.slice(s.span.start.offset, s.span.end.offset)).toBe(s.raw);
        const line = lines[s.span.start.line - 1] ?? '';
        expect(line.slice(s.span.start.column - 1).startsWith(s.raw.split('\n')[0] ?? '')).toBe(true);
      }
    });
  }
});
