// unbzip2-stream ships no types. Its lib/bzip2.js decodes one block at a time from a bit reader;
// the dump reader uses it through bz2-blocks.ts only.
declare module 'unbzip2-stream/lib/bzip2.js' {
  /** Reads n bits (null: skip to the next byte). */
  type Bits = (n: number | null) => number;
  interface Bzip2 {
    /** Reads a stream header (`BZh1`-`BZh9`), allocating the decoder's tables; returns the level. */
    header(bits: Bits): number;
    /** Decodes one block to `stream`, byte by byte; returns the running stream CRC, or null at the end of the stream. */
    decompress(bits: Bits, stream: (byte: number) => void, buf: Int32Array, bufsize: number, streamCRC: number): number | null;
  }
  const bzip2: Bzip2;
  export default bzip2;
}
