/**
 * End-to-end harness: the built e2e extension loaded in Debian's Chromium (playwright-core), fixture
 * pages served on 127.0.0.1. One browser per test file.
 */
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ArticleRecord } from '../../lib/history/record';
import type { PageState, SentPageState } from '../../lib/runtime/protocol';
import { unpackAnalysis } from '../../lib/runtime/wire';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The e2e build; another (e.g. an unminified one, for profiling) by FRAMING_LENS_EXTENSION. */
export const EXTENSION = process.env.FRAMING_LENS_EXTENSION ?? join(ROOT, '.output/e2e-chrome-mv3');
export const ARTIFACTS = join(ROOT, 'test/artifacts');
const FIXTURES = join(ROOT, 'test/fixtures');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium with only our extension (and `others`), and none of its calls home (this machine's network refuses them). */
export function chromiumArgs(extension: string, others: string[] = []): string[] {
  const extensions = [extension, ...others].join(',');
  return [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensions}`,
    `--load-extension=${extensions}`,
  ];
}

/** The id Chromium gives an unpacked extension: its folder's real path, hashed, in the letters a–p. */
export function extensionIdOf(folder: string): string {
  const hex = createHash('sha256').update(realpathSync(folder)).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/** The service worker of the extension `id`, once it has started. */
export async function serviceWorkerOf(context: BrowserContext, id: string): Promise<Worker> {
  const ours = (w: Worker) => new URL(w.url()).host === id;
  return context.serviceWorkers().find(ours) ?? context.waitForEvent('serviceworker', ours);
}

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  base: string;
  /** Opens a fixture page and waits until Framing Lens has reported on it. */
  open(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /** The tab's annotation state, as its content script reports it, the analysis rebuilt (null: none yet). */
  stateOf(tabId: number): Promise<PageState | null>;
  /** Sends the tab's content script `getState` or `annotate`; its state as sent, the analysis as text (null: no answer). */
  ask(tabId: number, name: 'getState' | 'annotate'): Promise<SentPageState | null>;
  /** The history as the extension keeps it (IndexedDB, lib/history/store), oldest first; [] before the first record. */
  history(): Promise<ArticleRecord[]>;
  /** Opens the popup for the page's tab (or the tab of that id, for a page no URL query finds, e.g. about:blank). */
  popup(page: Page | number): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** A profile folder to keep (to test a restart); by default a fresh one, removed on close. */
  profile?: string;
  /** Pages made at run time (too big to commit), by path as under test/fixtures/, served from memory. */
  generated?: Record<string, string>;
  /** More Chromium flags. */
  args?: string[];
  /** More unpacked extensions (folders) to load beside ours. */
  extensions?: string[];
}

/**
 * Serves test/fixtures/, plus pages generated in memory (too big to commit). A sidecar `NAME.headers`
 * file ("Header: value" lines) adds response headers to NAME, e.g. a Content-Security-Policy.
 */
export function serveFixtures(generated: Record<string, string>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const path = normalize(url).replace(/^(\.\.[/\\])+/, '');
    const file = join(FIXTURES, path);
    const name = path.replace(/^[/\\]/, '');
    const body = Object.hasOwn(generated, name)
      ? generated[name]
      : file.startsWith(FIXTURES) && existsSync(file)
        ? readFileSync(file)
        : null;
    if (body === null) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    if (existsSync(`${file}.headers`))
      for (const line of readFileSync(`${file}.headers`, 'utf8').split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

/**
 * Sends a tab's content script `getState` or `annotate`, run in an extension context (Chrome's service
 * worker, a Firefox extension page), as lib/runtime/channel sends: a long text in the reply, in any
 * field, comes in parts, fetched with 'part'. (No named functions in here: tsx would wrap them in a
 * helper the context does not have.)
 */
export const askTab = async ([id, message]: readonly [number, string]): Promise<Record<string, unknown> | null> => {
  type Api = { tabs: { sendMessage(id: number, m: object): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  const api = g.browser ?? g.chrome;
  const reply = (await api.tabs.sendMessage(id, { protocol: 'framing-lens', name: message }).catch(() => null)) as Record<
    string,
    unknown
  > | null;
  if (reply === null) return null;
  // Long texts may sit in nested fields (the analysis' two steps).
  const records: Record<string, unknown>[] = [reply];
  for (let r = records.pop(); r; r = records.pop())
    for (const [key, value] of Object.entries(r)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const offered = (value as { parts?: { id: string; parts: number } }).parts;
      if (typeof offered !== 'object' || typeof offered?.id !== 'string') {
        records.push(value as Record<string, unknown>);
        continue;
      }
      const parts = await Promise.all(
        Array.from({ length: offered.parts }, (_, index) =>
          api.tabs.sendMessage(id, { protocol: 'framing-lens', name: 'part', arg: { id: offered.id, index } }),
        ),
      );
      r[key] = parts.join('');
    }
  return reply;
};

/** A page state as sent, its analysis rebuilt. */
export async function receivedState(sent: SentPageState | null): Promise<PageState | null> {
  if (sent?.status !== 'ready') return sent;
  const page = await unpackAnalysis(sent.analysis);
  if (!page.ok) throw new Error(`the page sent an analysis that is not one: ${page.message}`);
  return { ...sent, analysis: page.analysis };
}

/** Starts Chromium with the extension. */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error(`no e2e build at ${EXTENSION}: run npm run build:e2e`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, base } = await serveFixtures(options.generated ?? {});
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'framing-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', ...chromiumArgs(EXTENSION, options.extensions), ...(options.args ?? [])],
  });
  const extensionId = extensionIdOf(EXTENSION);
  const worker = await serviceWorkerOf(context, extensionId);

  const harness: Harness = {
    context,
    worker,
    extensionId,
    base,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${base}/${path}`);
      // The e2e build annotates on load; the page's first state says it is done.
      await page.waitForFunction(() => document.querySelector('framing-lens-ui') !== null, undefined, { timeout: 15_000 });
      // The newest tab of this URL: one closed just before may still be listed.
      const tabId = await worker.evaluate(async (u) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
        return Math.max(...(await api.tabs.query({ url: u })).map((t) => t.id!));
      }, page.url());
      for (const end = Date.now() + 15_000; !(await harness.stateOf(tabId));) {
        if (Date.now() > end) throw new Error(`${path}: no annotation after 15 s`);
        await page.waitForTimeout(50);
      }
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      return worker.evaluate(async (u) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
        return (await api.tabs.query({ url: u }))[0].id!;
      }, url);
    },
    async stateOf(tabId) {
      return receivedState(await harness.ask(tabId, 'getState'));
    },
    async ask(tabId, name) {
      return worker.evaluate(askTab, [tabId, name] as const) as Promise<SentPageState | null>;
    },
    async history() {
      return worker.evaluate(async () => {
        // Opened only when it exists: opening creates it, and the extension would then find no store in it.
        if (!(await indexedDB.databases()).some((d) => d.name === 'framing-lens-history')) return [];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('framing-lens-history');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const rows = await new Promise<{ record: ArticleRecord }[]>((resolve, reject) => {
          const get = db.transaction('articles').objectStore('articles').index('analyzedAt').getAll();
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        });
        db.close();
        return rows.map((r) => r.record);
      });
    },
    async popup(page) {
      const tabId = typeof page === 'number' ? page : await harness.tabIdOf(page);
      const popup = await context.newPage();
      // The size people see it at: Chrome's popups are at most 800 × 600, ours is 400 wide.
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('.summary, .status:not(:empty) h2', { timeout: 15_000 });
      return popup;
    },
    async screenshot(page, name) {
      const file = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      server.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}
