import { describe, expect, it } from 'vitest';
import { decodeXmlText, findInvalidUtf8 } from '../../../src/read/dump/xml-text.js';

const decode = (text: string | Buffer): ReturnType<typeof decodeXmlText> => {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return decodeXmlText(bytes, 0, bytes.length);
};

describe('decodeXmlText', () => {
  it('should decode the five predefined entities once each', () => {
    expect(decode('&lt;a&gt; &amp;amp; &quot;q&quot; &apos;s&apos;').text).toBe(`<a> &amp; "q" 's'`);
  });

  it('should decode numeric references and keep references to no character as written', () => {
    expect(decode('&#65;&#x42;&#x1F600;').text).toBe('AB😀');
    expect(decode('&#0; &#xD800; &#x110000; &#99999999; &nbsp; & a;b').text).toBe('&#0; &#xD800; &#x110000; &#99999999; &nbsp; & a;b');
  });

  it('should take CDATA sections literally, entities around them decoded', () => {
    expect(decode('&lt;<![CDATA[&lt;b&gt; ]]>&gt;').text).toBe('<&lt;b&gt; >');
  });

  it('should replace bytes that are not UTF-8 and tell where the first one is', () => {
    const bytes = Buffer.concat([Buffer.from('ok &amp; é'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('!')]);
    expect(decode(bytes)).toEqual({ text: 'ok & é\uFFFD(\uFFFD!', invalidAt: 11 });
  });
});

describe('findInvalidUtf8', () => {
  it('should find overlong, surrogate, truncated and out-of-range sequences', () => {
    expect(findInvalidUtf8(Buffer.from('plain é 😀'))).toBe(-1);
    expect(findInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(findInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(findInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});
