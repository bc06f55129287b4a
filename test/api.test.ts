import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('library API', () => {
  it('should export exactly these names (changing the public API is a deliberate edit)', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'CODES',
        'DIAGNOSTIC_CODES',
        'checkRecords',
        'extract',
        'extractRecords',
        'formatDiagnostic',
        'formatOf',
        'loadInput',
        'parseSource',
        'processDumpPage',
        'processInput',
        'readInputs',
        'readSource',
        'readDump',
        'run',
        'toJson',
        'validateArticle',
        'validateRecords',
        'serialiseArticle',
      ].sort(),
    );
  });

  it('should extract a standings table from text', () => {
    const article = api.extract('{{#invoke:Sports table|main|style=WDL|team1=AAA|name_AAA=Alpha|win_AAA=1}}');
    expect(article.standings[0]?.teams[0]?.wins?.value).toBe(1);
    expect(article.source.file).toBe('input.wiki');
  });
});
