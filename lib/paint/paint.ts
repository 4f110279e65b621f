/**
 * Painting with the CSS Custom Highlight API: one highlight per category, StaticRanges only (no DOM
 * change, no cost to the page's later DOM updates), styles through an adopted stylesheet.
 */
import type { RangeInit } from '../anchor/anchor';
import type { Category } from '../lexicon/types';
import { Held } from '../page/held';
import { forEachInSlices, yieldToPage } from '../slices';

export const HIGHLIGHT_PREFIX = 'framing-lens-';
export type Layer = Category | 'focus' | 'flash';
export const highlightName = (layer: Layer) => `${HIGHLIGHT_PREFIX}${layer}`;

/**
 * The rules are set on the root only: every element's highlight inherits from its parent's, so the
 * page's text (shadow trees included) is painted all the same, and adopting the sheet restyles the
 * root rather than every element (about half the time on a long page: bench/README.md). Chromium inherits
 * highlights so (the e2e tests paint with it); Firefox's build keeps a rule for every element.
 */
const ORIGIN = import.meta.env?.FIREFOX ? '' : ':root';

/**
 * Okabe–Ito colours, told apart by line style too (solid, dotted, wavy) so no reader depends on hue;
 * translucent tints read on light and dark pages alike.
 */
const RULES = `
${ORIGIN}::highlight(${highlightName('name')}) { background-color: rgb(0 114 178 / 0.16); text-decoration: underline solid rgb(0 114 178) 2px; text-underline-offset: 3px; }
${ORIGIN}::highlight(${highlightName('region')}) { background-color: rgb(0 158 115 / 0.16); text-decoration: underline dotted rgb(0 158 115) 2px; text-underline-offset: 3px; }
${ORIGIN}::highlight(${highlightName('loaded')}) { background-color: rgb(230 159 0 / 0.28); text-decoration: underline wavy rgb(213 94 0) 1.5px; text-underline-offset: 3px; }
${ORIGIN}::highlight(${highlightName('focus')}) { background-color: rgb(204 121 167 / 0.45); }
${ORIGIN}::highlight(${highlightName('flash')}) { background-color: rgb(240 228 66 / 0.75); color: black; }
`;

/**
 * Our stylesheet, one per document: a constructed sheet can only be adopted where it was made. The
 * document's rules also paint text in its shadow trees (highlight styles inherit down the flat tree,
 * checked in Chromium), so shadow roots are left as they are.
 */
const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Adopts our rules in `doc` (once). Adopting a sheet restyles the page at its next frame: the
 * annotator does it as it starts, so that happens while the analyser works, not when the paint is due.
 */
export function installStyles(doc: Document): void {
  const own = sheets.get(doc);
  const sheet = own ?? new (windowOf(doc).CSSStyleSheet)();
  if (!own) {
    sheet.replaceSync(RULES);
    sheets.set(doc, sheet);
  }
  adopt(doc, sheet);
}

/**
 * The page's own object behind `x`. Firefox's content scripts see the page through Xray wrappers, which
 * carry no maplike, setlike or observable-array interface ("Accessing from Xray wrapper is not
 * supported"): the highlight registry, a Highlight and `adoptedStyleSheets` are used unwrapped there.
 * Elsewhere `x` is the page's own already.
 */
const unwrapped = <T extends object>(x: T): T => (x as { wrappedJSObject?: T }).wrappedJSObject ?? x;

/** Adds a constructed sheet to a document's or shadow root's own (once), changing the page's array in place. */
export function adopt(root: Document | ShadowRoot, sheet: CSSStyleSheet): void {
  const sheets = unwrapped(root).adoptedStyleSheets;
  if (!sheets.includes(sheet)) sheets.push(sheet);
}

type PageWindow = Window & typeof globalThis;
/** A document's window: a same-origin frame's differs from ours, and so do its constructors. */
const windowOf = (doc: Document) => doc.defaultView! as PageWindow;
const documentOf = (node: Node) => node.ownerDocument ?? (node as Document);

/** A document's highlight registry and Highlight constructor: the page's own (`unwrapped`), which it may read and change either way (see `showIn`). */
function highlightApi(doc: Document): { registry: HighlightRegistry; Highlight: typeof Highlight } {
  const own = unwrapped(windowOf(doc));
  return { registry: own.CSS.highlights, Highlight: own.Highlight };
}

export interface Painted {
  category: Category;
  range: StaticRange;
}

/** A StaticRange made in its nodes' own window (a frame's highlights take its own ranges). */
export function staticRange(init: RangeInit): StaticRange {
  return new (windowOf(documentOf(init.startContainer)).StaticRange)(init);
}

/**
 * Paints by category the places `place(i)` gives (null: not on the page), the ranges made in slices
 * of at most about `sliceMs`. Returns the StaticRanges in order. Ranges may lie in `doc`'s shadow
 * trees and same-origin frames: each is shown by its own document.
 */
export async function paint(
  doc: Document,
  categories: readonly Category[],
  place: (i: number) => RangeInit | null,
  hidden: ReadonlySet<Category>,
  sliceMs: number,
): Promise<(Painted | null)[]> {
  const painted: (Painted | null)[] = new Array(categories.length).fill(null);
  await forEachInSlices(categories.length, sliceMs, (i) => {
    const init = place(i);
    if (init) painted[i] = { category: categories[i], range: staticRange(init) };
  });
  // Showing may lay the page out (to find the ranges near the viewport): a task of its own, unless
  // slicing is off (sliceMs Infinity: everything in one task, as the paint benchmark times it).
  if (Number.isFinite(sliceMs)) await yieldToPage();
  show(doc, painted, hidden);
  return painted;
}

/**
 * Above this many ranges only those near the viewport are in the highlights: the browser restyles
 * every highlighted range on each style change of the page (decorated ones cost most), and a reader
 * sees a screenful at a time.
 */
export const WINDOW_ABOVE = 1500;
/** How far beyond the viewport, in viewport heights, ranges are kept painted, so scrolling finds them there. */
const WINDOW_MARGIN = 1.5;
/** The documents showing our highlights (the page's, its frames'), each with what ends its window and check. */
const shownIn = new Map<Document, () => void>();
/** Where the focus and flash layers are. */
const markedIn = new Map<'focus' | 'flash', Document>();
const LAYERS = ['name', 'region', 'loaded'] as const;

/**
 * Shows painted ranges, one highlight per category in each document holding some (`doc`, and frames
 * of it), leaving out hidden categories.
 */
export function show(doc: Document, painted: readonly (Painted | null)[], hidden: ReadonlySet<Category>): void {
  const byDocument = new Map<Document, Painted[]>([[doc, []]]);
  for (const p of painted) {
    if (!p || hidden.has(p.category)) continue;
    const owner = documentOf(p.range.startContainer);
    const shown = byDocument.get(owner);
    if (shown) shown.push(p);
    else byDocument.set(owner, [p]);
  }
  for (const [shownDoc, stop] of shownIn) {
    stop();
    if (!byDocument.has(shownDoc)) clearIn(shownDoc, LAYERS);
  }
  shownIn.clear();
  for (const [owner, shown] of byDocument) if (owner.defaultView) shownIn.set(owner, showIn(owner, shown, hidden));
}

/** Shows one document's ranges; returns what ends its window and check. */
function showIn(doc: Document, shown: readonly Painted[], hidden: ReadonlySet<Category>): () => void {
  installStyles(doc);
  const view = windowOf(doc);
  const { registry, Highlight } = highlightApi(doc);
  const layers = new Map<Category, Highlight>();
  for (const category of LAYERS) {
    const layer = new Highlight();
    layers.set(category, layer);
    if (hidden.has(category)) registry.delete(highlightName(category));
    else registry.set(highlightName(category), layer);
  }
  const held = new Held();
  // A page may clear every highlight (CSS.highlights is shared with it): ours are put back before
  // the next frame is drawn, so the reader never sees them gone. Three lookups a frame.
  held.everyFrame(view, () => {
    for (const [category, layer] of layers)
      if (!hidden.has(category) && registry.get(highlightName(category)) !== layer) registry.set(highlightName(category), layer);
  });
  if (shown.length <= WINDOW_ABOVE) {
    for (const p of shown) layers.get(p.category)!.add(p.range);
    return () => held.release();
  }
  // Ranges come in text order, which is the page's order top to bottom: the window onto them is
  // found by binary search on their boxes, and moves as the reader scrolls. A frame's ranges are
  // windowed on the frame's own viewport and scrolling.
  const probe = doc.createRange();
  const top = (i: number) => {
    const r = shown[i].range;
    probe.setStart(r.startContainer, r.startOffset);
    probe.setEnd(r.endContainer, r.endOffset);
    return probe.getBoundingClientRect().top;
  };
  const firstBelow = (y: number) => {
    let lo = 0;
    let hi = shown.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (top(mid) < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let from = 0;
  let to = 0;
  const update = () => {
    const margin = view.innerHeight * WINDOW_MARGIN;
    const a = firstBelow(-margin);
    const b = Math.max(a, firstBelow(view.innerHeight + margin));
    for (let i = from; i < to; i++) if (i < a || i >= b) layers.get(shown[i].category)!.delete(shown[i].range);
    for (let i = a; i < b; i++) if (i < from || i >= to) layers.get(shown[i].category)!.add(shown[i].range);
    from = a;
    to = b;
  };
  let pending = false;
  const onScroll = () => {
    if (pending) return;
    pending = true;
    view.requestAnimationFrame(() => {
      pending = false;
      update();
    });
  };
  update();
  held.listen(view, 'scroll', onScroll, { passive: true, capture: true });
  held.listen(view, 'resize', onScroll, { passive: true });
  return () => held.release();
}

/** Takes our layers out of a document's highlights (a frame gone from the page has none to clear). */
function clearIn(doc: Document, layers: readonly Layer[]): void {
  if (!doc.defaultView) return;
  const { registry } = highlightApi(doc);
  for (const layer of layers) registry.delete(highlightName(layer));
}

/** A one-range layer (the focused annotation, a flashed sentence), in the range's own document; null clears it. */
export function mark(layer: 'focus' | 'flash', range: StaticRange | null): void {
  const was = markedIn.get(layer);
  if (was) clearIn(was, [layer]);
  markedIn.delete(layer);
  if (!range) return;
  const doc = documentOf(range.startContainer);
  const { registry, Highlight } = highlightApi(doc);
  installStyles(doc);
  registry.set(highlightName(layer), new Highlight(range));
  markedIn.set(layer, doc);
}

export function clearAll(): void {
  for (const [doc, stop] of shownIn) {
    stop();
    clearIn(doc, LAYERS);
  }
  shownIn.clear();
  mark('focus', null);
  mark('flash', null);
}

/**
 * The index of the painted range under a point of `doc`'s viewport, if any; a point over text in one
 * of `shadowRoots` finds it there.
 */
export function hitTest(
  doc: Document,
  x: number,
  y: number,
  painted: readonly (Painted | null)[],
  shadowRoots: readonly ShadowRoot[] = [],
): number | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret) return null;
  const probe = doc.createRange();
  for (let i = 0; i < painted.length; i++) {
    const p = painted[i];
    if (!p) continue;
    const r = p.range;
    probe.setStart(r.startContainer, r.startOffset);
    probe.setEnd(r.endContainer, r.endOffset);
    // False, not an error, for a range in another tree (a shadow root, a frame).
    if (probe.isPointInRange(caret.node, caret.offset)) {
      // A caret at a range's edge may come from a point beside it: the box decides.
      const rect = probe.getBoundingClientRect();
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return i;
    }
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[]): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (
      x: number,
      y: number,
      options?: { shadowRoots: readonly ShadowRoot[] },
    ) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    // Without the roots, a point in a shadow tree comes back as its host's place.
    const p = d.caretPositionFromPoint(x, y, { shadowRoots });
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** A live Range, in the range's own document, for measuring or scrolling to a painted StaticRange. */
export function toRange(r: StaticRange): Range {
  const range = documentOf(r.startContainer).createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/**
 * Where a window's viewport sits in the top window's: a same-origin frame's is offset by its frame's
 * content box, and so on up.
 */
export function viewportOffset(view: Window): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let frame = view.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement ?? null) {
    const box = frame.getBoundingClientRect();
    const style = frame.ownerDocument.defaultView!.getComputedStyle(frame);
    x += box.left + frame.clientLeft + parseFloat(style.paddingLeft);
    y += box.top + frame.clientTop + parseFloat(style.paddingTop);
  }
  return { x, y };
}

/** A painted range's box in the top window's viewport. */
export function viewportRect(r: StaticRange): DOMRect {
  const box = toRange(r).getBoundingClientRect();
  const offset = viewportOffset(windowOf(documentOf(r.startContainer)));
  return new DOMRect(box.x + offset.x, box.y + offset.y, box.width, box.height);
}
