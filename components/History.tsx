import { useEffect, useState } from 'preact/hooks';
import { exportHistory, HISTORY_LIMIT, parseHistory } from '../lib/history/history';
import type { ArticleRecord } from '../lib/history/record';
import { allRecords, clearHistory, deleteRecord, importRecords, watchHistory } from '../lib/history/store';
import { noticeItem, type StorageNotice as Notice } from '../lib/storage';
import { t } from '../lib/i18n';
import { ImportFile, ImportOutcome, type Outcome } from './ImportFile';
import { StorageNotice } from './StorageNotice';
import { download, outcome } from './save';

/** Analysed articles: view, delete one or all, export, import (validated; a bad file changes nothing). */
export function History() {
  const [records, setRecords] = useState<ArticleRecord[]>([]);
  const [message, setMessage] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    const read = () => void allRecords().then(setRecords);
    read();
    void noticeItem.getValue().then(setNotice);
    const unwatch = [watchHistory(read), noticeItem.watch(setNotice)];
    return () => unwatch.forEach((u) => u());
  }, []);
  const importFile = async (file: File) => {
    // The whole file is checked first; then one write, which lands whole or (storage full) not at all.
    const result = parseHistory(await file.text());
    if (!result.ok) return setMessage({ ok: false, lines: [t('history_import_failed', file.name), result.error] });
    const error = await outcome(importRecords(result.records));
    setMessage(
      error
        ? { ok: false, lines: [t('history_import_failed', file.name), error] }
        : { ok: true, lines: [t('history_imported', result.records.length, file.name)] },
    );
  };
  return (
    <section aria-labelledby="history" class="history">
      <h2 id="history">{t('history_title')}</h2>
      <StorageNotice notice={notice} onDismiss={() => void noticeItem.removeValue()} />
      {records.length ? (
        <>
          <p class="muted">{t('history_count', records.length, HISTORY_LIMIT)}</p>
          <ul>
            {[...records].reverse().map((r) => (
              <li>
                <strong>{r.siteName ?? r.url}</strong> {r.title} <span class="muted">{r.publishedTime?.slice(0, 10)}</span>{' '}
                <button
                  type="button"
                  aria-label={t('history_delete_label', r.title)}
                  onClick={() => void deleteRecord(r.id).then(() => setRecords(records.filter((x) => x.id !== r.id)))}
                >
                  {t('history_delete')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => download('framing-lens-history.json', exportHistory(records))}>
            {t('history_export')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (confirm(t('history_delete_all') + '?')) void clearHistory().then(() => setRecords([]));
            }}
          >
            {t('history_delete_all')}
          </button>
        </>
      ) : (
        <p class="muted">{t('history_empty')}</p>
      )}
      <div class="field">
        <ImportFile id="import-history" label={t('history_import')} onFile={(file) => void importFile(file)} />
      </div>
      <ImportOutcome outcome={message} />
    </section>
  );
}
