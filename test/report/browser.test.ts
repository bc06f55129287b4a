/**
 * The seed's HTML report in real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * exactly the disagreeing figures are highlighted, activating one (click, Enter or Space) reveals
 * and marks the grid cells behind it, the filters work, the page fits a 640-pixel viewport (1280
 * at 200 % zoom), and nothing is logged as an error or fetched from elsewhere. A screenshot is
 * saved to test-artifacts/report-seed.png. Without Chromium the test fails; it never skips.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { seed } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const item = seed();
/** The figures the seed's error diagnostics disagree with: gf/ga of CSÁ and DPO, gf of DVM, ga of DSA. */
const DISAGREEING = item.article.diagnostics.filter((d) => d.severity === 'error' && d.declared !== undefined).map((d) => d.param ?? '');

describe('the seed report in Chromium', () => {
  let server: http.Server | undefined;
  let context: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let url = '';
  const problems: string[] = [];
  const elsewhere: string[] = [];

  /** The page, once the report is loaded. */
  const page = (): Page => {
    const p = context?.pages()[0];
    if (p === undefined) throw new Error('the report page did not open (see the first failure)');
    return p;
  };
  const fedCells = (): Promise<string[]> => page().locator('.cell.fed').evaluateAll((els) => els.map((e) => e.id));
  const cellsOf = async (param: string): Promise<string[]> =>
    ((await page().locator(`button.fig[data-param="${param}"]`).getAttribute('data-cells')) ?? '').split(' ').filter(Boolean);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing (${CHROMIUM}); the report's browser test needs it. Install it with \`apt-get install chromium\` and run the tests again.`);
    }
    const html = renderHtmlReport([item]);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'report-seed.html'), html);
    server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`;
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'wikitally-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    const p = context.pages()[0] ?? (await context.newPage());
    p.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    p.on('request', (request) => {
      if (request.url() !== url) elsewhere.push(request.url());
    });
    await p.goto(url);
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('should highlight exactly the figures the errors disagree with', async () => {
    expect(DISAGREEING.sort()).toEqual(['ga_CSÁ', 'ga_DPO', 'ga_DSA', 'gf_CSÁ', 'gf_DPO', 'gf_DVM']);
    const highlighted = await page().locator('table.standings button.fig').evaluateAll((els) => els.map((e) => e.getAttribute('data-param') ?? ''));
    expect(highlighted.sort()).toEqual(DISAGREEING);
    for (const param of DISAGREEING) {
      const figure = page().locator(`button.fig[data-param="${param}"]`);
      await expect(figure.isVisible()).resolves.toBe(true);
      // The meaning is in the text, not only in the colour: "✗ 21 (grid: 18)".
      expect(await figure.innerText()).toMatch(/^✗ \d+\s*\(grid: \d+\)$/);
    }
    expect(await page().locator('table.standings td.bad').count()).toBe(DISAGREEING.length);
  });

  it('should mark the grid cells behind a figure when it is clicked, and save a screenshot', async () => {
    const figure = page().locator('button.fig[data-param="gf_CSÁ"]');
    await figure.click();
    const expected = await cellsOf('gf_CSÁ');
    expect(expected).toHaveLength(6);
    expect((await fedCells()).sort()).toEqual([...expected].sort());
    expect(await figure.getAttribute('aria-pressed')).toBe('true');
    for (const id of expected) await expect(page().locator(`[id="${id}"]`).isVisible()).resolves.toBe(true);
    expect(await page().locator('#announce').textContent()).toBe('gf_CSÁ = 21: 6 grid cells marked');
    await page().evaluate('window.scrollTo(0, 0)');
    await page().screenshot({ path: path.join(ARTIFACTS, 'report-seed.png') });
  });

  it('should reveal a folded grid and mark its cells from the keyboard (Enter, then Space)', async () => {
    const grid = page().locator('#a1-standings-regional-stage-region-vi-1 details.grid-box');
    await grid.locator('summary').click();
    expect(await grid.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    const figure = page().locator('button.fig[data-param="ga_DSA"]');
    await figure.focus();
    await page().keyboard.press('Enter');
    expect(await grid.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
    const expected = await cellsOf('ga_DSA');
    expect(expected).toHaveLength(22);
    expect((await fedCells()).sort()).toEqual([...expected].sort());
    // The other figure's cells are no longer marked, and its button is released.
    expect(await page().locator('button.fig[data-param="gf_CSÁ"]').getAttribute('aria-pressed')).toBe('false');
    await page().keyboard.press('Space');
    expect(await fedCells()).toEqual([]);
    expect(await figure.getAttribute('aria-pressed')).toBe('false');
  });

  it('should filter findings by severity and by article', async () => {
    const hidden = (severity: string): Promise<number> => page().locator(`li.finding[data-severity="${severity}"][hidden]`).count();
    expect(await hidden('error')).toBe(0);
    expect(await hidden('info')).toBe(await page().locator('li.finding[data-severity="info"]').count());
    await page().getByLabel('✗ Error (6)').uncheck();
    expect(await hidden('error')).toBe(6);
    await page().getByLabel('ℹ Info (48)').check();
    expect(await hidden('info')).toBe(0);
    expect(await hidden('warning')).toBe(0);
    await page().getByLabel('✗ Error (6)').check();
    await page().getByLabel('ℹ Info (48)').uncheck();
    await page().getByLabel('Article').selectOption({ label: '2004 Copa Perú' });
    expect(await page().locator('article#a1').isVisible()).toBe(true);
  });

  it('should fit a 640-pixel viewport (200 % zoom) with only its tables scrolling', async () => {
    await page().setViewportSize({ width: 640, height: 900 });
    const width = await page().evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(640);
    await page().setViewportSize({ width: 1280, height: 1000 });
  });

  it('should log no error and fetch nothing but the page', () => {
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
