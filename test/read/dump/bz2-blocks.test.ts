import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BitReader, decodeBlock, findBlockStarts, findStreamStarts, OutOfInput } from '../../../src/read/dump/bz2-blocks.js';

const text = Buffer.from(Array.from({ length: 30_000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join(''));
const packed = Buffer.from(spawnSync('bzip2', ['-1', '-c'], { input: text }).stdout);

describe('bzip2 blocks', () => {
  it('should find the blocks at any bit and decode each on its own', () => {
    const starts = findBlockStarts(packed);
    expect(starts.length).toBeGreaterThan(3);
    expect(starts[0]).toBe(32);
    const parts = starts.map((at) => decodeBlock(new BitReader(packed, Math.floor(at / 8), at % 8)));
    expect(Buffer.concat(parts).equals(text)).toBe(true);
  });

  it('should tell a cut block from a damaged one', () => {
    const [first = 0, second = 0] = findBlockStarts(packed);
    const cut = packed.subarray(0, Math.floor(second / 8) - 100);
    expect(() => decodeBlock(new BitReader(cut, first / 8, 0))).toThrow(OutOfInput);
    const damaged = Buffer.from(packed);
    damaged[2000] = (damaged[2000] ?? 0) ^ 0xff;
    let error: unknown;
    try {
      decodeBlock(new BitReader(damaged, first / 8, 0));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OutOfInput);
  });

  it('should find stream starts of concatenated streams', () => {
    expect(findStreamStarts(Buffer.concat([packed, packed]))).toEqual([0, packed.length]);
  });
});
