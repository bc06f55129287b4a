/**
 * What extractors see of a wikitable: the rendered grid (rowspan and colspan resolved as
 * wikiparser-node's `getLayout()` does), each cell's plain text, links, sort key and the span
 * attributes as written, so the extractor can report junk or overflowing spans. Spans are capped
 * as browsers cap them and the grid at {@link MAX_TABLE_CELLS} slots, on both parse paths alike.
 */
import type { AstNodes, Token } from 'wikiparser-node';
import { MAX_COLSPAN, MAX_ROWSPAN, MAX_TABLE_CELLS } from '../limits.js';
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
  /** The spans used, capped at MAX_ROWSPAN and MAX_COLSPAN. */
  rowspan: number;
  colspan: number;
  /** The span attributes as written, when present. */
  rowspanRaw?: string;
  colspanRaw?: string;
  /** Where those attributes are written (`colspan="2.5"`), for a finding about them. */
  rowspanAt?: Span;
  colspanAt?: Span;
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
  /** Set when the grid would pass MAX_TABLE_CELLS slots: the cells from there on were not laid out. */
  truncated?: true;
}

/** Raw coordinates of a written cell: its row and its column among the row's cells. */
export interface Coords {
  row: number;
  column: number;
}

/** A written cell as the layout reads it. */
export interface LayoutCell {
  /** Whether the cell starts its line (`|`, `!`, `|+`) rather than following `||` or `!!`. */
  independent: boolean;
  /** For an independent cell: whether it is a caption (`|+`); the cells after it on its line follow it. */
  caption: boolean;
  rowspan: number;
  colspan: number;
}

/** A laid-out table: the grid of raw coordinates, and whether the slot limit cut it. */
export interface Layout {
  grid: (Coords | undefined)[][];
  truncated: boolean;
}

/**
 * A span attribute as wikiparser-node reads it (`parseInt(value) || 1`), capped.
 * @param value the attribute value, if any
 * @param max MAX_ROWSPAN or MAX_COLSPAN
 * @returns the span used
 */
export function readSpan(value: string | undefined, max: number): number {
  return Math.min(Number.parseInt(value ?? '') || 1, max);
}

/**
 * Lays out a table's rows as wikiparser-node's `TableToken#getLayout()` does (same order, same
 * holes, rowspans cut at the last row), stopping before the grid passes MAX_TABLE_CELLS slots or
 * the work (slots written and skipped) passes four times that.
 * @param rows the rows that count (those with a non-caption cell starting a line), cells in order
 * @returns the grid of raw coordinates
 */
export function layoutTable(rows: readonly (readonly LayoutCell[])[]): Layout {
  const length = rows.length;
  const grid: Coords[][] = Array.from({ length }, () => []);
  let slots = 0;
  let work = 0;
  for (let i = 0; i < length; i++) {
    const rowLayout = grid[i] ?? [];
    let j = 0;
    let k = 0;
    let last = false;
    for (const cell of rows[i] ?? []) {
      if (cell.independent) last = !cell.caption;
      if (!last) continue;
      const coords = { row: i, column: j };
      j++;
      while (rowLayout[k] !== undefined) {
        k++;
        work++;
      }
      const { rowspan, colspan } = cell;
      const yEnd = Math.min(i + rowspan, length);
      if (colspan > 0 && yEnd > i) {
        let grow = 0;
        for (let y = i; y < yEnd; y++) grow += Math.max(0, k + colspan - (grid[y]?.length ?? 0));
        slots += grow;
        work += (yEnd - i) * colspan;
        if (slots > MAX_TABLE_CELLS || work > 4 * MAX_TABLE_CELLS) return { grid, truncated: true };
        for (let y = i; y < yEnd; y++) {
          const row = grid[y] ?? [];
          for (let x = k; x < k + colspan; x++) row[x] = coords;
        }
      }
      k += colspan;
    }
  }
  return { grid, truncated: false };
}

/**
 * A rendered cell with its fields in the order both parse paths write them (views are compared as JSON).
 * @param fields the cell's fields (an empty sort key is left out)
 * @returns the view
 */
export function cellView(fields: TableCellView): TableCellView {
  const { text, links, sortKey, header, span, origin, rowspan, colspan, rowspanRaw, colspanRaw, rowspanAt, colspanAt } = fields;
  return {
    text,
    links,
    ...(sortKey === undefined || sortKey.length === 0 ? {} : { sortKey }),
    header,
    span,
    origin,
    rowspan,
    colspan,
    ...(rowspanRaw === undefined ? {} : { rowspanRaw }),
    ...(colspanRaw === undefined ? {} : { colspanRaw }),
    ...(rowspanAt === undefined ? {} : { rowspanAt }),
    ...(colspanAt === undefined ? {} : { colspanAt }),
  };
}

/**
 * A table view with its fields in the order both parse paths write them.
 * @param fields the table's fields
 * @returns the view, with `section` still to fill
 */
export function tableView(fields: Omit<TableView, 'section'>): Omit<TableView, 'section'> {
  const { offset, span, caption, className, closed, grid, parentOffset, truncated } = fields;
  return {
    offset,
    span,
    ...(caption === undefined ? {} : { caption }),
    ...(className === undefined ? {} : { className }),
    closed,
    grid,
    ...(parentOffset === undefined ? {} : { parentOffset }),
    ...(truncated === true ? { truncated } : {}),
  };
}

const SPAN_RAW = { rowspan: /rowspan\s*=\s*["']?([^"'\s|]*)/i, colspan: /colspan\s*=\s*["']?([^"'\s|]*)/i };

/**
 * The span attributes as written, read from the text before a cell's content (`\n| rowspan=2 |`),
 * and where each is written.
 * @param prefix the cell's syntax, attributes and `|`, as in the source
 * @param at the source span of a range of the prefix (offsets into it)
 * @returns the raw rowspan and colspan values found, and their places
 */
export function rawSpans(prefix: string, at: (start: number, end: number) => Span): Pick<TableCellView, 'rowspanRaw' | 'colspanRaw' | 'rowspanAt' | 'colspanAt'> {
  const out: Pick<TableCellView, 'rowspanRaw' | 'colspanRaw' | 'rowspanAt' | 'colspanAt'> = {};
  for (const attr of ['rowspan', 'colspan'] as const) {
    const m = SPAN_RAW[attr].exec(prefix);
    if (m?.[1] === undefined) continue;
    const end = m.index + m[0].length;
    out[`${attr}Raw`] = m[1];
    out[`${attr}At`] = at(m.index, /["']/.test(prefix[end] ?? '') ? end + 1 : end);
  }
  return out;
}

type TdLike = Token & {
  subtype: string;
  rowspan: number;
  colspan: number;
  firstChild: Token;
  lastChild: Token;
  isIndependent(): boolean;
  getAttrs(): Record<string, string | true>;
};
type TableLike = Token & {
  closed: boolean;
  getLayout(): (Coords | undefined)[][];
  getAttrs(): Record<string, string | true>;
};

/** A cell of the tree with what the view needs of it, found in one pass. */
interface TreeCell {
  td: TdLike;
  subtype: string;
  layout: LayoutCell;
  /** Index of the cell and of its content in the parsed text. */
  start: number;
  contentStart: number;
}

/**
 * Builds the view of one table. Cells are found by walking the table's rows once (wikiparser-node's
 * `getNthCell()` recounts the row's columns on every call: quadratic in a wide row).
 * @param node the table node
 * @param base virtual offset of the chunk
 * @param locator virtual → file spans
 * @param source the text that was parsed as written, before span caps (span attributes are read from it)
 * @param indexOf a node's index in the parsed text (`getAbsoluteIndex()`, or faster)
 * @returns the view, with `section` still to fill
 */
export function viewTable(
  node: Token,
  base: number,
  locator: Locator,
  source: string,
  indexOf: (node: Token) => number = (n) => n.getAbsoluteIndex(),
): Omit<TableView, 'section'> {
  const t = node as TableLike;
  // Offsets are summed here: `getAbsoluteIndex()` of each cell is quadratic in a wide row.
  const tableStart = indexOf(t);
  const start = base + tableStart;
  const containers = [cellsOf(t, tableStart)];
  let at = tableStart;
  for (const child of t.childNodes) {
    if (child.type === 'tr') containers.push(cellsOf(child as Token, at));
    at += String(child).length;
  }
  const rows = containers.filter((cells) => cells.some((c) => c.layout.independent && !c.layout.caption));
  const { layout, truncated } = layoutOf(t, rows);
  const counted = rows.map(countedCells);
  const cache = new Map<TreeCell, TableCellView>();
  // Array.from, not layout.map: wikiparser-node's layout is an Array subclass (Layout), which map
  // would pass on to the grid and to the records built from it; records are plain data.
  const grid = Array.from(layout, (row) =>
    row.map((coords) => {
      if (coords === undefined) return undefined;
      const cell = counted[coords.row]?.[coords.column];
      if (cell === undefined) return undefined;
      let view = cache.get(cell);
      if (view === undefined) cache.set(cell, (view = viewCell(cell, coords, base, locator, source)));
      return view;
    }),
  );
  const captions = containers.flat().filter((c) => c.subtype === 'caption');
  const caption = captions[captions.length - 1];
  const className = t.getAttrs()['class'];
  const parent = nearestTable(t.parentNode as Token | undefined);
  return tableView({
    offset: start,
    span: locator.span(start, start + String(t).length),
    ...(caption === undefined ? {} : { caption: plainText(caption.td.lastChild as unknown as AstNodes).text }),
    ...(typeof className === 'string' ? { className } : {}),
    closed: t.closed,
    grid,
    ...(parent === undefined ? {} : { parentOffset: base + indexOf(parent) }),
    ...(truncated ? { truncated } : {}),
  });
}

/**
 * The cells of a row (a `tr`, or the table itself up to its first `tr`), each with its subtype as
 * `TdToken#subtype` gives it: a cell after `||` or `!!` takes the subtype of the cell before it
 * (a header one when written `!!`).
 */
function cellsOf(row: Token, rowStart: number): TreeCell[] {
  const cells: TreeCell[] = [];
  let previous: TreeCell | undefined;
  let at = rowStart;
  for (const [i, child] of row.childNodes.entries()) {
    const start = at;
    const whole = String(child);
    at += whole.length;
    if (i < 2) continue;
    if (child.type === 'tr' || child.type === 'table-syntax') break;
    if (child.type !== 'td') {
      previous = undefined;
      continue;
    }
    const td = child as TdLike;
    const independent = td.isIndependent();
    let subtype: string;
    if (independent) subtype = td.subtype;
    else {
      const char = td.firstChild.text().slice(-1);
      const own = char === '!' ? 'th' : char === '+' ? 'caption' : 'td';
      subtype = previous === undefined ? own : own === 'th' ? 'th' : previous.subtype;
    }
    const layout = { independent, caption: independent && subtype === 'caption', rowspan: td.rowspan, colspan: td.colspan };
    previous = { td, subtype, layout, start, contentStart: start + whole.length - String(td.lastChild).length };
    cells.push(previous);
  }
  return cells;
}

/** The cells `getLayout()` counts in a row, by raw column. */
function countedCells(cells: readonly TreeCell[]): TreeCell[] {
  const out: TreeCell[] = [];
  let last = false;
  for (const c of cells) {
    if (c.layout.independent) last = !c.layout.caption;
    if (last) out.push(c);
  }
  return out;
}

/**
 * The table's layout: wikiparser-node's own, unless a span is over its cap or the grid over
 * MAX_TABLE_CELLS (its `getLayout()` would allocate them all), when the capped port is used.
 */
function layoutOf(t: TableLike, rows: readonly TreeCell[][]): { layout: (Coords | undefined)[][]; truncated: boolean } {
  let capped = false;
  const port = layoutTable(
    rows.map((cells) =>
      cells.map(({ layout }) => {
        capped ||= layout.rowspan > MAX_ROWSPAN || layout.colspan > MAX_COLSPAN;
        return { ...layout, rowspan: Math.min(layout.rowspan, MAX_ROWSPAN), colspan: Math.min(layout.colspan, MAX_COLSPAN) };
      }),
    ),
  );
  return port.truncated || capped ? { layout: port.grid, truncated: port.truncated } : { layout: t.getLayout(), truncated: false };
}

function viewCell(cell: TreeCell, origin: Coords, base: number, locator: Locator, source: string): TableCellView {
  const { td } = cell;
  const content = td.lastChild;
  const { text, links } = plainText(content as unknown as AstNodes);
  const prefix = source.slice(cell.start, cell.contentStart);
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
  const start = base + cell.contentStart + lead;
  return cellView({
    text,
    links,
    ...(sortKey === undefined ? {} : { sortKey }),
    header: cell.subtype === 'th',
    span: locator.span(start, start + rawContent.trim().length),
    origin,
    rowspan: Math.min(td.rowspan, MAX_ROWSPAN),
    colspan: Math.min(td.colspan, MAX_COLSPAN),
    ...rawSpans(prefix, (s, e) => locator.span(base + cell.start + s, base + cell.start + e)),
  });
}

function nearestTable(node: Token | undefined): Token | undefined {
  let n = node;
  while (n !== undefined && n.type !== 'table') n = n.parentNode as Token | undefined;
  return n;
}
