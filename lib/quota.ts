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
