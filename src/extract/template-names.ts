/**
 * The only place template and module names are normalised: `Template:` and `Module:` prefixes,
 * underscores, case and the redirects editors use all map to one canonical name.
 */

/** Canonical names of what wikitally reads. */
export type TemplateKind = 'sports-table' | 'sports-results' | 'infobox';

const MODULES: Readonly<Record<string, TemplateKind>> = {
  'sports table': 'sports-table',
  'sports results': 'sports-results',
  'sports rbr table': 'sports-results',
};

/**
 * Normalises a parser name: no namespace prefix, spaces for underscores, lower case, single spaces.
 * @param rawName e.g. `Template:Infobox_football_league_season` or `Module:Sports_table`
 * @returns e.g. `infobox football league season`, `sports table`
 */
export function normaliseTemplateName(rawName: string): string {
  return rawName
    .replace(/^(template|module|mall|modèle|vorlage):/i, '')
    .replace(/[_\s]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Classifies a template or #invoke call.
 * @param rawName the name as parsed
 * @param isInvoke whether it is an #invoke call (then rawName is the module)
 * @returns what wikitally reads it as, or undefined
 */
export function templateKind(rawName: string, isInvoke: boolean): TemplateKind | undefined {
  const name = normaliseTemplateName(rawName);
  if (isInvoke) return MODULES[name];
  if (name.startsWith('infobox')) return 'infobox';
  return undefined;
}

/**
 * The name shown in records: `Module:Sports table`, `Infobox football league season`.
 * @param rawName the name as parsed
 * @param isInvoke whether it is an #invoke call
 * @returns a readable canonical name
 */
export function displayTemplateName(rawName: string, isInvoke: boolean): string {
  const name = normaliseTemplateName(rawName);
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  return isInvoke ? `Module:${capital}` : capital;
}
