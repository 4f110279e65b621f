/**
 * Upgrades: each earlier version's stored data (test/fixtures/storage/) installed in WXT's fake
 * browser, the extension's storage module loaded on it as a new version starts, and every setting,
 * term, site and history record checked to be there (history moved to IndexedDB, fake-indexeddb here).
 */
import { enforceQuota, fakeBrowser } from '../support/fake-browser';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { exportHistory, parseHistory } from '../../lib/history/history';
import type { ArticleRecord } from '../../lib/history/record';
import { BUILTIN_PACKS, loadPacks, packEnabled } from '../../lib/lexicon/builtin';
import type { Pack } from '../../lib/lexicon/types';
import { validatePack } from '../../lib/lexicon/validate';
import { readFixture } from '../support/fixtures';

type Stored = Record<string, unknown>;
interface SettingsV1 {
  hiddenCategories: string[];
  disabledPacks: string[];
}
const V1 = JSON.parse(readFixture('storage/v1.json')) as {
  settings: SettingsV1;
  userPack: Pack;
  alwaysOn: string[];
  history: ArticleRecord[];
};
const withMeta = (data: Stored, v: number): Stored => ({ ...data, ...Object.fromEntries(Object.keys(data).map((k) => [`${k}$`, { v }])) });
const v2Settings = (s: SettingsV1) => ({
  hiddenCategories: s.hiddenCategories,
  packs: Object.fromEntries(s.disabledPacks.map((id) => [id, false])),
});

/** Starts the extension's storage as a new version would: modules loaded afresh on what is stored. */
async function start(installed: Stored) {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(structuredClone(installed));
  vi.resetModules();
  const s = await import('../../lib/storage');
  const { allRecords } = await import('../../lib/history/store');
  const [settings, userPack, alwaysOn, history] = await Promise.all([
    s.settingsItem.getValue(),
    s.userPackItem.getValue(),
    s.alwaysOnItem.getValue(),
    allRecords(),
  ]);
  return { s, settings, userPack, alwaysOn, history, stored: await fakeBrowser.storage.local.get() };
}

const checked = { records: 0, versions: new Set<string>(), lost: [] as string[] };
afterAll(() => {
  console.log(
    `stored data checked: ${checked.records} records across ${checked.versions.size} schema versions (${[...checked.versions].join(', ')}), lost: ${checked.lost.length}`,
  );
  if (checked.lost.length) throw new Error(`lost in upgrade: ${checked.lost.join('; ')}`);
});

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('version 1 data', () => {
  it('is what the version 1 item definitions write: values only, no version meta', async () => {
    const items = Object.keys(V1).map((key) => storage.defineItem<unknown>(`local:${key}`, { fallback: null, version: 1 }));
    for (const item of items) await item.setValue(V1[item.key.slice('local:'.length) as keyof typeof V1]);
    expect(await fakeBrowser.storage.local.get()).toEqual(V1);
  });
});

describe.each([
  { version: 'v1 as written so far (no version meta)', installed: V1 as Stored, settings: V1.settings },
  { version: 'v1 with version meta', installed: withMeta(V1, 1), settings: V1.settings },
  // A v2 value whose meta write failed (storage full) reads as v1: migrating it again changes nothing.
  {
    version: 'v2 without its version meta',
    installed: { ...V1, settings: v2Settings(V1.settings) } as Stored,
    settings: V1.settings,
  },
])('$version, upgraded', ({ version, installed, settings: before }) => {
  it('keeps every setting, term, site and history record', async () => {
    const after = await start(installed);
    const lost: string[] = [];
    const builtin = loadPacks(BUILTIN_PACKS);
    for (const c of before.hiddenCategories) if (!after.settings.hiddenCategories.includes(c as never)) lost.push(`hidden category ${c}`);
    for (const id of before.disabledPacks) {
      const pack = builtin.find((p) => p.id === id);
      if (after.settings.packs[id] !== false || (pack && packEnabled(pack, after.settings.packs))) lost.push(`pack ${id} switched off`);
    }
    for (const e of V1.userPack.entries)
      if (!after.userPack?.entries.some((x) => JSON.stringify(x) === JSON.stringify(e))) lost.push(`term ${e.id}`);
    for (const o of V1.alwaysOn) if (!after.alwaysOn.includes(o)) lost.push(`site ${o}`);
    for (const r of V1.history) if (!after.history.some((x) => JSON.stringify(x) === JSON.stringify(r))) lost.push(`record ${r.id}`);
    checked.records +=
      before.hiddenCategories.length + before.disabledPacks.length + V1.userPack.entries.length + V1.alwaysOn.length + V1.history.length;
    checked.versions.add(version);
    checked.lost.push(...lost.map((l) => `${version}: ${l}`));
    expect(lost).toEqual([]);

    // Whole, in order, and still valid for what reads it.
    expect(after.settings).toEqual(v2Settings(before));
    expect(after.userPack).toEqual(V1.userPack);
    expect(validatePack(after.userPack).ok).toBe(true);
    expect(after.alwaysOn).toEqual(V1.alwaysOn);
    expect(after.history).toEqual(V1.history);
    expect(parseHistory(exportHistory(after.history))).toEqual({ ok: true, records: V1.history });
  });

  it('is stored at the current version, and starting again changes nothing', async () => {
    const first = await start(installed);
    expect(first.stored['settings$']).toEqual({ v: 2 });
    const again = await start(first.stored);
    expect(again.stored).toEqual(first.stored);
  });
});

describe('settings v1 → v2', () => {
  it.each([
    { v1: { hiddenCategories: [], disabledPacks: [] }, v2: { hiddenCategories: [], packs: {} } },
    {
      v1: { hiddenCategories: ['loaded', 'name'], disabledPacks: ['russia-ukraine', 'retired-pack'] },
      v2: { hiddenCategories: ['loaded', 'name'], packs: { 'russia-ukraine': false, 'retired-pack': false } },
    },
    // Written by hand or by a broken build: the migration must not throw (WXT would keep v1 for v2 readers).
    { v1: {}, v2: { hiddenCategories: [], packs: {} } },
    { v1: { hiddenCategories: 'name', disabledPacks: 'x' }, v2: { hiddenCategories: [], packs: {} } },
  ])('$v1 → $v2', async ({ v1, v2 }) => {
    const { settingsFromV1 } = await import('../../lib/storage');
    expect(settingsFromV1(v1 as never)).toEqual(v2);
  });

  it('a pack follows its own default until the user chooses', () => {
    const [pack] = loadPacks(BUILTIN_PACKS);
    const optIn = { ...pack, id: 'loaded-language', enabledByDefault: false };
    expect([
      packEnabled(pack),
      packEnabled(pack, { [pack.id]: false }),
      packEnabled(optIn),
      packEnabled(optIn, { 'loaded-language': true }),
    ]).toEqual([true, false, false, true]);
  });
});

describe('saveTogether', () => {
  it('writes the values and their version meta in one storage call', async () => {
    const { s } = await start({});
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await s.saveTogether(s.write(s.alwaysOnItem, V1.alwaysOn), s.write(s.settingsItem, { hiddenCategories: [], packs: {} }));
    expect(set).toHaveBeenCalledTimes(1);
    expect(await fakeBrowser.storage.local.get()).toEqual({
      alwaysOn: V1.alwaysOn,
      alwaysOn$: { v: 1 },
      settings: { hiddenCategories: [], packs: {} },
      settings$: { v: 2 },
    });
  });

  it('changes nothing when storage is full', async () => {
    const { s } = await start(V1);
    const before = await fakeBrowser.storage.local.get();
    enforceQuota(JSON.stringify(before).length + 100);
    const big = { ...V1.userPack, description: 'x'.repeat(10_000) };
    await expect(s.saveTogether(s.write(s.userPackItem, big), s.write(s.alwaysOnItem, []))).rejects.toThrow(/quota/);
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
  });
});
