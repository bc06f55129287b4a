/**
 * The articles the report tests read: committed envelopes from out/ with the text of the sample
 * each came from (positions point into it), so the writers are tested on real, reviewed output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleRecord } from '../../src/types/index.js';
import type { FixCandidate, ReportDiagnostic, ReportItem } from '../../src/report/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Loads an envelope from out/ and the text of its sample.
 * @param out the envelope, relative to out/
 * @returns the report item (a fresh copy each call, safe to modify)
 */
export function loadItem(out: string): ReportItem {
  const article = JSON.parse(readFileSync(path.join(ROOT, 'out', out), 'utf8')) as ArticleRecord;
  return { article, text: readFileSync(path.join(ROOT, article.source.file), 'utf8') };
}

/** The seed: 2004 Copa Perú, SurfDoc, 10 tables, 6 errors in two of them. */
export const seed = (): ReportItem => loadItem('2004-copa-peru.surf/2004_Copa_Perú.json');

/** 1992–93 French Division 1: one 20-team table, two draws that an annulled match explains. */
export const french = (): ReportItem => loadItem('1992-93_French_Division_1.wikitext/1992-93_French_Division_1.json');

/**
 * Gives the seed's table-reconciling diagnostics the structured `fix` data of issue 9 (item 1):
 * `match_DPO_CSÁ` 1 of 1 (certain) for Region II Group B, `match_DVM_DSA` and `match_DSA_DVM`
 * (2 candidates) for Region VI.
 * @param item the seed
 * @returns the same item, modified
 */
export function withSeedFixes(item: ReportItem): ReportItem {
  const { text } = item;
  // The span of a cell's value as written: `match_X_Y=` is followed by `current`.
  const cell = (param: string, current: string): FixCandidate['span'] => {
    const offset = text.indexOf(`${param}=`) + param.length + 1;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { start: { line, column, offset }, end: { line, column: column + current.length, offset: offset + current.length } };
  };
  const certain = cell('match_DPO_CSÁ', '1–3');
  const groupB: FixCandidate[] = [{ param: 'match_DPO_CSÁ', span: certain, current: '1–3', proposed: '0–6', candidate: 1, candidates: 1, edit: { span: certain, text: '0–6' } }];
  const regionVI: FixCandidate[] = [
    { param: 'match_DVM_DSA', span: cell('match_DVM_DSA', '1–2'), current: '1–2', proposed: '0–2', candidate: 1, candidates: 2 },
    { param: 'match_DSA_DVM', span: cell('match_DSA_DVM', '2–1'), current: '2–1', proposed: '2–0', candidate: 2, candidates: 2 },
  ];
  for (const d of item.article.diagnostics as ReportDiagnostic[]) {
    if (d.declared === undefined) continue;
    if (d.recordId === 'standings/regional-stage/region-ii/group-b/1') d.fix = groupB;
    if (d.recordId === 'standings/regional-stage/region-vi/1') d.fix = regionVI;
    // The sentences the structured data replaces.
    if (d.fix !== undefined) d.related = (d.related ?? []).filter((r) => !r.message.startsWith('a single correction'));
  }
  return item;
}
