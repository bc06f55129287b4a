/**
 * How a level tie was decided, read from the marks an article writes after the goals in a bracket
 * cell: shoot-out goals in brackets (`1 (4)`, `1 (4 p)`, `1 ([[Penalty shoot-out|4]])`) and the
 * away-goals mark (`2 (a)`). https://en.wikipedia.org/wiki/Template:16TeamBracket documents score
 * cells as free text; these are the forms football brackets write for a shoot-out and away goals.
 */

/** What the marks of one team's score say. */
export interface TieBreak {
  /** Goals scored in the shoot-out. */
  penalties?: number;
  /** `(a)`: through on away goals. */
  awayGoals?: true;
}

/**
 * The plain text of a score as written: refs, comments and tags set aside, links read as their
 * label, bold and italic quotes and `&nbsp;` gone. A scan, not patterns, so that it stays linear on
 * any run of brackets.
 * @param raw a figure's raw wikitext, e.g. `1 ([[Penalty shoot-out (association football)|4]])`
 * @returns e.g. `1 (4)`
 */
export function scoreText(raw: string): string {
  const lower = raw.toLowerCase();
  const after = (close: string, from: number): number => {
    const end = lower.indexOf(close, from);
    return end === -1 ? raw.length : end + close.length;
  };
  let out = '';
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('[[', i)) {
      const end = raw.indexOf(']]', i + 2);
      const inner = raw.slice(i + 2, end === -1 ? raw.length : end);
      out += inner.slice(inner.lastIndexOf('|') + 1);
      i = end === -1 ? raw.length : end + 2;
    } else if (raw.startsWith('<!--', i)) {
      i = after('-->', i + 4);
    } else if (lower.startsWith('<ref', i)) {
      const open = after('>', i);
      i = raw.charAt(open - 2) === '/' ? open : after('</ref>', open);
    } else if (raw.charAt(i) === '<') {
      i = after('>', i + 1);
    } else {
      out += raw.charAt(i);
      i += 1;
    }
  }
  return out.replace(/'/g, '').replace(/&nbsp;/gi, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Reads the tie-break marks of a score.
 * @param raw the score as written
 * @returns what the marks say; empty when there are none
 */
export function readTieBreak(raw: string): TieBreak {
  // Without spaces, `( 4 p )` and `(4p)` are one form.
  const compact = scoreText(raw).replace(/\s/g, '');
  const pens = /\((\d{1,3})(?:p|pen|pens|pso)?\.?\)/i.exec(compact);
  return {
    ...(pens?.[1] === undefined ? {} : { penalties: Number(pens[1]) }),
    ...(/\(a\)/i.test(compact) ? { awayGoals: true as const } : {}),
  };
}
