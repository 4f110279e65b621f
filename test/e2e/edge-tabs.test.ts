/**
 * Tabs that are not articles, and messages that are not ours (issue 6, "never break the page").
 *
 * 1. A PDF in Chromium's own viewer, and about:blank: the popup says plainly why there is nothing to
 *    show, nothing is painted, no count on the badge, no history record, and no error anywhere: the
 *    page, the popup, the service worker (console errors and unhandled rejections).
 * 2. Another extension installed beside Framing Lens (test/fixtures/other-extension/) forges messages
 *    in Framing Lens's exact envelope, to its id and to a tab it annotated: none is answered, and the
 *    badge, the stored history and the tab's state stay as they were; Framing Lens's own contexts are
 *    still answered.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launch, extensionIdOf, serviceWorkerOf, type Harness } from './harness';
import { readHighlights } from './highlights';
import { PDF_LINES } from '../support/pdf';
import { t } from '../../lib/i18n';
import type { PageReport } from '../../lib/runtime/protocol';
import { RECORD_SCHEMA, type ArticleRecord } from '../../lib/history/record';
import type { PageRequest } from '../../lib/analysis/analyzer';

const OTHER_EXTENSION = fileURLToPath(new URL('../fixtures/other-extension', import.meta.url));
/** Chromium's built-in PDF viewer (a component extension): its frame holds a PDF shown in a tab. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';
const ARTICLE = 'seeds/seed-1.html';

/** The extension APIs the tests call from workers and extension pages. */
interface Chrome {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { get(tabId: number): Promise<{ title?: string }> };
}

/** What the other extension's `forge` (test/fixtures/other-extension/background.js) reports. */
type Fate = { answered: true; reply: unknown } | { answered: false; error: string };
interface Forge {
  forge(to: { extensionId: string; tabId?: number; message: unknown }): Promise<Fate>;
}

let h: Harness;
let other: Worker;
/** Errors seen anywhere: pages (ours and the tabs'), the popup, the service worker. */
const errors: { where: string; text: string }[] = [];

beforeAll(async () => {
  h = await launch({ extensions: [OTHER_EXTENSION] });
  other = await serviceWorkerOf(h.context, extensionIdOf(OTHER_EXTENSION));
  h.context.on('weberror', (e) => errors.push({ where: e.page()?.url() ?? '', text: e.error().message }));
  const onConsole = (where: string, type: string, text: string) => {
    // Network failures (the browser's favicon request) are no script's error.
    if (type === 'error' && !text.startsWith('Failed to load resource')) errors.push({ where, text });
  };
  h.context.on('console', (m) => onConsole(m.page()?.url() ?? m.worker()?.url() ?? '', m.type(), m.text()));
  h.worker.on('console', (m) => onConsole(h.worker.url(), m.type(), m.text()));
  // A rejection nothing catches in the service worker is an error on chrome://extensions, not on its console.
  await h.worker.evaluate(() => {
    const scope = globalThis as unknown as { __rejections: string[] } & EventTarget;
    scope.__rejections = [];
    scope.addEventListener('unhandledrejection', (e) => scope.__rejections.push(String((e as PromiseRejectionEvent).reason)));
    scope.addEventListener('error', (e) => scope.__rejections.push((e as ErrorEvent).message));
  });
}, 90_000);
afterAll(async () => h?.close());

const ours = (where: string) => where.startsWith(`chrome-extension://${h.extensionId}/`);

function badge(tabId: number): Promise<string> {
  return h.worker.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** The tab's title, as the browser shows it. */
function tabTitle(tabId: number): Promise<string | undefined> {
  return h.worker.evaluate(async (id) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.get(id)).title, tabId);
}

/** Framing Lens's whole chrome.storage.local, read by its own worker. */
function storage(): Promise<Record<string, unknown>> {
  return h.worker.evaluate(async () => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(null));
}

const historyIds = async () => (await h.history()).map((r) => r.id);

/** Polls `read` until `done` holds (expect.poll is for tests only, not their set-up). */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeout = 15_000): Promise<T> {
  for (const end = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 100))) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: not after ${timeout} ms`);
  }
}

/** Framing Lens highlights painted in the page, and whether its overlay shows anything (legend, cards). */
async function painted(page: Page) {
  const ranges = (await readHighlights(page)).length;
  const overlay = await page.evaluate(() => {
    const ui = document.querySelector('framing-lens-ui')?.shadowRoot;
    return ui ? ui.querySelectorAll('div *').length : 0;
  });
  return { ranges, overlay };
}

describe('not articles: the popup says so, and nothing breaks', () => {
  interface Row {
    name: string;
    /** Names its screenshots. */
    id: string;
    /** Opens the tab as the user has it; its id. */
    open(): Promise<{ page: Page; tabId: number }>;
    /** The content script's state of the tab: none where no script may run. */
    state: 'no-article' | null;
    /** What the popup says: its heading and its explanation. */
    heading: string;
    body: string;
    badge: string;
    /** More checks on the tab. */
    check?(page: Page, tabId: number): Promise<void>;
  }

  const ROWS: Row[] = [
    {
      name: 'a PDF shown in Chromium’s PDF viewer',
      id: 'pdf',
      async open() {
        const page = await h.context.newPage();
        await page.goto(`${h.base}/pages/document.pdf`);
        const tabId = await h.tabIdOf(page);
        // The e2e build's manifest content script runs on 127.0.0.1, in the viewer's embedding document.
        await until(
          'the PDF tab’s state',
          () => h.stateOf(tabId),
          (state) => state !== null,
        );
        return { page, tabId };
      },
      state: 'no-article',
      heading: t('summary_no_article_title'),
      body: t('summary_no_article_body'),
      badge: '–',
      async check(page, tabId) {
        // Headless Chromium views the PDF, it does not download it: the tab keeps the .pdf URL, its
        // document embeds the viewer, which gives the tab the PDF's title (and, in the screenshot, shows its text).
        expect(page.url()).toBe(`${h.base}/pages/document.pdf`);
        expect(page.frames().some((f) => f.url().startsWith(PDF_VIEWER))).toBe(true);
        await expect.poll(() => tabTitle(tabId)).toBe('Kyiv heating season notice');
        // It is the PDF test/support/pdf.ts writes, whose text has terms Framing Lens marks on a web page ("Kiev regime").
        const served = await page.evaluate(async () => (await fetch(location.href)).text());
        expect(served.startsWith('%PDF-1.4\n')).toBe(true);
        for (const line of PDF_LINES) expect(served).toContain(line);
        await h.screenshot(page, 'edge-pdf-tab');
      },
    },
    {
      name: 'about:blank',
      id: 'about-blank',
      async open() {
        // A tab's id is found by its URL, which about:blank does not give to a query: the tab is opened
        // on a fixture first, and keeps its id when it goes to about:blank.
        const page = await h.context.newPage();
        await page.goto(`${h.base}/pages/empty.html`);
        const tabId = await h.tabIdOf(page);
        await page.goto('about:blank');
        return { page, tabId };
      },
      state: null,
      heading: t('summary_error_title'),
      body: t('tabs_cannot_read'),
      badge: '',
    },
  ];

  describe.each(ROWS)('$name', (r) => {
    let page: Page;
    let tabId: number;
    let popup: Page;
    beforeAll(async () => {
      ({ page, tabId } = await r.open());
      popup = await h.popup(tabId);
      // Anything late (a rejection, a badge) has landed.
      await popup.waitForTimeout(500);
    }, 60_000);
    afterAll(async () => {
      await popup?.close();
      await page?.close();
    });

    it('the popup shows a clear state, not a summary or a blank', async () => {
      await h.screenshot(popup, `edge-${r.id}-popup`);
      expect(await popup.locator('.summary').count()).toBe(0);
      const status = popup.locator('.status');
      expect(await status.locator('h2').textContent()).toBe(r.heading);
      expect(await status.locator('p').textContent()).toBe(r.body);
    });

    it('the tab has the expected state, nothing painted, no count on the badge', async () => {
      expect((await h.stateOf(tabId))?.status ?? null).toBe(r.state);
      expect(await painted(page)).toEqual({ ranges: 0, overlay: 0 });
      expect(await badge(tabId)).toBe(r.badge);
      expect(r.badge).not.toMatch(/\d/);
      await r.check?.(page, tabId);
    });

    it('keeps no history record of it', async () => {
      expect(await historyIds()).not.toContain(page.url());
    });

    it('raises no error: not in the page, the popup or the service worker', async () => {
      expect(errors.filter((e) => e.where === page.url() || ours(e.where))).toEqual([]);
      expect(await h.worker.evaluate(() => (globalThis as unknown as { __rejections: string[] }).__rejections)).toEqual([]);
    });
  });
});

describe('messages forged by another extension are not answered and change nothing', () => {
  interface Forged {
    name: string;
    /** To Framing Lens's id (its background, offscreen analyser, pages), or to the annotated tab. */
    to: 'runtime' | 'tab';
    /** The envelope's message name and argument (lib/runtime/channel). */
    message: string;
    arg?: unknown;
  }

  const FORGED_URL = 'https://forged.example/news/kyiv';
  const report: PageReport = { status: 'ready', url: FORGED_URL, count: 999 };
  const record: ArticleRecord = {
    schema: RECORD_SCHEMA,
    id: FORGED_URL,
    url: FORGED_URL,
    title: 'Forged: Kiev regime falls',
    siteName: 'Forged',
    byline: null,
    publishedTime: null,
    lang: 'en',
    analyzedAt: new Date(0).toISOString(),
    spellings: [{ termId: 'kyiv', concept: 'Kyiv', category: 'name', variants: { Kiev: 9 } }],
    loaded: [],
    demands: [],
  };
  const request: PageRequest = {
    html: `<html><body><article><h1>Forged</h1>${'<p>Kiev said the special military operation in Donbas goes on, as it has for years now.</p>'.repeat(20)}</article></body></html>`,
    url: `${FORGED_URL}/analysed`,
    lexicon: { packs: {}, userPack: null },
  };
  const ROWS: Forged[] = [
    { name: 'startAnalyzer, to the background', to: 'runtime', message: 'startAnalyzer' },
    { name: 'pageAnnotated with a count of 999, to the background', to: 'runtime', message: 'pageAnnotated', arg: report },
    { name: 'remember a forged history record, to the background', to: 'runtime', message: 'remember', arg: record },
    { name: 'analyzePage (whose record would be remembered), to the analyser', to: 'runtime', message: 'analyzePage', arg: request },
    { name: 'demandsOf an article, to the analyser', to: 'runtime', message: 'demandsOf', arg: 'a-ticket' },
    { name: 'getState, to the extension', to: 'runtime', message: 'getState' },
    { name: 'getState, to the tab', to: 'tab', message: 'getState' },
    { name: 'annotate, to the tab', to: 'tab', message: 'annotate' },
    { name: 'reveal, to the tab', to: 'tab', message: 'reveal', arg: { kind: 'match', index: 0 } },
    { name: 'pageAnnotated with a count of 999, to the tab', to: 'tab', message: 'pageAnnotated', arg: report },
  ];

  let page: Page;
  let tabId: number;
  /** The badge, the storage and the tab's state before any forged message. */
  let before: { badge: string; storage: Record<string, unknown>; history: ArticleRecord[]; state: unknown };
  const fates = new Map<string, Fate>();

  beforeAll(async () => {
    page = await h.open(ARTICLE);
    tabId = await h.tabIdOf(page);
    // The article's history record is written after its reply: wait for it, so storage is at rest.
    await until('the article’s history record', historyIds, (ids) => ids.includes(page.url()));
    before = { badge: await badge(tabId), storage: await storage(), history: await h.history(), state: await h.stateOf(tabId) };
    for (const r of ROWS)
      fates.set(
        r.name,
        await other.evaluate((to) => (globalThis as unknown as Forge).forge(to), {
          extensionId: h.extensionId,
          tabId: r.to === 'tab' ? tabId : undefined,
          message: { protocol: 'framing-lens', name: r.message, arg: r.arg },
        }),
      );
    // Give anything a forged message might have started (an analysis, a history write) time to land.
    await page.waitForTimeout(1_500);
  }, 60_000);
  afterAll(() => page?.close());

  it('the article was annotated, with its count on the badge', () => {
    expect((before.state as { status: string }).status).toBe('ready');
    expect(before.badge).toMatch(/^\d+$/);
  });

  it.each(ROWS)('$name: no answer', (r) => {
    const fate = fates.get(r.name)!;
    expect(fate).toMatchObject({ answered: false });
    expect(fate.answered || fate.error).toMatch(/Could not establish connection|Receiving end does not exist/);
  });

  it('the badge, the stored history and the tab’s state are as they were', async () => {
    expect(await badge(tabId)).toBe(before.badge);
    expect(await storage()).toEqual(before.storage);
    expect(await h.history()).toEqual(before.history);
    expect(await historyIds()).not.toContain(FORGED_URL);
    expect(await h.stateOf(tabId)).toEqual(before.state);
  });

  it('raised no error in Framing Lens', async () => {
    expect(errors.filter((e) => e.where === page.url() || ours(e.where))).toEqual([]);
    expect(await h.worker.evaluate(() => (globalThis as unknown as { __rejections: string[] }).__rejections)).toEqual([]);
  });

  // The controls: the same channels do work for Framing Lens itself, so the checks above can fail.
  it('Framing Lens’s own worker is still answered by the tab', async () => {
    expect((await h.ask(tabId, 'getState'))?.status).toBe('ready');
  });

  it('Framing Lens’s own page is answered by its background, and the same forged record then shows in the history', async () => {
    const own = await h.context.newPage();
    try {
      await own.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
      const reply = await own.evaluate(
        (message) =>
          (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage(message).then(
            () => 'answered',
            (e: Error) => e.message,
          ),
        { protocol: 'framing-lens', name: 'remember', arg: record },
      );
      expect(reply).toBe('answered');
      await expect.poll(historyIds).toContain(FORGED_URL);
    } finally {
      await own.close();
    }
  });
});
