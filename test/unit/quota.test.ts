/** A full storage: the newest is kept, the oldest go (only as many as needed), and the user is told. */
import { bytesOf, enforceQuota, fakeBrowser } from '../support/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isQuotaError, QuotaError, writeKeepingNewest } from '../../lib/quota';
import type { ArticleRecord } from '../../lib/history/record';
import { readFixture } from '../support/fixtures';

const QUOTA = new Error('QUOTA_BYTES quota exceeded');

describe('isQuotaError', () => {
  it.each([
    ['Chrome', QUOTA, true],
    ['Firefox', Object.assign(new Error('storage.local API call exceeded its quota limitations.'), { name: 'QuotaExceededError' }), true],
    ['a DOMException', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), true],
    ['not even the newest fits', new QuotaError(3), true],
    ['another error', new Error('Extension context invalidated.'), false],
    ['not an error', 'quota', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_, error, expected) => expect(isQuotaError(error)).toBe(expected));
});

describe('writeKeepingNewest', () => {
  /** A storage holding `room` units; item k (oldest first) weighs sizes[k]. */
  const storageWith = (room: number, sizes: number[]) => {
    const stored = { list: [] as number[], writes: 0 };
    const write = async (kept: number[], dropped: number[]) => {
      expect([...dropped, ...kept]).toEqual(sizes.map((_, k) => k));
      stored.writes++;
      if (kept.reduce((sum, k) => sum + sizes[k], 0) > room) throw QUOTA;
      stored.list = kept;
    };
    return { stored, write };
  };

  it.each([
    { why: 'it all fits', room: 100, sizes: [10, 10, 10, 10], dropped: 0 },
    { why: 'one oldest makes room', room: 35, sizes: [10, 10, 10, 10], dropped: 1 },
    { why: 'several', room: 24, sizes: [10, 10, 10, 10, 5], dropped: 3 },
    { why: 'a big old one is enough', room: 30, sizes: [40, 1, 1, 1, 1, 1, 1, 1], dropped: 1 },
    { why: 'all but the newest', room: 12, sizes: [10, 10, 10, 10, 10, 10, 10, 12], dropped: 7 },
    { why: 'a long list', room: 300, sizes: Array.from({ length: 500 }, () => 1), dropped: 200 },
  ])('$why: drops $dropped, the fewest that make room', async ({ room, sizes, dropped }) => {
    const { stored, write } = storageWith(room, sizes);
    const all = sizes.map((_, k) => k);
    const result = await writeKeepingNewest(all, write);
    expect(result.dropped).toEqual(all.slice(0, dropped));
    expect(result.kept).toEqual(all.slice(dropped));
    // What storage holds is what was kept, and keeping one more would not have fitted.
    expect(stored.list).toEqual(result.kept);
    if (dropped) expect(sizes.slice(dropped - 1).reduce((a, b) => a + b)).toBeGreaterThan(room);
    expect(stored.writes).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(sizes.length + 1)));
  });

  it('throws when not even the newest fits, and storage keeps what it had', async () => {
    const { stored, write } = storageWith(5, [1, 1, 10]);
    await expect(writeKeepingNewest([0, 1, 2], write)).rejects.toBeInstanceOf(QuotaError);
    expect(stored.list).toEqual([]);
    await expect(writeKeepingNewest([], () => Promise.reject(QUOTA))).rejects.toBeInstanceOf(QuotaError);
  });

  it('passes any other error on, without dropping anything', async () => {
    const write = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(writeKeepingNewest([1, 2, 3], write)).rejects.toThrow('invalidated');
    expect(write).toHaveBeenCalledTimes(1);
  });
});

describe('saveRecord on a full storage', () => {
  const V1 = JSON.parse(readFixture('storage/v1.json')) as { history: ArticleRecord[] };
  /** Many old records (copies of the fixture's, by id), then a new one. */
  const old = Array.from({ length: 40 }, (_, k) => ({ ...V1.history[k % V1.history.length], id: `https://example.org/old-${k}` }));
  const fresh = { ...V1.history[0], id: 'https://example.org/new', title: 'The newest article' };

  beforeEach(() => fakeBrowser.reset());

  const load = async (stored: Record<string, unknown>, room: number) => {
    await fakeBrowser.storage.local.set(stored);
    // Filler up to `room` bytes short of the quota: what other data, or a long history, leaves.
    const used = bytesOf(await fakeBrowser.storage.local.get());
    await fakeBrowser.storage.local.set({ filler: 'x'.repeat(10_485_760 - used - room - 'filler'.length - 2) });
    enforceQuota();
    vi.resetModules();
    return {
      ...(await import('../../lib/storage')),
      ...(await import('../../lib/history/save')),
    };
  };

  it('keeps the newest record, drops the fewest oldest, and tells the user in the same write', async () => {
    const s = await load({ history: old, history$: { v: 1 } }, 200);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const dropped = await s.saveRecord(fresh, new Date('2026-11-01T10:00:00Z'));
    const history = await s.historyItem.getValue();
    expect(dropped).toBeGreaterThan(0);
    expect(history.at(-1)).toEqual(fresh);
    expect(history.map((r) => r.id)).toEqual([...old.slice(dropped).map((r) => r.id), fresh.id]);
    expect(await s.noticeItem.getValue()).toEqual({ droppedRecords: dropped, at: '2026-11-01T10:00:00.000Z' });
    // One record fewer dropped would not have fitted.
    const stored = await fakeBrowser.storage.local.get();
    expect(bytesOf({ ...stored, history: [old[dropped - 1], ...history] })).toBeGreaterThan(10_485_760);
    // Every write that landed held the trimmed history and the notice together.
    const landed = set.mock.calls.filter((_, k) => set.mock.settledResults[k]?.type === 'fulfilled').map(([items]) => Object.keys(items));
    expect(landed.length).toBeGreaterThan(0);
    for (const keys of landed) expect(keys).toEqual(expect.arrayContaining(['history', 'notice']));

    // Again before the user dismissed it: the notice counts both.
    const again = await s.saveRecord({ ...fresh, id: 'https://example.org/newer' });
    expect(again).toBeGreaterThan(0);
    expect((await s.noticeItem.getValue())?.droppedRecords).toBe(dropped + again);
  });

  it('leaves everything as it was, with no notice, when there is room', async () => {
    const s = await load({ history: old.slice(0, 3) }, 100_000);
    expect(await s.saveRecord(fresh)).toBe(0);
    expect((await s.historyItem.getValue()).map((r) => r.id)).toEqual([...old.slice(0, 3).map((r) => r.id), fresh.id]);
    expect(await s.noticeItem.getValue()).toBeNull();
  });

  it('when not even the newest fits, fails and changes nothing', async () => {
    const s = await load({ alwaysOn: ['https://example.org'] }, 10);
    const before = await fakeBrowser.storage.local.get();
    await expect(s.saveRecord(fresh)).rejects.toMatchObject({ name: 'QuotaError' });
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
  });
});
