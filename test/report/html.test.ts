/**
 * The HTML report as text: one self-contained, deterministic document whose markup carries its
 * meaning (tables with captions and scoped headers, landmarks, icons and words beside colour), with
 * every piece of article text escaped. The browser test checks how it behaves.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import type { ReportDiagnostic } from '../../src/report/types.js';
import { french, loadItem, seed, withSeedFixes } from './fixtures.js';

const all = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((m) => m[1] ?? '');

describe('renderHtmlReport', () => {
  it('should give the same bytes for the same input', () => {
    expect(renderHtmlReport([seed(), french()])).toBe(renderHtmlReport([seed(), french()]));
  });

  it('should load nothing from elsewhere and allow only its own style and script', () => {
    const html = renderHtmlReport([seed()]);
    expect(html).not.toMatch(/<link|<img|<iframe|\bsrc=|href="(?!#)|url\(|@import/);
    expect(all(html, /<(script)\b/g)).toHaveLength(1);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(html).toContain(`content="default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'"`);
  });

  it('should show a score as the page does, without the comment written after it (a RoundN match)', () => {
    const item = loadItem('2019年美洲國家盃.wikitext/2019年美洲國家盃.json');
    expect(item.article.brackets[0]?.rounds[2]?.slots[1]?.scores[0]?.raw).toContain('<!--');
    const html = renderHtmlReport([item]);
    expect(html).not.toContain('&lt;!--');
    // The final: Brazil 3, Peru 1 <!--…-->.
    expect(html).toMatch(/<th scope="row">PER<\/th><td class="num">1<\/td>/);
    // The last round's second tie is the third-place match.
    expect(html).toContain('<li><p class="meta">Third place</p><table class="tie"><caption class="visually-hidden">Round 3, third place</caption>');
  });

  it('should have a language, landmarks and a title', () => {
    const html = renderHtmlReport([seed()]);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n')).toBe(true);
    for (const tag of ['<header>', '<nav aria-label="Filters">', '<main id="main">', '<footer>', '<title>wikitally report</title>']) expect(html).toContain(tag);
  });

  it('should use real table markup: a caption for every table, a scope for every header cell', () => {
    const html = renderHtmlReport([seed()]);
    const tables = html.split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) expect(t).toMatch(/^ class="[^"]+"><caption/);
    expect(all(html, /<th( [^>]*)?>/g).filter((attrs) => !attrs.includes('scope="'))).toEqual([]);
  });

  it('should give every element a distinct id and point every control at cells that exist', () => {
    const html = renderHtmlReport([seed(), french()]);
    const ids = all(html, / id="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = all(html, / data-cells="([^"]*)"/g).flatMap((s) => s.split(' ').filter(Boolean));
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(ids).toContain(t);
    for (const d of all(html, / aria-describedby="([^"]+)"/g)) expect(ids).toContain(d);
  });

  it('should highlight exactly the figures the error diagnostics disagree with, with words beside colour', () => {
    const item = seed();
    const html = renderHtmlReport([item]);
    const errors = item.article.diagnostics.filter((d) => d.severity === 'error' && d.declared !== undefined).map((d) => d.param);
    expect(all(html, /<button type="button" class="fig"[^>]* data-param="([^"]+)"/g).sort()).toEqual([...errors].sort());
    expect(html).toContain('<span aria-hidden="true">✗</span> 21 <span class="computed">(grid: 18)</span></button>');
  });

  it('should draw a table as the module does, beside its grid', () => {
    const html = renderHtmlReport([seed()]);
    expect(html).toContain(
      '<thead><tr><th scope="col"><abbr title="Position">Pos</abbr></th><th scope="col">Team</th><th scope="col"><abbr title="Played">Pld</abbr></th>',
    );
    expect(html).toContain('<th scope="col">Qualification</th></tr></thead>');
    expect(html).toContain('<tr><td class="pos">2</td><th scope="row">Deportivo Comercio</th><td class="num">5</td><td class="num">2</td>');
    expect(html).toContain('<td class="num">−7</td><td class="num">7</td><td></td></tr>');
    // Region II Group B's grid: Sport Áncash at home to Deportivo Comercio.
    expect(html).toMatch(/<tr><th scope="row">Sport Áncash<\/th><td class="self">.*?<\/td><td><span class="cell" id="a1-g2-c7">8–0<\/span><\/td>/);
  });

  it('should fold away the tables that have no error or warning', () => {
    const html = renderHtmlReport([seed()]);
    expect(all(html, /<details class="ok"><summary><span aria-hidden="true">✓<\/span> <strong>([^<]+)<\/strong>/g)).toEqual([
      'Regional Stage › Region II › Group A',
      'Regional Stage › Region III',
      'Regional Stage › Region IV',
      'Regional Stage › Region V › Group A',
      'Regional Stage › Region VII › Group A',
      'Regional Stage › Region VII › Group B',
      'Regional Stage › Region VIII › Group A',
      'Regional Stage › Region VIII › Group B',
    ]);
  });

  it('should draw brackets as rounds of ties', () => {
    const html = renderHtmlReport([seed()]);
    expect(all(html, /<section class="round" aria-label="([^"]+)">/g)).toEqual(['Round of 16', 'Quarterfinals', 'Final Group', 'Champion &amp; Runner-Up']);
    expect(html).toContain('<tr class="through"><th scope="row">José Gálvez <span class="meta">▸ through</span></th><td class="num">2</td><td class="num">1</td><td class="num"><strong>3</strong></td></tr>');
  });

  it('should show candidate corrections once per table, and mark their cells', () => {
    const html = renderHtmlReport([withSeedFixes(seed())]);
    expect(html.split('<strong>Certain correction:</strong>').length - 1).toBe(1);
    expect(html).toContain('<strong>Candidate 1 of 2:</strong> <code class="written">match_DVM_DSA = 1–2</code> → <code class="proposal">0–2</code>');
    expect(html).toMatch(/<span class="cell fix" id="a1-g2-c\d+">1–3 <span class="proposal">→ 0–6\?<\/span><\/span>/);
  });

  it('should show each finding with an excerpt of its line, the value marked', () => {
    const html = renderHtmlReport([seed()]);
    const start = html.indexOf('<pre class="excerpt"><code><span class="where">230:1048');
    expect(html.slice(start, html.indexOf('</pre>', start) + 6)).toBe(
      '<pre class="excerpt"><code><span class="where">230:1048</span> …A=2|loss_DSA=15|gf_DSA=23|ga_DSA=<mark>43</mark> |win_ALC=1|draw_ALC=5|loss_ALC=16|gf_ALC=14|ga_ALC=52</code></pre>',
    );
  });

  it('should escape article text everywhere', () => {
    const item = seed();
    item.article.source.title = '<script>alert("title")</script>';
    const team = item.article.standings[1]?.teams[0];
    if (team?.name !== undefined) team.name.text = '<img src=x onerror=alert(1)>';
    const d = item.article.diagnostics.find((x) => x.param === 'gf_CSÁ') as ReportDiagnostic;
    d.message = 'Unexpected </code><script>alert("message")</script>';
    d.reason = '"><script>alert("reason")</script>';
    const at = d.span?.start.offset ?? 0;
    // `21` becomes `<i` (same length, so every offset still holds).
    item.text = `${item.text.slice(0, at)}<i${item.text.slice(at + 2)}`;
    const html = renderHtmlReport([item]);
    expect(all(html, /<(script)\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|alert\("/);
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('<mark>&lt;i</mark>');
  });

  it('should start with errors and warnings shown and info filtered out, for every article', () => {
    const html = renderHtmlReport([seed(), french()]);
    expect(html).toContain('<label><input type="checkbox" name="severity" value="error" checked> ✗ Error (6)</label>');
    expect(html).toContain('<label><input type="checkbox" name="severity" value="info"> ℹ Info (');
    expect(html).toContain('<option value="a1">2004 Copa Perú</option><option value="a2">1992-93 French Division 1</option>');
  });
});
