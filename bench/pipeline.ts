/**
 * The pipeline in Chromium with the e2e build loaded: each stage's time from trigger to painted page,
 * next to Readability's parse alone on the same page; the longest main-thread task while annotating,
 * and how long a key press waits for the page while it runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../test/e2e/harness';
import type { PageState, PipelineTimings } from '../lib/messaging';
import { articlePage } from './pages';
import { QUICK, median, round } from './measure';

const READABILITY = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
/** A host the e2e build does not annotate: the same page, untouched, for the baselines. */
const PLAIN = 'plain.test';
const STAGES = ['extract', 'match', 'demands', 'summary', 'anchor', 'paint', 'ui'] as const;

export interface PipelineResult {
  total_ms: number;
  readability_ms: number;
  ratio_vs_readability: number;
  longest_task_ms: number;
  input_latency_ms: number;
  first_total_ms: number;
  stages_ms: Partial<Record<(typeof STAGES)[number], number>>;
  html_kb: number;
  matches: number;
}

declare global {
  interface Window {
    __tasks: number[];
    __keys: number[];
    Readability: new (doc: Document) => { parse(): unknown };
  }
}

/** Main-thread tasks over 50 ms and key-press waits, recorded by the page itself from its first script on. */
function observe() {
  window.__tasks = [];
  window.__keys = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__tasks.push(e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
  addEventListener('keydown', (e) => window.__keys.push(performance.now() - e.timeStamp), true);
}

async function annotate(h: Harness, tabId: number): Promise<PageState> {
  return h.worker.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<PageState> } } }).chrome.tabs.sendMessage(
        id,
        {
          protocol: 'framing-lens',
          name: 'annotate',
        },
      ),
    tabId,
  );
}

/** One annotation with key presses every 16 ms while it runs; the longest task and the longest key wait. */
async function annotateUnderInput(h: Harness, page: Page, tabId: number) {
  await page.evaluate(() => {
    window.__tasks.length = 0;
    window.__keys.length = 0;
  });
  let done = false;
  const run = annotate(h, tabId).finally(() => (done = true));
  while (!done) {
    await page.keyboard.press('Shift');
    await new Promise((r) => setTimeout(r, 16));
  }
  const state = await run;
  const { tasks, keys } = await page.evaluate(() => ({ tasks: [...window.__tasks], keys: [...window.__keys] }));
  return { state, longestTask: Math.max(0, ...tasks), inputLatency: Math.max(0, ...keys) };
}

async function readabilityAlone(page: Page, runs: number): Promise<number> {
  await page.addScriptTag({ content: READABILITY });
  return page.evaluate((n) => {
    const ms: number[] = [];
    for (let i = 0; i < n + 1; i++) {
      const t = performance.now();
      new window.Readability(document.cloneNode(true) as Document).parse();
      ms.push(performance.now() - t);
    }
    return ms.slice(1).sort((a, b) => a - b)[Math.floor(n / 2)];
  }, runs);
}

export async function benchPipeline(log: (line: string) => void): Promise<Record<string, PipelineResult>> {
  const pages: Record<string, string> = {
    'seed-1': readFileSync(new URL('../test/fixtures/seeds/seed-1.html', import.meta.url), 'utf8'),
    'seed-2': readFileSync(new URL('../test/fixtures/seeds/seed-2.html', import.meta.url), 'utf8'),
    'article-200kb': articlePage(200_000),
    'article-2mb': articlePage(2_000_000),
  };
  const h = await launch({
    generated: Object.fromEntries(Object.entries(pages).map(([name, html]) => [`bench/${name}.html`, html])),
    args: [`--host-resolver-rules=MAP ${PLAIN} 127.0.0.1`],
  });
  await h.context.addInitScript(observe);
  const runs = QUICK ? 1 : 5;
  const results: Record<string, PipelineResult> = {};
  log('\nPipeline in Chromium (e2e build; warm: the median of re-annotations after the first)');
  log('  page             HTML KB  matches  total ms  Readability ms  ratio  longest task  key wait  first run ms   stages ms');
  try {
    for (const [name, html] of Object.entries(pages)) {
      const plain = await h.context.newPage();
      await plain.goto(`${h.base.replace('127.0.0.1', PLAIN)}/bench/${name}.html`);
      const readability = await readabilityAlone(plain, runs);
      await plain.close();

      const page = await h.open(`bench/${name}.html`);
      const tabId = await h.tabIdOf(page);
      const first = await page.evaluate(() => 0).then(() => annotateFirst(h, tabId));
      await annotate(h, tabId); // warm-up
      const totals: number[] = [];
      const stages: Record<string, number[]> = {};
      let longestTask = 0;
      let inputLatency = 0;
      let matches = 0;
      for (let i = 0; i < runs; i++) {
        const { state, longestTask: lt, inputLatency: il } = await annotateUnderInput(h, page, tabId);
        if (state.status !== 'ready') throw new Error(`${name}: ${state.status}`);
        const t: PipelineTimings = state.timings;
        totals.push(t.total ?? NaN);
        for (const s of STAGES) (stages[s] ??= []).push(t[s] ?? 0);
        longestTask = Math.max(longestTask, lt);
        inputLatency = Math.max(inputLatency, il);
        matches = state.analysis.matches.length;
      }
      await page.close();
      const total = median(totals);
      const r: PipelineResult = {
        total_ms: round(total),
        readability_ms: round(readability),
        ratio_vs_readability: round(total / readability),
        longest_task_ms: round(longestTask),
        input_latency_ms: round(inputLatency),
        first_total_ms: round(first),
        stages_ms: Object.fromEntries(STAGES.map((s) => [s, round(median(stages[s]))])),
        html_kb: round(html.length / 1000, 1),
        matches,
      };
      results[name] = r;
      log(
        `  ${name.padEnd(15)} ${String(r.html_kb).padStart(8)} ${String(matches).padStart(8)} ${String(r.total_ms).padStart(9)} ${String(r.readability_ms).padStart(15)} ${String(r.ratio_vs_readability).padStart(6)} ${String(r.longest_task_ms).padStart(13)} ${String(r.input_latency_ms).padStart(9)} ${String(r.first_total_ms).padStart(13)}   ${STAGES.map((s) => `${s} ${r.stages_ms[s]}`).join(', ')}`,
      );
    }
  } finally {
    await h.close();
  }
  return results;
}

/** The total of the annotation that ran when the page loaded (cold: nothing compiled or cached yet in this page). */
async function annotateFirst(h: Harness, tabId: number): Promise<number> {
  const state = await h.worker.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<PageState | null> } } }
      ).chrome.tabs.sendMessage(id, {
        protocol: 'framing-lens',
        name: 'getState',
      }),
    tabId,
  );
  return state?.status === 'ready' ? (state.timings.total ?? NaN) : NaN;
}
