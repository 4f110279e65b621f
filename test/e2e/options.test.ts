import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { readHighlights } from './highlights';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('h1');
}, 60_000);
afterAll(async () => h?.close());

const storedUserPack = () =>
  h.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('userPack')).userPack ?? null;
  });

describe('options', () => {
  it('validates a new term as you type, then adds it; the next annotation uses it', async () => {
    await options.selectOption('#term-category', 'loaded');
    await options.fill('#term-concept', 'nonstarter');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => options.locator('#term-note-error').textContent()).toBe('must not be empty');
    expect(await storedUserPack()).toBeNull();

    await options.fill('#term-note', 'Dismissive verdict on a proposal, used by the outlet in its own voice.');
    await options.fill('#term-presumes', 'That the proposal cannot be negotiated at all.');
    await options.fill('#term-neutral', 'rejected');
    await options.fill('#variant-0-form', 'nonstarter');
    await options.fill('#variant-0-note', 'English word for a proposal with no chance.');
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => options.locator('.term-list li').count()).toBe(1);
    expect(await storedUserPack()).toMatchObject({ id: 'my-terms', entries: [{ id: 'my-nonstarter', category: 'loaded' }] });
    await h.screenshot(options, 'options');

    const page = await h.open('seeds/seed-2.html');
    expect(await loadedTexts(page)).toContain('nonstarter');
  });

  it('switches on the general loaded-language pack, off by default: the next annotation uses it', async () => {
    const general = options.getByRole('checkbox', { name: /Loaded language \(general\)/ });
    expect(await general.isChecked()).toBe(false);
    const loadedOn = async () => {
      const page = await h.open('seeds/seed-2.html');
      // The core pack's loaded phrases are painted in any case: wait for them, not for a tab of the same URL closed just before.
      await page.waitForFunction(() => (CSS.highlights.get('framing-lens-loaded')?.size ?? 0) > 0);
      const texts = await loadedTexts(page);
      await page.close();
      return texts;
    };
    expect(await loadedOn()).not.toContain('claimed');
    await general.check();
    await expect
      .poll(() =>
        h.worker.evaluate(async () => {
          const api = (
            globalThis as unknown as {
              chrome: { storage: { local: { get(k: string): Promise<Record<string, { packs?: Record<string, boolean> }>> } } };
            }
          ).chrome;
          return (await api.storage.local.get('settings')).settings?.packs?.['loaded-language'];
        }),
      )
      .toBe(true);
    expect(await loadedOn()).toContain('claimed');
    await h.screenshot(options, 'options-packs');
  });

  it('rejects an invalid lexicon import with the line, entry and field, and keeps the current lexicon', async () => {
    const before = await storedUserPack();
    const bad = JSON.stringify(
      {
        ...(before as object),
        entries: [{ id: 'bad-term', category: 'loaded', concept: 'x', note: 'A note long enough.', variants: [{ form: '', note: 'n' }] }],
      },
      null,
      2,
    );
    await options.setInputFiles('#import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const message = options.locator('.message.error');
    await expect.poll(() => message.textContent()).toMatch(/broken\.json was not imported:/);
    expect(await message.textContent()).toMatch(/line \d+: entries\[0\]\.variants\[0\]\.form \(id "bad-term"\): must not be empty/);
    expect(await storedUserPack()).toEqual(before);

    await options.setInputFiles('#import', { name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "schema": ') });
    await expect.poll(() => message.textContent()).toMatch(/not-json\.json was not imported:line 1: not valid JSON/);
    expect(await storedUserPack()).toEqual(before);
    await h.screenshot(options, 'options-import-error');
  });

  it('reads a page already open again when a term is removed', async () => {
    const page = await h.open('seeds/seed-2.html');
    expect(await loadedTexts(page)).toContain('nonstarter');
    await options.getByRole('button', { name: 'Remove nonstarter' }).click();
    await expect.poll(() => loadedTexts(page)).not.toContain('nonstarter');
    // The page's other loaded phrases are painted again, not just cleared.
    expect((await loadedTexts(page)).length).toBeGreaterThan(0);
  });

  it('an annotation keeps its record in IndexedDB and writes nothing to storage.local, whose listeners pages would be handed', async () => {
    // History once lived in storage.local: each annotation rewrote all of it, megabytes that every
    // storage listener in the browser was handed. Now each record is its own IndexedDB entry.
    await h.worker.evaluate(() => {
      const scope = globalThis as unknown as {
        __changes: string[];
        chrome: { storage: { onChanged: { addListener(f: (c: object, area: string) => void): void } } };
      };
      scope.__changes = [];
      scope.chrome.storage.onChanged.addListener((changes, area) =>
        scope.__changes.push(...Object.keys(changes).map((k) => `${area}:${k}`)),
      );
    });
    const url = `${h.base}/pages/unrelated.html`;
    expect((await h.history()).map((r) => r.id)).not.toContain(url);
    await h.open('pages/unrelated.html');
    await expect.poll(async () => (await h.history()).map((r) => r.id)).toContain(url);
    expect(await h.worker.evaluate(() => (globalThis as unknown as { __changes: string[] }).__changes)).toEqual([]);
  });
});

/** The texts painted as loaded phrases on a page. */
async function loadedTexts(page: Page): Promise<string[]> {
  return (await readHighlights(page)).filter((x) => x.name === 'framing-lens-loaded').map((x) => x.text);
}
