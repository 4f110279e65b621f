/**
 * End-to-end harness for Firefox: the built Firefox e2e extension installed as a temporary add-on in
 * Debian's firefox-esr, driven headless over WebDriver BiDi (puppeteer-core), fixture pages served on
 * 127.0.0.1 as in the Chromium suite. One browser per test file.
 */
import { mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageState, SentPageState } from '../../lib/runtime/protocol';
import { ARTIFACTS, askTab, receivedState, serveFixtures } from '../e2e/harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/e2e-firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'framing-lens@framing-lens.org';
/** The extension's host, fixed by a preference so tests can open its pages (Firefox draws one at random otherwise). */
const UUID = '6d3f0c52-8a1e-4d0b-9b7a-2f1e5c4d3b2a';
const ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxHarness {
  browser: Browser;
  base: string;
  /** Opens a fixture page and waits until Framing Lens has reported on it. */
  open(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  ask(tabId: number, name: 'getState' | 'annotate'): Promise<SentPageState | null>;
  stateOf(tabId: number): Promise<PageState | null>;
  /** Opens one of the extension's pages (popup.html?tab=…, sidepanel.html, options.html) at a size. */
  extensionPage(path: string, size: { width: number; height: number }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchFirefox(options: { generated?: Record<string, string> } = {}): Promise<FirefoxHarness> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`no Firefox e2e build at ${EXTENSION}: run npm run build:e2e`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, base }: { server: Server; base: string } = await serveFixtures(options.generated ?? {});
  const profile = mkdtempSync(join(tmpdir(), 'framing-lens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // Lets a test read the clipboard back (navigator.clipboard.readText) without a paste prompt.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  await browser.installExtension(EXTENSION);
  // An extension page to call the extension's APIs from, as the Chromium suite uses the service worker.
  const control = await openExtensionPage(browser, 'options.html');

  const harness: FirefoxHarness = {
    browser,
    base,
    async open(path) {
      const page = await browser.newPage();
      await page.goto(`${base}/${path}`);
      await page.waitForSelector('framing-lens-ui', { timeout: 15_000 });
      const tabId = await harness.tabIdOf(page);
      for (const end = Date.now() + 15_000; !(await harness.stateOf(tabId)); await new Promise((r) => setTimeout(r, 100)))
        if (Date.now() > end) throw new Error(`${path}: no annotation after 15 s`);
      return page;
    },
    async tabIdOf(page) {
      return control
        .evaluate(async (url) => {
          const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } })
            .browser;
          // Firefox's match patterns carry no port: the tabs are filtered here.
          return Math.max(...(await api.tabs.query({})).filter((t) => t.url === url).map((t) => t.id!));
        }, page.url())
        .then((id) => {
          if (!Number.isFinite(id)) throw new Error(`no tab shows ${page.url()}`);
          return id;
        });
    },
    ask: (tabId, name) => control.evaluate(askTab, [tabId, name] as const) as Promise<SentPageState | null>,
    async stateOf(tabId) {
      return receivedState(await harness.ask(tabId, 'getState'));
    },
    async extensionPage(path, size) {
      const page = await openExtensionPage(browser, path);
      // Firefox 140 sets the viewport, then refuses the screen orientation puppeteer also sends.
      await page.setViewport(size).catch(() => undefined);
      const inner = await page.evaluate(() => [innerWidth, innerHeight]);
      if (inner[0] !== size.width || inner[1] !== size.height)
        throw new Error(`${path}: viewport ${inner.join(' × ')}, not ${size.width} × ${size.height}`);
      return page;
    },
    async screenshot(page, name) {
      const file = join(ARTIFACTS, `firefox-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
      server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Opens an extension page in a new tab. Over BiDi a moz-extension page's load is not reported as a
 * navigation's end, so the page's own readiness is waited for instead.
 */
async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${ORIGIN}/${path}`, { timeout: 3_000 }).catch(() => undefined);
  await until(page, () => document.readyState === 'complete' && document.body !== null);
  return page;
}

/**
 * Polls `fn` in the page until it returns something truthy. puppeteer's waitForFunction builds its
 * poller with Function(), which an extension page's CSP refuses.
 */
export async function until<A, R>(page: Page, fn: (arg: A) => R, arg?: A, timeout = 15_000): Promise<R> {
  for (const end = Date.now() + timeout; ; await new Promise((r) => setTimeout(r, 100))) {
    const value = await page.evaluate(fn as (arg: unknown) => R, arg).catch(() => undefined as R);
    if (value) return value;
    if (Date.now() > end) throw new Error(`not so after ${timeout} ms: ${fn.toString().slice(0, 120)}`);
  }
}
