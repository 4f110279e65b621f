/**
 * History in IndexedDB (fake-indexeddb here): one record per article, written alone; version 1's
 * `storage.local` history moved in whole; a story read by its dates; a full storage that drops the
 * fewest oldest records and tells the user.
 */
import { fakeBrowser } from '../support/fake-browser';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleRecord } from '../../lib/history/record';
import { readFixture } from '../support/fixtures';

const V1 = JSON.parse(readFixture('storage/v1.json')) as { history: ArticleRecord[] };
const at = (day: number) => new Date(Date.UTC(2026, 10, 1) + day * 86_400_000).toISOString();
/** A copy of a fixture record as another article, analysed and published on `day`. */
const record = (id: string, day: number, from = V1.history[0]): ArticleRecord => ({
  ...from,
  id: `https://example.org/${id}`,
  url: `https://example.org/${id}`,
  analyzedAt: at(day),
  publishedTime: at(day),
});

/** The store as a new extension context loads it, on what storage and IndexedDB hold. */
async function load() {
  vi.resetModules();
  return { ...(await import('../../lib/history/store')), ...(await import('../../lib/storage')) };
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('saving', () => {
  it('writes one record per article, newest last, and says so to other contexts', async () => {
    const s = await load();
    const heard = vi.fn();
    const stop = s.watchHistory(heard);
    await s.saveRecord(record('a', 1));
    await s.saveRecord(record('b', 2));
    await s.saveRecord({ ...record('a', 3), title: 'Updated' });
    expect((await s.allRecords()).map((r) => [r.id, r.title])).toEqual([
      ['https://example.org/b', V1.history[0].title],
      ['https://example.org/a', 'Updated'],
    ]);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledTimes(3));
    stop();
  });

  it('keeps at most HISTORY_LIMIT, the oldest going first', async () => {
    const s = await load();
    const { HISTORY_LIMIT } = await import('../../lib/history/history');
    await s.importRecords(Array.from({ length: HISTORY_LIMIT }, (_, k) => record(`old-${k}`, k / 100)));
    await s.saveRecord(record('new', 10));
    const ids = (await s.allRecords()).map((r) => r.id);
    expect(ids).toHaveLength(HISTORY_LIMIT);
    expect(ids[0]).toBe('https://example.org/old-1');
    expect(ids.at(-1)).toBe('https://example.org/new');
  });

  it('deletes one record, or all', async () => {
    const s = await load();
    await s.importRecords([record('a', 1), record('b', 2)]);
    await s.deleteRecord('https://example.org/a');
    expect((await s.allRecords()).map((r) => r.id)).toEqual(['https://example.org/b']);
    await s.clearHistory();
    expect(await s.allRecords()).toEqual([]);
  });
});

describe('version 1 history in storage.local', () => {
  it('moves into IndexedDB whole, and the old item goes only after', async () => {
    await fakeBrowser.storage.local.set({ history: V1.history });
    const s = await load();
    expect(await s.allRecords()).toEqual(V1.history);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    // Starting again changes nothing.
    const again = await load();
    expect(await again.allRecords()).toEqual(V1.history);
  });

  it('moved again after an interruption, doubles nothing and keeps a newer record', async () => {
    const s = await load();
    const newer = { ...V1.history[0], title: 'Analysed again since', analyzedAt: at(400) };
    await s.saveRecord(newer);
    // The browser stopped before the old item was removed: it is still there, as is what moved.
    await fakeBrowser.storage.local.set({ history: V1.history, history$: { v: 1 } });
    const after = await (await load()).allRecords();
    expect(after.map((r) => r.id).sort()).toEqual(V1.history.map((r) => r.id).sort());
    expect(after.find((r) => r.id === newer.id)?.title).toBe('Analysed again since');
    expect(await fakeBrowser.storage.local.get()).toEqual({});
  });
});

describe('storyRecords', () => {
  it('reads the story by its dates, following it as far as it links, and nothing else', async () => {
    const s = await load();
    const unrelated = { ...record('unrelated', 1), spellings: [], loaded: [], demands: [] };
    // One story whose articles each fall within three days of the next, over nine days.
    await s.importRecords([record('a', 0), record('b', 3), unrelated, record('c', 6), record('d', 9), record('far', 30)]);
    const read = vi.spyOn(IDBIndex.prototype, 'getAll');
    const story = await s.storyRecords('https://example.org/a');
    expect(story.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'].map((x) => `https://example.org/${x}`));
    // Never the record a month away.
    const requests = read.mock.results.map((r) => r.value as IDBRequest<{ id: string }[]>);
    for (const request of requests) expect(request.result.map((x) => x.id)).not.toContain('https://example.org/far');
    expect(requests.length).toBeGreaterThan(0);
    expect(await s.storyRecords('https://example.org/missing')).toEqual([]);
  });
});

describe('a full storage', () => {
  /** Storage that holds at most `capacity` records: a transaction that would pass it aborts, as Chrome's does. */
  let capacity = Infinity;
  let count = 0;
  /** Records a transaction adds (puts) less those it removes (deletes), so far. */
  const growth = new WeakMap<object, number>();
  const failing = new WeakSet<object>();
  const proto = IDBObjectStore.prototype as unknown as {
    put(this: { transaction: { _abort(name: string): void } }, ...a: unknown[]): unknown;
    delete(this: { transaction: object }, ...a: unknown[]): unknown;
  };
  const put = proto.put;
  const remove = proto.delete;
  beforeEach(() => {
    capacity = Infinity;
    proto.delete = function (...a) {
      growth.set(this.transaction, (growth.get(this.transaction) ?? 0) - 1);
      return remove.apply(this, a);
    };
    proto.put = function (...a) {
      const request = put.apply(this, a);
      growth.set(this.transaction, (growth.get(this.transaction) ?? 0) + 1);
      // As Chrome does: the requests are taken, the transaction fails as it would commit.
      const tx = this.transaction;
      if (count + growth.get(tx)! > capacity && !failing.has(tx)) {
        failing.add(tx);
        queueMicrotask(() => tx._abort('QuotaExceededError'));
      }
      return request;
    };
  });
  afterEach(() => {
    proto.put = put;
    proto.delete = remove;
  });
  const old = Array.from({ length: 40 }, (_, k) => record(`old-${k}`, k / 10));

  it('keeps the newest record, drops the fewest oldest, and tells the user', async () => {
    const s = await load();
    await s.importRecords(old);
    count = 40;
    capacity = 30;
    const dropped = await s.saveRecord(record('new', 10), new Date('2026-11-01T10:00:00Z'));
    expect(dropped).toBe(11);
    const ids = (await s.allRecords()).map((r) => r.id);
    expect(ids).toEqual([...old.slice(11).map((r) => r.id), 'https://example.org/new']);
    expect(await s.noticeItem.getValue()).toEqual({ droppedRecords: 11, at: '2026-11-01T10:00:00.000Z' });

    // Again before the user dismissed it: the notice counts both.
    count = 30;
    expect(await s.saveRecord(record('newer', 11))).toBe(1);
    expect((await s.noticeItem.getValue())?.droppedRecords).toBe(12);
  });

  it('when not even the newest fits, fails and changes nothing', async () => {
    const s = await load();
    await s.importRecords(old.slice(0, 3));
    count = 3;
    capacity = 0;
    await expect(s.saveRecord(record('new', 10))).rejects.toMatchObject({ name: 'QuotaError' });
    expect((await s.allRecords()).map((r) => r.id)).toEqual(old.slice(0, 3).map((r) => r.id));
    expect(await s.noticeItem.getValue()).toBeNull();
  });

  it('an import that does not fit lands not at all', async () => {
    const s = await load();
    await s.importRecords(old.slice(0, 3));
    count = 3;
    capacity = 4;
    // (fake-indexeddb reports the abort of a transaction of several requests as AbortError; Chrome, as the quota.)
    await expect(s.importRecords(old.slice(3, 6))).rejects.toBeInstanceOf(DOMException);
    expect((await s.allRecords()).map((r) => r.id)).toEqual(old.slice(0, 3).map((r) => r.id));
  });
});
