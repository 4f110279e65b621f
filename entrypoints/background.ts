import { serve, type BackgroundProtocol } from '@/lib/messaging';
import { annotateTab } from '@/lib/tabs';
import { syncAlwaysOn } from '@/lib/always-on';
import { alwaysOnItem } from '@/lib/storage';
import { t } from '@/lib/i18n';

export default defineBackground(() => {
  serve<BackgroundProtocol>({
    pageAnnotated(state, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const count = state.status === 'ready' ? state.analysis.matches.filter((m) => m.field === 'body').length : 0;
      void browser.action.setBadgeText({
        tabId,
        text: state.status === 'ready' ? String(count) : state.status === 'no-article' ? '–' : '!',
      });
      void browser.action.setBadgeBackgroundColor({ tabId, color: state.status === 'error' ? '#b00020' : '#0072b2' });
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
