/**
 * Chrome's analyser lives in an offscreen document: a page of the extension, with a DOM parser and
 * its own thread, that stays open across pages so the compiled lexicon and warm code are reused.
 */
import { browser } from 'wxt/browser';

const PATH = '/offscreen.html';
let opening: Promise<void> | null = null;

export async function ensureOffscreenAnalyzer(): Promise<void> {
  const url = browser.runtime.getURL(PATH);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length) return;
  // Two pages asking at once must not open it twice (the second would throw).
  opening ??= browser.offscreen
    .createDocument({ url: PATH, reasons: ['DOM_PARSER'], justification: 'Reads articles away from the page, so the page never stutters.' })
    .finally(() => (opening = null));
  await opening;
}
