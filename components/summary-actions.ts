import { useState } from 'preact/hooks';
import { copyAnalysis } from '../lib/export/export';
import { sendToTab, type PageState } from '../lib/runtime/protocol';
import { t } from '../lib/i18n';
import { exportFormatName } from './labels';
import type { SummaryProps } from './Summary';

/**
 * What a summary of a tab's analysis does, for the popup and the side panel alike: copy the analysis
 * to the clipboard (and say what was copied), and ask the tab to reveal a demand or match.
 */
export function useSummaryActions(tabId: number | undefined, state: PageState | 'loading' | 'idle') {
  const [copied, setCopied] = useState<string | null>(null);
  const onCopy: SummaryProps['onCopy'] = (format) => {
    if (typeof state === 'object' && state.status === 'ready')
      void copyAnalysis(state.analysis, format, (text) => navigator.clipboard.writeText(text)).then((done) =>
        setCopied(t('copy_done', done.highlights, done.demands, exportFormatName(done.format))),
      );
  };
  const onReveal: SummaryProps['onReveal'] = (target) => {
    if (tabId !== undefined) void sendToTab(tabId, 'reveal', target);
  };
  return { copied, setCopied, onCopy, onReveal };
}
