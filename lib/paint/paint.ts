/**
 * Painting with the CSS Custom Highlight API: one highlight per category, StaticRanges only (no DOM
 * change, no cost to the page's later DOM updates), styles through an adopted stylesheet.
 */
import type { RangeInit } from '../anchor/anchor';
import type { Category } from '../lexicon/types';
import { forEachInSlices, yieldToPage } from '../slices';

export const HIGHLIGHT_PREFIX = 'framing-lens-';
export type Layer = Category | 'focus' | 'flash';
export const highlightName = (layer: Layer) => `${HIGHLIGHT_PREFIX}${layer}`;

/**
 * Okabe–Ito colours, told apart by line style too (solid, dotted, wavy) so no reader depends on hue;
 * translucent tints read on light and dark pages alike.
 */
const RULES = `
::highlight(${highlightName('name')}) { background-color: rgb(0 114 178 / 0.16); text-decoration: underline solid rgb(0 114 178) 2px; text-underline-offset: 3px; }
::highlight(${highlightName('region')}) { background-color: rgb(0 158 115 / 0.16); text-decoration: underline dotted rgb(0 158 115) 2px; text-underline-offset: 3px; }
::highlight(${highlightName('loaded')}) { background-color: rgb(230 159 0 / 0.28); text-decoration: underline wavy rgb(213 94 0) 1.5px; text-underline-offset: 3px; }
::highlight(${highlightName('focus')}) { background-color: rgb(204 121 167 / 0.45); }
::highlight(${highlightName('flash')}) { background-color: rgb(240 228 66 / 0.75); color: black; }
`;

let sheet: CSSStyleSheet | null = null;

function installStyles(doc: Document): void {
  if (sheet && doc.adoptedStyleSheets.includes(sheet)) return;
  const view = doc.defaultView!;
  sheet ??= new view.CSSStyleSheet();
  sheet.replaceSync(RULES);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

export interface Painted {
  category: Category;
  range: StaticRange;
}

/**
 * Paints by category the places `place(i)` gives (null: not on the page), the ranges made in slices
 * of at most about `sliceMs`. Returns the StaticRanges in order.
 */
export async function paint(
  doc: Document,
  categories: readonly Category[],
  place: (i: number) => RangeInit | null,
  hidden: ReadonlySet<Category>,
  sliceMs: number,
): Promise<(Painted | null)[]> {
  const view = doc.defaultView! as Window & typeof globalThis;
  const painted: (Painted | null)[] = new Array(categories.length).fill(null);
  await forEachInSlices(categories.length, sliceMs, (i) => {
    const init = place(i);
    if (init) painted[i] = { category: categories[i], range: new view.StaticRange(init) };
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
/** How often our highlights are checked for, and put back if the page removed them. */
const REASSERT_MS = 1000;
/** Ends what the last `show` keeps running (the window, the check). */
let stopWindow: (() => void) | null = null;

/** Shows painted ranges, one highlight per category, leaving out hidden categories. */
export function show(doc: Document, painted: readonly (Painted | null)[], hidden: ReadonlySet<Category>): void {
  installStyles(doc);
  stopWindow?.();
  stopWindow = null;
  const view = doc.defaultView! as Window & typeof globalThis;
  const layers = new Map<Category, Highlight>();
  for (const category of ['name', 'region', 'loaded'] as const) {
    const layer = new view.Highlight();
    layers.set(category, layer);
    if (hidden.has(category)) CSS.highlights.delete(highlightName(category));
    else CSS.highlights.set(highlightName(category), layer);
  }
  // A page may clear every highlight (CSS.highlights is shared with it): ours are put back.
  const reassert = view.setInterval(() => {
    for (const [category, layer] of layers)
      if (!hidden.has(category) && CSS.highlights.get(highlightName(category)) !== layer)
        CSS.highlights.set(highlightName(category), layer);
  }, REASSERT_MS);
  stopWindow = () => view.clearInterval(reassert);
  const shown = painted.filter((p): p is Painted => p !== null && !hidden.has(p.category));
  if (shown.length <= WINDOW_ABOVE) {
    for (const p of shown) layers.get(p.category)!.add(p.range);
    return;
  }
  // Ranges come in text order, which is the page's order top to bottom: the window onto them is
  // found by binary search on their boxes, and moves as the reader scrolls.
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
  view.addEventListener('scroll', onScroll, { passive: true, capture: true });
  view.addEventListener('resize', onScroll, { passive: true });
  stopWindow = () => {
    view.clearInterval(reassert);
    view.removeEventListener('scroll', onScroll, { capture: true });
    view.removeEventListener('resize', onScroll);
  };
}

/** A one-range layer (the focused annotation, a flashed sentence); null clears it. */
export function mark(layer: 'focus' | 'flash', range: StaticRange | null): void {
  if (range) CSS.highlights.set(highlightName(layer), new Highlight(range));
  else CSS.highlights.delete(highlightName(layer));
}

export function clearAll(): void {
  stopWindow?.();
  stopWindow = null;
  for (const layer of ['name', 'region', 'loaded', 'focus', 'flash'] as const) CSS.highlights.delete(highlightName(layer));
}

/** The index of the painted range under a point, if any. */
export function hitTest(doc: Document, x: number, y: number, painted: readonly (Painted | null)[]): number | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const probe = doc.createRange();
  for (let i = 0; i < painted.length; i++) {
    const p = painted[i];
    if (!p) continue;
    const r = p.range;
    probe.setStart(r.startContainer, r.startOffset);
    probe.setEnd(r.endContainer, r.endOffset);
    if (probe.comparePoint(caret.node, caret.offset) === 0) {
      // A caret at a range's edge may come from a point beside it: the box decides.
      const rect = probe.getBoundingClientRect();
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return i;
    }
  }
  return null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** A live-DOM Range for measuring or scrolling to a painted StaticRange. */
export function toRange(doc: Document, r: StaticRange): Range {
  const range = doc.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}
