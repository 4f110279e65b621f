/** Serving the analyser where it runs (Chrome's offscreen document, Firefox's background page). */
import type { ArticleRecord } from '../history/record';
import { createAnalyzer } from '../analysis/analyzer';
import { serve, type AnalyzerProtocol } from './protocol';
import { packAnalysis } from './wire';
import { TIMINGS_ON } from '../timing';
import type { Timings } from '../analysis/analyze';

/** `remember` takes each article's history record, once the page has its answer. */
export function serveAnalyzer(remember: (record: ArticleRecord) => unknown): void {
  const parser = new DOMParser();
  const analyzer = createAnalyzer((html) => parser.parseFromString(html, 'text/html'));
  serve<AnalyzerProtocol>({
    analyzePage(request, _sender, fetched) {
      const received = performance.now();
      const timings: Timings | undefined = TIMINGS_ON ? {} : undefined;
      const { result, record } = analyzer.analyzePage(request, timings);
      const analysis = packAnalysis(result);
      // The record waits until the page has its whole answer: made before, it held up the parts.
      void fetched.then(() => {
        const r = record();
        if (r) void remember(r);
      });
      return { analysis, ...(timings && { debug: { timings, handled: performance.now() - received } }) };
    },
  });
}
