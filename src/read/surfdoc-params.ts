/**
 * SurfDoc's orphan template parameters: finding `|key=` in a block, and naming the template a run
 * of them belongs to. Split from surfdoc.ts, which wraps the runs back into templates.
 */
import { MAX_BRACKET_ROUNDS, MAX_FIGURE } from '../limits.js';
import type { Block } from './data-table.js';

// `|key=`: what `/\|\s*([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)\s*=/gu` matched, scanned by hand (see
// scanParams): the lazy key and the `\s*` after it both take spaces, which was quadratic on `|a   …   b`.
const KEY_RUN = /[\p{L}\p{N}_][\p{L}\p{N}_ -]*/uy;
const SPACES = /\s*/y;
const STARTERS = new Set(['res_col_header', 'team1', 'team_order', 'competition', 'RD1', 'title', 'season']);

/**
 * Index of the first `|key=` that starts a parameter run (two parameters at least, or a key that
 * only opens a run).
 * @param raw a Markdown block's text
 * @returns the offset of the run's `|` (0 when only spaces come before it), or undefined
 */
export function firstParam(raw: string): number | undefined {
  const matches = scanParams(raw, 2);
  const first = matches[0];
  if (first === undefined) return undefined;
  const at = first.index;
  if (matches.length < 2 && at > 0 && !STARTERS.has(first.key)) return undefined;
  return raw.slice(0, at).trim().length === 0 ? 0 : at;
}

/**
 * Finds `|key=` in order, in linear time: after `|` and optional spaces, a key of letters, digits,
 * `_`, `-` and spaces, then optional spaces and `=`; the key's trailing spaces are not part of it.
 * @param text text holding orphan template parameters
 * @param limit stop after this many
 * @returns each parameter's `|` offset and key
 */
export function scanParams(text: string, limit = Infinity): { index: number; key: string }[] {
  const found: { index: number; key: string }[] = [];
  for (let bar = text.indexOf('|'); bar !== -1 && found.length < limit; bar = text.indexOf('|', bar + 1)) {
    SPACES.lastIndex = bar + 1;
    SPACES.exec(text);
    KEY_RUN.lastIndex = SPACES.lastIndex;
    const key = KEY_RUN.exec(text)?.[0];
    if (key === undefined) continue;
    SPACES.lastIndex = KEY_RUN.lastIndex;
    SPACES.exec(text);
    if (text.charAt(SPACES.lastIndex) !== '=') continue;
    found.push({ index: bar, key: key.trimEnd() });
    bar = SPACES.lastIndex;
  }
  return found;
}

/**
 * Which template a parameter run belongs to, from its keys.
 * @param keys the run's parameter names, in order
 * @param lastData the `::data` block before the run, whose title may name an infobox
 * @returns the template call to wrap the run in, without braces
 */
export function templateFor(keys: readonly string[], lastData: Block | undefined): string {
  if (keys.some((k) => /^RD\d+(-|$)/.test(k))) {
    // Counted in a loop (a spread of 100,000 keys overflows the stack); a round past
    // MAX_BRACKET_ROUNDS names no bracket size: the bracket extractor reports that parameter.
    let rounds = 0;
    let legs = 1;
    for (const k of keys) {
      const round = smallNumber(/^RD(\d+)/.exec(k)?.[1], MAX_BRACKET_ROUNDS);
      const leg = smallNumber(/^RD\d+-score\d+-(\d+)$/.exec(k)?.[1], MAX_FIGURE);
      rounds = Math.max(rounds, round);
      legs = Math.max(legs, leg);
    }
    return `${2 ** rounds}TeamBracket${legs > 1 ? `-${legs}Leg` : ''}`;
  }
  if (keys.some((k) => /^(win|draw|loss|gf|ga|pf|pa)_/.test(k) || k === 'res_col_header')) return '#invoke:Sports table|main|style=WDL';
  if (keys.some((k) => /^match\d*_/.test(k))) return '#invoke:Sports results|main';
  const title = lastData?.attrs['title'];
  if (title !== undefined && /^infobox/i.test(title)) return title;
  return 'Infobox football league season';
}

/** A number written in a key, or 0 when absent or past `max` (400 digits read as Infinity). */
function smallNumber(digits: string | undefined, max: number): number {
  const n = Number(digits ?? '0');
  return Number.isFinite(n) && n <= max ? n : 0;
}
