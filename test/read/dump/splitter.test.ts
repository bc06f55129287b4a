import { describe, expect, it } from 'vitest';
import { PageSplitter, type SplitEvent } from '../../../src/read/dump/splitter.js';

function split(text: string, chunk: number): SplitEvent[] {
  const splitter = new PageSplitter();
  const bytes = Buffer.from(text);
  const events: SplitEvent[] = [];
  for (let i = 0; i < bytes.length; i += chunk) events.push(...splitter.push(bytes.subarray(i, i + chunk)));
  return [...events, ...splitter.end()];
}

const pages = (events: SplitEvent[]): string[] => events.flatMap((e) => (e.kind === 'page' ? [e.bytes.toString('utf8', e.start, e.end)] : []));

describe('PageSplitter', () => {
  it('should find each page whatever the chunk size, with its offset', () => {
    const text = '<mediawiki>\n<page>a</page>\n<pages>no</pages><page>b<!-- </page> --></page>\n</mediawiki>';
    for (let size = 1; size <= text.length; size++) {
      const events = split(text, size);
      expect(pages(events)).toEqual(['<page>a</page>', '<page>b<!-- </page> --></page>']);
      expect(events.filter((e) => e.kind === 'page').map((e) => (e.kind === 'page' ? e.offset : -1))).toEqual([12, 44]);
    }
  });

  it('should give the prolog once, before the first page', () => {
    const events = split('<mediawiki><siteinfo>x</siteinfo>\n<page>a</page></mediawiki>', 4);
    expect(events.map((e) => e.kind)).toEqual(['header', 'page', 'end']);
    expect(events[0]).toMatchObject({ kind: 'header', bytes: Buffer.from('<mediawiki><siteinfo>x</siteinfo>\n') });
    expect(events.at(-1)).toMatchObject({ rootOpened: true, rootClosed: true });
  });

  it('should cut the page being read where bytes are missing, and go on at the next page', () => {
    const splitter = new PageSplitter();
    const damage = { code: 'read/damaged-bz2' as const, message: 'm', offset: 9 };
    const events = [...splitter.push(Buffer.from('<page>abc')), ...splitter.damage(damage), ...splitter.push(Buffer.from('lost</page> debris <page>d</page>')), ...splitter.end()];
    expect(events.map((e) => e.kind)).toEqual(['header', 'cut', 'page', 'end']);
    expect(events[1]).toMatchObject({ why: 'damage', head: Buffer.from('<page>abc'), damage });
  });
});
