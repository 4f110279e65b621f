import '@/components/summary.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Summary } from '@/components/Summary';
import { exportFormatName } from '@/components/labels';
import { copyAnalysis, type ExportFormat } from '@/lib/export/export';
import { sendToTab, serve, type BackgroundProtocol, type PageState } from '@/lib/messaging';
import { annotateTab, stateOf } from '@/lib/tabs';
import { t } from '@/lib/i18n';
import { CompareTable } from '@/components/CompareTable';
import { compareArticles } from '@/lib/compare/compare';
import { storyOf } from '@/lib/compare/stories';
import { comparisonToMarkdown } from '@/lib/export/comparison';
import type { ArticleRecord } from '@/lib/history/record';
import { historyItem, noticeItem, type StorageNotice as Notice } from '@/lib/storage';
import { StorageNotice } from '@/components/StorageNotice';

type View = PageState | 'loading' | 'idle';

/** The side panel follows the active tab and updates whenever that tab is annotated again. */
function SidePanel() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>('loading');
  const [copied, setCopied] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    void noticeItem.getValue().then(setNotice);
    return noticeItem.watch(setNotice);
  }, []);

  useEffect(() => {
    const follow = async (id: number | undefined) => {
      setTabId(id);
      setCopied(null);
      if (id === undefined) return setView('idle');
      try {
        setView((await stateOf(id)) ?? 'idle');
      } catch {
        setView('idle'); // not annotated yet
      }
    };
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => follow(tab?.id));
    const onActivated = (info: { tabId: number }) => void follow(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    const stop = serve<BackgroundProtocol>({
      // The report is brief; the analysis itself is asked for only by a panel showing that tab.
      pageAnnotated(_report, sender) {
        if (sender.tab?.id !== undefined && sender.tab.id === currentTab.id) void follow(sender.tab.id);
      },
    });
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      stop();
    };
  }, []);
  currentTab.id = tabId;

  const show = async () => {
    if (tabId === undefined) return;
    setView('loading');
    try {
      setView(await annotateTab(tabId, { fresh: true }));
    } catch {
      setView({
        status: 'error',
        url: '',
        message: t('sidepanel_not_allowed'),
      });
    }
  };
  const copy = async (format: ExportFormat) => {
    if (typeof view === 'object' && view.status === 'ready') {
      const done = await copyAnalysis(view.analysis, format, (text) => navigator.clipboard.writeText(text));
      setCopied(t('copy_done', done.highlights, done.demands, exportFormatName(done.format)));
    }
  };

  const [tab, setTab] = useState<'summary' | 'compare'>('summary');
  const url = typeof view === 'object' && view.status === 'ready' ? view.url : null;
  return (
    <main>
      <StorageNotice notice={notice} onDismiss={() => void noticeItem.removeValue()} />
      <div class="tabs" role="tablist">
        {(['summary', 'compare'] as const).map((name) => (
          <button
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls="panel"
            onClick={() => setTab(name)}
          >
            {t(name === 'summary' ? 'tab_summary' : 'tab_compare')}
          </button>
        ))}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'compare' ? <Compare url={url} /> : body()}
      </div>
    </main>
  );

  function body() {
    return view === 'idle' ? (
      <section class="status">
        <h2>{t('sidepanel_not_annotated')}</h2>
        <button type="button" onClick={() => void show()}>
          {t('sidepanel_show')}
        </button>
      </section>
    ) : (
      <Summary
        state={view}
        copied={copied}
        onCopy={(f) => void copy(f)}
        onReveal={(target) => tabId !== undefined && void sendToTab(tabId, 'reveal', target)}
      />
    );
  }
}

/** The Compare tab: the current article's story from history, any two or more of it side by side. */
function Compare({ url }: { url: string | null }) {
  const [records, setRecords] = useState<ArticleRecord[]>([]);
  const [deselected, setDeselected] = useState<Set<string>>(new Set());
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    void historyItem.getValue().then(setRecords);
    return historyItem.watch((v) => setRecords(v ?? []));
  }, []);
  if (!url || !records.some((r) => r.id === url)) return <p class="status">{t('compare_not_in_history')}</p>;
  const story = storyOf(url, records).map((id) => records.find((r) => r.id === id)!);
  if (story.length < 2) return <p class="status">{t('compare_alone')}</p>;
  const chosen = story.filter((r) => !deselected.has(r.id));
  const comparison = chosen.length >= 2 ? compareArticles(chosen) : null;
  return (
    <section class="summary">
      <h2>{t('compare_story', story.length)}</h2>
      <div class="story">
        {story.map((r) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!deselected.has(r.id)}
              onChange={() => {
                const next = new Set(deselected);
                if (next.has(r.id)) next.delete(r.id);
                else next.add(r.id);
                setDeselected(next);
              }}
            />{' '}
            <strong>{r.siteName ?? r.url}</strong> {r.title}
          </label>
        ))}
      </div>
      {comparison ? (
        <>
          <CompareTable comparison={comparison} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(comparisonToMarkdown(comparison))
                .then(() => setCopied(t('compare_copied', comparison.articles.length)))
            }
          >
            {t('compare_copy')}
          </button>
          <p class="copied" role="status">
            {copied}
          </p>
        </>
      ) : (
        <p class="status">{t('compare_pick')}</p>
      )}
    </section>
  );
}

/** The tab the panel shows, for message handlers registered once. */
const currentTab: { id: number | undefined } = { id: undefined };

render(<SidePanel />, document.getElementById('app')!);
