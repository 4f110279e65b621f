import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { createAnalyzer } from '../../lib/analysis/service';
import { fromWire, toWire } from '../../lib/analysis/wire';
import { parseHtml } from '../../lib/cli/dom';
import { encode, encodeSent, type SentPageState } from '../../lib/messaging';
import { readFixture, SEEDS } from '../support/fixtures';

const engine = builtinEngines();
const pages = [...SEEDS.map((s) => ({ name: s.name, html: s.html })), { name: 'cyrillic', html: readFixture('pages/cyrillic.html') }];
const noChoice = { packs: {}, userPack: null };

describe.each(pages)('$name', ({ html }) => {
  const result = analyzeDocument(parseHtml(html), engine, 'https://example.org/a');

  it('crosses between contexts and comes back the same analysis, key order included', () => {
    const wire = toWire(result);
    // Through JSON, as runtime messages are.
    const back = fromWire(JSON.parse(JSON.stringify(wire)));
    expect(back.ok && back.analysis).toEqual(result.ok && result.analysis);
    expect(JSON.stringify(back.ok && back.analysis)).toBe(JSON.stringify(result.ok && result.analysis));
  });

  it("leaves the page in its state with the analyser's JSON text spliced in, the same as serialising it whole", () => {
    const wire = toWire(result);
    if (!wire.ok) throw new Error('no article');
    const state = { status: 'ready' as const, url: 'https://example.org/a', placed: 3, unplaced: [4], timings: { total: 5 } };
    const sent = encodeSent(state, encode(wire));
    expect(JSON.parse(sent)).toEqual({ ...state, result: wire } satisfies SentPageState);
    expect(JSON.parse(encodeSent({ status: 'no-article', url: 'u', message: 'm' }))).toEqual({
      status: 'no-article',
      url: 'u',
      message: 'm',
    });
  });

  it('is what the analyser answers for the page as HTML', () => {
    const analyzer = createAnalyzer(parseHtml);
    const { reply } = analyzer.analyzePage({ html, url: 'https://example.org/a', lexicon: noChoice });
    expect(reply.result).toEqual(toWire(result));
    expect(Object.keys(reply.timings)).toEqual(expect.arrayContaining(['parse', 'extract', 'match', 'demands']));
  });
});

it('sends a long article in a fraction of its analysis', () => {
  // Seed 1's article forty times over: the repetition the wire format leaves out.
  const long = SEEDS[0].html.replace(
    /(<article[^>]*>)([\s\S]*?)(<\/article>)/,
    (_, open: string, body: string, close: string) => open + body.repeat(40) + close,
  );
  const result = analyzeDocument(parseHtml(long), engine, 'u');
  expect(result.ok && result.analysis.matches.length).toBeGreaterThan(1000);
  expect(JSON.stringify(toWire(result)).length).toBeLessThan(0.5 * JSON.stringify(result.ok && result.analysis).length);
});

describe('the analyser', () => {
  it('compiles a lexicon once for every page that uses it, and again when the choice changes', () => {
    const analyzer = createAnalyzer(parseHtml);
    const [seed] = SEEDS;
    const first = analyzer.analyzePage({ html: seed.html, url: 'u', lexicon: noChoice }).reply;
    const second = analyzer.analyzePage({ html: seed.html, url: 'u', lexicon: noChoice }).reply;
    expect(first.timings.compile).toBeGreaterThan(second.timings.compile! * 10);
    // Switching the built-in pack off leaves no lexicon for English, and the reader is told so.
    const off = analyzer.analyzePage({ html: seed.html, url: 'u', lexicon: { packs: { 'russia-ukraine': false }, userPack: null } }).reply;
    expect(off.result).toMatchObject({ ok: false, reason: 'unsupported-language', lang: 'en' });
  });

  it('says when a page has no article', () => {
    const { reply, record } = createAnalyzer(parseHtml).analyzePage({
      html: readFixture('pages/no-article.html'),
      url: 'u',
      lexicon: noChoice,
    });
    expect(reply.result).toMatchObject({ ok: false, reason: 'no-article' });
    expect(record()).toBeNull();
  });

  it('keeps the history record for later: the page gets its answer first', () => {
    const { record } = createAnalyzer(parseHtml).analyzePage({ html: SEEDS[0].html, url: 'https://example.org/a', lexicon: noChoice });
    expect(record()).toMatchObject({ schema: 'framing-lens/article@1', id: 'https://example.org/a' });
  });
});
