import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await launch();
}, 60_000);
afterAll(async () => h?.close());

/** Serious and critical axe violations in the page (or in one element of it). */
async function audit(page: Page, selector?: string): Promise<string[]> {
  // Evaluated, not injected as a <script>: extension pages' CSP forbids inline scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const context = sel ? { include: [[sel]] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

it('the popup has no serious or critical accessibility violations', async () => {
  const page = await h.open('seeds/seed-1.html');
  const popup = await h.popup(page);
  expect(await audit(popup)).toEqual([]);
});

it('an open note card has none', async () => {
  const page = await h.open('seeds/seed-2.html');
  await page.keyboard.press('Alt+Shift+KeyN');
  await page.waitForSelector('framing-lens-ui [role="dialog"]');
  expect(await audit(page, 'framing-lens-ui')).toEqual([]);
});

it('the side panel has none', async () => {
  const panel = await h.context.newPage();
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  await panel.waitForSelector('h2');
  expect(await audit(panel)).toEqual([]);
});

it('the options page has none, with errors showing', async () => {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('h1');
  await options.getByRole('button', { name: 'Add term' }).click();
  expect(await audit(options)).toEqual([]);
});

it('every control in the popup is reachable by keyboard', async () => {
  const page = await h.open('seeds/seed-1.html');
  const popup = await h.popup(page);
  const controls = await popup.locator('button:not([disabled]), input, a[href]').count();
  const reached = new Set<string>();
  for (let i = 0; i < controls + 2; i++) {
    await popup.keyboard.press('Tab');
    reached.add(
      await popup.evaluate(() =>
        document.activeElement
          ? `${document.activeElement.tagName}:${document.activeElement.textContent}:${[...document.querySelectorAll('*')].indexOf(document.activeElement)}`
          : '',
      ),
    );
  }
  expect(reached.size).toBeGreaterThanOrEqual(controls);
});

it('follows the system dark setting and stays usable at 200% zoom', async () => {
  const page = await h.open('seeds/seed-2.html');
  const popup = await h.popup(page);
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(28, 28, 28)');
  await h.screenshot(popup, 'popup-dark');
  // 200% zoom in the largest popup a browser opens (800×600): nothing may need sideways scrolling.
  await popup.setViewportSize({ width: 800, height: 600 });
  await popup.evaluate(() => ((document.body.style as CSSStyleDeclaration & { zoom: string }).zoom = '2'));
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await h.screenshot(popup, 'popup-zoom-200');
  expect(await audit(popup)).toEqual([]);
});
