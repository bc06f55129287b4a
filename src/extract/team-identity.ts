/**
 * When two mentions are the same team: the same link target, or the same name once diacritics,
 * case, punctuation and spacing are set aside.
 */

/**
 * Normalises a team name for comparison.
 * @param name a display name ("Sport Áncash", "Olympique de Marseille ")
 * @returns a comparison key ("sport ancash")
 */
export function teamNameKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    remember(KEYS, name, key);
  }
  return key;
}

/**
 * Keys of names already seen: an article names each team in many records (a 20-team league about
 * 60 times), and the checks ask again. Bounded: cleared when full, so a dump run stays small.
 */
const KEYS = new Map<string, string>();
/** Names remembered at most (a few MB). */
const MAX_REMEMBERED = 20_000;

/**
 * Remembers a computed value, forgetting all when the map is full.
 * @param map the memo
 * @param key the input
 * @param value what was computed
 */
export function remember(map: Map<string, string>, key: string, value: string): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

/** A mention of a team: its plain-text name and, when linked, its link target. */
export interface TeamMention {
  team?: { text: string } | undefined;
  link?: string | undefined;
}

/**
 * Tells whether two mentions are the same team, and how sure that is: the same link target, the
 * same name as written, or the same name once diacritics, case and punctuation are set aside.
 * @param a one mention
 * @param b another mention
 * @returns how they match, or undefined when they are different teams (or a name is missing)
 */
export function sameTeam(a: TeamMention, b: TeamMention): 'link' | 'name' | 'variant' | undefined {
  if (a.link !== undefined && b.link !== undefined && a.link === b.link) return 'link';
  const x = a.team?.text;
  const y = b.team?.text;
  if (x === undefined || y === undefined || x.length === 0 || y.length === 0) return undefined;
  if (x === y) return 'name';
  if (teamNameKey(x) === teamNameKey(y)) return 'variant';
  return undefined;
}

/**
 * Drops a trailing qualifier in brackets, and the spaces around it: "Alianza (Lima)" → "Alianza".
 * Same result as `name.replace(/\s*\([^)]*\)\s*$/, '')`, whose unanchored start made it quadratic
 * on a long run of `(`: here one scan from the end finds the last `)` and the first `(` after the
 * `)` before it.
 * @param name a display name
 * @returns the name without its trailing `(…)`, or the name unchanged when it has none
 */
export function withoutQualifier(name: string): string {
  let end = name.length;
  while (end > 0 && /\s/.test(name.charAt(end - 1))) end--;
  if (name.charAt(end - 1) !== ')') return name;
  const close = end - 1;
  const previous = name.lastIndexOf(')', close - 1);
  const open = name.indexOf('(', previous + 1);
  if (open === -1 || open >= close) return name;
  let start = open;
  while (start > 0 && /\s/.test(name.charAt(start - 1))) start--;
  return name.slice(0, start);
}
