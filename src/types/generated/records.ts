/* eslint-disable */
/**
 * Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand:
 * change the schema and run the command again (test/types-sync.test.ts checks this file).
 */

/**
 * Headings from the outermost to the innermost that enclose the record.
 */
export type SectionPath = string[];
/**
 * What was found: one of the codes listed in src/diagnostics/codes.ts, `<stage>/<kebab-name>`.
 */
export type DiagnosticCodeId =
  | 'read/unreadable-input'
  | 'read/malformed-xml'
  | 'read/damaged-bz2'
  | 'read/malformed-page'
  | 'read/nested-page'
  | 'read/entity-declaration'
  | 'read/empty-input'
  | 'read/binary-input'
  | 'read/invalid-utf8'
  | 'read/budget'
  | 'read/unclosed-block'
  | 'read/recovered-template'
  | 'read/truncated-fragment'
  | 'read/lost-structure'
  | 'read/unsplit-row'
  | 'read/filled-down'
  | 'parse/too-deep'
  | 'parse/too-large'
  | 'parse/unclosed-template'
  | 'extract/no-teams'
  | 'extract/duplicate-team'
  | 'extract/duplicate-parameter'
  | 'extract/not-a-number'
  | 'extract/unknown-team'
  | 'extract/unknown-parameter'
  | 'extract/out-of-range'
  | 'extract/missing-name'
  | 'extract/unreadable-score'
  | 'extract/bracket-missing-slot'
  | 'extract/incomplete-tie'
  | 'extract/legacy-column-order'
  | 'extract/mixed-win-points'
  | 'extract/table-bad-span'
  | 'extract/table-span-capped'
  | 'extract/table-span-overflow'
  | 'extract/table-ragged-row'
  | 'extract/table-too-large'
  | 'extract/unpaired-grid'
  | 'read/unresolved-transclusion'
  | 'validate/schema'
  | 'check/wins-mismatch'
  | 'check/draws-mismatch'
  | 'check/losses-mismatch'
  | 'check/goals-for-mismatch'
  | 'check/goals-against-mismatch'
  | 'check/played-mismatch'
  | 'check/totals-unbalanced'
  | 'check/order-not-by-points'
  | 'check/unknown-grid-team'
  | 'check/team-without-matches'
  | 'check/invalid-pairing'
  | 'check/walkover-convention'
  | 'check/aggregate-mismatch'
  | 'check/bracket-wrong-slot'
  | 'check/bracket-duplicate-team'
  | 'check/bracket-not-knockout'
  | 'check/infobox-winner-mismatch'
  | 'check/team-name-variant'
  | 'check/knockout-score-mismatch'
  | 'check/team-not-qualified'
  | 'check/team-link-conflict'
  | 'check/team-link-variant'
  | 'check/code-conflict'
  | 'check/standings-consistent'
  | 'check/unused-acknowledgement'
  | 'extract/grid-paired'
  | 'internal/bug'
  | 'write/failed';
/**
 * error: the record contradicts itself or is unusable; warning: suspicious, the record is still written; info: a note.
 */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Everything wikitally read from one article: where it came from, its records by kind, and its diagnostics. One such file per article in out/.
 */
export interface ArticleRecord {
  source: ArticleSource;
  /**
   * Every {{Infobox …}} of the article, in document order.
   */
  infoboxes: InfoboxRecord[];
  /**
   * Every league table (Module:Sports table, legacy fb cl templates), in document order.
   */
  standings: StandingsRecord[];
  /**
   * Every results grid (match_X_Y cells of a Sports table, Module:Sports results, legacy fb r), in document order.
   */
  matchGrids: MatchGridRecord[];
  /**
   * Every wikitable and SurfDoc ::data block, nested ones included, in document order.
   */
  tables: TableRecord[];
  /**
   * Every knockout bracket, in document order.
   */
  brackets: BracketRecord[];
  /**
   * Every tie of a tie table ({{TwoLegResult}}, {{OneLegResult}}, Module:Sports series), in document order.
   */
  ties: TieRecord[];
  /**
   * Every {{Football box}} (and collapsible) match, in document order.
   */
  matches: MatchRecord[];
  /**
   * The article's team registry: one entity per team, which records point at by teamId.
   */
  teams: TeamEntity[];
  /**
   * Every finding about the article (read, parse, extract, validate and check stages), in the order found.
   */
  diagnostics: Diagnostic[];
}
/**
 * Where the article came from: the input file, its format and title, and for a dump page its page and revision ids.
 */
export interface ArticleSource {
  /**
   * The input file as it was given (for a dump, the dump), never resolved against the working directory, with / separators; `-` for standard input.
   */
  file: string;
  /**
   * How the file was read: wikitext, or SurfDoc (Markdown with ::blocks, as article converters write it).
   */
  format: 'wikitext' | 'surfdoc';
  /**
   * The article title: SurfDoc front matter, else the file name.
   */
  title: string;
  /**
   * The article's address, from SurfDoc front matter.
   */
  url?: string;
  /**
   * The text's licence, from SurfDoc front matter.
   */
  licence?: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId?: string;
  /**
   * The revision read (the latest), for a page of a MediaWiki dump.
   */
  revisionId?: string;
}
/**
 * An {{Infobox …}} template: every field as written, plus typed fields for football seasons.
 */
export interface InfoboxRecord {
  /**
   * Always `infobox`.
   */
  kind: 'infobox';
  /**
   * Stable record id: `infobox/<section-slug>/<n>`.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * The template name as written, normalised (e.g. Infobox football league season).
   */
  template: string;
  /**
   * True when the template opener was lost (SurfDoc) and the parameters were read as this infobox.
   */
  recovered?: boolean;
  /**
   * Every parameter as written, present-but-empty ones included, in source order.
   */
  fields: Value[];
  season?: FootballSeason;
}
/**
 * A range of the input file, end exclusive.
 */
export interface Span {
  start: Point;
  end: Point;
}
/**
 * A place in the input file: 1-based line and column, 0-based offset (a JavaScript string index).
 */
export interface Point {
  /**
   * Line number, from 1.
   */
  line: number;
  /**
   * Column number, from 1, in UTF-16 code units.
   */
  column: number;
  /**
   * Offset from the start of the text, from 0 (a JavaScript string index).
   */
  offset: number;
}
/**
 * The page a record was read from when the article transcludes it (a table on `Template:2019–20 Bundesliga table`): every span of the record, and of the diagnostics about it, is in that page's file.
 */
export interface Origin {
  /**
   * The file the spans point into, as given (for a page of a dump: the dump).
   */
  file: string;
  /**
   * The transcluded page's title, e.g. `Template:2019–20 Bundesliga table`.
   */
  title: string;
  /**
   * For a page of a dump: its title as the dump writes it, as diagnostics name it.
   */
  page?: string;
}
/**
 * A template parameter as written (raw wikitext, trimmed) and as read (plain text, links), with the span of the raw value.
 */
export interface Value {
  /**
   * The raw parameter name, e.g. name_GAL.
   */
  param: string;
  /**
   * The value's wikitext as written, trimmed.
   */
  raw: string;
  /**
   * The value as a reader sees it: links as their labels, markup, comments and references dropped.
   */
  text: string;
  /**
   * The wikilinks in the value, in order.
   */
  links?: Link[];
  span: Span;
}
/**
 * A wikilink: the page it points to and the text it shows.
 */
export interface Link {
  /**
   * The linked page title, normalised as MediaWiki compares titles (spaces for underscores, first letter upper case).
   */
  target: string;
  /**
   * The text the link shows (the target when no label is given).
   */
  label: string;
}
/**
 * Typed fields of Infobox football league season / tournament season; absent when the field is absent or empty.
 */
export interface FootballSeason {
  /**
   * The competition (competition, league or title).
   */
  competition?: string;
  /**
   * The season (season or year), as written, e.g. 2005–06.
   */
  season?: string;
  /**
   * The winners field as plain text (every line joined); winnersList has them one by one.
   */
  winners?: string;
  /**
   * The champions field as plain text; championsList has them one by one.
   */
  champions?: string;
  /**
   * The promoted field as plain text; promotedList has them one by one.
   */
  promoted?: string;
  /**
   * The relegated field as plain text; relegatedList has them one by one.
   */
  relegated?: string;
  /**
   * Matches played, as the infobox declares.
   */
  matches?: number;
  /**
   * Goals scored in all, as the infobox declares.
   */
  totalGoals?: number;
  /**
   * The top scorer field as plain text; topScorerList has each player with goals.
   */
  topScorer?: string;
  /**
   * The previous season, as written.
   */
  prevSeason?: string;
  /**
   * The next season, as written.
   */
  nextSeason?: string;
  /**
   * The winners one by one, each with the note written after it (e.g. 14th title).
   */
  winnersList?: InfoboxEntry[];
  /**
   * The champions one by one, each with the note written after it.
   */
  championsList?: InfoboxEntry[];
  /**
   * The promoted teams one by one.
   */
  promotedList?: InfoboxEntry[];
  /**
   * The relegated teams one by one.
   */
  relegatedList?: InfoboxEntry[];
  /**
   * The top scorers one by one, each with its goals when the note gives them (e.g. (31 goals)).
   */
  topScorerList?: InfoboxEntry[];
}
/**
 * One entry of a list-valued infobox field: a line of `<br>`-separated text, an item of {{ubl}} or {{plainlist}}, or a bulleted line, with the lines that only annotate it (a title count, goals) as its note.
 */
export interface InfoboxEntry {
  /**
   * The team or player as a reader sees it (the link label when the entry starts with a link).
   */
  name: string;
  /**
   * The page the entry links to (its first link), normalised as MediaWiki compares titles.
   */
  link?: string;
  /**
   * What the article writes about the entry, without brackets: 14th title, 31 goals; several notes joined by `; `.
   */
  note?: string;
  /**
   * Goals, read from the note of a top-scorer entry (31 goals, or a bare (4)).
   */
  goals?: number;
  /**
   * The entry's wikitext as written (its note lines included, one per line), comments dropped.
   */
  raw: string;
}
/**
 * A league table from {{#invoke:Sports table|main|style=…}} (or the legacy fb cl templates): teams in table order with declared and displayed figures.
 */
export interface StandingsRecord {
  /**
   * Always `standings`.
   */
  kind: 'standings';
  /**
   * Stable record id: `standings/<section-slug>/<n>`, n counting tables within the section.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * Normalised template or module name, e.g. Module:Sports table.
   */
  template: string;
  /**
   * The table style (style=…): WDL by default; WL, WDL OT, WDLHA, …
   */
  style: string;
  /**
   * True when the template opener was lost (SurfDoc) and the parameters were read as this template.
   */
  recovered?: boolean;
  /**
   * Present and false when the style's Lua source could not be read (WL, WDL OT, WL OT, WDLHA, Custom, …): its declared figures are read and checked against the grid, but no points are computed, so pointRules and displayed figures are left out.
   */
  rulesKnown?: boolean;
  pointRules?: PointRules;
  resultsHeader?: Value;
  classRules?: Value;
  sourceNote?: Value;
  update?: Value;
  /**
   * The rows, in table order (team1, team2… or team_order).
   */
  teams: StandingsTeam[];
  /**
   * The match grid the cross-check compared this table with.
   */
  matchGridId?: string;
}
/**
 * Points per win, draw and loss (winpoints, drawpoints, losspoints, or the style's defaults); roundsWon and goal only when the table gives rw_/rwpoints or goalpoints.
 */
export interface PointRules {
  /**
   * Points per win.
   */
  win: number;
  /**
   * Points per draw.
   */
  draw: number;
  /**
   * Points per loss.
   */
  loss: number;
  /**
   * Points per round won (rwpoints, default 1).
   */
  roundsWon?: number;
  /**
   * Points per goal scored (goalpoints).
   */
  goal?: number;
}
/**
 * One row. Declared figures keep the parameter they come from: win_, draw_, loss_, gf_ (or pf_), ga_ (or pa_); overtimeWins OTwin_, overtimeLosses OTloss_, penaltyWins PKwin_, penaltyLosses PKloss_, shootoutWins SOwin_, shootoutLosses SOloss_, tiebreaker tiebr_ (WDL OT, WL OT, WL PK, WL OTL tiebreak); homeWins hwin_, homeDraws hdraw_, homeLosses hloss_, homeGoalsFor hgf_ (or hpf_), homeGoalsAgainst hga_ (or hpa_), and the away ones awin_, adraw_, aloss_, agf_ (apf_), aga_ (apa_) (WDLHA, WLHA); roundsWon rw_; pointRules: the row's own rules where they differ from the table's (a legacy fb cl2 team row's wpts).
 */
export interface StandingsTeam {
  /**
   * k of team<k>: the module never sorts.
   */
  rank: number;
  /**
   * Displayed position: pos_<CODE>, or highest_pos + rank - 1.
   */
  position: number;
  /**
   * The team's code in this table (X of name_X, win_X, …).
   */
  code: string;
  codeSpan: Span;
  name?: Value;
  /**
   * The page the name links to.
   */
  link?: string;
  wins?: Figure;
  draws?: Figure;
  losses?: Figure;
  goalsFor?: Figure;
  goalsAgainst?: Figure;
  overtimeWins?: Figure;
  overtimeLosses?: Figure;
  penaltyWins?: Figure;
  penaltyLosses?: Figure;
  shootoutWins?: Figure;
  shootoutLosses?: Figure;
  tiebreaker?: Value;
  homeWins?: Figure;
  homeDraws?: Figure;
  homeLosses?: Figure;
  homeGoalsFor?: Figure;
  homeGoalsAgainst?: Figure;
  awayWins?: Figure;
  awayDraws?: Figure;
  awayLosses?: Figure;
  awayGoalsFor?: Figure;
  awayGoalsAgainst?: Figure;
  adjustPoints?: Figure;
  startPoints?: Figure;
  roundsWon?: Figure;
  matches?: Figure;
  status?: TeamStatus;
  note?: Value;
  headToHead?: Value;
  group?: Value;
  result?: TeamResult;
  pointRules?: PointRules;
  displayed: DisplayedFigures;
  /**
   * The team's id in the article's team registry.
   */
  teamId?: string;
}
/**
 * A declared number: the raw text, and the number when the text is one (absent otherwise; missing is never zero).
 */
export interface Figure {
  /**
   * The raw parameter name, e.g. win_GAL.
   */
  param: string;
  /**
   * The value as written, trimmed.
   */
  raw: string;
  /**
   * The number, when the value is one (absent otherwise; missing is never zero).
   */
  value?: number;
  span: Span;
}
/**
 * The status letters (status_X), e.g. C for champion, R for relegated.
 */
export interface TeamStatus {
  value: Value;
  /**
   * Each status letter, in order.
   */
  letters: string[];
}
/**
 * The result column of this row (result<k>, with col_/text_/note_res_).
 */
export interface TeamResult {
  /**
   * The result code (result<k>=CODE).
   */
  code: string;
  /**
   * What the result column shows (text_CODE).
   */
  text?: string;
  /**
   * The row colour (col_CODE).
   */
  colour?: string;
  /**
   * The result's note (note_res_CODE).
   */
  note?: string;
}
/**
 * What Module:Sports table would display for this row.
 */
export interface DisplayedFigures {
  /**
   * Pld as displayed: W+D+L (or matches_X when given).
   */
  played?: number;
  /**
   * GD as displayed: GF − GA.
   */
  goalDifference?: number;
  /**
   * Pts as displayed: from the point rules, adjustments and start points.
   */
  points?: number;
}
/**
 * A results grid: match_X_Y cells from Module:Sports table or Module:Sports results, X at home.
 */
export interface MatchGridRecord {
  /**
   * Always `match-grid`.
   */
  kind: 'match-grid';
  /**
   * Stable record id: `grid/<section-slug>/<n>`.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * Where the cells come from: Module:Sports table, Module:Sports results, or Fb r2 header (legacy).
   */
  template: string;
  /**
   * True when the template opener was lost (SurfDoc) and the parameters were read as this grid.
   */
  recovered?: boolean;
  /**
   * How many times each pair meets at each ground (match_X_Y_2 cells for a second leg).
   */
  legs: number;
  /**
   * The grid's teams, in the grid's order.
   */
  teams: GridTeam[];
  /**
   * Every cell as written, one per match_X_Y parameter (or fb r call).
   */
  cells: MatchCell[];
  /**
   * The standings table this grid was paired with.
   */
  standingsId?: string;
}
export interface GridTeam {
  /**
   * The team's code in this grid (X of match_X_Y).
   */
  code: string;
  name?: Value;
  /**
   * The page the team name links to.
   */
  link?: string;
  /**
   * The code of the same team in the paired standings table.
   */
  standingsCode?: string;
  /**
   * The team's id in the article's team registry.
   */
  teamId?: string;
}
export interface MatchCell {
  /**
   * The raw parameter, e.g. match_ETT_GAL.
   */
  param: string;
  /**
   * Code of the home team (the row).
   */
  home: string;
  /**
   * Code of the away team (the column).
   */
  away: string;
  /**
   * Which meeting at this ground, for grids with more than one leg.
   */
  leg?: number;
  /**
   * The cell's wikitext, trimmed.
   */
  raw: string;
  /**
   * The cell as a reader sees it.
   */
  text: string;
  span: Span;
  /**
   * What the cell says happened. no-fixture: the pairing is never played (`null`, as single round-robin grids write it); not-played: a fixture not (yet) played, postponed or annulled.
   */
  status: 'played' | 'walkover' | 'not-played' | 'no-fixture' | 'scheduled' | 'unknown';
  /**
   * Goals of the home team, when the cell holds a score.
   */
  homeGoals?: number;
  /**
   * Goals of the away team, when the cell holds a score.
   */
  awayGoals?: number;
  /**
   * The score is after extra time (a.e.t.).
   */
  extraTime?: boolean;
  penalties?: PenaltyScore;
  /**
   * The result was awarded (a walkover or forfeit written with a score).
   */
  awarded?: boolean;
  /**
   * Text after the score, e.g. (a.e.t.).
   */
  detail?: string;
  note?: Value;
}
export interface PenaltyScore {
  /**
   * Penalties scored by the home (or first) team.
   */
  home: number;
  /**
   * Penalties scored by the away (or second) team.
   */
  away: number;
}
/**
 * A table as rows of header-keyed cells, rowspan and colspan resolved: a wikitable ({| … |}) or a SurfDoc ::data block. Typed as a team list or top-scorer list when its header says so.
 */
export interface TableRecord {
  /**
   * Always `table`.
   */
  kind: 'table';
  /**
   * Stable record id: `table/<section-slug>/<n>`.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * What the table was written as: a wikitable or a SurfDoc ::data block.
   */
  source: 'surfdoc-data' | 'wikitable';
  /**
   * The |+ caption, or the SurfDoc title attribute.
   */
  caption?: string;
  /**
   * The table's class attribute, e.g. wikitable sortable.
   */
  class?: string;
  /**
   * The table this one is nested in.
   */
  parentId?: string;
  /**
   * One key per column: the header texts above it, top to bottom, joined by ' / '.
   */
  headers: string[];
  /**
   * The header rows as written, one string per column after colspans are resolved.
   */
  headerRows: string[][];
  /**
   * The body rows, rowspan and colspan resolved.
   */
  rows: TableRow[];
  typed?: TypedTable;
}
export interface TableRow {
  span: Span;
  /**
   * The row's cells, one per column.
   */
  cells: TableCell[];
  /**
   * How a SurfDoc row that lost its separators was split.
   */
  recovered?: 'split-by-case' | 'split-by-name' | 'guessed' | 'filled-down' | 'unsplit';
}
export interface TableCell {
  /**
   * The header key of the cell's column.
   */
  column: string;
  /**
   * The cell as a reader sees it.
   */
  text: string;
  /**
   * The wikilinks in the cell, in order.
   */
  links?: Link[];
  /**
   * data-sort-value, or the key of {{sort}}.
   */
  sortKey?: string;
  /**
   * A th cell in a body row (a row header).
   */
  header?: boolean;
  /**
   * The cell repeats one written above or to the left.
   */
  from?: 'rowspan' | 'colspan' | 'filled-down';
}
export interface TypedTable {
  /**
   * team-list (team and where it qualified from) or top-scorers (player, team, goals).
   */
  type: 'team-list' | 'top-scorers';
  /**
   * One entry per body row that names a team or player.
   */
  entries: TypedEntry[];
}
export interface TypedEntry {
  /**
   * Index in rows.
   */
  row: number;
  /**
   * The team, plain text.
   */
  team?: string;
  /**
   * The page the team links to.
   */
  link?: string;
  /**
   * Department, region, province, state or group the team qualified from.
   */
  region?: string;
  /**
   * The team's town or stadium location, when a column gives it.
   */
  location?: string;
  /**
   * The player, for a top-scorer list.
   */
  player?: string;
  /**
   * The player's goals, for a top-scorer list.
   */
  goals?: number;
  /**
   * The rank column, when there is one.
   */
  rank?: number;
  /**
   * The team's id in the article's team registry.
   */
  teamId?: string;
}
/**
 * A knockout bracket ({{NTeamBracket…}}, Module:Team bracket, or Module:RoundN: {{Round16}}…): rounds, the teams in each slot with their per-leg scores, and the ties (slots 2k-1 and 2k) with the team that went through, read from the next round's slot k. A third-place match is slots 3 and 4 of the last round.
 */
export interface BracketRecord {
  /**
   * Always `bracket`.
   */
  kind: 'bracket';
  /**
   * Stable record id: `bracket/<section-slug>/<n>`, n counting brackets within the section.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * The template or module as written, normalised (e.g. 16TeamBracket-2Leg, Module:Team bracket, Round16, Module:RoundN).
   */
  template: string;
  /**
   * True when the template opener was lost (SurfDoc) and the parameters were read as a bracket.
   */
  recovered?: boolean;
  /**
   * The most legs any round has.
   */
  legs: number;
  /**
   * The rounds, first to last.
   */
  rounds: BracketRound[];
}
export interface BracketRound {
  /**
   * Round number (n of RDn), from 1.
   */
  round: number;
  label?: Value;
  /**
   * False when the label says the round is not a knockout (a group, a champion/runner-up column): its pairing checks are relaxed.
   */
  knockout: boolean;
  /**
   * The round's team slots, top to bottom.
   */
  slots: BracketSlot[];
  /**
   * The round's ties: slots 2k-1 and 2k.
   */
  ties: BracketTie[];
}
export interface BracketSlot {
  /**
   * Slot number within the round, from 1 (team01 or team1).
   */
  slot: number;
  team?: Value;
  /**
   * The page the team name links to.
   */
  link?: string;
  /**
   * The seed written next to the team (RDn-seedk).
   */
  seed?: string;
  /**
   * The team name is bold, the usual mark of the winner (written in bold, or bolded by Module:RoundN's bold_winner).
   */
  bold?: boolean;
  /**
   * This team's goals, leg by leg (one entry for a single match).
   */
  scores: Figure[];
  aggregate?: Figure;
  /**
   * The team's id in the article's team registry.
   */
  teamId?: string;
}
export interface BracketTie {
  /**
   * Tie number within the round, from 1 (slots 2k-1 and 2k).
   */
  tie: number;
  /**
   * The two slots that meet in this tie.
   *
   * @minItems 2
   * @maxItems 2
   */
  slots: [number, number];
  /**
   * The team in slot k of the next round (never decided from the aggregate).
   */
  through?: string;
  /**
   * Which slot of this tie that team came from (absent when it came from neither).
   */
  throughSlot?: number;
}
/**
 * A tie from {{TwoLegResult}} (two legs or more), {{OneLegResult}} (one match, its score the one leg) or Module:Sports series. Scores read team 1 – team 2; leg 1 is at team 1's ground.
 */
export interface TieRecord {
  /**
   * Always `tie`.
   */
  kind: 'tie';
  /**
   * Stable record id: `tie/<section-slug>/<n>`.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * TwoLegResult, OneLegResult or Module:Sports series.
   */
  template: string;
  team1: TieTeam;
  team2: TieTeam;
  aggregate?: TieScore;
  /**
   * Each leg's score, team 1 – team 2 (not home – away).
   */
  legs: TieScore[];
  /**
   * Which team the markup marks as the winner (bold), when it does.
   */
  winner?: 1 | 2;
}
export interface TieTeam {
  name: Value;
  /**
   * The page the team name links to.
   */
  link?: string;
  /**
   * The name is bold, the usual mark of the team that went through.
   */
  bold?: boolean;
  /**
   * The team's id in the article's team registry.
   */
  teamId?: string;
}
export interface TieScore {
  value: Value;
  /**
   * Goals of team 1, when readable.
   */
  team1Goals?: number;
  /**
   * Goals of team 2, when readable.
   */
  team2Goals?: number;
  /**
   * Text after the score, e.g. (a), (a.e.t.), (4–3 p).
   */
  detail?: string;
}
/**
 * One match from {{Football box}} or {{Football box collapsible}}; team 1 is the home (or first-named) team.
 */
export interface MatchRecord {
  /**
   * Always `match`.
   */
  kind: 'match';
  /**
   * Stable record id: `match/<section-slug>/<n>`.
   */
  id: string;
  section: SectionPath;
  span: Span;
  origin?: Origin;
  /**
   * Football box or Football box collapsible.
   */
  template: string;
  /**
   * The round as written (round).
   */
  round?: string;
  /**
   * The date as written (plain text of date, e.g. 25 October 2016).
   */
  date?: string;
  team1: Value;
  team2: Value;
  /**
   * The page team 1 links to.
   */
  link1?: string;
  /**
   * The page team 2 links to.
   */
  link2?: string;
  score?: Value;
  /**
   * Goals of team 1, when the score is readable.
   */
  team1Goals?: number;
  /**
   * Goals of team 2, when the score is readable.
   */
  team2Goals?: number;
  /**
   * The score is after extra time.
   */
  extraTime?: boolean;
  penalties?: PenaltyScore;
  /**
   * The match was a walkover (w/o, awarded).
   */
  walkover?: boolean;
  /**
   * The stadium (stadium or venue), plain text.
   */
  venue?: string;
  /**
   * The town or city, plain text.
   */
  location?: string;
  /**
   * Spectators, when written as a number.
   */
  attendance?: number;
  /**
   * The referee, plain text.
   */
  referee?: string;
  goals1?: Value;
  goals2?: Value;
  /**
   * Team 1's id in the article's team registry.
   */
  team1Id?: string;
  /**
   * Team 2's id in the article's team registry.
   */
  team2Id?: string;
}
/**
 * One team of an article, merging every way it is written: codes, display names, link targets (compared as MediaWiki resolves titles, and through a redirect map when one is given), spellings that differ in diacritics, case, a legal form or founding year (FC, Fútbol Club, Calcio, 1914…) or a trailing (city).
 */
export interface TeamEntity {
  /**
   * Stable team id within the article: `team/<slug>` of its linked page or name (`-2`, `-3` when two teams would share one).
   */
  id: string;
  /**
   * The most used display name.
   */
  name: string;
  /**
   * Every display name the article uses for the team, as first written.
   */
  names: string[];
  /**
   * Each linked page once, as first written.
   */
  links: string[];
  /**
   * Every code tables and grids use for the team.
   */
  codes: string[];
  /**
   * Every place the team is named, in document order.
   */
  mentions: TeamMentionRecord[];
}
export interface TeamMentionRecord {
  /**
   * The record that names the team.
   */
  recordId: string;
  /**
   * The name as written there (plain text).
   */
  text: string;
  /**
   * The code used there, if any.
   */
  code?: string;
  /**
   * The page linked there, if any.
   */
  link?: string;
  span?: Span;
}
/**
 * A finding about the input, located in the file the user gave.
 */
export interface Diagnostic {
  code: DiagnosticCodeId;
  severity: Severity;
  /**
   * One sentence: Unexpected …, expected …
   */
  message: string;
  /**
   * The input file as it was given (for a dump, the dump), with / separators.
   */
  file: string;
  /**
   * The page title, for a page of a MediaWiki dump.
   */
  page?: string;
  /**
   * The pipeline stage that reported it.
   */
  stage: 'read' | 'parse' | 'extract' | 'validate' | 'check' | 'write';
  span?: Span;
  /**
   * The raw template parameter, e.g. gf_CSÁ.
   */
  param?: string;
  /**
   * The value the article declares, for a cross-check finding.
   */
  declared?: number | string;
  /**
   * The value wikitally computed from other records, for a cross-check finding.
   */
  computed?: number | string;
  /**
   * The record the finding is about.
   */
  recordId?: string;
  /**
   * Other places that explain the finding: the grid cells behind a computed figure, the suggested correction, the mention already seen.
   */
  related?: RelatedPlace[];
  /**
   * The corrections that would reconcile what this diagnostic reports, as data: each candidate names the parameter to change, its current and proposed raw text, and which of how many candidates it is. A certain correction (the only candidate, and not a cell the article's own note explains) also carries `edit`, a text edit that can be applied to the input file.
   */
  fix?: FixCandidate[];
  /**
   * Why the finding is acknowledged: the reason given in the article's `<!-- wikitally-disable… -->` comment. An acknowledged finding has severity info.
   */
  reason?: string;
}
export interface RelatedPlace {
  /**
   * What this place shows.
   */
  message: string;
  span?: Span;
  /**
   * The file this place is in, when it is not the diagnostic's own file (a grid in the article pointing at a table transcluded from a template page).
   */
  file?: string;
}
export interface FixCandidate {
  /**
   * The template parameter to change, as written (`match_DPO_CSÁ`, `gf_CSÁ`), or the legacy cell template.
   */
  param: string;
  /**
   * The file the parameter is in, when it is not the diagnostic's own file (a grid cell in the article for a table transcluded from a template page).
   */
  file?: string;
  span: Span;
  /**
   * The raw value now.
   */
  current: string;
  /**
   * The raw value that reconciles every difference in the table.
   */
  proposed: string;
  /**
   * Which candidate this is (k of n).
   */
  candidate: number;
  /**
   * How many candidates fit (n).
   */
  candidates: number;
  /**
   * The article's own note on the cell this correction counts (an annulled or awarded match): why it is not applied as a certain edit.
   */
  note?: string;
  edit?: TextEdit;
}
/**
 * Present only when the correction is certain: replace the text at `span` with `text` (as wikiparser-node's lint fixes do).
 */
export interface TextEdit {
  span: Span;
  /**
   * The replacement text.
   */
  text: string;
}
/**
 * One row per article: where it came from, its competition and season, how many records and rows it gave, and how many diagnostics.
 */
export interface ArticleRow {
  /**
   * The article title: the key that joins every table (one article per title, the first input that gave it wins).
   */
  article: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The revision id read, for a page of a MediaWiki dump.
   */
  revisionId: string | null;
  /**
   * The input file the article was read from, as given (the first one, when the article was given twice).
   */
  file: string;
  /**
   * How the file was read.
   */
  format: 'wikitext' | 'surfdoc';
  /**
   * The competition, from the article's season infobox.
   */
  competition: string | null;
  /**
   * The season, from the article's season infobox.
   */
  season: string | null;
  /**
   * Infobox records.
   */
  infoboxes: number;
  /**
   * Standings records (league tables).
   */
  standingsTables: number;
  /**
   * Results grid records.
   */
  matchGrids: number;
  /**
   * Wikitable records.
   */
  tables: number;
  /**
   * Bracket records.
   */
  brackets: number;
  /**
   * Tie records.
   */
  tieRecords: number;
  /**
   * Football box records.
   */
  matchBoxes: number;
  /**
   * Team entities.
   */
  teams: number;
  /**
   * Rows the article gave the matches table.
   */
  matchRows: number;
  /**
   * Rows the article gave the standings table.
   */
  standingsRows: number;
  /**
   * Error diagnostics.
   */
  errors: number;
  /**
   * Warning diagnostics.
   */
  warnings: number;
  /**
   * Info diagnostics.
   */
  infos: number;
  /**
   * Other inputs that gave the same article (same page id or title); their rows were not written.
   */
  duplicates: string[];
}
/**
 * One row per diagnostic: the article's findings, and the findings about an input that belong to no article (a malformed dump page).
 */
export interface DiagnosticRow {
  /**
   * The article title; null for a finding about the input itself.
   */
  article: string | null;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The record the finding is about.
   */
  recordId: string | null;
  /**
   * The diagnostic code, `<stage>/<name>` (listed in src/diagnostics/codes.ts).
   */
  code: string;
  /**
   * error, warning or info.
   */
  severity: 'error' | 'warning' | 'info';
  /**
   * The stage that reported it.
   */
  stage: 'read' | 'parse' | 'extract' | 'validate' | 'check' | 'write';
  /**
   * One sentence: Unexpected …, expected …
   */
  message: string;
  /**
   * The raw template parameter, e.g. gf_CSÁ.
   */
  param: string | null;
  /**
   * The declared value, for a cross-check finding (numbers as text).
   */
  declared: string | null;
  /**
   * The computed value, for a cross-check finding (numbers as text).
   */
  computed: string | null;
  /**
   * How many related places explain it.
   */
  related: number;
  /**
   * How many candidate corrections it carries.
   */
  fixes: number;
  /**
   * Why the finding is acknowledged (an article's wikitally-disable comment).
   */
  reason: string | null;
  /**
   * The page title the diagnostic names (dumps).
   */
  page: string | null;
  /**
   * The input file the article was read from, as given (for a dump page, the dump).
   */
  file: string;
  /**
   * Line where the source starts in the file (for a dump page: in its wikitext), from 1; null when the output was written without spans.
   */
  line: number | null;
  /**
   * Column where the source starts, from 1.
   */
  column: number | null;
  /**
   * Line where the source ends.
   */
  endLine: number | null;
  /**
   * Column just past the end of the source.
   */
  endColumn: number | null;
}
/**
 * One row per played or scheduled match of an article: every cell of a results grid (home = the row team, away = the column team; `null` cells, which say there is no fixture, give no row), every football box, each leg of a two-legged tie (leg 2 with home and away swapped) and each leg of each bracket tie. A match written in two places of one article (a football box and a grid cell, a tie and a bracket, with the same home and away teams and the same score) is one row: the football box wins, then the tie, the bracket and the grid, because the earlier source says more (date, venue, extra time); the others are listed in alsoIn.
 */
export interface MatchRow {
  /**
   * Stable id: `<article>#<recordId>#<slot>` of the source that wins; unchanged by edits elsewhere in the article.
   */
  matchId: string;
  /**
   * The article title: the key that joins every table (one article per title, the first input that gave it wins).
   */
  article: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The revision id read, for a page of a MediaWiki dump.
   */
  revisionId: string | null;
  /**
   * The competition, from the article's season infobox.
   */
  competition: string | null;
  /**
   * The season, from the article's season infobox.
   */
  season: string | null;
  /**
   * Headings that enclose the source, outermost first (the stage, group or round path).
   */
  section: string[];
  /**
   * The round: a bracket round's label, or a football box's round as written.
   */
  round: string | null;
  /**
   * Which leg of a two-legged (or longer) tie, bracket tie or multi-leg grid.
   */
  leg: number | null;
  /**
   * Where the row comes from.
   */
  source: 'grid' | 'football-box' | 'tie' | 'bracket';
  /**
   * The id of the record the row comes from.
   */
  recordId: string;
  /**
   * Where in the record: the grid cell as `match_<HOME>_<AWAY>` (`match<leg>_<HOME>_<AWAY>` for a grid with legs, `~2` added when a grid writes the same cell twice), `leg<n>` of a tie, `round<r>-tie<t>` (and `-leg<n>`) of a bracket, `box` for a football box.
   */
  slot: string;
  /**
   * The home team's name: the grid's or table's name for a code, the name as written elsewhere; null only when the source names no team the article lists.
   */
  homeTeam: string | null;
  /**
   * The page the home team links to.
   */
  homeTeamLink: string | null;
  /**
   * The home team's id in the article (join teams on article and teamId).
   */
  homeTeamId: string | null;
  /**
   * The home team's code in a results grid, as written.
   */
  homeTeamCode: string | null;
  /**
   * The away team's name: the grid's or table's name for a code, the name as written elsewhere; null only when the source names no team the article lists.
   */
  awayTeam: string | null;
  /**
   * The page the away team links to.
   */
  awayTeamLink: string | null;
  /**
   * The away team's id in the article (join teams on article and teamId).
   */
  awayTeamId: string | null;
  /**
   * The away team's code in a results grid, as written.
   */
  awayTeamCode: string | null;
  /**
   * Goals of the home team, when the source gives a score.
   */
  homeGoals: number | null;
  /**
   * Goals of the away team, when the source gives a score.
   */
  awayGoals: number | null;
  /**
   * True when the score is after extra time; null when the source does not say.
   */
  extraTime: boolean | null;
  /**
   * Penalties scored by the home team in a shoot-out.
   */
  homePenalties: number | null;
  /**
   * Penalties scored by the away team in a shoot-out.
   */
  awayPenalties: number | null;
  /**
   * played: a score; walkover: W.O. or awarded; annulled: not played or void, and the source's note says the result was annulled; not-played: a fixture left empty, postponed or cancelled; scheduled: no score yet (a football box or leg with no score); unknown: a value that is none of these.
   */
  status: 'played' | 'walkover' | 'annulled' | 'not-played' | 'scheduled' | 'unknown';
  /**
   * True when the result was awarded rather than played (a walkover written with a score).
   */
  awarded: boolean | null;
  /**
   * The score as the source writes it (plain text).
   */
  score: string | null;
  /**
   * The source's note on the match (a grid cell's note, the text after a score).
   */
  note: string | null;
  /**
   * The date as written (football boxes).
   */
  date: string | null;
  /**
   * The stadium (football boxes).
   */
  venue: string | null;
  /**
   * The town or city (football boxes).
   */
  location: string | null;
  /**
   * Spectators (football boxes).
   */
  attendance: number | null;
  /**
   * The referee (football boxes).
   */
  referee: string | null;
  /**
   * The input file the article was read from, as given (for a dump page, the dump).
   */
  file: string;
  /**
   * Line where the source starts in the file (for a dump page: in its wikitext), from 1; null when the output was written without spans.
   */
  line: number | null;
  /**
   * Column where the source starts, from 1.
   */
  column: number | null;
  /**
   * Line where the source ends.
   */
  endLine: number | null;
  /**
   * Column just past the end of the source.
   */
  endColumn: number | null;
  /**
   * Other places of the same article that write this match (`<recordId>#<slot>`), merged into this row.
   */
  alsoIn: string[];
}
/**
 * One row per team per league table: the declared figures (every style's), what the table displays, the figures computed from the paired results grid, and the cross-check's verdict.
 */
export interface StandingsRow {
  /**
   * The article title: the key that joins every table (one article per title, the first input that gave it wins).
   */
  article: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The revision id read, for a page of a MediaWiki dump.
   */
  revisionId: string | null;
  /**
   * The competition, from the article's season infobox.
   */
  competition: string | null;
  /**
   * The season, from the article's season infobox.
   */
  season: string | null;
  /**
   * Headings that enclose the table, outermost first.
   */
  section: string[];
  /**
   * The standings record id.
   */
  recordId: string;
  /**
   * The results grid the table was checked against; null when it has none.
   */
  matchGridId: string | null;
  /**
   * The table style (WDL, WL, WDL OT, …).
   */
  style: string;
  /**
   * The row's place in the table (k of team<k>).
   */
  rank: number;
  /**
   * The position displayed (pos_X, or rank offset by highest_pos).
   */
  position: number;
  /**
   * The team's code in the table.
   */
  teamCode: string;
  /**
   * The team's name (name_X; the team registry's name when the row has none).
   */
  team: string | null;
  /**
   * The page the team links to.
   */
  teamLink: string | null;
  /**
   * The team's id in the article.
   */
  teamId: string | null;
  /**
   * Pld as the table displays it.
   */
  played: number | null;
  /**
   * Declared wins.
   */
  wins: number | null;
  /**
   * Declared draws.
   */
  draws: number | null;
  /**
   * Declared losses.
   */
  losses: number | null;
  /**
   * Declared goals for.
   */
  goalsFor: number | null;
  /**
   * Declared goals against.
   */
  goalsAgainst: number | null;
  /**
   * GD as the table displays it.
   */
  goalDifference: number | null;
  /**
   * Pts as the table displays it (point rules, adjustments and start points applied).
   */
  points: number | null;
  /**
   * Declared points adjustment (adjust_points_X).
   */
  adjustPoints: number | null;
  /**
   * Declared start points.
   */
  startPoints: number | null;
  /**
   * Declared matches played (matches_X).
   */
  matches: number | null;
  /**
   * Declared overtime wins.
   */
  overtimeWins: number | null;
  /**
   * Declared overtime losses.
   */
  overtimeLosses: number | null;
  /**
   * Declared wins on penalties.
   */
  penaltyWins: number | null;
  /**
   * Declared losses on penalties.
   */
  penaltyLosses: number | null;
  /**
   * Declared shoot-out wins.
   */
  shootoutWins: number | null;
  /**
   * Declared shoot-out losses.
   */
  shootoutLosses: number | null;
  /**
   * Declared home wins.
   */
  homeWins: number | null;
  /**
   * Declared home draws.
   */
  homeDraws: number | null;
  /**
   * Declared home losses.
   */
  homeLosses: number | null;
  /**
   * Declared home goals for.
   */
  homeGoalsFor: number | null;
  /**
   * Declared home goals against.
   */
  homeGoalsAgainst: number | null;
  /**
   * Declared away wins.
   */
  awayWins: number | null;
  /**
   * Declared away draws.
   */
  awayDraws: number | null;
  /**
   * Declared away losses.
   */
  awayLosses: number | null;
  /**
   * Declared away goals for.
   */
  awayGoalsFor: number | null;
  /**
   * Declared away goals against.
   */
  awayGoalsAgainst: number | null;
  /**
   * Declared rounds won.
   */
  roundsWon: number | null;
  /**
   * Matches with a score in the paired grid; null without a grid.
   */
  computedPlayed: number | null;
  /**
   * Wins computed from the grid's scores (walkovers and unplayed cells left out).
   */
  computedWins: number | null;
  /**
   * Draws computed from the grid's scores.
   */
  computedDraws: number | null;
  /**
   * Losses computed from the grid's scores.
   */
  computedLosses: number | null;
  /**
   * Goals for computed from the grid's scores.
   */
  computedGoalsFor: number | null;
  /**
   * Goals against computed from the grid's scores.
   */
  computedGoalsAgainst: number | null;
  /**
   * The row's status letters (C champion, P promoted, R relegated, …).
   */
  statusLetters: string[];
  /**
   * The result code of the row (result<k>).
   */
  result: string | null;
  /**
   * What the result column shows.
   */
  resultText: string | null;
  /**
   * The cross-check's verdict for this row: agree, disagree (see disagreements), or unchecked when the table has no paired grid.
   */
  verdict: 'agree' | 'disagree' | 'unchecked';
  /**
   * The declared figures the grid does not support (wins, draws, losses, goalsFor, goalsAgainst, matches, …), as the check reported them.
   */
  disagreements: string[];
  /**
   * The cross-check's messages about this row's figures (the diagnostics table has them in full).
   */
  findings: string[];
  /**
   * True when the table's figures fit the grid only with its walkovers counted as awarded wins, as the check accepted.
   */
  walkoversCounted: boolean;
  /**
   * The input file the article was read from, as given (for a dump page, the dump).
   */
  file: string;
  /**
   * Line where the source starts in the file (for a dump page: in its wikitext), from 1; null when the output was written without spans.
   */
  line: number | null;
  /**
   * Column where the source starts, from 1.
   */
  column: number | null;
  /**
   * Line where the source ends.
   */
  endLine: number | null;
  /**
   * Column just past the end of the source.
   */
  endColumn: number | null;
}
/**
 * One row per team entity of an article: every name, link and code the article uses for it.
 */
export interface TeamRow {
  /**
   * The article title: the key that joins every table (one article per title, the first input that gave it wins).
   */
  article: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The revision id read, for a page of a MediaWiki dump.
   */
  revisionId: string | null;
  /**
   * The team's id in the article (`team/<slug>`).
   */
  teamId: string;
  /**
   * The name the article uses most.
   */
  name: string;
  /**
   * Every display name, as first written.
   */
  names: string[];
  /**
   * Every linked page, as first written.
   */
  links: string[];
  /**
   * Every code tables and grids use for it.
   */
  codes: string[];
  /**
   * How many times the article names the team.
   */
  mentions: number;
  /**
   * The records that name the team, in document order, each once.
   */
  recordIds: string[];
  /**
   * The input file the article was read from, as given.
   */
  file: string;
}
/**
 * One row per two-legged tie ({{TwoLegResult}}, Module:Sports series) and per bracket tie, with the aggregate and who went through.
 */
export interface TieRow {
  /**
   * The article title: the key that joins every table (one article per title, the first input that gave it wins).
   */
  article: string;
  /**
   * The page id, for a page of a MediaWiki dump.
   */
  pageId: string | null;
  /**
   * The revision id read, for a page of a MediaWiki dump.
   */
  revisionId: string | null;
  /**
   * The competition, from the article's season infobox.
   */
  competition: string | null;
  /**
   * The season, from the article's season infobox.
   */
  season: string | null;
  /**
   * Headings that enclose the source, outermost first.
   */
  section: string[];
  /**
   * Where the row comes from.
   */
  source: 'tie' | 'bracket';
  /**
   * The tie or bracket record id.
   */
  recordId: string;
  /**
   * `tie` for a tie record, `round<r>-tie<t>` for a bracket tie.
   */
  slot: string;
  /**
   * The bracket round's label.
   */
  round: string | null;
  /**
   * Team 1 (at home in leg 1; the upper slot of a bracket tie).
   */
  team1: string | null;
  /**
   * The page team 1 links to.
   */
  team1Link: string | null;
  /**
   * Team 1's id in the article.
   */
  team1Id: string | null;
  /**
   * Team 2.
   */
  team2: string | null;
  /**
   * The page team 2 links to.
   */
  team2Link: string | null;
  /**
   * Team 2's id in the article.
   */
  team2Id: string | null;
  /**
   * How many legs the source gives scores for.
   */
  legs: number;
  /**
   * Team 1's aggregate: as declared, else the sum of its legs when every leg has a score.
   */
  team1Aggregate: number | null;
  /**
   * Team 2's aggregate.
   */
  team2Aggregate: number | null;
  /**
   * The aggregate as written (ties), e.g. 2–2 (a).
   */
  aggregate: string | null;
  /**
   * The team that went through: the bold team of a tie, the team in the next round's slot of a bracket tie.
   */
  winner: string | null;
  /**
   * The id of that team.
   */
  winnerTeamId: string | null;
  /**
   * The input file the article was read from, as given (for a dump page, the dump).
   */
  file: string;
  /**
   * Line where the source starts in the file (for a dump page: in its wikitext), from 1; null when the output was written without spans.
   */
  line: number | null;
  /**
   * Column where the source starts, from 1.
   */
  column: number | null;
  /**
   * Line where the source ends.
   */
  endLine: number | null;
  /**
   * Column just past the end of the source.
   */
  endColumn: number | null;
}
