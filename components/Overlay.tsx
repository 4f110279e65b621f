import type { Analysis } from '../lib/analysis/analyze';
import type { Category, Entry } from '../lib/lexicon/types';
import { Legend } from './Legend';
import { NoteCard } from './NoteCard';
import type { CardPlacement } from '../lib/layout/place-card';

export interface OverlayProps {
  analysis: Analysis;
  entries: ReadonlyMap<string, Entry>;
  partyLabels: ReadonlyMap<string, string>;
  hidden: ReadonlySet<Category>;
  legendVisible: boolean;
  unplaced: number[];
  /** The open card: which match, and where. */
  card: { index: number; position: CardPlacement } | null;
  onToggle(category: Category): void;
  onHideLegend(): void;
  onCloseCard(): void;
}

/** Everything Framing Lens draws over a page: the legend and the open note card. */
export function Overlay(props: OverlayProps) {
  const { analysis, card } = props;
  const match = card ? analysis.matches[card.index] : null;
  const demand = match ? analysis.demands.find((d) => d.start <= match.start && match.end <= d.end) : undefined;
  return (
    <>
      {props.legendVisible && (
        <Legend
          counts={analysis.summary.counts}
          hidden={props.hidden}
          unplaced={props.unplaced.length}
          onToggle={props.onToggle}
          onHide={props.onHideLegend}
        />
      )}
      {match && card && (
        <NoteCard
          match={match}
          entry={props.entries.get(match.termId)}
          demand={
            demand && match.field === 'body' ? { demand, partyLabel: props.partyLabels.get(demand.party) ?? demand.party } : undefined
          }
          position={card.position}
          onClose={props.onCloseCard}
        />
      )}
    </>
  );
}
