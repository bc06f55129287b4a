/**
 * Two-legged ties → tie records, from {{TwoLegResult}}, {{OneLegResult}} and Module:Sports series.
 * https://en.wikipedia.org/wiki/Template:TwoLegResult — positional: team1, flag1, aggregate,
 * team2, flag2, leg1, leg2 (leg3…).
 * https://en.wikipedia.org/wiki/Template:OneLegResult — positional: team1, flag1, score, team2,
 * flag2: a tie of one match, its score the one leg (no aggregate).
 * https://en.wikipedia.org/wiki/Module:Sports_series — positional groups of team1, flag1,
 * aggregate, team2, flag2, leg1…legN (flags left out with `flag=no`); reads `legs` and `flag`.
 * Scores read team 1 – team 2; a bold team name marks the winner.
 */
import type { ParamView, TemplateView } from '../parse/index.js';
import type { StageContext, TieRecord, TieScore, TieTeam } from '../types/index.js';
import { readBoundedNumber, reportTooLarge } from './numbers.js';
import { readScore } from './score.js';
import { displayTemplateName, normaliseTemplateName } from './template-names.js';
import { opt, valueOf } from './values.js';

/**
 * Extracts the ties of a {{TwoLegResult}} or Sports series call.
 * @param view the template or #invoke
 * @param nextId gives each tie its id
 * @param context diagnostics sink
 * @returns the ties, in order
 */
export function extractTies(view: TemplateView, nextId: () => string, context: StageContext): TieRecord[] {
  const positional = view.params.filter((p) => p.anonymous);
  const isSeries = view.isInvoke;
  const single = !isSeries && /^one\s*leg/.test(normaliseTemplateName(view.rawName));
  const legs = isSeries ? Math.max(1, readBoundedNumber(view.byName.get('legs'), 'the number of legs', context) ?? 2) : single ? 0 : Math.max(2, positional.length - 5);
  const flags = !(isSeries && /^(no|n|false|0)$/i.test(view.byName.get('flag')?.text ?? ''));
  const size = (flags ? 5 : 3) + legs;
  const ties: TieRecord[] = [];
  for (let start = 0; start + (flags ? 4 : 3) <= positional.length; start += size) {
    const group = positional.slice(start, start + size);
    const at = (i: number): ParamView | undefined => group[i];
    const [t1, agg, t2, firstLeg] = flags ? [at(0), at(2), at(3), 5] : [at(0), at(1), at(2), 3];
    const team1 = tieTeam(t1);
    const team2 = tieTeam(t2);
    if (team1 === undefined || team2 === undefined) {
      context.report({
        code: 'extract/incomplete-tie',
        stage: 'extract',
        message: `Unexpected tie with ${team1 === undefined ? 'no first team' : 'no second team'}, expected two teams; the tie was not read`,
        span: (t1 ?? t2 ?? view).span,
      });
      continue;
    }
    const legScores: TieScore[] = [];
    for (let l = 0; l < legs; l++) {
      const s = tieScore(at(firstLeg + l), context);
      if (s !== undefined) legScores.push(s);
    }
    // OneLegResult's score is the match itself.
    if (single) {
      const s = tieScore(agg, context);
      if (s !== undefined) legScores.push(s);
    }
    const aggregate = single ? undefined : tieScore(agg, context);
    const winner = team1.bold === true && team2.bold !== true ? 1 : team2.bold === true && team1.bold !== true ? 2 : undefined;
    ties.push({
      kind: 'tie',
      id: nextId(),
      section: view.section,
      span: view.span,
      template: displayTemplateName(view.rawName, view.isInvoke),
      team1,
      team2,
      ...opt('aggregate', aggregate),
      legs: legScores,
      ...opt('winner', winner),
    });
  }
  return ties;
}

function tieTeam(p: ParamView | undefined): TieTeam | undefined {
  const name = valueOf(p);
  if (name === undefined || name.text.length === 0) return undefined;
  return { name, ...opt('link', name.links?.[0]?.target), ...(/'''/.test(name.raw) ? { bold: true } : {}) };
}

function tieScore(p: ParamView | undefined, context: StageContext): TieScore | undefined {
  const value = valueOf(p);
  if (p === undefined || value === undefined) return undefined;
  const s = readScore(value.text, (part) => reportTooLarge(p, `the ${part} of a tie`, context));
  return {
    value,
    ...opt('team1Goals', s.homeGoals),
    ...opt('team2Goals', s.awayGoals),
    ...opt('detail', s.detail),
  };
}
