/**
 * Module:RoundN brackets → a bracket record of the same shape as the NTeamBracket family's
 * (bracket.ts): `{{Round16}}`, `{{Round8-with third}}`, `{{#invoke:RoundN|N16}}` or `|main|columns=4`.
 * https://en.wikipedia.org/wiki/Module:RoundN, read in its source (a bgwiki copy, the zhwiki one
 * has the same logic; docs/research/roundn.md): the matches are unnamed parameters in groups, `date-place | team 1 |
 * score 1 | team 2 | score 2` (with `score-boxes=2`, two scores a team: legs), read round by round,
 * top to bottom, the final last, then the third-place match, which is drawn by default from 16
 * teams on (`3rdplace=yes` below, any other value none) and never when `final_RDs_excluded` is set.
 * `skipmatch<N>=yes` or `skipmatch=1-4;7` leaves a match blank; its parameters are still used up
 * unless `omit_blanks=yes`. With `bold_winner=high` (or `low`, or a `+sum` score box) the module
 * bolds the team whose score, stripped of tags and of every character but digits, is higher
 * (`1 (4)` is 14): that is the record's `bold`, as for a team written in bold. The third-place
 * match is slots 3–4 of the last round, as the NTeamBracket family's third-place variants draw it.
 */
import { MAX_BRACKET_ROUNDS, MAX_FIGURE } from '../limits.js';
import type { ParamView, TemplateView } from '../parse/index.js';
import type { BracketRecord, BracketRound, BracketSlot, Figure, StageContext } from '../types/index.js';
import { bracketRecord } from './bracket.js';
import { readGoalsCell, readTeamCell } from './bracket-cells.js';
import { readCount } from './numbers.js';
import { normaliseTemplateName, roundNSize } from './template-names.js';
import { reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

/**
 * Whether a call is a Module:RoundN bracket.
 * @param rawName the name as parsed
 * @param isInvoke whether it is an #invoke call
 * @returns true for `{{#invoke:RoundN|…}}` and the `{{Round<N>…}}` templates
 */
export function isRoundN(rawName: string, isInvoke: boolean): boolean {
  return isInvoke ? normaliseTemplateName(rawName) === 'roundn' : roundNSize(rawName) !== undefined;
}

/** Score boxes a team may have (legs); the module draws any number, real brackets two or three. */
const MAX_LEGS = 8;

/** The number the module reads from a value: its digits only (`2+sum` → 2); undefined without any. */
function digitsOf(text: string | undefined): number | undefined {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits.length === 0 ? undefined : readCount(digits, MAX_FIGURE);
}

/** log2 of a power of two from 2 to 512 (what RoundN draws), else undefined. */
function powerOfTwo(n: number): number | undefined {
  for (let c = 1; c <= 9; c++) if (2 ** c === n) return c;
  return undefined;
}

/** A match as its parameters give it. */
interface MatchParams {
  team1?: ParamView;
  team2?: ParamView;
  scores1: (ParamView | undefined)[];
  scores2: (ParamView | undefined)[];
  unbold: boolean;
}

/**
 * Extracts a RoundN bracket.
 * @param view the template or #invoke call
 * @param id the record id
 * @param context diagnostics sink
 * @returns the bracket record
 */
export function extractRoundN(view: TemplateView, id: string, context: StageContext): BracketRecord {
  reportDuplicateParams(view, context);
  const arg = (name: string): string | undefined => {
    const p = view.byName.get(name);
    return p === undefined || p.text.trim().length === 0 ? undefined : p.text;
  };
  const clean = (name: string): string | undefined => arg(name)?.replace(/[^\w\-;.]/g, '');
  const yes = (name: string): boolean | undefined => (arg(name) === undefined ? undefined : clean(name) === 'yes' || arg(name) === 'true');
  const columns = readColumns(view, context);
  // Rounds after the last column drawn (the final shown elsewhere): the first column is as wide as theirs.
  const excluded = Math.min(digitsOf(arg('final_RDs_excluded')) ?? 0, MAX_BRACKET_ROUNDS - columns);
  const third = excluded === 0 && (yes('3rdplace') ?? (/with\s*(third|3rd)/.test(normaliseTemplateName(view.rawName)) || (columns > 3 && yes('no_column_head') !== true)));
  const boxesText = arg('score-boxes');
  const sum = boxesText !== undefined && /\d ?\+ ?sum/.test(boxesText);
  // Score boxes a team fills, one a leg (a `+sum` box is the module's own).
  const legs = Math.min(digitsOf(boxesText) ?? 1, MAX_LEGS);
  const winner = clean('bold_winner');
  const bolding = winner === 'low' || winner === 'high' ? winner : sum ? 'high' : undefined;
  const skip = matchSet(view, 'skip');
  const unbold = matchSet(view, 'manualbold');
  const omitBlanks = yes('omit_blanks') === true;

  const perRound = (r: number): number => 2 ** (columns + excluded - r) + (r === columns && third ? 1 : 0);
  let total = 0;
  for (let r = 1; r <= columns; r++) total += perRound(r);
  const per = 3 + 2 * legs;
  const positional = (n: number): ParamView | undefined => view.byName.get(String(n));
  const matches: MatchParams[] = [];
  let step = 1;
  for (let num = 1; num <= total; num++) {
    const skipped = skip.has(num);
    const at = step;
    matches.push({
      ...(skipped ? {} : opt('team1', positional(at + 1))),
      ...(skipped ? {} : opt('team2', positional(at + 2 + legs))),
      scores1: skipped ? [] : Array.from({ length: legs }, (_, l) => positional(at + 2 + l)),
      scores2: skipped ? [] : Array.from({ length: legs }, (_, l) => positional(at + 3 + legs + l)),
      unbold: unbold.has(num),
    });
    if (!(skipped && omitBlanks)) step += per;
  }
  reportUnread(view, step, context);

  const rounds: BracketRound[] = [];
  let next = 0;
  for (let r = 1; r <= columns; r++) {
    const count = perRound(r);
    const slots: BracketSlot[] = [];
    for (let k = 0; k < count; k++) {
      const m = matches[next++];
      if (m === undefined) continue;
      const where = `match ${next}`;
      const bold = bolding === undefined || m.unbold ? undefined : winnerOf(m, bolding, sum);
      slots.push(readSide(m.team1, m.scores1, 2 * k + 1, where, bold === 0, context), readSide(m.team2, m.scores2, 2 * k + 2, where, bold === 1, context));
    }
    const label = valueOf(view.byName.get(`RD${r}`));
    rounds.push({ round: r, ...opt('label', label), knockout: true, slots, ties: [] });
  }
  return bracketRecord(view, id, rounds, Math.max(1, legs));
}

/** The rounds: `columns=` (the module's own name for it), else N of the template or of `N16`. */
function readColumns(view: TemplateView, context: StageContext): number {
  const given = view.byName.get('columns');
  const named = digitsOf(given?.text);
  const fromName = view.isInvoke ? powerOfTwo(Number(/^n(\d+)$/i.exec(view.functionName?.trim() ?? '')?.[1])) : powerOfTwo(roundNSize(view.rawName) ?? 0);
  const columns = named ?? fromName ?? 1;
  if (columns <= MAX_BRACKET_ROUNDS) return Math.max(1, columns);
  context.report({
    code: 'extract/out-of-range',
    stage: 'extract',
    message: `Unexpected bracket of ${columns} rounds, expected at most ${MAX_BRACKET_ROUNDS}; read as ${MAX_BRACKET_ROUNDS}`,
    ...(given === undefined ? {} : { param: given.name }),
    span: given?.paramSpan ?? view.span,
  });
  return MAX_BRACKET_ROUNDS;
}

/** `4` or `1-4`: from, to, step 1 (nothing for anything else). */
function simpleRange(piece: string): [number, number, number] {
  const [a = '', b] = piece.split('-');
  const from = /^\d*$/.test(a) ? Number(a || 1) : 0;
  const to = b === undefined ? from : /^\d+$/.test(b) ? Number(b) : 0;
  return from === 0 ? [1, 0, 1] : [from, to, 1];
}

/** `2per3-9` (every 3rd from 2 to 9) and `1per2x4` (4 of them, every 2nd from 1), split at `per`. */
function perRange(first: string, rest: string): [number, number, number] {
  const op = rest.search(/[-x]/);
  const [period, last] = [rest.slice(0, op), rest.slice(op + 1)];
  if (op <= 0 || !/^\d*$/.test(first) || !/^\d+$/.test(period) || !/^\d+$/.test(last)) return [1, 0, 1];
  const from = Number(first || 1);
  const every = Math.max(1, Number(period));
  return [from, rest.charAt(op) === '-' ? Number(last) : from + every * (Number(last) - 1), every];
}

/** `skipmatch3`, `manualboldmatch`: the kind and the match number, if any. */
const MATCH_LIST = /^(skip|manualbold)match(\d*)$/;

/**
 * The matches `skipmatch`/`manualboldmatch` name: `<kind>match<N>=yes`, or `<kind>match=1-4;7`
 * and `2per3-9` (every 3rd from 2 to 9) / `1per2x4` (4 of them, every 2nd from 1).
 */
function matchSet(view: TemplateView, kind: 'skip' | 'manualbold'): Set<number> {
  const set = new Set<number>();
  const most = 2 ** MAX_BRACKET_ROUNDS;
  for (const p of view.byName.values()) {
    const m = MATCH_LIST.exec(p.name);
    if (m === null || m[1] !== kind) continue;
    const value = p.text.replace(/[^\w\-;.]/g, '');
    if (m[2] !== '') {
      const n = readCount(m[2] ?? '', most);
      if (n !== undefined && (value === 'yes' || p.text.trim() === 'true')) set.add(n);
      continue;
    }
    // `1-4;7`, and `2per3-9` (every 3rd from 2 to 9) or `1per2x4` (4 of them, every 2nd from 1).
    for (const piece of value.split(';')) {
      const per = piece.indexOf('per');
      const [from, to, every] = per === -1 ? simpleRange(piece) : perRange(piece.slice(0, per), piece.slice(per + 3));
      for (let y = from; y <= Math.min(to, most); y += every) set.add(y);
    }
  }
  return set;
}

function readSide(team: ParamView | undefined, scores: (ParamView | undefined)[], slot: number, where: string, bolded: boolean, context: StageContext): BracketSlot {
  const cell = readTeamCell(team);
  const figures: Figure[] = [];
  for (const [l, p] of scores.entries()) {
    const f = readGoalsCell(p, scores.length > 1 ? `leg ${l + 1} of slot ${slot} in ${where}` : `the score of slot ${slot} in ${where}`, context);
    if (f !== undefined) figures.push(f);
  }
  return {
    slot,
    ...opt('team', cell.team),
    ...opt('link', cell.team?.links?.[0]?.target),
    ...(cell.team !== undefined && (bolded || /'''/.test(cell.team.raw)) ? { bold: true } : {}),
    scores: figures,
  };
}

/**
 * The module's score as it compares them: tags removed, then every character but digits
 * (`1 (4)` → 14); a cell with no digit left is larger than any, an absent one 0.
 */
function washed(p: ParamView | undefined): number {
  if (p === undefined || p.raw.trim().length === 0) return 0;
  let digits = '';
  // Tags out (an unclosed `<` stays), then every character but digits.
  for (let i = 0; i < p.raw.length; i++) {
    const c = p.raw.charAt(i);
    const close = c === '<' ? p.raw.indexOf('>', i + 1) : -1;
    if (close !== -1) i = close;
    else if (c >= '0' && c <= '9') digits += c;
  }
  return digits.length === 0 ? Number.POSITIVE_INFINITY : Number(digits);
}

/** The side the module bolds (0 or 1): by the last score box either team filled, or by their sum; none when level. */
function winnerOf(m: MatchParams, bolding: 'high' | 'low', sum: boolean): 0 | 1 | undefined {
  const filled = m.scores1.flatMap((p, l) => (p !== undefined || m.scores2[l] !== undefined ? [[washed(p), washed(m.scores2[l])] as const] : []));
  if (filled.length === 0 || m.team1 === undefined || m.team2 === undefined) return undefined;
  const [x, y] =
    sum && filled.length > 1 ? filled.reduce<[number, number]>((t, [p, q]) => [t[0] + p, t[1] + q], [0, 0]) : (filled[filled.length - 1] as readonly [number, number]);
  if (x === y || (!Number.isFinite(x) && !Number.isFinite(y))) return undefined;
  return (bolding === 'high' ? x > y : x < y) ? 0 : 1;
}

/** Unnamed parameters past the last match the bracket draws: the module never shows them. */
function reportUnread(view: TemplateView, firstUnread: number, context: StageContext): void {
  const extra = view.params.filter((p) => p.anonymous && Number(p.name) >= firstUnread && p.raw.trim().length > 0);
  const first = extra[0];
  if (first === undefined) return;
  context.report({
    code: 'extract/out-of-range',
    stage: 'extract',
    message: `Unexpected ${extra.length === 1 ? 'value' : `${extra.length} values`} from unnamed parameter ${first.name} on, past the last match the bracket draws (${firstUnread - 1} parameters), expected none (or \`3rdplace=yes\` for a third-place match); ${extra.length === 1 ? 'it is' : 'they are'} not shown`,
    param: first.name,
    span: first.paramSpan,
  });
}
