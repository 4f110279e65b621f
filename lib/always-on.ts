/** Sites annotated on every visit: one registered content script whose matches are the granted origins. */
import { browser } from 'wxt/browser';
import { alwaysOnItem } from './storage';

const SCRIPT_ID = 'framing-lens-always-on';
const CONTENT_SCRIPT = 'content-scripts/content.js';

export const originPattern = (origin: string) => `${origin}/*`;

/** Brings the registration in line with the stored list, keeping only origins still granted. */
export async function syncAlwaysOn(): Promise<void> {
  const origins = await alwaysOnItem.getValue();
  const granted: string[] = [];
  for (const origin of origins) if (await browser.permissions.contains({ origins: [originPattern(origin)] })) granted.push(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length)
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: granted.map(originPattern), js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
}

/** Asks for the site's permission (from a user gesture) and adds it; false when the user declines. */
export async function enableAlwaysOn(origin: string): Promise<boolean> {
  if (!(await browser.permissions.request({ origins: [originPattern(origin)] }))) return false;
  const origins = await alwaysOnItem.getValue();
  if (!origins.includes(origin)) await alwaysOnItem.setValue([...origins, origin]);
  return true;
}

export async function disableAlwaysOn(origin: string): Promise<void> {
  await alwaysOnItem.setValue((await alwaysOnItem.getValue()).filter((o) => o !== origin));
  await browser.permissions.remove({ origins: [originPattern(origin)] });
}
