/**
 * The styles of Module:Sports table and what is known of each: the parameter family argcheck
 * checks it with, and whether its Lua source (hence its columns and point rules) could be read.
 * https://en.wikipedia.org/wiki/Module:Sports_table, /argcheck, /WDL, /PP.
 * Source notes: docs/research/sports-table-modules.md §4 and §5. Only WDL (with its old name `football`)
 * and PP were read in source; WL, WDL OT, WL OT, WL PK, WL OTL tiebreak, WDLHA, WLHA, Custom,
 * Chess, College, Volleyball and Badminton team are known by their argcheck parameter names only.
 */

/** argcheck's parameter families; a style outside them is not checked by argcheck. */
export type StyleFamily = 'WDL' | 'PKOT' | 'HA' | 'VB' | 'BDT';

/** What is known of a style. */
export interface StyleInfo {
  /** The style as the module loads it: runs of spaces and underscores read as one space. */
  name: string;
  /** argcheck's family (PP: WDL, which it wraps); undefined when its parameters are unknown. */
  family?: StyleFamily;
  /** True when the Lua source was read, so its point rules and displayed figures are known. */
  rulesKnown: boolean;
  /** True for PP, which defaults to show_draw=no (2/0/1 points) and hides W, D, L, GF and GA. */
  pointsOnly: boolean;
}

/** argcheck's `tracked_styles` → family (modules.md §4.3), plus PP, which wraps WDL. */
const FAMILY: Readonly<Record<string, StyleFamily>> = {
  football: 'WDL',
  wdl: 'WDL',
  wl: 'WDL',
  pp: 'WDL',
  'wdl ot': 'PKOT',
  'wl ot': 'PKOT',
  'wl pk': 'PKOT',
  'wl otl tiebreak': 'PKOT',
  wdlha: 'HA',
  wlha: 'HA',
  volleyball: 'VB',
  'badminton team': 'BDT',
};

/** Styles whose Lua was read in source: WDL (and `football`, which the main module maps to it) and PP. */
const KNOWN_RULES = new Set(['football', 'wdl', 'pp']);

/**
 * Tells what is known of a style.
 * @param raw the `style` parameter as written (empty or absent: WDL, the module's default)
 * @returns the normalised style, its family and whether its rules are known
 */
export function styleInfo(raw: string | undefined): StyleInfo {
  // argcheck normalises runs of spaces and underscores (MediaWiki titles treat `_` as a space).
  const name = (raw ?? '').replace(/[\s_]+/g, ' ').trim() || 'WDL';
  const key = name.toLowerCase();
  const family = FAMILY[key];
  return { name, ...(family === undefined ? {} : { family }), rulesKnown: KNOWN_RULES.has(key), pointsOnly: key === 'pp' };
}
