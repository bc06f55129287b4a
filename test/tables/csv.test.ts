import { describe, expect, it } from 'vitest';
import { csvField, csvHeader, csvLine } from '../../src/tables/csv.js';

describe('CSV (RFC 4180)', () => {
  it('should quote a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('José Gálvez')).toBe('José Gálvez');
  });

  it('should write a missing value as an empty field and an empty string as ""', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
  });

  it('should write numbers and booleans as they are and lists as their JSON text', () => {
    expect(csvField(-30)).toBe('-30');
    expect(csvField(true)).toBe('true');
    expect(csvField(['Regional Stage', 'Region II'])).toBe('"[""Regional Stage"",""Region II""]"');
  });

  it('should end every line, header included, with CRLF', () => {
    const columns = [
      { name: 'a', type: 'string' as const },
      { name: 'b', type: 'integer' as const },
    ];
    expect(csvHeader(columns)).toBe('a,b\r\n');
    expect(csvLine(columns, { a: 'x', b: null })).toBe('x,\r\n');
  });
});
