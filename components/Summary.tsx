import type { PageState } from '../lib/runtime/protocol';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/export';
import { t } from '../lib/i18n';
import { categoryLabel, exportFormatLabel, voiceLabel } from './labels';

export interface SummaryProps {
  state: PageState | 'loading';
  onReveal(target: { kind: 'demand' | 'match'; index: number }): void;
  onCopy(format: ExportFormat): void;
  /** What the last copy did, for the confirmation line. */
  copied: string | null;
}

/** The article's framing, for the popup and the side panel alike. */
export function Summary({ state, onReveal, onCopy, copied }: SummaryProps) {
  if (state === 'loading') return <p class="status">{t('summary_loading')}</p>;
  if (state.status === 'no-article')
    return (
      <section class="status" role="status">
        <h2>{t('summary_no_article_title')}</h2>
        <p>{t('summary_no_article_body')}</p>
      </section>
    );
  if (state.status === 'unsupported-language')
    return (
      <section class="status" role="status">
        <h2>{t('summary_unsupported_title')}</h2>
        <p>{state.message}</p>
      </section>
    );
  if (state.status === 'error')
    return (
      <section class="status" role="alert">
        <h2>{t('summary_error_title')}</h2>
        <p>{state.message}</p>
      </section>
    );

  const { analysis } = state;
  const { article, summary } = analysis;
  const date = article.publishedTime ? new Date(article.publishedTime) : null;
  // Each term's first match in the body, found in one pass (a long article has thousands of matches).
  const first = new Map<string, number>();
  analysis.matches.forEach((m, i) => m.field === 'body' && !first.has(m.termId) && first.set(m.termId, i));
  const firstOf = (termId: string) => first.get(termId) ?? -1;
  const used = (s: (typeof summary.spellings)[number]) => s.used.map((u) => `${u.variant} ×${u.count}`).join(' · ');
  const byVoice = (voice: 'author' | 'quoted') => summary.loaded[voice].reduce((n, u) => n + u.count, 0);
  // The reader's first screen: the article and Copy, its framing at a glance, the demands by party.
  // Notes wait behind disclosures below.
  return (
    <div class="summary">
      <header class="article">
        <h1>{article.title}</h1>
        <p class="meta">
          {[article.siteName, article.byline, date && !Number.isNaN(date.valueOf()) ? date.toLocaleDateString() : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>

      <section aria-labelledby="fl-export" class="export">
        <h2 id="fl-export">{t('summary_copy')}</h2>
        {EXPORT_FORMATS.map((f) => (
          <button type="button" onClick={() => onCopy(f)}>
            {exportFormatLabel(f)}
          </button>
        ))}
        <p class="copied" role="status">
          {copied}
        </p>
      </section>

      <section aria-labelledby="fl-fingerprint" class="fingerprint">
        <h2 id="fl-fingerprint">{t('summary_fingerprint')}</h2>
        {summary.spellings.length > 0 && (
          <ul class="chips">
            {summary.spellings.map((s) => (
              <li>
                <button
                  type="button"
                  class={`chip chip-${s.category}`}
                  disabled={firstOf(s.termId) < 0}
                  title={s.concept}
                  onClick={() => onReveal({ kind: 'match', index: firstOf(s.termId) })}
                >
                  {used(s)}
                  {s.alternatives.length > 0 && <span class="not"> {t('summary_not', s.alternatives[0].variant)}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="loaded-counts">{t('summary_loaded_by_voice', byVoice('author'), byVoice('quoted'))}</p>
      </section>

      <section aria-labelledby="fl-demands">
        <h2 id="fl-demands">{t('summary_demands')}</h2>
        {summary.demands.length ? (
          summary.demands.map((p) => (
            <div class="party">
              <h3>{p.label}</h3>
              <ul class="demands">
                {p.demands.map((i) => {
                  const d = analysis.demands[i];
                  return (
                    <li>
                      {/* Opening an item shows its sentence here and on the page. */}
                      <details onToggle={(e) => e.currentTarget.open && onReveal({ kind: 'demand', index: i })}>
                        <summary class="demand">
                          <strong>{d.topicLabel ?? t('summary_other_demand')}</strong> {t('summary_quoted_phrase', d.text)}
                        </summary>
                        <span class="sentence">{d.sentence}</span>
                      </details>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))
        ) : (
          <p class="empty">{t('summary_no_demands')}</p>
        )}
      </section>

      <section aria-labelledby="fl-spellings">
        <h2 id="fl-spellings">{t('summary_spellings')}</h2>
        {summary.spellings.length ? (
          <ul class="notes">
            {summary.spellings.map((s) => (
              <li>
                <details>
                  <summary>
                    <span class="used">{used(s)}</span> <span class="concept">{s.concept}</span>
                  </summary>
                  <span class="note">{s.used[0].note}</span>
                  {s.alternatives.length > 0 && (
                    <span class="alt">{t('summary_alternatives', s.alternatives.map((a) => a.variant).join(', '))}</span>
                  )}
                  <button
                    type="button"
                    class="link"
                    disabled={firstOf(s.termId) < 0}
                    onClick={() => onReveal({ kind: 'match', index: firstOf(s.termId) })}
                  >
                    {t('summary_show_on_page')}
                  </button>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('summary_no_spellings')}</p>
        )}
      </section>

      <section aria-labelledby="fl-loaded">
        <h2 id="fl-loaded">{t('summary_loaded')}</h2>
        {(['author', 'quoted'] as const).map((voice) => (
          <div class={`voice voice-${voice}`}>
            <h3>{voiceLabel(voice)}</h3>
            {summary.loaded[voice].length ? (
              <ul class="notes">
                {summary.loaded[voice].map((u) => (
                  <li>
                    <details>
                      <summary>
                        {t('summary_quoted_phrase', u.surfaces[0])}
                        {u.count > 1 ? ` ×${u.count}` : ''}
                      </summary>
                      {u.presumes && <span class="note">{t('summary_presumes', u.presumes)}</span>}
                      <button type="button" class="link" onClick={() => onReveal({ kind: 'match', index: u.matches[0] })}>
                        {t('summary_show_on_page')}
                      </button>
                    </details>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">{t('summary_none')}</p>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="fl-counts">
        <h2 id="fl-counts">{t('summary_annotations')}</h2>
        <ul class="counts">
          {(['name', 'region', 'loaded'] as const).map((c) => (
            <li class={`count-${c}`}>
              {categoryLabel(c)} <strong>{summary.counts[c]}</strong>
            </li>
          ))}
          <li>
            {t('summary_demands_count')} <strong>{summary.counts.demands}</strong>
          </li>
        </ul>
        {state.unplaced.length > 0 && (
          <p class="unplaced">
            {t('summary_unplaced', state.unplaced.length)} {state.unplaced.map((i) => analysis.matches[i].surface).join(', ')}
          </p>
        )}
        <p class="lexicon">{t('summary_lexicon', analysis.lexicon.map((p) => p.name).join(', '))}</p>
      </section>
    </div>
  );
}
