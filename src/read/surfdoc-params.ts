/**
 * SurfDoc's orphan template parameters: finding `|key=` in a block, naming the template a run of
 * them belongs to, and where a run must end so that its wrapper closes. Split from surfdoc.ts,
 * which wraps the runs back into templates.
 */
import { MAX_BRACKET_ROUNDS, MAX_FIGURE } from '../limits.js';
import { maskOpaque, type Opaque } from '../parse/fast/mask.js';
import { FULL_PARSER } from '../parse/full.js';
import type { Locator } from '../parse/position.js';
import type { StageContext } from '../types/index.js';
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

/** Extension tags (`<ref>`, `<nowiki>`, …): one the run opens and does not close takes in what follows. */
const EXT_OPENER = new RegExp(`<(?:${FULL_PARSER.extTags.map((t) => t.replace(/[^a-z0-9-]/gi, '')).join('|')})(?=[\\s/>]|$)`, 'i');

/**
 * Where the first opener of `text` that nothing in it closes starts, as MediaWiki's preprocessor
 * reads it: a `<!--` with no `-->`, an `<includeonly>` or extension tag with no closing tag, or a
 * `{{` outside them (a run of closing braces closes the innermost opener, three at a time when both
 * runs have three, else two; an opener left with one brace is text). Wrapped in a recovered
 * template, such an opener would take the template's closing braces, and the text after, into its
 * values. An extension tag is cut at even when a later one in the file would not close it.
 * @param text a run of orphan template parameters
 * @returns the opener's offset, or undefined when everything it opens it closes
 */
function firstUnclosed(text: string): number | undefined {
  const { masked, opaque } = maskOpaque(text, FULL_PARSER.extTags);
  let first = EXT_OPENER.exec(masked)?.index;
  // A comment or <includeonly> with no end is opaque to the end of the run (and would be past it).
  const runsOn = (o: Opaque): boolean =>
    o.kind === 'comment' ? !text.includes('-->', o.start + 4) : o.kind === 'include' && o.end === text.length && !/(<\/includeonly\s*|\/)>$/i.test(text);
  const unclosed = opaque.find(runsOn);
  if (unclosed !== undefined && (first === undefined || unclosed.start < first)) first = unclosed.start;
  const open: { at: number; count: number }[] = [];
  const token = /\{{2,}|\}{2,}/g;
  for (let m = token.exec(masked); m !== null && (first === undefined || m.index < first); m = token.exec(masked)) {
    if (m[0].startsWith('{')) open.push({ at: m.index, count: m[0].length });
    else {
      let closing = m[0].length;
      for (let top = open[open.length - 1]; top !== undefined && closing >= 2; top = open[open.length - 1]) {
        const matched = Math.min(top.count, closing) >= 3 ? 3 : 2;
        top.count -= matched;
        closing -= matched;
        if (top.count < 2) open.pop();
      }
    }
  }
  const brace = open[0]?.at;
  return brace !== undefined && (first === undefined || brace < first) ? brace : first;
}

/**
 * Where a parameter run wrapped as a template must end: before an opener nothing in the run closes,
 * which would otherwise take the template's closing braces (and what follows) into its values.
 * @param start the run's start in the file
 * @param end its end
 * @param text the file's text
 * @param lines positions in the file
 * @param context diagnostics sink (read/truncated-fragment when the run is cut)
 * @returns the end to use
 */
export function cutAtUnclosed(start: number, end: number, text: string, lines: Locator, context: StageContext): number {
  const open = firstUnclosed(text.slice(start, end));
  if (open === undefined) return end;
  const cut = start + open;
  context.report({
    code: 'read/truncated-fragment',
    stage: 'read',
    message: `Unexpected \`${/^(?:<!--|<[a-z][\w-]*|\{+)/i.exec(text.slice(cut, cut + 40))?.[0] ?? ''}\` with nothing to close it in template parameters, expected every opener closed; the parameters from there on were left out`,
    span: lines.span(cut, end),
  });
  return cut;
}
