/**
 * Articles in other languages, in Chromium with the extension loaded: a real German page from the dev
 * set is read with the German pack, and an article in a language no pack covers says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { readHighlights } from './highlights';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  // Saved real pages keep their scripts' references to the web: nothing leaves 127.0.0.1.
  await h.context.route(
    (url) => url.protocol.startsWith('http') && url.origin !== h.base,
    (route) => route.abort(),
  );
}, 30_000);
afterAll(() => h?.close());

/** Highlighted texts by highlight name, as the reader sees them. */
async function highlighted(page: Page) {
  const out: Record<string, string[]> = {};
  for (const { name, text } of await readHighlights(page)) (out[name] ??= []).push(text);
  return out;
}

describe('languages', () => {
  it('reads a German article (Deutsche Welle) with the German pack: its spellings, and descriptive words left alone', async () => {
    const page = await h.open('dev/fundus-de-DW_2023_04_28/source.html');
    const state = await h.stateOf(await h.tabIdOf(page));
    expect(state?.status).toBe('ready');
    const marks = await highlighted(page);
    expect(marks['framing-lens-region']).toEqual(expect.arrayContaining(['Kiew', 'Bachmut', 'Charkiw', 'Saporischschja']));
    expect(marks['framing-lens-name']).toEqual(expect.arrayContaining(['Saluschnyj']));
    // "annektiert", "besetzt": words that describe, never flagged (lib/lexicon/packs/README.md).
    expect(await page.locator('body').textContent()).toMatch(/annektiert/);
    expect((marks['framing-lens-loaded'] ?? []).join(' | ')).not.toMatch(/annekt|besetzt/i);
    const popup = await h.popup(page);
    await expect.poll(() => popup.locator('.lexicon').textContent()).toBe('Read with: Russia–Ukraine war, Russia–Ukraine war: German');
    await h.screenshot(page, 'language-german-page');
    await h.screenshot(popup, 'language-german-popup');
  }, 60_000);

  it('marks the German framing vocabulary of a tagesschau article', async () => {
    const page = await h.open('dev/r2-trends-Tagesschau_2024_06_14/source.html');
    expect((await h.stateOf(await h.tabIdOf(page)))?.status).toBe('ready');
    const loaded = (await highlighted(page))['framing-lens-loaded'] ?? [];
    expect(loaded).toEqual(expect.arrayContaining(['illegal annektierte', 'Ukraine-Krise']));
    await h.screenshot(page, 'language-german-loaded');
  }, 60_000);

  it('says so for an article in a language no pack covers, and paints nothing', async () => {
    const page = await h.open('pages/spanish.html');
    expect((await h.stateOf(await h.tabIdOf(page)))?.status).toBe('unsupported-language');
    expect(await highlighted(page)).toEqual({});
    const popup = await h.popup(page);
    await expect.poll(() => popup.locator('.status h2').textContent()).toBe("No lexicon for this article's language");
    expect(await popup.locator('.status p').textContent()).toMatch(
      /This article is in Spanish, and no lexicon covers that language yet \(covered: .*German.*\)/,
    );
    await h.screenshot(popup, 'language-unsupported-popup');
  }, 60_000);
});
