import { describe, expect, it } from 'vitest';
import { splitDataRow } from '../../src/read/data-table.js';

describe('splitDataRow', () => {
  it('should split pipe-delimited rows and trim cells', () => {
    expect(splitDataRow('| Ancash | Sport Áncash | Ancash |', 'table', 3)).toEqual({ cells: ['Ancash', 'Sport Áncash', 'Ancash'] });
  });

  it('should split csv rows on commas', () => {
    expect(splitDataRow('a, b ,c', 'csv', 3).cells).toEqual(['a', 'b', 'c']);
  });

  it('should split a separator-less row where lower case meets upper case', () => {
    expect(splitDataRow('Segunda DivisiónOlímpico Somos PeruLima', 'table', 3)).toEqual({
      cells: ['Segunda División', 'Olímpico Somos Peru', 'Lima'],
      recovered: 'split-by-case',
    });
  });

  it('should say a row one cell short may have lost a rowspan', () => {
    expect(splitDataRow('Higos UrcoAmazonas', 'table', 3)).toEqual({ cells: ['Higos Urco', 'Amazonas'], recovered: 'filled-down' });
  });

  it('should mark a split of an all-capitals name as a guess', () => {
    expect(splitDataRow('UTCCajamarca', 'table', 3)).toEqual({ cells: ['UTC', 'Cajamarca'], recovered: 'guessed' });
  });

  it('should split by known keys when they are given', () => {
    expect(splitDataRow('season2004', 'table', 2, ['season']).cells).toEqual(['season', '2004']);
    expect(splitDataRow('biggest home win', 'table', 2, ['biggest home win']).cells).toEqual(['biggest home win', '']);
  });

  it('should keep a row it cannot split whole', () => {
    expect(splitDataRow('abcdef', 'table', 3)).toEqual({ cells: ['abcdef'], recovered: 'unsplit' });
  });
});
