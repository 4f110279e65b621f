/** The whole pipeline, the same in the extension and on the command line: extract → match → demands → summary. */
import { compileDemandFinder, type Demand, type DemandFinder } from '../demands/demands';
import { splitSentences } from '../demands/sentences';
import { extractArticle, type Article, type ExtractOptions } from '../extract/extract';
import type { Lexicon } from '../lexicon/types';
import { compileMatcher, type Match, type Matcher } from '../match/matcher';
import { prepareText } from '../match/prepare';
import { summarize, type Summary } from '../summary/summarize';

export const ANALYSIS_SCHEMA = 'framing-lens/analysis@1';

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  url: string | null;
  article: Article;
  lexicon: Lexicon['packs'];
  matches: Match[];
  demands: Demand[];
  summary: Summary;
}

export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; reason: 'no-article'; message: string };

/** A lexicon compiled once, to analyse many articles. */
export interface Engine {
  lexicon: Lexicon;
  matcher: Matcher;
  demands: DemandFinder;
}

export function compileEngine(lexicon: Lexicon): Engine {
  return { lexicon, matcher: compileMatcher(lexicon), demands: compileDemandFinder(lexicon) };
}

/** Milliseconds per pipeline stage, filled in as the stages run (for the benchmark and the console). */
export type Timings = Partial<Record<'compile' | 'parse' | 'extract' | 'match' | 'demands' | 'summary', number>>;

/** Runs one stage, adding its time to `timings`. */
export function timed<T>(timings: Timings | undefined, stage: keyof Timings, run: () => T): T {
  if (!timings) return run();
  const start = performance.now();
  const result = run();
  timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
  return result;
}

export function analyzeArticle(article: Article, engine: Engine, url: string | null = null, timings?: Timings): Analysis {
  const lang = article.lang ?? 'en';
  // The body is folded and its quotations found once, for both the matcher and the demand finder.
  const { body, matches } = timed(timings, 'match', () => {
    const body = prepareText(article.text);
    return { body, matches: [...engine.matcher.match(article.title, 'title'), ...engine.matcher.match(article.text, 'body', body)] };
  });
  const demands = timed(timings, 'demands', () => engine.demands.find(article.text, lang, splitSentences(article.text, lang), body));
  return {
    schema: ANALYSIS_SCHEMA,
    url,
    article,
    lexicon: engine.lexicon.packs,
    matches,
    demands,
    summary: timed(timings, 'summary', () => summarize(matches, demands, engine.lexicon)),
  };
}

export function analyzeDocument(
  doc: Document,
  engine: Engine,
  url: string | null = null,
  timings?: Timings,
  options?: ExtractOptions,
): AnalysisResult {
  const extraction = timed(timings, 'extract', () => extractArticle(doc, options));
  if (!extraction.ok) return extraction;
  return { ok: true, analysis: analyzeArticle(extraction.article, engine, url, timings) };
}
