import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';

const profile = mkdtempSync(join(tmpdir(), 'framing-lens-restart-'));
let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** What the extension stored: history in IndexedDB, and the keys of storage.local (where history lived before). */
const storedHistory = async (harness: Harness) => ({
  history: await harness.history(),
  keys: await harness.worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    return Object.keys(await api.storage.local.get(null));
  }),
});

async function openCompare(harness: Harness, page: Page): Promise<Page> {
  const panel = await harness.context.newPage();
  await panel.goto(`chrome-extension://${harness.extensionId}/sidepanel.html`);
  await page.bringToFront();
  await expect.poll(() => panel.locator('.summary h1').textContent()).toBeTruthy();
  await panel.getByRole('tab', { name: 'Compare' }).click();
  return panel;
}

it('compares the two seed outlets as one story, and exports the table', async () => {
  h = await launch({ profile });
  await h.open('seeds/seed-1.html');
  await h.open('pages/unrelated.html');
  const seed2 = await h.open('seeds/seed-2.html');
  await expect.poll(async () => (await storedHistory(h!)).history.length).toBe(3);

  const panel = await openCompare(h, seed2);
  await expect.poll(() => panel.locator('.summary h2').textContent()).toBe('Same story (2 articles)');
  const story = await panel.locator('.story').textContent();
  expect(story).toContain('Antiwar.com');
  expect(story).toContain('The Daily Ledger');
  expect(story).not.toContain('Heat pumps');

  const row = (name: string) => panel.locator('tr', { has: panel.locator('th[scope="row"]', { hasText: name }) });
  expect(await row('Kyiv (capital of Ukraine)').getAttribute('class')).toBe('differs');
  expect(await row('Kyiv (capital of Ukraine)').locator('td').allTextContents()).toEqual(['Kiev', 'Kyiv']);
  expect(await row('Volodymyr Zelenskyy').locator('td').allTextContents()).toEqual(['Zelensky', 'Zelenskyy']);
  expect((await row('formerly Ukrainian regions').locator('td').allTextContents()).map((x) => x.replace(/sentences.*/, ''))).toEqual([
    "Outlet's own voice",
    '—',
  ]);
  expect((await row('sham referendums').locator('td').allTextContents()).map((x) => x.replace(/sentences.*/, ''))).toEqual([
    '—',
    "Outlet's own voice",
  ]);
  const demand = (key: string) => panel.locator(`tr[data-topic="${key}"]`);
  for (const [key, cells] of [
    ['ukraine:war-crimes-tribunal', ['reported', 'omits']],
    ['ukraine:reparations', ['reported', 'omits']],
    ['russia:demilitarization', ['omits', 'reported']],
    ['russia:russian-speakers-rights', ['omits', 'reported']],
    ['ukraine:join-nato', ['omits', 'reported']],
  ] as const) {
    expect(await demand(key).getAttribute('class'), key).toBe('differs');
    expect((await demand(key).locator('td').allTextContents()).map((x) => x.replace(/sentences.*/, ''))).toEqual(cells);
  }
  for (const key of ['withdraw-from-annexed-regions', 'recognize-annexation', 'neutrality-no-nato', 'non-nuclear-status', 'lift-sanctions'])
    expect(await demand(`russia:${key}`).getAttribute('class'), key).toBe('agrees');
  // The differences first, in every table.
  for (const table of await panel.locator('.compare tbody').all()) {
    const classes = await table.locator('tr').evaluateAll((rows) => rows.map((r) => r.className));
    expect(classes).toEqual([...classes].sort((a, b) => Number(b === 'differs') - Number(a === 'differs')));
  }
  // A wide panel: a table, one column per outlet.
  await panel.setViewportSize({ width: 800, height: 900 });
  expect(await panel.locator('.compare thead').first().isVisible()).toBe(true);
  await h.screenshot(panel, 'compare-800');
  // A narrow one: each row a card, each cell named by its outlet, nothing wider than the panel.
  await panel.setViewportSize({ width: 360, height: 900 });
  expect(await panel.locator('.compare thead').first().isVisible()).toBe(false);
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(
    await row('Kyiv (capital of Ukraine)')
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content),
  ).toBe('"Antiwar.com: "');
  await h.screenshot(panel, 'compare-360');

  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy table (Markdown)' }).click();
  await expect.poll(() => panel.locator('.copied').textContent()).toBe('Copied the comparison of 2 articles as Markdown.');
  const md = await panel.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('| Concept | Antiwar.com | The Daily Ledger |');
  expect(md).toContain('| Kyiv (capital of Ukraine) | **Kiev** | **Kyiv** |');
  expect(md).toMatch(/`war-crimes-tribunal` \| \*\*reported\*\* \| \*\*omits\*\* \|/);
});

it('keeps history across a browser restart, and deleting all of it leaves nothing behind', async () => {
  await h!.close();
  h = await launch({ profile });
  const { history } = await storedHistory(h);
  expect(history.map((r) => r.title)).toEqual([
    'Putin Makes Public Peace Offer to Ukraine',
    'Heat pumps outsell gas boilers for the first time',
    'Putin Offers Cease-Fire if Ukraine Withdraws from Annexed Regions and Drops NATO Bid — Kyiv Rejects Proposal',
  ]);
  expect(JSON.stringify(history)).not.toContain('Kyle Anzalone is the opinion editor');

  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await expect.poll(() => options.locator('.history li').count()).toBe(3);
  await options.getByRole('button', { name: 'Delete Heat pumps outsell gas boilers for the first time from history' }).click();
  await expect.poll(async () => (await storedHistory(h!)).history.length).toBe(2);
  options.once('dialog', (d) => void d.accept());
  await options.getByRole('button', { name: 'Delete all history' }).click();
  await expect.poll(async () => (await storedHistory(h!)).history).toEqual([]);
  expect((await storedHistory(h)).keys.filter((k) => k.startsWith('history'))).toEqual([]);
  await expect.poll(() => options.locator('.history li').count()).toBe(0);
});
