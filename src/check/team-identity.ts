/**
 * Checks on the article's team registry: a team playing a later stage that no earlier list of
 * qualified teams names, one team linked to different pages, one code used for two teams.
 * Titles are compared as MediaWiki does; titles that name one club (a legal form, a founding year,
 * a redirect of the map) are an info note, and so, when the run knows no redirects, are a name and a
 * longer one with no word that makes another team (one may redirect to the other); a warning stays
 * for two really different pages. A play-off opponent from another division
 * (a tie or match box against a listed team) is an info note, not a warning.
 * Emits: check/team-not-qualified, check/team-link-conflict, check/team-link-variant, check/code-conflict.
 */
import { mayNameOneClub, pageTitleKey, relateTitles, type TitleRelation } from '../extract/club-names.js';
import type { Extracted } from '../extract/index.js';
import type { StageContext, TeamEntity } from '../types/index.js';

/** What the checks may use beyond the article. */
export interface IdentityOptions {
  /**
   * Redirects of the same wiki, title → target (see RegistryOptions). Given (even empty), two link
   * titles it does not join are two pages: a warning. Absent, two titles whose names could be one
   * club's (one inside the other: a renamed club, a longer name) are an info note that says how to
   * decide, since the run cannot tell a link to a redirect (which MediaWiki follows to the same page,
   * and editors leave as it is) from a link to another club; other names stay a warning.
   */
  redirects?: ReadonlyMap<string, string> | undefined;
}

/**
 * Runs the team-identity checks.
 * @param records the article's records, with their registry
 * @param context diagnostics sink
 * @param options a redirect map, when the input has one
 */
export function checkTeamIdentity(records: Extracted, context: StageContext, options: IdentityOptions = {}): void {
  checkQualification(records, context);
  for (const team of records.teams) checkLinks(team, context, options.redirects);
  checkCodes(records, context);
}

/** Unlisted teams (more than half of its teams) that make a table one that came from elsewhere. */
const MIN_TABLE_ELSEWHERE = 3;

/** Every team of a standings table, bracket, tie or match after a team list should be in one. */
function checkQualification(records: Extracted, context: StageContext): void {
  const lists = records.tables.filter((t) => t.typed?.type === 'team-list');
  const first = lists[0];
  if (first === undefined) return;
  const listed = new Set(lists.flatMap((t) => (t.typed?.entries ?? []).flatMap((e) => (e.teamId === undefined ? [] : [e.teamId]))));
  const later = new Set(
    [...records.standings, ...records.brackets, ...records.ties, ...records.matches].filter((r) => r.span.start.offset > first.span.start.offset).map((r) => r.id),
  );
  // A tie or match box whose other side is listed: a play-off against a team of another division.
  const playOff = new Map<string, string>();
  for (const r of [...records.ties.map((t) => [t.id, t.team1.teamId, t.team2.teamId] as const), ...records.matches.map((m) => [m.id, m.team1Id, m.team2Id] as const)]) {
    const [id, a, b] = r;
    if (a !== undefined && b !== undefined && listed.has(a) !== listed.has(b)) playOff.set(id, listed.has(a) ? b : a);
  }
  // A table most of whose teams are in no list entered the competition another way (the seed's
  // Region VI: Lima's clubs, 10 of 12): one unlisted team is a finding, such a table is a note.
  const elsewhere = new Map<string, string>();
  for (const table of records.standings) {
    const ids = table.teams.flatMap((t) => (t.teamId === undefined ? [] : [t.teamId]));
    const unlisted = ids.filter((id) => !listed.has(id)).length;
    if (later.has(table.id) && unlisted >= MIN_TABLE_ELSEWHERE && unlisted * 2 > ids.length) elsewhere.set(table.id, `${unlisted} of that table's ${ids.length} teams are`);
  }
  for (const team of records.teams) {
    if (listed.has(team.id)) continue;
    const mention = team.mentions.find((m) => later.has(m.recordId) && playOff.get(m.recordId) !== team.id) ?? team.mentions.find((m) => later.has(m.recordId));
    if (mention === undefined) continue;
    const opponent = playOff.get(mention.recordId) === team.id;
    const whole = elsewhere.get(mention.recordId);
    context.report({
      code: 'check/team-not-qualified',
      stage: 'check',
      ...(opponent || whole !== undefined ? { severity: 'info' as const } : {}),
      message: opponent
        ? `Unexpected ${team.name} in \`${mention.recordId}\` against a team of the list \`${first.id}\`, expected a listed team; read as a play-off opponent from another competition`
        : whole !== undefined
          ? `Unexpected ${team.name} in \`${mention.recordId}\`, expected a team of the earlier team list \`${first.id}\`; ${whole} in no such list, so read as a group that entered from another competition`
          : `Unexpected ${team.name} in \`${mention.recordId}\`, expected a team of the earlier team list \`${first.id}\` (or a note that it came from another competition)`,
      ...(mention.span === undefined ? {} : { span: mention.span }),
      recordId: mention.recordId,
      related: [{ message: `the list of qualified teams (${first.caption ?? first.section.join(' > ')})`, span: first.span }],
    });
  }
}

const WHY: Readonly<Record<Exclude<TitleRelation, 'same'>, string>> = {
  redirect: 'one redirects to the other',
  'legal-form': 'they differ only by a legal form or founding year, so one page most likely redirects to the other',
};

function checkLinks(team: TeamEntity, context: StageContext, redirects: ReadonlyMap<string, string> | undefined): void {
  const links = [...new Map(team.links.map((l) => [pageTitleKey(l), l])).values()];
  if (links.length < 2) return;
  const where = links.map((link) => team.mentions.find((m) => m.link !== undefined && pageTitleKey(m.link) === pageTitleKey(link)));
  const relations = links.slice(1).map((l) => relateTitles(links[0] ?? '', l, redirects));
  const weakest = relations.includes(undefined) ? undefined : (['legal-form', 'redirect'] as const).find((r) => relations.includes(r));
  const titles = links.map((l) => `[[${l}]]`).join(' and ');
  const unknown = weakest === undefined && redirects === undefined && links.every((l, i) => i === 0 || mayNameOneClub(links[0] ?? '', l));
  context.report({
    code: weakest === undefined ? 'check/team-link-conflict' : 'check/team-link-variant',
    stage: 'check',
    ...(unknown ? { severity: 'info' as const } : {}),
    message:
      weakest === undefined
        ? unknown
          ? `Unexpected links to ${titles} for ${team.name}, expected every mention of one team to link to the same page; one name is in the other, so one page may redirect to the other, which this run cannot tell without the wiki's redirects (read the article from its dump, or give --redirect-map)`
          : `Unexpected links to ${titles} for ${team.name}, expected every mention of one team to link to the same page`
        : `Unexpected links to ${titles} for ${team.name}, expected one title; ${WHY[weakest]}`,
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
