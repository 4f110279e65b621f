import type { Category } from '../lib/lexicon/types';
import { t } from '../lib/i18n';
import { categoryLabel } from './labels';

export interface LegendProps {
  counts: Record<Category, number>;
  hidden: ReadonlySet<Category>;
  unplaced: number;
  onToggle(category: Category): void;
  onHide(): void;
}

/** Counts per category, each a toggle for its highlights. */
export function Legend({ counts, hidden, unplaced, onToggle, onHide }: LegendProps) {
  return (
    <section class="legend" aria-label={t('legend_label')}>
      <span class="title">{t('ext_name')}</span>
      {(['name', 'region', 'loaded'] as const).map((c) => (
        <button type="button" class={`toggle swatch-${c}`} aria-pressed={!hidden.has(c)} onClick={() => onToggle(c)}>
          {categoryLabel(c)} <span class="count">{counts[c]}</span>
        </button>
      ))}
      {unplaced > 0 && <span class="unplaced">{t('legend_unplaced', unplaced)}</span>}
      <button type="button" class="hide" aria-label={t('legend_hide')} onClick={onHide}>
        ×
      </button>
    </section>
  );
}
