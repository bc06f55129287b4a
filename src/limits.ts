/**
 * Every size that comes from the input is capped where it is read, by one of these constants.
 * Each says why it has its value; hitting one gives a diagnostic naming the place (never a crash,
 * a hang or a silent cut). Keep them here, not next to their users, so they can be reviewed together.
 */

/** Browsers cap `colspan` at 1000 (HTML standard, "the colspan attribute"): wider is read as 1000. */
export const MAX_COLSPAN = 1000;

/** Browsers cap `rowspan` at 65534 (HTML standard); a rowspan never reaches past its table anyway. */
export const MAX_ROWSPAN = 65534;

/**
 * Goals, points, wins, ranks: the largest figure read as a number. Real season figures are below
 * 10,000; anything past a million is garbage (and past 2^53 is not even an exact double).
 */
export const MAX_FIGURE = 1_000_000;

/** The largest bracket the NTeamBracket family and Module:Team bracket draw: 2^8 = 256 teams. */
export const MAX_BRACKET_ROUNDS = 8;

/**
 * Templates and links nested deeper than this are not parsed. MediaWiki's own limit report caps
 * template expansion depth at 100 on Wikimedia wikis; wikiparser-node overflows the stack near
 * 1,000 levels (where exactly depends on the stack left) and 20,000 nested `[[a|` cost it 1.3 GB.
 */
export const MAX_NESTING = 100;

/**
 * The largest piece of a SurfDoc's Markdown given to remark-parse at once. micromark is quadratic
 * on some inputs (runs of `[` then `]`, emphasis runs such as `a*b**c***`, block quotes nested
 * thousands deep with lazy lines): 200 KB of them took 20 s to 100 s in one piece, and at most
 * 4 s when cut into pieces of this size. Pieces end at blank lines outside code fences; a longer
 * block is cut at a line or parameter boundary and its parts joined again. Real paragraphs are
 * rarely longer than a few KB, so most articles are cut only where Markdown blocks end anyway.
 */
export const MAX_MARKDOWN_PIECE = 2048;

/**
 * The most grid slots (rendered cells, holes included) one table may lay out. Only rowspan and
 * colspan multiply the cells written (1,000 cells of `rowspan=1000 colspan=1000` would ask for 10^9
 * slots, gigabytes), and every slot is written out in the table record (~120 bytes of JSON each).
 * The longest real lists (results of every match of a season, ~2,000 rows of 15 columns) stay well
 * under 50,000; past it the table view says it was truncated and the extractor reports it.
 */
export const MAX_TABLE_CELLS = 50_000;
