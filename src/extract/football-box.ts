/**
 * {{Football box}} and {{Football box collapsible}} → a match record.
 * https://en.wikipedia.org/wiki/Template:Football_box
 * Reads: round, date, team1, team2, score, aet, penaltyscore, result (w/o), stadium, location,
 * attendance, referee, goals1, goals2. Team 1 is the home (or first-named) team; the score reads
 * team 1 – team 2.
 */
import type { TemplateView } from '../parse/index.js';
import type { MatchRecord, StageContext } from '../types/index.js';
import { readBoundedNumber, reportTooLarge } from './numbers.js';
import { readScore } from './score.js';
import { displayTemplateName } from './template-names.js';
import { reportDuplicateParams } from './teams.js';
import { withTeamCode } from './bracket-cells.js';
import { opt, valueOf } from './values.js';

const YES = /^(y|yes|true|1)$/i;

/**
 * Extracts one match box.
 * @param view the template
 * @param id the record id
 * @param context diagnostics sink
 * @returns the match, or undefined when it names no teams
 */
export function extractMatch(view: TemplateView, id: string, context: StageContext): MatchRecord | undefined {
  reportDuplicateParams(view, context);
  const get = (name: string) => view.byName.get(name);
  const text = (name: string): string | undefined => get(name)?.text || undefined;
  const [t1, t2] = [valueOf(get('team1')), valueOf(get('team2'))];
  // A national team is often written only as `{{fb-rt|COL}}`: named by its code, as in a bracket.
  const team1 = t1 === undefined ? undefined : withTeamCode(t1);
  const team2 = t2 === undefined ? undefined : withTeamCode(t2);
  if (team1 === undefined || team2 === undefined) {
    context.report({
      code: 'extract/incomplete-tie',
      stage: 'extract',
      message: `Unexpected match box with ${team1 === undefined ? 'no `team1`' : 'no `team2`'}, expected two teams; the match was not read`,
      span: view.span,
    });
    return undefined;
  }
  const score = valueOf(get('score'));
  const tooLarge = (name: string) => (part: string): void => {
    const p = get(name);
    if (p !== undefined) reportTooLarge(p, `the ${part} in \`${name}\``, context);
  };
  const read = score === undefined ? undefined : readScore(score.text, tooLarge('score'));
  const pens = text('penaltyscore') === undefined ? undefined : readScore(text('penaltyscore') ?? '', tooLarge('penaltyscore'));
  const penalties =
    read?.penalties ?? (pens?.homeGoals !== undefined && pens.awayGoals !== undefined ? { home: pens.homeGoals, away: pens.awayGoals } : undefined);
  const attendance = readBoundedNumber(get('attendance'), 'the attendance', context, true);
  return {
    kind: 'match',
    id,
    section: view.section,
    span: view.span,
    template: displayTemplateName(view.rawName, view.isInvoke),
    ...opt('round', text('round')),
    ...opt('date', text('date')),
    team1,
    team2,
    ...opt('link1', team1.links?.[0]?.target),
    ...opt('link2', team2.links?.[0]?.target),
    ...opt('score', score),
    ...opt('team1Goals', read?.homeGoals),
    ...opt('team2Goals', read?.awayGoals),
    ...(YES.test(text('aet') ?? '') || read?.extraTime === true ? { extraTime: true } : {}),
    ...opt('penalties', penalties),
    ...(read?.status === 'walkover' || /^w\/?o$/i.test(text('result') ?? '') ? { walkover: true } : {}),
    ...opt('venue', text('stadium') ?? text('venue')),
    ...opt('location', text('location')),
    ...opt('attendance', attendance),
    ...opt('referee', text('referee')),
    ...opt('goals1', valueOf(get('goals1'))),
    ...opt('goals2', valueOf(get('goals2'))),
  };
}
