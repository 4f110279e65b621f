/**
 * The page side cleans up after itself, and keeps its highlights against a page that removes them:
 * - after the extension is switched off and on again with an annotated tab open (as an update or a
 *   reload does, by another extension with the `management` permission), the old content script lets go of every
 *   listener, observer and timer it held (the e2e build writes what is left held when it is torn
 *   down), logs no error, and the new one annotates the page in its place;
 * - a page that clears `CSS.highlights` on a timer never shows a frame without our highlights.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { extensionIdOf, launch, serviceWorkerOf, type Harness } from './harness';
import { readHighlights } from './highlights';
import { SEEDS } from '../support/fixtures';

/** Chromium does not bring back an extension loaded from the command line that reloads itself; one switched off and on returns. */
const MANAGER = fileURLToPath(new URL('../fixtures/manager-extension', import.meta.url));

type Chrome = {
  chrome: {
    management: { setEnabled(id: string, enabled: boolean): Promise<void> };
    scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  };
};

/** Seed 1, with a script that clears every highlight of the page ten times a second. */
const CLEARING = SEEDS[0].html.replace('</body>', '<script>setInterval(() => CSS.highlights.clear(), 100);</script></body>');

let h: Harness;
let manager: Worker;
beforeAll(async () => {
  h = await launch({ generated: { 'clears-highlights.html': CLEARING }, extensions: [MANAGER] });
  manager = await serviceWorkerOf(h.context, extensionIdOf(MANAGER));
}, 60_000);
afterAll(async () => h?.close());

/** Frames, of `count`, in which no Framing Lens highlight was there when the page was drawn. */
function framesWithout(page: Page, count: number): Promise<number> {
  return page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        let seen = 0;
        let missing = 0;
        // Registered after the extension's own check, this frame callback runs after it, just before the frame is drawn.
        const frame = () => {
          const ours = [...CSS.highlights.keys()].some((k) => k.startsWith('framing-lens-'));
          if (!ours) missing++;
          if (++seen < n) requestAnimationFrame(frame);
          else resolve(missing);
        };
        requestAnimationFrame(frame);
      }),
    count,
  );
}

it('a page that clears the highlights on a timer never shows a frame without them', async () => {
  const page = await h.open('clears-highlights.html');
  expect(await framesWithout(page, 60)).toBe(0);
  await h.screenshot(page, 'clears-highlights');
  await page.close();
});

it('after the extension is switched off and on, the old content script lets go of everything and the new one takes over', async () => {
  const page = await h.open(`seeds/${SEEDS[0].name}.html`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const tabId = await h.tabIdOf(page);
  expect((await readHighlights(page)).length).toBeGreaterThan(0);

  const setEnabled = (enabled: boolean) =>
    manager.evaluate(([id, on]) => (globalThis as unknown as Chrome).chrome.management.setEnabled(id, on), [
      h.extensionId,
      enabled,
    ] as const);
  await setEnabled(false);
  // The page changes: the old script notices the extension is gone and lets go of all it held.
  await page.evaluate(() =>
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'An update.' })),
  );
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.framingLensReleased), { timeout: 10_000 }).toBe('0');
  expect(await page.locator('framing-lens-ui').count()).toBe(0);
  expect(await readHighlights(page)).toEqual([]);

  // The extension is back and annotates the page again, with nothing of the old one in the way.
  const restarted = h.context.waitForEvent('serviceworker', (w) => new URL(w.url()).host === h.extensionId);
  await setEnabled(true);
  const worker = await restarted;
  await worker.evaluate(
    (id) =>
      (globalThis as unknown as Chrome).chrome.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] }),
    tabId,
  );
  await expect.poll(() => page.locator('framing-lens-ui').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await readHighlights(page)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await h.screenshot(page, 'after-extension-reload');
  expect(errors).toEqual([]);
});
