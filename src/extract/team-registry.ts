/**
 * One registry of teams per article. Every mention — a standings row, a grid team, a bracket
 * slot, a tie, a match box, a team-list row — is merged with the others that name the same team:
 * first by evidence (a grid paired with its table), then by link target as MediaWiki resolves it
 * (first letter, underscores, anchors; through the redirect map when one is given), then by name
 * as written, then by name without diacritics, case and punctuation, then by link target and by
 * name without legal form or founding year ("Estudiantes de Mérida Fútbol Club" = "Estudiantes de
 * Mérida", club-names.ts), and last by name without a trailing "(city)". The last three passes are
 * weak: they merge only where exactly one team could be meant. Two mentions in one record (two
 * rows of a table, two slots of a round) are never the same team, so "Deportivo Municipal" and
 * "Deportivo Municipal (Yauli)" of one list stay apart. Records then refer to teams by registry id
 * (`teamId`, `team1Id`, `team2Id`).
 */
import { slug } from './record-ids.js';
import type { Span, TeamEntity } from '../types/index.js';
import { clubNameCore, pageTitleKey, resolveTitle } from './club-names.js';
import type { Extracted } from './index.js';
import { teamNameKey, withoutQualifier } from './team-identity.js';

/** What the registry may use beyond the article itself. */
export interface RegistryOptions {
  /**
   * Redirects of the same wiki, title → target, both as a dump writes titles (`<title>` and
   * `<redirect title=…>`: first letter upper case, spaces): titles that resolve alike are one page.
   */
  redirects?: ReadonlyMap<string, string> | undefined;
}

interface Mention {
  recordId: string;
  /** Mentions sharing a group are different teams. */
  group: string;
  text: string;
  code?: string | undefined;
  link?: string | undefined;
  span?: Span | undefined;
  /** Where to write the registry id. */
  assign(id: string): void;
}

/**
 * Builds the registry and writes each record's team ids.
 * @param records the article's records (team ids are set in place)
 * @param options a redirect map, when the input has one
 * @returns the teams, in order of first mention
 */
export function buildTeamRegistry(records: Extracted, options: RegistryOptions = {}): TeamEntity[] {
  const redirects = options.redirects;
  const page = (link: string | undefined): string | undefined => (link === undefined ? undefined : resolveTitle(pageTitleKey(link), redirects));
  const mentions: Mention[] = [];
  const byStandings = new Map<string, number>();
  for (const s of records.standings) {
    // Legacy Fb cl tables have no codes: their `code` is the team's name standing in for one.
    const legacy = s.template.startsWith('Fb ');
    for (const t of s.teams) {
      byStandings.set(`${s.id}|${t.code}`, mentions.length);
      mentions.push({ recordId: s.id, group: s.id, text: t.name?.text ?? t.code, code: legacy ? undefined : t.code, link: t.link, span: t.name?.span ?? t.codeSpan, assign: (id) => (t.teamId = id) });
    }
  }
  const evidence: [number, number][] = [];
  for (const g of records.matchGrids) {
    for (const t of g.teams) {
      const paired = g.standingsId === undefined || t.standingsCode === undefined ? undefined : byStandings.get(`${g.standingsId}|${t.standingsCode}`);
      if (paired !== undefined) evidence.push([mentions.length, paired]);
      mentions.push({ recordId: g.id, group: g.id, text: t.name?.text ?? t.code, code: t.code, link: t.link, span: t.name?.span, assign: (id) => (t.teamId = id) });
    }
  }
  for (const b of records.brackets) {
    for (const r of b.rounds) {
      for (const s of r.slots) {
        if (s.team === undefined) continue;
        mentions.push({ recordId: b.id, group: `${b.id}|${r.round}`, text: s.team.text, link: s.link, span: s.team.span, assign: (id) => (s.teamId = id) });
      }
    }
  }
  for (const t of records.ties) {
    for (const side of [t.team1, t.team2]) {
      mentions.push({ recordId: t.id, group: t.id, text: side.name.text, link: side.link, span: side.name.span, assign: (id) => (side.teamId = id) });
    }
  }
  for (const m of records.matches) {
    mentions.push({ recordId: m.id, group: m.id, text: m.team1.text, link: m.link1, span: m.team1.span, assign: (id) => (m.team1Id = id) });
    mentions.push({ recordId: m.id, group: m.id, text: m.team2.text, link: m.link2, span: m.team2.span, assign: (id) => (m.team2Id = id) });
  }
  for (const table of records.tables) {
    if (table.typed?.type !== 'team-list') continue;
    // Lists of one section are one list split in columns (the seed's two ::data blocks).
    const group = `team-list|${table.section.join(' > ')}`;
    for (const e of table.typed.entries) {
      if (e.team === undefined) continue;
      mentions.push({ recordId: table.id, group, text: e.team, link: e.link, span: table.rows[e.row]?.span, assign: (id) => (e.teamId = id) });
    }
  }

  const sets = new DisjointSets(mentions.map((m) => m.group));
  for (const [a, b] of evidence) sets.union(a, b);
  const weak = (m: Mention): string | undefined => teamNameKey(withoutQualifier(m.text));
  const linkCore = (m: Mention): string | undefined => (m.link === undefined ? undefined : `link:${clubNameCore(page(m.link) ?? '')}`);
  const nameCore = (m: Mention): string | undefined => `name:${clubNameCore(m.text)}`;
  const passes: ((m: Mention) => string | undefined)[] = [(m) => page(m.link), (m) => m.text, (m) => teamNameKey(m.text), linkCore, nameCore, weak];
  const weakPasses = new Set([linkCore, nameCore, weak]);
  for (const key of passes) {
    const first = new Map<string, number[]>();
    for (const [i, m] of mentions.entries()) {
      const k = key(m);
      if (k === undefined || k.length === 0 || k === 'link:' || k === 'name:') continue;
      const list = first.get(k);
      // Appended in place: copying the list for each mention was quadratic in mentions of one team.
      if (list === undefined) first.set(k, [i]);
      else list.push(i);
    }
    for (const group of first.values()) {
      // The weak passes only merge where exactly one team could be meant.
      const roots = [...new Set(group.map((i) => sets.find(i)))];
      if (weakPasses.has(key) && roots.length > 2) continue;
      for (let i = 1; i < roots.length; i++) sets.union(roots[0] ?? 0, roots[i] ?? 0);
    }
  }

  const entities = new Map<number, Mention[]>();
  for (const [i, m] of mentions.entries()) {
    const root = sets.find(i);
    const list = entities.get(root);
    if (list === undefined) entities.set(root, [m]);
    else list.push(m);
  }
  const teams: TeamEntity[] = [];
  // A team's id comes from its name (its most linked page, else its most used name), so editing
  // one table does not renumber the teams of the others; two teams of one name get -2, -3…
  const ids = new Map<number, string>();
  const used = new Map<string, number>();
  for (const [root, list] of entities) {
    const count = new Map<string, number>();
    for (const m of list) count.set(m.text, (count.get(m.text) ?? 0) + 1);
    const name = [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const pages = distinctPages(list);
    const base = `team/${slug(pages[0] ?? name) || 'unnamed'}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    ids.set(root, id);
    teams.push({
      id,
      name,
      names: [...count.keys()],
      links: pages,
      codes: [...new Set(list.flatMap((m) => (m.code === undefined ? [] : [m.code])))],
      mentions: list.map((m) => ({
        recordId: m.recordId,
        text: m.text,
        ...(m.code === undefined ? {} : { code: m.code }),
        ...(m.link === undefined ? {} : { link: m.link }),
        ...(m.span === undefined ? {} : { span: m.span }),
      })),
    });
  }
  // Ids are written in mention order, so a record's fields get them in the order it lists them.
  for (const [i, m] of mentions.entries()) m.assign(ids.get(sets.find(i)) ?? '');
  return teams;
}

/** Each linked page once, as first written: `Caracas_FC` and `caracas FC` are one title. */
function distinctPages(list: readonly Mention[]): string[] {
  const seen = new Map<string, string>();
  for (const m of list) if (m.link !== undefined && !seen.has(pageTitleKey(m.link))) seen.set(pageTitleKey(m.link), m.link);
  return [...seen.values()];
}

/** Union–find that refuses to join two sets holding mentions of the same group. */
class DisjointSets {
  readonly #parent: number[];
  readonly #groups: Set<string>[];

  constructor(groups: readonly string[]) {
    this.#parent = groups.map((_, i) => i);
    this.#groups = groups.map((g) => new Set([g]));
  }

  find(i: number): number {
    let r = i;
    while (this.#parent[r] !== r) r = this.#parent[r] ?? r;
    for (let n = i; this.#parent[n] !== r; ) {
      const next = this.#parent[n] ?? r;
      this.#parent[n] = r;
      n = next;
    }
    return r;
  }

  union(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return true;
    const [ga, gb] = [this.#groups[ra] ?? new Set<string>(), this.#groups[rb] ?? new Set<string>()];
    for (const g of gb) if (ga.has(g)) return false;
    this.#parent[rb] = ra;
    for (const g of gb) ga.add(g);
    return true;
  }
}
