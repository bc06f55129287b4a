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
  roundn: 'bracket',
  'sports series': 'sports-series',
  'football box': 'football-box',
};

/**
 * Season and competition infoboxes (not every `Infobox football…`: biographies, clubs and stadiums
 * are not records wikitally reads).
 * https://en.wikipedia.org/wiki/Template:Infobox_football_league_season,
 * https://en.wikipedia.org/wiki/Template:Infobox_football_tournament_season and their siblings.
 */
const INFOBOXES: ReadonlySet<string> = new Set([
  'infobox football league season',
  'infobox football tournament season',
  'infobox football club season',
  'infobox football season',
  'infobox football competition season',
  'infobox football tournament',
  'infobox football competition',
  'infobox international football competition',
  'infobox international football competition season',
  'infobox national football team season',
]);

const TEMPLATES: Readonly<Record<string, TemplateKind>> = {
  'twolegresult': 'two-leg',
  'two leg result': 'two-leg',
  'onelegresult': 'two-leg',
  'one leg result': 'two-leg',
  'football box': 'football-box',
  'football box collapsible': 'football-box',
  'footballbox': 'football-box',
  'footballbox collapsible': 'football-box',
  'fb box': 'football-box',
};

/** The Module:RoundN templates: `Round16`, `Round8-with third` (2 to 512 teams). */
const ROUND_N = /^round\s*(2|4|8|16|32|64|128|256|512)(?!\d)/;

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
  if (INFOBOXES.has(name)) return 'infobox';
  if (/^\d+\s*team\s*bracket\b/.test(name) || ROUND_N.test(name)) return 'bracket';
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
 * The number of teams a Module:RoundN template draws, from its name.
 * @param rawName e.g. `Template:Round16`, `Round8-with third`
 * @returns 16, 8, or undefined for other names
 */
export function roundNSize(rawName: string): number | undefined {
  const m = ROUND_N.exec(normaliseTemplateName(rawName));
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
    // A module whose title is not in sentence case.
    if (name === 'roundn') return 'Module:RoundN';
    return `Module:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  }
  const name = rawName.replace(/^template:/i, '').replace(/[_\s]+/g, ' ').trim();
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The legacy Fb templates legacy-fb.ts reads (normalised names). */
const LEGACY = /^fb (?:cl header|cl2? team(?: 2pts)?|cl footer|r2? header|r2? team|r|r footer)$/;

/** A normalised name as a pattern on raw text: any case, any run of spaces or underscores between words. */
function rawPattern(name: string): string {
  return name
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s_]+');
}

/**
 * A test on raw page text (wikitext, or the XML-escaped text of a dump page) that is true for every
 * page holding a call of a template or module in this file: the dump pre-filter. It is built from
 * the tables above, so what the extractors read and what the filter keeps cannot drift apart.
 */
export const SCOPE_TRIGGER: RegExp = new RegExp(
  [
    '\\{\\{[\\s_]*(?:',
    `#invoke[\\s_]*:[\\s_]*(?:module[\\s_]*:[\\s_]*)?(?:${Object.keys(MODULES).map(rawPattern).join('|')})`,
    '|(?:template[\\s_]*:[\\s_]*)?(?:',
    [
      ...Object.keys(TEMPLATES).map(rawPattern),
      ...[...INFOBOXES].map(rawPattern),
      '\\d+[\\s_]*team[\\s_]*bracket',
      'round[\\s_]*(?:2|4|8|16|32|64|128|256|512)(?![0-9])',
      // The legacy tables: every `fb cl…` and `fb r…` name of LEGACY.
      'fb[\\s_]+(?:cl|r)',
    ].join('|'),
    '))',
  ].join(''),
  'i',
);

/**
 * Tells whether an extractor reads a template or #invoke call, so the parse stage can skip the rest.
 * @param rawName the name as parsed (`Template:Fb_cl2_team`, `Module:Sports_table`)
 * @param isInvoke whether it is an #invoke call
 * @returns true for every name the registry or the legacy tables read
 */
export function isReadTemplate(rawName: string, isInvoke: boolean): boolean {
  return templateKind(rawName, isInvoke) !== undefined || (!isInvoke && LEGACY.test(normaliseTemplateName(rawName)));
}
