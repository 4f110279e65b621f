import type { Category } from '../lib/lexicon/types';
import { CATEGORY_LABELS } from './labels';

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
    <section class="legend" aria-label="Framing Lens annotations">
      <span class="title">Framing Lens</span>
      {(['name', 'region', 'loaded'] as const).map((c) => (
        <button type="button" class={`toggle swatch-${c}`} aria-pressed={!hidden.has(c)} onClick={() => onToggle(c)}>
          {CATEGORY_LABELS[c]} <span class="count">{counts[c]}</span>
        </button>
      ))}
      {unplaced > 0 && <span class="unplaced">{unplaced} not placed</span>}
      <button type="button" class="hide" aria-label="Hide the legend" onClick={onHide}>
        ×
      </button>
    </section>
  );
}
