/**
 * Team lists and team-keyed parameters, shared by Module:Sports table and Module:Sports results:
 * `team1…teamN` (reading stops at the first gap, as the module does) or `team_order`, and the
 * parsing of `prefix_CODE` and `match_HOME_AWAY` keys, where codes may hold underscores.
 */
import { MAX_FIGURE } from '../limits.js';
import { subSpan, type ParamView, type TemplateView } from '../parse/index.js';
import type { Span, StageContext } from '../types/index.js';
import { readCount } from './numbers.js';

/** A team code as listed, with where it is written. */
export interface ListedTeam {
  code: string;
  span: Span;
  param: string;
  /** k of team<k>: the row's position unless pos_ says otherwise, and the k of result<k>. */
  index: number;
}

/** How a module reads its team list. */
export interface TeamListOptions {
  /**
   * Module:Sports table: `team_order` (+ `team_order_start`) fills team<k> and reading starts at
   * team<highest_pos> (team1 … below it are ignored) and stops after lowest_pos. The old Sports
   * results reads team1…N and uses highest_pos only for its columns.
   */
  positions: boolean;
}

/**
 * Reads the team list of a sports table or results grid: consecutive team<k> from the first
 * index, ending at the first missing or blank one, as the module does.
 * @param view the #invoke call
 * @param context diagnostics sink
 * @param options how the module reads its list
 * @returns the codes in rank order (duplicates reported and dropped), each with its index k
 */
export function readTeamList(view: TemplateView, context: StageContext, options: TeamListOptions = { positions: false }): ListedTeam[] {
  const byIndex = new Map<number, ListedTeam>();
  const order = view.byName.get('team_order');
  const numbered = (name: string): number | undefined => {
    const p = view.byName.get(name);
    return p === undefined ? undefined : readCount(p.text.replace(/\s+/g, ''), MAX_FIGURE);
  };
  const offset = options.positions ? Math.max(0, (numbered('team_order_start') ?? 1) - 1) : 0;
  if (order !== undefined && order.raw.length > 0) {
    // Comments are blanked, not removed, so indices still point into the raw value.
    const masked = order.raw.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => ' '.repeat(c.length));
    const re = /[^,;]+/g;
    // An empty item is skipped but still advances k, as the module's split does.
    let k = offset;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
      k++;
      const code = m[0].trim();
      if (code.length === 0) continue;
      const from = m.index + (m[0].length - m[0].trimStart().length);
      byIndex.set(k, { code, span: subSpan(order.span, order.raw, from, from + code.length), param: 'team_order', index: k });
    }
  }
  const first = options.positions ? Math.max(1, numbered('highest_pos') ?? 1) : 1;
  const lowest = options.positions ? (numbered('lowest_pos') ?? 0) : 0;
  const listed: ListedTeam[] = [];
  for (let k = first; lowest < first || k <= lowest; k++) {
    const fromOrder = byIndex.get(k);
    const p = view.byName.get(`team${k}`);
    if (fromOrder !== undefined) listed.push(fromOrder);
    else if (p !== undefined && p.text.length > 0) listed.push({ code: p.text, span: p.span, param: p.name, index: k });
    else break;
  }
  const seen = new Map<string, ListedTeam>();
  const teams: ListedTeam[] = [];
  for (const t of listed) {
    const first = seen.get(t.code);
    if (first !== undefined) {
      context.report({
        code: 'extract/duplicate-team',
        stage: 'extract',
        message: `Unexpected team \`${t.code}\` listed a second time in \`${t.param}\`, expected each team once; the second entry was dropped`,
        param: t.param,
        span: t.span,
        related: [{ message: `first listed in \`${first.param}\``, span: first.span }],
      });
      continue;
    }
    seen.set(t.code, t);
    teams.push(t);
  }
  if (teams.length === 0) {
    context.report({
      code: 'extract/no-teams',
      stage: 'extract',
      message: 'Unexpected table with no `team1` or `team_order`, expected a list of team codes',
      span: view.span,
    });
  }
  return teams;
}

/** A parsed `match_HOME_AWAY` (or `match2_HOME_AWAY`, or `…_note`) key. */
export interface MatchKey {
  home: string;
  away: string;
  leg?: number;
  note: boolean;
}

/**
 * Splits a match key into codes; codes may contain underscores, so known codes decide.
 * @param name the parameter name
 * @param codes the known team codes
 * @returns the parts, or undefined when the key is not a match key
 */
export function parseMatchKey(name: string, codes: ReadonlySet<string>): MatchKey | undefined {
  const m = /^match(\d*)_(.+)$/.exec(name);
  if (m === null) return undefined;
  const leg = m[1] === '' || m[1] === undefined ? undefined : readCount(m[1], MAX_FIGURE);
  // A leg number past any real one (`match99999999999_A_B`) makes no match key: the parameter is unknown.
  if (m[1] !== '' && leg === undefined) return undefined;
  let rest = m[2] ?? '';
  let note = false;
  const split = (s: string): [string, string] | undefined => {
    const candidates: [string, string][] = [];
    for (let i = s.indexOf('_'); i !== -1; i = s.indexOf('_', i + 1)) candidates.push([s.slice(0, i), s.slice(i + 1)]);
    return candidates.find(([h, a]) => codes.has(h) && codes.has(a)) ?? (candidates.length === 1 ? candidates[0] : undefined);
  };
  let parts = split(rest);
  if (rest.endsWith('_note')) {
    const inner = split(rest.slice(0, -5));
    if (inner !== undefined && (parts === undefined || !(codes.has(parts[0]) && codes.has(parts[1])))) {
      parts = inner;
      note = true;
      rest = rest.slice(0, -5);
    }
  }
  if (parts === undefined) return undefined;
  return { home: parts[0], away: parts[1], ...(leg === undefined ? {} : { leg }), note };
}

/**
 * Finds which team a `prefix_CODE` parameter is about.
 * @param name the parameter name
 * @param prefixes accepted prefixes, longest first
 * @returns the prefix and code, or undefined
 */
export function parseTeamKey(name: string, prefixes: readonly string[]): { prefix: string; code: string } | undefined {
  for (const prefix of prefixes) {
    if (name.startsWith(`${prefix}_`) && name.length > prefix.length + 1) return { prefix, code: name.slice(prefix.length + 1) };
  }
  return undefined;
}

/**
 * Reports every parameter given twice (MediaWiki keeps the last).
 * @param view the template
 * @param context diagnostics sink
 */
export function reportDuplicateParams(view: TemplateView, context: StageContext): void {
  for (const [name, list] of view.duplicates) {
    const last = list[list.length - 1] as ParamView;
    context.report({
      code: 'extract/duplicate-parameter',
      stage: 'extract',
      message: `Unexpected second \`${name}\` (\`${last.raw}\`), expected each parameter once; the last value is used, as MediaWiki does`,
      param: name,
      span: last.paramSpan,
      related: list.slice(0, -1).map((p) => ({ message: `also given as \`${p.raw}\``, span: p.paramSpan })),
    });
  }
}
