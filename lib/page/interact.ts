/**
 * The reader's ways to a note card: a click on a term, the pointer resting on one, Esc to close, and
 * Alt+Shift+N / Alt+Shift+P to step through the terms. Listened for in the page and in each frame we
 * paint in; `destroy()` takes every listener and pending hover away.
 */
import { Held } from './held';

export interface Cards {
  /** The index of the painted term at a point of `doc`'s viewport that a card may open for, if any. */
  termAt(doc: Document, x: number, y: number): number | null;
  /** The term whose card is open, if any. */
  openIndex(): number | null;
  open(index: number | null): void;
  step(direction: 1 | -1): void;
  /** Whether a click or a key came from our own UI (which handles its own). */
  fromOurUi(e: Event): boolean;
}

/** How long the pointer rests on a term before its card opens: passing over text opens nothing. */
const HOVER_MS = 450;

export function createInteraction(cards: Cards) {
  const held = new Held();
  const listening = new WeakSet<Document>();
  let cancelHover: (() => void) | null = null;

  /** Listens in `doc` (once per document). */
  function listen(doc: Document): void {
    if (listening.has(doc)) return;
    listening.add(doc);
    const view = doc.defaultView!;
    held.listen(doc, 'click', (e: MouseEvent) => {
      if (cards.fromOurUi(e)) return;
      const hit = cards.termAt(doc, e.clientX, e.clientY);
      if (hit !== null) cards.open(hit);
      else if (cards.openIndex() !== null) cards.open(null);
    });
    held.listen(
      doc,
      'mousemove',
      (e: MouseEvent) => {
        cancelHover?.();
        if (e.buttons) return;
        cancelHover = held.timeout(
          view,
          () => {
            const hit = cards.termAt(doc, e.clientX, e.clientY);
            if (hit !== null && hit !== cards.openIndex()) cards.open(hit);
          },
          HOVER_MS,
        );
      },
      { passive: true },
    );
    held.listen(doc, 'keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape' && cards.openIndex() !== null) cards.open(null);
      else if (e.altKey && e.shiftKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
        e.preventDefault();
        cards.step(e.code === 'KeyN' ? 1 : -1);
      }
    });
  }

  return { listen, destroy: () => held.release() };
}
