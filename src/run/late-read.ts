/**
 * The end of a dump run: the articles read again once the whole dump is known (a table page it
 * held further on, redirects that join two links of a team), each new outcome put in the old one's
 * place.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DumpPage } from '../read/dump/types.js';
import type { ArticleRecord } from '../types/index.js';
import { tableTransclusions, type TemplatePage } from '../read/transclusion.js';
import { budgetOutcome } from './budget.js';
import type { DumpOutput, PendingArticle } from './dump-output.js';
import { CHECKPOINT_EVERY, type DumpResult, type DumpRun, type Item } from './dump-run.js';
import { isFailure } from './pool.js';
import type { RedirectTable } from './redirects.js';
import { countOutcome, uncountOutcome } from './tally.js';

/** What a dump run knows besides its pages: the redirects, when it keeps them. */
export interface Known {
  redirects?: RedirectTable;
  /** The redirects are a map given to the run only: the dump's own are not added. */
  fixed?: boolean;
}

/**
 * Reads again, now that every page is known, the articles that called a table page the dump held
 * further on, and those whose findings about team identity the dump's redirects settle (two of
 * their links lead to one page), and puts each new outcome in the old one's place (lines of the
 * JSON Lines files, or the article's file); the counts follow. With nothing written (check), the
 * new outcomes are handed over after the others.
 */
export async function readLate(run: DumpRun, output: DumpOutput | undefined, inMemory: readonly PendingArticle[], result: DumpResult, known: Known): Promise<void> {
  const library = run.library;
  if (library === undefined && known.redirects === undefined) return;
  const pending = output === undefined ? inMemory : await output.pending();
  const redirectsOf = (p: PendingArticle): [string, string][] => (p.links === undefined || known.redirects === undefined ? [] : [...known.redirects.linksMap(p.links)]);
  const again = pending
    .map((p) => ({ p, redirects: redirectsOf(p) }))
    .filter(({ p, redirects }) => redirects.length > 0 || (library !== undefined && (p.missing ?? tableTransclusions(p.page.text).map((c) => c.name)).some((name) => library.has(name))));
  if (again.length === 0) return;
  // The files are rewritten from here on: a checkpoint could no longer cut them back.
  if (run.folder !== undefined) await rm(path.join(run.folder, 'checkpoint.json'), { force: true });
  const replacements = await Promise.all(
    again.map(async ({ p, redirects }) => {
      const item: Item = { page: { ...p.page, offset: 0 }, ...templatesOf(run, { ...p.page, offset: 0 }) };
      const answer = await run.executor.run({
        kind: 'page',
        file: run.file,
        style: run.settings.style,
        page: p.page,
        ...templatesOf(run, { ...p.page, offset: 0 }),
        ...(known.redirects === undefined ? {} : { redirects }),
      });
      const page = { title: p.page.title, ...opt('id', p.page.id), ...opt('revisionId', p.page.revisionId) };
      const outcome = isFailure(answer) ? budgetOutcome(run.file, page, answer, run.settings) : answer;
      return { p, item, outcome };
    }),
  );
  for (const { p, item, outcome } of replacements) {
    uncountOutcome(result.tally, p.counted);
    countOutcome(result.tally, outcome);
    if (run.collect) result.articles[p.place.line] = outcome.article ?? (JSON.parse(outcome.json) as ArticleRecord);
    if (output === undefined) run.onArticle?.(outcome, run.keepText === true ? p.page.text : undefined, new Map(('templates' in item ? (item.templates ?? []) : []).map((t) => [t.page ?? t.file, t.text])));
  }
  await output?.replace(
    replacements.map(({ p, outcome }) => ({ place: p.place, outcome })),
    run.checkpointEvery ?? CHECKPOINT_EVERY,
  );
}

/** The transcluded pages to send with a page (never the page itself). */
export function templatesOf(run: DumpRun, page: DumpPage): { templates?: TemplatePage[] } {
  const templates = run.library?.pagesFor(page.text).filter((t) => t.page !== page.title) ?? [];
  return templates.length === 0 ? {} : { templates };
}

/** Spreads `{key: value}` only when the value is present. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
