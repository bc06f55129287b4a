/**
 * How a run is set up, shared by a run on one machine and the jobs of a queue run (src/run/queue/),
 * so that both read, schedule and transclude alike: the task settings, the template pages known
 * before any input is read, how a dump input is run, and the task of an article input.
 */
import { SCOPE_TRIGGER } from '../extract/template-names.js';
import { readInputs, type InputError, type InputRef } from '../read/inputs.js';
import type { DumpRun } from './dump-run.js';
import type { Executor } from './executor.js';
import type { RunOptions } from './index.js';
import type { TaskSettings } from './outcome.js';
import type { Task } from './tasks.js';
import { TemplateLibrary } from './template-library.js';

/**
 * What every task of a run shares, from the run's options.
 * @param options the run's options
 * @param keepArticle also hand back each envelope as an object (in-thread runs that collect)
 * @returns the settings
 */
export function taskSettingsOf(options: RunOptions, keepArticle: boolean): TaskSettings {
  return {
    ...(options.format === undefined ? {} : { format: options.format }),
    parser: options.parser ?? 'targeted',
    style: { compact: options.compact === true, spans: options.spans !== false },
    keepArticle,
  };
}

/**
 * The template pages known before any input is read: template files among the inputs, and the
 * `--templates` paths (every file a template page).
 * @param files the run's inputs
 * @param options whether transclusions are read, and the `--templates` paths
 * @param errors where unreadable `--templates` paths are added
 * @returns the library (empty when transclusions are off)
 */
export async function libraryOf(files: readonly InputRef[], options: Pick<RunOptions, 'transclusions' | 'templates'>, errors: InputError[]): Promise<TemplateLibrary> {
  if (options.transclusions === false) return new TemplateLibrary();
  const found = options.templates === undefined ? { files: [], errors: [] } : await readInputs(options.templates);
  errors.push(...found.errors);
  return libraryFrom(files, found.files);
}

/**
 * The template pages known before any input is read, from files found already.
 * @param inputs the run's inputs (only those named as template pages are read)
 * @param templates the files of `--templates` (each a template page, whatever its name)
 * @returns the library, the inputs' pages first (the first of a title wins)
 */
export async function libraryFrom(inputs: readonly InputRef[], templates: readonly InputRef[]): Promise<TemplateLibrary> {
  const library = new TemplateLibrary();
  await library.addFiles(inputs);
  await library.addFiles(templates, true);
  return library;
}

/**
 * How a run reads one dump input (the run's own, or a queue job's on its part of the dump).
 * @param ref the dump
 * @param folder where its output goes, if anywhere
 * @param options the run's options
 * @param executor runs the pages
 * @param settings the run's task settings
 * @param collect keep every article
 * @param library the run's template pages
 * @returns the dump run
 */
export function dumpRunOf(ref: InputRef, folder: string | undefined, options: RunOptions, executor: Executor, settings: TaskSettings, collect: boolean, library: TemplateLibrary): DumpRun {
  const namespaces = options.namespaces === 'all' ? 'all' : new Set(options.namespaces ?? [0]);
  const dumpSettings = { ...settings, style: { ...settings.style, compact: settings.style.compact || (options.layout ?? 'jsonl') === 'jsonl' } };
  const read = options.dumpReader?.(ref);
  return {
    file: ref.file,
    key: ref.key,
    input: ref.stream ?? ref.path,
    ...(folder === undefined ? {} : { folder }),
    ...(read === undefined ? {} : { read }),
    layout: options.layout ?? 'jsonl',
    compression: options.compression ?? 'none',
    namespaces,
    ...(options.scope === 'all' ? {} : { prefilter: (text: Buffer) => SCOPE_TRIGGER.test(text.toString('latin1')) }),
    ...(options.decoder === undefined ? {} : { decoder: options.decoder }),
    resume: options.resume === true && ref.stream === undefined,
    executor,
    settings: dumpSettings,
    ...(options.transclusions === false ? {} : { library }),
    ...(options.redirects === false ? { redirects: false } : {}),
    ...(options.progress === undefined ? {} : { progress: options.progress }),
    onArticle: (o, text, texts) => options.onArticle?.(o, ref.file, text, texts),
    keepText: options.keepText === true,
    onDiagnostics: (ds) => options.onDiagnostics?.(ds, ref.file),
    collect,
    ...(options.checkpointEvery === undefined ? {} : { checkpointEvery: options.checkpointEvery }),
    ...(options.groupBytes === undefined ? {} : { groupBytes: options.groupBytes }),
  };
}

/**
 * The task of an article input: its bytes and the template pages it calls (never itself).
 * @param ref the input
 * @param bytes its content
 * @param library the template pages known when it is read
 * @param knowsRedirects the run has a redirect map: the article is read knowing that none of it joins
 *   two of its links (it is read again with those that do)
 * @returns the task
 */
export function articleTask(ref: Pick<InputRef, 'file' | 'key'>, bytes: Uint8Array, library: TemplateLibrary, knowsRedirects = false): Task {
  const templates = library.size === 0 ? [] : library.pagesFor(new TextDecoder().decode(bytes)).filter((t) => t.file !== ref.file);
  return { kind: 'article', file: ref.file, key: ref.key, bytes, ...(templates.length === 0 ? {} : { templates }), ...(knowsRedirects ? { redirects: [] } : {}) };
}
