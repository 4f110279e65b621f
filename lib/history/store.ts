/**
 * The history of analysed articles, one record per article in IndexedDB (the extension's own origin):
 * an annotation writes its own record, never the whole history, and no storage listener anywhere is
 * handed megabytes to deserialise. Version 2 of history; version 1 was one `storage.local` item, moved
 * here whole, once, by `migrate` (nothing lost: the old item goes only after the move has committed).
 * Contexts hear of each other's changes through a BroadcastChannel.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPObjectStore } from 'idb';
import { isQuotaError, QuotaError } from '../quota';
import { legacyHistoryItem, noticeItem } from '../storage';
import { STORY_DEFAULTS, storyOf, type StoryOptions } from '../compare/stories';
import { HISTORY_LIMIT } from './history';
import { recordDate, type ArticleRecord } from './record';

/** A record as stored, beside the dates it is found by: when it was analysed, and its story's date (ISO 8601). */
interface Stored {
  id: string;
  analyzedAt: string;
  storyDate: string;
  record: ArticleRecord;
}
interface HistoryDB extends DBSchema {
  articles: { key: string; value: Stored; indexes: { analyzedAt: string; storyDate: string } };
}
const stored = (record: ArticleRecord): Stored => ({
  id: record.id,
  analyzedAt: record.analyzedAt,
  storyDate: recordDate(record).toISOString(),
  record,
});

const NAME = 'framing-lens-history';
const VERSION = 1;
const CHANNEL = 'framing-lens-history';
const DAY_MS = 86_400_000;

let opened: Promise<IDBPDatabase<HistoryDB>> | null = null;

/** The database, with version 1's history moved in first. */
function db(): Promise<IDBPDatabase<HistoryDB>> {
  opened ??= openDB<HistoryDB>(NAME, VERSION, {
    // Another context deletes or upgrades the database: this one lets go, and opens it again when next asked.
    blocking() {
      void opened?.then((database) => database.close());
      opened = null;
    },
    upgrade(database) {
      const articles = database.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('analyzedAt', 'analyzedAt');
      articles.createIndex('storyDate', 'storyDate');
    },
  }).then(async (database) => {
    await migrate(database);
    return database;
  });
  // A failure to open (or to move version 1 in, which then stays where it was) is tried again next time.
  opened.catch(() => (opened = null));
  return opened;
}

/**
 * Moves version 1's history (one `storage.local` item) in, in one transaction, then removes the old
 * item. Interrupted between the two, it runs again: records are keyed by id, so none is doubled.
 */
async function migrate(database: IDBPDatabase<HistoryDB>): Promise<void> {
  const old = await legacyHistoryItem.getValue();
  if (!old.length) return;
  const tx = database.transaction('articles', 'readwrite');
  // Version 1 kept the newest last: a record already here from a newer annotation stays.
  for (const record of old) if (!(await tx.store.get(record.id))) await tx.store.put(stored(record));
  await tx.done;
  await legacyHistoryItem.removeValue({ removeMeta: true });
}

type Articles = IDBPObjectStore<HistoryDB, ['articles'], 'articles', 'readwrite'>;

/**
 * Writes in one transaction: all land or none. A failure is the transaction's (storage full:
 * QuotaExceededError), not one of its requests' (each then fails as aborted).
 */
async function inOneTransaction(database: IDBPDatabase<HistoryDB>, write: (store: Articles) => Promise<unknown>[]): Promise<void> {
  // Relaxed: a history record lost to a power cut costs a re-annotation, and a flush to disk costs every annotation.
  const tx = database.transaction('articles', 'readwrite', { durability: 'relaxed' });
  const done = tx.done;
  let requests: Promise<unknown>[];
  try {
    requests = write(tx.store).map((request) => request.catch(() => undefined));
  } catch (e) {
    // A request refused outright (the transaction already aborted): none of it lands.
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
    await done.catch(() => undefined);
    throw tx.error ?? e;
  }
  await Promise.all([...requests, done]);
}

const changed = () => {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
};

/** Calls `onChange` when any context changes the history; returns how to stop. */
export function watchHistory(onChange: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => onChange();
  return () => channel.close();
}

/** Every record, oldest first. */
export async function allRecords(): Promise<ArticleRecord[]> {
  return (await (await db()).getAllFromIndex('articles', 'analyzedAt')).map((s) => s.record);
}

/**
 * The records of `id`'s story, read by date: only those within the story window of it, and further
 * only while the story reaches that far (a story links article to article, each within the window
 * of the next). Empty when `id` is not in the history.
 */
export async function storyRecords(id: string, options: StoryOptions = STORY_DEFAULTS): Promise<ArticleRecord[]> {
  const database = await db();
  const own = await database.get('articles', id);
  if (!own) return [];
  const at = Date.parse(own.storyDate);
  const window = options.windowDays * DAY_MS;
  for (let reach = window; ; reach *= 2) {
    const range = IDBKeyRange.bound(new Date(at - reach).toISOString(), new Date(at + reach).toISOString());
    const near = (await database.getAllFromIndex('articles', 'storyDate', range)).map((s) => s.record);
    const story = new Set(storyOf(id, near, options));
    const members = near.filter((r) => story.has(r.id));
    const farthest = Math.max(...members.map((r) => Math.abs(recordDate(r).valueOf() - at)));
    // No member can link to an article beyond what was read: the story is whole.
    // In the order they were analysed, as the history lists them.
    if (farthest + window <= reach || near.length === (await database.count('articles')))
      return members.sort((a, b) => a.analyzedAt.localeCompare(b.analyzedAt));
  }
}

/** The ids, oldest first. */
const idsByAge = async (database: IDBPDatabase<HistoryDB>) => database.getAllKeysFromIndex('articles', 'analyzedAt');

/**
 * Keeps an analysed article: its record only, and beyond HISTORY_LIMIT the oldest go. When storage
 * is full, the fewest oldest records make room (never the new one), and the user is told how many
 * (noticeItem). Returns how many went for room.
 */
export async function saveRecord(record: ArticleRecord, now = new Date()): Promise<number> {
  const database = await db();
  const growth = (await database.getKey('articles', record.id)) === undefined ? 1 : 0;
  const overLimit = Math.max(0, (await database.count('articles')) + growth - HISTORY_LIMIT);
  // The ids in age order, read only once some must go: the history is full, or storage is.
  let older: string[] | undefined;
  const oldest = async (n: number) => (n ? (older ??= (await idsByAge(database)).filter((id) => id !== record.id)).slice(0, n) : []);
  // The fewest oldest that make room, one more at a time: a transaction that does not fit changes
  // nothing, and one that does cannot be taken back, so no larger drop is ever tried first.
  for (let room = 0; ; room++) {
    const drop = await oldest(overLimit + room);
    if (drop.length < overLimit + room) throw new QuotaError(drop.length + 1);
    try {
      await inOneTransaction(database, (store) => [...drop.map((id) => store.delete(id)), store.put(stored(record))]);
    } catch (e) {
      if (isQuotaError(e)) continue;
      throw e;
    }
    changed();
    if (room) {
      const notice = await noticeItem.getValue();
      await noticeItem.setValue({ droppedRecords: (notice?.droppedRecords ?? 0) + room, at: now.toISOString() });
    }
    return room;
  }
}

/** Adds imported records (a record of the same article replaces it), in one transaction: all land or none. */
export async function importRecords(records: readonly ArticleRecord[]): Promise<void> {
  const database = await db();
  const incoming = new Set(records.map((r) => r.id));
  const older = (await idsByAge(database)).filter((id) => !incoming.has(id));
  const overLimit = older.slice(0, Math.max(0, older.length + records.length - HISTORY_LIMIT));
  await inOneTransaction(database, (store) => [
    ...overLimit.map((id) => store.delete(id)),
    ...records.slice(-HISTORY_LIMIT).map((r) => store.put(stored(r))),
  ]);
  changed();
}

export async function deleteRecord(id: string): Promise<void> {
  await (await db()).delete('articles', id);
  changed();
}

export async function clearHistory(): Promise<void> {
  await (await db()).clear('articles');
  changed();
}
