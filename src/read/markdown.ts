/**
 * The one door to unified/remark-parse: top-level Markdown blocks of a text, with file offsets.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A top-level Markdown block. */
export interface MarkdownBlock {
  type: string;
  /** Heading depth (1–6) for headings. */
  depth?: number;
  start: number;
  end: number;
}

const processor = unified().use(remarkParse);

/**
 * Lists the top-level blocks of a Markdown text.
 * @param text Markdown, with SurfDoc blocks already blanked out (same length as the file)
 * @returns blocks in document order, offsets into `text`
 */
export function readMarkdownBlocks(text: string): MarkdownBlock[] {
  const root = processor.parse(text);
  const blocks: MarkdownBlock[] = [];
  for (const node of root.children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    blocks.push({ type: node.type, ...(node.type === 'heading' ? { depth: node.depth } : {}), start, end });
  }
  return blocks;
}
