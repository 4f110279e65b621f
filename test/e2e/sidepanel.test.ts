import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 60_000);
afterAll(async () => h?.close());

it('the side panel follows the active tab and updates when it is annotated again', async () => {
  const seed1 = await h.open('seeds/seed-1.html');
  const seed2 = await h.open('seeds/seed-2.html');
  const panel = await h.context.newPage();
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  await expect.poll(() => panel.locator('h2').first().textContent()).toBe('This tab is not annotated yet');

  await seed1.bringToFront();
  await expect.poll(() => panel.locator('.summary h1').textContent()).toBe('Putin Makes Public Peace Offer to Ukraine');
  await seed2.bringToFront();
  await expect.poll(() => panel.locator('.summary h1').textContent()).toMatch(/^Putin Offers Cease-Fire/);
  const before = await panel.locator('.summary').textContent();
  expect(before).toContain('Kyiv ×6');

  // The page loads more text: the content script re-annotates, and the panel shows it.
  await seed2.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later on Friday, officials in Kyiv repeated that Kyiv would not cede territory.';
    document.querySelector('article')!.append(p);
  });
  await expect.poll(() => panel.locator('.summary').textContent(), { timeout: 10_000 }).toContain('Kyiv ×8');

  // At the side panel's usual width, the first screen holds Copy, the framing at a glance and the demands.
  await panel.setViewportSize({ width: 360, height: 800 });
  await h.screenshot(panel, 'sidepanel');
  const bottom = async (selector: string) => {
    const box = (await panel.locator(selector).first().boundingBox())!;
    return box.y + box.height;
  };
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const selector of ['.export button', '.chips', '.party']) expect(await bottom(selector), selector).toBeLessThanOrEqual(800);
});
