/**
 * The page side: annotate the page (./run), keep it annotated while it lives (./watch), open note
 * cards as the reader asks (./interact), and hold the page's state for the popup and side panel.
 * `destroy()` ends it all: highlights, listeners, observer and timers.
 */
import type { LexiconChoice } from '../analysis/analyzer';
import { anchorSpans } from '../anchor/anchor';
import { composedTextContent, type Composition } from '../extract/composed';
import { collectText, type CollectedText } from '../extract/text';
import { placeCard, type CardPlacement } from '../layout/place-card';
import type { Category, Entry, Party } from '../lexicon/types';
import { clearAll, hitTest, mark, show, staticRange, toRange, viewportRect, type Painted } from '../paint/paint';
import type { PageReport, PageState, PipelineTimings, SentPageState } from '../runtime/protocol';
import { yieldToPage } from '../slices';
import { timed, TIMINGS_ON } from '../timing';
import { Held } from './held';
import { createInteraction } from './interact';
import { runPass } from './run';
import { watchPage } from './watch';

export interface View {
  /** Redraws the overlay for the current state. */
  update(): void;
}

export interface Annotator {
  state: PageState | null;
  /** The same state as it leaves the page: its analysis as the text the analyser sent. */
  sent: SentPageState | null;
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
  /** Ends everything the page side holds in the page; the annotator does nothing after. */
  destroy(): void;
}

export interface AnnotatorOptions {
  lexicon: LexiconChoice;
  hidden: Iterable<Category>;
  /** Our UI's element: its changes are not the page's, its clicks not on the page's terms. */
  uiTag: string;
  onAnnotated(report: PageReport): void;
  /** Whether the extension still runs: after a reload or update it does not, and nothing more is started. */
  alive(): boolean;
}

const FLASH_MS = 1600;

export function createAnnotator({ lexicon, hidden, uiTag, onAnnotated, alive }: AnnotatorOptions): Annotator {
  const held = new Held();
  let destroyed = false;
  let view: View | null = null;
  /** The page text last annotated: a DOM change that leaves it alone needs no new pass. */
  let annotatedText = '';
  /** The live text as last read, while the page has not changed since. */
  let live: CollectedText | null = null;
  /** The page's open shadow roots and same-origin frames as last read (null: none). */
  let composition: Composition | null = null;
  /** Shadow roots to look into when hit-testing a point. */
  let shadowRoots: ShadowRoot[] = [];
  let focused = -1;
  let endFlash: (() => void) | null = null;
  let running: Promise<PageState> | null = null;
  let queued: Promise<PageState> | null = null;

  const ours = (n: Node) => n instanceof Element && n.closest(uiTag) !== null;
  const watch = watchPage(
    document,
    ours,
    () => (live = null),
    (composedChanged) => {
      if (composedChanged || composedTextContent(document, composition) !== annotatedText) void self.annotate();
    },
  );
  const interaction = createInteraction({
    termAt(doc, x, y) {
      if (!self.painted.length) return null;
      const hit = hitTest(doc, x, y, self.painted, shadowRoots);
      return hit !== null && !self.hidden.has(self.painted[hit]!.category) ? hit : null;
    },
    openIndex: () => self.card?.index ?? null,
    open: (index) => self.openCard(index),
    step: (direction) => self.step(direction),
    fromOurUi: (e) => e.composedPath().some((n) => n instanceof HTMLElement && n.localName === uiTag),
  });
  interaction.listen(document);

  async function run(): Promise<PageState> {
    const timings: PipelineTimings | undefined = TIMINGS_ON ? { startedAt: performance.now() } : undefined;
    const pass = await runPass({
      lexicon: self.lexicon,
      hidden: self.hidden,
      composition,
      timings,
      onComposition(c) {
        composition = c;
        shadowRoots = c ? [...c.shadows.values()] : [];
        // Shadow roots and frames' documents are watched as the page is, and frames listened to for clicks.
        watch.include(c, interaction.listen);
      },
    });
    // Torn down while the analyser worked: what the pass painted goes too.
    if (destroyed) {
      clearAll();
      return pass.state;
    }
    ({ composition, annotatedText, live } = pass);
    self.state = pass.state;
    self.sent = pass.sent;
    self.painted = pass.painted;
    self.unplaced = pass.unplaced;
    if (pass.state.status === 'ready') {
      self.entries = pass.entries;
      self.parties = pass.parties;
    }
    self.card = null;
    focused = -1;
    // The page is painted; the overlay is drawn in a task of its own.
    await yieldToPage();
    timed(timings, 'ui', () => view?.update());
    const { state } = pass;
    onAnnotated({
      status: state.status,
      url: state.url,
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
      if (destroyed || !alive()) return Promise.resolve(self.state ?? { status: 'error', url: location.href, message: 'stopped' });
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
      if (destroyed || state?.status !== 'ready') return false;
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
      endFlash?.();
      endFlash = held.timeout(window, () => mark('flash', null), FLASH_MS);
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

    destroy() {
      if (destroyed) return;
      destroyed = true;
      watch.destroy();
      interaction.destroy();
      held.release();
      clearAll();
      self.painted = [];
      view = null;
    },
  };
  return self;
}

/** Scrolls a range a third of the way down the screen: inside its frame first, then the page. */
function scrollToThird(range: StaticRange) {
  const frame = range.startContainer.ownerDocument?.defaultView;
  if (frame && frame !== window)
    frame.scrollBy({ top: toRange(range).getBoundingClientRect().top - frame.innerHeight / 3, behavior: 'instant' });
  window.scrollBy({ top: viewportRect(range).top - window.innerHeight / 3, behavior: 'instant' });
}
