import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { centreOfText, missingTerms, readHighlights } from './highlights';
import { SEEDS } from '../support/fixtures';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { toMarkdown } from '../../lib/export/export';

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 60_000);
afterAll(async () => h?.close());

/** The centre of the first body occurrence of `surface` in the article, scrolled into view. */
const centreOf = (page: Page, surface: string) => page.evaluate(centreOfText, surface);

describe.each(SEEDS)('$name in Chromium', ({ name, gold, html }) => {
  let page: Page;
  let original: string;
  beforeAll(async () => {
    page = await h.open(`seeds/${name}.html`);
    original = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new XMLSerializer().serializeToString(new DOMParser().parseFromString(html, 'text/html').querySelector('article')!);
    });
  }, 60_000);

  it('takes no room, adds no script and raises no page error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const host = await page.evaluate(() => {
      const r = document.querySelector('framing-lens-ui')!.getBoundingClientRect();
      return { width: r.width, height: r.height, scripts: document.scripts.length };
    });
    expect(host).toEqual({
      width: 0,
      height: 0,
      scripts: await page.evaluate(
        async () => new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html').scripts.length,
      ),
    });
    await page.reload();
    await page.waitForFunction(() => document.querySelector('framing-lens-ui') !== null);
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
  });

  it('paints the gold terms, inside the article only, without touching its DOM', async () => {
    const highlights = await readHighlights(page);
    expect(highlights.length).toBeGreaterThan(10);
    expect(highlights.filter((x) => !x.inArticle || x.inChrome)).toEqual([]);
    expect(missingTerms(highlights, gold.terms)).toEqual([]);
    expect(await page.evaluate(() => new XMLSerializer().serializeToString(document.querySelector('article')!))).toBe(original);
    expect(
      await page.evaluate(() =>
        [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(framing-lens-'))),
      ),
    ).toBe(true);
    // The rules sit on the root; the paragraph's highlight inherits them.
    expect(
      await page.evaluate(() => {
        const [range] = CSS.highlights.get('framing-lens-region')!;
        return getComputedStyle((range as StaticRange).startContainer.parentElement!, '::highlight(framing-lens-region)').backgroundColor;
      }),
    ).toBe('rgba(0, 158, 115, 0.16)');
  });

  it('opens a note card on click and on the keyboard, and closes it with Esc', async () => {
    const point = await centreOf(page, gold.spellings![0].used);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const card = page.locator('framing-lens-ui [role="dialog"]');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('aria-label')).toBe(`Place: ${gold.spellings![0].used}`);
    expect(await card.textContent()).toMatch(/Russian|Ukrainian/);
    await h.screenshot(page, `${name}-note-card`);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // Resting the pointer on a term opens its card too.
    await page.mouse.move(point!.x, point!.y + 1);
    await expect.poll(() => card.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card.count()).toBe(1);
    await page.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => card.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it("a loaded phrase's card says what it presumes and who rejects it", async () => {
    // seed-1's phrase comes from Russia's side ("formerly Ukrainian regions"), seed-2's from Ukraine's ("sham referendums").
    const loaded = gold.terms.find((t) => t.category === 'loaded')!;
    const point = await centreOf(page, loaded.surface);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const card = page.locator('framing-lens-ui [role="dialog"]');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('.term').textContent()).toBe(loaded.surface);
    expect(await card.locator('.presumes').textContent()).toMatch(/^Presumes: That /);
    expect(await card.locator('.objection').textContent()).toMatch(/^Objection: .+ (?:rejects?|disputes?) /);
    // The whole card is on screen, above the term when the room below is short; it scrolls inside.
    const box = await card.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    await h.screenshot(page, `${name}-loaded-card`);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('the legend switches a category off and on', async () => {
    const toggle = page.locator('framing-lens-ui .legend button[aria-pressed]', { hasText: 'Loaded phrases' });
    const loaded = async () => (await readHighlights(page)).filter((x) => x.name === 'framing-lens-loaded').length;
    const before = await loaded();
    expect(before).toBeGreaterThan(0);
    await toggle.click();
    await expect.poll(loaded).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(loaded).toBe(before);
  });

  it('shows spellings and demands by party in the popup; a demand scrolls to its sentence', async () => {
    const popup = await h.popup(page);
    const text = await popup.locator('.summary').textContent();
    expect(text).toContain(gold.article.title);
    expect(text).toContain(`${gold.spellings![0].used} ×`);
    for (const party of new Set(gold.demands!.map((d) => d.party))) expect(text).toContain(party === 'russia' ? 'Russia' : 'Ukraine');
    // The first screen, unscrolled, at the popup's real size: the framing at a glance, the demands by
    // party (each one line), and the Copy buttons. The notes wait behind disclosures.
    const bottom = async (locator: Locator) =>
      ((await locator.boundingBox())?.y ?? Infinity) + ((await locator.boundingBox())?.height ?? 0);
    await h.screenshot(popup, `${name}-popup`);
    expect(await popup.evaluate(() => [innerWidth, innerHeight, scrollY])).toEqual([400, 600, 0]);
    expect(await bottom(popup.locator('.chips'))).toBeLessThanOrEqual(600);
    const demands = popup.locator('summary.demand');
    expect(await demands.count()).toBeGreaterThan(0);
    for (const line of await demands.all()) expect((await line.boundingBox())!.height).toBeLessThan(24);
    expect(await bottom(popup.locator('.party').first())).toBeLessThanOrEqual(600);
    expect(await bottom(popup.getByRole('button', { name: 'Markdown' }))).toBeLessThanOrEqual(600);
    expect(await popup.locator('details[open]').count()).toBe(0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('summary.demand').last().click();
    // (An earlier test's flash may still be fading: the scroll is what says this one arrived.)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('framing-lens-flash'))).toBe(true);
    // Opened, the demand shows its whole sentence in the popup too.
    expect(await popup.locator('.party details[open] .sentence').last().isVisible()).toBe(true);

    // A note opens from the keyboard.
    const note = popup.locator('ul.notes details').first();
    expect(await note.locator('.note').isVisible()).toBe(false);
    await note.locator('summary').focus();
    await popup.keyboard.press('Enter');
    expect(await note.locator('.note').isVisible()).toBe(true);
    await popup.close();
  });

  it('copies the Markdown with every highlight and demand', async () => {
    const popup = await h.popup(page);
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByRole('button', { name: 'Markdown' }).click();
    await expect.poll(() => popup.locator('.copied').textContent()).toMatch(/^Copied \d+ highlights and \d+ demands as Markdown\.$/);
    const md = await popup.evaluate(() => navigator.clipboard.readText());
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(md).toMatch(new RegExp(`^# Framing: ${esc(gold.article.title)}`));
    for (const term of gold.terms) expect(md, term.surface).toMatch(new RegExp(`^- \\*\\*[^*\\n]*${esc(term.surface)}`, 'mi'));
    for (const d of gold.demands!) expect(md).toContain(`\`${d.topic}\``);
    // The command line's Markdown for the same page, byte for byte (the Firefox suite holds the same).
    const cli = analyzeDocument(parseHtml(html, page.url()), builtinEngines(), page.url());
    expect(md).toBe(cli.ok ? toMarkdown(cli.analysis) : null);
    await popup.close();
  });
});

describe('other pages', () => {
  it('a page with no article says so in the popup', async () => {
    const page = await h.open('pages/no-article.html');
    const popup = await h.popup(page);
    expect(await popup.locator('h2').first().textContent()).toBe('No article found on this page');
    expect(await readHighlights(page)).toEqual([]);
    await h.screenshot(popup, 'no-article-popup');
  });

  it('a page that re-renders its article is annotated again', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.base}/pages/rerender.html`);
    const covered = async () => {
      const texts = (await readHighlights(page)).map((x) => x.text);
      return ['Kremlin', 'Peskov', 'Zelenskyy', 'so-called referendums'].filter((w) => texts.some((t) => t.includes(w)));
    };
    await expect.poll(covered, { timeout: 10_000 }).toEqual(['Kremlin', 'Peskov', 'Zelenskyy', 'so-called referendums']);
    const popup = await h.popup(page);
    expect(await popup.locator('h1').textContent()).toBe('Kremlin sets out terms');
    expect(await popup.locator('.summary').textContent()).toMatch(/Ukraine.*withdraw/);
  });
});
