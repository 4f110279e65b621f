import '@/components/summary.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Summary } from '@/components/Summary';
import { exportFormatName } from '@/components/labels';
import { copyAnalysis, type ExportFormat } from '@/lib/export/export';
import { sendToTab, serve, type BackgroundProtocol, type PageState } from '@/lib/messaging';
import { annotateTab } from '@/lib/tabs';
import { t } from '@/lib/i18n';

type View = PageState | 'loading' | 'idle';

/** The side panel follows the active tab and updates whenever that tab is annotated again. */
function SidePanel() {
  const [tabId, setTabId] = useState<number>();
  const [view, setView] = useState<View>('loading');
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    const follow = async (id: number | undefined) => {
      setTabId(id);
      setCopied(null);
      if (id === undefined) return setView('idle');
      try {
        setView((await sendToTab(id, 'getState', undefined)) ?? 'idle');
      } catch {
        setView('idle'); // not annotated yet
      }
    };
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => follow(tab?.id));
    const onActivated = (info: { tabId: number }) => void follow(info.tabId);
    browser.tabs.onActivated.addListener(onActivated);
    const stop = serve<BackgroundProtocol>({
      pageAnnotated(state, sender) {
        if (sender.tab?.id !== undefined && sender.tab.id === currentTab.id) setView(state);
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

  return (
    <main>
      {view === 'idle' ? (
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
      )}
    </main>
  );
}

/** The tab the panel shows, for message handlers registered once. */
const currentTab: { id: number | undefined } = { id: undefined };

render(<SidePanel />, document.getElementById('app')!);
