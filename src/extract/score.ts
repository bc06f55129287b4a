/**
 * A match cell's text → what happened: played with a score (and extra time or penalties),
 * walkover or awarded, not played, no fixture (`null`), scheduled (an article link `a`), or
 * unknown. Follows Module:Sports results: a leading `N–M` with any dash is the score, home goals
 * first. https://en.wikipedia.org/wiki/Module:Sports_results
 *
 * What the module does with each cell text (docs/research/sports-table-modules.md §3): the copy whose Lua
 * could be read (zhwiki, about 2019) treats every cell as free text, reads only a leading `N–M`
 * (to colour it with `matches_style=FBR`) and has no special value; the current enwiki source was
 * not available. `null` is therefore read as the no-fixture marker it is in use: single round-robin
 * grids write it for the pairings that are never played (the legacy `{{fb r|r=null}}` means the
 * same), and no version reads a score from it. It is never counted and never reported.
 */
import type { MatchCell } from '../types/index.js';
import { readNumberText } from './numbers.js';

/** The parsed part of a cell. */
export type CellResult = Pick<MatchCell, 'status' | 'homeGoals' | 'awayGoals' | 'extraTime' | 'penalties' | 'awarded' | 'detail'>;

/** Which number of a score was too large to be a figure. */
export type ScorePart = 'home goals' | 'away goals' | 'penalties';

// The detail is trimmed, so no `\s*` before it: `\s*(.*)` traded spaces between two quantifiers.
const SCORE = /^(\d+)\s*[-–—−‒]\s*(\d+)(?!\d)(.*)$/s;
const WALKOVER = /^(w\s*[./]\s*o\.?|walk-?over|awd\.?|awarded|forfeit(ed)?)/i;
const NOT_PLAYED = /^([-–—−‒]|n\/?a|x|—+|–+)?$/i;
// `(?<!\d)` makes each run of digits a candidate once, at its start: tried from every digit, the
// pattern took quadratic time on a long run. Brackets and a trailing `.`/`)` around the
// penalties are optional, so they are left out of the pattern: the match is the same.
const PENALTIES = /(?<!\d)(\d+)\s*[-–—−‒]\s*(\d+)\s*(p|pen|pens|penalties|on penalties|pso)/i;
const EXTRA_TIME = /\b(a\.?\s*e\.?\s*t\.?|aet|after extra time|e\.t\.)/i;
const AWARDED = /\b(awd|awarded|w\s*[./]\s*o|walkover|forfeit)\b/i;

/**
 * Classifies a match cell.
 * @param text the cell's plain text (links unwrapped, refs and bold dropped)
 * @param onTooLarge told of each number past MAX_FIGURE, which is left out of the result
 * @returns the result; `status: 'unknown'` when the text is none of the known forms
 */
export function readScore(text: string, onTooLarge?: (part: ScorePart) => void): CellResult {
  const t = text.trim();
  const m = SCORE.exec(t);
  if (m !== null) {
    const detail = (m[3] ?? '').trim();
    const pens = PENALTIES.exec(detail);
    const goals = (digits: string | undefined, part: ScorePart): number | undefined => {
      const n = readNumberText(digits ?? '');
      if (n === 'too-large') onTooLarge?.(part);
      return typeof n === 'number' ? n : undefined;
    };
    const homeGoals = goals(m[1], 'home goals');
    const awayGoals = goals(m[2], 'away goals');
    const home = pens === null ? undefined : goals(pens[1], 'penalties');
    const away = pens === null ? undefined : goals(pens[2], 'penalties');
    return {
      status: AWARDED.test(detail) ? 'walkover' : 'played',
      ...(homeGoals === undefined ? {} : { homeGoals }),
      ...(awayGoals === undefined ? {} : { awayGoals }),
      ...(EXTRA_TIME.test(detail) ? { extraTime: true } : {}),
      ...(home === undefined || away === undefined ? {} : { penalties: { home, away } }),
      ...(AWARDED.test(detail) ? { awarded: true } : {}),
      ...(detail.length === 0 ? {} : { detail }),
    };
  }
  if (WALKOVER.test(t)) return { status: 'walkover', ...(t.length === 0 ? {} : { detail: t }) };
  if (NOT_PLAYED.test(t)) return { status: 'not-played' };
  if (/^null$/i.test(t)) return { status: 'no-fixture' };
  if (/^a$/i.test(t)) return { status: 'scheduled' };
  if (/^(postponed|cancell?ed|abandoned|annulled|void|tbd|tba|p-p|p\/p)\b/i.test(t)) return { status: 'not-played', detail: t };
  return { status: 'unknown', detail: t };
}
