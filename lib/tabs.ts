/** Getting a tab annotated: ask its content script, injecting it first when it is not there yet. */
import { browser } from 'wxt/browser';
import { sendToTab, type PageState } from './messaging';

const CONTENT_SCRIPT = '/content-scripts/content.js';

async function stateOf(tabId: number): Promise<PageState | null | undefined> {
  try {
    return await sendToTab(tabId, 'getState', undefined);
  } catch {
    return undefined; // no content script in the tab
  }
}

/** Annotates a tab (injecting the content script under activeTab) and returns its state. */
export async function annotateTab(tabId: number, options: { fresh?: boolean } = {}): Promise<PageState> {
  const known = await stateOf(tabId);
  if (known !== undefined) return options.fresh || known === null ? sendToTab(tabId, 'annotate', undefined) : known;
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  // The injected script annotates as it starts; wait for its first state.
  for (let wait = 50; wait < 3000; wait *= 2) {
    const state = await stateOf(tabId);
    if (state) return state;
    await new Promise((r) => setTimeout(r, wait));
  }
  return sendToTab(tabId, 'annotate', undefined);
}
