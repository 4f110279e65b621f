/** Reading what Framing Lens painted, for the end-to-end tests. */
import type { Page } from 'playwright-core';

export interface PaintedRange {
  /** Its highlight: `framing-lens-` and a category (name, region, loaded), or the one-range focus or flash. */
  name: string;
  text: string;
  /** Inside the article, and inside its page furniture (nav, aside, comments, footer), through shadow roots and frames. */
  inArticle: boolean;
  inChrome: boolean;
  inShadow: boolean;
  inFrame: boolean;
  /** False for a range on nodes the page has since replaced: it paints nothing. */
  connected: boolean;
}

/** Every range of every Framing Lens highlight, in the page's registry and its same-origin frames'. */
export function readHighlights(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(paintedRanges);
}

/** `readHighlights`, run in the page (by any driver: Firefox's suite runs it too). */
export const paintedRanges = (): PaintedRange[] => {
  const composedClosest = (node: Node, selector: string) => {
    // Up through shadow roots to their hosts, and out of frames to the frame element.
    const up = (el: Element) =>
      el.parentElement ?? (el.getRootNode() as Partial<ShadowRoot>).host ?? el.ownerDocument.defaultView?.frameElement ?? null;
    for (let el: Element | null = node.parentElement; el; el = up(el)) if (el.matches(selector)) return true;
    return false;
  };
  const out: PaintedRange[] = [];
  const frames = [...document.querySelectorAll('iframe')].flatMap((f) => (f.contentDocument ? [f.contentDocument] : []));
  for (const doc of [document, ...frames])
    doc.defaultView!.CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('framing-lens-')) return;
      highlight.forEach((r) => {
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({
          name,
          text: range.toString(),
          inArticle: composedClosest(r.startContainer, 'article'),
          inChrome: composedClosest(r.startContainer, 'nav, aside, .comments, footer'),
          inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
          inFrame: doc !== document,
          connected: r.startContainer.isConnected,
        });
      });
    });
  return out;
};

/** The centre of the first body occurrence of `surface` in the article, scrolled into view (run in the page). */
export const centreOfText = (surface: string): { x: number; y: number } | null => {
  // Body paragraphs only: the headline is not annotated on the page.
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT, (n) =>
    n.parentElement!.closest('h1') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.nodeValue!.indexOf(surface);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + surface.length);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
};

/** Gold terms painted fewer times than the gold counts (in their category, case aside): [] when all are. */
export function missingTerms(
  painted: readonly PaintedRange[],
  terms: readonly { surface: string; category: string; count: number }[],
): string[] {
  return terms
    .filter(
      (term) =>
        painted.filter((x) => x.name === `framing-lens-${term.category}` && x.text.toLowerCase().includes(term.surface.toLowerCase()))
          .length < term.count,
    )
    .map((term) => term.surface);
}
