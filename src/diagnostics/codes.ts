/**
 * Every diagnostic code wikitally can emit, with its default severity and what it means.
 * The `DiagnosticCode` type is derived from this table, so a misspelt code does not compile;
 * `schemas/diagnostic.schema.json` repeats the ids as an enum and a test keeps the two equal.
 */
export const CODES = {
  'read/unreadable-input': { severity: 'error', description: 'The input path cannot be read (missing, a directory with nothing readable, or no permission).' },
  'read/malformed-xml': { severity: 'error', description: 'A MediaWiki dump stops being well-formed XML (or bzip2); the pages before that point were read.' },
  'read/malformed-page': { severity: 'warning', description: 'A dump page with no title, no namespace or no revision text.' },
  'read/empty-input': { severity: 'warning', description: 'The input holds no text.' },
  'read/binary-input': { severity: 'error', description: 'The input holds NUL bytes: it is not a text file.' },
  'read/invalid-utf8': { severity: 'warning', description: 'Bytes that are not UTF-8 were replaced by U+FFFD.' },
  'read/unclosed-block': { severity: 'warning', description: 'A SurfDoc ::block has no closing :: line; it was closed at the end of the file.' },
  'read/recovered-template': { severity: 'info', description: 'SurfDoc template parameters with no template around them were read as the template they belong to.' },
  'read/truncated-fragment': { severity: 'warning', description: 'Prose ran into the last parameter of a recovered template and was cut off.' },
  'read/lost-structure': { severity: 'info', description: 'Table debris (|} or |- |}) whose table was lost in conversion.' },
  'read/unsplit-row': { severity: 'warning', description: 'A ::data row lost its cell separators and could not be split for sure.' },
  'read/filled-down': { severity: 'warning', description: 'A ::data row is one cell short; its first cell was filled down from the row above (a lost rowspan).' },
  'parse/too-deep': { severity: 'error', description: 'Template nesting too deep to parse; the section was skipped.' },
  'parse/too-large': { severity: 'warning', description: 'A section with no headings was too large to parse at once and was split at a line boundary.' },
  'parse/unclosed-template': { severity: 'error', description: 'A {{#invoke or template opener has no closing braces.' },
  'extract/no-teams': { severity: 'error', description: 'A sports table or results grid lists no team.' },
  'extract/duplicate-team': { severity: 'error', description: 'The same team code appears twice in one team list.' },
  'extract/duplicate-parameter': { severity: 'warning', description: 'A template parameter is given twice; the last value is used, as MediaWiki does.' },
  'extract/not-a-number': { severity: 'error', description: 'A parameter that must be a number is not one.' },
  'extract/unknown-team': { severity: 'warning', description: 'A per-team parameter names a code that is not in the team list.' },
  'extract/unknown-parameter': { severity: 'warning', description: 'A parameter the template does not read.' },
  'extract/missing-name': { severity: 'info', description: 'A team has no name_<CODE>; the module shows the bare code.' },
  'extract/unreadable-score': { severity: 'warning', description: 'A match cell that is neither a score, a walkover nor an unplayed mark.' },
  'extract/bracket-missing-slot': { severity: 'warning', description: 'A bracket tie has one team and an empty slot where no bye is allowed.' },
  'extract/incomplete-tie': { severity: 'warning', description: 'A tie or match box names only one team; it was not read.' },
  'extract/legacy-column-order': { severity: 'warning', description: 'A legacy {{fb r}} row whose cell comments name the columns in another order than its header; the page shows its scores under other teams.' },
  'extract/table-bad-span': { severity: 'warning', description: 'A rowspan or colspan that is not a whole number of at least 1; read as browsers read it.' },
  'extract/table-span-overflow': { severity: 'warning', description: 'A rowspan reaching past the last row of its table.' },
  'extract/table-ragged-row': { severity: 'warning', description: 'A table row with more or fewer cells than the header has columns.' },
  'extract/unpaired-grid': { severity: 'info', description: 'A results grid with no standings table of the same teams in the article.' },
  'validate/schema': { severity: 'error', description: 'A record does not match its JSON Schema (a bug in wikitally); it is still written.' },
  'check/wins-mismatch': { severity: 'error', description: 'Declared wins differ from the wins in the match grid.' },
  'check/draws-mismatch': { severity: 'error', description: 'Declared draws differ from the draws in the match grid.' },
  'check/losses-mismatch': { severity: 'error', description: 'Declared losses differ from the losses in the match grid.' },
  'check/goals-for-mismatch': { severity: 'error', description: 'Declared goals for differ from the goals scored in the match grid.' },
  'check/goals-against-mismatch': { severity: 'error', description: 'Declared goals against differ from the goals conceded in the match grid.' },
  'check/played-mismatch': { severity: 'error', description: 'Declared matches played differ from wins + draws + losses.' },
  'check/totals-unbalanced': { severity: 'warning', description: 'Wikipedia\'s totals check fails: total wins ≠ total losses, odd total draws, or total goals for ≠ against.' },
  'check/order-not-by-points': { severity: 'warning', description: 'A team is placed above a team with more points (class_rules may justify it).' },
  'check/unknown-grid-team': { severity: 'error', description: 'A match cell names a team that is not in the paired standings table.' },
  'check/team-without-matches': { severity: 'warning', description: 'A standings team has no cell in the paired match grid.' },
  'check/invalid-pairing': { severity: 'error', description: 'A match cell for a pairing that cannot exist (a team against itself).' },
  'check/walkover-convention': { severity: 'info', description: 'The declared figures fit the grid only when walkovers are counted as awarded 3–0 wins.' },
  'check/aggregate-mismatch': { severity: 'error', description: 'A declared aggregate differs from the sum of its legs.' },
  'check/bracket-wrong-slot': { severity: 'error', description: 'A team in a bracket round did not play in the tie that feeds its slot.' },
  'check/bracket-duplicate-team': { severity: 'error', description: 'The same team holds two slots of one bracket round.' },
  'check/bracket-not-knockout': { severity: 'info', description: 'A bracket round whose label says it is not a knockout (a group, a champion column); its pairing checks are relaxed.' },
  'check/infobox-winner-mismatch': { severity: 'error', description: "The infobox's winner is not the team that won the final." },
  'check/team-name-variant': { severity: 'info', description: 'Two mentions of the same team are spelled differently (diacritics, case, punctuation).' },
  'check/knockout-score-mismatch': { severity: 'error', description: 'A match box or tie table disagrees with the bracket about the same tie.' },
  'check/team-not-qualified': { severity: 'warning', description: 'A team plays in a later stage but is in no earlier list of qualified teams.' },
  'check/team-link-conflict': { severity: 'warning', description: 'Mentions of one team link to different pages.' },
  'check/code-conflict': { severity: 'warning', description: 'One team code is used for two different teams.' },
  'check/standings-consistent': { severity: 'info', description: 'Summary of a standings table checked against its grid: how many teams agree and what was counted.' },
  'extract/grid-paired': { severity: 'info', description: 'A separate results grid was paired with a standings table; codes that differ are listed.' },
  'internal/bug': { severity: 'error', description: 'wikitally itself failed on this article (a bug: please report it with the input); the other stages and articles went on.' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; description: string }>;

/** A diagnostic code: one key of {@link CODES}. */
export type DiagnosticCode = keyof typeof CODES;

/** The ids of all codes, in table order. */
export const DIAGNOSTIC_CODES = Object.keys(CODES) as DiagnosticCode[];
