/**
 * The Firefox build in Firefox: both seed pages annotated, a note card, the summary in the popup and
 * sidebar pages, Markdown on the clipboard, hostile pages and the options page. Screenshots go to
 * test/artifacts/firefox-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { toMarkdown } from '../../lib/export/export';
import { centreOfText, missingTerms, paintedRanges } from '../e2e/highlights';
import { SEEDS } from '../support/fixtures';
import { launchFirefox, until, type FirefoxHarness } from './harness';

let h: FirefoxHarness;
beforeAll(async () => {
  h = await launchFirefox();
}, 90_000);
afterAll(async () => h?.close());

const CARD = 'framing-lens-ui >>> [role="dialog"]';
const noCard = (page: Page) => until(page, () => !document.querySelector('framing-lens-ui')?.shadowRoot?.querySelector('[role="dialog"]'));
const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
/** Clicks the button with this text, as a user would (puppeteer's ARIA queries need Chromium). */
async function clickButton(page: Page, text: string) {
  for (const button of await page.$$('button')) if ((await button.evaluate((b) => b.textContent?.trim())) === text) return button.click();
  throw new Error(`no button "${text}"`);
}

/** The command line's analysis of the same page at the same address. */
const cliAnalysis = (html: string, url: string) => {
  const result = analyzeDocument(parseHtml(html, url), builtinEngines(), url);
  if (!result.ok) throw new Error(result.message);
  return result.analysis;
};

describe.each(SEEDS)('$name in Firefox', ({ name, html, gold }) => {
  let page: Page;
  let tabId: number;
  beforeAll(async () => {
    page = await h.open(`seeds/${name}.html`);
    tabId = await h.tabIdOf(page);
  }, 60_000);
  afterAll(() => page?.close());

  it('highlights every gold term, inside the article only, read back from CSS.highlights', async () => {
    const state = await h.stateOf(tabId);
    if (state?.status !== 'ready') throw new Error(`not annotated: ${state?.status}`);
    const painted = (await page.evaluate(paintedRanges)).filter((r) => !/-(focus|flash)$/.test(r.name));
    expect(painted.filter((r) => !r.inArticle || r.inChrome)).toEqual([]);
    // The same check as the Chromium suite's.
    expect(missingTerms(painted, gold.terms)).toEqual([]);
    // Every body match is on the page: Firefox places what Chromium places.
    expect(state.unplaced).toEqual([]);
    expect(painted).toHaveLength(state.analysis.matches.filter((m) => m.field === 'body').length);
    // The same analysis as the command line's (and so as Chromium's, whose suite holds the same).
    const cli = cliAnalysis(html, page.url());
    expect(state.analysis.matches).toEqual(cli.matches);
    expect(state.analysis.demands).toEqual(cli.demands);
    await h.screenshot(page, `${name}-page`);
  });

  it('opens a note card on click, and Esc closes it', async () => {
    const used = gold.spellings![0].used;
    const point = await page.evaluate(centreOfText, used);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const card = await page.waitForSelector(CARD, { timeout: 5_000 });
    expect(await card!.evaluate((el) => el.getAttribute('aria-label'))).toBe(`Place: ${used}`);
    expect(await card!.evaluate((el) => el.textContent)).toMatch(/Russian|Ukrainian/);
    await h.screenshot(page, `${name}-note-card`);
    await page.keyboard.press('Escape');
    await noCard(page);
  });

  it('the popup page shows the article and the demands by party; Markdown copied is the command line’s', async () => {
    const popup = await h.extensionPage(`popup.html?tab=${tabId}`, { width: 400, height: 600 });
    try {
      await popup.waitForSelector('.summary h1', { timeout: 15_000 });
      expect(await textOf(popup, '.summary h1')).toBe(gold.article.title);
      const parties = await popup.$$eval('.party h3, .party h2', (els) => els.map((e) => e.textContent));
      for (const party of new Set(gold.demands!.map((d) => d.party))) expect(parties).toContain(party === 'russia' ? 'Russia' : 'Ukraine');
      const state = await h.stateOf(tabId);
      expect(await popup.$$eval('summary.demand', (els) => els.length)).toBe(
        state?.status === 'ready' ? state.analysis.demands.length : -1,
      );
      await h.screenshot(popup, `${name}-popup`);

      await clickButton(popup, 'Markdown');
      await until(popup, () =>
        /^Copied \d+ highlights and \d+ demands as Markdown\.$/.test(document.querySelector('.copied')?.textContent ?? ''),
      );
      const md = await popup.evaluate(() => navigator.clipboard.readText());
      expect(md).toBe(toMarkdown(cliAnalysis(html, page.url())));
    } finally {
      await popup.close();
    }
  });

  it('the sidebar page follows the annotated tab and shows the same summary', async () => {
    const panel = await h.extensionPage('sidepanel.html', { width: 360, height: 800 });
    try {
      await page.bringToFront();
      await until(panel, (title) => document.querySelector('.summary h1')?.textContent === title, gold.article.title);
      const state = await h.stateOf(tabId);
      expect(await panel.$$eval('summary.demand', (els) => els.length)).toBe(
        state?.status === 'ready' ? state.analysis.demands.length : -1,
      );
      await h.screenshot(panel, `${name}-sidebar`);
    } finally {
      await panel.close();
    }
  });
});

describe('hostile pages in Firefox', () => {
  it.each(['hostile/injection.html', 'hostile/csp.html'])('%s: annotated, no payload run, no page error', async (path) => {
    const errors: string[] = [];
    const page = await h.browser.newPage();
    // Firefox reports its own favicon request, refused by the page's CSP, as the page's error: not ours.
    page.on('pageerror', (e) => void (/favicon\.ico/.test(String(e)) || errors.push(String(e))));
    try {
      await page.goto(`${h.base}/${path}`);
      await page.waitForSelector('framing-lens-ui', { timeout: 15_000 });
      const tabId = await h.tabIdOf(page);
      for (const end = Date.now() + 15_000; (await h.stateOf(tabId))?.status !== 'ready' && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 100));
      expect((await h.stateOf(tabId))?.status).toBe('ready');
      expect((await page.evaluate(paintedRanges)).length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('options in Firefox', () => {
  it('a term added on the options page is annotated on the next page', async () => {
    const options = await h.extensionPage('options.html', { width: 1280, height: 900 });
    try {
      await options.waitForSelector('#term-concept', { timeout: 15_000 });
      await options.select('#term-category', 'loaded');
      const fill = (selector: string, value: string) => options.type(selector, value);
      await fill('#term-concept', 'nonstarter');
      await fill('#term-note', 'Dismissive verdict on a proposal, used by the outlet in its own voice.');
      await fill('#term-presumes', 'That the proposal cannot be negotiated at all.');
      await fill('#term-neutral', 'rejected');
      await fill('#variant-0-form', 'nonstarter');
      await fill('#variant-0-note', 'English word for a proposal with no chance.');
      await clickButton(options, 'Add term');
      await options.waitForSelector('.term-list li', { timeout: 5_000 });
      await h.screenshot(options, 'options');
    } finally {
      await options.close();
    }
    const page = await h.open('seeds/seed-2.html');
    try {
      const loaded = (await page.evaluate(paintedRanges)).filter((r) => r.name === 'framing-lens-loaded').map((r) => r.text);
      expect(loaded).toContain('nonstarter');
    } finally {
      await page.close();
    }
  });
});
