import { sendToTab, serve, type BackgroundProtocol } from '@/lib/runtime/protocol';
import { serveAnalyzer } from '@/lib/runtime/analyzer-host';
import { ensureOffscreenAnalyzer } from '@/lib/runtime/offscreen';
import { annotateTab } from '@/lib/runtime/tabs';
import { syncAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem, settingsItem, userPackItem } from '@/lib/storage';
import { saveRecord } from '@/lib/history/store';
import type { ArticleRecord } from '@/lib/history/record';
import { t } from '@/lib/i18n';
import { timed, TIMINGS_ON, type Stages } from '@/lib/timing';

/** The bench's build keeps each history write's milliseconds here, for `npm run bench` (lib/timing). */
const writeMs: number[] = [];
if (TIMINGS_ON) (globalThis as { __historyWriteMs?: number[] }).__historyWriteMs = writeMs;

/** History writes one at a time, so two tabs reporting together cannot lose a record; one failed write does not stop the next. */
let writing = Promise.resolve();
function remember(record: ArticleRecord) {
  const timings: Stages<'write'> | undefined = TIMINGS_ON ? {} : undefined;
  const saved = writing
    .then(() => timed(timings, 'write', () => saveRecord(record)))
    .finally(() => timings?.write && writeMs.push(timings.write));
  writing = saved.then(
    () => undefined,
    () => undefined,
  );
  return saved.then(() => undefined);
}

/** The lexicon or settings changed: every tab with our content script reads the page again (tabs without one say no). */
async function tellTabsLexiconChanged() {
  for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) sendToTab(tab.id, 'lexiconChanged').catch(() => undefined);
}

/**
 * The shortcut and the context menu annotate in place, with nowhere to say why a page cannot be read
 * (about:blank, the browser's own pages): the badge stays blank, and no uncaught rejection is logged.
 */
const annotateQuietly = (tabId: number) => void annotateTab(tabId).catch(() => undefined);

export default defineBackground(() => {
  serve<BackgroundProtocol>({
    // Firefox's background page is the analyser itself (below); Chrome's service worker has no DOM.
    startAnalyzer: () => (import.meta.env.FIREFOX ? undefined : ensureOffscreenAnalyzer()),
    pageAnnotated(report, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      void browser.action.setBadgeText({
        tabId,
        text:
          report.status === 'ready'
            ? String(report.count)
            : report.status === 'no-article' || report.status === 'unsupported-language'
              ? '–'
              : '!',
      });
      void browser.action.setBadgeBackgroundColor({ tabId, color: report.status === 'error' ? '#b00020' : '#0072b2' });
    },
    remember,
  });
  if (import.meta.env.FIREFOX) serveAnalyzer(remember);

  void syncAlwaysOn();
  alwaysOnItem.watch(() => void syncAlwaysOn());
  settingsItem.watch(() => void tellTabsLexiconChanged());
  userPackItem.watch(() => void tellTabsLexiconChanged());
  browser.permissions.onRemoved.addListener(() => void syncAlwaysOn());

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'show-framing', title: t('context_menu_show_framing'), contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'show-framing' && tab?.id !== undefined) annotateQuietly(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'show-framing' && tab?.id !== undefined) annotateQuietly(tab.id);
  });
});
