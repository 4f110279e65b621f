import { t } from '../lib/i18n';

export interface AlwaysOnSitesProps {
  sites: readonly string[];
  onRemove(origin: string): void;
}

/** The sites annotated on every visit, each with a way to stop. */
export function AlwaysOnSites({ sites, onRemove }: AlwaysOnSitesProps) {
  return (
    <section aria-labelledby="sites">
      <h2 id="sites">{t('options_always_on')}</h2>
      {sites.length ? (
        <ul>
          {sites.map((origin) => (
            <li>
              {origin}{' '}
              <button type="button" aria-label={t('options_site_remove_label', origin)} onClick={() => onRemove(origin)}>
                {t('options_site_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('options_no_sites')}</p>
      )}
    </section>
  );
}
