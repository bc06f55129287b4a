// unbzip2-stream ships no types: a through-stream (streams v1) that turns bzip2 bytes into bytes.
declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  export default function unbzip2(): Duplex;
}
