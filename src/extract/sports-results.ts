/**
 * Module:Sports results → a match-grid record.
 * https://en.wikipedia.org/wiki/Module:Sports_results
 * Reads: team1…N / team_order, name_, short_, legs, match_X_Y, match<l>_X_Y, match_X_Y_note
 * (a cell `null` is no fixture: score.ts). Presentation parameters (update, source, a_note,
 * showteam, matches_style, match_col_width, solid_cell, …) are accepted and not recorded; none is
 * read as a cell or a team (module-params.ts).
 */
import type { TemplateView } from '../parse/index.js';
import type { MatchGridRecord, StageContext } from '../types/index.js';
import { readGridCells } from './match-grid.js';
import { readBoundedNumber } from './numbers.js';
import { displayTemplateName } from './template-names.js';
import { readTeamList, reportDuplicateParams } from './teams.js';
import { opt, valueOf } from './values.js';

/**
 * Extracts a results grid.
 * @param view the #invoke call
 * @param id the record id
 * @param context diagnostics sink
 * @returns the grid record (not yet paired with a standings table)
 */
export function extractResultsGrid(view: TemplateView, id: string, context: StageContext): MatchGridRecord {
  reportDuplicateParams(view, context);
  const listed = readTeamList(view, context);
  const codes = new Set(listed.map((t) => t.code));
  const { cells } = readGridCells(view, codes, context);
  const legs = readBoundedNumber(view.byName.get('legs'), 'the number of legs', context) ?? 1;
  return {
    kind: 'match-grid',
    id,
    section: view.section,
    span: view.span,
    template: displayTemplateName(view.rawName, view.isInvoke),
    ...(view.recovered ? { recovered: true } : {}),
    legs: Math.max(1, Math.trunc(legs)),
    teams: listed.map((t) => {
      const name = valueOf(view.byName.get(`name_${t.code}`));
      return { code: t.code, ...opt('name', name), ...opt('link', name?.links?.[0]?.target) };
    }),
    cells,
  };
}
