// node scripts/count-warnings.mjs [--list] [files…]: the warnings `wikitally check` gives on the real
// articles of samples/ (the corpus articles, the seed, the Intertoto excerpt, the zh cup articles), by article and code,
// with the table page the Bundesliga article transcludes. For the issue's noise target: read each
// warning and tell whether it points at something wrong (`--list` prints each one, with its line, to read
// against the article). Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REAL = [
  '1992-93_French_Division_1.wikitext', '2005-06_Serie_A.wikitext', '2016-17_Toto_Cup_Leumit.wikitext',
  '2018-19_Austrian_Football_Bundesliga.wikitext', '2019-20_Austrian_Football_Bundesliga.wikitext',
  '2019-20_Bundesliga.wikitext', '2021-22_Ligue_1.wikitext', 'Intertoto_Cup_group_stage_excerpt.wikitext', '2004_Copa_Perú.wiki',
  // The zh.wikipedia cup articles with RoundN brackets.
  '2006年國際足協世界盃淘汰賽.wikitext', '2010年國際足協世界盃淘汰賽.wikitext', '2014年國際足協世界盃淘汰賽.wikitext',
  '2016年欧洲足球锦标赛淘汰赛.wikitext', '2019年美洲國家盃.wikitext',
  // And with two-legged 16TeamBrackets.
  '2014年亞足聯冠軍聯賽.wikitext', '2014年亞洲足協盃.wikitext', '2015年亞洲足協盃.wikitext', '2017年中国女子足球超级联赛.wikitext',
].map((f) => path.join('samples', f));
const args = process.argv.slice(2);
const list = args[0] === '--list';
const files = args.length > (list ? 1 : 0) ? args.slice(list ? 1 : 0) : REAL;
let total = 0;
for (const file of files) {
  let out;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', file, '--format', 'json', '--templates', 'samples/Template-2019-20_Bundesliga_table.wikitext'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    out = error.stdout;
  }
  const warnings = JSON.parse(out).filter((d) => d.severity === 'warning');
  const byCode = {};
  for (const d of warnings) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  total += warnings.length;
  console.log(`${file}: ${warnings.length} ${JSON.stringify(byCode)}`);
  if (list) for (const d of warnings) console.log(`  ${d.span === undefined ? '' : `${d.span.start.line}:${d.span.start.column} `}${d.code}: ${d.message}`);
}
console.log(`${total} warnings in ${files.length} articles`);
