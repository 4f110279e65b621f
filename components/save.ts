/** Saving what the user asked for: into storage, or into a file of their own. */
import { saveTogether, type Write } from '../lib/storage';
import { isQuotaError } from '../lib/quota';
import { t } from '../lib/i18n';

/** What became of a write the user asked for: null when stored, else why not. A failed write changes nothing. */
export async function outcome(write: Promise<unknown>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (e) {
    return isQuotaError(e) ? t('storage_full') : t('storage_failed', e instanceof Error ? e.message : String(e));
  }
}

/** Stores what the user asked for in one write. */
export const save = (...writes: Write[]) => outcome(saveTogether(...writes));

/** Saves a text file through a download link: nothing leaves the machine. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
