import type { Comparison } from '../lib/compare/compare';
import { t } from '../lib/i18n';
import { voiceLabel } from './labels';

export interface CompareTableProps {
  comparison: Comparison;
}

/** Rows where the outlets differ first: that is what a comparison is for. Otherwise in the comparison's order. */
const differencesFirst = <T extends { differs: boolean }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => Number(b.differs) - Number(a.differs));

/**
 * One column per outlet; differing rows first and standing out, agreement quiet; each cell keeps its
 * sentences. In a narrow side panel each row becomes a card, each cell labelled with its outlet (CSS).
 */
export function CompareTable({ comparison: c }: CompareTableProps) {
  const outlet = (a: (typeof c.articles)[number]) => a.siteName ?? a.title;
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {c.articles.map((a) => (
          <th scope="col" title={a.title}>
            {outlet(a)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const sentences = (list: string[] | undefined) =>
    list?.length ? (
      <details>
        <summary>{t('compare_sentences')}</summary>
        {list.map((s) => (
          <q>{s}</q>
        ))}
      </details>
    ) : null;

  return (
    <div class="compare">
      <h3>{t('compare_spellings')}</h3>
      <table>
        {head(t('compare_concept'))}
        <tbody>
          {differencesFirst(c.spellings).map((s) => (
            <tr class={s.differs ? 'differs' : 'agrees'}>
              <th scope="row">{s.concept}</th>
              {c.articles.map((a) => (
                <td data-outlet={outlet(a)}>{s.byArticle[a.id] ?? t('compare_absent')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('compare_loaded')}</h3>
      <table>
        {head(t('compare_phrase'))}
        <tbody>
          {differencesFirst(c.loaded).map((l) => (
            <tr class={l.differs ? 'differs' : 'agrees'}>
              <th scope="row">{l.surface}</th>
              {c.articles.map((a) => (
                <td data-outlet={outlet(a)}>
                  {l.byArticle[a.id] ? voiceLabel(l.byArticle[a.id]) : t('compare_absent')}
                  {sentences(l.sentences[a.id])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('compare_demands')}</h3>
      <table>
        {head(t('compare_demand'))}
        <tbody>
          {differencesFirst(c.demands).map((d) => (
            <tr class={d.differs ? 'differs' : 'agrees'} data-topic={`${d.party}:${d.topic}`}>
              <th scope="row">
                {d.party}: {d.topicLabel ?? d.topic}
              </th>
              {c.articles.map((a) => {
                const cell = d.articles.includes(a.id) ? 'reported' : d.omittedBy.includes(a.id) ? 'omitted' : 'unsure';
                return (
                  <td class={cell} data-outlet={outlet(a)} title={cell === 'unsure' ? t('compare_unsure_hint') : undefined}>
                    {t(cell === 'reported' ? 'compare_reported' : cell === 'omitted' ? 'compare_omits' : 'compare_unsure')}
                    {sentences(d.sentences[a.id])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
