/**
 * History's cost to an annotation, in Chromium: with 500 records in IndexedDB, one of them a 2 MB
 * page's, the milliseconds the background spends keeping a new article's record (the e2e build keeps
 * each write's time, lib/timing). Only that one record is written (lib/history/store.ts).
 */
import { exportHistory, HISTORY_LIMIT } from '../lib/history/history';
import { launch, type Harness } from '../test/e2e/harness';
import { articlePage } from './pages';
import { QUICK, median, round } from './measure';

const RUNS = QUICK ? 1 : 7;

export interface HistoryResults {
  records: number;
  largest_record_kb: number;
  annotation_storage_ms: number;
}

const writes = (h: Harness) => h.worker.evaluate(() => [...((globalThis as { __historyWriteMs?: number[] }).__historyWriteMs ?? [])]);

/** Waits for one more history write than `before` and returns its time. */
async function nextWrite(h: Harness, before: number): Promise<number> {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const all = await writes(h);
    if (all.length > before) return all.at(-1)!;
  }
  throw new Error('no history write within 30 s');
}

export async function benchHistory(log: (line: string) => void): Promise<HistoryResults> {
  const h = await launch({ generated: { 'bench/history-2mb.html': articlePage(2_000_000) } });
  try {
    (await h.open('bench/history-2mb.html')).close();
    const seed = await h.open('seeds/seed-1.html');
    await seed.close();
    await nextWrite(h, 1);
    const [big, small] = await h.history();
    // The rest of a full history: copies of the seed's record, analysed earlier.
    const copies = Array.from({ length: HISTORY_LIMIT - 3 }, (_, k) => ({
      ...small,
      id: `https://example.org/history-${k}`,
      analyzedAt: new Date(Date.parse(small.analyzedAt) - (k + 1) * 60_000).toISOString(),
    }));
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.setInputFiles('#import-history', {
      name: 'history.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportHistory(copies)),
    });
    await options.locator('.history .message').waitFor();
    await options.close();

    // A new article, then the same one annotated again: each keeps its record.
    const times: number[] = [];
    let before = (await writes(h)).length;
    const page = await h.open('seeds/seed-2.html');
    times.push(await nextWrite(h, before));
    const tabId = await h.tabIdOf(page);
    for (let i = 1; i < RUNS; i++) {
      before = (await writes(h)).length;
      await h.ask(tabId, 'annotate');
      times.push(await nextWrite(h, before));
    }
    const records = (await h.history()).length;
    const r: HistoryResults = {
      records,
      largest_record_kb: round(JSON.stringify(big).length / 1000, 1),
      annotation_storage_ms: round(median(times), 2),
    };
    log(`History (IndexedDB, ${r.records} records, the largest ${r.largest_record_kb} KB; median of ${RUNS} annotations)`);
    log(`  an annotation's history write in the background: ${r.annotation_storage_ms} ms (target ≤ 10)`);
    return r;
  } finally {
    await h.close();
  }
}
