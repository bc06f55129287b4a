/**
 * One bracket cell as real articles write it: a team cell (a linked club, a flag template before
 * it, a national team given only by `{{fb|ITA}}`, an explicit `Bye`, a `TBD` still to be filled)
 * and a score cell (goals with marks after them: `1 (4)`, `2 (a)`, `3&nbsp;{{aet}}`, or no goals
 * at all: `w/o`, `–`).
 * https://en.wikipedia.org/wiki/Module:Team_bracket: with `byes`, a slot whose team is empty or
 * "bye" is not drawn; a score cell is free text.
 */
import type { ParamView } from '../parse/index.js';
import type { Figure, StageContext, Value } from '../types/index.js';
import { readScoreFigure } from './numbers.js';
import { readScore } from './score.js';
import { valueOf } from './values.js';

/** What a team cell holds: a team, an explicit bye, or nothing. */
export interface TeamCell {
  team?: Value;
  /** The cell says `Bye`: the slot is not drawn and its opponent went through unopposed. */
  bye?: true;
}

/** `Bye` as Module:Team bracket reads it (any case; bold or italics are already gone from the text). */
const BYE = /^bye$/i;

/** A slot still to be filled: not a team, so never a duplicate nor a team in the wrong slot. */
const PLACEHOLDER = /^(tbd|tba|tbc|to be (decided|determined|announced|confirmed))$/i;

/**
 * National-team templates whose whole display is the country: with nothing else in the cell, the
 * plain text is empty, so the country code they are given is the team's name (`{{fb|ITA}}` → ITA).
 * https://en.wikipedia.org/wiki/Template:Fb and its -rt, women's (fbw) and youth (fbu) forms, and
 * the flag-and-name templates.
 */
const NATIONAL_TEAM: ReadonlySet<string> = new Set(['fb', 'fb-rt', 'fbw', 'fbw-rt', 'fbu', 'fbu-rt', 'flag', 'flagcountry', 'flagteam']);

/**
 * Reads a team cell.
 * @param p the RDn-teamm parameter, or undefined
 * @returns the team, an explicit bye, or nothing (absent, empty or a placeholder)
 */
export function readTeamCell(p: ParamView | undefined): TeamCell {
  const value = valueOf(p);
  if (value === undefined) return {};
  if (BYE.test(value.text)) return { bye: true };
  if (PLACEHOLDER.test(value.text)) return {};
  const team = withTeamCode(value);
  return team.text.length > 0 ? { team } : {};
}

/**
 * A team cell whose whole display is a national-team template (`{{fb|ITA}}`, `{{fb-rt|COL}}`,
 * bold or followed by marks like `{{pen}}`) has no plain text: it is named by the code it is given.
 * @param value a team cell (a bracket slot, a match box's `team1`)
 * @returns the cell, named by its code when that is all it shows
 */
export function withTeamCode(value: Value): Value {
  if (value.text.length > 0) return value;
  const code = nationalTeamCode(value.raw);
  return code === undefined ? value : { ...value, text: code };
}

/** Marks that follow a team's name and say how it went through: `{{aet}}`, `{{pen}}`, `{{pso}}`, `{{asdet}}`, golden and silver goals. */
const MARK = /^(?:aet|a\.e\.t\.|pen|pens|pso|asdet|gg|sg|ag|awaygoals|away goals)$/i;

/**
 * The code of a cell that is one national-team template call (bold or not), perhaps followed by
 * marks (`{{fb|BRA}}{{pen}}`), else undefined.
 */
function nationalTeamCode(raw: string): string | undefined {
  // Bold or italic quotes around the call: trimmed by index, a `/'+$/` retried from every quote.
  let start = 0;
  let end = raw.length;
  while (raw.charAt(start) === "'") start += 1;
  while (end > start && raw.charAt(end - 1) === "'") end -= 1;
  let call = raw.slice(start, end);
  // Trailing marks, one call at a time (each a bare name: no braces inside).
  for (let close = call.lastIndexOf('{{'); close > 0 && call.endsWith('}}'); close = call.lastIndexOf('{{')) {
    if (!MARK.test(call.slice(close + 2, -2).trim())) break;
    let cut = close;
    while (cut > 0 && (call.charAt(cut - 1) === "'" || /\s/.test(call.charAt(cut - 1)))) cut -= 1;
    call = call.slice(0, cut);
  }
  if (!call.startsWith('{{') || !call.endsWith('}}')) return undefined;
  const inner = call.slice(2, -2);
  if (/[{}[\]]/.test(inner)) return undefined;
  const [name, code] = inner.split('|');
  const key = (name ?? '').trim().toLowerCase().replace(/^template:/, '').trim();
  const value = (code ?? '').trim();
  return NATIONAL_TEAM.has(key) && value.length > 0 && !value.includes('=') ? value : undefined;
}

/**
 * Reads a score cell: the leading number of goals counts; a walkover or not-played mark is a
 * figure without a number and no error, since the article says no goals were scored; anything
 * else that is not a number is reported (`extract/not-a-number`).
 * @param p the parameter, or undefined
 * @param what what the score is, for the message
 * @param context diagnostics sink
 * @returns the figure, or undefined when absent or empty
 */
export function readGoalsCell(p: ParamView | undefined, what: string, context: StageContext): Figure | undefined {
  if (p === undefined || p.raw.length === 0) return undefined;
  const status = readScore(p.text).status;
  if (status === 'walkover' || status === 'not-played') return { param: p.name, raw: p.raw, span: p.span };
  return readScoreFigure(p, what, context);
}
