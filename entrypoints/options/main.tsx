import '@/components/summary.css';
import '@/components/options.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { categoryLabel } from '@/components/labels';
import { TermEditor } from '@/components/TermEditor';
import { ImportFile, ImportOutcome, type Outcome } from '@/components/ImportFile';
import { StorageNotice } from '@/components/StorageNotice';
import { BUILTIN_PACKS, loadPacks, packEnabled } from '@/lib/lexicon/builtin';
import { languageName } from '@/lib/lexicon/language';
import type { Pack } from '@/lib/lexicon/types';
import { formatLexiconError, parsePack } from '@/lib/lexicon/validate';
import { disableAlwaysOn } from '@/lib/always-on';
import { addRecord, exportHistory, HISTORY_LIMIT, parseHistory } from '@/lib/history/history';
import type { ArticleRecord } from '@/lib/history/record';
import {
  alwaysOnItem,
  historyItem,
  emptyUserPack,
  noticeItem,
  saveTogether,
  settingsItem,
  userPackItem,
  write,
  type Settings,
  type StorageNotice as Notice,
  type Write,
} from '@/lib/storage';
import { isQuotaError } from '@/lib/quota';
import { t } from '@/lib/i18n';

const BUILTIN = loadPacks(BUILTIN_PACKS);

document.title = t('options_title');

/** Stores what the user asked for in one write; null when stored, else why not. A failed write changes nothing. */
async function save(...writes: Write[]): Promise<string | null> {
  try {
    await saveTogether(...writes);
    return null;
  } catch (e) {
    return isQuotaError(e) ? t('storage_full') : t('storage_failed', e instanceof Error ? e.message : String(e));
  }
}

function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [pack, setPack] = useState<Pack>(emptyUserPack());
  const [sites, setSites] = useState<string[]>([]);
  const [importMessage, setImportMessage] = useState<Outcome | null>(null);
  /** Why the last change of a setting was not stored, shown in the section the user changed it in. */
  const [settingsError, setSettingsError] = useState<{ section: 'categories' | 'packs'; message: string } | null>(null);

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void userPackItem.getValue().then((p) => p && setPack(p));
    void alwaysOnItem.getValue().then(setSites);
    const unwatch = [alwaysOnItem.watch((v) => setSites(v ?? [])), userPackItem.watch((p) => setPack(p ?? emptyUserPack()))];
    return () => unwatch.forEach((u) => u());
  }, []);

  const saveSettings = async (section: 'categories' | 'packs', next: Settings) => {
    const message = await save(write(settingsItem, next));
    setSettingsError(message ? { section, message } : null);
    if (!message) setSettings(next);
  };
  const settingsOutcome = (section: 'categories' | 'packs') =>
    settingsError?.section === section ? { ok: false, lines: [settingsError.message] } : null;
  const savePack = async (next: Pack) => {
    const error = await save(write(userPackItem, next));
    if (!error) setPack(next);
    return error;
  };

  const importFile = async (file: File) => {
    const result = parsePack(await file.text());
    if (!result.ok) {
      // The current lexicon stays as it is.
      setImportMessage({
        ok: false,
        lines: [
          t('options_import_failed', file.name),
          ...result.errors.slice(0, 8).map(formatLexiconError),
          ...(result.errors.length > 8 ? [t('options_import_more', result.errors.length - 8)] : []),
        ],
      });
      return;
    }
    const error = await savePack(result.pack);
    setImportMessage(
      error
        ? { ok: false, lines: [t('options_import_failed', file.name), error] }
        : { ok: true, lines: [t('options_imported', result.pack.entries.length, file.name)] },
    );
  };

  const exportPack = () => download(`${pack.id}.json`, JSON.stringify(pack, null, 2) + '\n');

  if (!settings) return <p>{t('options_loading')}</p>;
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>

      <section aria-labelledby="categories">
        <h2 id="categories">{t('options_categories')}</h2>
        {(['name', 'region', 'loaded'] as const).map((c) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!settings.hiddenCategories.includes(c)}
              onChange={(e) =>
                void saveSettings('categories', {
                  ...settings,
                  hiddenCategories: e.currentTarget.checked
                    ? settings.hiddenCategories.filter((x) => x !== c)
                    : [...settings.hiddenCategories, c],
                })
              }
            />{' '}
            {categoryLabel(c)}
          </label>
        ))}
        <ImportOutcome outcome={settingsOutcome('categories')} />
      </section>

      <section aria-labelledby="packs">
        <h2 id="packs">{t('options_packs')}</h2>
        {BUILTIN.map((p) => (
          <label class="check">
            <input
              type="checkbox"
              checked={packEnabled(p, settings.packs)}
              onChange={(e) => void saveSettings('packs', { ...settings, packs: { ...settings.packs, [p.id]: e.currentTarget.checked } })}
            />{' '}
            {p.name}{' '}
            <span class="muted">{t('options_pack_detail', p.entries.length, p.version, p.languages.map(languageName).join(', '))}</span>
          </label>
        ))}
        <ImportOutcome outcome={settingsOutcome('packs')} />
      </section>

      <section aria-labelledby="mine">
        <h2 id="mine">{t('options_my_terms')}</h2>
        <TermEditor pack={pack} onSave={savePack} />
      </section>

      <section aria-labelledby="io">
        <h2 id="io">{t('options_io')}</h2>
        <ImportFile id="import" label={t('options_import')} onFile={(file) => void importFile(file)} />{' '}
        <button type="button" onClick={exportPack}>
          {t('options_export')}
        </button>
        <ImportOutcome outcome={importMessage} />
      </section>

      <History />

      <section aria-labelledby="sites">
        <h2 id="sites">{t('options_always_on')}</h2>
        {sites.length ? (
          <ul>
            {sites.map((origin) => (
              <li>
                {origin}{' '}
                <button type="button" aria-label={t('options_site_remove_label', origin)} onClick={() => void disableAlwaysOn(origin)}>
                  {t('options_site_remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('options_no_sites')}</p>
        )}
      </section>
    </main>
  );
}

/** Saves a text file through a download link: nothing leaves the machine. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Analysed articles: view, delete one or all, export, import (validated; a bad file changes nothing). */
function History() {
  const [records, setRecords] = useState<ArticleRecord[]>([]);
  const [message, setMessage] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    void historyItem.getValue().then(setRecords);
    void noticeItem.getValue().then(setNotice);
    const unwatch = [historyItem.watch((v) => setRecords(v ?? [])), noticeItem.watch(setNotice)];
    return () => unwatch.forEach((u) => u());
  }, []);
  const importFile = async (file: File) => {
    // The whole file is checked first; then one write, which lands whole or (storage full) not at all.
    const result = parseHistory(await file.text());
    if (!result.ok) return setMessage({ ok: false, lines: [t('history_import_failed', file.name), result.error] });
    let merged = await historyItem.getValue();
    for (const r of result.records) merged = addRecord(merged, r);
    const error = await save(write(historyItem, merged));
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
                  onClick={() => void historyItem.setValue(records.filter((x) => x.id !== r.id))}
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
              if (confirm(t('history_delete_all') + '?')) void historyItem.removeValue({ removeMeta: true });
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

render(<Options />, document.getElementById('app')!);
