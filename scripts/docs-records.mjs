// Writes docs/records.md, the reference of every record and table, from schemas/ (the source of
// truth). `npm run docs:records` writes it; test/schemas.test.ts calls renderRecordsDoc() and
// fails on any difference, naming the command.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS = path.join(ROOT, 'schemas');

/** Record schemas in reading order (the envelope first, shared pieces last), then the tables. */
const RECORD_ORDER = ['article', 'infobox', 'standings', 'match-grid', 'wikitable', 'bracket', 'tie', 'match', 'team', 'diagnostic', 'common'];
const TABLE_ORDER = ['articles', 'matches', 'standings', 'teams', 'ties', 'diagnostics'];

function load(rel) {
  return JSON.parse(readFileSync(path.join(SCHEMAS, rel), 'utf8'));
}

/** Every schema file, relative to schemas/, in document order. */
function schemaFiles() {
  const records = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'));
  const tables = readdirSync(path.join(SCHEMAS, 'tables')).filter((f) => f.endsWith('.schema.json'));
  const rank = (order, f) => {
    const i = order.indexOf(f.replace('.schema.json', ''));
    return i < 0 ? order.length : i;
  };
  return [
    ...records.sort((a, b) => rank(RECORD_ORDER, a) - rank(RECORD_ORDER, b) || a.localeCompare(b)),
    ...tables.sort((a, b) => rank(TABLE_ORDER, a) - rank(TABLE_ORDER, b) || a.localeCompare(b)).map((f) => `tables/${f}`),
  ];
}

const anchor = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The title a $ref points to, found in the schemas. */
function refTitle(ref, file) {
  const [target, pointer] = ref.split('#');
  const rel = target === '' ? file : path.posix.join(path.posix.dirname(file), target);
  let node = load(rel);
  for (const key of (pointer ?? '').split('/').filter(Boolean)) node = node[key];
  return node.title ?? rel;
}

/** A property's type in words, with links to the titled types. */
function typeOf(node, file) {
  if (node.$ref !== undefined) return `[${refTitle(node.$ref, file)}](#${anchor(refTitle(node.$ref, file))})`;
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum !== undefined) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
  if (node.title !== undefined && node.type === 'object') return `[${node.title}](#${anchor(node.title)})`;
  const types = Array.isArray(node.type) ? node.type : [node.type ?? 'any'];
  return types
    .map((t) => (t === 'array' ? `${node.items === undefined ? 'any' : typeOf(node.items, file)}[]` : t))
    .join(' or ');
}

/**
 * The section of one object schema (its property table), then those of the titled objects inside
 * it, one level down.
 */
function objectSections(node, file, level, seen) {
  const [own, nested] = objectSection(node, file, level, seen);
  return [...own, ...nested.flatMap((n) => objectSections(n, file, level + 1, seen))];
}

/** One object's heading, description and property table, and the titled objects it holds. */
function objectSection(node, file, level, seen) {
  if (seen.has(node.title)) return [[], []];
  seen.add(node.title);
  const out = [`${'#'.repeat(level)} ${node.title}`, ''];
  if (node.description !== undefined) out.push(node.description, '');
  const nested = [];
  const required = new Set(node.required ?? []);
  if (node.properties !== undefined) {
    out.push('| property | type | required | description |', '|---|---|---|---|');
    for (const [name, prop] of Object.entries(node.properties)) {
      out.push(`| \`${name}\` | ${cell(typeOf(prop, file))} | ${required.has(name) ? 'yes' : ''} | ${cell(prop.description ?? '')} |`);
      const inner = prop.type === 'array' ? prop.items : prop;
      if (inner?.type === 'object' && inner.title !== undefined) nested.push(inner);
    }
    out.push('');
  }
  return [out, nested];
}

/** The section of one schema file: its table, its example, then the objects it holds and defines. */
function fileSection(file, seen) {
  const schema = load(file);
  const out = [`## ${schema.title}`, '', `\`${schema.$id}\` (import as \`wikitally/schemas/${file}\`)`, ''];
  let nested = [];
  if (schema.type === 'object') {
    const [own, inner] = objectSection(schema, file, 2, seen);
    out.push(...own.slice(2));
    nested = inner;
  } else if (schema.description !== undefined) out.push(schema.description, '');
  for (const example of schema.examples ?? []) out.push('Example:', '', '```json', JSON.stringify(example, null, 2), '```', '');
  for (const n of nested) out.push(...objectSections(n, file, 3, seen));
  for (const def of Object.values(schema.$defs ?? {})) {
    if (def.type === 'object') out.push(...objectSections(def, file, 3, seen));
    else if (!seen.has(def.title)) {
      seen.add(def.title);
      out.push(`### ${def.title}`, '', `${def.description ?? ''} Type: ${typeOf(def, file)}.`.trim(), '');
    }
  }
  return out;
}

/** @returns {string} the text of docs/records.md */
export function renderRecordsDoc() {
  const files = schemaFiles();
  const seen = new Set();
  const lines = [
    '# Records and tables',
    '',
    '<!-- Generated from schemas/ by `npm run docs:records`: do not edit (test/schemas.test.ts checks it). -->',
    '',
    'What `wikitally extract` writes (one article envelope per article, whose records are below) and what',
    '`wikitally tables` writes (one file per table). Each JSON Schema has a relative `$id` (`article.schema.json`,',
    '`tables/matches.schema.json`) that resolves against the folder holding the schemas, in the package',
    '(`wikitally/schemas/<file>`) or wherever they are copied; `$ref`s between them resolve the same way, so',
    'loading every file of `schemas/` into a validator is enough. Missing values are absent in records and',
    '`null` in tables, never zero.',
    '',
    '## Contents',
    '',
    ...files.map((f) => `- [${load(f).title}](#${anchor(load(f).title)}): \`${f}\``),
    '',
  ];
  for (const file of files) lines.push(...fileSection(file, seen));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  const target = path.join(ROOT, 'docs', 'records.md');
  writeFileSync(target, renderRecordsDoc());
  console.log(`wrote ${path.relative(ROOT, target)}`);
}
