/** Serving the analyser where it runs (Chrome's offscreen document, Firefox's background page). */
import type { ArticleRecord } from '../history/record';
import { createAnalyzer } from '../analysis/analyzer';
import { serve, type AnalyzerProtocol } from './protocol';
import { packDemands, packFound } from './wire';
import { TIMINGS_ON } from '../timing';
import type { Timings } from '../analysis/analyze';

/** How long an article's later steps wait for its page to ask for them. */
const TICKET_MS = 60_000;
/**
 * A long article's opening, sent first: about two screens of text, matched in a millisecond or two,
 * painted while the whole article is matched.
 */
export const OPENING_CHARS = 4000;

/** A long article's later steps: the first answer held its opening only. */
interface Pending {
  whole: Promise<string>;
  demands: Promise<string>;
  /** Starts the demands once what comes before them has wholly gone (this thread serves its parts). */
  after(gone: Promise<void>): void;
  timings?: Timings;
  record(): ArticleRecord | null;
}

/** `remember` takes each article's history record, once the page has its whole answer. */
export function serveAnalyzer(remember: (record: ArticleRecord) => unknown): void {
  const parser = new DOMParser();
  const analyzer = createAnalyzer((html) => parser.parseFromString(html, 'text/html'));
  const pending = new Map<string, Pending>();
  const keep = (record: () => ArticleRecord | null) => {
    const r = record();
    if (r) void remember(r);
  };
  const debugOf = (timings: Timings | undefined, received: number) =>
    timings && { debug: { timings: { ...timings }, handled: performance.now() - received } };
  serve<AnalyzerProtocol>({
    analyzePage(request, _sender, fetched) {
      const received = performance.now();
      const timings: Timings | undefined = TIMINGS_ON ? {} : undefined;
      const { result, record } = analyzer.analyzePage(request, timings);
      if (!result.ok) return { found: packFound(result), ticket: null, ...debugOf(timings, received) };
      const opening = result.staged.opening(OPENING_CHARS);
      const found = packFound(result, opening ?? undefined);
      if (!opening) {
        const demands = packDemands(result.staged);
        void fetched.then(() => keep(record));
        return { found, ticket: null, demands, ...debugOf(timings, received) };
      }
      let after!: (gone: Promise<void>) => void;
      const demands = new Promise<void>((resolve) => (after = (gone) => void gone.then(resolve))).then(() => packDemands(result.staged));
      // The page paints the opening meanwhile.
      const whole = fetched.then(() => packFound(result));
      const ticket = crypto.randomUUID();
      pending.set(ticket, { whole, demands, after, timings, record });
      setTimeout(() => {
        // A page that went before it asked: its article was read all the same.
        if (pending.delete(ticket)) keep(record);
      }, TICKET_MS);
      return { found, ticket, ...debugOf(timings, received) };
    },
    async matchesOf(ticket, _sender, fetched) {
      const asked = pending.get(ticket);
      if (!asked) return null;
      const received = performance.now();
      const found = await asked.whole;
      asked.after(fetched);
      return { found, ...debugOf(asked.timings, received) };
    },
    async demandsOf(ticket, _sender, fetched) {
      const asked = pending.get(ticket);
      if (!asked) return null;
      const received = performance.now();
      const demands = await asked.demands;
      // The last step: the ticket is done with.
      pending.delete(ticket);
      // The record waits until the page has its whole answer: made before, it held up the parts.
      void fetched.then(() => keep(asked.record));
      return { demands, ...debugOf(asked.timings, received) };
    },
  });
}
