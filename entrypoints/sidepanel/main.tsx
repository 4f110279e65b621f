import '@/components/summary.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Summary } from '@/components/Summary';
import { useSummaryActions } from '@/components/summary-actions';
import { serve, type BackgroundProtocol, type PageState } from '@/lib/runtime/protocol';
import { annotateTab, stateOf } from '@/lib/runtime/tabs';
import { t } from '@/lib/i18n';
import type { Compare } from '@/components/Compare';
import { noticeItem, type StorageNotice as Notice } from '@/lib/storage';
import { StorageNotice } from '@/components/StorageNotice';

type View = PageState | 'loading' | 'idle';

/** The side panel follows the active tab and updates whenever that tab is annotated again. */
function SidePanel() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>('loading');
  const { copied, setCopied, onCopy, onReveal } = useSummaryActions(tabId, view);
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

  const [tab, setTab] = useState<'summary' | 'compare'>('summary');
  // The Compare tab's code (and the history's) loads when the tab is first opened: the panel opens on the summary.
  const [CompareTab, setCompareTab] = useState<typeof Compare>();
  const open = (name: typeof tab) => {
    setTab(name);
    if (name === 'compare' && !CompareTab) void import('@/components/Compare').then((m) => setCompareTab(() => m.Compare));
  };
  const url = typeof view === 'object' && view.status === 'ready' ? view.url : null;
  return (
    <main>
      <StorageNotice notice={notice} onDismiss={() => void noticeItem.removeValue()} />
      <div class="tabs" role="tablist">
        {(['summary', 'compare'] as const).map((name) => (
          <button type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls="panel" onClick={() => open(name)}>
            {t(name === 'summary' ? 'tab_summary' : 'tab_compare')}
          </button>
        ))}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'compare' ? CompareTab && <CompareTab url={url} /> : body()}
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
      <Summary state={view} copied={copied} onCopy={onCopy} onReveal={onReveal} />
    );
  }
}

/** The tab the panel shows, for message handlers registered once. */
const currentTab: { id: number | undefined } = { id: undefined };

render(<SidePanel />, document.getElementById('app')!);
