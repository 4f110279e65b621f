/**
 * A full storage area. `storage.local` holds 10 MB without the `unlimitedStorage` permission, which
 * we do not ask for; a write that would pass it fails whole and changes nothing.
 */

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a QuotaExceededError, or a message naming the quota. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/** Not even the newest item fits. */
export class QuotaError extends Error {
  constructor(readonly items: number) {
    super(`storage quota exceeded: not even the newest of ${items} items fits`);
    this.name = 'QuotaError';
  }
}

export interface Kept<T> {
  kept: T[];
  /** The oldest, removed to make room, oldest first. */
  dropped: T[];
}

/**
 * Writes a list (oldest first) that storage may be too full for: when it does not fit, the oldest
 * items go, only as many as needed, and never the newest. `write` gets what is kept and what was
 * dropped (to tell the user in the same write) and throws the storage's own errors. Every write that
 * fits is a whole list of the newest, and each is a smaller trim than the one before, so storage ends
 * holding the smallest. Rethrows anything but a quota error; throws QuotaError when even the
 * newest item alone does not fit.
 */
export async function writeKeepingNewest<T>(list: readonly T[], write: (kept: T[], dropped: T[]) => Promise<void>): Promise<Kept<T>> {
  const attempt = async (drop: number): Promise<boolean> => {
    try {
      await write(list.slice(drop), list.slice(0, drop));
      return true;
    } catch (e) {
      if (isQuotaError(e)) return false;
      throw e;
    }
  };
  const result = (drop: number): Kept<T> => ({ kept: list.slice(drop), dropped: list.slice(0, drop) });
  if (await attempt(0)) return result(0);
  // Gallop (1, 2, 4, … oldest) to a drop that fits, then halve the gap down to the smallest that does.
  const most = list.length - 1;
  let fails = 0;
  let fits = Math.min(1, most);
  for (;;) {
    if (fits <= fails) throw new QuotaError(list.length);
    if (await attempt(fits)) break;
    fails = fits;
    fits = Math.min(fits * 2, most);
  }
  while (fits - fails > 1) {
    const mid = (fails + fits) >>> 1;
    if (await attempt(mid)) fits = mid;
    else fails = mid;
  }
  return result(fits);
}
