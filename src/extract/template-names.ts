/**
 * The only place template and module names are normalised: `Template:` and `Module:` prefixes,
 * underscores, case and the redirects editors use all map to one canonical name.
 */

/** Canonical names of what wikitally reads. */
export type TemplateKind = 'sports-table' | 'sports-results' | 'infobox' | 'bracket' | 'two-leg' | 'sports-series' | 'football-box';

const MODULES: Readonly<Record<string, TemplateKind>> = {
  'sports table': 'sports-table',
  'sports results': 'sports-results',
  'sports rbr table': 'sports-results',
  'team bracket': 'bracket',
  'sports series': 'sports-series',
  'football box': 'football-box',
};

const TEMPLATES: Readonly<Record<string, TemplateKind>> = {
  'twolegresult': 'two-leg',
  'two leg result': 'two-leg',
  'football box': 'football-box',
  'football box collapsible': 'football-box',
  'footballbox': 'football-box',
  'footballbox collapsible': 'football-box',
  'fb box': 'football-box',
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
  if (/^\d+\s*team\s*bracket\b/.test(name)) return 'bracket';
  return TEMPLATES[name];
}

/**
 * The number of teams a fixed-size bracket template holds, from its name.
 * @param rawName e.g. `Template:16TeamBracket-2Leg`
 * @returns 16, or undefined for Module:Team bracket and other names
 */
export function bracketSize(rawName: string): number | undefined {
  const m = /^(\d+)\s*team\s*bracket/.exec(normaliseTemplateName(rawName));
  return m === null ? undefined : Number(m[1]);
}

/**
 * The name shown in records: `Module:Sports table`, `Infobox football league season`.
 * @param rawName the name as parsed
 * @param isInvoke whether it is an #invoke call
 * @returns a readable canonical name
 */
export function displayTemplateName(rawName: string, isInvoke: boolean): string {
  if (isInvoke) {
    const name = normaliseTemplateName(rawName);
    return `Module:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  }
  const name = rawName.replace(/^template:/i, '').replace(/[_\s]+/g, ' ').trim();
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The legacy Fb templates legacy-fb.ts reads (normalised names). */
const LEGACY = /^fb (?:cl header|cl2? team(?: 2pts)?|cl footer|r2? header|r2? team|r|r footer)$/;

/**
 * Tells whether an extractor reads a template or #invoke call, so the parse stage can skip the rest.
 * @param rawName the name as parsed (`Template:Fb_cl2_team`, `Module:Sports_table`)
 * @param isInvoke whether it is an #invoke call
 * @returns true for every name the registry or the legacy tables read
 */
export function isReadTemplate(rawName: string, isInvoke: boolean): boolean {
  return templateKind(rawName, isInvoke) !== undefined || (!isInvoke && LEGACY.test(normaliseTemplateName(rawName)));
}
