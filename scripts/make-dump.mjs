#!/usr/bin/env node
/**
 * make-dump: builds MediaWiki XML dumps for tests and benchmarks, from wikitext files and/or pages
 * of existing dumps. Same arguments, same bytes (no clock, no randomness).
 *
 *   node scripts/make-dump.mjs --out DIR [--name NAME] [--articles FILE_OR_DIR ...]
 *        [--filler DUMP.xml(.bz2) ...] [--repeat N] [--size MB] [--multistream] [--pages-per-stream 100]
 *
 * Writes DIR/NAME.xml and DIR/NAME.xml.bz2, and with --multistream DIR/NAME-multistream.xml.bz2
 * and DIR/NAME-multistream-index.txt.bz2 (Wikimedia's layout: a header stream with <siteinfo>,
 * one bzip2 stream per --pages-per-stream pages, a last stream with </mediawiki>; index lines
 * `byteOffset:pageId:title`). Every stream is compressed by the `bzip2` binary (-9).
 *
 * - --articles: .wiki/.wikitext/.mediawiki/.txt files (folders are searched, sorted by path). A
 *   file's name gives the title: the extension dropped, `_` → space, `Template-X` → `Template:X`
 *   in namespace 10. Each article is written --repeat times (default 1); copies after the first
 *   get " (2)", " (3)", … appended to the title.
 * - --filler: pages taken from real dumps (text kept as escaped in the dump, redirects kept),
 *   cycled with " (copy K)" appended to the title from the second pass on, until the XML reaches
 *   --size MB (default: each filler page once). Articles are spread evenly among the filler.
 * - Every page gets a distinct page id (1, 2, …), revision id (1000001, …) and timestamp
 *   (2020-01-01T00:00:00Z plus one minute per page). The <siteinfo> is the first filler dump's,
 *   or a default English one.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

const HELP = 'usage: node scripts/make-dump.mjs --out DIR [--name NAME] [--articles FILE_OR_DIR ...] [--filler DUMP ...] [--repeat N] [--size MB] [--multistream] [--pages-per-stream 100]';
const ARTICLE_EXTENSIONS = new Set(['.wiki', '.wikitext', '.mediawiki', '.txt']);
const DEFAULT_HEADER = `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
      <namespace key="4" case="first-letter">Wikipedia</namespace>
      <namespace key="6" case="first-letter">File</namespace>
      <namespace key="10" case="first-letter">Template</namespace>
      <namespace key="14" case="first-letter">Category</namespace>
      <namespace key="828" case="first-letter">Module</namespace>
    </namespaces>
  </siteinfo>
`;
const FOOTER = '</mediawiki>\n';

function parseArgs(argv) {
  const options = { out: undefined, name: 'dump', articles: [], filler: [], repeat: 1, size: 0, multistream: false, pagesPerStream: 100 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const values = [];
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.push(argv[++i]);
    const one = () => {
      if (values.length !== 1) throw new Error(`${flag} takes one value`);
      return values[0];
    };
    if (flag === '--out') options.out = one();
    else if (flag === '--name') options.name = one();
    else if (flag === '--articles') options.articles.push(...values);
    else if (flag === '--filler') options.filler.push(...values);
    else if (flag === '--repeat') options.repeat = Number(one());
    else if (flag === '--size') options.size = Number(one());
    else if (flag === '--pages-per-stream') options.pagesPerStream = Number(one());
    else if (flag === '--multistream' && values.length === 0) options.multistream = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (options.out === undefined) throw new Error('--out is required');
  for (const key of ['repeat', 'pagesPerStream']) if (!Number.isInteger(options[key]) || options[key] < 1) throw new Error(`--${key} must be a whole number ≥ 1`);
  if (!(options.size >= 0)) throw new Error('--size must be a number of MB');
  return options;
}

const escapeXml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const unescapeXml = (text) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

function listArticles(inputs) {
  const files = [];
  const walk = (p) => {
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else if (ARTICLE_EXTENSIONS.has(path.extname(p).toLowerCase())) files.push(p);
  };
  for (const input of inputs) walk(input);
  return files.map((file) => {
    let title = path.basename(file, path.extname(file)).replaceAll('_', ' ');
    let ns = 0;
    if (title.startsWith('Template-')) [title, ns] = [`Template:${title.slice('Template-'.length)}`, 10];
    return { title: escapeXml(title), ns, redirect: '', text: escapeXml(readFileSync(file, 'utf8')) };
  });
}

function readXml(file) {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 3).toString('latin1') !== 'BZh') return bytes.toString('utf8');
  const run = spawnSync('bzip2', ['-dc'], { input: bytes, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`bzip2 -dc ${file} failed: ${run.stderr}`);
  return run.stdout.toString('utf8');
}

/** Pages of a well-formed dump: title and text kept escaped as they are. */
function readFiller(file) {
  const xml = readXml(file);
  const first = xml.indexOf('<page>');
  let headerEnd = first;
  while (headerEnd > 0 && (xml[headerEnd - 1] === ' ' || xml[headerEnd - 1] === '\t')) headerEnd -= 1;
  const header = first === -1 ? undefined : xml.slice(0, headerEnd);
  const pages = [];
  for (let at = first; at !== -1; at = xml.indexOf('<page>', at + 1)) {
    const end = xml.indexOf('</page>', at);
    if (end === -1) break;
    const page = xml.slice(at, end);
    const field = (name) => {
      const open = page.indexOf(`<${name}>`);
      return open === -1 ? undefined : page.slice(open + name.length + 2, page.indexOf(`</${name}>`, open));
    };
    const textOpen = page.indexOf('<text');
    const textStart = page.indexOf('>', textOpen) + 1;
    const selfClosing = page[textStart - 2] === '/';
    const text = textOpen === -1 || selfClosing ? '' : page.slice(textStart, page.indexOf('</text>', textStart));
    const redirect = /<redirect[^>]{0,1000}\/>/.exec(page)?.[0] ?? '';
    pages.push({ title: field('title') ?? 'Untitled', ns: Number(field('ns') ?? 0), redirect, text });
  }
  return { header, pages };
}

function pageXml(page, index) {
  const time = new Date(Date.UTC(2020, 0, 1) + index * 60_000).toISOString().replace('.000Z', 'Z');
  const bytes = Buffer.byteLength(unescapeXml(page.text));
  return `  <page>
    <title>${page.title}</title>
    <ns>${page.ns}</ns>
    <id>${index + 1}</id>
${page.redirect === '' ? '' : `    ${page.redirect}\n`}    <revision>
      <id>${1_000_001 + index}</id>
      <timestamp>${time}</timestamp>
      <contributor>
        <username>make-dump</username>
        <id>1</id>
      </contributor>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text bytes="${bytes}" xml:space="preserve">${page.text}</text>
    </revision>
  </page>
`;
}

/** The page sequence: filler cycled to the size, articles spread evenly among it. */
function* pageSequence(articles, filler, repeat, targetBytes) {
  const copies = [];
  for (let r = 0; r < repeat; r++) for (const a of articles) copies.push(r === 0 ? a : { ...a, title: `${a.title} (${r + 1})` });
  const average = filler.length === 0 ? 1 : filler.reduce((sum, p) => sum + p.text.length + 400, 0) / filler.length;
  const fillerCount = filler.length === 0 ? 0 : targetBytes > 0 ? Math.ceil(targetBytes / average) : filler.length;
  const stride = copies.length === 0 ? Infinity : Math.max(1, Math.floor(fillerCount / (copies.length + 1)));
  let placed = 0;
  let size = 0;
  for (let i = 0; filler.length > 0 && (targetBytes > 0 ? size < targetBytes : i < filler.length); i++) {
    if (i > 0 && i % stride === 0 && placed < copies.length) yield copies[placed++];
    const source = filler[i % filler.length];
    const pass = Math.floor(i / filler.length);
    const page = pass === 0 ? source : { ...source, title: `${source.title} (copy ${pass})` };
    size += page.text.length + 400;
    yield page;
  }
  while (placed < copies.length) yield copies[placed++];
}

function bzip2(input) {
  const run = spawnSync('bzip2', ['-c', '-9'], { input, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`bzip2 failed: ${run.stderr}`);
  return run.stdout;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(options.out, { recursive: true });
  const articles = listArticles(options.articles);
  const fillers = options.filler.map(readFiller);
  const header = fillers.find((f) => f.header !== undefined)?.header ?? DEFAULT_HEADER;
  const filler = fillers.flatMap((f) => f.pages);
  const base = path.join(options.out, options.name);
  const xmlFd = openSync(`${base}.xml`, 'w');
  writeSync(xmlFd, header);
  let streamFd;
  let indexLines = [];
  const index = [];
  let offset = 0;
  let group = [];
  const flushStream = () => {
    if (group.length === 0) return;
    const compressed = bzip2(Buffer.from(group.join('')));
    for (const line of indexLines) index.push(`${offset}:${line}\n`);
    writeSync(streamFd, compressed);
    offset += compressed.length;
    group = [];
    indexLines = [];
  };
  if (options.multistream) {
    streamFd = openSync(`${base}-multistream.xml.bz2`, 'w');
    group.push(header);
    flushStream();
  }
  let count = 0;
  for (const page of pageSequence(articles, filler, options.repeat, options.size * 1024 * 1024)) {
    const xml = pageXml(page, count);
    writeSync(xmlFd, xml);
    if (options.multistream) {
      group.push(xml);
      indexLines.push(`${count + 1}:${unescapeXml(page.title)}`);
      if (group.length === options.pagesPerStream) flushStream();
    }
    count += 1;
  }
  writeSync(xmlFd, FOOTER);
  closeSync(xmlFd);
  if (options.multistream) {
    flushStream();
    writeSync(streamFd, bzip2(Buffer.from(FOOTER)));
    closeSync(streamFd);
    const indexFd = openSync(`${base}-multistream-index.txt.bz2`, 'w');
    writeSync(indexFd, bzip2(Buffer.from(index.join(''))));
    closeSync(indexFd);
  }
  const out = openSync(`${base}.xml.bz2`, 'w');
  const run = spawnSync('bzip2', ['-c', '-9', `${base}.xml`], { stdio: ['ignore', out, 'pipe'] });
  closeSync(out);
  if (run.status !== 0) throw new Error(`bzip2 failed: ${run.stderr}`);
  process.stdout.write(`${base}.xml: ${count} pages, ${statSync(`${base}.xml`).size} bytes\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`make-dump: ${error instanceof Error ? error.message : String(error)}\n${HELP}\n`);
  process.exit(2);
}
