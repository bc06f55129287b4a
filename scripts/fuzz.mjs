// npm run fuzz [-- --minutes N] [-- --seed S] [-- --jobs J] [-- --batch B] [-- --cli-every K]
//              [-- --max-memory MB] [-- --hang-seconds S] [-- --cpu-seconds S]
//
// Mutation fuzzing over the build in dist/ for N minutes (default 10): as many cases as fit, drawn
// by test/fuzz/mutations.ts (case i of seed S is always the same input) and checked by
// test/fuzz/check.ts, as test/fuzz/fuzz.test.ts does for a few hundred. Cases run in batches, each
// batch in a child process (scripts/fuzz-child.mjs) with a heap limit, over a copy of the build
// made at the start (so a rebuild of dist/ during the run cannot break it), watched for a case that
// gives no answer; a dead or killed child is a failure of the case it was on, and the batch goes
// on in a new one. Every K-th case also goes through `wikitally extract <file> --out <dir>`, whose
// exit code, standard error and written files are checked. Each failing input is saved to
// test/fuzz/regressions/<kind>-<hash>.<ext> with a one-line .txt note (at most 3 per kind of
// message, the rest counted). Prints the cases run and the failures; exits 1 on any failure.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = path.join(ROOT, 'scripts', 'fuzz-child.mjs');
/** This run's compiled fuzz modules and copy of the build (removed at the end; runs side by side do not meet). */
const MODULES = path.join(ROOT, 'node_modules', '.cache', 'wikitally-fuzz', String(process.pid));
const REGRESSIONS = path.join(ROOT, 'test', 'fuzz', 'regressions');
/** Failure kinds, most serious first: a case with several problems is saved under the first. */
const KINDS = ['crash', 'oom', 'hang', 'lost', 'invalid', 'slow'];
/** Inputs saved per kind of message; the rest of a flood of one bug is only counted. */
const SAVED_PER_SIGNATURE = 3;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    batch: { type: 'string', default: '100' },
    'cli-every': { type: 'string', default: '20' },
    'max-memory': { type: 'string', default: '1024' },
    'hang-seconds': { type: 'string', default: '60' },
    'cpu-seconds': { type: 'string', default: '10' },
  },
});
const number = (name, min, integer = true) => {
  const n = Number(values[name]);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    process.stderr.write(`fuzz: --${name} takes a ${integer ? 'whole ' : ''}number of at least ${min}, not "${values[name]}"\n`);
    process.exit(2);
  }
  return n;
};
const minutes = number('minutes', 0, false);
const seed = values.seed === undefined ? (Math.random() * 2 ** 31) | 0 : number('seed', -(2 ** 31));
const jobs = number('jobs', 1);
const batch = number('batch', 1);
const cliEvery = number('cli-every', 1);
const maxMemoryMb = number('max-memory', 64);
const hangMs = number('hang-seconds', 1) * 1000;
const cpuMs = number('cpu-seconds', 1, false) * 1000;
/** The CLI's own budget per article (--budget-seconds); its run may take three times that before it is a hang. */
const cliSeconds = 30;

if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
  process.stderr.write('fuzz: no build in dist/; run npm run build first\n');
  process.exit(2);
}

/** The fuzz modules are TypeScript shared with the suite: compiled on their own (they import nothing from src/). */
function compileModules() {
  mkdirSync(MODULES, { recursive: true });
  writeFileSync(path.join(MODULES, 'package.json'), '{ "type": "module" }\n');
  for (const name of ['mutations', 'check']) {
    const source = readFileSync(path.join(ROOT, 'test', 'fuzz', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: `${name}.ts` });
    writeFileSync(path.join(MODULES, `${name}.js`), outputText);
  }
}
compileModules();

/**
 * A copy of the build (dist/, schemas/, package.json) and of samples/ that the cases run from and
 * are drawn from: a rebuild of dist/ during the run (tsc rewrites it file by file) would otherwise
 * fail cases with a half-written build.
 */
function snapshotBuild() {
  const build = path.join(MODULES, 'build');
  rmSync(build, { recursive: true, force: true });
  mkdirSync(build, { recursive: true });
  for (const part of ['dist', 'schemas', 'samples', 'package.json']) cpSync(path.join(ROOT, part), path.join(build, part), { recursive: true });
  return build;
}
const BUILD = snapshotBuild();
const { caseAt, loadFuzzSamples } = await import(pathToFileURL(path.join(MODULES, 'mutations.js')).href);
const samples = loadFuzzSamples(BUILD);

const started = Date.now();
const deadline = started + minutes * 60_000;
const totals = { cases: 0, cli: 0, failures: 0, byKind: {}, saved: 0 };
const signatures = new Map();
process.stderr.write(`fuzz: seed ${seed}, ${minutes} min, ${jobs} processes, ${samples.length} samples, 1 case in ${cliEvery} also through the CLI\n`);

const oneLine = (s, max) => {
  const line = String(s).replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
};

/** Saves case i's input and a note, and counts the failure. */
function recordFailure(i, problems) {
  const kind = KINDS.find((k) => problems.some((p) => p.kind === k)) ?? 'crash';
  const first = problems.find((p) => p.kind === kind);
  totals.failures += 1;
  totals.byKind[kind] = (totals.byKind[kind] ?? 0) + 1;
  const signature = `${kind}:${oneLine(first.message, 200).replace(/\d+/g, 'N').replace(/"[^"]*"/g, 'S')}`;
  const seen = (signatures.get(signature) ?? 0) + 1;
  signatures.set(signature, seen);
  const { fuzzCase, input } = caseAt(samples, seed, i);
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, 12);
  const base = `${kind}-${hash}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const note = `${kind}: ${oneLine(first.message, 400)}${more} [npm run fuzz -- --seed ${seed}: case ${i}, ${input.name}, ${oneLine(JSON.stringify(fuzzCase.mutations), 600)}]`;
  process.stderr.write(`fuzz: case ${i} failed: ${oneLine(note, 300)}\n`);
  if (seen > SAVED_PER_SIGNATURE) return;
  mkdirSync(REGRESSIONS, { recursive: true });
  writeFileSync(path.join(REGRESSIONS, `${base}${path.extname(input.name)}`), input.bytes);
  writeFileSync(path.join(REGRESSIONS, `${base}.txt`), `${note}\n`);
  totals.saved += 1;
}

/**
 * Runs cases from..to-1 in one child until it ends or dies.
 * @returns the first case it did not finish (to, when it finished them all)
 */
function runChild(from, to) {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [MODULES, BUILD], { execArgv: [`--max-old-space-size=${maxMemoryMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let current;
    let next = from;
    let ended = false;
    let timedOut = false;
    let timer;
    const arm = (ms) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, ms);
    };
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    child.on('message', (m) => {
      if (m.type === 'start') {
        current = m.i;
        // A case that goes through the CLI may take the CLI's own time bound on top.
        arm(m.i % cliEvery === 0 ? hangMs + 3 * cliSeconds * 1000 : hangMs);
      } else if (m.type === 'done') {
        totals.cases += 1;
        if (m.cli) totals.cli += 1;
        if (m.problems.length > 0) recordFailure(m.i, m.problems);
        current = undefined;
        next = m.i + 1;
        arm(hangMs);
      } else if (m.type === 'end') ended = true;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (ended) return resolve(to);
      if (current === undefined) {
        // Dead before its first case: the fuzzer itself cannot run (no build, a broken module).
        if (next === from) return reject(new Error(`a fuzz process ended before its first case (exit ${code ?? signal}): ${stderr.slice(-1000)}`));
        return resolve(next);
      }
      const oom = /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY/.test(stderr);
      const kind = timedOut ? 'hang' : oom ? 'oom' : 'crash';
      const message = timedOut
        ? `no answer within ${(current % cliEvery === 0 ? hangMs + 3 * cliSeconds * 1000 : hangMs) / 1000} s`
        : oom
          ? `ran out of its ${maxMemoryMb} MB heap`
          : `the process died (exit ${code ?? signal}): ${stderr.slice(-300)}`;
      totals.cases += 1;
      recordFailure(current, [{ kind, message }]);
      resolve(current + 1);
    });
    arm(hangMs + 30_000); // loading dist/ and the samples
    child.send({ seed, from, to, deadline, cliEvery, cpuMs, cliSeconds });
  });
}

// Ctrl-C ends the children too (same process group); the copy of the build goes with them.
process.once('SIGINT', () => {
  rmSync(MODULES, { recursive: true, force: true });
  process.exit(130);
});

let nextCase = 0;
async function lane() {
  while (Date.now() < deadline) {
    const from = nextCase;
    const to = from + batch;
    nextCase = to;
    for (let at = from; at < to && Date.now() < deadline; ) at = await runChild(at, to);
  }
}

const progress = setInterval(() => {
  const left = Math.max(0, (deadline - Date.now()) / 60_000);
  process.stderr.write(`fuzz: ${totals.cases.toLocaleString('en')} cases, ${totals.failures} failures, ${left.toFixed(1)} min left\n`);
}, 60_000);
try {
  await Promise.all(Array.from({ length: jobs }, lane));
} catch (error) {
  clearInterval(progress);
  process.stderr.write(`fuzz: ${error.message}\n`);
  rmSync(MODULES, { recursive: true, force: true });
  process.exit(2);
}
clearInterval(progress);
const kinds = Object.entries(totals.byKind)
  .map(([k, n]) => `${n} ${k}`)
  .join(', ');
const elapsed = ((Date.now() - started) / 60_000).toFixed(1);
const saved = totals.failures === 0 ? '' : ` (${kinds}; ${totals.saved} inputs saved to test/fuzz/regressions/)`;
process.stdout.write(
  `fuzz: seed ${seed}: ${totals.cases.toLocaleString('en')} cases (${totals.cli.toLocaleString('en')} through the CLI) in ${elapsed} min, ${totals.failures} failures${saved}\n`,
);
rmSync(MODULES, { recursive: true, force: true });
process.exit(totals.failures === 0 ? 0 : 1);
