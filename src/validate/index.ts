/**
 * Stage 4, validate: records → schema diagnostics. Each schema in schemas/ is compiled once with
 * ajv (draft 2020-12); a record that fails is reported and still written.
 * Emits: validate/schema.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { Extracted } from '../extract/index.js';
import type {
  ArticleRecord,
  BracketRecord,
  InfoboxRecord,
  MatchGridRecord,
  MatchRecord,
  Span,
  StageContext,
  StandingsRecord,
  TableRecord,
  TieRecord,
} from '../types/index.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
/**
 * Schema `$id`s are relative (`article.schema.json`, `tables/matches.schema.json`): each resolves
 * against the folder the schemas are in, inside the package or wherever a user copies them, and
 * `$ref`s between schemas resolve the same way.
 */
const BASE = '';

let compiled: { [K in 'infobox' | 'standings' | 'match-grid' | 'wikitable' | 'bracket' | 'tie' | 'match' | 'article']: ValidateFunction } | undefined;

/** The titles of the schemas, for messages (standalone validators do not carry their schema). */
let titles: Map<string, string> | undefined;

function titleOf(name: string): string {
  titles ??= new Map(
    readdirSync(SCHEMA_DIR)
      .filter((f) => f.endsWith('.schema.json'))
      .map((f) => [f.replace('.schema.json', ''), (JSON.parse(readFileSync(`${SCHEMA_DIR}${f}`, 'utf8')) as { title: string }).title]),
  );
  return titles.get(name) ?? name;
}

function validators(): NonNullable<typeof compiled> {
  if (compiled !== undefined) return compiled;
  // The build compiles the schemas once (scripts/compile-schemas.mjs); tests run from the sources.
  try {
    compiled = createRequire(import.meta.url)('./compiled-validators.cjs') as NonNullable<typeof compiled>;
    return compiled;
  } catch {
    // not built: compile below
  }
  const Ajv2020 = Ajv2020Module.default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as object);
  }
  const get = <T>(name: string): ValidateFunction<T> => {
    const v = ajv.getSchema<T>(`${BASE}${name}.schema.json`);
    if (v === undefined) throw new Error(`wikitally bug: schema ${name} is missing from ${SCHEMA_DIR}`);
    return v;
  };
  compiled = {
    infobox: get<InfoboxRecord>('infobox'),
    standings: get<StandingsRecord>('standings'),
    'match-grid': get<MatchGridRecord>('match-grid'),
    wikitable: get<TableRecord>('wikitable'),
    bracket: get<BracketRecord>('bracket'),
    tie: get<TieRecord>('tie'),
    match: get<MatchRecord>('match'),
    article: get<ArticleRecord>('article'),
  };
  return compiled;
}

/**
 * Validates every record of an article against its schema.
 * @param records the records
 * @param context diagnostics sink
 */
export function validateRecords(records: Extracted, context: StageContext): void {
  const v = validators();
  const check = (validate: ValidateFunction, name: string, record: { id: string; span: Span }): void => {
    const valid: boolean = validate(record);
    if (valid) return;
    for (const error of validate.errors ?? []) {
      context.report({
        code: 'validate/schema',
        stage: 'validate',
        message: `Unexpected value at \`${error.instancePath || '/'}\` of \`${record.id}\` (${error.message ?? 'invalid'}), expected it to match ${titleOf(name)}; the record is written anyway`,
        span: record.span,
        recordId: record.id,
      });
    }
  };
  for (const r of records.infoboxes) check(v.infobox, 'infobox', r);
  for (const r of records.standings) check(v.standings, 'standings', r);
  for (const r of records.matchGrids) check(v['match-grid'], 'match-grid', r);
  for (const r of records.tables) check(v.wikitable, 'wikitable', r);
  for (const r of records.brackets) check(v.bracket, 'bracket', r);
  for (const r of records.ties) check(v.tie, 'tie', r);
  for (const r of records.matches) check(v.match, 'match', r);
}

/**
 * Validates a whole per-article envelope (used by tests and by `run` as a last guard).
 * @param article the envelope
 * @returns the ajv error messages, empty when valid
 */
export function validateArticle(article: unknown): string[] {
  const v = validators().article;
  return v(article) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
