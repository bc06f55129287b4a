/**
 * A multistream dump read in parallel: its bzip2 streams (from the index next to it, or found by
 * scanning for stream headers) are grouped into byte ranges of about {@link GROUP_BYTES}, and up to
 * `concurrency` ranges are decoded at once, each by its own decoder process; pages come out in
 * file order, so the run writes the same bytes as from the plain form of the dump.
 */
import { stat } from 'node:fs/promises';
import { findMultistreamIndex, isMultistream, listBz2Streams, readDumpNamespaces, readDumpStream, readMultistreamIndex, streamRanges } from '../read/dump/multistream.js';
import { emptyCounts, type ByteRange, type DumpCounts, type DumpPage, type DumpProblem, type DumpReadOptions } from '../read/dump/types.js';

/**
 * Compressed bytes decoded by one process. A process per 100-page stream would start 60,000
 * processes for the English dump; 16 MB (about 80 MB of XML) keeps start-up negligible and still
 * gives every core a range to decode, with a bounded read-ahead (concurrency × 16 MB).
 */
export const GROUP_BYTES = 16 * 1024 * 1024;

/** The ranges of a multistream dump, when it is one. */
export interface MultistreamPlan {
  header: ByteRange;
  ranges: ByteRange[];
  size: number;
  problems: DumpProblem[];
}

/**
 * Plans the parallel read of a dump, if it is a multistream dump.
 * @param path the dump
 * @param groupBytes compressed bytes per range
 * @returns the ranges, or undefined for a dump read in one piece
 */
export async function planMultistream(path: string, groupBytes = GROUP_BYTES): Promise<MultistreamPlan | undefined> {
  if (!(await isMultistream(path))) return undefined;
  const size = (await stat(path)).size;
  const indexPath = await findMultistreamIndex(path);
  const index = indexPath === undefined ? undefined : await readMultistreamIndex(path, indexPath);
  let header: ByteRange;
  let streams: ByteRange[];
  const problems: DumpProblem[] = [];
  if (index !== undefined && 'streams' in index) {
    ({ header, streams } = index);
    problems.push(...index.problems);
  } else {
    if (index !== undefined) problems.push(index);
    ({ header, streams } = streamRanges(await listBz2Streams(path), size));
  }
  if (streams.length === 0) return undefined;
  const ranges: ByteRange[] = [];
  for (const s of streams) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.end === s.start && s.end - last.start <= groupBytes) last.end = s.end;
    else ranges.push({ start: s.start, end: s.end });
  }
  return { header, ranges, size, problems };
}

/**
 * Reads the planned ranges, `concurrency` at a time, yielding their pages in file order.
 * @param path the dump
 * @param plan from {@link planMultistream}
 * @param options what to read
 * @param counts filled in as each range is yielded (they add up as for the plain form)
 * @param concurrency ranges decoded at once
 * @param onRange called after each range with the fraction of the file read
 * @returns pages and problems in file order
 */
export async function* readMultistream(
  path: string,
  plan: MultistreamPlan,
  options: DumpReadOptions,
  counts: DumpCounts,
  concurrency: number,
  onRange?: (fraction: number) => void,
): AsyncGenerator<DumpPage | DumpProblem> {
  yield* plan.problems;
  const { namespaces, problems } = await readDumpNamespaces(path, plan.header, options.decoder);
  yield* problems;
  const read = async (range: ByteRange): Promise<{ items: (DumpPage | DumpProblem)[]; counts: DumpCounts }> => {
    const own = emptyCounts();
    const items: (DumpPage | DumpProblem)[] = [];
    for await (const item of readDumpStream(path, range, options, own, namespaces)) items.push(item);
    return { items, counts: own };
  };
  const pending: Promise<{ items: (DumpPage | DumpProblem)[]; counts: DumpCounts }>[] = [];
  let next = 0;
  const fill = (): void => {
    while (pending.length < Math.max(1, concurrency) && next < plan.ranges.length) {
      const range = plan.ranges[next++];
      if (range !== undefined) pending.push(read(range));
    }
  };
  fill();
  for (let i = 0; pending.length > 0; i++) {
    const done = await pending.shift();
    fill();
    if (done === undefined) continue;
    for (const key of Object.keys(counts) as (keyof DumpCounts)[]) counts[key] += done.counts[key];
    yield* done.items;
    onRange?.(((plan.ranges[i]?.end ?? plan.size) - plan.header.start) / plan.size);
  }
}
