/**
 * Where a note card goes beside its term: below it when the room there is enough or the most, else
 * above it, growing upward from the term. The card never runs off the viewport: its height is capped
 * to the room on its side, and it scrolls inside.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
}

/** CSS for a `position: fixed` card: `top` when it opens below the term, `bottom` when above. */
export interface CardPlacement {
  top?: number;
  bottom?: number;
  left: number;
  maxHeight: number;
}

/** Gap between the term and the card, and between the card and the viewport's edges (CSS px). */
const GAP = 8;
const EDGE = 12;
/** Below the term if it has this much room, even when above has more: a card reads best under its term. */
const ENOUGH = 320;

export function placeCard(term: Box, viewport: { width: number; height: number }, cardWidth: number): CardPlacement {
  const left = Math.max(EDGE, Math.min(term.left, viewport.width - cardWidth - EDGE));
  const below = viewport.height - term.bottom - GAP - EDGE;
  const above = term.top - GAP - EDGE;
  if (below >= ENOUGH || below >= above) return { top: term.bottom + GAP, left, maxHeight: Math.max(0, below) };
  return { bottom: viewport.height - term.top + GAP, left, maxHeight: above };
}
