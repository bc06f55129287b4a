/**
 * Turns the raw bytes of one XML text field into a string: UTF-8 checked by a fatal validator
 * (bad bytes become U+FFFD, as the WHATWG decoder replaces them, and their place is returned),
 * the five predefined entities and numeric character references decoded, CDATA sections taken
 * literally. Other entity references are left as written: DOCTYPE entities are never expanded.
 */
import { isUtf8 } from 'node:buffer';

/** A decoded field, and where its first byte that is not UTF-8 is, if any. */
export interface DecodedText {
  text: string;
  /** Index (in the bytes given) of the first byte that is not UTF-8. */
  invalidAt?: number;
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const AMP = 0x26;
const SEMICOLON = 0x3b;
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
/** The longest entity reference decoded: `&#x10FFFF;` and `&#1114111;` are 10 bytes. */
const MAX_ENTITY = 10;
const NAMED: ReadonlyArray<readonly [Buffer, number]> = [
  [Buffer.from('lt'), 0x3c],
  [Buffer.from('gt'), 0x3e],
  [Buffer.from('amp'), 0x26],
  [Buffer.from('quot'), 0x22],
  [Buffer.from('apos'), 0x27],
];
/** Reused output of entity decoding; the string is copied out of it at once. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The character a reference `&…;` between these bytes stands for, or undefined to keep it as written. */
function referenced(bytes: Buffer, amp: number, semicolon: number): string | number | undefined {
  const length = semicolon - amp - 1;
  for (const [name, byte] of NAMED) {
    if (name.length !== length) continue;
    let i = 0;
    while (i < length && name[i] === bytes[amp + 1 + i]) i += 1;
    if (i === length) return byte;
  }
  if (bytes[amp + 1] !== 0x23 || length < 2) return undefined;
  const hex = bytes[amp + 2] === 0x78;
  const digits = bytes.toString('latin1', amp + (hex ? 3 : 2), semicolon);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  // A reference to no character (NUL, a surrogate, past U+10FFFF) is not XML: keep it as written.
  if (code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
  return String.fromCodePoint(code);
}

/** Copies escaped bytes to `scratch` at `n`, entities decoded; returns the new length. */
function unescapeInto(bytes: Buffer, from: number, to: number, n: number): number {
  let out = n;
  let last = from;
  for (let amp = bytes.indexOf(AMP, from); amp !== -1 && amp < to; amp = bytes.indexOf(AMP, amp + 1)) {
    let semicolon = -1;
    for (let i = amp + 1; i < to && i <= amp + MAX_ENTITY; i++) {
      if (bytes[i] === SEMICOLON) {
        semicolon = i;
        break;
      }
    }
    const value = semicolon === -1 ? undefined : referenced(bytes, amp, semicolon);
    if (value === undefined) continue;
    out += bytes.copy(scratch, out, last, amp);
    if (typeof value === 'number') scratch[out++] = value;
    else out += scratch.write(value, out);
    last = semicolon + 1;
  }
  return out + bytes.copy(scratch, out, last, to);
}

/**
 * Finds the first byte that is not part of a valid UTF-8 sequence.
 * @param bytes the bytes
 * @returns its index, or -1 when all are valid
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? lower : 0x80) || next > (k === 1 ? upper : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes the content of an XML text field.
 * @param bytes bytes holding it
 * @param start where its content starts
 * @param end where it ends
 * @returns the string, and where the first byte that is not UTF-8 is (relative to `start`)
 */
export function decodeXmlText(bytes: Buffer, start: number, end: number): DecodedText {
  const raw = bytes.subarray(start, end);
  // Checked on the raw bytes: references are ASCII, so the raw bytes are UTF-8 when the text is.
  const invalidAt = isUtf8(raw) ? -1 : Math.max(0, findInvalidUtf8(raw));
  let plain = raw;
  if (raw.indexOf(AMP) !== -1 || raw.indexOf(CDATA_OPEN) !== -1) {
    // Entities and CDATA: decoded byte by byte into scratch (no string per piece).
    if (scratch.length < raw.length) scratch = Buffer.allocUnsafe(raw.length * 2);
    let n = 0;
    let at = 0;
    for (let open = raw.indexOf(CDATA_OPEN); open !== -1; open = raw.indexOf(CDATA_OPEN, at)) {
      n = unescapeInto(raw, at, open, n);
      const close = raw.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
      const stop = close === -1 ? raw.length : close;
      n += raw.copy(scratch, n, open + CDATA_OPEN.length, stop);
      at = close === -1 ? raw.length : close + CDATA_CLOSE.length;
    }
    n = unescapeInto(raw, at, raw.length, n);
    plain = scratch.subarray(0, n);
  }
  if (invalidAt === -1) return { text: plain.toString('utf8') };
  return { text: lenient.decode(plain), invalidAt };
}
