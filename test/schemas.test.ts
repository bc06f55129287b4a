import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { renderRecordsDoc } from '../scripts/docs-records.mjs';
import { validateArticle } from '../src/validate/index.js';
import { ROOT, outArticles } from './helpers.js';

const SCHEMAS = path.join(ROOT, 'schemas');
/** Every schema, relative to schemas/: the records, then the tables. */
const schemaFiles = [
  ...readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort(),
  ...readdirSync(path.join(SCHEMAS, 'tables'))
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((f) => `tables/${f}`),
];
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

/** An ajv instance holding every schema, as a user of the package would load them. */
function ajvWithSchemas(): InstanceType<typeof Ajv2020Module.default> {
  const ajv = new Ajv2020Module.default({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const f of schemaFiles) ajv.addSchema(load(f));
  return ajv;
}

/** The records whose schema must carry an example: the envelope, each record kind, each table. */
const MAIN = ['article', 'infobox', 'standings', 'match-grid', 'wikitable', 'bracket', 'tie', 'match', 'team', 'diagnostic'].map((n) => `${n}.schema.json`);

describe('schemas', () => {
  it('should give every schema a relative $id (its path under schemas/), a title and closed objects', () => {
    for (const file of schemaFiles) {
      const schema = load(file);
      expect(schema.$id, file).toBe(file);
      expect(typeof schema.title, file).toBe('string');
      const open: string[] = [];
      const walk = (node: unknown, at: string): void => {
        if (node === null || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.type === 'object' && n.additionalProperties !== false) open.push(at);
        for (const [k, v] of Object.entries(n)) if (k !== 'examples') walk(v, `${at}/${k}`);
      };
      walk(schema, file);
      expect(open).toEqual([]);
    }
  });

  it('should resolve every $ref between the schemas by their relative ids', () => {
    const ajv = ajvWithSchemas();
    for (const file of schemaFiles) expect(ajv.getSchema(file), file).toBeDefined();
  });

  it('should describe every property of every schema', () => {
    const missing: string[] = [];
    for (const file of schemaFiles) {
      const walk = (node: unknown, at: string): void => {
        if (node === null || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        const props = n.properties;
        if (props !== null && typeof props === 'object' && !Array.isArray(props)) {
          for (const [name, p] of Object.entries(props as Record<string, { description?: unknown }>)) {
            if (typeof p.description !== 'string' || p.description.length === 0) missing.push(`${file}${at}/properties/${name}`);
          }
        }
        for (const [k, v] of Object.entries(n)) if (k !== 'examples') walk(v, `${at}/${k}`);
      };
      walk(load(file), '#');
    }
    expect(missing, 'properties without a description').toEqual([]);
  });

  it('should give the main records and every table an example that validates against its schema', () => {
    const ajv = ajvWithSchemas();
    const withExamples = [...MAIN, ...schemaFiles.filter((f) => f.startsWith('tables/'))];
    for (const file of withExamples) {
      const examples = load(file).examples as unknown[] | undefined;
      expect(examples?.length, `${file} has no example`).toBeGreaterThan(0);
      const validate = ajv.getSchema(file);
      for (const example of examples ?? []) {
        expect(validate?.(example), `${file}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      }
    }
  });

  it('should match docs/records.md (run `npm run docs:records` after changing a schema)', () => {
    const current = readFileSync(path.join(ROOT, 'docs', 'records.md'), 'utf8');
    expect(current, 'docs/records.md is stale: run `npm run docs:records`').toBe(renderRecordsDoc());
  });

  it('should export every schema from the package as wikitally/schemas/<file>', () => {
    const require = createRequire(path.join(ROOT, 'package.json'));
    for (const file of schemaFiles) expect(require.resolve(`wikitally/schemas/${file}`)).toBe(path.join(SCHEMAS, file));
  });

  it('should run the README\'s schema example: every schema loaded by its relative $id validates an article', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```\n\nprints `true`/.exec(readme.slice(readme.indexOf('## Schemas')))?.[1];
    expect(code).toContain("ajv.getSchema('article.schema.json')");
    // Inside the package folder, `wikitally/schemas/…` resolves to the package itself.
    const script = path.join(ROOT, `.readme-schemas-${process.pid}.mjs`);
    writeFileSync(script, code ?? '');
    try {
      expect(execFileSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' })).toBe('true\n');
    } finally {
      rmSync(script, { force: true });
    }
  });

  for (const { name, article } of outArticles()) {
    it(`should validate out/${name} against article.schema.json`, () => {
      expect(validateArticle(article)).toEqual([]);
    });
  }

  let shared: ReturnType<typeof ajvWithSchemas> | undefined;
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
          shared ??= ajvWithSchemas();
          const validate = shared.getSchema(group.schema);
          expect(validate).toBeDefined();
          expect(validate?.(t.data)).toBe(t.valid);
        });
      }
    }
  }
});
