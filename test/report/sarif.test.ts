/**
 * SARIF output, validated against the official SARIF 2.1.0 JSON Schema
 * (test/fixtures/sarif-schema-2.1.0.json: oasis-tcs/sarif-spec, Committee Specification 2.1.0,
 * governed by the OASIS IPR Policy; origin and checksum in test/fixtures/sarif-schema-2.1.0.README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv/dist/ajv.js';
import { describe, expect, it } from 'vitest';
import { CODES, DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { buildSarifLog, fileUri, renderSarif } from '../../src/report/sarif.js';
import type { ReportDiagnostic } from '../../src/report/types.js';
import { french, seed, withSeedFixes } from './fixtures.js';

const Ajv = AjvModule.default;
const SCHEMA = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8')) as object;

/** RFC 3986 characters of a URI reference (anything else must be percent-encoded). */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/** The schema's validator, with the three formats it uses checked (ajv knows none by itself). */
function validator(): (data: unknown) => boolean {
  // strict: false because the official schema puts `required` in `anyOf` branches, which ajv's
  // strict mode refuses to compile; what it accepts and rejects is unchanged.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri-reference', URI_REFERENCE);
  ajv.addFormat('uri', (s: string) => URI_REFERENCE.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(SCHEMA);
  return (data) => {
    const ok = validate(data);
    if (!ok) expect(validate.errors).toEqual([]);
    return ok;
  };
}

describe('buildSarifLog', () => {
  it('should validate against the SARIF 2.1.0 schema', () => {
    const log = buildSarifLog([withSeedFixes(seed()), french()], { toolVersion: '0.1.0' });
    expect(validator()(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  it('should reject what the schema rejects, so the validation is real', () => {
    const log = JSON.parse(renderSarif([seed()])) as { runs: { results: { level: string }[] }[] };
    const first = log.runs[0]?.results[0];
    if (first !== undefined) first.level = 'fatal';
    const ajv = new Ajv({ strict: false, validateFormats: false });
    expect(ajv.validate(SCHEMA, log)).toBe(false);
  });

  it('should describe every diagnostic code as a rule with its default level', () => {
    const { rules } = buildSarifLog([]).runs[0].tool.driver;
    expect(rules.map((r) => r.id)).toEqual(DIAGNOSTIC_CODES);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const r of rules) {
      const code = CODES[r.id as keyof typeof CODES];
      expect(r.shortDescription.text).toBe(code.description);
      expect(r.defaultConfiguration.level).toBe(level[code.severity]);
    }
  });

  it('should give each result its rule, level, message, region and properties', () => {
    const log = buildSarifLog([seed()]);
    const result = log.runs[0].results.find((r) => r.properties?.param === 'gf_CSÁ');
    expect(result).toMatchObject({
      ruleId: 'check/goals-for-mismatch',
      ruleIndex: DIAGNOSTIC_CODES.indexOf('check/goals-for-mismatch'),
      level: 'error',
      message: { text: 'Unexpected 21 goals scored by `CSÁ` (Sport Áncash) in the standings, expected 18 from the match grid' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'samples/2004-copa-peru.surf' },
            region: { startLine: 139, startColumn: 175, endLine: 139, endColumn: 177 },
          },
        },
      ],
      properties: { param: 'gf_CSÁ', declared: 21, computed: 18, recordId: 'standings/regional-stage/region-ii/group-b/1' },
    });
    // The correction and the six played cells, each a related location with its message.
    expect(result?.relatedLocations).toHaveLength(7);
    expect(result?.relatedLocations?.[1]).toEqual({
      id: 2,
      physicalLocation: { artifactLocation: { uri: 'samples/2004-copa-peru.surf' }, region: { startLine: 143, startColumn: 35, endLine: 143, endColumn: 38 } },
      message: { text: 'played: `match_COM_CSÁ=1–3`' },
    });
  });

  it('should map severities to SARIF levels and honour the least severity', () => {
    const all = buildSarifLog([seed()]).runs[0].results;
    expect(new Set(all.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'note']));
    expect(all).toHaveLength(seed().article.diagnostics.length);
    const errors = buildSarifLog([seed()], { minSeverity: 'error' }).runs[0].results;
    expect(errors.map((r) => r.properties?.param)).toEqual(['gf_CSÁ', 'ga_CSÁ', 'gf_DPO', 'ga_DPO', 'gf_DVM', 'ga_DSA']);
  });

  it('should give only certain corrections as fixes', () => {
    const results = buildSarifLog([withSeedFixes(seed())]).runs[0].results;
    const groupB = results.find((r) => r.properties?.param === 'gf_CSÁ');
    expect(groupB?.fixes).toEqual([
      {
        description: { text: 'Change `match_DPO_CSÁ` from `1–3` to `0–6`' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'samples/2004-copa-peru.surf' },
            replacements: [{ deletedRegion: { startLine: 145, startColumn: 35, endLine: 145, endColumn: 38 }, insertedContent: { text: '0–6' } }],
          },
        ],
      },
    ]);
    const regionVI = results.find((r) => r.properties?.param === 'gf_DVM');
    expect(regionVI?.fixes).toBeUndefined();
    expect(regionVI?.properties?.candidates).toBe('match_DVM_DSA: 1–2 → 0–2 (1 of 2); match_DSA_DVM: 2–1 → 2–0 (2 of 2)');
  });

  it('should report an acknowledged finding as a note suppressed in the source, with its reason', () => {
    const item = french();
    for (const d of item.article.diagnostics as ReportDiagnostic[]) {
      if (d.code === 'check/draws-mismatch') Object.assign(d, { severity: 'info', reason: 'annulled match' });
    }
    const log = buildSarifLog([item]);
    const acknowledged = log.runs[0].results.filter((r) => r.suppressions !== undefined);
    expect(acknowledged.map((r) => [r.level, r.suppressions])).toEqual([
      ['note', [{ kind: 'inSource', justification: 'annulled match' }]],
      ['note', [{ kind: 'inSource', justification: 'annulled match' }]],
    ]);
    expect(validator()(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  it('should locate a dump page by name, not by a region of the dump', () => {
    const item = french();
    for (const d of item.article.diagnostics) Object.assign(d, { file: 'dumps/fr wiki.xml.bz2', page: '1992–93 French Division 1' });
    const log = buildSarifLog([item]);
    const result = log.runs[0].results.find((r) => r.properties?.param === 'draw_OM');
    expect(result?.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'dumps/fr%20wiki.xml.bz2' } },
        logicalLocations: [{ fullyQualifiedName: '1992–93 French Division 1', kind: 'page' }],
      },
    ]);
    expect(result?.properties?.pageRegion).toBe('122:20-122:22');
    expect(validator()(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  it('should write relative paths as URI references', () => {
    expect(fileUri('samples/2004 Copa Perú #2.wiki')).toBe('samples/2004%20Copa%20Per%C3%BA%20%232.wiki');
    expect(renderSarif([seed()])).toMatch(/^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",\n {2}"version": "2\.1\.0",/);
    expect(renderSarif([seed()]).endsWith('}\n')).toBe(true);
  });
});
