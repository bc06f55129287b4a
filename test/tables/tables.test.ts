import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTables } from '../../src/tables/index.js';
import { ROOT } from '../helpers.js';
import { cli, jsonlRows, query, TABLES, tempDir } from './helpers.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** Where the README example writes its tables (the query names this folder). */
const README_OUT = '/tmp/wikitally-tables/';

/** The fields of an RFC 4180 text: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): { fields: string[]; quoted: boolean[] }[] {
  const rows: { fields: string[]; quoted: boolean[] }[] = [];
  let fields: string[] = [];
  let quoted: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let q = false;
    if (text[i] === '"') {
      q = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        expect(close, 'an unclosed quote').toBeGreaterThanOrEqual(0);
        value += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') value += text[i++];
    }
    fields.push(value);
    quoted.push(q);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2), 'a record ends with CRLF').toBe('\r\n');
      i += 2;
      rows.push({ fields, quoted });
      fields = [];
      quoted = [];
    }
  }
  return rows;
}

/** What a JSON Lines value is in CSV: empty and unquoted for null, JSON text for a list. */
function asCsv(value: unknown): { text: string; empty: boolean } {
  if (value === null) return { text: '', empty: true };
  if (typeof value === 'string') return { text: value, empty: false };
  if (Array.isArray(value)) return { text: JSON.stringify(value), empty: false };
  return { text: String(value), empty: false };
}

describe('wikitally tables over the samples', () => {
  let jsonl: string;
  let printed: string;

  beforeAll(async () => {
    jsonl = tempDir('tables-jsonl');
    const r = await cli(['tables', 'samples', '--out', jsonl, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    printed = r.stdout;
  }, 120_000);

  it('should give every match of the samples once, with both team names, to the README query over matches.parquet', async () => {
    const out = tempDir('tables-parquet');
    const r = await cli(['tables', 'samples', '--out', out, '--format', 'parquet']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(TABLES.map((t) => `${t}.parquet`).sort());
    const sql = /```sql\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Tables')))?.[1];
    expect(sql).toContain(`FROM '${README_OUT}matches.parquet'`);
    const rows = await query((sql ?? '').replace(README_OUT, `${out}/`));
    const matches = jsonlRows(jsonl, 'matches');
    expect(rows.length).toBe(matches.length);
    expect(r.stdout).toContain(`${matches.length.toLocaleString('en')} matches`);
    const [ids] = await query(`SELECT count(DISTINCT matchId) AS ids, count(*) AS n FROM '${out}/matches.parquet'`);
    expect(ids?.['ids']).toBe(ids?.['n']);
    // Every row names both teams, but for the cell of standings-faults.wiki that names a team its table does not list.
    const unnamed = rows.filter((m) => m['homeTeam'] === null || m['awayTeam'] === null).map((m) => m['article']);
    expect(unnamed).toEqual(['standings-faults']);
    // The seed is given twice (SurfDoc and wikitext): its matches are written once.
    const seed = rows.filter((m) => m['article'] === '2004 Copa Perú');
    expect(seed.length).toBeGreaterThan(200);
    expect(new Set(seed.map((m) => `${String(m['stage'])}|${String(m['homeTeam'])}|${String(m['awayTeam'])}|${String(m['round'])}`)).size).toBe(seed.length);
  }, 120_000);

  it('should validate every row of every table against its schema', () => {
    const ajv = new Ajv2020Module.default({ allErrors: true, strict: true, allowUnionTypes: true });
    for (const table of TABLES) {
      const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'tables', `${table}.schema.json`), 'utf8')) as { properties: object };
      const validate = ajv.compile(schema);
      const rows = jsonlRows(jsonl, table);
      if (table !== 'teams') expect(rows.length, table).toBeGreaterThan(0);
      const bad = rows.filter((row) => !validate(row)).map((row) => `${JSON.stringify(row).slice(0, 200)}: ${JSON.stringify(validate.errors)}`);
      expect(bad, table).toEqual([]);
      for (const row of rows) expect(Object.keys(row), table).toEqual(Object.keys(schema.properties));
    }
  });

  it('should write RFC 4180 CSV that holds the JSON Lines rows, in the same order, and that DuckDB reads back', async () => {
    const out = tempDir('tables-csv');
    const r = await cli(['tables', 'samples', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(printed.replace(`${jsonl}/ as jsonl`, `${out}/ as csv`));
    for (const table of TABLES) {
      const text = readFileSync(path.join(out, `${table}.csv`), 'utf8');
      const [header, ...records] = parseCsv(text);
      const rows = jsonlRows(jsonl, table);
      expect(header?.fields).toEqual(Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'tables', `${table}.schema.json`), 'utf8')).properties as object));
      expect(records.length, table).toBe(rows.length);
      records.forEach((record, k) => {
        const values = Object.values(rows[k] ?? {});
        expect(record.fields, `${table} row ${k + 1}`).toEqual(values.map((v) => asCsv(v).text));
        // A missing value is an empty field; an empty string is "".
        values.forEach((v, j) => {
          if (asCsv(v).empty) expect(record.quoted[j]).toBe(false);
          else if (asCsv(v).text === '') expect(record.quoted[j]).toBe(true);
        });
      });
      const [counted] = await query(`SELECT count(*) AS n FROM read_csv('${out}/${table}.csv', header = true)`);
      expect(Number(counted?.['n']), table).toBe(rows.length);
    }
  }, 120_000);

  it('should list the seed given in two forms as one article, its second form under duplicates', () => {
    const articles = jsonlRows(jsonl, 'articles').filter((a) => a['article'] === '2004 Copa Perú');
    expect(articles).toHaveLength(1);
    expect(articles[0]?.['file']).toBe('samples/2004-copa-peru.surf');
    expect(articles[0]?.['duplicates']).toEqual(['samples/2004_Copa_Perú.wiki']);
    expect(printed).toContain('samples/2004_Copa_Perú.wiki: 2004 Copa Perú was already read from samples/2004-copa-peru.surf; its rows are written once\n');
  });

  it('should give each standings row the verdict of the cross-check, with the figures that disagree', () => {
    const rows = jsonlRows(jsonl, 'standings').filter((s) => s['article'] === '2004 Copa Perú' && s['verdict'] === 'disagree');
    expect(rows.map((s) => [s['teamCode'], s['disagreements']])).toEqual([
      ['CSÁ', ['goalsFor', 'goalsAgainst']],
      ['DPO', ['goalsFor', 'goalsAgainst']],
      ['DVM', ['goalsFor']],
      ['DSA', ['goalsAgainst']],
    ]);
    const csa = rows[0];
    expect([csa?.['goalsFor'], csa?.['computedGoalsFor'], csa?.['goalsAgainst'], csa?.['computedGoalsAgainst']]).toEqual([21, 18, 2, 3]);
  });
});

describe('writeTables', () => {
  it('should give the seed the same rows and ids from either form, and write them once when given both', async () => {
    const both = tempDir('tables-both');
    const surf = tempDir('tables-surf');
    const wiki = tempDir('tables-wiki');
    const result = await writeTables({ inputs: ['samples/2004-copa-peru.surf', 'samples/2004_Copa_Perú.wiki'], outDir: both, format: 'jsonl', jobs: 0 });
    expect(result.duplicates).toEqual([{ title: '2004 Copa Perú', file: 'samples/2004_Copa_Perú.wiki', firstFile: 'samples/2004-copa-peru.surf' }]);
    await writeTables({ inputs: ['samples/2004-copa-peru.surf'], outDir: surf, format: 'jsonl', jobs: 0 });
    await writeTables({ inputs: ['samples/2004_Copa_Perú.wiki'], outDir: wiki, format: 'jsonl', jobs: 0 });
    const ids = (dir: string): unknown[] => jsonlRows(dir, 'matches').map((m) => m['matchId']);
    expect(jsonlRows(both, 'articles')).toHaveLength(1);
    expect(ids(both)).toEqual(ids(surf));
    expect(ids(wiki)).toEqual(ids(surf));
    expect(new Set(ids(both)).size).toBe(ids(both).length);
    const standingsIds = (dir: string): unknown[] => jsonlRows(dir, 'standings').map((s) => `${String(s['recordId'])}|${String(s['teamId'])}`);
    expect(standingsIds(wiki)).toEqual(standingsIds(surf));
  }, 60_000);

  it('should read two runs\' outputs of one article as one article', async () => {
    const out = tempDir('tables-outputs');
    const result = await writeTables({ inputs: ['out/2004-copa-peru.surf', 'out/2004_Copa_Perú.wiki/2004_Copa_Perú.json'], outDir: out, format: 'jsonl' });
    expect(result.errors).toEqual([]);
    expect(result.rows.articles).toBe(1);
    expect(result.duplicates.map((d) => d.file)).toEqual(['samples/2004_Copa_Perú.wiki']);
  });

  it('should read output written without spans: positions are null, the verdicts the same', async () => {
    const dir = tempDir('tables-no-spans');
    const e = await cli(['extract', 'samples/2004-copa-peru.surf', '--out', path.join(dir, 'extracted'), '--no-spans']);
    expect(e.code, e.stderr).toBe(0);
    const result = await writeTables({ inputs: [path.join(dir, 'extracted')], outDir: path.join(dir, 'tables'), format: 'jsonl' });
    expect(result.errors).toEqual([]);
    expect(jsonlRows(path.join(dir, 'tables'), 'matches').every((m) => m['line'] === null && m['homeTeam'] !== null)).toBe(true);
    const standings = jsonlRows(path.join(dir, 'tables'), 'standings');
    expect(standings.filter((s) => s['verdict'] === 'disagree').map((s) => [s['teamCode'], s['disagreements']])).toEqual([
      ['CSÁ', ['goalsFor', 'goalsAgainst']],
      ['DPO', ['goalsFor', 'goalsAgainst']],
      ['DVM', ['goalsFor']],
      ['DSA', ['goalsAgainst']],
    ]);
  }, 60_000);

  it('should write a DuckDB database whose views join the tables', async () => {
    const out = tempDir('tables-duckdb');
    const result = await writeTables({ inputs: ['out/1992-93_French_Division_1.wikitext', 'out/2004-copa-peru.surf', 'out/2019-20_Bundesliga.wikitext'], outDir: out, format: 'duckdb' });
    expect(result.files).toEqual(['wikitally.duckdb']);
    expect(readdirSync(out)).toEqual(['wikitally.duckdb']);
    const db = path.join(out, 'wikitally.duckdb');
    const verdicts = await query(`SELECT "table", team, goalsFor, computedGoalsFor, disagreements FROM standings_verdicts WHERE verdict = 'disagree' AND article = '2004 Copa Perú' ORDER BY rank LIMIT 1`, db);
    expect(verdicts).toEqual([{ table: 'Regional Stage › Region II › Group B', team: 'Sport Áncash', goalsFor: 21, computedGoalsFor: '18', disagreements: ['goalsFor', 'goalsAgainst'] }]);
    const [counts] = await query(`SELECT (SELECT count(*) FROM match_results) AS views, (SELECT count(*) FROM matches) AS rows, (SELECT count(*) FROM match_results WHERE home IS NULL OR away IS NULL) AS unnamed`, db);
    expect(counts).toEqual({ views: String(result.rows.matches), rows: String(result.rows.matches), unnamed: '0' });
    // The Bundesliga's play-off is a tie and two football boxes: two matches, each once, the box's.
    const playoff = await query(`SELECT home, homeGoals, awayGoals, away, date, source FROM match_results WHERE article = '2019-20 Bundesliga' AND stage LIKE 'Relegation play-offs%' ORDER BY date`, db);
    expect(playoff).toEqual([
      { home: 'Werder Bremen', homeGoals: '0', awayGoals: '0', away: '1. FC Heidenheim', date: '2020-07-02', source: 'football-box' },
      { home: '1. FC Heidenheim', homeGoals: '2', awayGoals: '2', away: 'Werder Bremen', date: '2020-07-06', source: 'football-box' },
    ]);
  });

  it('should report an input that is neither an article nor an envelope, and write the others', async () => {
    const dir = tempDir('tables-bad');
    const bad = path.join(dir, 'broken.json');
    writeFileSync(bad, '{"not": "an envelope"}\n');
    const out = path.join(dir, 'out');
    const result = await writeTables({ inputs: [bad, 'out/2005-06_Serie_A.wikitext'], outDir: out, format: 'csv' });
    expect(result.errors).toEqual([{ file: bad, message: 'the file is not an article envelope (the output of wikitally extract)' }]);
    expect(result.rows.articles).toBe(1);
    expect(existsSync(path.join(out, 'matches.csv'))).toBe(true);
  });
});

describe('wikitally tables exit codes', () => {
  it('should exit 2 for an unreadable input, after writing the others', async () => {
    const out = tempDir('tables-exit2');
    const r = await cli(['tables', 'no/such/file.wiki', 'out/2005-06_Serie_A.wikitext', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wikitally: cannot read no/such/file.wiki: no such file or folder\n');
    expect(r.stdout).toContain('wrote 1 article to');
    expect(readdirSync(out).sort()).toEqual(TABLES.map((t) => `${t}.csv`).sort());
  });

  it('should exit 3 when the output folder cannot be written', async () => {
    const dir = tempDir('tables-exit3');
    writeFileSync(path.join(dir, 'file'), '');
    const r = await cli(['tables', 'out/2005-06_Serie_A.wikitext', '--out', path.join(dir, 'file', 'tables')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('wikitally: cannot write to');
  });

  it('should exit 2 for a bad format', async () => {
    expect((await cli(['tables', 'samples', '--out', tempDir('tables-usage'), '--format', 'xlsx'])).code).toBe(2);
  });
});
