/**
 * The page side: ask the analyser about the page, anchor and paint its answer, and keep it so while
 * the page lives. Holds the page's state for the popup and side panel. DOM work is here; the analysis
 * runs in the analyser (lib/analysis/service), away from the page's main thread.
 */
import { requestAnalysis } from '@/lib/analysis/client';
import type { LexiconChoice } from '@/lib/analysis/service';
import { fromWire, type WireResult } from '@/lib/analysis/wire';
import { anchorSpans, createAnchor } from '@/lib/anchor/anchor';
import {
  composedRoots,
  composedTextContent,
  frameBody,
  sameComposition,
  serializeComposed,
  type Composition,
} from '@/lib/extract/composed';
import { collectText, collectTextInSlices, type CollectedText } from '@/lib/extract/text';
import type { Category, Entry, Party } from '@/lib/lexicon/types';
import {
  decode,
  encodeSent,
  type Encoded,
  type PageReport,
  type PageState,
  type PipelineTimings,
  type SentPageState,
} from '@/lib/messaging';
import { placeCard, type CardPlacement } from '@/lib/layout/place-card';
import { clearAll, hitTest, installStyles, mark, paint, show, staticRange, toRange, viewportRect, type Painted } from '@/lib/paint/paint';
import { yieldToPage } from '@/lib/slices';

export interface View {
  /** Redraws the overlay for the current state. */
  update(): void;
}

export interface Annotator {
  state: PageState | null;
  /** The same state as it leaves the page (its analysis as the analyser sent it), encoded once. */
  sent: Encoded<SentPageState> | null;
  painted: (Painted | null)[];
  hidden: Set<Category>;
  legendVisible: boolean;
  card: { index: number; position: CardPlacement } | null;
  unplaced: number[];
  /** The lexicon entries and parties the last analysis matched, for note cards and labels. */
  entries: ReadonlyMap<string, Entry>;
  parties: ReadonlyMap<string, Party>;
  lexicon: LexiconChoice;
  /** Annotates the page; a call while one runs gets the run after it. */
  annotate(): Promise<PageState>;
  reveal(target: { kind: 'demand' | 'match'; index: number }): boolean;
  openCard(index: number | null): void;
  step(direction: 1 | -1): void;
  toggle(category: Category): void;
  attach(view: View): void;
}

const FLASH_MS = 1600;
export const UI_TAG = 'framing-lens-ui';
/** Quiet time after the page's last DOM change before re-anchoring: one pass per burst of changes. */
const SETTLE_MS = 400;
/** A page that never goes quiet (a ticker) is read again at most this long after its first change. */
const SETTLE_MAX_MS = 2000;
/** How long the pointer rests on a term before its card opens: passing over text opens nothing. */
const HOVER_MS = 450;
/** The longest stretch the page's main thread is ours while reading a long page. */
const SLICE_MS = 12;

export function createAnnotator(lexicon: LexiconChoice, hidden: Iterable<Category>, onAnnotated: (report: PageReport) => void): Annotator {
  let view: View | null = null;
  /** The page text last annotated: a DOM change that leaves it alone needs no new pass. */
  let annotatedText = '';
  /** The live text as last read, while the page has not changed since. */
  let live: CollectedText | null = null;
  /** The page's open shadow roots and same-origin frames as last read (null: none). */
  let composition: Composition | null = null;
  let focused = -1;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<PageState> | null = null;
  let queued: Promise<PageState> | null = null;

  async function run(): Promise<PageState> {
    const started = performance.now();
    const timings: PipelineTimings = { startedAt: started };
    const url = location.href;
    let state: PageState;
    let wire: Encoded<WireResult> | null = null;
    try {
      annotatedText = composedTextContent(document, composition);
      await yieldToPage();
      // The page as it stands, scripts' changes included; the analyser parses its own copy, with the
      // shadow roots and frames last read flattened into it where they sit.
      const ask = () => {
        const t = performance.now();
        // eslint-disable-next-line no-restricted-properties -- read, never written
        const html = composition ? serializeComposed(document, composition) : document.documentElement.outerHTML;
        timings.serialize = (timings.serialize ?? 0) + performance.now() - t;
        return requestAnalysis({ html, url, lexicon: self.lexicon });
      };
      let asked = ask();
      // Our highlight rules now: the page restyles for them while the analyser works.
      installStyles(document);
      // Serialising and sending a long page took a while: the page's own tasks first.
      await yieldToPage();
      // While the analyser works, the page's own text is read for anchoring, in slices.
      let t = performance.now();
      const text = document.body ? await collectTextInSlices(document.body, { map: true, composed: true, sliceMs: SLICE_MS }) : null;
      timings.collect = performance.now() - t;
      if (text && !sameComposition(composition, text.composition ?? null)) {
        // The walk met shadow roots or frames the serialisation did not have (a first visit, a new
        // component): the analyser is asked again, with the page as the walk read it.
        composition = text.composition ?? null;
        annotatedText = composedTextContent(document, composition);
        asked.catch(() => undefined);
        asked = ask();
      }
      watch(composition);
      t = performance.now();
      const reply = await asked;
      timings.wait = performance.now() - t;
      Object.assign(timings, reply.timings, { transit: reply.transit });
      // The answer took a while to read in (a long article's is megabytes): the page's own tasks first.
      await yieldToPage();
      t = performance.now();
      const answer = decode(reply.result);
      timings.rebuild = performance.now() - t;
      // Reading megabytes of JSON is a task's worth: rebuilding the analysis gets its own.
      await yieldToPage();
      t = performance.now();
      const result = fromWire(answer);
      timings.rebuild += performance.now() - t;
      if (!result.ok || !text) {
        clearAll();
        self.painted = [];
        live = null;
        state =
          !result.ok && result.reason === 'unsupported-language'
            ? { status: 'unsupported-language', url, lang: result.lang, message: result.message }
            : { status: 'no-article', url, message: result.ok ? '' : result.message };
      } else {
        const { analysis } = result;
        live = text;
        self.entries = result.entries;
        self.parties = result.parties;
        await yieldToPage();
        t = performance.now();
        const anchor = createAnchor(text, analysis.article);
        timings.anchor = performance.now() - t;
        // Each match is placed as it is painted: both run in slices.
        t = performance.now();
        self.painted = await paint(
          document,
          analysis.matches.map((m) => m.category),
          (i) => (analysis.matches[i].field === 'body' ? anchor.place(analysis.matches[i]) : null),
          self.hidden,
          SLICE_MS,
        );
        timings.paint = performance.now() - t;
        const placed = self.painted.filter(Boolean).length;
        self.unplaced = analysis.matches.flatMap((m, i) => (m.field === 'body' && !self.painted[i] ? [i] : []));
        timings.total = performance.now() - started;
        state = { status: 'ready', analysis, url, placed, unplaced: self.unplaced, timings };
        wire = reply.result;
      }
    } catch (e) {
      // Our own failure: reported to our console and the popup, never thrown into the page.
      console.error('[Framing Lens]', e);
      state = { status: 'error', url, message: e instanceof Error ? e.message : String(e) };
    }
    self.state = state;
    // The analysis as the analyser sent it, spliced in (encoded again once the overlay's time is known).
    const encodeState = (s: PageState): Encoded<SentPageState> =>
      s.status === 'ready' ? encodeSent({ status: 'ready', url, placed: s.placed, unplaced: s.unplaced, timings }, wire!) : encodeSent(s);
    self.sent = encodeState(state);
    self.card = null;
    focused = -1;
    // The page is painted; the overlay is drawn in a task of its own.
    await yieldToPage();
    const t = performance.now();
    view?.update();
    timings.ui = performance.now() - t;
    self.sent = encodeState(state);
    onAnnotated({
      status: state.status,
      url,
      count: state.status === 'ready' ? state.analysis.matches.filter((m) => m.field === 'body').length : 0,
    });
    return state;
  }

  const self: Annotator = {
    state: null,
    sent: null,
    painted: [],
    hidden: new Set(hidden),
    legendVisible: true,
    card: null,
    unplaced: [],
    entries: new Map(),
    parties: new Map(),
    lexicon,

    annotate() {
      if (!running) {
        running = run().finally(() => (running = null));
        return running;
      }
      queued ??= running.then(() => {
        queued = null;
        return self.annotate();
      });
      return queued;
    },

    reveal(target) {
      const state = self.state;
      if (state?.status !== 'ready') return false;
      const { analysis } = state;
      let range: StaticRange | null = null;
      if (target.kind === 'match') range = self.painted[target.index]?.range ?? null;
      else {
        const d = analysis.demands[target.index];
        if (!d) return false;
        live ??= collectText(document.body, { map: true, composed: true });
        const [init] = anchorSpans(live, analysis.article, [{ start: d.sentenceStart, end: d.sentenceEnd }]).ranges;
        if (init) range = staticRange(init);
      }
      if (!range) return false;
      scrollToThird(range);
      // After scrolling: the card is placed where the term now is.
      if (target.kind === 'match') self.openCard(target.index);
      mark('flash', range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => mark('flash', null), FLASH_MS);
      return true;
    },

    openCard(index) {
      const p = index === null ? null : self.painted[index];
      if (!p || index === null) {
        self.card = null;
        mark('focus', null);
      } else {
        const rect = viewportRect(p.range);
        const viewport = { width: window.innerWidth, height: window.innerHeight };
        self.card = { index, position: placeCard(rect, viewport, Math.min(360, viewport.width - 24)) };
        focused = index;
        mark('focus', p.range);
      }
      view?.update();
    },

    step(direction) {
      const order = self.painted.map((p, i) => (p && !self.hidden.has(p.category) ? i : -1)).filter((i) => i >= 0);
      if (!order.length) return;
      const at = order.indexOf(focused);
      const next = order[(at + direction + order.length) % order.length] ?? order[0];
      self.reveal({ kind: 'match', index: next });
    },

    toggle(category) {
      if (self.hidden.has(category)) self.hidden.delete(category);
      else self.hidden.add(category);
      show(document, self.painted, self.hidden);
      view?.update();
    },

    attach(v) {
      view = v;
    },
  };

  // Living pages: re-render, load more, navigate in place. StaticRanges don't follow DOM changes, so
  // once the page settles the article is read and anchored again.
  let settle: ReturnType<typeof setTimeout> | undefined;
  let firstChange: number | null = null;
  /**
   * A frame holding text loaded a new document (the ranges in the old one are gone), or a shadow host
   * was added (its text is not in the page's own): worth a new pass, whatever the text.
   */
  let composedChanged = false;
  const changed = () => {
    live = null;
    clearTimeout(settle);
    firstChange ??= performance.now();
    settle = setTimeout(
      () => {
        firstChange = null;
        if (composedChanged || composedTextContent(document, composition) !== annotatedText) void self.annotate();
        composedChanged = false;
      },
      Math.max(0, Math.min(SETTLE_MS, firstChange + SETTLE_MAX_MS - performance.now())),
    );
  };
  const ours = (n: Node) => n instanceof Element && n.closest(UI_TAG) !== null;
  const isPageHost = (n: Node) => n.nodeType === Node.ELEMENT_NODE && (n as Element).shadowRoot !== null && !ours(n);
  const observer = new MutationObserver((records) => {
    if (records.every((r) => ours(r.target) || [...r.addedNodes, ...r.removedNodes].every(ours))) return;
    composedChanged ||= records.some((r) => [...r.addedNodes].some(isPageHost));
    changed();
  });
  const observed = { childList: true, subtree: true, characterData: true };
  observer.observe(document.documentElement, observed);
  // A frame's load is not a change of this document: told apart from the page's images and ads'
  // frames (no text we could read), it counts as one.
  document.addEventListener(
    'load',
    (e) => {
      if (e.target instanceof HTMLIFrameElement && frameBody(e.target)) {
        composedChanged = true;
        changed();
      }
    },
    { capture: true, passive: true },
  );

  /** Shadow roots to look into when hit-testing a point. */
  let shadowRoots: ShadowRoot[] = [];
  const listening = new WeakSet<Document>();
  /** Shadow roots and frames' documents are observed as the page is, and frames listened to for clicks. */
  function watch(c: Composition | null) {
    shadowRoots = c ? [...c.shadows.values()] : [];
    for (const root of composedRoots(c)) {
      observer.observe(root, observed);
      if (root.nodeType === Node.DOCUMENT_NODE) listen(root as Document);
    }
  }

  /** Note cards on click and hover, stepping by keyboard: in the page, and in each frame we paint in. */
  function listen(doc: Document) {
    if (listening.has(doc)) return;
    listening.add(doc);
    doc.addEventListener('click', (e) => {
      if (!self.painted.length || e.composedPath().some((n) => n instanceof HTMLElement && n.localName === UI_TAG)) return;
      const hit = hitTest(doc, e.clientX, e.clientY, self.painted, shadowRoots);
      if (hit !== null && !self.hidden.has(self.painted[hit]!.category)) self.openCard(hit);
      else if (self.card) self.openCard(null);
    });
    let hover: ReturnType<typeof setTimeout> | undefined;
    doc.addEventListener(
      'mousemove',
      (e) => {
        clearTimeout(hover);
        if (!self.painted.length || e.buttons) return;
        hover = setTimeout(() => {
          const hit = hitTest(doc, e.clientX, e.clientY, self.painted, shadowRoots);
          if (hit !== null && hit !== self.card?.index && !self.hidden.has(self.painted[hit]!.category)) self.openCard(hit);
        }, HOVER_MS);
      },
      { passive: true },
    );
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && self.card) self.openCard(null);
      else if (e.altKey && e.shiftKey && (e.code === 'KeyN' || e.code === 'KeyP')) {
        e.preventDefault();
        self.step(e.code === 'KeyN' ? 1 : -1);
      }
    });
  }
  listen(document);
  return self;
}

/** Scrolls a range a third of the way down the screen: inside its frame first, then the page. */
function scrollToThird(range: StaticRange) {
  const view = range.startContainer.ownerDocument?.defaultView;
  if (view && view !== window)
    view.scrollBy({ top: toRange(range).getBoundingClientRect().top - view.innerHeight / 3, behavior: 'instant' });
  window.scrollBy({ top: viewportRect(range).top - window.innerHeight / 3, behavior: 'instant' });
}
