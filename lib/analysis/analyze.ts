/** The whole pipeline, the same in the extension and on the command line: extract → match → demands → summary. */
import { compileDemandFinder, type Demand, type DemandFinder } from '../demands/demands';
import { splitSentences } from '../demands/sentences';
import { extractArticle, type Article, type ExtractOptions } from '../extract/extract';
import { builtinPacks } from '../lexicon/builtin';
import { articleLanguage, languageName, packsFor, primaryLanguage, supportedLanguages } from '../lexicon/language';
import { mergePacks } from '../lexicon/merge';
import type { Lexicon, Pack } from '../lexicon/types';
import { inContext, warOnly } from '../match/context';
import { compileMatcher, type Match, type Matcher } from '../match/matcher';
import { prepareText, type PreparedText } from '../match/prepare';
import { summarize, type Summary } from '../summary/summarize';
import { timed, type Stages } from '../timing';

export const ANALYSIS_SCHEMA = 'framing-lens/analysis@1';

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA;
  url: string | null;
  article: Article;
  lexicon: Lexicon['packs'];
  matches: Match[];
  demands: Demand[];
  /** Demand topics the article names anywhere, whoever wants them: what Compare needs before it says "omits". */
  topics: string[];
  summary: Summary;
}

export type AnalysisResult =
  /** `engine`: the one that analysed it, whose lexicon its matches and demands refer to. */
  | { ok: true; analysis: Analysis; engine: Engine }
  | { ok: false; reason: 'no-article'; message: string }
  | { ok: false; reason: 'unsupported-language'; lang: string; message: string };

/** A lexicon compiled once, to analyse many articles. */
export interface Engine {
  lexicon: Lexicon;
  matcher: Matcher;
  demands: DemandFinder;
  /** Entries annotated only in an article about the war (lib/match/context.ts). */
  needsWar: ReadonlySet<string>;
}

/** `lang`: the articles' language, if the engine is for one. */
export function compileEngine(lexicon: Lexicon, lang?: string): Engine {
  return { lexicon, matcher: compileMatcher(lexicon, lang), demands: compileDemandFinder(lexicon), needsWar: warOnly(lexicon.entries) };
}

/** The engine for an article's language (null: no pack annotates it), or one engine for every article. */
export interface Engines {
  forLanguage(lang: string | null): Engine | null;
  /** Languages some pack annotates. */
  languages: string[];
}

/**
 * Engines by article language: each language gets the packs that list it, compiled the first time an
 * article in that language needs them. With no language known, English.
 */
export function compileEngines(packs: readonly Pack[]): Engines {
  const compiled = new Map<string, Engine | null>();
  return {
    languages: supportedLanguages(packs),
    forLanguage(lang) {
      const language = lang ?? 'en';
      // Demand rules written in another language are left out: their cues would misread this one.
      const chosen = packsFor(packs, language).map((p) =>
        p.demands?.lang && primaryLanguage(p.demands.lang) !== language ? { ...p, demands: undefined } : p,
      );
      const key = [language, ...chosen.map((p) => p.id)].join('\n');
      if (!compiled.has(key))
        compiled.set(key, chosen.length ? compileEngine(mergePacks(chosen), primaryLanguage(language) ?? undefined) : null);
      return compiled.get(key)!;
    },
  };
}

/** Engines by article language over the packs in force: the built-in ones, then extra packs (the user's terms), which win by id. */
export function builtinEngines(options: { extra?: readonly Pack[]; packs?: Readonly<Record<string, boolean>> } = {}): Engines {
  return compileEngines([...builtinPacks(options), ...(options.extra ?? [])]);
}

/** Milliseconds per pipeline stage, filled in as the stages run (for the benchmark and the command line). */
export type Timings = Stages<'compile' | 'parse' | 'extract' | 'opening' | 'match' | 'demands' | 'summary'>;

/** An analysis in steps: what the lexicon matched (what the page paints), then the demands. */
export type Found = Omit<Analysis, 'demands' | 'topics' | 'summary'>;

export interface StagedAnalysis {
  engine: Engine;
  /**
   * The article's opening, its first paragraphs up to `chars` characters, and what the lexicon matched
   * there: a first screen to paint while the rest is matched. Null when the article is not much longer.
   * Its matches are among the whole article's (the war's context is read in the opening alone).
   */
  opening(chars: number): Found | null;
  /** The whole article and its matches. */
  found(): Found;
  /** The whole analysis: the demands are found on the first call. */
  complete(): Analysis;
}

export type StagedResult = { ok: true; staged: StagedAnalysis } | Exclude<AnalysisResult, { ok: true }>;

/** Matches an article, and finds its demands, each when asked (and once). */
export function stageArticle(article: Article, engine: Engine, url: string | null = null, timings?: Timings): StagedAnalysis {
  const lang = article.lang ?? 'en';
  const matchText = (a: Article) => {
    const body = prepareText(
      a.text,
      a.paragraphs.filter((p) => p.quoted),
    );
    const all = [...engine.matcher.match(a.title, 'title'), ...engine.matcher.match(a.text, 'body', body)];
    return { body, matches: inContext(all, engine.needsWar) };
  };
  const foundOf = (a: Article, matches: Match[]): Found => ({
    schema: ANALYSIS_SCHEMA,
    url,
    article: a,
    lexicon: engine.lexicon.packs,
    matches,
  });
  let whole: { body: PreparedText; matches: Match[] } | null = null;
  // The body is folded and its quotations found once, for both the matcher and the demand finder.
  const matched = () => (whole ??= timed(timings, 'match', () => matchText(article)));
  let analysis: Analysis | null = null;
  return {
    engine,
    opening(chars) {
      const k = article.paragraphs.findIndex((p) => p.end >= chars);
      if (k < 0 || article.text.length < 2 * chars) return null;
      const end = article.paragraphs[k].end;
      const opening: Article = { ...article, text: article.text.slice(0, end), paragraphs: article.paragraphs.slice(0, k + 1) };
      return foundOf(
        opening,
        timed(timings, 'opening', () => matchText(opening).matches),
      );
    },
    found: () => foundOf(article, matched().matches),
    complete() {
      if (analysis) return analysis;
      const { body, matches } = matched();
      const { demands, topics } = timed(timings, 'demands', () => {
        const sentences = splitSentences(article.text, lang);
        return {
          demands: engine.demands.find(article.text, lang, sentences, body),
          topics: engine.demands.mentioned(article.text, lang, sentences, body),
        };
      });
      const summary = timed(timings, 'summary', () => summarize(matches, demands, engine.lexicon));
      // Keys in this order: an export reads the same whichever way the analysis came.
      return (analysis = { ...foundOf(article, matches), demands, topics, summary });
    },
  };
}

export function analyzeArticle(article: Article, engine: Engine, url: string | null = null, timings?: Timings): Analysis {
  return stageArticle(article, engine, url, timings).complete();
}

/** Extracts the article and matches it with the engine for its language (or the one engine given); demands when asked. */
export function stageDocument(
  doc: Document,
  engines: Engine | Engines,
  url: string | null = null,
  timings?: Timings,
  options?: ExtractOptions,
): StagedResult {
  const extraction = timed(timings, 'extract', () => extractArticle(doc, options));
  if (!extraction.ok) return extraction;
  const { article } = extraction;
  const lang = 'forLanguage' in engines ? articleLanguage(article.lang, article.text) : null;
  const engine = 'forLanguage' in engines ? timed(timings, 'compile', () => engines.forLanguage(lang)) : engines;
  if (!engine) return unsupported(lang ?? 'und', (engines as Engines).languages);
  return { ok: true, staged: stageArticle(article, engine, url, timings) };
}

/** Extracts the article and analyses it with the engine for its language (or the one engine given). */
export function analyzeDocument(
  doc: Document,
  engines: Engine | Engines,
  url: string | null = null,
  timings?: Timings,
  options?: ExtractOptions,
): AnalysisResult {
  const staged = stageDocument(doc, engines, url, timings, options);
  return staged.ok ? { ok: true, analysis: staged.staged.complete(), engine: staged.staged.engine } : staged;
}

function unsupported(lang: string, languages: readonly string[]): Extract<AnalysisResult, { reason: 'unsupported-language' }> {
  const names = languages.map(languageName).join(', ');
  return {
    ok: false,
    reason: 'unsupported-language',
    lang,
    message: `This article is in ${languageName(lang)}, and no lexicon covers that language yet (covered: ${names}). Nothing was annotated.`,
  };
}
