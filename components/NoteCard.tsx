import type { Demand } from '../lib/demands/demands';
import type { Entry } from '../lib/lexicon/types';
import type { Match } from '../lib/match/matcher';
import type { CardPlacement } from '../lib/layout/place-card';
import { t } from '../lib/i18n';
import { categorySingular, voiceLabel } from './labels';

export interface NoteCardProps {
  match: Match;
  entry: Entry | undefined;
  /** The demand this term is part of, if any, with its party's name. */
  demand?: { demand: Demand; partyLabel: string };
  position: CardPlacement;
  onClose(): void;
}

/** The note on one annotated term: what it is, which variant, whose voice, and the alternatives. */
export function NoteCard({ match, entry, demand, position, onClose }: NoteCardProps) {
  const alternatives = entry?.variants.filter((v) => v.form !== match.variant) ?? [];
  return (
    <div
      class={`card card-${match.category}`}
      role="dialog"
      aria-label={t('note_card_label', categorySingular(match.category), match.surface)}
      style={{
        ...(position.top === undefined ? { bottom: `${position.bottom}px` } : { top: `${position.top}px` }),
        left: `${position.left}px`,
        maxHeight: `${position.maxHeight}px`,
      }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <span class="category">{categorySingular(match.category)}</span>
        <span class="voice">{voiceLabel(match.voice)}</span>
        <button class="close" type="button" aria-label={t('note_close')} onClick={onClose}>
          ×
        </button>
      </header>
      <h2 class="term">{match.surface}</h2>
      <p class="concept">{match.concept}</p>
      <p class="variant">
        <strong>{match.variant}</strong>: {match.variantNote}
      </p>
      <p class="note">{match.note}</p>
      {entry?.presumes && (
        <p class="presumes">
          <strong>{t('note_presumes')}</strong> {entry.presumes}
        </p>
      )}
      {entry?.objection && (
        <p class="objection">
          <strong>{t('note_objection')}</strong> {entry.objection}
        </p>
      )}
      {entry?.neutral && (
        <p class="neutral">
          <strong>{t('note_neutral')}</strong> {entry.neutral}
        </p>
      )}
      {alternatives.length > 0 && (
        <p class="alternatives">
          <strong>{t('note_other_forms')}</strong> {alternatives.map((v) => v.form).join(', ')}
        </p>
      )}
      {demand && (
        <p class="demand">
          <strong>{t('note_demand_by', demand.partyLabel)}</strong> {demand.demand.topicLabel ?? t('note_demand_other')}
        </p>
      )}
    </div>
  );
}
