/**
 * A match cell's text → what happened: played with a score (and extra time or penalties),
 * walkover or awarded, not played, scheduled (an article link `a`), or unknown. Follows
 * Module:Sports results: a leading `N–M` with any dash is the score, home goals first.
 * https://en.wikipedia.org/wiki/Module:Sports_results
 */
import type { MatchCell } from '../types/index.js';

/** The parsed part of a cell. */
export type CellResult = Pick<MatchCell, 'status' | 'homeGoals' | 'awayGoals' | 'extraTime' | 'penalties' | 'awarded' | 'detail'>;

const SCORE = /^(\d+)\s*[-–—−‒]\s*(\d+)(?!\d)\s*(.*)$/s;
const WALKOVER = /^(w\s*[./]\s*o\.?|walk-?over|awd\.?|awarded|forfeit(ed)?)/i;
const NOT_PLAYED = /^([-–—−‒]|n\/?a|x|—+|–+)?$/i;
const PENALTIES = /\(?\s*(\d+)\s*[-–—−‒]\s*(\d+)\s*(p|pen|pens|penalties|on penalties|pso)\.?\s*\)?/i;
const EXTRA_TIME = /\b(a\.?\s*e\.?\s*t\.?|aet|after extra time|e\.t\.)/i;
const AWARDED = /\b(awd|awarded|w\s*[./]\s*o|walkover|forfeit)\b/i;

/**
 * Classifies a match cell.
 * @param text the cell's plain text (links unwrapped, refs and bold dropped)
 * @returns the result; `status: 'unknown'` when the text is none of the known forms
 */
export function readScore(text: string): CellResult {
  const t = text.trim();
  const m = SCORE.exec(t);
  if (m !== null) {
    const detail = (m[3] ?? '').trim();
    const pens = PENALTIES.exec(detail);
    return {
      status: AWARDED.test(detail) ? 'walkover' : 'played',
      homeGoals: Number(m[1]),
      awayGoals: Number(m[2]),
      ...(EXTRA_TIME.test(detail) ? { extraTime: true } : {}),
      ...(pens === null ? {} : { penalties: { home: Number(pens[1]), away: Number(pens[2]) } }),
      ...(AWARDED.test(detail) ? { awarded: true } : {}),
      ...(detail.length === 0 ? {} : { detail }),
    };
  }
  if (WALKOVER.test(t)) return { status: 'walkover', ...(t.length === 0 ? {} : { detail: t }) };
  if (NOT_PLAYED.test(t)) return { status: 'not-played' };
  if (/^a$/i.test(t)) return { status: 'scheduled' };
  if (/^(postponed|cancell?ed|abandoned|annulled|void|tbd|tba|p-p|p\/p)\b/i.test(t)) return { status: 'not-played', detail: t };
  return { status: 'unknown', detail: t };
}
