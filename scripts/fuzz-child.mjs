// One batch of `npm run fuzz` (scripts/fuzz.mjs), in a child process of its own so that a hang or
// an out-of-memory case ends this process, not the fuzzer. Arguments: the folder of the compiled
// fuzz modules and the copy of the build (and samples) to test. Takes one message {seed, from, to,
// deadline, cliEvery, cpuMs, cliSeconds}; says {type: 'start', i} before case i and {type: 'done',
// i, problems, cli} after it, then {type: 'end'}, and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, build] = process.argv.slice(2);
const { CODES, processInput, toJson, validateArticle } = await import(pathToFileURL(path.join(build, 'dist', 'index.js')).href);
const CLI = path.join(build, 'dist', 'cli.js');
const { caseAt, loadFuzzSamples } = await import(pathToFileURL(path.join(modules, 'mutations.js')).href);
const { articleProblems, decodedText } = await import(pathToFileURL(path.join(modules, 'check.js')).href);
const lib = { validateArticle, codes: CODES };
const samples = loadFuzzSamples(build);

/** A stack trace line (`    at f (file.js:1:2)`): the CLI must print messages, never traces. */
const STACK = /^\s+at .*(:\d+:\d+\)?|<anonymous>\)?)$|node:internal/m;

/**
 * Runs the CLI on the input as a user would (`wikitally extract in/<name> --out out`) and checks
 * what it wrote against the library's envelope.
 */
function cliProblems(input, article, settings) {
  const dir = mkdtempSync(path.join(tmpdir(), 'wikitally-fuzz-'));
  const problems = [];
  const fail = (kind, message) => problems.push({ kind, message: `CLI: ${message}` });
  try {
    mkdirSync(path.join(dir, 'in'));
    const file = `in/${input.name}`;
    writeFileSync(path.join(dir, file), input.bytes);
    const args = [CLI, 'extract', file, '--out', 'out', '--jobs', '1', '--no-progress', '--budget-seconds', String(settings.cliSeconds)];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 3 * settings.cliSeconds * 1000, maxBuffer: 256 * 1024 * 1024 });
    if (r.error !== undefined) return fail(r.error.code === 'ETIMEDOUT' ? 'hang' : 'crash', `${r.error.message}`), problems;
    if (r.signal !== null) return fail('crash', `killed by ${r.signal}: ${r.stderr.slice(-300)}`), problems;
    if (![0, 1, 2].includes(r.status)) fail(r.status === 3 ? 'lost' : 'crash', `exit code ${r.status}: ${r.stderr.slice(-300)}`);
    if (STACK.test(r.stderr)) fail('crash', `stack trace on standard error: ${r.stderr.slice(0, 300)}`);
    const manifestFile = path.join(dir, 'out', 'manifest.json');
    if (!existsSync(manifestFile)) return fail('lost', 'no out/manifest.json'), problems;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const entry = manifest.inputs?.find((i) => i.file === file);
    const outputs = entry?.articles?.map((a) => a.output) ?? [];
    if (outputs.length !== 1) return fail('lost', `manifest.json lists ${outputs.length} articles for ${file}, expected 1`), problems;
    const written = path.join(dir, 'out', outputs[0]);
    if (!path.resolve(written).startsWith(path.join(dir, 'out') + path.sep)) fail('lost', `output ${outputs[0]} outside --out`);
    if (!existsSync(written)) return fail('lost', `${outputs[0]} is listed but not written`), problems;
    const text = readFileSync(written, 'utf8');
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return fail('lost', `${outputs[0]} is not JSON: ${error.message}`), problems;
    }
    for (const e of validateArticle(parsed)) fail('invalid', `${outputs[0]} does not match article.schema.json: ${e}`);
    if (parsed.diagnostics?.some((d) => d.code === 'read/budget')) fail('hang', `the article ran past its budget of ${settings.cliSeconds} s`);
    else if (text !== toJson(article)) fail('invalid', `${outputs[0]} differs from the library's envelope`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

function runCase(i, settings) {
  const { input } = caseAt(samples, settings.seed, i);
  const problems = [];
  const start = process.cpuUsage();
  let article;
  try {
    article = processInput({ file: `in/${input.name}`, key: `in/${input.name}`, bytes: input.bytes });
  } catch (error) {
    return { problems: [{ kind: 'crash', message: `processInput threw: ${error?.stack ?? String(error)}` }], cli: false };
  }
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  problems.push(...articleProblems(article, decodedText(input.bytes), lib));
  if (ms > settings.cpuMs) problems.push({ kind: 'slow', message: `${ms.toFixed(0)} ms of CPU, expected under ${settings.cpuMs} ms` });
  const cli = i % settings.cliEvery === 0;
  if (cli) problems.push(...cliProblems(input, article, settings));
  return { problems, cli };
}

/** Sends a message and waits until it is written, so the fuzzer knows which case is running even if it then hangs. */
const send = (message) => new Promise((resolve) => process.send(message, resolve));

process.once('message', async (settings) => {
  for (let i = settings.from; i < settings.to && Date.now() < settings.deadline; i++) {
    await send({ type: 'start', i });
    await send({ type: 'done', i, ...runCase(i, settings) });
  }
  await send({ type: 'end' });
  process.exit(0);
});
