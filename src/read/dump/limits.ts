/**
 * Sizes the dump reader caps, each with the reason for its value. They live here, beside the
 * reader, until they move to `src/limits.ts`; hitting one gives a problem naming the place
 * (never a crash, a hang or a silent cut).
 */

/**
 * The largest `<page>` element buffered whole, in bytes of XML. Wikimedia caps a revision's text
 * at 2 MiB (`$wgMaxArticleSize`); XML escaping can at worst multiply it by 6 (`"` → `&quot;`), so
 * one revision of the largest page is under 13 MiB. Doubled for a few revisions and the metadata.
 * A larger page is reported and skipped while its bytes stream past (history dumps of very long
 * pages are out of reach: read a pages-articles dump).
 */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

/** Bytes kept from the start of a skipped or cut page, to name it (title, ns and id come first). */
export const PAGE_HEAD_BYTES = 64 * 1024;

/**
 * The largest prolog (`<mediawiki>` + `<siteinfo>` before the first page) read for namespaces.
 * The siteinfo of the largest wikis is about 30 KB; more is not a dump header.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** Characters of junk quoted in a problem message, so a message stays one readable sentence. */
export const MAX_QUOTE_CHARS = 60;

/**
 * Bytes of decompressed output held back from an unverifying decoder (`bzip2 -dc`, which writes a
 * block before checking its CRC). A bzip2 block holds at most 900,000 bytes before its run-length
 * pass; wikitext rarely grows more than 4× through that pass, so 4 MiB covers a whole block.
 */
export const HOLD_BACK_BYTES = 4 * 1024 * 1024;

/**
 * Compressed bytes searched backwards from the point a system decoder stopped, to find the last
 * block it delivered. lbzip2 and pbzip2 keep a few blocks per core in flight (about 1 MB each);
 * 32 MiB covers dozens of cores. Standard input keeps this many recent compressed bytes in memory.
 */
export const RECOVERY_WINDOW_BYTES = 32 * 1024 * 1024;

/** Decompressed bytes remembered to match a recovered block against what was already delivered. */
export const RECOVERY_TAIL_BYTES = 8 * 1024 * 1024;

/** Bytes of a decoded block compared with the delivered output: long enough never to match by chance. */
export const RECOVERY_NEEDLE_BYTES = 64 * 1024;

/**
 * Compressed bytes read ahead before the JS decoder starts a block. A bzip2 block holds at most
 * 900,000 bytes before compression and Huffman coding can only grow incompressible data by a few
 * percent; the decoder reads more and retries when a block is longer.
 */
export const BZ2_BLOCK_LOOKAHEAD = 1_200_000;

/** Characters of a decoder's standard error kept for the problem message. */
export const MAX_STDERR_CHARS = 2000;

/** The longest line of a multistream index (`offset:id:title`; titles are at most 255 bytes). */
export const MAX_INDEX_LINE_BYTES = 4096;

/** Compressed bytes scanned for a second bzip2 stream to tell a multistream dump without its index. */
export const MULTISTREAM_SNIFF_BYTES = 16 * 1024 * 1024;
