/**
 * Escaping for the HTML report: every piece of article text (titles, team names, wikitext
 * excerpts, messages) goes through here, so `<script>` in an article stays text.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a quoted attribute value.
 * @param text any text
 * @returns the text with `& < > " '` replaced by entities
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A value as the page shows it: its wikitext without comments (`1 <!--third place-->` is `1`).
 * @param raw the value as written
 * @returns what a reader sees of it
 */
export function shownValue(raw: string): string {
  return raw.replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim();
}

/**
 * A CSS colour from an article (`col_A=#ffffcc`), when it is one that can be written into a style
 * sheet safely: a hex colour or a colour name.
 * @param colour the colour as written
 * @returns the colour, or undefined when it is anything else
 */
export function safeColour(colour: string | undefined): string | undefined {
  if (colour === undefined) return undefined;
  const c = colour.trim();
  return /^#[0-9a-fA-F]{3,8}$/.test(c) || /^[a-zA-Z]{3,20}$/.test(c) ? c : undefined;
}

/**
 * A record id as part of an HTML id: record ids hold `/` and letters of any script, which CSS
 * selectors and fragment links would need escaped.
 * @param id a record id (`standings/regional-stage/region-vi/1`)
 * @returns `standings-regional-stage-region-vi-1`
 */
export function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}
