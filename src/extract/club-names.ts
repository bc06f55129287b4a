/**
 * Page titles and club names compared as a reader would: a link target as MediaWiki resolves it
 * (first letter case-insensitive, `_` = space, anchor dropped, `%xx` decoded, invisible marks and
 * odd spaces removed), and a club's name without its legal form or common designator — "FC",
 * "F.C.", "CF", "Fútbol Club", "Calcio", "SV", "S.A.D.", a founding year — which clubs, redirects
 * and editors add or drop freely ("Caracas FC" = "Caracas Fútbol Club", "Reggina Calcio" =
 * "Reggina 1914"). Words that make another team of the same club (B, II, Castilla, Women, U21…)
 * are never dropped.
 */
import { remember, teamNameKey } from './team-identity.js';

/** How two link titles of one club relate, from the strongest to the weakest evidence. */
export type TitleRelation = 'same' | 'redirect' | 'legal-form';

/**
 * Designators dropped at either end of a name, as lower-case words without diacritics or dots,
 * by language. A phrase is a run of words. Too short to be names on their own, each is a
 * designator wherever clubs are named this way; none of them makes a different team.
 */
const AFFIXES: readonly string[] = [
  // English
  'fc', 'afc', 'sc', 'ac', 'football club', 'association football club', 'soccer club', 'club', 'plc', 'ltd', 'inc', 'llc',
  // Spanish
  'cf', 'cd', 'ud', 'sd', 'rcd', 'ca', 'ad', 'cp', 'sad', 'sa', 'futbol club', 'club de futbol', 'club deportivo',
  'sociedad anonima deportiva',
  // Portuguese
  'ec', 'se', 'cr', 'clube', 'futebol clube', 'esporte clube', 'sport clube', 'sport club', 'clube de regatas',
  // Italian
  'calcio', 'as', 'ss', 'ssc', 'us', 'acf', 'uc', 'asd', 'ssd', 'spa', 'srl', 'associazione calcio', 'unione sportiva',
  'societa sportiva',
  // French and Belgian
  'ogc', 'rc', 'aj', 'sco', 'sasp', 'kv', 'krc', 'rsc', 'kaa', 'ksv', 'kvc',
  // German and Dutch
  'sv', 'vfb', 'vfl', 'tsg', 'tsv', 'fsv', 'ssv', 'sg', 'spvgg', 'bsc', 'kfc', 'ev', 'ag', 'gmbh', 'kgaa', 'gmbh co kgaa', 'vv', 'nv', 'bv',
  // Nordic
  'ff', 'if', 'bk', 'ik', 'il', 'fk', 'sk', 'boldklub', 'fotballklubb', 'fotbollsklubb',
  // Central and Eastern Europe, Balkans, Turkey, Greece
  'nk', 'hnk', 'gnk', 'pfc', 'mfk', 'ofk', 'pfk', 'ks', 'mks', 'kf', 'cs', 'acs', 'jk', 'pae', 'klub',
];

const PHRASES = [...AFFIXES].map((a) => a.split(' ')).sort((a, b) => b.length - a.length);

/**
 * Normalises a link target as MediaWiki resolves a title.
 * @param title a link target ("caracas_FC#History", "Estudiantes%20de%20M%C3%A9rida")
 * @returns the title key ("Caracas FC", "Estudiantes de Mérida")
 */
export function pageTitleKey(title: string): string {
  let t = title;
  // The parser decodes %xx in link targets; a malformed escape stays as written.
  if (t.includes('%')) {
    try {
      t = decodeURIComponent(t);
    } catch {
      // kept as written
    }
  }
  const hash = t.indexOf('#');
  if (hash !== -1) t = t.slice(0, hash);
  t = t
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
    .replace(/[\s_\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ')
    .trim()
    .normalize('NFC');
  if (t.startsWith(':')) t = t.slice(1).trim();
  const first = t.codePointAt(0);
  if (first === undefined) return t;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + t.slice(head.length);
}

/**
 * A club name as comparison words: lower case, no diacritics, no dots (so "F.C." is "fc"),
 * other punctuation as spaces.
 * @param name a title or display name
 * @returns its words
 */
export function clubWords(name: string): string[] {
  const key = teamNameKey(name.replace(/\./g, ''));
  return key.length === 0 ? [] : key.split(' ');
}

/**
 * The core of a club name: its words without the designators and founding years at either end
 * (and the "1." of "1. FC"), e.g. "Ascoli Calcio 1898 FC" → "ascoli", "Estudiantes de Mérida
 * Fútbol Club" → "estudiantes de merida".
 * @param name a title or display name
 * @returns the core words joined by spaces ('' when nothing but designators)
 */
export function clubNameCore(name: string): string {
  let core = CORES.get(name);
  if (core === undefined) remember(CORES, name, (core = computeCore(name)));
  return core;
}

/** Cores of names already seen (see teamNameKey). */
const CORES = new Map<string, string>();

function computeCore(name: string): string {
  const words = clubWords(name);
  let start = 0;
  let end = words.length;
  const phraseAt = (i: number, forward: boolean): number => {
    for (const p of PHRASES) {
      const from = forward ? i : i - p.length;
      if (from < start || from + p.length > end) continue;
      if (p.every((w, k) => words[from + k] === w)) return p.length;
    }
    return 0;
  };
  const isYear = (w: string | undefined): boolean => w !== undefined && /^(18|19|20)\d\d$/.test(w);
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const front = phraseAt(start, true);
    const back = phraseAt(end, false);
    if (front > 0 && start + front < end) [start, changed] = [start + front, true];
    else if (back > 0 && end - back > start) [end, changed] = [end - back, true];
    else if (isYear(words[end - 1]) && end - 1 > start) [end, changed] = [end - 1, true];
    else if ((isYear(words[start]) || words[start] === '1') && start + 1 < end) [start, changed] = [start + 1, true];
  }
  return words.slice(start, end).join(' ');
}

/**
 * Resolves a title through a redirect map (a few hops, cycles stopped).
 * @param title a title key
 * @param redirects title → target, keys as a dump writes titles (the form pageTitleKey gives)
 * @returns the final target
 */
export function resolveTitle(title: string, redirects: ReadonlyMap<string, string> | undefined): string {
  let t = title;
  for (let hop = 0; hop < 5 && redirects !== undefined; hop++) {
    const next = redirects.get(t);
    if (next === undefined || pageTitleKey(next) === t) break;
    t = pageTitleKey(next);
  }
  return t;
}

/**
 * Tells how two link targets of mentions already known to be one team relate: the same page, a
 * redirect of the other (when a redirect map is given), or the same name but for its legal form
 * or year. One name inside another ("Ascoli" in "Ascoli Picchio") is not enough: "Milan" is in
 * "Inter Milan" too, and a link to the wrong club is exactly what an editor wants to hear about.
 * @param a one link target
 * @param b another link target
 * @param redirects optional redirect map (title key → target title key)
 * @returns the relation, or undefined when the titles name different pages for all we know
 */
export function relateTitles(a: string, b: string, redirects?: ReadonlyMap<string, string>): TitleRelation | undefined {
  const [ka, kb] = [pageTitleKey(a), pageTitleKey(b)];
  if (ka === kb) return 'same';
  if (resolveTitle(ka, redirects) === resolveTitle(kb, redirects)) return 'redirect';
  const [ca, cb] = [clubNameCore(ka), clubNameCore(kb)];
  return ca.length > 0 && ca === cb ? 'legal-form' : undefined;
}

/**
 * Words that make another team of the same club: a reserve or youth side, a women's team. A title
 * that adds one to the other's name ("Real Madrid" → "Real Madrid Castilla") names another team.
 * Lower case, without diacritics or punctuation ("U-21", "Sub-20", "under-20" are the words "u",
 * "sub", "under" before their age); "u21" and single Han characters (女 women, 青 youth, 预/預
 * reserve) too.
 */
const SIDE_WORDS: ReadonlySet<string> = new Set([
  'b', 'c', 'ii', 'iii', 'u', 'sub', 'under', 'reserve', 'reserves', 'youth', 'academy', 'juniors', 'amateure', 'jong', 'castilla', 'mestalla', 'promesas',
  'primavera', 'women', 'womens', 'ladies', 'femenino', 'femeni', 'feminino', 'femminile', 'feminine', 'frauen', 'dames', 'vrouwen', 'kvinner', 'dam',
  '女', '青', '预', '預',
]);
const isSideWord = (w: string): boolean => SIDE_WORDS.has(w) || /^u\d\d$/.test(w);

/** Scripts written without spaces between words: each character is compared as a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function coreWords(title: string): Set<string> {
  const core = clubNameCore(pageTitleKey(title));
  const words = core === '' ? [] : core.split(' ');
  return new Set(words.flatMap((w) => (UNSPACED.test(w) ? Array.from(w) : [w])));
}

/**
 * Tells whether two titles that no redirect is known to join could still name one club's page:
 * every word of one's name is in the other's ("Ascoli" in "Ascoli Picchio", "Hapoel Ramat Gan" in
 * "Hapoel Ramat Gan Givatayim": a club renamed, a longer name that redirects), and what the other
 * adds makes no other team of the club (a reserve side, a women's team). Only the wiki's redirects
 * can settle it: "Milan" is in "Inter Milan" too.
 * @param a one link target
 * @param b another link target
 * @returns false when the names show two different teams
 */
export function mayNameOneClub(a: string, b: string): boolean {
  const [wa, wb] = [coreWords(a), coreWords(b)];
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0 || ![...small].every((w) => large.has(w))) return false;
  return ![...large].some((w) => !small.has(w) && isSideWord(w));
}
