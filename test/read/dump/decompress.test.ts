import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, createReadStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BitReader, decodeBlock, findBlockStarts } from '../../../src/read/dump/bz2-blocks.js';
import { findOnPath, runChildDecoder } from '../../../src/read/dump/child-decoder.js';
import { decompressDump, detectFormat, pickDecoder } from '../../../src/read/dump/decompress.js';
import { readDump } from '../../../src/read/dump/pages.js';
import { emptyCounts, type DecoderChoice } from '../../../src/read/dump/types.js';
import { FIXTURES, readAll, tempDir, writeTemp } from './dump-helpers.js';

const DECODERS: DecoderChoice[] = ['lbzip2', 'pbzip2', 'bzip2', 'js'];
const TRUNCATED = path.join(FIXTURES, 'truncated-bz2.xml.bz2');
const LTG = path.join(FIXTURES, 'ltgwiki-smallwiki-pages-articles.xml.bz2');
const titles = (pages: { title: string }[]): string[] => pages.map((p) => p.title);
const withoutMessage = (item: object): object => ({ ...item, message: undefined });

/** The first 600 kB of the ltgwiki dump in 100 kB bzip2 blocks, with block 3 corrupted. */
function corruptThirdBlock(): { file: string; blockBytes: number[]; xml: Buffer } {
  const xml = Buffer.from(spawnSync('bzip2', ['-dc', LTG], { maxBuffer: 1 << 26 }).stdout).subarray(0, 600_000);
  const packed = Buffer.from(spawnSync('bzip2', ['-1', '-c'], { input: xml }).stdout);
  const starts = findBlockStarts(packed);
  const blockBytes = starts.map((at) => decodeBlock(new BitReader(packed, Math.floor(at / 8), at % 8)).length);
  const third = Math.floor((starts[2] ?? 0) / 8);
  for (let i = third + 10_000; i < third + 10_010; i++) packed[i] = (packed[i] ?? 0) ^ 0x55;
  return { file: writeTemp('corrupt-block-3.xml.bz2', packed), blockBytes, xml };
}

describe('decompress', () => {
  const savedPath = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = savedPath;
  });

  it('should tell bzip2, gzip and plain XML by their first bytes', () => {
    expect(detectFormat(Buffer.from('BZh91AY&SY'))).toBe('bzip2');
    expect(detectFormat(Buffer.from([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(detectFormat(Buffer.from('<mediawiki'))).toBe('plain');
    expect(detectFormat(Buffer.from('BZh0'))).toBe('plain');
  });

  it('should prefer lbzip2, honour a forced decoder, and fall back to JS with nothing on PATH', () => {
    expect(pickDecoder('auto').name).toBe(findOnPath('lbzip2') === undefined ? pickDecoder('auto').name : 'lbzip2');
    expect(pickDecoder('bzip2').name).toBe('bzip2');
    expect(pickDecoder('js').name).toBe('js');
    process.env['PATH'] = '';
    expect(pickDecoder('auto')).toEqual({ name: 'js' });
    expect(pickDecoder('lbzip2')).toEqual({ name: 'js' });
  });

  it('should keep every whole page of a truncated file with each decoder (bzip2 -dc finds 338)', async () => {
    const byBzip2 = spawnSync('bzip2', ['-dc', TRUNCATED], { maxBuffer: 1 << 26 }).stdout.toString('latin1').split('</page>').length - 1;
    expect(byBzip2).toBe(338);
    const results = await Promise.all(DECODERS.map((decoder) => readAll(TRUNCATED, { decoder })));
    for (const result of results) {
      expect(result.pages.length).toBeGreaterThanOrEqual(338);
      expect(titles(result.pages)).toEqual(titles(results[0]?.pages ?? []));
      expect(result.problems).toEqual([expect.objectContaining({ code: 'read/damaged-bz2', compressedOffset: expect.any(Number) as number })]);
      expect(result.problems[0]?.message).toContain('truncated');
    }
  });

  it('should recover from a truncation the same way when the dump comes as a stream', async () => {
    const fromPath = await readAll(TRUNCATED, { decoder: 'lbzip2' });
    const fromStream = await readAll(createReadStream(TRUNCATED), { decoder: 'lbzip2' });
    expect(fromStream.items).toEqual(fromPath.items);
  });

  it('should keep the pages of the blocks around a corrupted block, the same with each decoder', async () => {
    const { file, blockBytes, xml } = corruptThirdBlock();
    const firstTwo = (blockBytes[0] ?? 0) + (blockBytes[1] ?? 0);
    const wholeBefore = xml.subarray(0, firstTwo).toString('latin1').split('</page>').length - 1;
    const results = await Promise.all(DECODERS.map((decoder) => readAll(file, { decoder })));
    for (const result of results) {
      expect(result.counts.inScope + result.counts.redirects).toBeGreaterThan(wholeBefore);
      // The same pages and problems; only the messages name the decoder.
      expect(result.items.map(withoutMessage)).toEqual(results[0]?.items.map(withoutMessage));
      expect(result.problems[0]).toMatchObject({ code: 'read/damaged-bz2', offset: firstTwo });
    }
    const everyPage = await readAll(writeTemp('whole.xml', xml));
    const kept = new Set(titles(results[0]?.pages ?? []));
    expect(titles(everyPage.pages.filter((p) => p.offset < firstTwo && xml.indexOf('</page>', p.offset) < firstTwo)).every((t) => kept.has(t))).toBe(true);
  });

  it('should report a decoder that fails on good data, and read everything with the JS decoder', async () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'lbzip2'), '#!/bin/sh\nhead -c 1000 >/dev/null\necho "lbzip2: simulated failure" >&2\nexit 3\n');
    chmodSync(path.join(bin, 'lbzip2'), 0o755);
    process.env['PATH'] = `${bin}:${savedPath ?? ''}`;
    const { pages, problems } = await readAll(LTG, { decoder: 'lbzip2' });
    expect(pages).toHaveLength(1809);
    expect(problems).toEqual([expect.objectContaining({ code: 'read/unreadable-input', message: expect.stringContaining('simulated failure') })]);
  });

  it('should report a decoder killed by a signal after part of the output, and lose nothing', async () => {
    const bin = tempDir();
    writeFileSync(path.join(bin, 'lbzip2'), `#!/bin/sh\n${findOnPath('bzip2') ?? 'bzip2'} -dc | head -c 300000\nkill -9 $$\n`);
    chmodSync(path.join(bin, 'lbzip2'), 0o755);
    process.env['PATH'] = `${bin}:${savedPath ?? ''}`;
    const { pages, problems } = await readAll(LTG, { decoder: 'lbzip2' });
    expect(pages).toHaveLength(1809);
    expect(problems.map((p) => p.code)).toEqual(['read/unreadable-input']);
    expect(problems[0]?.message).toContain('SIGKILL');
  });

  it('should kill the decoder when the reader stops early', async () => {
    // Ten streams of 3.7 MB each: seconds of work for bzip2, so a child left running would show.
    const big = writeTemp('ten.xml.bz2', Buffer.concat(Array.from({ length: 10 }, () => readFileSync(LTG))));
    const counts = emptyCounts();
    for await (const item of readDump(big, { namespaces: 'all', decoder: 'bzip2' }, counts)) if ('title' in item) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const children = execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)]).toString();
    expect(children).not.toMatch(/bzip2/);
  });

  it('should end a child decoder on kill and say it was killed on purpose', async () => {
    const run = runChildDecoder(findOnPath('bzip2') ?? 'bzip2', (async function* () {
      yield readFileSync(LTG);
    })());
    for await (const chunk of run.output) if (chunk.length > 0) break;
    run.kill();
    expect(await run.exit).toMatchObject({ ok: false, killedByUs: true });
  });

  it('should decode a byte range on its own', async () => {
    const xml = Buffer.from('<mediawiki><page><title>A</title><ns>0</ns><revision><text>a</text></revision></page></mediawiki>');
    const packed = spawnSync('bzip2', ['-c'], { input: xml }).stdout;
    const file = writeTemp('range.bin', Buffer.concat([Buffer.from('junk before'), packed, Buffer.from('junk after')]));
    const chunks: Buffer[] = [];
    for await (const item of decompressDump(file, { range: { start: 11, end: 11 + packed.length } })) if (Buffer.isBuffer(item)) chunks.push(item);
    expect(Buffer.concat(chunks).equals(xml)).toBe(true);
  });
});
