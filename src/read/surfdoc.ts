/**
 * SurfDoc reader: front matter, `::name[attrs]` … `::` blocks (our own scanner: remark-directive
 * misreads them), remark-parse for the Markdown between. Converted Wikipedia articles keep their
 * templates only as orphan `|key=value` runs; those are wrapped back into the template they
 * belong to, and the whole article becomes a virtual wikitext document whose offsets map back
 * into the .surf file. Headings that survive only as short paragraphs are recovered. The Markdown
 * goes to remark-parse in bounded pieces (surfdoc-pieces.ts), parameters are found by
 * surfdoc-params.ts, both in linear time.
 * Emits: read/unclosed-block, read/recovered-template, read/truncated-fragment, read/lost-structure,
 * read/unsplit-row, read/filled-down.
 */
import { Locator, OffsetMap, asParserReads } from '../parse/position.js';
import type { Source, StageContext, TableRecord } from '../types/index.js';
import { readDataTable, type Block } from './data-table.js';
import { readMarkdownInPieces } from './surfdoc-pieces.js';
import { headingLevel } from './heading-words.js';
import { cutAtUnclosed, firstParam, scanParams, templateFor } from './surfdoc-params.js';


interface Bag {
  start: number;
  end: number;
  keys: string[];
}

type Piece =
  | { kind: 'heading'; level: number; start: number; end: number }
  | { kind: 'wikitext'; start: number; end: number }
  | { kind: 'bag'; bag: Bag }
  | { kind: 'data'; block: Block };

const STUB = /^(\|-\s*)?\|\}$/;

/**
 * Reads a SurfDoc document.
 * @param file the input path (relative, / separators)
 * @param text the file's text
 * @param context diagnostics sink
 * @returns the source, with a virtual wikitext document
 */
export function readSurfDoc(file: string, text: string, context: StageContext): Source {
  const lines = new Locator(text, OffsetMap.identity(text.length));
  const meta = readFrontMatter(text);
  const blocks = scanBlocks(text, context, lines);
  // Joined once: re-slicing the whole text per block was quadratic in the number of blocks.
  const parts: string[] = [];
  let at = 0;
  for (const b of blocks) {
    parts.push(text.slice(at, b.start), blank(text.slice(b.start, b.end)));
    at = b.end;
  }
  parts.push(text.slice(at));
  const masked = parts.join('');

  const pieces: Piece[] = blocks.map((block) => ({ kind: 'data', block }));
  let bag: Bag | undefined;
  const closeBag = (): void => {
    if (bag !== undefined) pieces.push({ kind: 'bag', bag });
    bag = undefined;
  };
  for (const md of readMarkdownInPieces(masked)) {
    const raw = text.slice(md.start, md.end);
    const trimmed = raw.trim();
    if (md.type === 'heading') {
      closeBag();
      const title = withoutClosingHashes(trimmed.replace(/^#+\s*/, ''));
      const titleStart = md.start + raw.indexOf(title);
      pieces.push({ kind: 'heading', level: md.depth ?? 2, start: titleStart, end: titleStart + title.length });
      continue;
    }
    if (STUB.test(trimmed)) {
      closeBag();
      context.report({
        code: 'read/lost-structure',
        stage: 'read',
        message: `Unexpected table debris \`${trimmed}\`, expected a whole table; the table was lost in conversion`,
        span: lines.span(md.start, md.end),
      });
      continue;
    }
    if (isWholeWikitext(trimmed)) {
      // Templates or tables the converter kept whole are wikitext as they stand.
      closeBag();
      pieces.push({ kind: 'wikitext', start: md.start, end: md.end });
      continue;
    }
    const first = firstParam(raw);
    if (first !== undefined) {
      const keys = scanParams(raw.slice(first)).map((m) => m.key);
      const startsNew = bag === undefined || first > 0 || (keys.includes('team1') && bag.keys.includes('team1'));
      if (startsNew) {
        closeBag();
        bag = { start: md.start + first, end: md.end, keys };
      } else if (bag !== undefined) {
        bag.end = md.end;
        bag.keys.push(...keys);
      }
      continue;
    }
    closeBag();
    const level = md.type === 'paragraph' && !trimmed.includes('\n') && trimmed !== meta.title ? headingLevel(trimmed) : undefined;
    if (level !== undefined) pieces.push({ kind: 'heading', level, start: md.start + raw.indexOf(trimmed), end: md.start + raw.indexOf(trimmed) + trimmed.length });
  }
  closeBag();
  pieces.sort((a, b) => pieceStart(a) - pieceStart(b));

  // Assemble the virtual wikitext, keeping every copied character's file offset.
  const map = new OffsetMap();
  const recoveredAt = new Set<number>();
  let wikitext = '';
  const insert = (s: string): void => {
    wikitext += s;
    map.insert(s.length);
  };
  const copy = (start: number, end: number): void => {
    wikitext += text.slice(start, end);
    map.copy(start, end - start);
  };
  const tables: Omit<TableRecord, 'id'>[] = [];
  // Team names the orphan template runs write (name_GAL=José Gálvez), longest first, to split rows.
  const teamNames = [
    ...new Set(pieces.flatMap((p) => (p.kind === 'bag' ? [...text.slice(p.bag.start, p.bag.end).matchAll(/\|\s*name_[^=|\s]+\s*=\s*([^|\n[\]{}]+)/g)].map((m) => (m[1] ?? '').trim()) : []))),
  ].sort((a, b) => b.length - a.length);
  const path: { level: number; title: string }[] = [];
  let lastData: Block | undefined;
  for (const piece of pieces) {
    if (piece.kind === 'heading') {
      const marks = '='.repeat(Math.min(6, Math.max(2, piece.level)));
      insert(`\n${marks} `);
      copy(piece.start, piece.end);
      insert(` ${marks}\n`);
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= piece.level) path.pop();
      path.push({ level: piece.level, title: text.slice(piece.start, piece.end) });
    } else if (piece.kind === 'wikitext') {
      insert('\n');
      copy(piece.start, piece.end);
      insert('\n');
    } else if (piece.kind === 'data') {
      lastData = piece.block;
      const infoboxKeys = infoboxKeysAfter(piece.block, pieces);
      tables.push(readDataTable(piece.block, text, path.map((p) => p.title), { keys: infoboxKeys, names: teamNames }, lines, context));
    } else {
      const template = templateFor(piece.bag.keys, lastData);
      let end = piece.bag.end;
      if (template.startsWith('Infobox') && lastData !== undefined) end = trimInfoboxProse(piece.bag, lastData, text, lines, context);
      end = cutAtUnclosed(piece.bag.start, end, text, lines, context);
      recoveredAt.add(wikitext.length + 1);
      insert(`\n{{${template}\n`);
      copy(piece.bag.start, end);
      insert('\n}}\n');
      context.report({
        code: 'read/recovered-template',
        stage: 'read',
        message: `Unexpected template parameters with no template around them, expected a template call; read as \`{{${template}}}\``,
        span: lines.span(piece.bag.start, end),
      });
    }
  }
  const title = meta.title ?? file.replace(/^.*\//, '').replace(/\.(surf|md|txt)$/g, '');
  const tidied = asParserReads(wikitext, map);
  return {
    file,
    format: 'surfdoc',
    title,
    ...(meta.source === undefined ? {} : { url: meta.source }),
    ...(meta.license === undefined ? {} : { licence: meta.license }),
    text,
    wikitext: tidied.wikitext,
    locator: new Locator(text, tidied.map),
    recoveredAt: new Set([...recoveredAt].map(tidied.moved)),
    tables,
  };
}

function pieceStart(p: Piece): number {
  return p.kind === 'bag' ? p.bag.start : p.kind === 'data' ? p.block.start : p.start;
}

/** A block that opens with a template call or a table and closes every one it opens. */
function isWholeWikitext(block: string): boolean {
  if (!/^(\{\{|\{\|)/.test(block)) return false;
  const count = (re: RegExp): number => block.match(re)?.length ?? 0;
  return count(/\{\{/g) === count(/\}\}/g) && count(/^\{\|/gm) === count(/^\|\}/gm);
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Front matter: fenced YAML, or the flattened `key: value key: value` line converters leave. */
function readFrontMatter(text: string): Record<string, string | undefined> {
  const fenced = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  const head = fenced?.[1] ?? text.slice(0, 4000).split(/\n\s*\n/).find((p) => /^\s*title:\s/.test(p)) ?? '';
  const meta: Record<string, string> = {};
  for (const m of head.matchAll(/(?:^|\s)([a-z_]+):\s*("(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S+)/g)) {
    const key = m[1] ?? '';
    const value = m[2] ?? '';
    if (!(key in meta)) meta[key] = value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  return meta;
}

/** Finds `::name[attrs]` … `::` blocks; an unclosed block ends at the end of the file. */
function scanBlocks(text: string, context: StageContext, lines: Locator): Block[] {
  const blocks: Block[] = [];
  const re = /^(:{2,})([A-Za-z][\w-]*)(?:\[([^\]\n]*)\])?[ \t]*$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const colons = m[1] ?? '::';
    const contentStart = m.index + m[0].length + 1;
    const closer = new RegExp(`^${colons}[ \\t]*$`, 'm');
    closer.lastIndex = 0;
    const rest = text.slice(contentStart);
    const close = closer.exec(rest);
    let contentEnd: number;
    let end: number;
    if (close === null) {
      contentEnd = end = text.length;
      context.report({
        code: 'read/unclosed-block',
        stage: 'read',
        message: `Unexpected end of file inside \`${m[0].trim()}\`, expected a closing \`${colons}\` line`,
        span: lines.span(m.index, m.index + m[0].length),
      });
    } else {
      contentEnd = contentStart + close.index;
      end = contentEnd + close[0].length;
    }
    blocks.push({ name: m[2] ?? '', attrs: parseAttrs(m[3] ?? ''), start: m.index, contentStart: Math.min(contentStart, text.length), contentEnd, end });
    re.lastIndex = end;
  }
  return blocks;
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([\w-]+)(?:=("(?:[^"\\]|\\.)*"|\S+))?/g)) {
    const v = m[2];
    attrs[m[1] ?? ''] = v === undefined ? 'true' : v.startsWith('"') ? v.slice(1, -1) : v;
  }
  return attrs;
}

/**
 * An ATX heading's text without its closing `#`s and the spaces before them: what
 * `.replace(/\s*#*$/, '')` gave, without trying the pattern from every space of a long title.
 */
function withoutClosingHashes(title: string): string {
  let end = title.length;
  while (end > 0 && title.charAt(end - 1) === '#') end--;
  while (end > 0 && /\s/.test(title.charAt(end - 1))) end--;
  return title.slice(0, end);
}

/** The keys of the infobox run that follows a `::data[title="Infobox …"]` block. */
function infoboxKeysAfter(block: Block, pieces: readonly Piece[]): string[] {
  if (!/^infobox/i.test(block.attrs['title'] ?? '')) return [];
  const next = pieces.find((p): p is Extract<Piece, { kind: 'bag' }> => p.kind === 'bag' && p.bag.start > block.end);
  return next === undefined ? [] : [...next.bag.keys].sort((a, b) => b.length - a.length);
}

/**
 * The converter dropped the infobox's closing braces, so the lead paragraph ran into its last
 * value. The `::data` rendering of the same infobox has that value alone: cut there.
 */
function trimInfoboxProse(bag: Bag, data: Block, text: string, lines: Locator, context: StageContext): number {
  const lastKey = bag.keys[bag.keys.length - 1];
  if (lastKey === undefined) return bag.end;
  const row = text
    .slice(data.contentStart, data.contentEnd)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(lastKey));
  const expected = row?.slice(lastKey.length).trim();
  const body = text.slice(bag.start, bag.end);
  const m = new RegExp(`\\|\\s*${lastKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*`).exec(body);
  if (m === null || expected === undefined || expected.length === 0) return bag.end;
  const valueStart = bag.start + m.index + m[0].length;
  const value = text.slice(valueStart, bag.end);
  if (!value.startsWith(expected) || value.trim() === expected) return bag.end;
  const cut = valueStart + expected.length;
  context.report({
    code: 'read/truncated-fragment',
    stage: 'read',
    message: `Unexpected prose after \`${lastKey} = ${expected}\`, expected the end of the infobox; the prose was left out of the field`,
    param: lastKey,
    span: lines.span(cut, bag.end),
  });
  return cut;
}
