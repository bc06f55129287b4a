#!/usr/bin/env node
/**
 * The command line: flags → RunOptions → run() → report and exit code. No logic of its own.
 * Exit codes: 0 no error diagnostic, 1 at least one (check, or extract --strict), 2 bad usage or
 * an unreadable input, 3 some output could not be written.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { atLeast, formatDiagnostic } from './diagnostics/format.js';
import { runJob as run, type InputResult, type RunOptions, type RunResult } from './run/index.js';
import type { ArticleRecord, Diagnostic } from './types/index.js';
import { readFile } from 'node:fs/promises';
import { applyEdits, certainEdits, unifiedDiff } from './report/fix.js';
import { renderHtmlReport } from './report/html.js';
import { renderSarif } from './report/sarif.js';
import { renderTerminalReport } from './report/terminal.js';
import type { ReportItem } from './report/types.js';
import { Progress } from './run/progress.js';
import { describeWriteError, writeFileAtomic } from './write/atomic.js';
import type { Outcome } from './run/outcome.js';
import { writeTables, type TablesFormat } from './tables/index.js';

// A closed pipe (`wikitally check … | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const SEVERITY = ['error', 'warning', 'info'] as const;
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What a run found, counted as it goes (a dump's diagnostics are never all held at once). */
interface Totals {
  articles: number;
  error: number;
  warning: number;
  info: number;
}

interface Common {
  inputFormat?: 'wikitext' | 'surfdoc';
  templates?: string[];
  transclusions: boolean;
  redirects: boolean;
  redirectMap?: string;
  namespaces: string;
  jobs?: string;
  all?: boolean;
  progress?: boolean;
  fullParse?: boolean;
  decoder?: RunOptions['decoder'];
  budgetSeconds?: string;
  maxMemory?: string;
}

/** Flags shared by extract and check. */
function common(command: Command): Command {
  return command
    .addOption(new Option('--input-format <format>', 'read every input as this format instead of guessing from its name').choices(['wikitext', 'surfdoc']))
    .addOption(new Option('--namespaces <list>', 'dump pages to read: namespace numbers separated by commas, or all').default('0'))
    .option('--all', 'process every dump page, not only those that may hold a football record')
    .option('--templates <paths...>', 'template pages (files or folders) that articles transclude; template pages among the inputs are used too')
    .option('--no-transclusions', 'do not read the tables of transcluded pages (saves a dump its first pass over namespace 10)')
    .option('--no-redirects', "do not keep a dump's redirects to tell when two links of a team lead to one page")
    .option('--redirect-map <file>', 'redirects known besides a dump\'s own: a dump, or a file of title<TAB>target lines')
    .option('--jobs <n>', 'worker threads (default: one per core)')
    .addOption(new Option('--progress', 'show the progress line even when standard error is not a terminal').default(undefined))
    .option('--no-progress', 'never show the progress line')
    .option('--full-parse', 'parse every section with wikiparser-node in full (slower; the reference of the targeted parser)')
    .addOption(new Option('--decoder <name>', 'bzip2 decoder for dumps').choices(['auto', 'lbzip2', 'pbzip2', 'bzip2', 'js']))
    .option('--budget-seconds <s>', 'time one article may take before it is reported and skipped', '60')
    .option('--max-memory <mb>', 'heap one worker may use (MB) before its article is reported and skipped', '400');
}

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`wikitally: ${flag} takes a whole number of at least ${min}, not "${value}"\n`);
    throw new CommanderError(2, 'wikitally.usage', `bad ${flag}`);
  }
  return n;
}

function namespaces(list: string): number[] | 'all' {
  if (list === 'all') return 'all';
  const ns = list.split(',').map((n) => Number(n.trim()));
  if (ns.some((n) => !Number.isInteger(n))) {
    process.stderr.write(`wikitally: --namespaces takes "all" or numbers separated by commas, not "${list}"\n`);
    throw new CommanderError(2, 'wikitally.namespaces', 'bad --namespaces');
  }
  return ns;
}

/** What the reports show of an article: its envelope, its text and the pages it transcludes. */
function reportItem(json: string, text: string | undefined, texts: ReadonlyMap<string, string> | undefined): ReportItem {
  return { article: JSON.parse(json) as ArticleRecord, text: text ?? '', ...(texts === undefined ? {} : { texts }) };
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

/**
 * Runs the job with the common flags, handing each article and each batch of diagnostics over as
 * soon as it exists, in input order.
 */
async function runAll(
  inputs: string[],
  opts: Common,
  progress: Progress,
  extra: Partial<RunOptions>,
  on: {
    article?: (o: Outcome, input: string, text?: string, texts?: ReadonlyMap<string, string>) => void;
    diagnostics: (ds: readonly Diagnostic[]) => void;
    input?: (i: InputResult) => void;
  },
): Promise<{ totals: Totals; result: RunResult }> {
  const totals: Totals = { articles: 0, error: 0, warning: 0, info: 0 };
  const tally = (ds: readonly Diagnostic[]): void => {
    for (const d of ds) totals[d.severity] += 1;
    on.diagnostics(ds);
  };
  const jobs = wholeNumber('--jobs', opts.jobs, 1);
  const seconds = wholeNumber('--budget-seconds', opts.budgetSeconds, 1) ?? 60;
  const memoryMb = wholeNumber('--max-memory', opts.maxMemory, 64) ?? 400;
  const result = await run({
    inputs,
    ...(opts.inputFormat === undefined ? {} : { format: opts.inputFormat }),
    namespaces: namespaces(opts.namespaces),
    ...(jobs === undefined ? {} : { jobs }),
    budget: { seconds, memoryMb },
    scope: opts.all === true ? 'all' : 'football',
    transclusions: opts.transclusions,
    redirects: opts.redirects,
    ...(opts.redirectMap === undefined ? {} : { redirectMap: opts.redirectMap }),
    ...(opts.templates === undefined ? {} : { templates: opts.templates }),
    parser: opts.fullParse === true ? 'full' : 'targeted',
    ...(opts.decoder === undefined ? {} : { decoder: opts.decoder }),
    progress,
    collect: false,
    ...extra,
    onArticle(outcome, input, text, texts) {
      totals.articles += 1;
      on.article?.(outcome, input, text, texts);
      tally(outcome.diagnostics);
    },
    onDiagnostics: (ds) => tally(ds),
    onInput(input) {
      on.input?.(input);
    },
  });
  progress.clear();
  for (const e of result.errors) process.stderr.write(`wikitally: cannot read ${e.file}: ${e.message}\n`);
  if (result.outputFailure !== undefined) process.stderr.write(`wikitally: cannot write to ${extra.outDir ?? ''}: ${result.outputFailure}\n`);
  return { totals, result };
}

/** The progress line: on a terminal unless --no-progress, anywhere with --progress. */
function progressOf(opts: Common): Progress {
  return new Progress(opts.progress ?? process.stderr.isTTY === true);
}

function exitCode(result: RunResult, errorsFound: boolean): number {
  if (result.errors.length > 0) return 2;
  if (result.lost > 0) return 3;
  return errorsFound ? 1 : 0;
}

function count(ds: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return ds.filter((d) => d.severity === severity).length;
}

/** One line on what a dump gave. */
function dumpLine(i: InputResult): string {
  const p = i.pages;
  if (p === undefined) return '';
  const t = i.tally;
  return `${i.file}: ${plural(p.pages, 'page')}: ${p.inScope.toLocaleString('en')} in scope, ${p.outOfScope.toLocaleString('en')} out of scope, ${plural(p.redirects, 'redirect')}, ${p.otherNamespaces.toLocaleString('en')} in other namespaces, ${p.malformed.toLocaleString('en')} malformed; ${plural(t.articles, 'article')} written (${t.withRecords.toLocaleString('en')} with records); ${plural(t.diagnostics.error, 'error')}, ${plural(t.diagnostics.warning, 'warning')}\n`;
}

const program = new Command()
  .name('wikitally')
  .description('Turn Wikipedia football season articles into schema-validated JSON and find where an article contradicts itself.')
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

common(
  program
    .command('extract')
    .description('write one JSON file per article (dumps: articles.jsonl) under --out, and print what was found')
    .argument('<inputs...>', 'files, folders (recursive: .wiki .wikitext .txt .surf .md), MediaWiki dumps (.xml, .xml.bz2, .xml.gz) or - for standard input')
    .option('--out <dir>', 'output folder', 'out')
    .addOption(new Option('--layout <layout>', 'dump output: JSON Lines, or one file per article').choices(['jsonl', 'files']).default('jsonl'))
    .addOption(new Option('--compress <kind>', 'compress JSON Lines output').choices(['gzip', 'zstd']))
    .option('--no-spans', 'leave positions out of the output')
    .option('--compact', 'write article files on one line')
    .option('--resume', 'go on from the checkpoint a killed run left in --out')
    .addOption(new Option('--checkpoint-every <items>', 'dump pages between two checkpoints').default('500').hideHelp())
    .option('--summary', 'also list every error and warning found')
    .option('--strict', 'exit 1 when any article has an error diagnostic')
    .option('--queue <url>', 'split the run into jobs on this Redis queue (redis://HOST:PORT) for `wikitally worker` processes, wait, and merge their parts'),
).action(
  async (
    inputs: string[],
    opts: Common & {
      out: string;
      layout: 'jsonl' | 'files';
      compress?: 'gzip' | 'zstd';
      spans: boolean;
      compact?: boolean;
      resume?: boolean;
      checkpointEvery: string;
      summary?: boolean;
      strict?: boolean;
      queue?: string;
    },
  ) => {
    const progress = progressOf(opts);
    const print = (text: string): void => progress.print(process.stdout, text);
    const { totals, result } = await runAll(
      inputs,
      opts,
      progress,
      {
        outDir: opts.out,
        layout: opts.layout,
        compression: opts.compress ?? 'none',
        spans: opts.spans,
        compact: opts.compact === true,
        resume: opts.resume === true,
        checkpointEvery: wholeNumber('--checkpoint-every', opts.checkpointEvery, 1) ?? 500,
        ...(opts.queue === undefined ? {} : { queue: opts.queue }),
      },
      {
        article(o, input) {
          if (o.pageId !== undefined) return;
          const ds = o.diagnostics;
          const r = o.records;
          print(
            `${input}: ${plural(r.standings, 'standings', 'standings')}, ${plural(r.matchGrids, 'match grid')}, ${plural(r.brackets, 'bracket')}, ${plural(r.ties, 'tie')}, ${plural(r.matches, 'match', 'matches')}, ${plural(r.infoboxes, 'infobox', 'infoboxes')}, ${plural(r.tables, 'table')}; ${plural(count(ds, 'error'), 'error')}, ${plural(count(ds, 'warning'), 'warning')}, ${plural(count(ds, 'info'), 'note')}\n`,
          );
        },
        diagnostics(ds) {
          if (opts.summary) for (const d of ds) if (atLeast(d, 'warning')) print(`  ${formatDiagnostic(d, false)}\n`);
        },
        input(i) {
          if (i.kind === 'dump') print(dumpLine(i));
        },
      },
    );
    process.stdout.write(`wrote ${plural(totals.articles, 'article')} to ${opts.out}/; ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}\n`);
    process.exitCode = exitCode(result, opts.strict === true && totals.error > 0);
  },
);

common(
  program
    .command('check')
    .description('report every inconsistency, grouped by file and table, with the source line and a caret (nothing is written)')
    .argument('<inputs...>', 'files, folders, MediaWiki dumps or - for standard input')
    .addOption(new Option('--format <format>', 'text for people, json (an array of diagnostics), or sarif (SARIF 2.1.0)').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'the same as --format json')
    .addOption(new Option('--min-severity <level>', 'least severity to report (default: warning for text, info for json and sarif)').choices(SEVERITY))
    .option('--verbose', 'also list the grid cells behind each figure')
    .option('--no-color', 'no colour (also when NO_COLOR is set or the output is not a terminal)')
    .option('--fix', 'write the certain corrections back to the files (never the uncertain ones), and say what changed')
    .option('--fix-dry-run', 'print the certain corrections as a unified diff, change nothing'),
).action(
  async (
    inputs: string[],
    opts: Common & { format: 'text' | 'json' | 'sarif'; json?: boolean; minSeverity?: Diagnostic['severity']; verbose?: boolean; color: boolean; fix?: boolean; fixDryRun?: boolean },
  ) => {
    const format = opts.json === true ? 'json' : opts.format;
    const min = opts.minSeverity ?? (format === 'text' ? 'warning' : 'info');
    const color = opts.color && process.env['NO_COLOR'] === undefined && process.stdout.isTTY === true;
    const progress = progressOf(opts);
    const print = (text: string): void => progress.print(process.stdout, text);
    let first = true;
    if (format === 'json') process.stdout.write('[');
    const kept: ReportItem[] = [];
    const fixable: ReportItem[] = [];
    const { totals, result } = await runAll(
      inputs,
      opts,
      progress,
      { keepText: true },
      {
        article(o, _input, text, texts) {
          const item = reportItem(o.json, text, texts);
          if (format === 'text') print(renderTerminalReport([item], { color, verbose: opts.verbose === true, minSeverity: min }));
          else if (format === 'sarif') kept.push({ article: { ...item.article, diagnostics: item.article.diagnostics.filter((d) => atLeast(d, min)) }, text: '' });
          if ((opts.fix === true || opts.fixDryRun === true) && o.pageId === undefined && item.article.source.file !== '-') fixable.push(item);
        },
        diagnostics(ds) {
          for (const d of ds) {
            if (!atLeast(d, min)) continue;
            if (format === 'json') {
              // A JSON array written as it grows: two-space items, as JSON.stringify(array, null, 2) writes them.
              print(`${first ? '' : ','}\n  ${JSON.stringify(d, null, 2).replace(/\n/g, '\n  ')}`);
              first = false;
            }
          }
        },
      },
    );
    if (format === 'json') process.stdout.write(first ? ']\n' : '\n]\n');
    else if (format === 'sarif') process.stdout.write(renderSarif(kept, { toolVersion: VERSION }));
    else {
      // Only what --min-severity lets through is counted.
      const shown = [plural(totals.error, 'error'), ...(min === 'error' ? [] : [plural(totals.warning, 'warning')]), ...(min === 'info' ? [`${totals.info.toLocaleString('en')} info`] : [])];
      process.stdout.write(`${shown.join(', ')} in ${plural(totals.articles, 'article')}\n`);
    }
    let lost = 0;
    for (const item of fixable) lost += await fixFile(item, opts.fix === true);
    process.exitCode = lost > 0 ? 3 : exitCode(result, totals.error > 0);
  },
);

/** Writes (or, for a dry run, prints) the certain corrections of one file; returns 1 when it could not be written. */
async function fixFile(item: ReportItem, write: boolean): Promise<number> {
  const edits = certainEdits(item.article);
  if (edits.length === 0) return 0;
  const file = item.article.source.file;
  const after = applyEdits(item.text, edits);
  if (!write) {
    process.stdout.write(unifiedDiff(file, item.text, after));
    return 0;
  }
  // The file must still hold the text the corrections were computed from.
  const now = await readFile(file, 'utf8').catch(() => undefined);
  if (now !== item.text) {
    process.stderr.write(`wikitally: ${file} changed while it was checked (or is not UTF-8); nothing was fixed in it\n`);
    return 1;
  }
  try {
    await writeFileAtomic(file, after);
  } catch (error) {
    process.stderr.write(`wikitally: cannot write ${file}: ${describeWriteError(error)}\n`);
    return 1;
  }
  for (const e of edits) process.stdout.write(`fixed ${file}:${e.line}: ${e.what}\n`);
  return 0;
}

common(
  program
    .command('report')
    .description('write one self-contained HTML page that shows each article\'s tables, grids and findings')
    .argument('<inputs...>', 'files, folders, MediaWiki dumps or - for standard input')
    .option('-o, --output <file>', 'the page to write', 'report.html')
    .addOption(new Option('--min-severity <level>', 'least severity shown at first (the page can show the others)').choices(SEVERITY).default('warning')),
).action(async (inputs: string[], opts: Common & { output: string; minSeverity: Diagnostic['severity'] }) => {
  const progress = progressOf(opts);
  const items: ReportItem[] = [];
  const { totals, result } = await runAll(
    inputs,
    opts,
    progress,
    { keepText: true },
    {
      article(o, _input, text, texts) {
        items.push(reportItem(o.json, text, texts));
      },
      diagnostics() {},
    },
  );
  let lost = 0;
  try {
    await writeFileAtomic(opts.output, renderHtmlReport(items, { minSeverity: opts.minSeverity }));
    process.stdout.write(`wrote ${opts.output}: ${plural(totals.articles, 'article')}, ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}\n`);
  } catch (error) {
    process.stderr.write(`wikitally: cannot write ${opts.output}: ${describeWriteError(error)}\n`);
    lost = 1;
  }
  process.exitCode = lost > 0 ? 3 : exitCode(result, false);
});

program
  .command('tables')
  .description('write flat tables (articles, matches, standings, teams, ties, diagnostics) of every input under --out')
  .argument('<inputs...>', "files, folders, MediaWiki dumps, - for standard input, or a previous run's output (.json files, articles.jsonl[.gz], or their folder)")
  .requiredOption('--out <dir>', 'output folder')
  .addOption(new Option('--format <format>', 'csv, JSON Lines, Parquet (one file per table), or one DuckDB database with views').choices(['csv', 'jsonl', 'parquet', 'duckdb']).default('csv'))
  .addOption(new Option('--input-format <format>', 'read every article input as this format instead of guessing from its name').choices(['wikitext', 'surfdoc']))
  .addOption(new Option('--namespaces <list>', 'dump pages to read: namespace numbers separated by commas, or all').default('0'))
  .option('--jobs <n>', 'worker threads (default: one per core)')
  .action(async (inputs: string[], opts: { out: string; format: TablesFormat; inputFormat?: 'wikitext' | 'surfdoc'; namespaces: string; jobs?: string }) => {
    const jobs = wholeNumber('--jobs', opts.jobs, 1);
    const result = await writeTables({
      inputs,
      outDir: opts.out,
      format: opts.format,
      ...(opts.inputFormat === undefined ? {} : { inputFormat: opts.inputFormat }),
      namespaces: namespaces(opts.namespaces),
      ...(jobs === undefined ? {} : { jobs }),
      onDuplicate: (d) => process.stdout.write(`${d.file}: ${d.title} was already read from ${d.firstFile}; its rows are written once\n`),
    });
    for (const e of result.errors) process.stderr.write(`wikitally: cannot read ${e.file}: ${e.message}\n`);
    const r = result.rows;
    if (result.outputFailure !== undefined) process.stderr.write(`wikitally: cannot write to ${opts.out}: ${result.outputFailure}\n`);
    else {
      const dir = opts.out.endsWith('/') ? opts.out : `${opts.out}/`;
      process.stdout.write(
        `wrote ${plural(r.articles, 'article')} to ${dir} as ${opts.format}: ${plural(r.matches, 'match', 'matches')}, ${plural(r.standings, 'standings row')}, ${plural(r.teams, 'team')}, ${plural(r.ties, 'tie')}, ${plural(r.diagnostics, 'diagnostic')}\n`,
      );
    }
    process.exitCode = result.errors.length > 0 ? 2 : result.outputFailure !== undefined ? 3 : 0;
  });

program
  .command('worker')
  .description('take extraction jobs from a Redis queue (made by extract --queue) and write their parts, until stopped (SIGTERM, Ctrl-C)')
  .requiredOption('--queue <url>', 'the Redis queue, e.g. redis://127.0.0.1:6379')
  .option('--jobs <n>', 'worker threads for the pages of a job (default: one per core)')
  .action(async (opts: { queue: string; jobs?: string }) => {
    const jobs = wholeNumber('--jobs', opts.jobs, 1);
    const { runWorker } = await import('./run/queue/index.js');
    process.exitCode = await runWorker({ queue: opts.queue, ...(jobs === undefined ? {} : { jobs }) });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is bad usage (already printed).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`wikitally: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
