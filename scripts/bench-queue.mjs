// npm run bench:queue [-- --mixed-mb 300] [-- --football-mb 20] [-- --quick]
//
// What a queue run costs on this machine, measured, and what it means at scale, computed: the
// figures of docs/scale.md. It starts a redis-server of its own (Debian's, on a free port, no
// persistence) and, on generated multistream dumps (scripts/make-dump.mjs, kept in bench-data/):
//   1. a mostly non-football dump (the corpus dumps as filler, the samples spread in), cut into
//      jobs of the default size (16 MB of bz2): a run on one machine, then the queue with one
//      worker process (2 threads) and with two (1 thread each), each with its coordinator;
//   2. a dump of football pages only (every page in scope), cut into 1 MB jobs to have several;
//   3. Redis: commands and memory per job (INFO commandstats, INFO memory);
//   4. the English dump and all Wikipedias on 1, 8 and 64 workers (each a machine like this one),
//      from the rates of 1 and 2 and the assumptions printed with them.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'bench-data');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const QUICK = process.argv.includes('--quick');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const MIXED_MB = arg('--mixed-mb', QUICK ? 100 : 300);
const FOOTBALL_MB = arg('--football-mb', QUICK ? 8 : 20);
const FOOTBALL_JOB_BYTES = 1_000_000;
const mb = (bytes) => bytes / 1e6;
const fmt = (x, d = 1) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const hours = (s) => (s >= 3600 ? `${fmt(s / 3600)} h` : `${fmt(s / 60, 0)} min`);

// Assumptions (not measured here): sizes of Wikimedia's dumps, and the share of football bytes.
const A = {
  enBz2: 24e9, // enwiki pages-articles-multistream.xml.bz2, about 24 GB (issue 7)
  enXml: 100e9, // its XML, about 100 GB (issue 7; scripts/bench.mjs takes the same)
  allBz2: 100e9, // every language edition's pages-articles-multistream together, about 100 GB of bz2
  footballShare: 0.05, // bytes of pages in scope, as scripts/bench.mjs takes them (football articles are long)
  againShare: 0.05, // articles the merge reads again (they call a table page of another part): at most 5 % of those in scope
  enPages: 24e6, // lines of the English multistream index (pages of every namespace, redirects included)
};
A.allXml = (A.allBz2 * A.enXml) / A.enBz2;

const redisServer = ['/usr/bin/redis-server', ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'redis-server'))].find((p) => existsSync(p));
if (redisServer === undefined) {
  console.error('redis-server is not installed: apt-get install -y redis-server');
  process.exit(2);
}

// Inputs, made once and kept.
mkdirSync(DATA, { recursive: true });
const make = (name, args) => {
  const out = path.join(DATA, `${name}-multistream.xml.bz2`);
  if (!existsSync(out)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-dump.mjs'), '--out', DATA, '--name', name, '--multistream', '--pages-per-stream', '100', ...args], { stdio: 'inherit' });
  return out;
};
const fixtures = path.join(ROOT, 'test', 'fixtures', 'dumps');
const mixed = make(`queue-mixed-${MIXED_MB}mb`, ['--filler', path.join(fixtures, 'ltgwiki-smallwiki-pages-articles.xml.bz2'), path.join(fixtures, 'enwiki-dbpedia-minidump.xml.bz2'), '--articles', path.join(ROOT, 'samples'), '--size', String(MIXED_MB)]);
// The samples are about 0.3 MB of football articles: repeated to the size asked.
const football = make(`queue-football-${FOOTBALL_MB}mb`, ['--articles', path.join(ROOT, 'samples'), '--repeat', String(Math.max(1, Math.round(FOOTBALL_MB / 0.3)))]);
const xmlOf = (file) => statSync(file.replace('-multistream.xml.bz2', '.xml')).size;

// Redis of our own.
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const redisDir = mkdtempSync(path.join(tmpdir(), 'wikitally-bench-redis-'));
const redis = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], { stdio: 'ignore' });
const url = `redis://127.0.0.1:${port}`;
const info = (section) => {
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('redis-cli', ['-p', String(port), 'info', section], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.includes(':')) return Object.fromEntries(r.stdout.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
    execFileSync('sleep', ['0.1']);
  }
  throw new Error('redis-cli cannot reach the bench Redis');
};
/** Bytes Redis holds per job: MEMORY USAGE of every job's keys (hash, logs), over the jobs. */
const jobMemory = () => {
  const keys = spawnSync('redis-cli', ['-p', String(port), '--scan', '--pattern', 'bull:wikitally-extract:job-*'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const jobs = new Set(keys.map((k) => k.split(':')[2]));
  const bytes = keys.reduce((n, k) => n + Number(spawnSync('redis-cli', ['-p', String(port), 'memory', 'usage', k], { encoding: 'utf8' }).stdout.trim() || 0), 0);
  return { jobs: jobs.size, perJob: bytes / Math.max(1, jobs.size) };
};
const commands = () => Object.entries(info('commandstats')).reduce((n, [k, v]) => n + (k.startsWith('cmdstat_') ? Number(/calls=(\d+)/.exec(v)?.[1] ?? 0) : 0), 0);
info('server');

const scratch = mkdtempSync(path.join(tmpdir(), 'wikitally-bench-queue-'));
const run = (args, env = {}) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const marks = {};
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (marks.merge === undefined && err.includes('merging the parts')) marks.merge = Date.now();
      if (marks.queued === undefined && err.includes('waiting for workers')) marks.queued = Date.now();
    });
    child.on('exit', (code) => resolve({ code, seconds: (Date.now() - t0) / 1000, planSeconds: marks.queued === undefined ? 0 : (marks.queued - t0) / 1000, mergeSeconds: marks.merge === undefined ? 0 : (Date.now() - marks.merge) / 1000, stderr: err, stdout }));
  });
const local = async (dump) => {
  const r = await run(['extract', dump, '--out', path.join(scratch, `local-${path.basename(dump)}`), '--jobs', '2', '--no-progress']);
  if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  return r.seconds;
};
let queueRuns = 0;
const queued = async (dump, workers, threads, jobBytes) => {
  const env = jobBytes === undefined ? {} : { WIKITALLY_QUEUE_JOB_BYTES: String(jobBytes) };
  const out = path.join(scratch, `queue-${queueRuns++}`);
  const before = commands();
  const coordinator = run(['extract', dump, '--out', out, '--jobs', '2', '--no-progress', '--queue', url], env);
  const procs = Array.from({ length: workers }, () => spawn(process.execPath, [CLI, 'worker', '--queue', url, '--jobs', String(threads)], { env: { ...process.env, ...env }, stdio: 'ignore' }));
  const r = await coordinator;
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((resolve) => (p.exitCode === null ? p.on('exit', resolve) : resolve()))));
  if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  const jobs = readdirSync(path.join(out, 'parts')).filter((n) => n !== 'run.json' && !n.startsWith('.')).length;
  const partsBytes = Number(execFileSync('du', ['-sb', path.join(out, 'parts')], { encoding: 'utf8' }).split('\t')[0]);
  const outBytes = Number(execFileSync('du', ['-sb', '--exclude=parts', out], { encoding: 'utf8' }).split('\t')[0]);
  const after = commands();
  const again = Number(/(\d+) read again here/.exec(r.stderr)?.[1] ?? 0);
  const reused = Number(/(\d+) articles as the workers read them/.exec(r.stderr)?.[1] ?? 0);
  return { ...r, jobs, partsBytes, outBytes, again, reused, commandsPerJob: (after - before) / jobs };
};

const pagesOf = (stderr) => Number(/: ([\d,]+) pages:/.exec(stderr)?.[1]?.replaceAll(',', '') ?? 0);
const report = {};
for (const [name, dump, jobBytes] of [
  ['mixed', mixed, undefined],
  ['football', football, FOOTBALL_JOB_BYTES],
]) {
  const xml = xmlOf(dump);
  const bz2 = statSync(dump).size;
  const tLocal = await local(dump);
  const one = await queued(dump, 1, 2, jobBytes);
  const two = await queued(dump, 2, 1, jobBytes);
  report[name] = { xml, bz2, tLocal, one, two };
  const work = (q) => q.seconds - q.mergeSeconds;
  console.log(`${name === 'mixed' ? '1. mostly non-football' : '2. football only'} dump: ${fmt(mb(bz2))} MB bz2, ${fmt(mb(xml))} MB XML, ${one.jobs} jobs of ${fmt(mb(jobBytes ?? 16 * 1024 * 1024))} MB`);
  console.log(`   one machine (extract --jobs 2)        ${fmt(tLocal)} s   ${fmt(mb(xml) / tLocal)} MB/s of XML`);
  console.log(`   queue, 1 worker (2 threads)           ${fmt(one.seconds)} s   workers ${fmt(work(one))} s = ${fmt(mb(xml) / work(one))} MB/s of XML, ${fmt(mb(bz2) / work(one), 2)} MB/s of bz2; merge ${fmt(one.mergeSeconds)} s`);
  console.log(`   queue, 2 workers (1 thread each)      ${fmt(two.seconds)} s   workers ${fmt(work(two))} s = ${fmt(mb(xml) / work(two))} MB/s of XML; merge ${fmt(two.mergeSeconds)} s`);
  console.log(`   merge: ${fmt(mb(xml) / one.mergeSeconds)} MB/s of input XML; ${one.reused} articles reused, ${one.again} read again; parts ${fmt(mb(one.partsBytes))} MB for ${fmt(mb(one.outBytes))} MB of output`);
  console.log(`   planning (index read, jobs added): ${fmt(one.planSeconds)} s for ${pagesOf(one.stdout).toLocaleString('en')} pages`);
  console.log(`   Redis: ${fmt(one.commandsPerJob, 0)} commands per job, workers' idle polling and the coordinator's checks included`);
}

// 3. What Redis holds for a finished job (kept 7 days, so that adding it again is a no-op).
const memory = jobMemory();
console.log(`3. Redis memory: ${fmt(memory.perJob / 1024)} KB per finished job (${memory.jobs} jobs measured with MEMORY USAGE); used_memory ${fmt(Number(info('memory').used_memory) / 1e6)} MB in all`);

// 4. At scale. A worker is a machine like this one (2 cores, one worker process with 2 threads).
const mixedRate = report.mixed.xml / (report.mixed.one.seconds - report.mixed.one.mergeSeconds); // bytes of XML per second, scan
const footballRate = report.football.xml / (report.football.one.seconds - report.football.one.mergeSeconds); // bytes in scope per second
const mergeScan = report.mixed.xml / report.mixed.one.mergeSeconds; // merge: bytes of input per second (mostly out of scope)
const mergeFootball = report.football.xml / report.football.one.mergeSeconds; // merge: bytes in scope per second
const localFootball = report.football.xml / report.football.tLocal; // reading again on the coordinator (2 threads)
const planRate = pagesOf(report.mixed.one.stdout) / report.mixed.one.planSeconds; // index lines per second (upper bound: includes start-up)
const jobSeconds = (16 * 1024 * 1024 * (A.enXml / A.enBz2)) / mixedRate;
console.log(`4. at scale (assumed: English ${fmt(A.enBz2 / 1e9, 0)} GB bz2 = ${fmt(A.enXml / 1e9, 0)} GB XML; all Wikipedias ${fmt(A.allBz2 / 1e9, 0)} GB bz2; ${A.footballShare * 100} % of bytes in scope; ${A.againShare * 100} % of those read again by the merge)`);
console.log(`   a 16 MB job takes about ${fmt(jobSeconds, 0)} s of a worker here`);
for (const [name, bz2, xml] of [
  ['English', A.enBz2, A.enXml],
  ['all Wikipedias', A.allBz2, A.allXml],
]) {
  const jobs = Math.ceil(bz2 / (16 * 1024 * 1024));
  const workerSeconds = xml / mixedRate + (A.footballShare * xml) / footballRate;
  const plan = (A.enPages * (xml / A.enXml)) / planRate;
  const merge = ((1 - A.footballShare) * xml) / mergeScan + (A.footballShare * xml) / mergeFootball + (A.againShare * A.footballShare * xml) / localFootball;
  const line = [1, 8, 64].map((n) => {
    const wall = plan + workerSeconds / n + jobSeconds + merge;
    return `${n} worker${n === 1 ? '' : 's'} ${hours(wall)} (${fmt(jobs / (wall - merge - plan), 2)} jobs/s)`;
  });
  console.log(`   ${name}, one coordinator: ${jobs.toLocaleString('en')} jobs; ${line.join(', ')}; of which planning ${hours(plan)} and the merge ${hours(merge)}`);
  if (name !== 'English') {
    // One coordinator per edition (each its own --out), all on the same queue: the merges run side by side, the longest is English's.
    const enPlan = A.enPages / planRate;
    const enMerge = ((1 - A.footballShare) * A.enXml) / mergeScan + (A.footballShare * A.enXml) / mergeFootball + (A.againShare * A.footballShare * A.enXml) / localFootball;
    const each = [1, 8, 64].map((n) => `${n} worker${n === 1 ? '' : 's'} ${hours(enPlan + workerSeconds / n + jobSeconds + enMerge)}`);
    console.log(`   ${name}, one coordinator per edition: ${each.join(', ')}`);
  }
  console.log(`     Redis: ${fmt((jobs * memory.perJob) / 1e6)} MB for the jobs kept; ${fmt(report.mixed.one.commandsPerJob, 0)} commands a job, plus at most 200 state checks a second by the coordinator`);
}

redis.kill('SIGKILL');
rmSync(scratch, { recursive: true, force: true });
rmSync(redisDir, { recursive: true, force: true });
