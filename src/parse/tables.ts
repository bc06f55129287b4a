/**
 * What extractors see of a wikitable: the rendered grid (rowspan and colspan resolved by
 * wikiparser-node's layout), each cell's plain text, links, sort key and the span attributes as
 * written, so the extractor can report junk or overflowing spans.
 */
import type { AstNodes, Token } from 'wikiparser-node';
import type { Link, Span } from '../types/index.js';
import type { Locator } from './position.js';
import { plainText } from './plain-text.js';

/** One rendered cell. */
export interface TableCellView {
  text: string;
  links: Link[];
  sortKey?: string;
  header: boolean;
  span: Span;
  /** Where the cell is written (raw row and column): equal origins are one written cell. */
  origin: { row: number; column: number };
  rowspan: number;
  colspan: number;
  /** The span attributes as written, when present. */
  rowspanRaw?: string;
  colspanRaw?: string;
}

/** A table, rendered. */
export interface TableView {
  offset: number;
  span: Span;
  section: string[];
  caption?: string;
  className?: string;
  closed: boolean;
  /** Rendered rows; a hole is undefined. */
  grid: (TableCellView | undefined)[][];
  /** Offset of the table this one is nested in. */
  parentOffset?: number;
}

type TdLike = Token & {
  subtype: string;
  rowspan: number;
  colspan: number;
  lastChild: Token;
  getAttrs(): Record<string, string | true>;
};
type TableLike = Token & {
  closed: boolean;
  getLayout(): ({ row: number; column: number } | undefined)[][];
  getNthCell(coords: { row: number; column: number }): TdLike | undefined;
  getAttrs(): Record<string, string | true>;
};

/**
 * Builds the view of one table.
 * @param node the table node
 * @param base virtual offset of the chunk
 * @param locator virtual → file spans
 * @returns the view, with `section` still to fill
 */
export function viewTable(node: Token, base: number, locator: Locator): Omit<TableView, 'section'> {
  const t = node as TableLike;
  const start = base + t.getAbsoluteIndex();
  const cache = new Map<string, TableCellView>();
  const grid = t.getLayout().map((row) =>
    row.map((coords) => {
      if (coords === undefined) return undefined;
      const key = `${coords.row},${coords.column}`;
      const known = cache.get(key);
      if (known !== undefined) return known;
      const td = t.getNthCell(coords);
      if (td === undefined) return undefined;
      const view = viewCell(td, coords, base, locator);
      cache.set(key, view);
      return view;
    }),
  );
  let caption: string | undefined;
  for (const td of t.querySelectorAll('td')) {
    const cell = td as TdLike;
    if (cell.subtype === 'caption' && nearestTable(cell) === t) caption = plainText(cell.lastChild as unknown as AstNodes).text;
  }
  const className = t.getAttrs()['class'];
  const parent = nearestTable(t.parentNode as Token | undefined);
  return {
    offset: start,
    span: locator.span(start, start + String(t).length),
    ...(caption === undefined ? {} : { caption }),
    ...(typeof className === 'string' ? { className } : {}),
    closed: t.closed,
    grid,
    ...(parent === undefined ? {} : { parentOffset: base + parent.getAbsoluteIndex() }),
  };
}

function viewCell(td: TdLike, origin: { row: number; column: number }, base: number, locator: Locator): TableCellView {
  const content = td.lastChild;
  const { text, links } = plainText(content as unknown as AstNodes);
  const whole = String(td);
  const prefix = whole.slice(0, whole.length - String(content).length);
  const attr = (name: string): string | undefined => new RegExp(`${name}\\s*=\\s*["']?([^"'\\s|]*)`, 'i').exec(prefix)?.[1];
  const sortAttr = td.getAttrs()['data-sort-value'];
  type WithArgs = Token & { getArg(k: string): Token | undefined };
  const arg = (t: WithArgs | undefined, k: string): string => String(t?.getArg(k)?.lastChild ?? '').trim();
  const sortTemplate = content.querySelector('template#Template:Sort') as WithArgs | undefined;
  const sortName = content.querySelector('template#Template:Sortname') as WithArgs | undefined;
  const sortKey =
    typeof sortAttr === 'string'
      ? sortAttr
      : sortTemplate !== undefined
        ? arg(sortTemplate, '1')
        : sortName !== undefined
          ? `${arg(sortName, '2')}, ${arg(sortName, '1')}`
          : undefined;
  const rawContent = String(content);
  const lead = rawContent.length - rawContent.trimStart().length;
  const start = base + content.getAbsoluteIndex() + lead;
  const [rowspanRaw, colspanRaw] = [attr('rowspan'), attr('colspan')];
  return {
    text,
    links,
    ...(sortKey === undefined || sortKey.length === 0 ? {} : { sortKey }),
    header: td.subtype === 'th',
    span: locator.span(start, start + rawContent.trim().length),
    origin,
    rowspan: td.rowspan,
    colspan: td.colspan,
    ...(rowspanRaw === undefined ? {} : { rowspanRaw }),
    ...(colspanRaw === undefined ? {} : { colspanRaw }),
  };
}

function nearestTable(node: Token | undefined): Token | undefined {
  let n = node;
  while (n !== undefined && n.type !== 'table') n = n.parentNode as Token | undefined;
  return n;
}
