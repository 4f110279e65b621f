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
  return page.evaluate(() => {
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
  });
}
