#!/usr/bin/env node
/**
 * The command line: flags → RunOptions → run() → report and exit code. No logic of its own.
 * Exit codes: 0 no error diagnostic, 1 at least one (check, or extract --strict), 2 bad usage or
 * an unreadable input.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { atLeast, formatDiagnostic } from './diagnostics/format.js';
import { run, type ArticleRecord, type Diagnostic, type RunResult } from './index.js';

// A closed pipe (`wikitally check … | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const FORMAT = new Option('--format <format>', 'read every input as this format instead of guessing from its name').choices(['wikitext', 'surfdoc']);
const NAMESPACES = new Option('--namespaces <list>', 'dump pages to read: namespace numbers separated by commas, or all').default('0');
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
  format?: 'wikitext' | 'surfdoc';
  namespaces: string;
}

function progress(done: number, total: number, file: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[${done}/${total}] ${file}${done === total ? '\n' : ''}`);
  else if (total > 10 && (done % Math.ceil(total / 20) === 0 || done === total)) process.stderr.write(`[${done}/${total}] ${file}\n`);
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

/**
 * Runs the job, handing each article and each batch of diagnostics over as soon as it exists.
 * @returns the totals and the unreadable inputs
 */
async function runAll(
  inputs: string[],
  opts: Common,
  outDir: string | undefined,
  on: { article?: (a: ArticleRecord, input: string) => void; diagnostics: (ds: readonly Diagnostic[]) => void },
): Promise<{ totals: Totals; errors: RunResult['errors'] }> {
  const totals: Totals = { articles: 0, error: 0, warning: 0, info: 0 };
  const tally = (ds: readonly Diagnostic[]): void => {
    for (const d of ds) totals[d.severity] += 1;
    on.diagnostics(ds);
  };
  let pages = 0;
  const { errors } = await run({
    inputs,
    ...(opts.format === undefined ? {} : { format: opts.format }),
    namespaces: namespaces(opts.namespaces),
    ...(outDir === undefined ? {} : { outDir }),
    collect: false,
    onArticle(article, input) {
      totals.articles += 1;
      on.article?.(article, input);
      tally(article.diagnostics);
      pages += 1;
      if (article.source.pageId !== undefined && pages % 100 === 0) process.stderr.write(`${input}: ${pages} pages read\n`);
    },
    onInput(input, done, total) {
      tally(input.diagnostics);
      if (input.pages !== undefined) {
        const p = input.pages;
        process.stderr.write(`${input.file}: ${p.pages} pages, ${p.articles} read, ${p.redirects} redirects and ${p.otherNamespaces} pages of other namespaces skipped, ${p.malformed} malformed\n`);
      }
      progress(done, total, input.file);
    },
  });
  for (const e of errors) process.stderr.write(`wikitally: cannot read ${e.file}: ${e.message}\n`);
  return { totals, errors };
}

function count(ds: readonly Diagnostic[], severity: Diagnostic['severity']): number {
  return ds.filter((d) => d.severity === severity).length;
}

const program = new Command()
  .name('wikitally')
  .description('Turn Wikipedia football season articles into schema-validated JSON and find where an article contradicts itself.')
  .version(VERSION)
  .showHelpAfterError()
  .exitOverride();

program
  .command('extract')
  .description('write one JSON file per article under --out, and print what was found')
  .argument('<inputs...>', 'files, folders (recursive: .wiki .wikitext .txt .surf .md), MediaWiki dumps (.xml, .xml.bz2) or - for standard input')
  .option('--out <dir>', 'output folder', 'out')
  .addOption(FORMAT)
  .addOption(NAMESPACES)
  .option('--summary', 'also list every error and warning found')
  .option('--strict', 'exit 1 when any article has an error diagnostic')
  .action(async (inputs: string[], opts: Common & { out: string; summary?: boolean; strict?: boolean }) => {
    const { totals, errors } = await runAll(inputs, opts, opts.out, {
      article(a, input) {
        const ds = a.diagnostics;
        const name = a.source.pageId === undefined ? input : `${input} [${a.source.title}]`;
        process.stdout.write(
          `${name}: ${a.standings.length} standings, ${a.matchGrids.length} match grids, ${a.brackets.length} brackets, ${a.ties.length} ties, ${a.matches.length} matches, ${a.infoboxes.length} infoboxes, ${a.tables.length} tables; ${count(ds, 'error')} errors, ${count(ds, 'warning')} warnings, ${count(ds, 'info')} notes\n`,
        );
      },
      diagnostics(ds) {
        if (opts.summary) for (const d of ds) if (atLeast(d, 'warning')) process.stdout.write(`  ${formatDiagnostic(d, false)}\n`);
      },
    });
    process.stdout.write(`wrote ${totals.articles} articles to ${opts.out}/; ${totals.error} errors, ${totals.warning} warnings\n`);
    process.exitCode = errors.length > 0 ? 2 : opts.strict && totals.error > 0 ? 1 : 0;
  });

program
  .command('check')
  .description('report every inconsistency as file:line:col severity code message (nothing is written)')
  .argument('<inputs...>', 'files, folders, MediaWiki dumps or - for standard input')
  .addOption(FORMAT)
  .addOption(NAMESPACES)
  .option('--json', 'print a JSON array of diagnostics instead')
  .addOption(new Option('--min-severity <level>', 'least severity to report (default: warning for text, info for --json)').choices(SEVERITY))
  .action(async (inputs: string[], opts: Common & { json?: boolean; minSeverity?: Diagnostic['severity'] }) => {
    const min = opts.minSeverity ?? (opts.json ? 'info' : 'warning');
    let first = true;
    if (opts.json) process.stdout.write('[');
    const summaries: Diagnostic[] = [];
    const { totals, errors } = await runAll(inputs, opts, undefined, {
      diagnostics(ds) {
        for (const d of ds) {
          if (!opts.json && min !== 'info' && d.code === 'check/standings-consistent') summaries.push(d);
          if (!atLeast(d, min)) continue;
          if (opts.json) {
            // A JSON array written as it grows: two-space items, as JSON.stringify(array, null, 2) writes them.
            process.stdout.write(`${first ? '' : ','}\n  ${JSON.stringify(d, null, 2).replace(/\n/g, '\n  ')}`);
            first = false;
          } else process.stdout.write(`${formatDiagnostic(d)}\n`);
        }
      },
    });
    if (opts.json) process.stdout.write(first ? ']\n' : '\n]\n');
    else {
      process.stdout.write(summaries.map((d) => `${formatDiagnostic(d)}\n`).join(''));
      process.stdout.write(`${totals.error} errors, ${totals.warning} warnings in ${totals.articles} articles\n`);
    }
    process.exitCode = errors.length > 0 ? 2 : totals.error > 0 ? 1 : 0;
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
