// Benchmarks, as ratios against a baseline measured in the same run (the machine is noisy):
//   baseline = wikiparser-node's own Parser.parse of each sample's wikitext, nothing else;
//   pipeline = wikitally's processInput on the same sample (read, parse, extract, validate, check).
// `npm run bench -- --big 5` also times a 5 MB article (samples repeated) and reports peak memory.
import { readFileSync } from 'node:fs';
import Parser from 'wikiparser-node';
import { loadInput, processInput, readInputs, readSource } from '../dist/index.js';
import { createContext } from '../dist/diagnostics/diagnostic.js';

Parser.config = 'enwiki';
const ROUNDS = 5;
const big = process.argv.includes('--big') ? Number(process.argv[process.argv.indexOf('--big') + 1] ?? 5) : 0;

const { files } = await readInputs(['samples']);
// Single-article samples only (a dump is many articles; the --big run times a long one).
const inputs = (await Promise.all(files.filter((f) => f.kind === 'article').map(loadInput))).filter((f) => 'bytes' in f);
const texts = inputs.map((f) => readSource(f, undefined, createContext(f.file))?.wikitext ?? '');

const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
// Warm up both paths once, then alternate rounds so drift hits both alike.
time(() => texts.forEach((t) => Parser.parse(t)));
time(() => inputs.forEach((f) => processInput(f)));
const base = [];
const full = [];
for (let r = 0; r < ROUNDS; r++) {
  base.push(time(() => texts.forEach((t) => Parser.parse(t))));
  full.push(time(() => inputs.forEach((f) => processInput(f))));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = texts.reduce((n, t) => n + t.length, 0);
console.log(`samples: ${inputs.length} inputs, ${(bytes / 1e3).toFixed(0)} K characters, median of ${ROUNDS} rounds`);
console.log(`baseline (Parser.parse alone): ${median(base).toFixed(0)} ms`);
console.log(`pipeline (processInput):       ${median(full).toFixed(0)} ms = ${(median(full) / median(base)).toFixed(2)} × baseline`);

if (big > 0) {
  const one = readFileSync('samples/1992-93_French_Division_1.wikitext', 'utf8');
  let text = '';
  while (text.length < big * 1e6) text += `${one}\n`;
  const bytesIn = Buffer.byteLength(text);
  const t0 = Date.now();
  const tBase = time(() => Parser.parse(one));
  const article = processInput({ file: 'big.wiki', key: 'big.wiki', bytes: Buffer.from(text) });
  const seconds = (Date.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `big article: ${(bytesIn / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(bytesIn / 1e6 / seconds).toFixed(2)} MB/s), ` +
      `peak RSS ${(peak / 1e6).toFixed(0)} MB, ${article.standings.length} standings; ` +
      `${(seconds * 1000 / (tBase * (bytesIn / Buffer.byteLength(one)))).toFixed(2)} × the baseline parse rate of one copy`,
  );
}
