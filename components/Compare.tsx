import { useEffect, useState } from 'preact/hooks';
import { compareArticles } from '../lib/compare/compare';

import { comparisonToMarkdown } from '../lib/export/comparison';
import type { ArticleRecord } from '../lib/history/record';
import { storyRecords, watchHistory } from '../lib/history/store';
import { t } from '../lib/i18n';
import { CompareTable } from './CompareTable';

/** The side panel's Compare tab: the current article's story from history, any two or more of it side by side. */
export function Compare({ url }: { url: string | null }) {
  const [records, setRecords] = useState<ArticleRecord[]>([]);
  const [deselected, setDeselected] = useState<Set<string>>(new Set());
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    // Only this article's story is read, not the whole history.
    const read = () => void (url ? storyRecords(url) : Promise.resolve([])).then(setRecords);
    read();
    return watchHistory(read);
  }, [url]);
  if (!url || !records.some((r) => r.id === url)) return <p class="status">{t('compare_not_in_history')}</p>;
  const story = records;
  if (story.length < 2) return <p class="status">{t('compare_alone')}</p>;
  const chosen = story.filter((r) => !deselected.has(r.id));
  const comparison = chosen.length >= 2 ? compareArticles(chosen) : null;
  return (
    <section class="summary">
      <h2>{t('compare_story', story.length)}</h2>
      <div class="story">
        {story.map((r) => (
          <label class="check">
            <input
              type="checkbox"
              checked={!deselected.has(r.id)}
              onChange={() => {
                const next = new Set(deselected);
                if (next.has(r.id)) next.delete(r.id);
                else next.add(r.id);
                setDeselected(next);
              }}
            />{' '}
            <strong>{r.siteName ?? r.url}</strong> {r.title}
          </label>
        ))}
      </div>
      {comparison ? (
        <>
          <CompareTable comparison={comparison} />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                .writeText(comparisonToMarkdown(comparison))
                .then(() => setCopied(t('compare_copied', comparison.articles.length)))
            }
          >
            {t('compare_copy')}
          </button>
          <p class="copied" role="status">
            {copied}
          </p>
        </>
      ) : (
        <p class="status">{t('compare_pick')}</p>
      )}
    </section>
  );
}
