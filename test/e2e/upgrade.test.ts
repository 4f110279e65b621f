/**
 * An upgrade in real Chromium: the profile holds what the earlier version stored
 * (test/fixtures/storage/v1.json), the extension starts on it, and the options page shows it all:
 * the switched-off pack still off, the hidden category still hidden, every term, site and article
 * (history moved from storage.local into IndexedDB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { ArticleRecord } from '../../lib/history/record';
import type { Pack } from '../../lib/lexicon/types';
import { readFixture } from '../support/fixtures';
import { launch, type Harness } from './harness';

const V1 = JSON.parse(readFixture('storage/v1.json')) as {
  settings: { hiddenCategories: string[]; disabledPacks: string[] };
  userPack: Pack;
  alwaysOn: string[];
  history: ArticleRecord[];
};
type Chrome = { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } };

const profile = mkdtempSync(join(tmpdir(), 'framing-lens-upgrade-'));
let h: Harness | undefined;
const lost: string[] = [];
let records = 0;
afterAll(async () => {
  await h?.close();
  rmSync(profile, { recursive: true, force: true });
  console.log(`stored data checked in Chromium: ${records} records across 1 schema version (v1 as written so far), lost: ${lost.length}`);
  if (lost.length) throw new Error(`lost in upgrade: ${lost.join('; ')}`);
});

it('what version 1 stored is all there when the new version starts on it', async () => {
  // The earlier version's storage, exactly as it left it (no version meta), in the profile.
  h = await launch({ profile });
  await h.worker.evaluate(async (data) => (globalThis as unknown as Chrome).chrome.storage.local.set(data), V1);
  await h.close();

  h = await launch({ profile });
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('h1');

  const checkbox = (name: string | RegExp) => options.getByRole('checkbox', { name });
  const see = async (what: string, ok: () => Promise<boolean>) => {
    records++;
    if (!(await ok())) lost.push(what);
  };
  await see('pack russia-ukraine switched off', async () => !(await checkbox(/^Russia–Ukraine war \(/).isChecked()));
  await see('category region hidden', async () => !(await checkbox('Places').isChecked()));
  const terms = await options.locator('.term-list li').allTextContents();
  for (const e of V1.userPack.entries) await see(`term ${e.id}`, async () => terms.some((t) => t.includes(e.concept)));
  const sites = await options.locator('section[aria-labelledby="sites"] li').allTextContents();
  for (const o of V1.alwaysOn) await see(`site ${o}`, async () => sites.some((s) => s.includes(o)));
  const articles = await options.locator('.history li').allTextContents();
  for (const r of V1.history) await see(`record ${r.id}`, async () => articles.some((a) => a.includes(r.title)));
  await options.locator('.history').scrollIntoViewIfNeeded();
  await h.screenshot(options, 'upgrade-options');
  expect(lost).toEqual([]);
  expect(articles).toHaveLength(V1.history.length);

  // Stored at the new version, nothing else changed; history moved into IndexedDB whole (version 2).
  const stored = await h.worker.evaluate(async () => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  expect(stored).toMatchObject({
    settings: { hiddenCategories: V1.settings.hiddenCategories, packs: { 'russia-ukraine': false } },
    settings$: { v: 2 },
    userPack: V1.userPack,
    alwaysOn: V1.alwaysOn,
  });
  expect(stored.history).toBeUndefined();
  const history = await h.history();
  expect(history.map((r) => r.id).sort()).toEqual(V1.history.map((r) => r.id).sort());
  for (const r of V1.history) expect(history.find((x) => x.id === r.id)).toEqual(r);
});
