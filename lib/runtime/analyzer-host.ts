/** Serving the analyser where it runs (Chrome's offscreen document, Firefox's background page). */
import type { ArticleRecord } from '../history/record';
import { createAnalyzer } from '../analysis/analyzer';
import { serve, type AnalyzerProtocol } from './protocol';
import { packDemands, packFound } from './wire';
import { TIMINGS_ON } from '../timing';
import type { Timings } from '../analysis/analyze';

/** How long an article's demands wait for its page to ask for them. */
const TICKET_MS = 60_000;

/** `remember` takes each article's history record, once the page has its whole answer. */
export function serveAnalyzer(remember: (record: ArticleRecord) => unknown): void {
  const parser = new DOMParser();
  const analyzer = createAnalyzer((html) => parser.parseFromString(html, 'text/html'));
  /** Per ticket: the article's demands, being found, and its history record. */
  const pending = new Map<string, { demands: Promise<string>; timings?: Timings; record(): ArticleRecord | null }>();
  const keep = (record: () => ArticleRecord | null) => {
    const r = record();
    if (r) void remember(r);
  };
  serve<AnalyzerProtocol>({
    analyzePage(request, _sender, fetched) {
      const received = performance.now();
      const timings: Timings | undefined = TIMINGS_ON ? {} : undefined;
      const { result, record } = analyzer.analyzePage(request, timings);
      const found = packFound(result);
      const debug = timings && { debug: { timings: { ...timings }, handled: performance.now() - received } };
      if (!result.ok) return { found, ticket: null, ...debug };
      // The demands are found once the matches have wholly gone (a long article's come in parts, which
      // this thread serves): the page paints meanwhile.
      const ticket = crypto.randomUUID();
      const demands = fetched.then(() => packDemands(result.staged));
      pending.set(ticket, { demands, timings, record });
      setTimeout(() => {
        // A page that went before it asked: its article was read all the same.
        if (pending.delete(ticket)) keep(record);
      }, TICKET_MS);
      return { found, ticket, ...debug };
    },
    async demandsOf(ticket, _sender, fetched) {
      const asked = pending.get(ticket);
      if (!asked) return null;
      pending.delete(ticket);
      const received = performance.now();
      const demands = await asked.demands;
      // The record waits until the page has its whole answer: made before, it held up the parts.
      void fetched.then(() => keep(asked.record));
      const { timings } = asked;
      return { demands, ...(timings && { debug: { timings, handled: performance.now() - received } }) };
    },
  });
}
