/** Serving the analyser where it runs (Chrome's offscreen document, Firefox's background page). */
import type { ArticleRecord } from '../history/record';
import { encode, serve, type AnalyzerProtocol } from '../messaging';
import { offer, part, taken } from '../parts';
import { createAnalyzer } from './service';

/** `remember` takes each article's history record, once the page has its answer. */
export function serveAnalyzer(remember: (record: ArticleRecord) => unknown): void {
  const parser = new DOMParser();
  const analyzer = createAnalyzer((html) => parser.parseFromString(html, 'text/html'));
  serve<AnalyzerProtocol>({
    analyzePage(request) {
      const received = performance.now();
      const { reply, record } = analyzer.analyzePage(request);
      const result = offer(encode(reply.result));
      // The record waits until the page has its whole answer: made before, it held up the parts.
      void taken(result).then(() => {
        const r = record();
        if (r) void remember(r);
      });
      return { timings: reply.timings, result, handled: performance.now() - received };
    },
    resultPart: part,
  });
}
