/**
 * Plain text of a wikitext node: what a reader sees, not what `text()` gives. Links become their
 * label, refs, comments, files and categories are dropped, bold/italic quotes vanish, a short list
 * of wrapper templates keeps one argument, other templates are dropped, entities are decoded.
 */
import type { AstNodes, Token } from 'wikiparser-node';
import type { Link } from '../types/index.js';

/** Wrapper templates whose text is one of their arguments (normalised name → argument). */
const KEEP_ARGUMENT: Readonly<Record<string, string>> = {
  'Template:Score_link': '2',
  'Template:Nowrap': '1',
  'Template:Nobr': '1',
  'Template:Sort': '2',
  'Template:Small': '1',
  'Template:Big': '1',
  'Template:Abbr': '1',
  'Template:Tooltip': '1',
  'Template:Nobold': '1',
  'Template:Noitalic': '1',
  'Template:Lang': '2',
};

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', ndash: '–', mdash: '—', minus: '−', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  thinsp: ' ', ensp: ' ', emsp: ' ', hellip: '…', middot: '·', times: '×', shy: '', zwj: '', zwnj: '',
};

/**
 * Decodes HTML character references the way a browser would for the common cases.
 * @param s text with entities
 * @returns decoded text (unknown names are left as written)
 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Normalises a link target as MediaWiki does for comparison: underscores are spaces, runs of space
 * collapse, the first letter is upper case, a #fragment-only target stays as written.
 * @param target the raw target
 * @returns the normalised page title
 */
export function normaliseLinkTarget(target: string): string {
  const t = decodeEntities(target).replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length === 0 ? t : t[0]!.toUpperCase() + t.slice(1);
}

/** Plain text and links of a node. */
export interface PlainText {
  text: string;
  links: Link[];
}

/**
 * Computes the plain text of a node.
 * @param node a wikiparser-node node (usually a parameter value)
 * @returns the collapsed plain text and the wikilinks it holds
 */
export function plainText(node: AstNodes): PlainText {
  const links: Link[] = [];
  const raw = walk(node, links);
  return { text: decodeEntities(raw).replace(/[\s\u00a0]+/g, ' ').trim(), links };
}

/** `{{Start date|2020|7|2}}` → `2020-07-02` (as far as the parts go). */
function startDate(t: Token & { getArg(key: string): Token | undefined }): string {
  const part = (k: string): string => String(t.getArg(k)?.lastChild ?? '').trim();
  const [y, m, d] = [part('1'), part('2'), part('3')];
  if (!/^\d{4}$/.test(y)) return '';
  return [y, m, d].filter((x) => /^\d{1,2}$|^\d{4}$/.test(x)).map((x, i) => (i === 0 ? x : x.padStart(2, '0'))).join('-');
}

function walk(n: AstNodes, links: Link[]): string {
  const kids = (): string => (n as Token).childNodes.map((c) => walk(c as AstNodes, links)).join('');
  switch (n.type) {
    case 'text':
      return n.data;
    case 'comment':
    case 'ext':
    case 'quote':
    case 'category':
    case 'file':
    case 'gallery-image':
    case 'imagemap-image':
    case 'magic-word':
    case 'include':
    case 'noinclude':
    case 'double-underscore':
    case 'hr':
    case 'arg':
    case 'table':
      return '';
    case 'html':
      return (n as Token & { name: string }).name === 'br' ? ' ' : '';
    case 'link': {
      const target = (n as Token).firstChild;
      const label = (n as Token).childNodes[1];
      const labelText = label === undefined ? walk(target as AstNodes, []) : walk(label as AstNodes, []);
      const targetText = String(target ?? '').trim();
      if (targetText.length > 0 && !targetText.startsWith('#')) {
        links.push({ target: normaliseLinkTarget(targetText.split('#')[0] ?? targetText), label: decodeEntities(labelText).trim() });
      }
      return labelText;
    }
    case 'ext-link': {
      const label = (n as Token).childNodes[1];
      return label === undefined ? '' : walk(label as AstNodes, links);
    }
    case 'free-ext-link':
    case 'magic-link':
      return '';
    case 'template': {
      const t = n as Token & { name: string; getArg(key: string): Token | undefined };
      if (t.name === 'Template:Start_date' || t.name === 'Template:Start_date_and_age') return startDate(t);
      if (t.name === 'Template:Sortname') return ['1', '2'].map((k) => String(t.getArg(k)?.lastChild ?? '').trim()).filter(Boolean).join(' ');
      const key = KEEP_ARGUMENT[t.name];
      const arg = key === undefined ? undefined : t.getArg(key);
      return arg?.lastChild === undefined ? '' : walk(arg.lastChild as AstNodes, links);
    }
    default:
      return kids();
  }
}
