/**
 * Stage 1 of the targeted parser: the brace structure of a masked chunk (templates, their
 * parameters, links that protect `|`) and the root-level lines, found in one linear pass.
 *
 * It follows MediaWiki's preprocessor (as wikiparser-node's `parseBraces` implements it) only for
 * well-formed text: every `{{` closed by `}}`, every `[[` inside a template closed by `]]`, no
 * `{{{…}}}`, no line-start `=` inside a template, and each language-converter block `-{…}-` on one
 * line, closed, with only whole templates and links inside. Anything else is reported as irregular
 * and the caller parses the chunk with wikiparser-node instead, so the two paths never disagree on
 * what a template is.
 *
 * A `-{…}-` block is a pair of the preprocessor (as in MediaWiki): a `|` or `=` inside it does not
 * split or name the parameter of a template around it. With the enwiki configuration there is no
 * variant to convert to, so it is text otherwise (its templates and links are read as usual).
 */

/** One parameter part of a template: `[start, end)` after its `|`, and its first top-level `=`. */
export interface Part {
  start: number;
  end: number;
  /** Index of the first top-level `=`, or -1 (an anonymous parameter). */
  eq: number;
}

/** A template or parser function call found in the chunk. */
export interface Call {
  /** Index of `{{` and one past `}}`. */
  start: number;
  end: number;
  /** The name part: between `{{` and the first top-level `|` (or `}}`). */
  name: { start: number; end: number };
  parts: Part[];
  /** Nesting depth: 0 for a call at the root of the chunk. */
  depth: number;
}

/** A `[[…]]` pair (a link when the later stages accept its target). */
export interface LinkPair {
  start: number;
  end: number;
  /** Index of the first `|` directly inside it, or -1. */
  bar: number;
}

/** What the pass found. */
export interface Structure {
  calls: Call[];
  links: LinkPair[];
  /** Indices of root-level newlines (not inside a template or link). */
  rootNewlines: number[];
  /** Why the chunk must be parsed by wikiparser-node instead, when it must. */
  irregular?: string;
}

interface Frame {
  kind: 'call' | 'link' | 'converter';
  start: number;
  call?: Call;
  link?: LinkPair;
  /** The current part's start (for calls); the name is part 0. */
  partStart: number;
  eq: number;
}

/** The deepest nesting the targeted parser follows; deeper text is parsed by wikiparser-node (which reports it). */
const MAX_DEPTH = 40;

/**
 * Finds the calls and root-level lines of a masked chunk.
 * @param masked the chunk with comments and tags masked (see mask.ts)
 * @returns the calls in order of their start, the root newlines, and whether the chunk is irregular
 */
export function findStructure(masked: string): Structure {
  const calls: Call[] = [];
  const links: LinkPair[] = [];
  const rootNewlines: number[] = [];
  const stack: Frame[] = [];
  const fail = (why: string): Structure => ({ calls, links, rootNewlines, irregular: why });
  const n = masked.length;
  // The only characters that matter; everything between them is skipped by one regex search.
  const special = /[{}[\]|=\n-]/g;
  for (let m = special.exec(masked); m !== null; m = special.exec(masked)) {
    const i = m.index;
    const c = masked[i];
    const top = stack[stack.length - 1];
    if (c === '{' || c === '}' || c === '[' || c === ']') {
      let j = i;
      while (j < n && masked[j] === c) j++;
      const run = j - i;
      special.lastIndex = j;
      if (top?.kind === 'converter' && (c === '}' || c === ']')) {
        // `}-` closes the block; any other closing bracket inside it is left to wikiparser-node, and so
        // is `}-{`: wikiparser-node first pairs the innermost blocks, and may take that `-` for the next one.
        if (c === '}' && run === 1 && masked[j] === '-') {
          if (masked[j + 1] === '{') return fail('`}-{`');
          stack.pop();
          special.lastIndex = j + 1;
          continue;
        }
        if (run > 1 || c === '}') return fail('a closing bracket inside `-{…}-`');
      }
      if (run === 1) continue;
      if (c === '{') {
        if (run !== 2) return fail(`a run of ${run} \`{\``);
        if (stack.length >= MAX_DEPTH) return fail('nesting deeper than the targeted parser follows');
        const call: Call = { start: i, end: -1, name: { start: i + 2, end: -1 }, parts: [], depth: stack.filter((f) => f.kind === 'call').length };
        stack.push({ kind: 'call', start: i, call, partStart: i + 2, eq: -1 });
        calls.push(call);
      } else if (c === '[') {
        if (run !== 2) return fail(`a run of ${run} \`[\``);
        if (stack.length >= MAX_DEPTH) return fail('nesting deeper than the targeted parser follows');
        const link: LinkPair = { start: i, end: -1, bar: -1 };
        links.push(link);
        stack.push({ kind: 'link', start: i, link, partStart: i + 2, eq: -1 });
      } else if (c === ']') {
        if (run !== 2) return fail(`a run of ${run} \`]\``);
        if (top === undefined) continue; // a stray ]] at the root is text
        if (top.kind !== 'link' || top.link === undefined) return fail('`]]` closing a template');
        top.link.end = i + 2;
        stack.pop();
      } else {
        if (run % 2 !== 0) return fail(`a run of ${run} \`}\``);
        for (let k = 0; k < run; k += 2) {
          const t = stack[stack.length - 1];
          if (t === undefined) return fail('`}}` with no template open');
          if (t.kind !== 'call' || t.call === undefined) return fail('`}}` inside an open link');
          closePart(t, i + k);
          t.call.end = i + k + 2;
          stack.pop();
        }
      }
      continue;
    }
    if (c === '-') {
      if (isConverter(masked, i)) {
        if (stack.length >= MAX_DEPTH) return fail('nesting deeper than the targeted parser follows');
        // A block in a template's name makes a name wikiparser-node may not take: its call to read.
        if (top?.kind === 'call' && top.call?.name.end === -1) return fail('`-{` in a template name');
        stack.push({ kind: 'converter', start: i, partStart: i + 2, eq: -1 });
        special.lastIndex = i + 2;
      }
      continue;
    }
    if (top === undefined) {
      if (c === '\n') rootNewlines.push(i);
      continue;
    }
    if (top.kind === 'converter') {
      // `|` and `=` inside the block are its own; a new line is left to wikiparser-node.
      if (c === '\n') return fail('`-{…}-` over two lines');
      continue;
    }
    if (c === '\n') {
      // A line starting with `=` (after comments) inside a call may be a heading; a link over two
      // lines is text again after the brace stage. Both are left to wikiparser-node.
      if (top.kind === 'link') return fail('a link over two lines');
      let j = i + 1;
      while (masked[j] === '\u0001') j++;
      if (masked[j] === '=') return fail('a line starting with `=` inside a template');
    } else if (top.kind === 'link') {
      if (c === '|' && top.link !== undefined && top.link.bar === -1) top.link.bar = i;
    } else {
      if (c === '|') {
        closePart(top, i);
        top.partStart = i + 1;
        top.eq = -1;
      } else if (c === '=' && top.eq === -1 && top.call !== undefined && top.call.name.end !== -1) top.eq = i;
    }
  }
  const open = stack[stack.length - 1]?.kind;
  if (open !== undefined) return fail(open === 'call' ? '`{{` with no closing `}}`' : open === 'link' ? '`[[` with no closing `]]`' : '`-{` with no closing `}-`');
  return { calls, links, rootNewlines };
}

/** `-{` not followed by another `{` opens a language-converter block (`-{{x}}` is a dash and a template). */
function isConverter(masked: string, i: number): boolean {
  return masked[i + 1] === '{' && masked[i + 2] !== '{';
}

/**
 * The deepest nesting of `{{…}}`, `[[…]]` and tables in a masked text, counted by runs (linear, never
 * parses): what decides whether a chunk may be handed to wikiparser-node at all.
 * @param masked the chunk with comments and tags masked
 * @returns the largest number of open pairs at any point
 */
export function nestingDepth(masked: string): number {
  let depth = 0;
  let max = 0;
  // Tables open and close at the start of a line (after spaces): `{|` … `|}`.
  const pairs = /\{\{|\}\}|\[\[|\]\]|^[ \t]*\{\||^[ \t]*\|\}/gm;
  for (let m = pairs.exec(masked); m !== null; m = pairs.exec(masked)) {
    const c = m[0];
    if (c === '{{' || c === '[[' || c.endsWith('{|')) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (depth > 0) depth -= 1;
  }
  return max;
}

function closePart(frame: Frame, at: number): void {
  const call = frame.call;
  if (call === undefined) return;
  if (call.name.end === -1) call.name.end = at;
  else call.parts.push({ start: frame.partStart, end: at, eq: frame.eq });
}
