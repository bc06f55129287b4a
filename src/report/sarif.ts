/**
 * Diagnostics as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning
 * and review tools: one run of the `wikitally` driver whose rules are the codes of
 * `diagnostics/codes.ts`, one result per diagnostic, the related places as related locations, and
 * each certain correction (`fix[].edit`) as a SARIF fix. Acknowledged findings are results with an
 * in-source suppression carrying the reason.
 */
import { CODES, DIAGNOSTIC_CODES } from '../diagnostics/codes.js';
import type { Severity, Span } from '../types/index.js';
import { atLeastSeverity, diagnosticsOf, type ReportDiagnostic, type ReportItem } from './types.js';

/** Options of {@link buildSarifLog}. */
export interface SarifOptions {
  /** The least severity reported (default info: every diagnostic, as `--format json`). */
  minSeverity?: Severity;
  /** wikitally's version, for `tool.driver.version`. */
  toolVersion?: string;
}

/** A SARIF region: 1-based lines and columns, the end column just after the last character. */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A SARIF location: where in which file, and what is there. */
export interface SarifLocation {
  id?: number;
  physicalLocation?: { artifactLocation: { uri: string }; region?: SarifRegion };
  logicalLocations?: { fullyQualifiedName: string; kind: string }[];
  message?: { text: string };
}

/** A SARIF result: one diagnostic. */
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  fixes?: {
    description: { text: string };
    artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[];
  }[];
  suppressions?: { kind: 'inSource'; justification: string }[];
  properties?: Record<string, string | number>;
}

/** A SARIF log with a single run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'wikitally'; version?: string; rules: SarifRule[] } };
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

/** A SARIF rule: one diagnostic code. */
export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: SarifResult['level'] };
}

const LEVEL: Readonly<Record<Severity, SarifResult['level']>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * Builds the SARIF log of a set of articles.
 * @param items finished articles (the text is not needed, but keeps one input type for all writers)
 * @param options the least severity and the tool version
 * @returns a SARIF 2.1.0 log object, ready for `JSON.stringify`
 */
export function buildSarifLog(items: readonly Pick<ReportItem, 'article'>[], options: SarifOptions = {}): SarifLog {
  const min = options.minSeverity ?? 'info';
  const rules: SarifRule[] = DIAGNOSTIC_CODES.map((id) => ({
    id,
    shortDescription: { text: CODES[id].description },
    defaultConfiguration: { level: LEVEL[CODES[id].severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = items.flatMap(({ article }) =>
    diagnosticsOf(article)
      .filter((d) => atLeastSeverity(d.severity, min))
      .map((d) => resultOf(d, index.get(d.code))),
  );
  const driver = { name: 'wikitally' as const, ...(options.toolVersion === undefined ? {} : { version: options.toolVersion }), rules };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results }] };
}

/**
 * Renders the SARIF log as JSON text: two-space indentation and a final newline, as `out/` files.
 * @param items finished articles
 * @param options the least severity and the tool version
 * @returns the JSON text
 */
export function renderSarif(items: readonly Pick<ReportItem, 'article'>[], options: SarifOptions = {}): string {
  return `${JSON.stringify(buildSarifLog(items, options), null, 2)}\n`;
}

/**
 * A relative file path as a URI reference: each segment percent-encoded, `/` kept.
 * @param file the path as diagnostics give it (relative, with `/`)
 * @returns the URI reference
 */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function regionOf(span: Span): SarifRegion {
  return { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

/** Where a diagnostic is: a region of the file, or for a dump page the page (its spans point into the page). */
function locationOf(d: ReportDiagnostic, span: Span | undefined, message?: string): SarifLocation {
  const uri = fileUri(d.file);
  const inFile = d.page === undefined && span !== undefined;
  return {
    physicalLocation: { artifactLocation: { uri }, ...(inFile ? { region: regionOf(span) } : {}) },
    ...(d.page === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: d.page, kind: 'page' }] }),
    ...(message === undefined ? {} : { message: { text: message } }),
  };
}

function resultOf(d: ReportDiagnostic, ruleIndex: number | undefined): SarifResult {
  const result: SarifResult = {
    ruleId: d.code,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [locationOf(d, d.span)],
  };
  if (d.related !== undefined && d.related.length > 0) {
    result.relatedLocations = d.related.map((r, i) => ({ id: i + 1, ...locationOf(d, r.span, r.message) }));
  }
  // Only a certain correction is an applicable fix; on a dump page the span is not in the file.
  const certain = d.page === undefined ? (d.fix ?? []).filter((f) => f.candidates === 1 && f.edit !== undefined) : [];
  if (certain.length > 0) {
    result.fixes = certain.map((f) => ({
      description: { text: `Change \`${f.param}\` from ${f.current === '' ? 'empty' : `\`${f.current}\``} to \`${f.proposed}\`` },
      artifactChanges: [
        {
          artifactLocation: { uri: fileUri(d.file) },
          replacements: [{ deletedRegion: regionOf(f.edit?.span ?? f.span), insertedContent: { text: f.edit?.text ?? f.proposed } }],
        },
      ],
    }));
  }
  if (d.reason !== undefined) result.suppressions = [{ kind: 'inSource', justification: d.reason }];
  const properties: Record<string, string | number> = {};
  if (d.param !== undefined) properties.param = d.param;
  if (d.declared !== undefined) properties.declared = d.declared;
  if (d.computed !== undefined) properties.computed = d.computed;
  if (d.recordId !== undefined) properties.recordId = d.recordId;
  if (d.page !== undefined && d.span !== undefined) properties.pageRegion = `${d.span.start.line}:${d.span.start.column}-${d.span.end.line}:${d.span.end.column}`;
  if (d.fix !== undefined && d.fix.length > 0) {
    properties.candidates = d.fix.map((f) => `${f.param}: ${f.current} → ${f.proposed} (${f.candidate} of ${f.candidates})`).join('; ');
  }
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}
