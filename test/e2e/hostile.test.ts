/**
 * Hostile pages (test/fixtures/hostile/, the big ones from test/support/hostile.ts): whatever the
 * page does, the extension never breaks it (no page error, no payload run, no long freeze) and keeps
 * its promises (highlights in the article, "no article" where there is none). A case marked
 * `it.fails` is a known extension bug, named beside it; the assertion states the right behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PART_CHARS } from '../../lib/runtime/parts';
import { launch, type Harness } from './harness';
import { readHighlights } from './highlights';
import { BIG_DOM_NODES, GENERATED } from '../support/hostile';

/** What the init script and the pages leave on `window`. */
interface Probe {
  __violations: string[];
  __pwned?: unknown;
  __answers?: unknown[];
  __hydrated?: boolean;
}

interface Visit {
  page: Page;
}

/** A page-specific check; with `bug`, a known extension bug that makes it fail (run as `it.fails`). */
interface Check {
  name: string;
  run(v: Visit): Promise<void>;
  bug?: string;
}

interface Row {
  path: string;
  /** Terms the article must have highlighted; none for pages that are not articles. */
  terms: string[];
  /** How long the page keeps changing after load (ms); it is judged after that. */
  settle?: number;
  /** Known extension bugs, by the common assertion they break: those cases run as `it.fails`. */
  bugs?: Partial<Record<'highlights' | 'noArticle', string>>;
  checks?: Check[];
}

const STORY = ['Kyiv', 'Volodymyr Zelensky', 'special military operation', 'Donbas', 'Crimea', 'Kiev'];
const ROWS: Row[] = [
  {
    path: 'hostile/injection.html',
    terms: ['Kyiv', 'special military operation', 'Kiev regime', 'Kiev', 'Zelensky', 'SMO'],
    checks: [{ name: 'note cards and the popup show payloads as text; no javascript: link ran', run: injectionShownAsText }],
  },
  {
    path: 'hostile/csp.html',
    terms: STORY,
    checks: [{ name: 'the header is really sent, and the extension works without a violation', run: cspRespected }],
  },
  {
    path: 'hostile/fight-back.html',
    terms: STORY,
    settle: 1_200,
    checks: [{ name: 'the page’s overrides do not reach the extension: legend and note cards work', run: uiWorks }],
  },
  {
    path: 'hostile/shadow-iframe.html',
    // In the light DOM, the open shadow root (Donetsk, Zaporizhzhia) and the srcdoc frame (Pokrovsk, Crimea, Kiev).
    terms: ['Kyiv', 'Volodymyr Zelensky', 'special military operation', 'Donetsk', 'Zaporizhzhia', 'Pokrovsk', 'Crimea', 'Kiev'],
    checks: [
      { name: 'annotates the paragraphs in the open shadow root and in the same-origin frame', run: shadowAndFrameAnnotated },
      { name: 'a note card opens on a click or a rest on a term in the shadow root, and in the frame', run: shadowAndFrameCards },
      { name: 'the popup reveals a demand in the shadow root and a term in the frame', run: shadowAndFrameRevealed },
      { name: 'leaves the page, its shadow root and its frame as they were', run: shadowAndFrameUntouched },
      { name: 'text the page adds inside the shadow root and the frame is annotated', run: shadowAndFrameUpdated },
    ],
  },
  { path: 'hostile/rtl.html', terms: STORY },
  {
    path: 'hostile/ticker.html',
    terms: STORY,
    settle: 2_000,
    checks: [
      {
        name: 'annotates the live update that lands in the article beside the ticker',
        run: liveUpdateAnnotated,
      },
    ],
  },
  { path: 'hostile/infinite.html', terms: [...STORY, 'Kharkiv', 'Mykolaiv'], settle: 4_000 },
  {
    path: 'hostile/client-rendered.html',
    terms: STORY,
    settle: 1_500,
    checks: [{ name: 'the freshly rendered article is the one annotated', run: rerenderAnnotated }],
  },
  {
    path: 'hostile/messages.html',
    terms: STORY,
    settle: 1_500,
    checks: [
      { name: 'nothing answers messages in the extension’s envelope; the spoofed state is ignored', run: envelopeIgnored },
      {
        name: 'tells the page nothing: no message from the extension reaches it',
        run: silent,
      },
      { name: 'the page cannot switch the extension off by replaying its start-up message', run: notSwitchedOff },
    ],
  },
  {
    path: 'hostile/big-dom.html',
    terms: STORY,
    checks: [{ name: `really ${BIG_DOM_NODES} nodes`, run: bigDomIsBig }],
  },
  {
    path: 'hostile/many-matches.html',
    terms: [...STORY, 'sham referendums', 'Kiev regime'],
    checks: [{ name: 'places all 10,000 matches and shows those near the viewport as the reader scrolls', run: allMatchesPainted }],
  },
  {
    path: 'hostile/huge.html',
    terms: STORY,
    checks: [{ name: 'the popup shows its summary, its megabytes of analysis fetched from the page in parts', run: hugeInPopup }],
  },
  {
    path: 'hostile/search-results.html',
    terms: [],
  },
  {
    path: 'hostile/homepage.html',
    terms: [],
  },
  { path: 'hostile/login-wall.html', terms: [] },
];

let h: Harness;
/** Page errors and console errors, by page URL. */
const pageErrors = new Map<string, string[]>();
const consoleErrors = new Map<string, string[]>();
let payloads = 0;
let tried = 0;
/** Pages annotated as articles: each must have its history record at the end. */
const annotated = new Set<string>();
let lostRecords = 0;
const add = (map: Map<string, string[]>, url: string | undefined, message: string) =>
  map.set(url ?? '', [...(map.get(url ?? '') ?? []), message]);

beforeAll(async () => {
  h = await launch({ generated: GENERATED });
  h.context.on('weberror', (e) => add(pageErrors, e.page()?.url(), e.error().message));
  // Network failures (the browser's favicon request) are no script's error.
  h.context.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) add(consoleErrors, m.page()?.url(), m.text());
  });
  // Before any page script: CSP violations. (How long our tasks run on these pages is the bench's: npm run bench.)
  await h.context.addInitScript(() => {
    const probe = window as unknown as Probe;
    probe.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => probe.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}, 90_000);

afterAll(async () => {
  const errors = [...pageErrors.entries()].filter(([url]) => url.includes('/hostile/')).flatMap(([, e]) => e).length;
  console.log(
    `hostile pages tried: ${tried}, page errors: ${errors}, executed payloads: ${payloads}, ` +
      `articles annotated: ${annotated.size}, history records lost: ${lostRecords}`,
  );
  await h?.close();
});

/** Opens the page and lets it settle. */
async function open(r: Row): Promise<Visit> {
  const page = await h.open(r.path);
  if ((await h.stateOf(await h.tabIdOf(page)))?.status === 'ready') annotated.add(page.url());
  await page.waitForTimeout(r.settle ?? 0);
  return { page };
}

/** The page's annotations: its highlights without the focus and flash a reveal adds for a moment. */
async function annotations(page: Page) {
  return (await readHighlights(page)).filter((x) => x.name !== 'framing-lens-focus' && x.name !== 'framing-lens-flash');
}

/** The terms of `terms` that some highlight covers. */
async function covered(page: Page, terms: string[]): Promise<string[]> {
  const texts = (await annotations(page)).map((x) => x.text);
  return terms.filter((term) => texts.some((t) => t.includes(term)));
}

const named = (name: string, bug?: string) => (bug ? `${name} [known bug: ${bug}]` : name);

describe.each(ROWS)('$path', (r) => {
  let v: Visit;
  beforeAll(async () => {
    tried++;
    v = await open(r);
  }, 90_000);
  afterAll(() => v?.page.close());

  it('raises no page error, logs no error and runs no payload', async () => {
    const pwned = await v.page.evaluate(() => (window as unknown as Probe).__pwned);
    if (pwned !== undefined) payloads++;
    expect(pageErrors.get(v.page.url()) ?? []).toEqual([]);
    // Our own failures go to the console; so do a framework's complaints and CSP refusals.
    expect(consoleErrors.get(v.page.url()) ?? []).toEqual([]);
    expect(pwned).toBeUndefined();
  });

  if (r.terms.length)
    (r.bugs?.highlights ? it.fails : it)(named('highlights its terms, inside the article only', r.bugs?.highlights), async () => {
      await expect.poll(() => covered(v.page, r.terms), { timeout: 5_000 }).toEqual(r.terms);
      const highlights = await annotations(v.page);
      expect(highlights.filter((x) => !x.inArticle || x.inChrome)).toEqual([]);
      // Ranges on nodes the page has since replaced would paint nothing.
      expect(highlights.filter((x) => !x.connected)).toEqual([]);
    });
  else
    (r.bugs?.noArticle ? it.fails : it)(named('finds no article and highlights nothing', r.bugs?.noArticle), async () => {
      expect(await annotations(v.page)).toEqual([]);
      const popup = await h.popup(v.page);
      try {
        expect(await popup.locator('h2').first().textContent()).toBe('No article found on this page');
      } finally {
        await popup.close();
      }
    });

  for (const check of r.checks ?? []) (check.bug ? it.fails : it)(named(check.name, check.bug), () => check.run(v));
});

async function injectionShownAsText({ page }: Visit) {
  // "Kiev" wrapped in a right-to-left override, right after the escaped markup.
  const point = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.nodeValue!.indexOf('\u202eKiev\u202c');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at + 1);
      range.setEnd(n, at + 5);
      n.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  const card = page.locator('framing-lens-ui [role="dialog"]');
  await expect.poll(() => card.count()).toBe(1);
  expect(await card.locator('.term').textContent()).toBe('Kiev');
  expect(await card.locator('img, script, a').count()).toBe(0);
  await page.keyboard.press('Escape');

  const popup = await h.popup(page);
  try {
    const sentences = await popup.locator('.sentence').allTextContents();
    expect(sentences.some((s) => s.includes('Donbas <script>window.__pwned=1</script> before any talks'))).toBe(true);
    expect(await popup.locator('.summary img, .summary script').count()).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as Probe).__pwned)).toBeUndefined();
  } finally {
    await popup.close();
  }
  expect(await page.evaluate(() => [document.title, (window as unknown as Probe).__pwned])).toEqual([
    'Fake Kyiv posts carried code, not news | The Kyiv Courier',
    undefined,
  ]);
}

async function cspRespected({ page }: Visit) {
  const response = await fetch(`${h.base}/hostile/csp.html`);
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'none'");
  expect(await page.evaluate(() => (window as unknown as Probe).__violations)).toEqual([]);
  expect(await page.locator('framing-lens-ui .legend').count()).toBe(1);
}

async function uiWorks({ page }: Visit) {
  expect(await page.locator('framing-lens-ui .legend').count()).toBe(1);
  await page.keyboard.press('Alt+Shift+KeyN');
  const card = page.locator('framing-lens-ui [role="dialog"]');
  await expect.poll(() => card.count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => card.count()).toBe(0);
}

async function shadowAndFrameAnnotated({ page }: Visit) {
  const highlights = await annotations(page);
  const inShadow = highlights.filter((x) => x.inShadow).map((x) => x.text);
  const inFrame = highlights.filter((x) => x.inFrame).map((x) => x.text);
  expect(inShadow).toEqual(expect.arrayContaining(['Donetsk', 'Luhansk', 'Zaporizhzhia', 'Kherson', 'Zelensky']));
  expect(inFrame).toEqual(expect.arrayContaining(['Donbas', 'Pokrovsk', 'Crimea', 'Kiev', 'Kyiv']));
  // The whole article was read: nothing it found is left unplaced.
  const state = await h.stateOf(await h.tabIdOf(page));
  expect(state?.status === 'ready' && state.unplaced).toEqual([]);
  // Shadow text is painted by the page's own rules; the frame has ours adopted into its document.
  expect(
    await page.evaluate(() => {
      const sheets = (d: Document | ShadowRoot) =>
        d.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(framing-lens-'))).length;
      return [
        sheets(document),
        sheets(document.querySelector('.story-continues')!.shadowRoot!),
        sheets(document.querySelector('iframe')!.contentDocument!),
      ];
    }),
  ).toEqual([1, 0, 1]);
  // ...and the text there takes our colours: in the shadow root by inheritance from the page's root.
  expect(
    await page.evaluate(() => {
      const holder = (root: ParentNode, word: string) => [...root.querySelectorAll('p')].find((e) => e.textContent!.includes(word))!;
      const frame = document.querySelector('iframe')!;
      return [
        getComputedStyle(holder(document.querySelector('.story-continues')!.shadowRoot!, 'Donetsk'), '::highlight(framing-lens-region)')
          .backgroundColor,
        frame.contentWindow!.getComputedStyle(holder(frame.contentDocument!, 'Donbas'), '::highlight(framing-lens-region)').backgroundColor,
      ];
    }),
  ).toEqual(['rgba(0, 158, 115, 0.16)', 'rgba(0, 158, 115, 0.16)']);
  await h.screenshot(page, 'hostile-shadow-iframe');
}

/** The middle of the first occurrence of `word` in a shadow root or the frame, in the page's viewport, scrolled into view. */
function pointAt(page: Page, word: string, where: 'shadow' | 'frame') {
  return page.evaluate(
    ([w, place]) => {
      const root: Node =
        place === 'shadow'
          ? document.querySelector('.story-continues')!.shadowRoot!
          : document.querySelector('iframe')!.contentDocument!.body;
      const doc = root.ownerDocument ?? (root as Document);
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.nodeValue!.indexOf(w);
        if (at < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const range = doc.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + w.length);
        const rect = range.getBoundingClientRect();
        const frame = place === 'frame' ? document.querySelector('iframe')!.getBoundingClientRect() : { left: 0, top: 0 };
        return { x: frame.left + rect.left + rect.width / 2, y: frame.top + rect.top + rect.height / 2, bottom: frame.top + rect.bottom };
      }
      return null;
    },
    [word, where] as const,
  );
}

async function shadowAndFrameCards({ page }: Visit) {
  const card = page.locator('framing-lens-ui [role="dialog"]');
  for (const [word, where, how] of [
    ['Zaporizhzhia', 'shadow', 'click'],
    ['Kherson', 'shadow', 'hover'],
    ['Pokrovsk', 'frame', 'click'],
    ['Kiev', 'frame', 'hover'],
  ] as const) {
    const point = await pointAt(page, word, where);
    expect(point, word).not.toBeNull();
    await page.waitForTimeout(100);
    if (how === 'click') await page.mouse.click(point!.x, point!.y);
    else {
      await page.mouse.move(point!.x - 3, point!.y);
      await page.mouse.move(point!.x, point!.y);
    }
    await expect.poll(() => card.locator('.term').textContent(), { timeout: 3_000 }).toBe(word);
    // Beside its term, wherever the term sits.
    const box = (await card.boundingBox())!;
    expect(Math.abs(box.y - (point!.bottom + 8)), `${word}: card at ${box.y}, term ends at ${point!.bottom}`).toBeLessThan(3);
    if (word === 'Zaporizhzhia') await h.screenshot(page, 'hostile-shadow-card');
    if (word === 'Pokrovsk') await h.screenshot(page, 'hostile-frame-card');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await page.mouse.move(0, 0);
  }
}

async function shadowAndFrameRevealed({ page }: Visit) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const flashed = () =>
    page.evaluate(() => {
      const frame = document.querySelector('iframe')!.contentDocument!;
      for (const doc of [document, frame]) {
        const flash = doc.defaultView!.CSS.highlights.get('framing-lens-flash');
        if (!flash) continue;
        const [r] = [...flash] as StaticRange[];
        const range = doc.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getBoundingClientRect();
        const top = doc === document ? rect.top : rect.top + document.querySelector('iframe')!.getBoundingClientRect().top;
        // A third of the way down, unless the page ends first.
        const third = Math.abs(top - innerHeight / 3) < 30 || scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
        return { text: range.toString(), inShadow: r.startContainer.getRootNode() instanceof ShadowRoot, inFrame: doc === frame, third };
      }
      return null;
    });
  const popup = await h.popup(page);
  try {
    await popup.locator('summary.demand', { hasText: 'withdraw' }).first().click();
    // Opening the demand asks the page to reveal it, in the task after the click: the popup stays open till then.
    await expect.poll(flashed).not.toBeNull();
  } finally {
    await popup.close();
  }
  const demand = await flashed();
  expect(demand).toMatchObject({ inShadow: true, inFrame: false, third: true });
  expect(demand!.text).toContain('Putin has demanded that Ukraine withdraw its troops');

  // A term in the frame, as the popup asks for it.
  const state = await h.stateOf(await h.tabIdOf(page));
  const index = state?.status === 'ready' ? state.analysis.matches.findIndex((m) => m.surface === 'Pokrovsk') : -1;
  expect(index).toBeGreaterThanOrEqual(0);
  const revealed = await h.worker.evaluate(
    ([id, i]) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(
        id,
        {
          protocol: 'framing-lens',
          name: 'reveal',
          arg: { kind: 'match', index: i },
        },
      ),
    [await h.tabIdOf(page), index] as const,
  );
  expect(revealed).toBe(true);
  const term = await flashed();
  expect(term).toMatchObject({ text: 'Pokrovsk', inFrame: true, third: true });
  expect(await page.locator('framing-lens-ui [role="dialog"] .term').textContent()).toBe('Pokrovsk');
  await page.keyboard.press('Escape');
}

async function shadowAndFrameUntouched({ page }: Visit) {
  // The article as the source makes it (its declarative shadow root attached, its frame's srcdoc parsed) against the live one.
  const [live, source] = await page.evaluate(async () => {
    const snapshot = (doc: Document, frameBody: string) => {
      const host = doc.querySelector('.story-continues')!;
      return {
        article: doc.querySelector('article')!.getHTML({ shadowRoots: [host.shadowRoot!] }),
        frame: frameBody,
        shadowSheets: host.shadowRoot!.adoptedStyleSheets.length,
      };
    };
    const parse = (html: string) => (Document as unknown as { parseHTMLUnsafe(html: string): Document }).parseHTMLUnsafe(html);
    const frame = document.querySelector('iframe')!;
    const source = parse(await (await fetch(location.href)).text());
    return [
      snapshot(document, frame.contentDocument!.body.getHTML()),
      snapshot(source, parse(source.querySelector('iframe')!.getAttribute('srcdoc')!).body.getHTML()),
    ];
  });
  expect(live.article).toContain('withdraw its troops');
  expect(live.frame).toContain('Pokrovsk');
  expect(live).toEqual(source);
}

async function shadowAndFrameUpdated({ page }: Visit) {
  await page.evaluate(() => {
    const add = (parent: Node, text: string) => parent.appendChild(parent.ownerDocument!.createElement('p')).append(text);
    add(
      document.querySelector('.story-continues')!.shadowRoot!,
      'Overnight, Russian glide bombs also struck residential districts of Kharkiv, the regional governor said, wounding eleven people.',
    );
    add(
      document.querySelector('iframe')!.contentDocument!.body,
      'Air raid alerts sounded across the south, and the port of Odesa closed its terminals for several hours as drones approached.',
    );
  });
  await expect
    .poll(async () => (await annotations(page)).filter((x) => x.inShadow || x.inFrame).map((x) => x.text), { timeout: 5_000 })
    .toEqual(expect.arrayContaining(['Kharkiv', 'Odesa']));
}

async function liveUpdateAnnotated({ page }: Visit) {
  expect(await page.locator('article p', { hasText: 'Odesa region' }).count()).toBe(1);
  await expect.poll(() => covered(page, ['Odesa']), { timeout: 5_000 }).toEqual(['Odesa']);
}

async function rerenderAnnotated({ page }: Visit) {
  expect(await page.evaluate(() => (window as unknown as Probe).__hydrated)).toBe(true);
  const highlights = await annotations(page);
  expect(highlights.length).toBeGreaterThan(10);
  expect(highlights.filter((x) => !x.connected)).toEqual([]);
}

/** What messages.html overheard that it did not send itself. */
const overheard = (page: Page) => page.evaluate(() => (window as unknown as Probe).__answers);

async function envelopeIgnored({ page }: Visit) {
  expect((await overheard(page))!.filter((a) => JSON.stringify(a).includes('framing-lens'))).toEqual([]);
  const popup = await h.popup(page);
  try {
    expect(await popup.locator('.summary').count()).toBe(1);
  } finally {
    await popup.close();
  }
}

async function silent({ page }: Visit) {
  expect(await overheard(page)).toEqual([]);
}

async function notSwitchedOff({ page }: Visit) {
  await page.waitForTimeout(500);
  expect(await page.locator('framing-lens-ui .legend').count()).toBe(1);
  await page.keyboard.press('Alt+Shift+KeyN');
  await expect.poll(() => page.locator('framing-lens-ui [role="dialog"]').count()).toBe(1);
  await page.keyboard.press('Escape');
}

async function bigDomIsBig({ page }: Visit) {
  const nodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  });
  expect(nodes).toBeGreaterThanOrEqual(BIG_DOM_NODES);
}

async function hugeInPopup({ page }: Visit) {
  const tabId = await h.tabIdOf(page);
  const sent = await h.ask(tabId, 'getState');
  // Long enough that it crosses in parts (lib/runtime/channel), which the popup fetches.
  expect(sent?.status === 'ready' && sent.analysis.found.length).toBeGreaterThan(4 * PART_CHARS);
  const state = await h.stateOf(tabId);
  if (state?.status !== 'ready') throw new Error(`not annotated: ${state?.status}`);
  const popup = await h.popup(page);
  try {
    const { analysis } = state;
    expect(await popup.locator('.summary h1').textContent()).toBe(analysis.article.title);
    // The counts are the page's own, all of its thousands of annotations.
    expect(await popup.locator('.counts .count-region strong').textContent()).toBe(String(analysis.summary.counts.region));
    expect(analysis.summary.counts.region).toBeGreaterThan(1000);
  } finally {
    await popup.close();
  }
}

async function allMatchesPainted({ page }: Visit) {
  const state = await h.stateOf(await h.tabIdOf(page));
  expect(state?.status === 'ready' && state.placed).toBeGreaterThanOrEqual(10_000);
  // Above lib/paint's WINDOW_ABOVE, only ranges near the viewport are in the highlights...
  const atTop = await annotations(page);
  expect(atTop.length).toBeGreaterThan(0);
  expect(atTop.length).toBeLessThan(10_000);
  // ...and the end of the article gets its own once it is scrolled to.
  const lastWords = await page.evaluate(() => {
    const paragraphs = document.querySelectorAll('article p');
    const last = paragraphs[paragraphs.length - 1];
    last.scrollIntoView();
    return last.textContent ?? '';
  });
  await expect
    .poll(async () => (await annotations(page)).some((r) => r.connected && r.inArticle && !r.inChrome && lastWords.includes(r.text)), {
      timeout: 5000,
    })
    .toBe(true);
}

describe('after every hostile page', () => {
  it('kept a history record of every article it annotated: none lost', async () => {
    const ids = (await h.history()).map((r) => r.id);
    const lost = [...annotated].filter((url) => !ids.includes(url));
    lostRecords = lost.length;
    expect(annotated.size).toBeGreaterThan(5);
    expect(lost).toEqual([]);
  });
});
