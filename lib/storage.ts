/**
 * What Framing Lens keeps: typed, versioned items in the `local` area (`sync` is too small for a
 * lexicon). A future format adds a version and a migration here; nothing stored is ever dropped.
 */
import { storage } from 'wxt/utils/storage';
import type { ArticleRecord } from './history/record';
import type { Category, Pack } from './lexicon/types';

export interface Settings {
  /** Categories whose highlights start hidden. */
  hiddenCategories: Category[];
  /** Built-in packs switched off, by id. */
  disabledPacks: string[];
}

export const DEFAULT_SETTINGS: Settings = { hiddenCategories: [], disabledPacks: [] };

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The user's own terms, as a pack that loads after the built-in ones (same id replaces). */
export const userPackItem = storage.defineItem<Pack | null>('local:userPack', { fallback: null, version: 1 });

/** Origins ("https://example.com") annotated on every visit, each granted by the user. */
export const alwaysOnItem = storage.defineItem<string[]>('local:alwaysOn', { fallback: [], version: 1 });

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

/** Analysed articles, newest last, at most HISTORY_LIMIT (lib/history). */
export const historyItem = storage.defineItem<ArticleRecord[]>('local:history', { fallback: [], version: 1 });
