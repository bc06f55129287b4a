/**
 * Reads a MediaWiki XML dump page by page: a path (`.xml`, `.xml.bz2`, `.xml.gz`, told by their
 * first bytes), a byte range of one (a stream of a multistream dump, which has no root element),
 * or a stream such as standard input. Decompression runs in a system decoder when there is one
 * (decompress.ts); pages are split by scanning bytes (splitter.ts); the caller's pre-filter sees
 * each candidate's raw text bytes before anything is decoded (page-reader.ts). Memory stays
 * bounded by the caps of limits.ts whatever the input. Nothing here throws: every fault of the
 * input is a problem yielded in dump order, after the pages read before it.
 * Emits: read/malformed-xml, read/malformed-page, read/invalid-utf8, read/damaged-bz2,
 * read/nested-page, read/entity-declaration, read/unreadable-input, internal/bug.
 */
import { decompressDump } from './decompress.js';
import { PageReader } from './page-reader.js';
import { PageSplitter, type SplitEvent } from './splitter.js';
import type { DumpCounts, DumpInput, DumpPage, DumpProblem, DumpReadOptions } from './types.js';

/**
 * Streams the pages of a dump, in dump order.
 * @param input a path, or a stream of the dump's bytes
 * @param options namespaces, redirects, pre-filter, decoder, byte range, abort signal
 * @param counts filled in as pages go by; they always add up (see {@link DumpCounts})
 * @returns the pages in scope, and problems, in dump order
 */
export async function* readDump(input: DumpInput, options: DumpReadOptions, counts: DumpCounts): AsyncGenerator<DumpPage | DumpProblem> {
  const splitter = new PageSplitter();
  const reader = new PageReader(options, counts);
  const decoderOptions = {
    ...(options.decoder === undefined ? {} : { decoder: options.decoder }),
    ...(options.range === undefined ? {} : { range: options.range }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onPosition === undefined ? {} : { onPosition: options.onPosition }),
  };
  let offset = 0;
  const out: (DumpPage | DumpProblem)[] = [];
  try {
    for await (const item of decompressDump(input, decoderOptions)) {
      if (options.signal?.aborted === true) return;
      let events: SplitEvent[];
      if (Buffer.isBuffer(item)) {
        offset += item.length;
        options.onBytes?.(item.length);
        events = splitter.push(item);
      } else if (item.code === 'read/damaged-bz2' || item.code === 'read/malformed-xml') {
        // Bytes are missing here: the page being read is cut.
        events = splitter.damage(item);
      } else {
        if (item.code === 'read/unreadable-input') reader.markUnreadable();
        yield item;
        continue;
      }
      for (const event of events) reader.handle(event, out);
      // Events hold views of this chunk: all are handled before the next one is read.
      yield* out;
      out.length = 0;
    }
    if (options.signal?.aborted === true) return;
    for (const event of splitter.end()) reader.handle(event, out);
    yield* out;
  } catch (error) {
    const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
    yield { code: 'internal/bug', message: `Unexpected error in the dump reader (${why.split('\n').slice(0, 3).join(' ')}), expected none; the pages before it were read`, offset };
  }
}
