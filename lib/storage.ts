/**
 * What Framing Lens keeps: typed, versioned items in the `local` area (`sync` is too small for a
 * lexicon). A new format raises the item's version and adds a migration from the one before; WXT
 * runs them when each extension context starts. Data without version meta (everything written
 * before items had a migrations table) counts as version 1. Nothing stored is ever dropped.
 * test/fixtures/storage/ holds every earlier version's data; test/unit/storage.test.ts upgrades it.
 */
import { storage, type StorageItemKey, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';
import type { ArticleRecord } from './history/record';
import type { Category, Pack } from './lexicon/types';

/** The version meta WXT keeps beside each item. */
type VersionMeta = { v?: number };
/** An item of ours. */
export type Item<T> = WxtStorageItem<T, VersionMeta>;

/** Each item's current version, for writes that carry it themselves (`saveTogether`). */
const versions = new Map<string, number>();

/**
 * A versioned item. Migrations must not throw: WXT would log the error and leave the old shape in
 * place for code expecting the new one. Each migration also accepts data already in the new shape
 * (a value whose version meta was lost), so running it twice changes nothing.
 */
function defineVersioned<T>(
  key: StorageItemKey,
  options: WxtStorageItemOptions<T> & { fallback: T; version: number; migrations: Record<number, (old: never) => T> },
): Item<T> {
  versions.set(key, options.version);
  return storage.defineItem<T, VersionMeta>(key, options);
}

export interface Settings {
  /** Categories whose highlights start hidden. */
  hiddenCategories: Category[];
  /** The user's choice per built-in pack id, on or off; a pack not listed follows its default (lib/lexicon/builtin packEnabled). */
  packs: Record<string, boolean>;
}

/** Settings as version 1 stored them: only switching packs off could be said. */
interface SettingsV1 {
  hiddenCategories?: Category[];
  disabledPacks?: string[];
}

export const DEFAULT_SETTINGS: Settings = { hiddenCategories: [], packs: {} };

/** v1 → v2: each switched-off pack becomes an explicit "off"; any other field is kept as it was. */
export function settingsFromV1(old: SettingsV1 & Partial<Settings>): Settings {
  const { disabledPacks, ...rest } = old;
  const off = Object.fromEntries((Array.isArray(disabledPacks) ? disabledPacks : []).map((id) => [id, false]));
  return { ...rest, hiddenCategories: Array.isArray(old.hiddenCategories) ? old.hiddenCategories : [], packs: { ...off, ...old.packs } };
}

export const settingsItem = defineVersioned<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: settingsFromV1 },
});

/** The user's own terms, as a pack that loads after the built-in ones (same id replaces). v1: a pack as lib/lexicon/types says. */
export const userPackItem = defineVersioned<Pack | null>('local:userPack', { fallback: null, version: 1, migrations: {} });

/** Origins ("https://example.com") annotated on every visit, each granted by the user. */
export const alwaysOnItem = defineVersioned<string[]>('local:alwaysOn', { fallback: [], version: 1, migrations: {} });

export const USER_PACK_ID = 'my-terms';

/** An empty pack for the user's own terms, valid as it stands. */
export function emptyUserPack(): Pack {
  return {
    schema: 'framing-lens/pack@1',
    id: USER_PACK_ID,
    name: 'My terms',
    version: '1.0.0',
    description: 'Terms added in the options page.',
    languages: ['en'],
    parties: [],
    entries: [],
  };
}

/**
 * History version 1: every analysed article in this one item, newest last. Version 2 keeps one record
 * per article in IndexedDB (lib/history/store), which moves this item's records there and removes it;
 * it is read only for that move.
 */
export const legacyHistoryItem = defineVersioned<ArticleRecord[]>('local:history', { fallback: [], version: 1, migrations: {} });

/** Something the user must hear about their data, shown until dismissed. */
export interface StorageNotice {
  /** Oldest history records removed because storage was full, since the notice was last dismissed. */
  droppedRecords: number;
  /** When the last of them was removed, ISO 8601. */
  at: string;
}

export const noticeItem = defineVersioned<StorageNotice | null>('local:notice', { fallback: null, version: 1, migrations: {} });

/** One item's new value, for `saveTogether`. */
export interface Write {
  key: StorageItemKey;
  value: unknown;
}
export const write = <T>(item: Item<T>, value: T): Write => ({ key: item.key, value });

/**
 * Writes items, each with its version meta (stored at `key$`, as WXT documents), in one call to the
 * storage area: all of it lands or, when the write fails (storage full), none of it.
 */
export async function saveTogether(...writes: Write[]): Promise<void> {
  await storage.setItems(
    writes.flatMap(({ key, value }) => [
      { key, value },
      { key: `${key}$` as StorageItemKey, value: { v: versions.get(key) } },
    ]),
  );
}
