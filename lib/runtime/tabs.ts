/** Getting a tab annotated: ask its content script, injecting it first when it is not there yet. */
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendToTab, type PageState, type SentPageState } from './protocol';
import { unpackAnalysis } from './wire';

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** A page's state as the content script sent it, with its analysis rebuilt. */
export async function receiveState(sent: SentPageState): Promise<PageState> {
  if (sent.status !== 'ready') return sent;
  const page = await unpackAnalysis(sent.analysis);
  return page.ok ? { ...sent, analysis: page.analysis } : { status: 'error', url: sent.url, message: page.message };
}

/** The tab's state: null before its first annotation, undefined without a content script. */
export async function stateOf(tabId: number): Promise<PageState | null | undefined> {
  let sent: SentPageState | null;
  try {
    sent = await sendToTab(tabId, 'getState');
  } catch {
    return undefined; // no content script in the tab
  }
  return sent && receiveState(sent);
}

const annotateAgain = async (tabId: number) => receiveState(await sendToTab(tabId, 'annotate'));

/**
 * Annotates a tab (injecting the content script under activeTab) and returns its state. Rejects, with
 * a message for the user, when the tab's page is closed to extensions.
 */
export async function annotateTab(tabId: number, options: { fresh?: boolean } = {}): Promise<PageState> {
  const known = await stateOf(tabId);
  if (known !== undefined) return options.fresh || known === null ? annotateAgain(tabId) : known;
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  } catch (e) {
    // about:blank, the browser's own pages, the extension gallery: no extension may run there. The browser's
    // reason ("Cannot access contents of the page. Extension manifest must request permission...") speaks to developers.
    throw new Error(t('tabs_cannot_read'), { cause: e });
  }
  // The injected script annotates as it starts; wait for its first state.
  for (let wait = 50; wait < 3000; wait *= 2) {
    const state = await stateOf(tabId);
    if (state) return state;
    await new Promise((r) => setTimeout(r, wait));
  }
  return annotateAgain(tabId);
}
