import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { rowsOfArticle } from '../../src/tables/article-rows.js';
import type { ArticleRecord } from '../../src/types/index.js';
import { ROOT } from '../helpers.js';

const FILE = '2004_Copa_Perú.wiki';
const seed = readFileSync(path.join(ROOT, 'samples', FILE), 'utf8');
const GROUP_A = ['Regional Stage', 'Region II', 'Group A'];

/** Region II Group A edited: a new table before its own, and one score of its grid changed. */
function editGroupA(text: string): string {
  const heading = '==== Group A ====\n';
  const at = text.indexOf(heading, text.indexOf('=== Region II ==='));
  expect(at).toBeGreaterThan(0);
  const added = '\n{{#invoke:Sports table|main|style=WDL\n|team1=NEW|name_NEW=Newcomers |team2=OLD|name_OLD=Old Boys\n|win_NEW=1|draw_NEW=0|loss_NEW=0|gf_NEW=2|ga_NEW=0 |win_OLD=0|draw_OLD=0|loss_OLD=1|gf_OLD=0|ga_OLD=2\n|match_NEW_OLD=2–0\n}}\n';
  const edited = text.slice(0, at + heading.length) + added + text.slice(at + heading.length);
  expect(edited).toContain('|match_ETT_GAL=2–2 ');
  return edited.replace('|match_ETT_GAL=2–2 ', '|match_ETT_GAL=3–2 ');
}

const inGroupA = (section: readonly string[]): boolean => GROUP_A.every((h, i) => section[i] === h);

/** Record ids and the team ids records point at, outside Group A, by kind. */
function idsOutsideGroupA(article: ArticleRecord): Record<string, string[]> {
  const kinds = ['infoboxes', 'standings', 'matchGrids', 'tables', 'brackets', 'ties', 'matches'] as const;
  const out: Record<string, string[]> = {};
  for (const kind of kinds) {
    out[kind] = (article[kind] as { id: string; section: string[] }[]).filter((r) => !inGroupA(r.section)).map((r) => r.id);
  }
  out['teamIds'] = [
    ...article.standings.filter((s) => !inGroupA(s.section)).flatMap((s) => s.teams.map((t) => `${t.code}=${t.teamId ?? ''}`)),
    ...article.matchGrids.filter((g) => !inGroupA(g.section)).flatMap((g) => g.teams.map((t) => `${t.code}=${t.teamId ?? ''}`)),
  ];
  return out;
}

describe('stable ids', () => {
  const before = extract(seed, { file: FILE });
  const after = extract(editGroupA(seed), { file: FILE });

  it('should read the edit: a new table in Group A, and the changed score', () => {
    expect(after.standings.filter((s) => inGroupA(s.section)).map((s) => s.id)).toEqual([
      'standings/regional-stage/region-ii/group-a/1',
      'standings/regional-stage/region-ii/group-a/2',
    ]);
    expect(after.standings).toHaveLength(before.standings.length + 1);
  });

  it('should leave the ids of every record outside the edited group, and the team ids they point at, unchanged', () => {
    const ids = idsOutsideGroupA(before);
    expect(ids['standings']?.length).toBe(9);
    expect(ids['teamIds']?.every((t) => !t.endsWith('='))).toBe(true);
    expect(idsOutsideGroupA(after)).toEqual(ids);
  });

  it('should leave the matchId of every match outside the edited group unchanged', () => {
    const outside = (a: ArticleRecord): string[] => rowsOfArticle(a).matches.filter((m) => !inGroupA(m.section)).map((m) => m.matchId);
    expect(outside(before).length).toBeGreaterThan(200);
    expect(outside(after)).toEqual(outside(before));
    const edited = rowsOfArticle(after).matches.find((m) => m.matchId === '2004 Copa Perú#grid/regional-stage/region-ii/group-a/2#match_ETT_GAL');
    expect([edited?.homeGoals, edited?.awayGoals]).toEqual([3, 2]);
  });
});
