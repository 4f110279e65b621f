import { serve, type BackgroundProtocol } from '@/lib/messaging';
import { annotateTab } from '@/lib/tabs';
import { syncAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem, historyItem, settingsItem, userPackItem } from '@/lib/storage';
import { builtinLexicon } from '@/lib/lexicon/builtin';
import { addRecord } from '@/lib/history/history';
import { toRecord, type ArticleRecord } from '@/lib/history/record';
import { t } from '@/lib/i18n';

/** History writes one at a time, so two tabs reporting together cannot lose a record. */
let writing = Promise.resolve();
function remember(record: ArticleRecord) {
  writing = writing.then(async () => historyItem.setValue(addRecord(await historyItem.getValue(), record)));
  return writing;
}

export default defineBackground(() => {
  serve<BackgroundProtocol>({
    // The packs live here, not in the content script, which stays small and gets them by message.
    async getLexicon() {
      const [settings, userPack] = await Promise.all([settingsItem.getValue(), userPackItem.getValue()]);
      return builtinLexicon({ disabledPacks: settings.disabledPacks, extra: userPack ? [userPack] : [] });
    },
    pageAnnotated(state, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const count = state.status === 'ready' ? state.analysis.matches.filter((m) => m.field === 'body').length : 0;
      void browser.action.setBadgeText({
        tabId,
        text: state.status === 'ready' ? String(count) : state.status === 'no-article' ? '–' : '!',
      });
      void browser.action.setBadgeBackgroundColor({ tabId, color: state.status === 'error' ? '#b00020' : '#0072b2' });
      if (state.status === 'ready') void remember(toRecord(state.analysis, state.url));
    },
  });

  void syncAlwaysOn();
  alwaysOnItem.watch(() => void syncAlwaysOn());
  browser.permissions.onRemoved.addListener(() => void syncAlwaysOn());

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'show-framing', title: t('context_menu_show_framing'), contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'show-framing' && tab?.id !== undefined) void annotateTab(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'show-framing' && tab?.id !== undefined) void annotateTab(tab.id);
  });
});
