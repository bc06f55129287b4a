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

/** Where spans point: the article's file (or dump page), or the page a record was transcluded from. */
interface Where {
  file: string;
  page: string | undefined;
}

/** Every object with `raw` and `span` (parameter values, figures and cells), with the text its span is in. */
function collect(value: unknown, where: Where, into: [Where, Spanned][]): [Where, Spanned][] {
  if (Array.isArray(value)) for (const v of value) collect(v, where, into);
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const origin = o.origin as { file: string; page?: string } | undefined;
    const here = origin === undefined ? where : { file: origin.file, page: origin.page };
    if (typeof o.raw === 'string' && typeof o.span === 'object') into.push([here, o as unknown as Spanned]);
    for (const [k, v] of Object.entries(o)) if (k !== 'origin') collect(v, here, into);
  }
  return into;
}

describe('spans', () => {
  for (const { name, article: value } of outArticles()) {
    it(`should point each raw value of out/${name} at its text in the input`, async () => {
      const article = value as { source: { file: string; title: string; pageId?: string } };
      const texts = new Map<string, { text: string; lines: string[] }>();
      const own = { file: article.source.file, page: article.source.pageId === undefined ? undefined : article.source.title };
      for (const [where, s] of collect(article, own, [])) {
        const key = `${where.file}|${where.page ?? ''}`;
        let known = texts.get(key);
        if (known === undefined) {
          const text = await textOf(where.file, where.page);
          known = { text, lines: text.split('\n') };
          texts.set(key, known);
        }
        const { text, lines } = known;
        expect(text.slice(s.span.start.offset, s.span.end.offset)).toBe(s.raw);
        const line = lines[s.span.start.line - 1] ?? '';
        expect(line.slice(s.span.start.column - 1).startsWith(s.raw.split('\n')[0] ?? '')).toBe(true);
      }
    });
  }
});
