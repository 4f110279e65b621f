/**
 * Data safety in real Chromium: imports are checked whole before one write, so a bad file or a full
 * storage changes nothing; history on a full storage keeps the newest record and tells the user.
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
/** The current items as the extension stores them: values with their version meta. */
const CURRENT = { history: V1.history, history$: { v: 1 }, userPack: V1.userPack, userPack$: { v: 1 } };
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
/** Storage holding exactly `data`, and the options page opened on it. */
async function install(data: Record<string, unknown>) {
  await h.worker.evaluate(async (d) => {
    const local = (globalThis as unknown as Chrome).chrome.storage.local;
    await local.clear();
    await local.set(d);
  }, data);
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.waitForSelector('.history');
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

describe('imports are all or nothing', () => {
  it('a history file with an error in its last record changes nothing; a valid one lands whole', async () => {
    const records = copies(3, 'imported');
    const before = await stored();
    const broken = JSON.parse(exportHistory(records));
    broken.records[2].loaded[0].voice = 'loud';
    await options.setInputFiles('#import-history', file('broken-history.json', broken));
    const message = options.locator('.history .message');
    await expect.poll(() => message.textContent()).toMatch(/^broken-history\.json was not imported:line \d+: records\[2\]\.loaded\[0\]/);
    expect(await stored()).toEqual(before);

    await options.setInputFiles('#import-history', file('history.json', JSON.parse(exportHistory(records))));
    await expect.poll(() => message.textContent()).toBe('Imported 3 articles from history.json.');
    expect(await stored()).toEqual({ ...before, history: [...V1.history, ...records] });
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
    await options.setInputFiles('#import-history', file('history.json', JSON.parse(exportHistory(copies(1, 'imported')))));
    await expect
      .poll(() => options.locator('.history .message').textContent())
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

  it('keeps the newest article in history, drops the fewest oldest, and tells the user until dismissed', async () => {
    // Small old records (no framing found), so the new article's record needs many of them to go.
    const old = copies(60, 'old').map((r) => ({ ...r, spellings: [], loaded: [], demands: [] }));
    await install({ ...CURRENT, history: old });
    expect(await fill(500)).toBe(500);

    const page = await h.open('seeds/seed-1.html');
    await expect.poll(async () => (await stored()).notice, { timeout: 15_000 }).toBeTruthy();
    const after = await stored();
    const history = after.history as ArticleRecord[];
    const dropped = (after.notice as { droppedRecords: number }).droppedRecords;
    expect(dropped).toBeGreaterThan(0);
    expect(history.map((r) => r.id)).toEqual([...old.slice(dropped).map((r) => r.id), page.url()]);
    // The fewest: the last record to go would not fit in the room left.
    const room = await h.worker.evaluate(async () => {
      const local = (globalThis as unknown as Chrome).chrome.storage.local;
      return local.QUOTA_BYTES - (await local.getBytesInUse(null));
    });
    expect(JSON.stringify(old[dropped - 1]).length + 1).toBeGreaterThan(room);
    const told =
      dropped === 1 ? 'Storage was full: the oldest article was removed' : `Storage was full: the ${dropped} oldest articles were removed`;

    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.locator('.notice').textContent()).toContain(told);
    await h.screenshot(panel, 'storage-full-sidepanel');

    await options.reload();
    const notice = options.locator('.history .notice');
    await expect.poll(() => notice.textContent()).toContain(told);
    expect(await options.locator('.history li').first().textContent()).toContain('Putin Makes Public Peace Offer to Ukraine');
    await notice.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'storage-full-options');

    await options.getByRole('button', { name: 'Dismiss the notice about removed history' }).click();
    await expect.poll(() => options.locator('.notice').count()).toBe(0);
    await expect.poll(() => panel.locator('.notice').count()).toBe(0);
    expect((await stored()).notice).toBeUndefined();
  });
});
