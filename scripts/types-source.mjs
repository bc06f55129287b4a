// Shared by gen-types.mjs and the types-sync test: compile article.schema.json (which refers to
// every other schema) into one TypeScript module, named by each schema's `title`.
import { compile } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
const BANNER = `/* eslint-disable */
/**
 * Generated from schemas/*.schema.json by \`npm run gen:types\`. Do not edit by hand:
 * change the schema and run the command again (test/types-sync.test.ts checks this file).
 */`;

/** @returns {Promise<string>} the TypeScript source for src/types/generated/records.ts */
export async function generateTypes() {
  const article = JSON.parse(readFileSync(`${dir}article.schema.json`, 'utf8'));
  return compile(article, 'ArticleRecord', {
    cwd: dir,
    bannerComment: BANNER,
    additionalProperties: false,
    unreachableDefinitions: false,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
}
