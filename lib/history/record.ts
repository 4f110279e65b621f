/**
 * What history keeps of an analysed article: its framing, never its text beyond the sentences that
 * carry a loaded phrase or a demand. The same record feeds story grouping and comparison.
 */
import type { Analysis } from '../analysis/analyze';
import { splitSentences } from '../demands/sentences';
import type { Category, PartyId } from '../lexicon/types';
import type { Voice } from '../match/matcher';

export const RECORD_SCHEMA = 'framing-lens/article@1';

export interface ArticleRecord {
  schema: typeof RECORD_SCHEMA;
  /** The URL (extension) or the path as given (command line). */
  id: string;
  url: string | null;
  title: string;
  siteName: string | null;
  byline: string | null;
  publishedTime: string | null;
  lang: string | null;
  /** When it was analysed, ISO 8601. */
  analyzedAt: string;
  /** Names and places: which variant the article used, and how often. */
  spellings: { termId: string; concept: string; category: Exclude<Category, 'loaded'>; variants: Record<string, number> }[];
  loaded: { termId: string; concept: string; surface: string; voice: Voice; sentence: string }[];
  demands: { party: PartyId; topic: string; topicLabel: string | null; text: string; sentence: string }[];
  /** Demand topics the article names anywhere (absent in records made before it was kept: then nothing counts as omitted). */
  topics?: string[];
}

export function toRecord(a: Analysis, id: string, analyzedAt = new Date()): ArticleRecord {
  const body = a.matches.filter((m) => m.field === 'body');
  const spellings = new Map<string, ArticleRecord['spellings'][number]>();
  for (const m of body) {
    if (m.category === 'loaded') continue;
    const s = spellings.get(m.termId) ?? { termId: m.termId, concept: m.concept, category: m.category, variants: {} };
    s.variants[m.variant] = (s.variants[m.variant] ?? 0) + 1;
    spellings.set(m.termId, s);
  }
  // The same sentences the demand finder uses, so a loaded phrase's sentence matches a demand's.
  const sentences = splitSentences(a.article.text, a.article.lang ?? 'en');
  const sentenceAt = (offset: number) => {
    // Binary search: a long article has thousands of sentences and loaded phrases.
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (offset < sentences[mid].start) hi = mid - 1;
      else if (offset >= sentences[mid].end) lo = mid + 1;
      else return sentences[mid].text;
    }
    return '';
  };
  return {
    schema: RECORD_SCHEMA,
    id,
    url: a.url,
    title: a.article.title,
    siteName: a.article.siteName,
    byline: a.article.byline,
    publishedTime: a.article.publishedTime,
    lang: a.article.lang,
    analyzedAt: analyzedAt.toISOString(),
    spellings: [...spellings.values()],
    loaded: body
      .filter((m) => m.category === 'loaded')
      .map((m) => ({
        termId: m.termId,
        concept: m.concept,
        surface: m.surface,
        voice: m.voice,
        sentence: sentenceAt(m.start),
      })),
    demands: a.demands.flatMap((d) =>
      d.topic && d.certain ? [{ party: d.party, topic: d.topic, topicLabel: d.topicLabel, text: d.text, sentence: d.sentence }] : [],
    ),
    topics: a.topics,
  };
}

/** The variant an article used most for a concept. */
export const mainVariant = (s: ArticleRecord['spellings'][number]) => Object.entries(s.variants).sort((a, b) => b[1] - a[1])[0][0];

/** When the story happened, as far as the record knows: publication, else analysis. */
export const recordDate = (r: ArticleRecord) =>
  new Date(r.publishedTime && !Number.isNaN(Date.parse(r.publishedTime)) ? r.publishedTime : r.analyzedAt);
