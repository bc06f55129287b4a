/**
 * Tables whose header says what they are become typed as well as generic: a team list
 * (team plus department/region/location columns) or a top-scorer list (player and goals).
 */
import type { StageContext, TableRecord, TypedEntry } from '../types/index.js';
import { readLeadingNumber, reportTooLarge } from './numbers.js';

const TEAM = /^(teams?|clubs?|equipos?|club name|team name)$/i;
const REGION = /department|region|province|state|zone|league|association|country|division/i;
const LOCATION = /location|city|town|home ?town|venue|stadium/i;
const PLAYER = /^(players?|scorers?|name|top scorers?)$/i;
const GOALS = /^goals?$/i;
const RANK = /^(rank|pos\.?|position|#)$/i;

/**
 * Adds `typed` to a table whose header names it as a team list or a top-scorer list.
 * @param table the generic table record
 * @param context diagnostics sink (a goal count or rank too large to be a figure is reported)
 * @returns the same record, typed when the header says so
 */
export function typeTable(table: TableRecord, context: StageContext): TableRecord {
  const last = (h: string): string => h.split(' / ').pop() ?? h;
  const find = (re: RegExp): string | undefined => table.headers.find((h) => re.test(last(h)));
  const team = find(TEAM);
  const player = find(PLAYER);
  const goals = find(GOALS);
  const cell = (row: TableRecord['rows'][number], column: string | undefined) => (column === undefined ? undefined : row.cells.find((c) => c.column === column));
  if (player !== undefined && goals !== undefined) {
    const rank = find(RANK);
    const club = team ?? find(/club|team/i);
    const entries: TypedEntry[] = table.rows.flatMap((row, i) => {
      const p = cell(row, player);
      if (p === undefined || p.text.length === 0) return [];
      const number = (column: string | undefined, what: string): number | undefined => {
        const text = cell(row, column)?.text ?? '';
        const n = readLeadingNumber(text);
        if (n === 'too-large') reportTooLarge({ raw: text, span: row.span }, `the ${what} in row ${i + 1} of \`${table.id}\``, context);
        return typeof n === 'number' ? n : undefined;
      };
      const g = number(goals, 'goals');
      const r = number(rank, 'rank');
      const c = cell(row, club);
      return [{ row: i, ...(c === undefined || c.text === '' ? {} : { team: c.text }), player: p.text, ...(g === undefined ? {} : { goals: g }), ...(r === undefined ? {} : { rank: r }) }];
    });
    return { ...table, typed: { type: 'top-scorers', entries } };
  }
  const region = find(REGION);
  const location = find(LOCATION);
  if (team === undefined || (region === undefined && location === undefined)) return table;
  const entries: TypedEntry[] = table.rows.flatMap((row, i) => {
    const t = cell(row, team);
    if (t === undefined || t.text.length === 0) return [];
    const link = t.links?.[0]?.target;
    const reg = cell(row, region)?.text;
    const loc = cell(row, location)?.text;
    return [{ row: i, team: t.text, ...(link === undefined ? {} : { link }), ...(reg ? { region: reg } : {}), ...(loc ? { location: loc } : {}) }];
  });
  return { ...table, typed: { type: 'team-list', entries } };
}
