/**
 * Match cells of a results grid: every `match_HOME_AWAY` (and `match<leg>_HOME_AWAY`) parameter
 * of a Module:Sports table or Module:Sports results call, with its `_note`, parsed by score.ts.
 * https://en.wikipedia.org/wiki/Module:Sports_results — reads match_X_Y, match<l>_X_Y, match_X_Y_note.
 */
import type { TemplateView } from '../parse/index.js';
import type { MatchCell, StageContext } from '../types/index.js';
import { GLOBAL_PARAMS } from './module-params.js';
import { reportTooLarge } from './numbers.js';
import { readScore } from './score.js';
import { parseMatchKey } from './teams.js';
import { valueOf } from './values.js';

/**
 * Reads the grid cells of a call.
 * @param view the #invoke call
 * @param codes the team codes of the call
 * @param context diagnostics sink
 * @returns cells in source order, plus the names of the parameters they used
 */
export function readGridCells(view: TemplateView, codes: ReadonlySet<string>, context: StageContext): { cells: MatchCell[]; used: Set<string> } {
  const cells: MatchCell[] = [];
  const used = new Set<string>();
  const notes = new Map<string, TemplateView['params'][number]>();
  for (const p of view.byName.values()) {
    const key = GLOBAL_PARAMS.has(p.name) ? undefined : parseMatchKey(p.name, codes);
    if (key?.note === true) {
      notes.set(`${key.leg ?? ''}|${key.home}|${key.away}`, p);
      used.add(p.name);
    }
  }
  for (const p of view.byName.values()) {
    // `match_col_width` is a global, not the cell of teams `col` and `width`.
    const key = GLOBAL_PARAMS.has(p.name) ? undefined : parseMatchKey(p.name, codes);
    if (key === undefined || key.note) continue;
    used.add(p.name);
    const result = readScore(p.text, (part) => reportTooLarge(p, `the ${part} in \`${p.name}\``, context));
    if (result.status === 'unknown') {
      context.report({
        code: 'extract/unreadable-score',
        stage: 'extract',
        message: `Unexpected \`${p.raw}\` in \`${p.name}\`, expected a score such as 2–1, W.O. or –; the cell is left out of the cross-check`,
        param: p.name,
        span: p.span,
      });
    }
    const note = valueOf(notes.get(`${key.leg ?? ''}|${key.home}|${key.away}`));
    cells.push({
      param: p.name,
      home: key.home,
      away: key.away,
      ...(key.leg === undefined ? {} : { leg: key.leg }),
      raw: p.raw,
      text: p.text,
      span: p.span,
      ...result,
      ...(note === undefined ? {} : { note }),
    });
  }
  return { cells, used };
}
