/**
 * What extractors see of the parse tree: templates and #invoke calls as plain data (name,
 * parameters with raw text, plain text, links and spans, section path). Nothing here leaks
 * wikiparser-node types, so extractors never import it.
 */
import type { AstNodes, Token } from 'wikiparser-node';
import type { Link, Span } from '../types/index.js';
import type { Locator } from './position.js';
import { plainText } from './plain-text.js';

/** One parameter of a template, as written and as read. */
export interface ParamView {
  /** The key as MediaWiki reads it (trimmed; anonymous ones are '1', '2', …). */
  name: string;
  anonymous: boolean;
  /** The value's wikitext, trimmed. */
  raw: string;
  text: string;
  links: Link[];
  /** Span of the trimmed raw value (an empty value: where it would be). */
  span: Span;
  /** Span of the whole `name=value` parameter. */
  paramSpan: Span;
}

/** A template or #invoke call. */
export interface TemplateView {
  /** The name as the parser gives it: `Template:Infobox_football_league_season`, `Module:Sports_table`. */
  rawName: string;
  isInvoke: boolean;
  /** For #invoke: the function name (`main`). */
  functionName?: string;
  span: Span;
  /** Virtual start offset, to order templates and find their section. */
  offset: number;
  section: string[];
  recovered: boolean;
  /** Parameters in source order, duplicates included. */
  params: ParamView[];
  /** Last value of each key (MediaWiki semantics). */
  byName: ReadonlyMap<string, ParamView>;
  /** Keys given more than once, with every occurrence. */
  duplicates: ReadonlyMap<string, ParamView[]>;
  /** The call as written. */
  raw: string;
  /** The text of an HTML comment right before the call (`<!-- Hapoel Acre --> {{fb r …}}`). */
  precedingComment?: string;
}

type ParameterToken = Token & { name: string; anon: boolean; lastChild: Token };
type TranscludeLike = Token & {
  name: string;
  getAllArgs(): ParameterToken[];
  getModule(): [string, string | undefined];
};

/**
 * Builds the view of one template or #invoke node.
 * @param node the transclusion node
 * @param base virtual offset of the chunk the node was parsed in
 * @param locator virtual → file spans
 * @returns the view, with `section` and `recovered` still to fill
 */
export function viewTemplate(node: Token, base: number, locator: Locator): Omit<TemplateView, 'section' | 'recovered'> {
  const t = node as TranscludeLike;
  const isInvoke = t.type === 'magic-word';
  const start = base + t.getAbsoluteIndex();
  const raw = String(t);
  const params: ParamView[] = [];
  // Each argument is found right after the `|` that ends the one before: asking the parser for
  // each argument's index sums its earlier siblings every time (quadratic in their number).
  let cursor: number | undefined;
  for (const arg of t.getAllArgs()) {
    const value = arg.lastChild;
    const rawValue = String(value);
    const trimmed = rawValue.trim();
    const written = String(arg);
    const at = cursor !== undefined && raw.charAt(cursor) === '|' && raw.startsWith(written, cursor + 1) ? cursor + 1 : arg.getAbsoluteIndex() - (start - base);
    cursor = at + written.length;
    const argStart = start + at;
    // An empty value is where it would be written: right after `=`, not past the line end.
    const lead = trimmed.length === 0 ? 0 : rawValue.length - rawValue.trimStart().length;
    const valueStart = argStart + arg.getRelativeIndex(arg.childNodes.length - 1) + lead;
    const { text, links } = plainText(value as unknown as AstNodes);
    params.push({
      name: arg.anon ? arg.name : arg.name.trim(),
      anonymous: arg.anon,
      raw: trimmed,
      text,
      links,
      span: locator.span(valueStart, valueStart + trimmed.length),
      paramSpan: locator.span(argStart, argStart + written.length),
    });
  }
  const { byName, duplicates } = indexParams(params);
  const [moduleName, functionName] = isInvoke ? t.getModule() : [t.name, undefined];
  const comment = precedingComment(t);
  return {
    rawName: moduleName,
    isInvoke,
    ...(functionName === undefined ? {} : { functionName }),
    span: locator.span(start, start + raw.length),
    offset: start,
    raw,
    params,
    byName,
    duplicates,
    ...(comment === undefined ? {} : { precedingComment: comment }),
  };
}

/**
 * The comment just before a node, across white space only. wikiparser-node's tree may hold that
 * comment at the end of the previous node (a heading's trail, a free link's tail): it is looked for
 * there too, as the text before the node reads.
 */
function precedingComment(node: Token): string | undefined {
  const skipBlank = (n: AstNodes | undefined): AstNodes | undefined => {
    let at = n;
    while (at !== undefined && at.type === 'text' && String(at).trim().length === 0) at = at.previousSibling;
    return at;
  };
  let prev = skipBlank(node.previousSibling);
  while (prev !== undefined && prev.type !== 'text' && prev.type !== 'comment' && prev.childNodes.length > 0 && String(prev).trimEnd().endsWith('-->')) prev = skipBlank(prev.lastChild);
  if (prev?.type === 'text') {
    const m = /<!--([\s\S]*?)-->\s*$/.exec(String(prev));
    return m?.[1]?.trim();
  }
  return prev?.type === 'comment' ? String(prev).replace(/^<!--|-->$/g, '').trim() : undefined;
}

/**
 * Indexes parameters by name: the last value of each key wins (MediaWiki), and keys given more than
 * once keep every occurrence. Linear in the number of parameters, however often a name repeats.
 * @param params the parameters in source order
 * @returns the last of each name, and the repeated names with every occurrence
 */
export function indexParams(params: readonly ParamView[]): { byName: Map<string, ParamView>; duplicates: Map<string, ParamView[]> } {
  const byName = new Map<string, ParamView>();
  const seen = new Map<string, ParamView[]>();
  for (const p of params) {
    byName.set(p.name, p);
    const list = seen.get(p.name);
    if (list === undefined) seen.set(p.name, [p]);
    else list.push(p);
  }
  return { byName, duplicates: new Map([...seen].filter(([, list]) => list.length > 1)) };
}

/**
 * A call as a module that reads its wrapper's arguments first sees it (Module:Arguments' getArgs
 * with `parentFirst`, as Module:Sports table does): each argument the page's caller gives that is
 * not blank after trimming replaces the call's own of that name, or is added; a blank one leaves
 * the call's own. The caller's parameters keep their spans (in the caller's page).
 * @param view the #invoke call on a transcluded page
 * @param parent the arguments of the call that transcludes the page
 * @returns the view with the caller's arguments applied (the same view when there are none)
 */
export function withParentArgs<T extends TemplateView>(view: T, parent: readonly ParamView[]): T {
  // MediaWiki drops comments before a module sees the value.
  const given = parent.filter((p) => p.raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim().length > 0);
  if (given.length === 0) return view;
  const names = new Set(given.map((p) => p.name));
  const params = [...view.params.filter((p) => !names.has(p.name)), ...given];
  return { ...view, params, ...indexParams(params) };
}
