/* eslint-disable */
/**
 * Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand:
 * change the schema and run the command again (test/types-sync.test.ts checks this file).
 */

/**
 * Headings from the outermost to the innermost that enclose the record.
 */
export type SectionPath = string[];
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
export type Severity = 'error' | 'warning' | 'info';

/**
 * Everything wikitally read from one article: where it came from, its records by kind, and its diagnostics. One such file per article in out/.
 */
export interface ArticleRecord {
  source: ArticleSource;
  infoboxes: InfoboxRecord[];
  standings: StandingsRecord[];
  matchGrids: MatchGridRecord[];
  tables: TableRecord[];
  brackets: BracketRecord[];
  ties: TieRecord[];
  matches: MatchRecord[];
  teams: TeamEntity[];
  diagnostics: Diagnostic[];
}
export interface ArticleSource {
  /**
   * The input file (for a dump, the dump), relative to the working directory, with / separators.
   */
  file: string;
  format: 'wikitext' | 'surfdoc';
  /**
   * The article title: SurfDoc front matter, else the file name.
   */
  title: string;
  url?: string;
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
  kind: 'infobox';
  id: string;
  section: SectionPath;
  span: Span;
  template: string;
  recovered?: boolean;
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
  line: number;
  column: number;
  offset: number;
}
/**
 * A template parameter as written (raw wikitext, trimmed) and as read (plain text, links), with the span of the raw value.
 */
export interface Value {
  /**
   * The raw parameter name, e.g. name_GAL.
   */
  param: string;
  raw: string;
  text: string;
  links?: Link[];
  span: Span;
}
/**
 * A wikilink: the page it points to and the text it shows.
 */
export interface Link {
  target: string;
  label: string;
}
/**
 * Typed fields of Infobox football league season / tournament season; absent when the field is absent or empty.
 */
export interface FootballSeason {
  competition?: string;
  season?: string;
  winners?: string;
  champions?: string;
  promoted?: string;
  relegated?: string;
  matches?: number;
  totalGoals?: number;
  topScorer?: string;
  prevSeason?: string;
  nextSeason?: string;
}
/**
 * A league table from {{#invoke:Sports table|main|style=…}} (or the legacy fb cl templates): teams in table order with declared and displayed figures.
 */
export interface StandingsRecord {
  kind: 'standings';
  id: string;
  section: SectionPath;
  span: Span;
  /**
   * Normalised template or module name, e.g. Module:Sports table.
   */
  template: string;
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
  win: number;
  draw: number;
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
  code: string;
  codeSpan: Span;
  name?: Value;
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
  param: string;
  raw: string;
  value?: number;
  span: Span;
}
export interface TeamStatus {
  value: Value;
  letters: string[];
}
export interface TeamResult {
  code: string;
  text?: string;
  colour?: string;
  note?: string;
}
/**
 * What Module:Sports table would display for this row.
 */
export interface DisplayedFigures {
  played?: number;
  goalDifference?: number;
  points?: number;
}
/**
 * A results grid: match_X_Y cells from Module:Sports table or Module:Sports results, X at home.
 */
export interface MatchGridRecord {
  kind: 'match-grid';
  id: string;
  section: SectionPath;
  span: Span;
  template: string;
  recovered?: boolean;
  legs: number;
  teams: GridTeam[];
  cells: MatchCell[];
  /**
   * The standings table this grid was paired with.
   */
  standingsId?: string;
}
export interface GridTeam {
  code: string;
  name?: Value;
  link?: string;
  /**
   * The code of the same team in the paired standings table.
   */
  standingsCode?: string;
  teamId?: string;
}
export interface MatchCell {
  param: string;
  home: string;
  away: string;
  leg?: number;
  raw: string;
  text: string;
  span: Span;
  /**
   * What the cell says happened. no-fixture: the pairing is never played (`null`, as single round-robin grids write it); not-played: a fixture not (yet) played, postponed or annulled.
   */
  status: 'played' | 'walkover' | 'not-played' | 'no-fixture' | 'scheduled' | 'unknown';
  homeGoals?: number;
  awayGoals?: number;
  extraTime?: boolean;
  penalties?: PenaltyScore;
  awarded?: boolean;
  /**
   * Text after the score, e.g. (a.e.t.).
   */
  detail?: string;
  note?: Value;
}
export interface PenaltyScore {
  home: number;
  away: number;
}
/**
 * A table as rows of header-keyed cells, rowspan and colspan resolved: a wikitable ({| … |}) or a SurfDoc ::data block. Typed as a team list or top-scorer list when its header says so.
 */
export interface TableRecord {
  kind: 'table';
  id: string;
  section: SectionPath;
  span: Span;
  source: 'surfdoc-data' | 'wikitable';
  /**
   * The |+ caption, or the SurfDoc title attribute.
   */
  caption?: string;
  class?: string;
  /**
   * The table this one is nested in.
   */
  parentId?: string;
  /**
   * One key per column: the header texts above it, top to bottom, joined by ' / '.
   */
  headers: string[];
  headerRows: string[][];
  rows: TableRow[];
  typed?: TypedTable;
}
export interface TableRow {
  span: Span;
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
  text: string;
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
  type: 'team-list' | 'top-scorers';
  entries: TypedEntry[];
}
export interface TypedEntry {
  /**
   * Index in rows.
   */
  row: number;
  team?: string;
  link?: string;
  /**
   * Department, region, province, state or group the team qualified from.
   */
  region?: string;
  location?: string;
  player?: string;
  goals?: number;
  rank?: number;
  teamId?: string;
}
/**
 * A knockout bracket ({{NTeamBracket…}} or Module:Team bracket): rounds, the teams in each slot with their per-leg scores, and the ties (slots 2k-1 and 2k) with the team that went through, read from the next round's slot k.
 */
export interface BracketRecord {
  kind: 'bracket';
  id: string;
  section: SectionPath;
  span: Span;
  template: string;
  recovered?: boolean;
  /**
   * The most legs any round has.
   */
  legs: number;
  rounds: BracketRound[];
}
export interface BracketRound {
  round: number;
  label?: Value;
  /**
   * False when the label says the round is not a knockout (a group, a champion/runner-up column): its pairing checks are relaxed.
   */
  knockout: boolean;
  slots: BracketSlot[];
  ties: BracketTie[];
}
export interface BracketSlot {
  slot: number;
  team?: Value;
  link?: string;
  seed?: string;
  /**
   * The team name is bold, the usual mark of the winner.
   */
  bold?: boolean;
  /**
   * This team's goals, leg by leg (one entry for a single match).
   */
  scores: Figure[];
  aggregate?: Figure;
  teamId?: string;
}
export interface BracketTie {
  tie: number;
  /**
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
 * A two-legged (or longer) tie from {{TwoLegResult}} or Module:Sports series. Scores read team 1 – team 2; leg 1 is at team 1's ground.
 */
export interface TieRecord {
  kind: 'tie';
  id: string;
  section: SectionPath;
  span: Span;
  template: string;
  team1: TieTeam;
  team2: TieTeam;
  aggregate?: TieScore;
  legs: TieScore[];
  /**
   * Which team the markup marks as the winner (bold), when it does.
   */
  winner?: 1 | 2;
}
export interface TieTeam {
  name: Value;
  link?: string;
  bold?: boolean;
  teamId?: string;
}
export interface TieScore {
  value: Value;
  team1Goals?: number;
  team2Goals?: number;
  detail?: string;
}
/**
 * One match from {{Football box}} or {{Football box collapsible}}; team 1 is the home (or first-named) team.
 */
export interface MatchRecord {
  kind: 'match';
  id: string;
  section: SectionPath;
  span: Span;
  template: string;
  round?: string;
  date?: string;
  team1: Value;
  team2: Value;
  link1?: string;
  link2?: string;
  score?: Value;
  team1Goals?: number;
  team2Goals?: number;
  extraTime?: boolean;
  penalties?: PenaltyScore;
  walkover?: boolean;
  venue?: string;
  location?: string;
  attendance?: number;
  referee?: string;
  goals1?: Value;
  goals2?: Value;
  team1Id?: string;
  team2Id?: string;
}
/**
 * One team of an article, merging every way it is written: codes, display names, link targets (compared as MediaWiki resolves titles, and through a redirect map when one is given), spellings that differ in diacritics, case, a legal form or founding year (FC, Fútbol Club, Calcio, 1914…) or a trailing (city).
 */
export interface TeamEntity {
  id: string;
  /**
   * The most used display name.
   */
  name: string;
  names: string[];
  /**
   * Each linked page once, as first written.
   */
  links: string[];
  codes: string[];
  mentions: TeamMentionRecord[];
}
export interface TeamMentionRecord {
  recordId: string;
  text: string;
  code?: string;
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
   * The input file, relative, with / separators.
   */
  file: string;
  page?: string;
  stage: 'read' | 'parse' | 'extract' | 'validate' | 'check' | 'write';
  span?: Span;
  /**
   * The raw template parameter, e.g. gf_CSÁ.
   */
  param?: string;
  declared?: number | string;
  computed?: number | string;
  /**
   * The record the finding is about.
   */
  recordId?: string;
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
  message: string;
  span?: Span;
}
export interface FixCandidate {
  /**
   * The template parameter to change, as written (`match_DPO_CSÁ`, `gf_CSÁ`), or the legacy cell template.
   */
  param: string;
  span: Span1;
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
 * A range of the input file, end exclusive.
 */
export interface Span1 {
  start: Point;
  end: Point;
}
/**
 * Present only when the correction is certain: replace the text at `span` with `text` (as wikiparser-node's lint fixes do).
 */
export interface TextEdit {
  span: Span;
  text: string;
}
