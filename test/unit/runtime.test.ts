import { fakeBrowser } from '../support/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeDocument, builtinEngines, stageDocument, type StagedResult, type Timings } from '../../lib/analysis/analyze';
import { createAnalyzer } from '../../lib/analysis/analyzer';
import { completeFound, demandsToWire, foundFromWire, foundToWire, packAnalysis, unpackAnalysis } from '../../lib/runtime/wire';
import { parseHtml } from '../../lib/cli/dom';
import type { Match } from '../../lib/match/matcher';
import { sendToAnalyzer, serve, type AnalyzerProtocol } from '../../lib/runtime/protocol';
import { PART_CHARS } from '../../lib/runtime/parts';
import { send } from '../../lib/runtime/channel';
import { readFixture, SEEDS } from '../support/fixtures';

const engine = builtinEngines();
const pages = [...SEEDS.map((s) => ({ name: s.name, html: s.html })), { name: 'cyrillic', html: readFixture('pages/cyrillic.html') }];
const noChoice = { packs: {}, userPack: null };

describe.each(pages)('$name', ({ html }) => {
  const result = analyzeDocument(parseHtml(html), engine, 'https://example.org/a');
  const staged = stageDocument(parseHtml(html), engine, 'https://example.org/a');

  it('crosses between contexts in two steps and comes back the same analysis, key order included', () => {
    if (!staged.ok) throw new Error('no article');
    // Through JSON, as runtime messages are.
    const found = foundFromWire(JSON.parse(JSON.stringify(foundToWire(staged))));
    if (!found.ok) throw new Error('no article');
    const back = completeFound(found.found, JSON.parse(JSON.stringify(demandsToWire(staged.staged))));
    expect(back.analysis).toEqual(result.ok && result.analysis);
    expect(JSON.stringify(back.analysis)).toBe(JSON.stringify(result.ok && result.analysis));
  });

  it('the first step holds the article and its matches, and nothing of the demands', () => {
    const found = foundFromWire(foundToWire(staged));
    expect(found.ok && found.found.matches).toEqual(result.ok && result.analysis.matches);
    expect(Object.keys(found.ok ? found.found : {})).toEqual(['schema', 'url', 'article', 'lexicon', 'matches']);
  });

  it('is sent as text and received as the same analysis, with a pause between reading and rebuilding', async () => {
    const steps: string[] = [];
    const parse = vi.spyOn(JSON, 'parse');
    const back = await unpackAnalysis(packAnalysis(staged), async () => void steps.push(`paused after ${parse.mock.calls.length} parse`));
    parse.mockRestore();
    expect(steps).toEqual(['paused after 1 parse']);
    expect(back.ok && back.analysis).toEqual(result.ok && result.analysis);
  });

  it('is what the analyser answers for the page as HTML: the matches at once, the demands when asked', () => {
    const analyzer = createAnalyzer(parseHtml);
    const timings: Timings = {};
    const answer = analyzer.analyzePage({ html, url: 'https://example.org/a', lexicon: noChoice }, timings);
    expect(foundToWire(answer.result)).toEqual(foundToWire(staged));
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['parse', 'extract', 'match']));
    expect(timings.demands).toBeUndefined();
    if (!answer.result.ok) throw new Error('no article');
    expect(demandsToWire(answer.result.staged)).toEqual(staged.ok && demandsToWire(staged.staged));
    expect(timings.demands).toBeGreaterThan(0);
  });
});

it('sends a long article in a fraction of its analysis', () => {
  // Seed 1's article forty times over: the repetition the wire format leaves out.
  const long = SEEDS[0].html.replace(
    /(<article[^>]*>)([\s\S]*?)(<\/article>)/,
    (_, open: string, body: string, close: string) => open + body.repeat(40) + close,
  );
  const staged: StagedResult = stageDocument(parseHtml(long), engine, 'u');
  if (!staged.ok) throw new Error('no article');
  const analysis = staged.staged.complete();
  expect(analysis.matches.length).toBeGreaterThan(1000);
  const sent = packAnalysis(staged);
  expect(sent.found.length + sent.demands.length).toBeLessThan(0.5 * JSON.stringify(analysis).length);
});

describe('a long article’s opening, painted first', () => {
  const long = SEEDS[0].html.replace(
    /(<article[^>]*>)([\s\S]*?)(<\/article>)/,
    (_, open: string, body: string, close: string) => open + body.repeat(12) + close,
  );
  const staged = stageDocument(parseHtml(long), engine, 'u');
  if (!staged.ok) throw new Error('no article');
  const whole = staged.staged.found();
  const opening = staged.staged.opening(4000)!;

  it('is the article’s first paragraphs, to the end of the one that reaches the length asked', () => {
    const { article } = opening;
    expect(whole.article.text.startsWith(article.text)).toBe(true);
    expect(article.text.length).toBeGreaterThanOrEqual(4000);
    expect(article.paragraphs.at(-1)!.end).toBe(article.text.length);
    expect(article.paragraphs).toEqual(whole.article.paragraphs.slice(0, article.paragraphs.length));
    expect(article.paragraphs.at(-2)!.end).toBeLessThan(4000);
  });

  it('its matches are the whole article’s there', () => {
    const key = (m: Match) => `${m.field} ${m.start} ${m.end} ${m.termId} ${m.variant} ${m.category}`;
    const inOpening = whole.matches.filter((m) => m.field === 'title' || m.end <= opening.article.text.length);
    expect(opening.matches.length).toBeGreaterThan(10);
    expect(opening.matches.map(key)).toEqual(inOpening.map(key));
  });

  it('a short article has none: it is matched whole at once', () => {
    const seed = stageDocument(parseHtml(SEEDS[0].html), engine, 'u');
    expect(seed.ok && seed.staged.opening(4000)).toBeNull();
  });
});

describe('the analyser', () => {
  it('compiles a lexicon once for every page that uses it, and again when the choice changes', () => {
    const analyzer = createAnalyzer(parseHtml);
    const [seed] = SEEDS;
    const engineOf = (lexicon = noChoice) => {
      const { result } = analyzer.analyzePage({ html: seed.html, url: 'u', lexicon });
      return result.ok ? result.staged.engine : null;
    };
    const first = engineOf();
    expect(first).not.toBeNull();
    expect(engineOf()).toBe(first);
    // The same choice made anew is the same lexicon.
    expect(engineOf({ packs: {}, userPack: null })).toBe(first);
    expect(engineOf({ packs: { 'russia-ukraine': true }, userPack: null })).not.toBe(first);
    // Switching the built-in pack off leaves no lexicon for English, and the reader is told so.
    const off = analyzer.analyzePage({ html: seed.html, url: 'u', lexicon: { packs: { 'russia-ukraine': false }, userPack: null } });
    expect(off.result).toMatchObject({ ok: false, reason: 'unsupported-language', lang: 'en' });
  });

  it('says when a page has no article', () => {
    const { result, record } = createAnalyzer(parseHtml).analyzePage({
      html: readFixture('pages/no-article.html'),
      url: 'u',
      lexicon: noChoice,
    });
    expect(result).toMatchObject({ ok: false, reason: 'no-article' });
    expect(record()).toBeNull();
  });

  it('keeps the history record for later: the page gets its answer first', () => {
    const { record } = createAnalyzer(parseHtml).analyzePage({ html: SEEDS[0].html, url: 'https://example.org/a', lexicon: noChoice });
    expect(record()).toMatchObject({ schema: 'framing-lens/article@1', id: 'https://example.org/a' });
  });
});

describe('messages between contexts', () => {
  /** Chrome's runtime messaging: every listener of the extension hears it, the first answer wins, all as JSON. */
  const posted: { name: string }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { name: string }) => {
    posted.push(message);
    const answers = await fakeBrowser.runtime.onMessage.trigger(JSON.parse(JSON.stringify(message)), { id: fakeBrowser.runtime.id });
    const answer = answers.find((a: unknown) => a !== undefined);
    return answer === undefined ? undefined : JSON.parse(JSON.stringify(answer));
  }) as never);
  afterEach(() => {
    posted.length = 0;
    fakeBrowser.runtime.onMessage.removeAllListeners();
  });

  const long = 'Київ Kyiv '.repeat(PART_CHARS / 3);
  const reply = { found: long, ticket: 't', debug: { timings: { parse: 1 }, handled: 2 } };

  it('a long text in a reply crosses in parts and arrives whole; the server learns when it has all gone', async () => {
    let fetched = false;
    serve<AnalyzerProtocol>({
      analyzePage: (_request, _sender, done) => (void done.then(() => (fetched = true)), reply),
    });
    // Another context serving other messages stays silent, for parts too.
    serve<{ other(): string }>({ other: () => 'no' });
    const got = await sendToAnalyzer('analyzePage', { html: '', url: 'u', lexicon: noChoice });
    expect(got).toEqual(reply);
    expect(posted.map((m) => m.name)).toEqual(['analyzePage', 'part', 'part', 'part', 'part']);
    await new Promise((r) => setTimeout(r));
    expect(fetched).toBe(true);
    // Long texts in nested fields cross in parts too (a page's state holds the analysis' two steps).
    // (Here, not in a test of its own: the listener serving parts is set up once per context.)
    posted.length = 0;
    const nested = { status: 'ready', analysis: { found: long, demands: 'short' }, placed: 3 };
    serve<{ nested(): typeof nested }>({ nested: () => nested });
    expect(await send({}, 'nested', undefined)).toEqual(nested);
    expect(posted.map((m) => m.name)).toEqual(['nested', 'part', 'part', 'part', 'part']);
  });

  it('a short reply crosses whole, and the server learns in the next task', async () => {
    const order: string[] = [];
    serve<AnalyzerProtocol>({
      analyzePage: (_request, _sender, done) => (void done.then(() => order.push('fetched')), { ...reply, found: 'short' }),
    });
    expect(await sendToAnalyzer('analyzePage', { html: '', url: 'u', lexicon: noChoice })).toEqual({ ...reply, found: 'short' });
    expect(posted).toHaveLength(1);
    await new Promise((r) => setTimeout(r));
    expect(order).toEqual(['fetched']);
  });

  it('leaves messages from anything but this extension unanswered', async () => {
    serve<AnalyzerProtocol>({ analyzePage: () => reply });
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { protocol: 'framing-lens', name: 'analyzePage', arg: {} },
      { id: 'another-extension' },
    );
    expect(answers.filter((a: unknown) => a !== undefined)).toEqual([]);
  });
});
