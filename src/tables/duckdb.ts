/**
 * The only door to DuckDB (@duckdb/node-api, pinned): turns the staged JSON Lines of each table
 * into typed tables (column types from the table schemas), then writes one Parquet file per table,
 * or one DuckDB database with the tables and views that join them. Each file is written under a
 * temporary name and renamed.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, TABLE_NAMES, type ColumnType, type TableName } from './columns.js';
import { DUCKDB_FILE } from './sink.js';

const SQL_TYPE: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  'string[]': 'VARCHAR[]',
};

/** A string as an SQL literal. */
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** A column name as an SQL identifier. */
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * Views of `--format duckdb`: what a reader of the database asks first.
 * - match_results: each match with the team registry's names and the stage as one string;
 * - team_matches: each match twice, once from each team's side (for building tables);
 * - standings_verdicts: each standings row with its declared and computed figures side by side,
 *   the verdict and the cross-check's messages about the row;
 * - diagnostic_counts: diagnostics by code and severity.
 */
const VIEWS = [
  `CREATE VIEW match_results AS
SELECT m.matchId, m.article, m.competition, m.season, array_to_string(m.section, ' › ') AS stage, m.round, m.leg,
  coalesce(h.name, m.homeTeam) AS home, m.homeGoals, m.awayGoals, coalesce(a.name, m.awayTeam) AS away,
  m.extraTime, m.homePenalties, m.awayPenalties, m.status, m.date, m.venue, m.source, m.recordId
FROM matches m
LEFT JOIN teams h ON h.article = m.article AND h.teamId = m.homeTeamId
LEFT JOIN teams a ON a.article = m.article AND a.teamId = m.awayTeamId`,
  `CREATE VIEW team_matches AS
SELECT matchId, article, competition, season, section, homeTeamId AS teamId, homeTeam AS team, 'home' AS ground,
  awayTeamId AS opponentId, awayTeam AS opponent, homeGoals AS goalsFor, awayGoals AS goalsAgainst, status
FROM matches
UNION ALL
SELECT matchId, article, competition, season, section, awayTeamId, awayTeam, 'away',
  homeTeamId, homeTeam, awayGoals, homeGoals, status
FROM matches`,
  `CREATE VIEW standings_verdicts AS
SELECT s.article, array_to_string(s.section, ' › ') AS "table", s.recordId, s.rank, s.team, s.teamId,
  s.wins, s.computedWins, s.draws, s.computedDraws, s.losses, s.computedLosses,
  s.goalsFor, s.computedGoalsFor, s.goalsAgainst, s.computedGoalsAgainst, s.points,
  s.verdict, s.disagreements, s.findings
FROM standings s`,
  `CREATE VIEW diagnostic_counts AS
SELECT code, severity, count(*) AS diagnostics, count(DISTINCT article) AS articles
FROM diagnostics GROUP BY code, severity`,
] as const;

/** Creates a table from its staged JSON Lines, with the schema's column types. */
async function load(connection: DuckDBConnection, table: TableName, staged: string): Promise<void> {
  const columns = columnsOf(table);
  await connection.run(`CREATE TABLE ${ident(table)} (${columns.map((c) => `${ident(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`);
  if ((await stat(staged)).size === 0) return;
  const spec = columns.map((c) => `${literal(c.name)}: ${literal(SQL_TYPE[c.type])}`).join(', ');
  await connection.run(`INSERT INTO ${ident(table)} SELECT * FROM read_json(${literal(staged)}, format = 'newline_delimited', columns = {${spec}})`);
}

/**
 * Converts the staged tables to Parquet files or one DuckDB database.
 * @param staged the JSON Lines file of each table
 * @param dir the output folder
 * @param format parquet (one file per table) or duckdb (DIR/wikitally.duckdb with views)
 * @returns the files written, relative to the output folder
 */
export async function convertTables(staged: ReadonlyMap<TableName, string>, dir: string, format: 'parquet' | 'duckdb'): Promise<string[]> {
  const temp = path.join(dir, `.wikitally-${randomBytes(6).toString('hex')}.tmp`);
  const instance = await DuckDBInstance.create(format === 'duckdb' ? temp : ':memory:');
  const connection = await instance.connect();
  const written: string[] = [];
  const temps: string[] = [];
  try {
    for (const table of TABLE_NAMES) {
      const file = staged.get(table);
      if (file !== undefined) await load(connection, table, file);
    }
    if (format === 'duckdb') {
      for (const view of VIEWS) await connection.run(view);
      // Everything into the database file itself: no write-ahead log is left to lose in the rename.
      await connection.run('CHECKPOINT');
    } else {
      for (const table of TABLE_NAMES) {
        const out = path.join(dir, `.wikitally-${table}-${randomBytes(6).toString('hex')}.tmp`);
        temps.push(out);
        await connection.run(`COPY ${ident(table)} TO ${literal(out)} (FORMAT parquet)`);
      }
    }
  } catch (error) {
    connection.closeSync();
    instance.closeSync();
    for (const t of [...temps, temp, `${temp}.wal`]) await rm(t, { force: true });
    throw error;
  }
  connection.closeSync();
  instance.closeSync();
  if (format === 'duckdb') {
    await rename(temp, path.join(dir, DUCKDB_FILE));
    return [DUCKDB_FILE];
  }
  for (const [i, table] of TABLE_NAMES.entries()) {
    const t = temps[i];
    if (t === undefined) continue;
    await rename(t, path.join(dir, `${table}.parquet`));
    written.push(`${table}.parquet`);
  }
  return written;
}
