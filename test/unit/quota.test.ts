/** A full storage, told apart from other failures in each browser's words. */
import { describe, expect, it } from 'vitest';
import { isQuotaError, QuotaError } from '../../lib/quota';

const QUOTA = new Error('QUOTA_BYTES quota exceeded');

describe('isQuotaError', () => {
  it.each([
    ['Chrome', QUOTA, true],
    ['Firefox', Object.assign(new Error('storage.local API call exceeded its quota limitations.'), { name: 'QuotaExceededError' }), true],
    ['a DOMException', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), true],
    ['not even the newest fits', new QuotaError(3), true],
    ['another error', new Error('Extension context invalidated.'), false],
    ['not an error', 'quota', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_, error, expected) => expect(isQuotaError(error)).toBe(expected));
});
