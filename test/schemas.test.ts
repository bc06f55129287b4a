import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { validateArticle } from '../src/validate/index.js';
import { ROOT, outArticles } from './helpers.js';

const SCHEMAS = path.join(ROOT, 'schemas');
const schemaFiles = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();

describe('schemas', () => {
  it('should give every schema an $id, a title and closed objects', () => {
    for (const file of schemaFiles) {
      const schema = JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;
      expect(schema.$id, file).toBe(`https://wikitally.invalid/schemas/${file}`);
      expect(typeof schema.title, file).toBe('string');
      const open: string[] = [];
      const walk = (node: unknown, at: string): void => {
        if (node === null || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.type === 'object' && n.additionalProperties !== false) open.push(at);
        for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
      };
      walk(schema, file);
      expect(open).toEqual([]);
    }
  });

  for (const { name, article } of outArticles()) {
    it(`should validate out/${name} against article.schema.json`, () => {
      expect(validateArticle(article)).toEqual([]);
    });
  }

  const cases = readdirSync(path.join(ROOT, 'test', 'schema-cases')).filter((f) => f.endsWith('.json'));
  it('should have schema cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const file of cases) {
    const groups = JSON.parse(readFileSync(path.join(ROOT, 'test', 'schema-cases', file), 'utf8')) as {
      description: string;
      schema: string;
      tests: { description: string; data: unknown; valid: boolean }[];
    }[];
    for (const group of groups) {
      for (const t of group.tests) {
        it(`should judge ${group.description}: ${t.description}`, () => {
          const ajv = new Ajv2020Module.default({ allErrors: true, allowUnionTypes: true });
          for (const f of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')) as object);
          const validate = ajv.getSchema(`https://wikitally.invalid/schemas/${group.schema}`);
          expect(validate).toBeDefined();
          expect(validate?.(t.data)).toBe(t.valid);
        });
      }
    }
  }
});
