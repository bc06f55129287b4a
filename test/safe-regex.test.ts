/**
 * Every regular expression written in src/ — literals, and `RegExp(…)` / `new RegExp(…)` called
 * with a string literal — is checked for super-linear backtracking with scslre: two unbounded
 * quantifiers trading the same characters (`\s*(.*)`, `0*(\d+)`), a quantifier inside another
 * (star height > 1), or an unanchored pattern the engine must retry from every position of a long
 * run (`\s*\([^)]*\)\s*$` on 100,000 `(`). Each was a hang on a hostile 100 KB input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * Patterns proven safe although scslre flags them, each with the reason. The key is the file and
 * the pattern as written (`/source/flags`); an entry that no longer matches anything fails.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  // headingLevel() returns before testing any pattern when the line is longer than 40 characters.
  'src/read/heading-words.ts /^((regional|national|grand|third[- ]place|quarter|semi|play-?off)\\s*-?\\s*)?(finals?|quarterfinals?|semifinals?|play-?offs?)$/i':
    'input bounded to 40 characters',
};

interface Found {
  file: string;
  line: number;
  pattern: string;
  source: string;
  flags: string;
}

/** Every .ts file under src/, relative to the root, with `/`. */
function sourceFiles(dir = path.join(ROOT, 'src')): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sourceFiles(full);
      return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path.relative(ROOT, full).split(path.sep).join('/')] : [];
    });
}

/** The regular expressions written in a file: literals and RegExp calls on a string literal. */
function regexesIn(file: string): Found[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const add = (node: ts.Node, source: string, flags: string): void => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, pattern: `/${source}/${flags}`, source, flags });
  };
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = (node as ts.RegularExpressionLiteral).text;
      const end = text.lastIndexOf('/');
      add(node, text.slice(1, end), text.slice(end + 1));
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      // A pattern built at run time (a template with substitutions, a variable) cannot be read here.
      const [source, flags] = node.arguments ?? [];
      if (source !== undefined && ts.isStringLiteralLike(source)) add(node, source.text, flags !== undefined && ts.isStringLiteralLike(flags) ? flags.text : '');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** What scslre finds wrong with a pattern, one line per report. */
function problems(r: Found): string[] {
  return analyse({ source: r.source, flags: r.flags }).reports.map(
    (p) => `${r.file}:${r.line} ${r.pattern} ${p.type}${p.exponential ? ' (exponential)' : ''} on repeated ${JSON.stringify(p.character.pick)}`,
  );
}

const files = sourceFiles();
const all = files.flatMap(regexesIn);

describe('regular expressions in src/', () => {
  it('should find the regular expressions written in src/', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((r) => r.file === 'src/extract/score.ts')).toBe(true);
  });

  it.each(files)('should have no super-linear regular expression in %s', (file) => {
    const found = all.filter((r) => r.file === file && ALLOWED[`${file} ${r.pattern}`] === undefined).flatMap(problems);
    expect(found).toEqual([]);
  });

  it('should allow only patterns that still exist and are still flagged', () => {
    const stale = Object.keys(ALLOWED).filter((key) => !all.some((r) => `${r.file} ${r.pattern}` === key && problems(r).length > 0));
    expect(stale).toEqual([]);
  });

  it('should flag the patterns that hung on hostile input (11-quadratic-regex, 02-bracket-size)', () => {
    const flagged = (source: string, flags = '') => problems({ file: 'old', line: 0, pattern: '', source, flags }).length > 0;
    expect(flagged(String.raw`\(?\s*(\d+)\s*[-–—−‒]\s*(\d+)\s*(p|pen|pens|penalties|on penalties|pso)\.?\s*\)?`, 'i')).toBe(true);
    expect(flagged(String.raw`\s*\([^)]*\)\s*$`)).toBe(true);
    expect(flagged(String.raw`\|\s*([\p{L}\p{N}_][\p{L}\p{N}_ -]*?)\s*=`, 'gu')).toBe(true);
    expect(flagged(String.raw`^RD(\d+)-(team|seed|score)0*(\d+)(?:-(\d+|agg))?$`, 'i')).toBe(true);
    expect(flagged(String.raw`(a+)+$`)).toBe(true);
  });
});
