/**
 * Record ids that depend on where a record is, not on how many came before it in the article:
 * kind, section path and ordinal within that section (`standings/regional-stage/region-ii/group-b/1`,
 * `grid/results/1`, `table/1` before the first heading). Editing one group's table leaves the ids
 * of every other group's records as they were; the same article in two forms (SurfDoc and
 * wikitext) gets the same ids when its headings are the same.
 */

/** Gives ids in extraction order. */
export class RecordIds {
  readonly #counts = new Map<string, number>();

  /**
   * The next id of a kind in a section.
   * @param kind `standings`, `grid`, `table`, `infobox`, `bracket`, `tie`, `match`
   * @param section the record's section path
   * @returns e.g. `standings/regional-stage/region-ii/group-b/1`
   */
  next(kind: string, section: readonly string[]): string {
    const place = section.map(slug).filter((s) => s.length > 0).join('/');
    const key = `${kind}/${place}`;
    const n = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, n);
    return place.length === 0 ? `${kind}/${n}` : `${kind}/${place}/${n}`;
  }
}

/**
 * A heading or name as an id part: lower case, no diacritics, runs of other characters as `-`,
 * at most 60 characters (letters of any script are kept).
 * @param text a heading or name
 * @returns the slug ('' when nothing is left)
 */
export function slug(text: string): string {
  const s = trimDashes(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-'),
  );
  return s.length <= 60 ? s : trimDashes(s.slice(0, 60));
}

/** Drops dashes at both ends (a scan: a long run of dashes costs its length once). */
function trimDashes(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === '-') a++;
  while (b > a && s[b - 1] === '-') b--;
  return s.slice(a, b);
}
