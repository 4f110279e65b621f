/** What the user must hear about their stored data (history trimmed because storage was full), until dismissed. */
import type { StorageNotice as Notice } from '../lib/storage';
import { t } from '../lib/i18n';

export function StorageNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  if (!notice) return null;
  const n = notice.droppedRecords;
  return (
    <div class="notice" role="status">
      <p>{n === 1 ? t('notice_history_trimmed_one') : t('notice_history_trimmed_other', n)}</p>
      <button type="button" aria-label={t('notice_dismiss_label')} onClick={onDismiss}>
        {t('notice_dismiss')}
      </button>
    </div>
  );
}
