import '@/components/summary.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Summary } from '@/components/Summary';
import { useSummaryActions } from '@/components/summary-actions';
import type { PageState } from '@/lib/runtime/protocol';
import { annotateTab } from '@/lib/runtime/tabs';
import { disableAlwaysOn, enableAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem } from '@/lib/storage';
import { t } from '@/lib/i18n';

/** The tab to read: `?tab=ID` when given (tests, the side panel), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const given = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(given) && given > 0) return given;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [state, setState] = useState<PageState | 'loading'>('loading');
  const { copied, onCopy, onReveal } = useSummaryActions(tabId, state);

  useEffect(() => {
    targetTab()
      .then(async (id) => {
        if (id === undefined) throw new Error(t('popup_no_tab'));
        setTabId(id);
        setState(await annotateTab(id));
      })
      .catch((e: unknown) => setState({ status: 'error', url: '', message: e instanceof Error ? e.message : String(e) }));
  }, []);

  const origin = state !== 'loading' && /^https?:/.test(state.url) ? new URL(state.url).origin : null;
  return (
    <main>
      <Summary state={state} copied={copied} onCopy={onCopy} onReveal={onReveal} />
      <footer class="popup-footer">
        {origin && <AlwaysOn origin={origin} />}
        {tabId !== undefined && (
          <button type="button" class="link" onClick={() => openSidePanel(tabId)}>
            {t('popup_side_panel')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_options')}
        </button>
      </footer>
    </main>
  );
}

/** Opens the side panel for the tab; called straight from the click, which the browser requires. */
function openSidePanel(tabId: number) {
  const api = browser as unknown as {
    sidePanel?: { open(o: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  void (api.sidePanel ? api.sidePanel.open({ tabId }) : api.sidebarAction?.open())?.then(() => window.close());
}

/** "Always on" for the page's site: asks for that one site's permission when turned on. */
function AlwaysOn({ origin }: { origin: string }) {
  const [on, setOn] = useState<boolean>();
  useEffect(() => {
    void alwaysOnItem.getValue().then((sites) => setOn(sites.includes(origin)));
  }, [origin]);
  if (on === undefined) return null;
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={on}
        onChange={async (e) => {
          const want = e.currentTarget.checked;
          if (want) setOn(await enableAlwaysOn(origin));
          else await disableAlwaysOn(origin).then(() => setOn(false));
        }}
      />{' '}
      {t('popup_always_on', new URL(origin).host)}
    </label>
  );
}

render(<Popup />, document.getElementById('app')!);
