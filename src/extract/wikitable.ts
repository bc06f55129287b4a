/**
 * Wikitables ({| … |}, nested ones too) → table records: caption, header rows, body rows as
 * header-keyed cells with rowspan and colspan resolved, each cell's plain text, links and sort key.
 * https://www.mediawiki.org/wiki/Help:Tables
 * Header rows are the leading rows whose cells are all headers (th); a column's key joins the
 * header texts above it. Spans a browser would repair (junk, zero, past the end) and rows wider or
 * narrower than the header are reported, never silently shifted. A row of one cell is a divider
 * or title ("Round 5", "Team of the Season" spanning the table): it is never ragged, and a title
 * row does not set the table's width. A header that names no column sets no width either, and a
 * header whose width most rows do not have is said once (info), the odd rows then measured
 * against theirs.
 * Emits: extract/table-bad-span, extract/table-span-capped, extract/table-span-overflow,
 * extract/table-ragged-row, extract/table-too-large.
 */
import { MAX_COLSPAN, MAX_ROWSPAN, MAX_TABLE_CELLS } from '../limits.js';
import type { TableCellView, TableView } from '../parse/index.js';
import type { StageContext, TableCell, TableRecord } from '../types/index.js';
import { opt } from './values.js';

/**
 * Extracts one wikitable.
 * @param view the rendered table
 * @param id the record id
 * @param parentId the id of the table it is nested in
 * @param context diagnostics sink
 * @returns the table record, or undefined for a table with no rows
 */
export function extractWikitable(view: TableView, id: string, parentId: string | undefined, context: StageContext): TableRecord | undefined {
  const grid = view.grid;
  if (grid.length === 0) return undefined;
  reportSpans(view, id, context);
  let headerCount = 0;
  while (headerCount < grid.length - 1 && (grid[headerCount] ?? []).every((c) => c === undefined || c.header)) headerCount++;
  // Array.from, not map: a short row under a rowspan leaves holes in the grid, and map keeps holes (null in JSON).
  const headerRows = grid.slice(0, headerCount).map((row) => Array.from(row, (c) => c?.text ?? ''));
  // A loop, not Math.max(...rows): a spread of tens of thousands of rows can overflow the stack.
  let width = 0;
  const headerGrid = grid.slice(0, headerCount).filter((row) => !isDivider(row));
  for (const row of headerCount === 0 || headerGrid.length === 0 ? grid : headerGrid) width = Math.max(width, row.length);
  const headers = keys(headerRows, width);
  // A header that names no column (`!width="25"| !!width="25"|` of a line-up table) only sets
  // widths: its rows' cells are keyed by position whatever their number, so none is ragged.
  const named = headerRows.some((r) => r.some((t) => t.trim().length > 0));
  const usual = headerCount === 0 || !named ? width : usualWidth(grid, headerCount, width, view, id, context);
  const rows: TableRecord['rows'] = [];
  for (let y = headerCount; y < grid.length; y++) {
    const row = grid[y] ?? [];
    const written = row.filter((c): c is TableCellView => c !== undefined);
    if (written.length === 0) continue;
    if (row.length !== usual && headerCount > 0 && named && !isDivider(row, y)) {
      context.report({
        code: 'extract/table-ragged-row',
        stage: 'extract',
        message: `Unexpected row of ${row.length} cells in a table of ${usual} columns, expected ${usual}; ${row.length > width ? `the extra cells are kept under "column ${width + 1}"…` : 'the missing cells are left out'}`,
        span: (written.find((c) => c.origin.row === y) ?? written[0])?.span ?? view.span,
        recordId: id,
      });
    }
    const cells: TableCell[] = [];
    for (const [x, c] of row.entries()) {
      if (c === undefined) continue;
      const from = c.origin.row !== y ? ('rowspan' as const) : x > 0 && row[x - 1] === c ? ('colspan' as const) : undefined;
      cells.push({
        column: headers[x] ?? `column ${x + 1}`,
        text: c.text,
        ...(c.links.length === 0 ? {} : { links: c.links }),
        ...opt('sortKey', c.sortKey),
        ...(c.header ? { header: true } : {}),
        ...opt('from', from),
      });
    }
    const own = written.filter((c) => c.origin.row === y);
    const first = own[0] ?? written[0];
    const last = own[own.length - 1] ?? written[written.length - 1];
    rows.push({ span: { start: first?.span.start ?? view.span.start, end: last?.span.end ?? view.span.end }, cells });
  }
  return {
    kind: 'table',
    id,
    section: view.section,
    span: view.span,
    source: 'wikitable',
    ...opt('caption', view.caption),
    ...opt('class', view.className),
    ...opt('parentId', parentId),
    headers,
    headerRows,
    rows,
  };
}

/**
 * A row holding a single cell of its own and nothing carried down from above: a divider or title
 * spanning (or meant to span) the table, whatever its colspan says.
 */
function isDivider(row: readonly (TableCellView | undefined)[], y?: number): boolean {
  let only: TableCellView | undefined;
  for (const c of row) {
    if (c === undefined) continue;
    if (only !== undefined && c !== only) return false;
    only = c;
  }
  return only !== undefined && (y === undefined || only.origin.row === y);
}

/**
 * The width the table's rows have: the header's, unless most body rows (not dividers) share
 * another (a header naming two columns over rows of three). Then the header is
 * what is short or long, said once as a note, and only rows of neither width are ragged.
 */
function usualWidth(grid: readonly (readonly (TableCellView | undefined)[])[], headerCount: number, width: number, view: TableView, id: string, context: StageContext): number {
  const counts = new Map<number, number>();
  let body = 0;
  for (let y = headerCount; y < grid.length; y++) {
    const row = grid[y] ?? [];
    if (isDivider(row, y) || row.every((c) => c === undefined)) continue;
    body += 1;
    counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  }
  let [common, most] = [width, counts.get(width) ?? 0];
  for (const [w, n] of counts) if (n > most) [common, most] = [w, n];
  if (common === width || most * 2 <= body) return width;
  context.report({
    code: 'extract/table-ragged-row',
    stage: 'extract',
    severity: 'info',
    message: `Unexpected header of ${width} columns over rows of ${common} cells (${most} of ${body} rows), expected as many; ${common > width ? `the cells past the header are kept under "column ${width + 1}"…` : 'the header cells past the rows are empty'}`,
    span: view.span,
    recordId: id,
  });
  return common;
}

/** One key per column: distinct header texts above it, top to bottom, joined by " / ". */
function keys(headerRows: readonly string[][], width: number): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  const nextNumber = new Map<string, number>();
  for (let x = 0; x < width; x++) {
    const parts: string[] = [];
    for (const row of headerRows) {
      const t = row[x];
      if (t !== undefined && t.length > 0 && parts[parts.length - 1] !== t) parts.push(t);
    }
    const base = parts.join(' / ') || `column ${x + 1}`;
    let key = base;
    if (taken.has(key)) {
      // The smallest free " (n)": numbers below the last one given to this base are all taken, so
      // a header of 60,000 equal cells costs no more than 60,000 look-ups.
      let n = nextNumber.get(base) ?? 2;
      while (taken.has(`${base} (${n})`)) n++;
      key = `${base} (${n})`;
      nextNumber.set(base, n + 1);
    }
    taken.add(key);
    out.push(key);
  }
  return out;
}

/** Spans a browser repairs: not a positive whole number, too large, or reaching past the last row. */
function reportSpans(view: TableView, id: string, context: StageContext): void {
  if (view.truncated === true) {
    context.report({
      code: 'extract/table-too-large',
      stage: 'extract',
      message: `Unexpected table of more than ${MAX_TABLE_CELLS} cells once its spans are laid out, expected at most ${MAX_TABLE_CELLS}; the cells past the limit were not read`,
      span: view.span,
      recordId: id,
    });
  }
  const seen = new Set<TableCellView>();
  for (const [y, row] of view.grid.entries()) {
    for (const c of row) {
      if (c === undefined || seen.has(c)) continue;
      seen.add(c);
      for (const [attr, raw, used, at] of [
        ['rowspan', c.rowspanRaw, c.rowspan, c.rowspanAt],
        ['colspan', c.colspanRaw, c.colspan, c.colspanAt],
      ] as const) {
        // A span computed by a template ({{#if:…}}) cannot be judged here.
        if (raw === undefined || raw.includes('{')) continue;
        const cap = attr === 'rowspan' ? MAX_ROWSPAN : MAX_COLSPAN;
        if (/^[1-9]\d*$/.test(raw)) {
          if (raw.length > String(cap).length || Number(raw) > cap) {
            context.report({
              code: 'extract/table-span-capped',
              stage: 'extract',
              message: `Unexpected ${attr}="${raw.length > 20 ? `${raw.slice(0, 12)}…` : raw}", expected at most ${cap}; read as ${used}, as browsers do`,
              span: at ?? c.span,
              recordId: id,
            });
          }
          continue;
        }
        context.report({
          code: 'extract/table-bad-span',
          stage: 'extract',
          message: `Unexpected ${attr}="${raw}", expected a whole number of at least 1; read as ${used}, as browsers do`,
          span: at ?? c.span,
          recordId: id,
        });
      }
      if (c.rowspan > 1 && y + c.rowspan > view.grid.length) {
        context.report({
          code: 'extract/table-span-overflow',
          stage: 'extract',
          message: `Unexpected rowspan="${c.rowspan}" reaching past the last row, expected at most ${view.grid.length - y}; the cell fills the rows that exist`,
          span: c.rowspanAt ?? c.span,
          recordId: id,
        });
      }
    }
  }
}
