/**
 * Checks on the article's team registry: a team playing a later stage that no earlier list of
 * qualified teams names, one team linked to different pages, one code used for two teams.
 * Emits: check/team-not-qualified, check/team-link-conflict, check/code-conflict.
 */
import type { Extracted } from '../extract/index.js';
import type { StageContext, TeamEntity } from '../types/index.js';

/**
 * Runs the team-identity checks.
 * @param records the article's records, with their registry
 * @param context diagnostics sink
 */
export function checkTeamIdentity(records: Extracted, context: StageContext): void {
  checkQualification(records, context);
  for (const team of records.teams) checkLinks(team, context);
  checkCodes(records, context);
}

/** Every team of a standings table, bracket, tie or match after a team list should be in one. */
function checkQualification(records: Extracted, context: StageContext): void {
  const lists = records.tables.filter((t) => t.typed?.type === 'team-list');
  const first = lists[0];
  if (first === undefined) return;
  const listed = new Set(lists.flatMap((t) => (t.typed?.entries ?? []).flatMap((e) => (e.teamId === undefined ? [] : [e.teamId]))));
  const later = new Set(
    [...records.standings, ...records.brackets, ...records.ties, ...records.matches].filter((r) => r.span.start.offset > first.span.start.offset).map((r) => r.id),
  );
  for (const team of records.teams) {
    if (listed.has(team.id)) continue;
    const mention = team.mentions.find((m) => later.has(m.recordId));
    if (mention === undefined) continue;
    context.report({
      code: 'check/team-not-qualified',
      stage: 'check',
      message: `Unexpected ${team.name} in \`${mention.recordId}\`, expected a team of the earlier team list \`${first.id}\` (or a note that it came from another competition)`,
      ...(mention.span === undefined ? {} : { span: mention.span }),
      recordId: mention.recordId,
      related: [{ message: `the list of qualified teams (${first.caption ?? first.section.join(' > ')})`, span: first.span }],
    });
  }
}

function checkLinks(team: TeamEntity, context: StageContext): void {
  if (team.links.length < 2) return;
  const where = team.links.map((link) => team.mentions.find((m) => m.link === link));
  context.report({
    code: 'check/team-link-conflict',
    stage: 'check',
    message: `Unexpected links to ${team.links.map((l) => `[[${l}]]`).join(' and ')} for ${team.name}, expected every mention of one team to link to the same page`,
    ...(where[0]?.span === undefined ? {} : { span: where[0].span }),
    recordId: where[0]?.recordId ?? team.id,
    related: where.flatMap((m) => (m?.span === undefined ? [] : [{ message: `[[${m.link ?? ''}]] in \`${m.recordId}\``, span: m.span }])),
  });
}

function checkCodes(records: Extracted, context: StageContext): void {
  const byCode = new Map<string, Map<string, { recordId: string; span?: TeamEntity['mentions'][number]['span'] }>>();
  for (const team of records.teams) {
    for (const m of team.mentions) {
      if (m.code === undefined) continue;
      const owners = byCode.get(m.code) ?? new Map();
      if (!owners.has(team.id)) owners.set(team.id, { recordId: m.recordId, ...(m.span === undefined ? {} : { span: m.span }) });
      byCode.set(m.code, owners);
    }
  }
  for (const [code, owners] of byCode) {
    if (owners.size < 2) continue;
    const names = [...owners.keys()].map((id) => records.teams.find((t) => t.id === id)?.name ?? id);
    const places = [...owners.values()];
    context.report({
      code: 'check/code-conflict',
      stage: 'check',
      message: `Unexpected code \`${code}\` for ${names.join(' and ')}, expected one code per team in an article`,
      ...(places[1]?.span === undefined ? {} : { span: places[1].span }),
      recordId: places[1]?.recordId ?? '',
      related: places.flatMap((p, i) => (p.span === undefined ? [] : [{ message: `${names[i] ?? ''} in \`${p.recordId}\``, span: p.span }])),
    });
  }
}
