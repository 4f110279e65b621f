/**
 * Keeping an analysed article in the stored history, in a storage area that may be full: the oldest
 * records make room for the newest, and the user is told how many went (noticeItem).
 */
import { writeKeepingNewest } from '../quota';
import { historyItem, noticeItem, saveTogether, write } from '../storage';
import { addRecord } from './history';
import type { ArticleRecord } from './record';

/** Adds the record; returns how many of the oldest records were removed to make room for it. */
export async function saveRecord(record: ArticleRecord, now = new Date()): Promise<number> {
  const [list, notice] = await Promise.all([historyItem.getValue(), noticeItem.getValue()]);
  const { dropped } = await writeKeepingNewest(addRecord(list, record), (kept, dropped) =>
    // The notice goes in the same write as the trimmed history: no record leaves without the user hearing of it.
    dropped.length
      ? saveTogether(
          write(historyItem, kept),
          write(noticeItem, { droppedRecords: (notice?.droppedRecords ?? 0) + dropped.length, at: now.toISOString() }),
        )
      : saveTogether(write(historyItem, kept)),
  );
  return dropped.length;
}
