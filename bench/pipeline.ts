/**
 * The pipeline in Chromium with the e2e build loaded, next to Readability's parse alone on the same
 * page in the same browser. Both sides are measured as a reader meets them, first in a freshly loaded
 * page (median over fresh loads, after a warm-up load), and again warm (re-runs in the same page):
 * each stage's time, the total from trigger to painted page, the longest main-thread task while
 * annotating, how long a key press waits for the page meanwhile, and the JS heap the annotation keeps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../test/e2e/harness';
import type { PipelineTimings, SentPageState as PageState } from '../lib/runtime/protocol';
import { matchCount, type WireFound } from '../lib/runtime/wire';
import { articlePage } from './pages';
import { DEV } from '../test/support/fixtures';
import { bigDom } from '../test/support/hostile';
import { QUICK, median, round } from './measure';

const READABILITY = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
/** A host the e2e build does not annotate: the same page, untouched, for the baselines. */
const PLAIN = 'plain.test';
const STAGES = [
  'serialize',
  'collect',
  'wait',
  'transit',
  'parse',
  'extract',
  'opening',
  'match',
  'demands',
  'summary',
  'rebuild',
  'anchor',
  'paint',
  'matchesWait',
  'demandsWait',
  'ui',
] as const;

export interface PipelineResult {
  html_kb: number;
  matches: number;
  /** First annotation in a freshly loaded page, trigger to the whole analysis received (demands included). */
  total_ms: number;
  /** The same, trigger to the highlights painted (the matches come first, the demands after). */
  first_highlight_ms: number;
  /** Readability's first parse in a freshly loaded page. */
  readability_ms: number;
  ratio_vs_readability: number;
  /** Re-annotation in the same page, and Readability parsing again in the same page. */
  warm_total_ms: number;
  warm_first_highlight_ms: number;
  warm_readability_ms: number;
  warm_ratio_vs_readability: number;
  longest_task_ms: number;
  input_latency_ms: number;
  /** Median milliseconds per stage: warm re-runs, and first annotations in fresh pages. */
  stages_ms: Partial<Record<(typeof STAGES)[number], number>>;
  first_stages_ms: Partial<Record<(typeof STAGES)[number], number>>;
  heap_mb?: number;
}

declare global {
  interface Window {
    __tasks: { start: number; duration: number }[];
    __keys: number[];
    Readability: new (doc: Document) => { parse(): unknown };
  }
}

/** Main-thread tasks over 50 ms and key-press waits, recorded by the page itself from its first script on. */
function observe() {
  window.__tasks = [];
  window.__keys = [];
  new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => window.__tasks.push({ start: e.startTime, duration: e.duration })),
  ).observe({
    type: 'longtask',
    buffered: true,
  });
  addEventListener('keydown', (e) => window.__keys.push(performance.now() - e.timeStamp), true);
}

/** A ready state's stage timings, which the e2e build keeps (lib/timing). */
function timingsOf(state: { debug?: { timings: PipelineTimings } }): PipelineTimings {
  if (!state.debug) throw new Error('no timings: the bench needs the e2e build (FRAMING_LENS_E2E=1), which keeps them');
  return state.debug.timings;
}

async function annotate(h: Harness, tabId: number): Promise<PageState> {
  const state = await h.ask(tabId, 'annotate');
  if (!state) throw new Error('the content script did not answer');
  return state;
}

/**
 * The longest task that began while an annotation ran (from just before `timings.startedAt` to its end): the
 * page's own tasks from before, such as its first rendering, are not the extension's. Long tasks are
 * reported a little after they end.
 */
async function longestTaskOf(page: Page, timings: PipelineTimings): Promise<number> {
  await page.waitForTimeout(100);
  // The task that runs the trigger began a little before the run's first line (a cold script is compiled first).
  const from = (timings.startedAt ?? 0) - 50;
  const to = from + (timings.total ?? 0) + (timings.ui ?? 0);
  return page.evaluate(([a, b]) => Math.max(0, ...window.__tasks.filter((x) => x.start >= a && x.start <= b).map((x) => x.duration)), [
    from,
    to,
  ] as const);
}

/** One re-annotation with a key pressed every 16 ms while it runs. */
async function annotateUnderInput(h: Harness, page: Page, tabId: number) {
  await page.evaluate(() => (window.__keys.length = 0));
  let done = false;
  const run = annotate(h, tabId).finally(() => (done = true));
  while (!done) {
    await page.keyboard.press('Shift');
    await new Promise((r) => setTimeout(r, 16));
  }
  const state = await run;
  if (state.status !== 'ready') throw new Error(`not annotated: ${state.status}`);
  const longestTask = await longestTaskOf(page, timingsOf(state));
  return { state, longestTask, inputLatency: Math.max(0, ...(await page.evaluate(() => window.__keys))) };
}

/** Readability on a fresh copy of the page: first parse, then the median of `runs` more. */
async function readability(page: Page, runs: number): Promise<{ first: number; warm: number }> {
  await page.addScriptTag({ content: READABILITY });
  return page.evaluate((n) => {
    const ms: number[] = [];
    for (let i = 0; i <= n; i++) {
      const t = performance.now();
      new window.Readability(document.cloneNode(true) as Document).parse();
      ms.push(performance.now() - t);
    }
    const warm = ms.slice(1).sort((a, b) => a - b);
    return { first: ms[0], warm: warm[Math.floor(warm.length / 2)] };
  }, runs);
}

async function heapMb(h: Harness, page: Page): Promise<number> {
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

export async function benchPipeline(log: (line: string) => void): Promise<Record<string, PipelineResult>> {
  const pages: Record<string, string> = {
    'seed-1': readFileSync(new URL('../test/fixtures/seeds/seed-1.html', import.meta.url), 'utf8'),
    'seed-2': readFileSync(new URL('../test/fixtures/seeds/seed-2.html', import.meta.url), 'utf8'),
    'article-200kb': articlePage(200_000),
    'article-2mb': articlePage(2_000_000),
    // The hostile suite's page of 50,000 nodes: its longest task here stands for the freeze it once had.
    'big-dom': bigDom(),
  };
  const h = await launch({
    generated: Object.fromEntries(Object.entries(pages).map(([name, html]) => [`bench/${name}.html`, html])),
    args: [`--host-resolver-rules=MAP ${PLAIN} 127.0.0.1`, '--enable-precise-memory-info'],
  });
  await h.context.addInitScript(observe);
  const loads = QUICK ? 1 : 5;
  const runs = QUICK ? 1 : 5;
  const results: Record<string, PipelineResult> = {};
  log('\nPipeline in Chromium (e2e build; first: in a freshly loaded page, median of fresh loads; warm: again in the same page)');
  log(
    '  page           HTML KB  matches  first ms  highlights  Readability  ratio  warm ms  highlights  Readability  ratio  longest task  key wait  heap MB',
  );
  try {
    for (const [name, html] of Object.entries(pages)) {
      const plainUrl = `${h.base.replace('127.0.0.1', PLAIN)}/bench/${name}.html`;
      // Fresh loads, after one to warm the browser (and the analyser) up.
      const first: { ours: number[]; highlights: number[]; theirs: number[]; stages: Record<string, number[]> } = {
        ours: [],
        highlights: [],
        theirs: [],
        stages: {},
      };
      let longestTask = 0;
      for (let i = 0; i <= loads; i++) {
        const plain = await h.context.newPage();
        await plain.goto(plainUrl);
        const r = await readability(plain, i === loads ? runs : 0);
        await plain.close();
        const page = await h.open(`bench/${name}.html`);
        const state = await h.stateOf(await h.tabIdOf(page));
        if (state?.status !== 'ready') throw new Error(`${name}: ${state?.status}`);
        longestTask = Math.max(longestTask, await longestTaskOf(page, timingsOf(state)));
        await page.close();
        if (i === 0) continue;
        first.ours.push(timingsOf(state).total ?? NaN);
        first.highlights.push(timingsOf(state).firstHighlight ?? NaN);
        for (const s of STAGES) (first.stages[s] ??= []).push(timingsOf(state)[s] ?? 0);
        first.theirs.push(r.first);
      }
      // Readability warm, on a last fresh page.
      const plain = await h.context.newPage();
      await plain.goto(plainUrl);
      const warmReadability = (await readability(plain, runs)).warm;
      const plainHeap = await heapMb(h, plain);
      await plain.close();

      const page = await h.open(`bench/${name}.html`);
      const tabId = await h.tabIdOf(page);
      await annotate(h, tabId); // warm-up
      const totals: number[] = [];
      const highlights: number[] = [];
      const stages: Record<string, number[]> = {};
      let inputLatency = 0;
      let matches = 0;
      for (let i = 0; i < runs; i++) {
        const run = await annotateUnderInput(h, page, tabId);
        const t: PipelineTimings = run.state.status === 'ready' ? timingsOf(run.state) : {};
        totals.push(t.total ?? NaN);
        highlights.push(t.firstHighlight ?? NaN);
        for (const s of STAGES) (stages[s] ??= []).push(t[s] ?? 0);
        longestTask = Math.max(longestTask, run.longestTask);
        inputLatency = Math.max(inputLatency, run.inputLatency);
        const wire = run.state.status === 'ready' ? (JSON.parse(run.state.analysis.found) as WireFound) : null;
        matches = wire?.ok ? matchCount(wire) : 0;
      }
      const heap = (await heapMb(h, page)) - plainHeap;
      await page.close();

      const total = median(first.ours);
      const theirs = median(first.theirs);
      const warm = median(totals);
      const r: PipelineResult = {
        html_kb: round(html.length / 1000, 1),
        matches,
        total_ms: round(total),
        first_highlight_ms: round(median(first.highlights)),
        readability_ms: round(theirs),
        ratio_vs_readability: round(total / theirs),
        warm_total_ms: round(warm),
        warm_first_highlight_ms: round(median(highlights)),
        warm_readability_ms: round(warmReadability),
        warm_ratio_vs_readability: round(warm / warmReadability),
        longest_task_ms: round(longestTask),
        input_latency_ms: round(inputLatency),
        stages_ms: Object.fromEntries(STAGES.map((s) => [s, round(median(stages[s]))])),
        first_stages_ms: Object.fromEntries(STAGES.map((s) => [s, round(median(first.stages[s]))])),
        heap_mb: round(heap, 1),
      };
      results[name] = r;
      const cell = (x: number, w: number) => String(x).padStart(w);
      log(
        `  ${name.padEnd(14)} ${cell(r.html_kb, 7)} ${cell(matches, 8)} ${cell(r.total_ms, 9)} ${cell(r.first_highlight_ms, 11)} ${cell(r.readability_ms, 12)} ${cell(r.ratio_vs_readability, 6)} ${cell(r.warm_total_ms, 8)} ${cell(r.warm_first_highlight_ms, 11)} ${cell(r.warm_readability_ms, 12)} ${cell(r.warm_ratio_vs_readability, 6)} ${cell(r.longest_task_ms, 13)} ${cell(r.input_latency_ms, 9)} ${cell(r.heap_mb!, 8)}`,
      );
      log(`  ${''.padEnd(14)} first stages ms: ${STAGES.map((s) => `${s} ${r.first_stages_ms[s]}`).join(', ')}`);
      log(`  ${''.padEnd(14)} warm stages ms: ${STAGES.map((s) => `${s} ${r.stages_ms[s]}`).join(', ')}`);
    }
  } finally {
    await h.close();
  }
  return results;
}

/** Each dev-set page's first annotation in a fresh page: the median over fresh loads, per page. */
export interface DevsetResult {
  pages: number;
  /** Pages annotated (the rest have no article or a language no pack covers, and are left out). */
  annotated: number;
  /** Over the annotated pages' medians: their median and their largest. */
  median_total_ms: number;
  max_total_ms: number;
  median_first_highlight_ms: number;
  max_first_highlight_ms: number;
  /** Pages whose median first annotation took over 30 ms (the target). */
  over_30_ms: Record<string, number>;
}

export async function benchDevset(log: (line: string) => void): Promise<DevsetResult> {
  const h = await launch({ generated: Object.fromEntries(DEV.map((p) => [`bench/dev/${p.slug}.html`, p.html])) });
  const loads = QUICK ? 1 : 3;
  const totals: number[] = [];
  const highlights: number[] = [];
  const over: Record<string, number> = {};
  try {
    // A warm-up page, as a reader's browser has run the extension before.
    await (await h.open(`bench/dev/${DEV[0].slug}.html`)).close();
    for (const { slug } of DEV) {
      const ours: number[] = [];
      const first: number[] = [];
      for (let i = 0; i < loads; i++) {
        const page = await h.open(`bench/dev/${slug}.html`);
        const state = await h.stateOf(await h.tabIdOf(page));
        await page.close();
        if (state?.status !== 'ready') break;
        ours.push(timingsOf(state).total ?? NaN);
        first.push(timingsOf(state).firstHighlight ?? NaN);
      }
      if (!ours.length) continue;
      totals.push(median(ours));
      highlights.push(median(first));
      if (median(ours) > 30) over[slug] = round(median(ours));
    }
  } finally {
    await h.close();
  }
  const r: DevsetResult = {
    pages: DEV.length,
    annotated: totals.length,
    median_total_ms: round(median(totals)),
    max_total_ms: round(Math.max(...totals)),
    median_first_highlight_ms: round(median(highlights)),
    max_first_highlight_ms: round(Math.max(...highlights)),
    over_30_ms: over,
  };
  log(`\nDev-set pages in Chromium: first annotation in a fresh page, median of ${loads} load(s) per page`);
  log(
    `  ${r.annotated} of ${r.pages} pages annotated: whole analysis median ${r.median_total_ms} ms (largest ${r.max_total_ms}), highlights median ${r.median_first_highlight_ms} ms (largest ${r.max_first_highlight_ms})`,
  );
  const slow = Object.entries(over).sort((a, b) => b[1] - a[1]);
  log(`  over 30 ms: ${slow.length ? slow.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`);
  return r;
}
