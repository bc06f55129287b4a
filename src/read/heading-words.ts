/**
 * Converters that flatten an article to SurfDoc keep its headings only as short one-line
 * paragraphs ("Region II", "Group A"). A paragraph is taken for a heading only when its words
 * say so clearly; the level comes from the kind of division the words name.
 */
const LEVELS: readonly [RegExp, number][] = [
  [/^(notes|references|see also|external links|format|teams|overview|statistics|top ?scorers|bibliography)$/i, 2],
  [/\b(stage|phase)$/i, 2],
  [/^(region|zone|conference|division|league|pool|series|section|area)\s+[\p{L}\p{N}]+$/iu, 3],
  [/^tie-?breakers?$/i, 5],
  [/^(group|grupo)\s+[\p{L}\p{N}]+$/iu, 4],
  [/^((first|second|third|fourth|fifth|final|preliminary|qualifying|knockout|elimination)\s+)?(round|rounds|stage)(\s+of\s+\d+)?$/i, 4],
  [/^((regional|national|grand|third[- ]place|quarter|semi|play-?off)\s*-?\s*)?(finals?|quarterfinals?|semifinals?|play-?offs?)$/i, 4],
  [/^round of \d+$/i, 4],
];

/**
 * Tells whether a short paragraph is a heading, and at which level.
 * @param line a one-line paragraph, trimmed
 * @returns the wikitext heading level (2–5), or undefined when it is not clearly a heading
 */
export function headingLevel(line: string): number | undefined {
  if (line.length === 0 || line.length > 40 || /[.:;,!?|=[\]{}]$/.test(line) || line.includes('|')) return undefined;
  for (const [pattern, level] of LEVELS) if (pattern.test(line)) return level;
  return undefined;
}
