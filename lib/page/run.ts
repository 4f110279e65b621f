/**
 * One annotation pass over the page: send it to the analyser, read the page's own text meanwhile, then
 * anchor and paint the matches it answers with (a long article's opening first, then the whole), while
 * it finds the demands. The analysis runs in the analyser, away from the page's main thread; here is
 * the DOM work, cut into slices between which the page's own tasks run.
 */
import { requestAnalysis, requestDemands, requestMatches } from '../runtime/analyzer-client';
import type { Found } from '../analysis/analyze';
import type { LexiconChoice } from '../analysis/analyzer';
import { completeFound, unpackFound, type WireDemands } from '../runtime/wire';
import { createAnchor } from '../anchor/anchor';
import { composedTextContent, sameComposition, serializeComposed, type Composition } from '../extract/composed';
import { withoutCode } from '../extract/lean';
import { collectTextInSlices, type CollectedText } from '../extract/text';
import type { Category, Entry, Party } from '../lexicon/types';
import type { PageState, PipelineTimings, SentPageState } from '../runtime/protocol';
import { clearAll, installStyles, paint, type Painted } from '../paint/paint';
import { yieldToPage } from '../slices';
import { timed } from '../timing';

/** The longest stretch the page's main thread is ours while reading a long page. */
const SLICE_MS = 12;

export interface PassInput {
  lexicon: LexiconChoice;
  hidden: ReadonlySet<Category>;
  /** The page's open shadow roots and same-origin frames as last read (null: none). */
  composition: Composition | null;
  /** Told the composition as soon as the pass knows it, before the analyser answers. */
  onComposition(c: Composition | null): void;
  /** Stage timings, in the bench's build only (lib/timing). */
  timings?: PipelineTimings;
}

export interface Pass {
  state: PageState;
  /** The same state as it leaves the page: its analysis as the text the analyser sent. */
  sent: SentPageState;
  painted: (Painted | null)[];
  /** Body matches (indexes into the analysis' matches) that could not be found on the page. */
  unplaced: number[];
  /** The lexicon entries and parties the analysis matched, for note cards and labels. */
  entries: ReadonlyMap<string, Entry>;
  parties: ReadonlyMap<string, Party>;
  /** The page's text as read for anchoring (null: no article painted). */
  live: CollectedText | null;
  composition: Composition | null;
  /** The composed text the pass annotated: a change that leaves it alone needs no new pass. */
  annotatedText: string;
}

export async function runPass(input: PassInput): Promise<Pass> {
  const { timings } = input;
  const url = location.href;
  let composition = input.composition;
  let annotatedText = composedTextContent(document, composition);
  const empty = { painted: [], unplaced: [], entries: new Map(), parties: new Map(), live: null };
  const done = (state: Exclude<PageState, { status: 'ready' }>): Pass => {
    clearAll();
    return { state, sent: state, ...empty, composition, annotatedText };
  };
  try {
    await yieldToPage();
    // The page as it stands, scripts' changes included; the analyser parses its own copy, with the
    // shadow roots and frames last read flattened into it where they sit.
    const ask = () => {
      const html = timed(timings, 'serialize', () =>
        withoutCode(
          // eslint-disable-next-line no-restricted-properties -- read, never written
          composition ? serializeComposed(document, composition) : document.documentElement.outerHTML,
          document,
        ),
      );
      return requestAnalysis({ html, url, lexicon: input.lexicon });
    };
    let asked = ask();
    // Our highlight rules now: the page restyles for them while the analyser works.
    installStyles(document);
    // Serialising and sending a long page took a while: the page's own tasks first.
    await yieldToPage();
    // While the analyser works, the page's own text is read for anchoring, in slices.
    const body = document.body;
    const text = body
      ? await timed(timings, 'collect', () => collectTextInSlices(body, { map: true, composed: true, sliceMs: SLICE_MS }))
      : null;
    if (text && !sameComposition(composition, text.composition ?? null)) {
      // The walk met shadow roots or frames the serialisation did not have (a first visit, a new
      // component): the analyser is asked again, with the page as the walk read it.
      composition = text.composition ?? null;
      annotatedText = composedTextContent(document, composition);
      asked.catch(() => undefined);
      asked = ask();
    }
    input.onComposition(composition);
    const reply = await timed(timings, 'wait', () => asked);
    if (timings && reply.debug) Object.assign(timings, reply.debug.timings, { transit: reply.debug.transit });
    // The answer took a while to read in (a long article's is megabytes): the page's own tasks first.
    await yieldToPage();
    // Reading megabytes of JSON is a task's worth: rebuilding the matches gets its own.
    const result = await timed(timings, 'rebuild', () => unpackFound(reply.found, yieldToPage));
    if (!result.ok && result.reason === 'unsupported-language')
      return done({ status: 'unsupported-language', url, lang: result.lang, message: result.message });
    if (!result.ok || !text || (!reply.ticket && reply.demands === undefined))
      return done({ status: 'no-article', url, message: result.ok ? '' : result.message });
    let { entries } = result;
    const { ticket } = reply;
    // A long article's later steps, asked now, each come as soon as the analyser has them: the whole
    // article's matches after its opening's, then the demands. A short one's came with its matches.
    const wholeAsked = ticket ? requestMatches(ticket) : null;
    const demandsAsked = ticket ? requestDemands(ticket) : Promise.resolve({ demands: reply.demands!, debug: undefined });
    for (const asked of [wholeAsked, demandsAsked]) asked?.catch(() => undefined);
    const place = async (found: Found) => {
      await yieldToPage();
      const anchor = timed(timings, 'anchor', () => createAnchor(text, found.article));
      // Each match is placed as it is painted: both run in slices.
      return timed(timings, 'paint', () =>
        paint(
          document,
          found.matches.map((m) => m.category),
          (i) => (found.matches[i].field === 'body' ? anchor.place(found.matches[i]) : null),
          input.hidden,
          SLICE_MS,
        ),
      );
    };
    let painted = await place(result.found);
    if (timings) timings.firstHighlight = performance.now() - timings.startedAt!;
    let { found } = result;
    let foundText = reply.found;
    if (wholeAsked) {
      const whole = await timed(timings, 'matchesWait', () => wholeAsked);
      await yieldToPage();
      const rebuilt = await timed(timings, 'rebuild', () => unpackFound(whole.found, yieldToPage));
      if (!rebuilt.ok) throw new Error(rebuilt.message);
      ({ found } = rebuilt);
      entries = rebuilt.entries;
      foundText = whole.found;
      painted = await place(found);
    }
    const demands = await timed(timings, 'demandsWait', () => demandsAsked);
    if (timings && demands.debug) Object.assign(timings, demands.debug.timings);
    const { analysis, parties } = completeFound(found, JSON.parse(demands.demands) as WireDemands);
    const placed = painted.filter(Boolean).length;
    const unplaced = analysis.matches.flatMap((m, i) => (m.field === 'body' && !painted[i] ? [i] : []));
    if (timings) timings.total = performance.now() - timings.startedAt!;
    const debug = timings && { debug: { timings } };
    const state: PageState = { status: 'ready', analysis, url, placed, unplaced, ...debug };
    return {
      state,
      // `timings` is the same object in both: the overlay's time, measured after, goes too.
      sent: { status: 'ready', analysis: { found: foundText, demands: demands.demands }, url, placed, unplaced, ...debug },
      painted,
      unplaced,
      entries,
      parties,
      live: text,
      composition,
      annotatedText,
    };
  } catch (e) {
    // Our own failure: reported to our console and the popup, never thrown into the page.
    console.error('[Framing Lens]', e);
    return done({ status: 'error', url, message: e instanceof Error ? e.message : String(e) });
  }
}
