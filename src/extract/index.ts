/**
 * Stage 3, extract: Parsed → records. Each template kind has one registry entry; separate
 * results grids are then paired with their standings tables.
 * Emits: extract/no-teams, extract/duplicate-team, extract/duplicate-parameter,
 * extract/not-a-number, extract/unknown-team, extract/unknown-parameter, extract/missing-name,
 * extract/unreadable-score, extract/mixed-win-points, extract/legacy-column-order,
 * extract/unpaired-grid, extract/grid-paired, and the table and bracket codes of their modules.
 */
import type { Parsed, TemplateView } from '../parse/index.js';
import type { ArticleRecord, StageContext, TableRecord } from '../types/index.js';
import { extractBracket } from './bracket.js';
import { extractRoundN, isRoundN } from './bracket-roundn.js';
import { extractMatch } from './football-box.js';
import { extractLegacyTables } from './legacy-fb.js';
import { buildTeamRegistry, type RegistryOptions } from './team-registry.js';
import { typeTable } from './typed-tables.js';
import { extractWikitable } from './wikitable.js';
import { extractTies } from './two-leg.js';
import { extractInfobox } from './infobox.js';
import { pairGrids } from './pair-grids.js';
import { extractResultsGrid } from './sports-results.js';
import { extractStandings } from './sports-table.js';
import { RecordIds } from './record-ids.js';

export { RecordIds } from './record-ids.js';
import { templateKind, type TemplateKind } from './template-names.js';

/** The records of one article, by kind: the article envelope without its source and diagnostics. */
export type Extracted = Omit<ArticleRecord, 'source' | 'diagnostics'>;

/** What extraction may use beyond the article: a redirect map of the same wiki, for team identity. */
export interface ExtractOptions extends RegistryOptions {
  /** Ids shared with the pages the article transcludes (so their records' ids never collide). */
  ids?: RecordIds;
  /** Pair grids and build the team registry (default); false when more records are to be merged first. */
  link?: boolean;
}

interface Extractor {
  kind: TemplateKind;
  extract(view: TemplateView, into: Extracted, context: StageContext, ids: RecordIds): void;
}

/** One entry per template kind; add a kind here and in template-names.ts. */
const REGISTRY: readonly Extractor[] = [
  {
    kind: 'infobox',
    extract(view, into, context, ids) {
      into.infoboxes.push(extractInfobox(view, ids.next('infobox', view.section), context));
    },
  },
  {
    kind: 'sports-table',
    extract(view, into, context, ids) {
      const { standings, grid } = extractStandings(view, { standings: ids.next('standings', view.section), grid: () => ids.next('grid', view.section) }, context);
      into.standings.push(standings);
      if (grid !== undefined) into.matchGrids.push(grid);
    },
  },
  {
    kind: 'sports-results',
    extract(view, into, context, ids) {
      into.matchGrids.push(extractResultsGrid(view, ids.next('grid', view.section), context));
    },
  },
  {
    kind: 'bracket',
    extract(view, into, context, ids) {
      const id = ids.next('bracket', view.section);
      into.brackets.push(isRoundN(view.rawName, view.isInvoke) ? extractRoundN(view, id, context) : extractBracket(view, id, context));
    },
  },
  {
    kind: 'two-leg',
    extract(view, into, context, ids) {
      into.ties.push(...extractTies(view, () => ids.next('tie', view.section), context));
    },
  },
  {
    kind: 'sports-series',
    extract(view, into, context, ids) {
      into.ties.push(...extractTies(view, () => ids.next('tie', view.section), context));
    },
  },
  {
    kind: 'football-box',
    extract(view, into, context, ids) {
      const match = extractMatch(view, ids.next('match', view.section), context);
      if (match !== undefined) into.matches.push(match);
    },
  },
];

/**
 * Extracts every record of an article.
 * @param parsed the parsed article
 * @param context diagnostics sink
 * @param options a redirect map (title → target), when the input has one
 * @returns records by kind, in document order
 */
export function extractRecords(parsed: Parsed, context: StageContext, options: ExtractOptions = {}): Extracted {
  const ids = options.ids ?? new RecordIds();
  const into: Extracted = {
    infoboxes: [],
    standings: [],
    matchGrids: [],
    tables: parsed.source.tables.map(({ kind, ...rest }): TableRecord => ({ kind, id: ids.next('table', rest.section), ...rest })),
    brackets: [],
    ties: [],
    matches: [],
    teams: [],
  };
  const tableIds = new Map<number, string>();
  for (const view of parsed.tables) {
    const id = ids.next('table', view.section);
    const parentId = view.parentOffset === undefined ? undefined : tableIds.get(view.parentOffset);
    const table = extractWikitable(view, id, parentId, context);
    if (table === undefined) continue;
    tableIds.set(view.offset, id);
    into.tables.push(table);
  }
  into.tables = into.tables.map((t) => typeTable(t, context));
  for (const view of parsed.templates) {
    const kind = templateKind(view.rawName, view.isInvoke);
    REGISTRY.find((e) => e.kind === kind)?.extract(view, into, context, ids);
  }
  const legacy = extractLegacyTables(parsed.templates, { standings: (section) => ids.next('standings', section), grid: (section) => ids.next('grid', section) }, context);
  into.standings.push(...legacy.standings);
  into.matchGrids.push(...legacy.grids);
  if (options.link !== false) linkRecords(into, context, options);
  return into;
}

/**
 * Links the records of an article (its own and those of the pages it transcludes): separate
 * results grids paired with their standings tables, and one registry of teams.
 * @param into the records (changed in place)
 * @param context diagnostics sink
 * @param options a redirect map (title → target), when the input has one
 */
export function linkRecords(into: Extracted, context: StageContext, options: ExtractOptions = {}): void {
  pairGrids(into.standings, into.matchGrids, context);
  into.teams = buildTeamRegistry(into, options);
}
