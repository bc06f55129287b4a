/**
 * The MediaWiki dump reader: a dump file (plain, bzip2 or gzip; whole, a byte range, or standard
 * input) → its pages in scope, in dump order, with problems as data and counts that add up.
 * Fast (a system bzip2 decoder and a byte scan; out-of-scope pages are never decoded), lossless
 * (damaged bzip2 blocks cost only their own pages), bounded (the caps of limits.ts).
 * Emits: read/malformed-xml, read/malformed-page, read/invalid-utf8, read/damaged-bz2,
 * read/nested-page, read/entity-declaration, read/unreadable-input, internal/bug.
 */
export { readDump } from './pages.js';
export { decompressDump, detectFormat, pickDecoder, type DecompressOptions, type DumpFormat } from './decompress.js';
export {
  findMultistreamIndex,
  indexCandidates,
  isMultistream,
  listBz2Streams,
  readDumpNamespaces,
  readDumpStream,
  readMultistreamIndex,
  streamRanges,
  type DumpStreamRange,
  type MultistreamIndex,
} from './multistream.js';
export {
  emptyCounts,
  isDumpProblem,
  type ByteRange,
  type DecoderChoice,
  type DumpCounts,
  type DumpInput,
  type DumpPage,
  type DumpProblem,
  type DumpProblemCode,
  type DumpReadOptions,
} from './types.js';
