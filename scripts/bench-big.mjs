// Part of npm run bench: one long article (the 1992–93 French Division 1 sample repeated to N MB,
// a table and a 380-cell grid every 25 KB) through the whole pipeline, alone in this process so
// that its peak resident memory is its own. Prints one line.
import { readFileSync } from 'node:fs';
import { processInput } from '../dist/pipeline.js';
import { serialiseArticle } from '../dist/write/envelope.js';

const mb = Number(process.argv[2] ?? 5);
const one = readFileSync(new URL('../samples/1992-93_French_Division_1.wikitext', import.meta.url), 'utf8');
let text = '';
while (text.length < mb * 1e6) text += `${one}\n`;
const t0 = process.hrtime.bigint();
const article = processInput({ file: 'big.wiki', key: 'big.wiki', bytes: Buffer.from(text) });
const json = serialiseArticle(article, { compact: true, spans: true });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  `a ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB article (${article.standings.length} standings, ${article.matchGrids.length} grids): ${seconds.toFixed(2)} s, peak RSS ${peak.toFixed(0)} MB, ${(json.length / 1e6).toFixed(0)} MB of JSON`,
);
