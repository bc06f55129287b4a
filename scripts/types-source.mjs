// Shared by gen-types.mjs and the types-sync test: compile article.schema.json (which refers to
// every other record schema) and each table schema of schemas/tables/ into one TypeScript module,
// named by each schema's `title`.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
const BANNER = `/* eslint-disable */
/**
 * Generated from schemas/*.schema.json by \`npm run gen:types\`. Do not edit by hand:
 * change the schema and run the command again (test/types-sync.test.ts checks this file).
 */`;

/**
 * A schema as json-schema-to-typescript should see it: a `description` next to a `$ref` documents
 * the property for readers of the schema, but the compiler would turn each such property into a
 * copy of the referenced type (`Span1`, `Span2`…), so it is dropped here; `examples` are dropped too.
 */
function forTypes(node) {
  if (Array.isArray(node)) return node.map(forTypes);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'examples') continue;
    if (k === 'description' && typeof node.$ref === 'string') continue;
    out[k] = forTypes(v);
  }
  return out;
}

const read = (file) => forTypes(JSON.parse(readFileSync(file, 'utf8')));

const options = (bannerComment) => ({
  cwd: dir,
  bannerComment,
  additionalProperties: false,
  unreachableDefinitions: false,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
  // Referenced schemas are read through forTypes as well.
  $refOptions: { resolve: { file: { read: (file) => JSON.stringify(read(file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url)) } } },
});

/** @returns {Promise<string>} the TypeScript source for src/types/generated/records.ts */
export async function generateTypes() {
  let source = await compile(read(path.join(dir, 'article.schema.json')), 'ArticleRecord', options(BANNER));
  const tables = path.join(dir, 'tables');
  for (const file of readdirSync(tables).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = read(path.join(tables, file));
    source += await compile(schema, schema.title, { ...options(''), cwd: tables });
  }
  return source;
}
