/**
 * Painting in Chromium: the extension's painter (lib/paint/paint.ts, CSS Custom Highlight API with
 * StaticRanges) against wrapping the same ranges in <mark> elements and against mark.js marking the
 * same terms, on the same generated article page, in the same run; then what painting costs the page's
 * own later DOM updates, next to the same number of live Ranges.
 *
 * Every run is a fresh page load on a host the e2e build does not annotate. The match ranges are found,
 * and each way's stylesheet adopted, untimed; the timed work starts at the top of an animation frame,
 * so "ms" is the script plus the forced style and layout it causes, and "frame ms" runs on until that
 * frame's rendering update (style, layout, paint, commit) is done, without waiting for a vsync.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type MarkJs from 'mark.js';
import type { Page } from 'playwright-core';
import { launch } from '../test/e2e/harness';
import type { RangeInit } from '../lib/anchor/anchor';
import type { Category } from '../lib/lexicon/types';
import type * as Painter from '../lib/paint/paint';
import { articlePage } from './pages';
import { QUICK, median, round } from './measure';

/** A host the e2e build does not annotate, so the extension leaves these pages alone. */
const PLAIN = 'plain.test';
const RUNS = QUICK ? 1 : 5;
/** The page's own update takes about 10 ms, where a collection or a cold function shows: more fresh loads for its median. */
const MUTATION_RUNS = QUICK ? 1 : 11;
const WARMUP = QUICK ? 0 : 1;
/** Lexicon variants, longest first within a concept (as mark.js orders them). */
const TERMS: Record<Category, string[]> = {
  name: ['Zelenskyy', 'Zelensky', 'Kremlin', 'Putin'],
  region: ['Kyiv', 'Kiev', 'Donbas', 'Crimea', 'Moscow'],
  loaded: ['sham referendums', 'sham referendum'],
};
/** Characters that bound a whole-word match besides white space, for our finder and mark.js alike. */
const LIMITERS = [',', '.', ';', ':', '!', '?', "'", '"', '(', ')', '[', ']', '‘', '’', '“', '”', '—', '–', '-', '/'];
/** The painter's look, for <mark> elements (theirs and mark.js's): the same tints and underlines. */
const MARK_RULES = `
mark.fl-name { color: inherit; background-color: rgb(0 114 178 / 0.16); text-decoration: underline solid rgb(0 114 178) 2px; text-underline-offset: 3px; }
mark.fl-region { color: inherit; background-color: rgb(0 158 115 / 0.16); text-decoration: underline dotted rgb(0 158 115) 2px; text-underline-offset: 3px; }
mark.fl-loaded { color: inherit; background-color: rgb(230 159 0 / 0.28); text-decoration: underline wavy rgb(213 94 0) 1.5px; text-underline-offset: 3px; }
`;
const MUTATION_MATCHES = 3_000;
const PAGES = {
  'bench/paint-1k.html': articlePage(350_000),
  'bench/paint-10k.html': articlePage(2_400_000),
  // About 3,000 paragraphs, each one text node.
  'bench/paint-mutation.html': articlePage(950_000),
};

const KINDS = ['highlight', 'mark', 'markjs'] as const;
type Kind = (typeof KINDS)[number];
type Variant = 'plain' | 'highlights' | 'live';

export interface PaintResults {
  matches_1k: number;
  matches_10k: number;
  highlight_1k_ms: number;
  mark_1k_ms: number;
  markjs_1k_ms: number;
  highlight_10k_ms: number;
  mark_10k_ms: number;
  markjs_10k_ms: number;
  highlight_1k_frame_ms: number;
  mark_1k_frame_ms: number;
  markjs_1k_frame_ms: number;
  highlight_10k_frame_ms: number;
  mark_10k_frame_ms: number;
  markjs_10k_frame_ms: number;
  ratio_vs_mark_1k: number;
  ratio_vs_markjs_1k: number;
  ratio_vs_mark_10k: number;
  ratio_vs_markjs_10k: number;
  page_mutation_ratio: number;
  live_range_mutation_ratio: number;
  mutation_plain_ms: number;
  mutation_highlights_ms: number;
  mutation_live_ranges_ms: number;
  page_mutation_frame_ratio: number;
  live_range_mutation_frame_ratio: number;
  mutation_plain_frame_ms: number;
  mutation_highlights_frame_ms: number;
  mutation_live_ranges_frame_ms: number;
  mutation_text_nodes: number;
  mutation_matches: number;
}

/** One match as the painter takes it, with its text for checking. */
interface Item {
  category: Category;
  init: RangeInit;
  text: string;
}

/** What the bench puts in the page. */
type PageGlobals = typeof globalThis & {
  FL: typeof Painter;
  Mark: typeof MarkJs;
  gc?: () => void;
  __bench: { article: HTMLElement; items: Item[]; live: Range[] };
};

interface SetupArgs {
  terms: Record<Category, string[]>;
  limiters: string[];
  /** Cut the article right after this many matches. */
  exact?: number;
  /** Keep this many matches, spread evenly over the article. */
  spread?: number;
}

interface Timing {
  /** Script alone. */
  script: number;
  /** Script, then a forced style and layout. */
  layout: number;
  /** Until the frame's rendering update is done. */
  frame: number;
  /** Matches shown (painted ranges, or <mark> elements). */
  count: number;
  /** A hash of the shown texts in page order, to check all three ways showed the same. */
  hash: string;
  /** Whether the work ended in the frame it started in (else "frame" is not that frame's rendering update). */
  sameFrame?: boolean;
  /** The count mark.js reported (mark.js runs). */
  reported?: number;
  /** Highlighted ranges still on their text after the page's own DOM update (mutation runs). */
  intact?: number;
}

/** In the page: the article's term matches (a TreeWalker over its text nodes), kept as the bench's items. */
function pageSetup(a: SetupArgs): { matches: number; textNodes: number } {
  const g = globalThis as unknown as PageGlobals;
  const article = document.querySelector('article')!;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const bound = `[\\s${a.limiters.map(esc).join('')}]`;
  const categoryOf = new Map<string, Category>();
  for (const [category, terms] of Object.entries(a.terms) as [Category, string[]][]) for (const t of terms) categoryOf.set(t, category);
  const alternatives = [...categoryOf.keys()].sort((x, y) => y.length - x.length).map((t) => esc(t).replace(/ +/g, '\\s+'));
  const re = new RegExp(`(?<=^|${bound})(?:${alternatives.join('|')})(?=$|${bound})`, 'g');
  const find = (): Item[] => {
    const found: Item[] = [];
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
      for (const m of node.data.matchAll(re))
        found.push({
          category: categoryOf.get(m[0].replace(/\s+/g, ' '))!,
          init: { startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length },
          text: m[0],
        });
    return found;
  };
  let items = find();
  if (a.exact !== undefined) {
    if (items.length < a.exact) throw new Error(`only ${items.length} matches in the page, ${a.exact} wanted`);
    // The article ends right after the last wanted match, so mark.js has no more to find than we paint.
    const last = items[a.exact - 1].init;
    const node = last.endContainer as Text;
    node.replaceData(last.endOffset, node.length - last.endOffset, '.');
    const rest = document.createRange();
    rest.setStartAfter(node);
    rest.setEnd(article, article.childNodes.length);
    rest.deleteContents();
    items = find();
    if (items.length !== a.exact) throw new Error(`${items.length} matches after cutting the article, ${a.exact} wanted`);
  }
  if (a.spread !== undefined) {
    if (items.length < a.spread) throw new Error(`only ${items.length} matches in the page, ${a.spread} wanted`);
    const all = items;
    items = Array.from({ length: a.spread }, (_, i) => all[Math.floor((i * all.length) / a.spread!)]);
  }
  g.__bench = { article, items, live: [] };
  let textNodes = 0;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) textNodes++;
  return { matches: items.length, textNodes };
}

/** In the page: layout done, garbage collected, the page idle and two frames gone by. */
async function pageSettle(): Promise<void> {
  const g = globalThis as unknown as PageGlobals;
  if (document.body.getBoundingClientRect().height < 0) throw new Error('no layout');
  g.gc?.();
  // Time for the load's raster and other off-thread work to finish, then two frames.
  await new Promise((r) => setTimeout(r, 150));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/** In the page: shows the items one way, timed from the top of an animation frame. */
function pageShow(a: { kind: Kind; rules: string; terms: Record<Category, string[]>; limiters: string[] }): Promise<Timing> {
  const g = globalThis as unknown as PageGlobals;
  const { article, items } = g.__bench;
  const hashOf = (texts: string[]) => {
    let h = 0x811c9dc5;
    for (const c of texts.join('|')) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    return `${texts.length}:${h.toString(16)}`;
  };
  const adoptMarkRules = () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(a.rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  };
  let markjsCount = 0;
  let painted: (Painter.Painted | null)[] = [];
  // The painter is async (it slices long work); with no slice limit it never yields, so all of it runs
  // in this frame's callback and microtasks, before the frame's rendering update, as the others do.
  const show = (): Promise<unknown> | void => {
    if (a.kind === 'highlight') {
      return g.FL.paint(
        document,
        items.map((i) => i.category),
        (k) => items[k].init,
        new Set(),
        Infinity,
      ).then((p) => (painted = p));
    } else if (a.kind === 'mark') {
      // Last to first: splitting a text node leaves the offsets before the split valid.
      for (let i = items.length - 1; i >= 0; i--) {
        const { category, init } = items[i];
        const middle = (init.startContainer as Text).splitText(init.startOffset);
        middle.splitText(init.endOffset - init.startOffset);
        const mark = document.createElement('mark');
        mark.className = `fl-${category}`;
        middle.replaceWith(mark);
        mark.append(middle);
      }
    } else {
      for (const [category, terms] of Object.entries(a.terms))
        new g.Mark(article).mark(terms, {
          className: `fl-${category}`,
          separateWordSearch: false,
          accuracy: { value: 'exactly', limiters: a.limiters },
          caseSensitive: true,
          diacritics: false,
          done: (n) => (markjsCount += n),
        });
    }
  };
  // Each way's stylesheet is in place before the timed frame, as the extension adopts its own when an
  // annotation starts (lib/paint: installStyles); the page's restyle for it is done here, untimed.
  if (a.kind === 'highlight') g.FL.installStyles(document);
  else adoptMarkRules();
  document.body.getBoundingClientRect();
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const t0 = performance.now();
      let inFrame = true;
      requestAnimationFrame(() => (inFrame = false));
      void Promise.resolve(show()).then(() => {
        const t1 = performance.now();
        document.body.getBoundingClientRect();
        const t2 = performance.now();
        const sameFrame = inFrame;
        // A task queued now runs after this frame's rendering update. Above WINDOW_ABOVE ranges the
        // painter shows those near the viewport once the frame has found them: one frame more.
        const windowed = a.kind === 'highlight' && painted.filter(Boolean).length > g.FL.WINDOW_ABOVE;
        const afterFrame = (then: () => void) => setTimeout(then);
        (windowed ? (then: () => void) => afterFrame(() => requestAnimationFrame(() => afterFrame(then))) : afterFrame)(() => {
          const t3 = performance.now();
          let count: number;
          let hash: string;
          let reported: number | undefined;
          if (a.kind === 'highlight') {
            // Ranges made; a windowed painter shows only those near the viewport at a time.
            count = painted.filter(Boolean).length;
            hash = hashOf(
              painted.map((p) => (p ? (p.range.startContainer as Text).data.slice(p.range.startOffset, p.range.endOffset) : '')),
            );
          } else {
            const marks = [...article.querySelectorAll('mark')];
            count = marks.length;
            if (a.kind === 'markjs') reported = markjsCount;
            hash = hashOf(marks.map((m) => m.textContent ?? ''));
          }
          resolve({ script: t1 - t0, layout: t2 - t0, frame: t3 - t0, count, hash, reported, sameFrame });
        });
      });
    }),
  );
}

/** In the page: what is on it before the page's own update (nothing, the painter's highlights, or live Ranges). */
async function pagePrepare(variant: Variant): Promise<number> {
  const g = globalThis as unknown as PageGlobals;
  const { items } = g.__bench;
  // Above WINDOW_ABOVE ranges the painter shows those near the viewport: it counts the ranges it made.
  if (variant === 'highlights')
    return (
      await g.FL.paint(
        document,
        items.map((i) => i.category),
        (k) => items[k].init,
        new Set(),
        Infinity,
      )
    ).filter(Boolean).length;
  if (variant === 'live') {
    g.FL.show(document, [], new Set()); // the painter's styles, no highlights
    const layers = new Map<Category, Highlight>();
    for (const { category, init } of items) {
      const range = document.createRange();
      range.setStart(init.startContainer, init.startOffset);
      range.setEnd(init.endContainer, init.endOffset);
      g.__bench.live.push(range);
      let layer = layers.get(category);
      if (!layer) layers.set(category, (layer = new Highlight()));
      layer.add(range);
    }
    for (const [category, layer] of layers) CSS.highlights.set(`framing-lens-${category}`, layer);
  }
  return [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
}

/** In the page: the site's own script wraps every text node of the article in a <span>, timed from the top of a frame. */
function pageMutate(variant: Variant): Promise<Timing> {
  const g = globalThis as unknown as PageGlobals;
  const { article, items, live } = g.__bench;
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const t0 = performance.now();
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) nodes.push(walker.currentNode as Text);
      for (const node of nodes) {
        const s = document.createElement('span');
        node.replaceWith(s);
        s.append(node);
      }
      const t1 = performance.now();
      document.body.getBoundingClientRect();
      const t2 = performance.now();
      setTimeout(() => {
        const t3 = performance.now();
        // Whether what was shown is still on its text: StaticRanges keep their nodes; live Ranges move.
        let intact = 0;
        if (variant === 'highlights')
          for (const it of items) {
            const n = it.init.startContainer as Text;
            if (n.isConnected && n.data.slice(it.init.startOffset, it.init.endOffset) === it.text) intact++;
          }
        if (variant === 'live') for (let i = 0; i < live.length; i++) if (live[i].toString() === items[i].text) intact++;
        resolve({ script: t1 - t0, layout: t2 - t0, frame: t3 - t0, count: nodes.length, hash: '', intact });
      });
    }),
  );
}

export async function benchPaint(log: (line: string) => void): Promise<PaintResults> {
  const painter = (
    await build({
      entryPoints: [fileURLToPath(new URL('../lib/paint/paint.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: 'FL',
      // The Chromium build's rules, as WXT builds them for Chrome.
      define: { 'import.meta.env': '{"FIREFOX":false}' },
      write: false,
    })
  ).outputFiles[0].text;
  const markjs = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
  const h = await launch({ generated: PAGES, args: [`--host-resolver-rules=MAP ${PLAIN} 127.0.0.1`, '--js-flags=--expose-gc'] });
  // tsx names the page functions' inner closures with a helper the page lacks.
  await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const base = h.base.replace('127.0.0.1', PLAIN);
  let load = 0;
  const fresh = async (page: Page, path: string, setup: SetupArgs) => {
    await page.goto(`${base}/${path}?load=${++load}`);
    await page.addScriptTag({ content: painter });
    await page.addScriptTag({ content: markjs });
    const found = await page.evaluate(pageSetup, setup);
    await page.evaluate(pageSettle);
    return found;
  };
  const page = await h.context.newPage();
  const figures: Record<string, number> = {};
  const odd: string[] = [];
  try {
    // 1. Showing N matches three ways.
    for (const [label, n, path] of [
      ['1k', 1_000, 'bench/paint-1k.html'],
      ['10k', 10_000, 'bench/paint-10k.html'],
    ] as const) {
      const once = async (kind: Kind) => {
        await fresh(page, path, { terms: TERMS, limiters: LIMITERS, exact: n });
        return page.evaluate(pageShow, { kind, rules: MARK_RULES, terms: TERMS, limiters: LIMITERS });
      };
      for (let i = 0; i < WARMUP; i++) for (const kind of KINDS) await once(kind);
      const samples = Object.fromEntries(KINDS.map((k) => [k, [] as Timing[]])) as Record<Kind, Timing[]>;
      // Interleaved, so drift over the run falls on all three alike.
      for (let i = 0; i < RUNS; i++) for (const kind of KINDS) samples[kind].push(await once(kind));
      const reference = samples.highlight[0].hash;
      for (const kind of KINDS)
        for (const s of samples[kind]) {
          if (s.sameFrame === false) odd.push(`${label} ${kind}: the work did not finish in the frame it started in`);
          if (s.count !== n) odd.push(`${label} ${kind}: ${s.count} shown, ${n} wanted`);
          if (s.reported !== undefined && s.reported !== s.count)
            odd.push(`${label} mark.js: reported ${s.reported} marks, ${s.count} in the page`);
          if (s.hash !== reference) odd.push(`${label} ${kind}: marked texts differ from the ranges painted (${s.hash} vs ${reference})`);
        }
      figures[`matches_${label}`] = n;
      for (const kind of KINDS) {
        figures[`${kind}_${label}_ms`] = median(samples[kind].map((s) => s.layout));
        figures[`${kind}_${label}_frame_ms`] = median(samples[kind].map((s) => s.frame));
      }
      figures[`ratio_vs_mark_${label}`] = figures[`mark_${label}_frame_ms`] / figures[`highlight_${label}_frame_ms`];
      figures[`ratio_vs_markjs_${label}`] = figures[`markjs_${label}_frame_ms`] / figures[`highlight_${label}_frame_ms`];
    }

    // 2. The page's own DOM update, after painting and after as many live Ranges.
    const variants: Variant[] = ['plain', 'highlights', 'live'];
    let textNodes = 0;
    let painted = 0;
    const onceMutate = async (variant: Variant) => {
      textNodes = (await fresh(page, 'bench/paint-mutation.html', { terms: TERMS, limiters: LIMITERS, spread: MUTATION_MATCHES }))
        .textNodes;
      const shown = await page.evaluate(pagePrepare, variant);
      if (variant !== 'plain') painted = shown;
      if (variant !== 'plain' && shown !== MUTATION_MATCHES)
        odd.push(`mutation ${variant}: ${shown} ranges shown, ${MUTATION_MATCHES} wanted`);
      await page.evaluate(pageSettle);
      return page.evaluate(pageMutate, variant);
    };
    for (let i = 0; i < WARMUP; i++) for (const v of variants) await onceMutate(v);
    const mutation = Object.fromEntries(variants.map((v) => [v, [] as Timing[]])) as Record<Variant, Timing[]>;
    for (let i = 0; i < MUTATION_RUNS; i++) for (const v of variants) mutation[v].push(await onceMutate(v));
    for (const s of mutation.highlights)
      if (s.intact !== MUTATION_MATCHES) odd.push(`mutation: ${s.intact} of ${MUTATION_MATCHES} highlights still on their text`);
    const liveIntact = mutation.live[0].intact ?? 0;
    const script = (v: Variant) => median(mutation[v].map((s) => s.script));
    const frame = (v: Variant) => median(mutation[v].map((s) => s.frame));
    Object.assign(figures, {
      mutation_plain_ms: script('plain'),
      mutation_highlights_ms: script('highlights'),
      mutation_live_ranges_ms: script('live'),
      page_mutation_ratio: script('highlights') / script('plain'),
      live_range_mutation_ratio: script('live') / script('plain'),
      mutation_plain_frame_ms: frame('plain'),
      mutation_highlights_frame_ms: frame('highlights'),
      mutation_live_ranges_frame_ms: frame('live'),
      page_mutation_frame_ratio: frame('highlights') / frame('plain'),
      live_range_mutation_frame_ratio: frame('live') / frame('plain'),
      mutation_text_nodes: textNodes,
      mutation_matches: painted,
    });

    const r = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)])) as unknown as PaintResults;
    const ms = (kind: Kind, label: string) =>
      `${String(r[`${kind}_${label}_ms` as keyof PaintResults]).padStart(8)} ${`(${r[`${kind}_${label}_frame_ms` as keyof PaintResults]})`.padStart(9)}`;
    log(
      `\nPainting in Chromium (headless, a page the extension leaves alone; ${QUICK ? 'one fresh page load' : `median of ${RUNS} fresh page loads after a warm-up`}; ms to forced layout, (to the frame's rendering update done))`,
    );
    log('  matches    highlights ms         <mark> ms        mark.js ms   ×<mark>  ×mark.js');
    for (const label of ['1k', '10k'] as const)
      log(
        `  ${String(r[`matches_${label}`]).padStart(7)}  ${ms('highlight', label)}  ${ms('mark', label)}  ${ms('markjs', label)}  ${String(r[`ratio_vs_mark_${label}`]).padStart(7)}  ${String(r[`ratio_vs_markjs_${label}`]).padStart(8)}`,
      );
    log(
      `  The page wrapping its ${r.mutation_text_nodes} article text nodes in <span>s (${QUICK ? 'one load' : `median of ${MUTATION_RUNS} loads`}): ${r.mutation_plain_ms} ms unannotated, ${r.mutation_highlights_ms} ms after ${r.mutation_matches} highlights (×${r.page_mutation_ratio}), ${r.mutation_live_ranges_ms} ms after as many live Ranges (×${r.live_range_mutation_ratio})`,
    );
    log(
      `    with the frame: ${r.mutation_plain_frame_ms} ms, ${r.mutation_highlights_frame_ms} ms (×${r.page_mutation_frame_ratio}), ${r.mutation_live_ranges_frame_ms} ms (×${r.live_range_mutation_frame_ratio}); live Ranges still on their text afterwards: ${liveIntact} of ${MUTATION_MATCHES}`,
    );
    for (const line of new Set(odd)) log(`  ! ${line}`);
    return r;
  } finally {
    await h.close();
  }
}
