/**
 * WXT's fake browser as the extension APIs, for unit tests of code that uses storage. Import it
 * before anything that imports `wxt/browser` or `wxt/utils/storage`: they pick their `browser` once.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { browser?: unknown }).browser = fakeBrowser;

export { fakeBrowser };

/** chrome.storage.local's limit without the `unlimitedStorage` permission. */
export const QUOTA_BYTES = 10_485_760;

/** What Chrome counts against the quota: each key's length plus its value's JSON length. */
export const bytesOf = (data: Record<string, unknown>) =>
  Object.entries(data).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);

/**
 * Makes the fake `storage.local` refuse, as Chrome does, a write that would take it past `quota`
 * bytes: the whole write fails with Chrome's message and nothing changes.
 */
export function enforceQuota(quota = QUOTA_BYTES): void {
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  local.set = async (items: Record<string, unknown>) => {
    if (bytesOf({ ...(await local.get()), ...items }) > quota) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  };
}
