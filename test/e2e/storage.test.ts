/**
 * Data safety in real Chromium: imports are checked whole before one write, so a bad file or a full
 * storage changes nothing; version 1's history moves into IndexedDB whole; history on a full storage
 * keeps the newest record, drops the fewest oldest and tells the user.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportHistory } from '../../lib/history/history';
import type { ArticleRecord } from '../../lib/history/record';
import type { Pack } from '../../lib/lexicon/types';
import { readFixture } from '../support/fixtures';
import { launch, type Harness } from './harness';

type Local = {
  QUOTA_BYTES: number;
  get(k: null): Promise<Record<string, unknown>>;
  set(v: object): Promise<void>;
  remove(k: string): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(k: null): Promise<number>;
};
type Chrome = { chrome: { storage: { local: Local } } };

const V1 = JSON.parse(readFixture('storage/v1.json')) as { userPack: Pack; history: ArticleRecord[] };
/** Stored items with their version meta; history as version 1 kept it, which the extension moves into IndexedDB. */
const CURRENT = { history: V1.history, history$: { v: 1 }, userPack: V1.userPack, userPack$: { v: 1 } };
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();
const copies = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, k) => ({
    ...V1.history[k % V1.history.length],
    id: `https://example.org/${prefix}-${k}`,
    title: `${prefix} ${k}`,
  }));

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
  options = await h.context.newPage();
}, 60_000);
afterAll(async () => h?.close());

const stored = () => h.worker.evaluate(async () => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
/** Storage holding exactly `data` and no history in IndexedDB, and the options page opened on it (which moves `data.history` in). */
async function install(data: Record<string, unknown>) {
  await options.goto('about:blank');
  await h.worker.evaluate(async (d) => {
    await new Promise((resolve, reject) => {
      const deleting = indexedDB.deleteDatabase('framing-lens-history');
      deleting.onsuccess = resolve;
      deleting.onerror = () => reject(deleting.error);
    });
    const local = (globalThis as unknown as Chrome).chrome.storage.local;
    await local.clear();
    await local.set(d);
  }, data);
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('.history li');
}
/** Fills storage with a filler key up to `room` bytes short of the 10 MB quota; the room left, as Chrome counts it. */
const fill = (room: number) =>
  h.worker.evaluate(async (r) => {
    const local = (globalThis as unknown as Chrome).chrome.storage.local;
    const used = await local.getBytesInUse(null);
    await local.set({ filler: 'x'.repeat(local.QUOTA_BYTES - used - r - 'filler'.length - 2) });
    return local.QUOTA_BYTES - (await local.getBytesInUse(null));
  }, room);
const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(value, null, 2)),
});

beforeEach(() => install(CURRENT));

describe('history version 1', () => {
  it('moves from storage.local into IndexedDB whole, and leaves storage.local', async () => {
    const history = await h.history();
    expect(ids(history)).toEqual(ids(V1.history));
    for (const r of V1.history) expect(history.find((x) => x.id === r.id)).toEqual(r);
    expect(Object.keys(await stored()).filter((k) => k.startsWith('history'))).toEqual([]);
  });
});

describe('imports are all or nothing', () => {
  it('a history file with an error in its last record changes nothing; a valid one lands whole', async () => {
    const records = copies(3, 'imported');
    const before = { stored: await stored(), history: await h.history() };
    const broken = JSON.parse(exportHistory(records));
    broken.records[2].loaded[0].voice = 'loud';
    await options.setInputFiles('#import-history', file('broken-history.json', broken));
    const message = options.locator('.history .message');
    await expect.poll(() => message.textContent()).toMatch(/^broken-history\.json was not imported:line \d+: records\[2\]\.loaded\[0\]/);
    expect({ stored: await stored(), history: await h.history() }).toEqual(before);

    await options.setInputFiles('#import-history', file('history.json', JSON.parse(exportHistory(records))));
    await expect.poll(() => message.textContent()).toBe('Imported 3 articles from history.json.');
    expect(await stored()).toEqual(before.stored);
    expect(ids(await h.history())).toEqual(ids([...V1.history, ...records]));
    await expect.poll(() => options.locator('.history li').count()).toBe(V1.history.length + 3);
  });

  it('a lexicon file with an error in its last entry changes nothing; a valid one lands whole', async () => {
    const entry = (k: number) => ({
      ...V1.userPack.entries[0],
      id: `my-imported-${k}`,
      variants: [{ form: `imported ${k}`, note: 'A form.' }],
    });
    const pack = { ...V1.userPack, entries: [...V1.userPack.entries, entry(1), entry(2), entry(3)] };
    const before = await stored();
    const broken = structuredClone(pack);
    broken.entries[5].variants[0].note = '';
    await options.setInputFiles('#import', file('broken-terms.json', broken));
    const message = options.locator('section[aria-labelledby="io"] .message');
    await expect
      .poll(() => message.textContent())
      .toMatch(/broken-terms\.json was not imported:line \d+: entries\[5\]\.variants\[0\]\.note/);
    expect(await stored()).toEqual(before);

    await options.setInputFiles('#import', file('terms.json', pack));
    await expect.poll(() => message.textContent()).toBe('Imported 6 terms from terms.json.');
    expect(await stored()).toEqual({ ...before, userPack: pack });
    await expect.poll(() => options.locator('.term-list li').count()).toBe(6);
  });
});

describe('a full storage', () => {
  it('refuses what the user saves where they acted, keeps what they typed, and changes nothing', async () => {
    expect(await fill(50)).toBe(50);
    const before = await stored();
    const full = /^Not saved: the extension's storage is full/;

    await options.setInputFiles('#import', file('terms.json', { ...V1.userPack, description: 'A longer description '.repeat(10) }));
    await expect
      .poll(() => options.locator('section[aria-labelledby="io"] .message').textContent())
      .toMatch(/was not imported:Not saved: the extension's storage is full/);

    const typed = {
      '#term-concept': 'stalemate',
      '#term-note': 'Neither side advances.',
      '#variant-0-form': 'stalemate',
      '#variant-0-note': 'English.',
    };
    await options.selectOption('#term-category', 'name');
    for (const [field, text] of Object.entries(typed)) await options.fill(field, text);
    await options.getByRole('button', { name: 'Add term' }).click();
    await expect.poll(() => options.locator('.term-form [role="alert"]').textContent()).toMatch(full);
    for (const [field, text] of Object.entries(typed)) expect(await options.inputValue(field)).toBe(text);

    const places = options.getByRole('checkbox', { name: 'Places' });
    await places.click();
    await expect.poll(() => options.locator('section[aria-labelledby="categories"] .message').textContent()).toMatch(full);
    expect(await places.isChecked()).toBe(true);
    await h.screenshot(options, 'storage-full-save');

    expect(await stored()).toEqual(before);
  });

  it('tells the user, until dismissed, how many old articles a full storage removed', async () => {
    // Which records go, and how many, is tested in test/unit/history-store.test.ts: Chromium's quota for
    // IndexedDB cannot be made small here in a way that frees room as records are deleted.
    const dropped = 7;
    await h.worker.evaluate(async (notice) => (globalThis as unknown as Chrome).chrome.storage.local.set({ notice, notice$: { v: 1 } }), {
      droppedRecords: dropped,
      at: '2026-11-01T10:00:00.000Z',
    });
    const told = `Storage was full: the ${dropped} oldest articles were removed`;

    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('.notice').textContent()).toContain(told);
    await h.screenshot(panel, 'storage-full-sidepanel');

    await options.reload();
    const notice = options.locator('.history .notice');
    await expect.poll(() => notice.textContent()).toContain(told);
    await notice.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'storage-full-options');

    await options.getByRole('button', { name: 'Dismiss the notice about removed history' }).click();
    await expect.poll(() => options.locator('.notice').count()).toBe(0);
    await expect.poll(() => panel.locator('.notice').count()).toBe(0);
    expect((await stored()).notice).toBeUndefined();
  });
});
