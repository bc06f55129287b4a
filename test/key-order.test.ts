import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, outArticles } from './helpers.js';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; $defs?: Record<string, Schema> };

const SCHEMAS = path.join(ROOT, 'schemas');
const byFile = new Map<string, Schema>(
  readdirSync(SCHEMAS)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => [f, JSON.parse(readFileSync(path.join(SCHEMAS, f), 'utf8')) as Schema]),
);

/** Follows a `$ref` (`file.schema.json#/$defs/X`, `#/$defs/X`) from the schema file `from`. */
function resolve(schema: Schema, from: string): [Schema, string] {
  let s = schema;
  let file = from;
  while (s.$ref !== undefined) {
    const [target, pointer = ''] = s.$ref.split('#');
    if (target) file = target;
    let node = byFile.get(file) as Schema;
    for (const part of pointer.split('/').filter(Boolean)) node = (node as Record<string, Schema>)[part] as Schema;
    s = node;
  }
  return [s, file];
}

/** Every object's keys must come in the order its schema lists them (the README promises it). */
function check(value: unknown, schema: Schema, file: string, at: string, problems: string[]): void {
  const [s, f] = resolve(schema, file);
  if (Array.isArray(value)) {
    if (s.items !== undefined) value.forEach((v, i) => check(v, s.items as Schema, f, `${at}/${i}`, problems));
    return;
  }
  if (value === null || typeof value !== 'object' || s.properties === undefined) return;
  const order = Object.keys(s.properties);
  const keys = Object.keys(value);
  const positions = keys.map((k) => order.indexOf(k));
  if (positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0))) problems.push(`${at}: ${keys.join(', ')}`);
  for (const k of keys) {
    const sub = s.properties[k];
    if (sub !== undefined) check((value as Record<string, unknown>)[k], sub, f, `${at}/${k}`, problems);
  }
}

describe('output key order', () => {
  for (const { name, article } of outArticles()) {
    it(`should write the keys of out/${name} in schema order`, () => {
      const problems: string[] = [];
      check(article, { $ref: 'article.schema.json' }, 'article.schema.json', '', problems);
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }
});
