import { describe, expect, it } from 'vitest';
import { formatOf } from '../../src/read/index.js';

describe('formatOf', () => {
  it('should go by the extension when it says', () => {
    expect(formatOf('a.wiki', '::data[x]')).toBe('wikitext');
    expect(formatOf('a.surf', '{{x}}')).toBe('surfdoc');
    expect(formatOf('seed.surf.txt', '')).toBe('surfdoc');
  });

  it('should sniff a .txt file or standard input', () => {
    expect(formatOf('a.txt', 'title: "X" type: doc\n\n::data[format=table]\n| a |\n::\n')).toBe('surfdoc');
    expect(formatOf('a.txt', '== Table ==\n{{#invoke:Sports table|main}}')).toBe('wikitext');
    expect(formatOf('-', 'plain prose')).toBe('wikitext');
  });
});
