import { fakeBrowser } from '../support/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { annotateTab } from '../../lib/runtime/tabs';
import { t } from '../../lib/i18n';

describe('annotateTab', () => {
  afterEach(() => vi.restoreAllMocks());

  it('on a page closed to extensions (about:blank, chrome://), rejects with a message for the user, the browser’s as its cause', async () => {
    const refusal = new Error(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    );
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(refusal);
    const failure = await annotateTab(7).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(t('tabs_cannot_read'));
    expect((failure as Error).cause).toBe(refusal);
  });
});
