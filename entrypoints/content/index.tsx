import overlayCss from '@/components/overlay.css?inline';
import { render } from 'preact';
import { Overlay } from '@/components/Overlay';
import { serve, sendToBackground, type ContentProtocol, type PageReport } from '@/lib/runtime/protocol';
import type { LexiconChoice } from '@/lib/analysis/analyzer';
import { afterNextFrame, yieldToPage } from '@/lib/slices';
import { settingsItem, userPackItem } from '@/lib/storage';
import { createAnnotator, type Annotator } from '@/lib/page/annotator';
import { liveCount } from '@/lib/page/held';
import { TIMINGS_ON } from '@/lib/timing';
import { adopt } from '@/lib/paint/paint';

const UI_TAG = 'framing-lens-ui';

declare global {
  interface Window {
    /** Set once per page in the isolated world, so a second injection reuses the first. */
    __framingLens?: Promise<Annotator>;
  }
}

export default defineContentScript({
  // Injected on demand (activeTab + scripting); the e2e build also lists it in the manifest.
  matches: [],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // WXT would announce the script to the page by postMessage, telling any page the extension is here.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (window.__framingLens) {
      void (await window.__framingLens).annotate();
      return;
    }
    let ready!: (a: Annotator) => void;
    window.__framingLens = new Promise<Annotator>((r) => (ready = r));
    const annotator = createAnnotator({
      lexicon: await lexiconChoice(),
      hidden: (await settingsItem.getValue()).hiddenCategories,
      uiTag: UI_TAG,
      onAnnotated: announce,
      // Reading `isValid` notices an extension reloaded or updated under us, and tears down (below).
      alive: () => ctx.isValid,
    });
    const stopServing = serve<ContentProtocol>({
      annotate: async () => (await annotator.annotate(), annotator.sent!),
      getState: () => annotator.sent,
      reveal: (target) => annotator.reveal(target),
      // Options changed the lexicon: the page is read again with it.
      lexiconChanged: async () => {
        annotator.lexicon = await lexiconChoice();
        if (annotator.state) await annotator.annotate();
      },
    });

    const container = mountShadowUi(overlayCss);
    const update = () => {
      const state = annotator.state;
      if (state?.status !== 'ready') return render(null, container);
      render(
        <Overlay
          analysis={state.analysis}
          entries={annotator.entries}
          partyLabels={new Map([...annotator.parties.values()].map((p) => [p.id, p.label]))}
          hidden={annotator.hidden}
          legendVisible={annotator.legendVisible}
          unplaced={annotator.unplaced}
          card={annotator.card}
          onToggle={(c) => annotator.toggle(c)}
          onHideLegend={() => {
            annotator.legendVisible = false;
            update();
          }}
          onCloseCard={() => annotator.openCard(null)}
        />,
        container,
      );
    };
    annotator.attach({ update });
    // The extension reloaded or updated: this script's listeners, observer, timers and UI all go.
    ctx.onInvalidated(() => {
      stopServing();
      annotator.destroy();
      render(null, container);
      (container.getRootNode() as ShadowRoot).host.remove();
      // The e2e build says what was left held, for the test of tear-down (test/e2e/edge-tabs.test.ts).
      if (TIMINGS_ON) document.documentElement.dataset.framingLensReleased = String(liveCount());
    });
    ready(annotator);
    // Setting up (the browser's first message lookup is a synchronous fetch) was a task's worth; the
    // page renders a frame (laid out whole) before the first annotation begins.
    await yieldToPage();
    await afterNextFrame();
    await annotator.annotate();
  },
});

async function lexiconChoice(): Promise<LexiconChoice> {
  const [settings, userPack] = await Promise.all([settingsItem.getValue(), userPackItem.getValue()]);
  return { packs: settings.packs, userPack };
}

/**
 * Our own shadow root, styled by a constructed stylesheet: unlike a <style> element it works under a
 * page's strict CSP, and the page's CSS cannot reach in.
 */
function mountShadowUi(css: string): HTMLElement {
  const host = document.createElement(UI_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  adopt(shadow, sheet);
  const container = document.createElement('div');
  shadow.append(container);
  document.documentElement.append(host);
  return container;
}

/** Tells the background (badge, history) and any open side panel about a new state of the page. */
function announce(report: PageReport) {
  sendToBackground('pageAnnotated', report).catch(() => {
    // No listener (e.g. the background is restarting): the badge catches up on the next run.
  });
}
