/**
 * Living pages: they re-render, load more, navigate in place. StaticRanges don't follow DOM changes,
 * so once the page settles after a change, `onSettled` is called to read and anchor it again.
 * `destroy()` disconnects the observer and drops any pending settle.
 */
import { composedRoots, frameBody, type Composition } from '../extract/composed';
import { Held } from './held';

/** Quiet time after the page's last DOM change before re-anchoring: one pass per burst of changes. */
const SETTLE_MS = 400;
/** A page that never goes quiet (a ticker) is read again at most this long after its first change. */
const SETTLE_MAX_MS = 2000;

export interface PageWatch {
  /** Watches the shadow roots and frames' documents of a composition too; `onDocument` meets each document. */
  include(c: Composition | null, onDocument: (doc: Document) => void): void;
  destroy(): void;
}

/**
 * `ours(node)`: our own UI, whose changes are not the page's. `onChange` runs on every change the
 * page makes; `onSettled(composedChanged)` once it is quiet: `composedChanged` when a frame holding
 * text loaded a new document (the ranges in the old one are gone) or a shadow host was added (its text
 * is not in the page's own), which is worth a new pass whatever the text.
 */
export function watchPage(
  doc: Document,
  ours: (n: Node) => boolean,
  onChange: () => void,
  onSettled: (composedChanged: boolean) => void,
): PageWatch {
  const held = new Held();
  const view = doc.defaultView!;
  let firstChange: number | null = null;
  let composedChanged = false;
  let cancelSettle: (() => void) | null = null;
  const changed = () => {
    onChange();
    cancelSettle?.();
    firstChange ??= performance.now();
    cancelSettle = held.timeout(
      view,
      () => {
        firstChange = null;
        const composed = composedChanged;
        composedChanged = false;
        onSettled(composed);
      },
      Math.max(0, Math.min(SETTLE_MS, firstChange + SETTLE_MAX_MS - performance.now())),
    );
  };
  const isPageHost = (n: Node) => n.nodeType === Node.ELEMENT_NODE && (n as Element).shadowRoot !== null && !ours(n);
  const observer = held.observe(
    new MutationObserver((records) => {
      if (records.every((r) => ours(r.target) || [...r.addedNodes, ...r.removedNodes].every(ours))) return;
      composedChanged ||= records.some((r) => [...r.addedNodes].some(isPageHost));
      changed();
    }),
  );
  const observed = { childList: true, subtree: true, characterData: true };
  observer.observe(doc.documentElement, observed);
  // A frame's load is not a change of this document: told apart from the page's images and ads'
  // frames (no text we could read), it counts as one.
  held.listen(
    doc,
    'load',
    (e: Event) => {
      if (e.target instanceof HTMLIFrameElement && frameBody(e.target)) {
        composedChanged = true;
        changed();
      }
    },
    { capture: true, passive: true },
  );

  return {
    include(c, onDocument) {
      for (const root of composedRoots(c)) {
        observer.observe(root, observed);
        if (root.nodeType === Node.DOCUMENT_NODE) onDocument(root as Document);
      }
    },
    destroy: () => held.release(),
  };
}
