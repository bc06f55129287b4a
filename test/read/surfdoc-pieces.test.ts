import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdownBlocks } from '../../src/read/markdown.js';
import { readMarkdownInPieces } from '../../src/read/surfdoc-pieces.js';
import { ROOT } from '../helpers.js';

describe('SurfDoc Markdown in pieces', () => {
  it("should find the same blocks as one parse in the seed, whose paragraphs are shorter than a piece", () => {
    const seed = readFileSync(path.join(ROOT, 'samples', '2004-copa-peru.surf'), 'utf8');
    expect(readMarkdownInPieces(seed)).toEqual(readMarkdownBlocks(seed));
  });

  it('should cut after blank lines and keep the blocks of one parse', () => {
    const text = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? `## Heading ${i}` : `Paragraph ${i} with some words.`)).join('\n\n');
    expect(readMarkdownInPieces(text, 100)).toEqual(readMarkdownBlocks(text));
  });

  it('should join a paragraph longer than a piece back into one block', () => {
    const text = `Intro\n\n${Array.from({ length: 30 }, (_, i) => `|key${i}=value ${i}`).join('')}\n\nOutro\n`;
    expect(readMarkdownInPieces(text, 64)).toEqual(readMarkdownBlocks(text));
  });

  it('should not cut inside a code fence at its blank lines', () => {
    const text = `Before\n\n\`\`\`\n${'code\n\n'.repeat(20)}\`\`\`\n\nAfter\n`;
    expect(readMarkdownInPieces(text, 200)).toEqual(readMarkdownBlocks(text));
  });
});
