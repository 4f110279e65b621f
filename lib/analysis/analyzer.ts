/**
 * The analyser: pages arrive as HTML, articles leave analysed. It runs in a long-lived extension
 * context (Chrome's offscreen document, Firefox's background page), never on the page's main thread,
 * and compiles each lexicon once for every page that follows.
 */
import { toRecord, type ArticleRecord } from '../history/record';
import type { Pack } from '../lexicon/types';
import { timed } from '../timing';
import { builtinEngines, stageDocument, type Engines, type StagedResult, type Timings } from './analyze';

/** Which lexicon to use: the user's choices of built-in packs (lib/storage Settings.packs), and their own terms. */
export interface LexiconChoice {
  packs: Record<string, boolean>;
  userPack: Pack | null;
}

export interface PageRequest {
  /** The page's HTML as it stands in the browser (its live DOM, serialised). */
  html: string;
  url: string;
  lexicon: LexiconChoice;
}

export interface Analyzer {
  /**
   * The analysis of the page in steps (lib/analysis/analyze `StagedAnalysis`: a long article's opening,
   * the whole article's matches, the demands, each when asked, so the page paints while the analyser
   * works on), and the article's history record, made when asked:
   * after the page has its answer (the record goes to the background, not back to the page). Stage
   * times go to `timings` when given.
   */
  analyzePage(request: PageRequest, timings?: Timings): { result: StagedResult; record(): ArticleRecord | null };
}

export function createAnalyzer(parse: (html: string) => Document): Analyzer {
  let cache: { key: string; engines: Engines } | null = null;
  const enginesFor = (choice: LexiconChoice): Engines => {
    const key = JSON.stringify(choice);
    if (cache?.key !== key) {
      const extra = choice.userPack ? [choice.userPack] : [];
      cache = { key, engines: builtinEngines({ packs: choice.packs, extra }) };
    }
    return cache.engines;
  };
  return {
    analyzePage({ html, url, lexicon }, timings) {
      const engines = enginesFor(lexicon);
      const doc = timed(timings, 'parse', () => parse(html));
      // The parsed copy is ours alone: Readability may work on it without cloning it first. Each
      // language's engine compiles the first time an article needs it (timed as part of 'compile').
      const result = stageDocument(doc, engines, url, timings, { clone: false });
      return { result, record: () => (result.ok ? toRecord(result.staged.complete(), url) : null) };
    },
  };
}
