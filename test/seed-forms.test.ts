import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { ArticleRecord } from '../src/types/index.js';
import { ROOT } from './helpers.js';

/** Everything but positions, which differ between the two files by construction. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !['span', 'codeSpan', 'recovered', 'related', 'message', 'file'].includes(k))
      .map(([k, v]) => [k, withoutPositions(v)]),
  );
}

const read = (name: string): ArticleRecord => extract(readFileSync(path.join(ROOT, 'samples', name), 'utf8'), { file: name });
const surf = read('2004-copa-peru.surf');
const wiki = read('2004_Copa_Perú.wiki');

describe('the seed as SurfDoc and as wikitext', () => {
  it('should give the same standings, grids and infobox', () => {
    expect(withoutPositions(wiki.standings)).toEqual(withoutPositions(surf.standings));
    expect(withoutPositions(wiki.matchGrids)).toEqual(withoutPositions(surf.matchGrids));
    expect(withoutPositions(wiki.infoboxes)).toEqual(withoutPositions(surf.infoboxes));
    expect(surf.standings).toHaveLength(10);
  });

  it('should give the same cross-check findings', () => {
    const findings = (a: ArticleRecord): unknown =>
      a.diagnostics.filter((d) => d.stage === 'check').map((d) => withoutPositions(d));
    expect(findings(wiki)).toEqual(findings(surf));
  });

  it('should report exactly the real disagreements of the seed and none caused by W.O. or – cells', () => {
    const mismatches = surf.diagnostics
      .filter((d) => /^check\/.*-mismatch$/.test(d.code))
      .map((d) => `${d.param}:${String(d.declared)}→${String(d.computed)}`);
    expect(mismatches).toEqual(['gf_CSÁ:21→18', 'ga_CSÁ:2→3', 'gf_DPO:5→6', 'ga_DPO:22→19', 'gf_DVM:22→23', 'ga_DSA:43→44']);
  });

  it('should name the single cell that reconciles Region II Group B', () => {
    const d = surf.diagnostics.find((x) => x.param === 'gf_CSÁ');
    expect(d?.related?.[0]?.message).toContain('`match_DPO_CSÁ=1–3` read as 0–6');
    expect(d?.span?.start).toMatchObject({ line: 139, column: 175 });
  });
});

describe('the department list as ::data rows and as a wikitable with rowspan="2"', () => {
  it('should give the same rows and the same typed team list', () => {
    const list = (a: ArticleRecord) => a.tables.filter((t) => t.typed?.type === 'team-list');
    const rows = (a: ArticleRecord) => list(a).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
    const entries = (a: ArticleRecord) => list(a).flatMap((t) => t.typed?.entries.map((e) => [e.region, e.team, e.location, e.teamId]) ?? []);
    expect(rows(wiki)).toEqual(rows(surf));
    expect(entries(wiki)).toEqual(entries(surf));
    expect(rows(surf)).toHaveLength(52);
  });
});
