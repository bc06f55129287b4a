import { describe, expect, it } from 'vitest';
import { asParserReads, Locator, OffsetMap } from '../../src/parse/position.js';

describe('asParserReads', () => {
  it('should leave out NUL, DEL and the CR of a CRLF, and point past them into the file', () => {
    const file = 'a\r\nb\u007fc\r\nd';
    const { wikitext, map } = asParserReads(file, OffsetMap.identity(file.length));
    expect(wikitext).toBe('a\nbc\nd');
    const locator = new Locator(file, map);
    for (const [from, to] of [[0, 1], [2, 3], [3, 4], [2, 5], [5, 6]] as const) {
      const span = locator.span(from, to);
      expect(file.slice(span.start.offset, span.end.offset).replace(/[\r\u007f]/g, '')).toBe(wikitext.slice(from, to));
    }
    // A range that ends before a left-out character does not take it in.
    expect(locator.span(0, 1).end.offset).toBe(1);
    expect(locator.span(2, 4).end.offset).toBe(6);
  });

  it('should read a lone CR as a line feed and U+2028 and U+2029 as spaces, moving no offset', () => {
    const file = '\r== a ==\u2028b\u2029';
    const { wikitext, map, moved } = asParserReads(file, OffsetMap.identity(file.length));
    expect(wikitext).toBe('\n== a == b ');
    expect(new Locator(file, map).span(1, 8)).toMatchObject({ start: { offset: 1 }, end: { offset: 8 } });
    expect(moved(5)).toBe(5);
  });

  it('should keep a virtual document with inserted text mapped, and move its offsets past what it leaves out', () => {
    const file = 'x\r\ny';
    const map = new OffsetMap();
    map.insert(2); // '{{'
    map.copy(0, 4);
    map.insert(2); // '}}'
    const { wikitext, map: read, moved } = asParserReads(`{{${file}}}`, map);
    expect(wikitext).toBe('{{x\ny}}');
    const locator = new Locator(file, read);
    expect(locator.span(2, 5)).toMatchObject({ start: { offset: 0 }, end: { offset: 4 } });
    expect(locator.span(0, 2).start.offset).toBe(0);
    expect(moved(6)).toBe(5);
  });

  it('should give the same text and map back when there is nothing to leave out', () => {
    const map = OffsetMap.identity(3);
    expect(asParserReads('abc', map)).toMatchObject({ wikitext: 'abc', map });
  });
});
