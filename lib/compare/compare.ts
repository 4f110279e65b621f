/** Side by side: how several articles on one story differ in spelling, loaded language and demands. */
import { mainVariant, type ArticleRecord } from '../history/record';
import type { PartyId } from '../lexicon/types';
import type { Voice } from '../match/matcher';

export const COMPARISON_SCHEMA = 'framing-lens/comparison@1';

export interface Comparison {
  schema: typeof COMPARISON_SCHEMA;
  articles: { id: string; title: string; siteName: string | null; url: string | null; publishedTime: string | null }[];
  /** Per name or place: the variant each article used (absent where it does not name it). */
  spellings: { termId: string; concept: string; byArticle: Record<string, string>; differs: boolean }[];
  /** Per loaded phrase: the voice it is in, per article that uses it (author where it is in both). */
  loaded: {
    termId: string;
    concept: string;
    surface: string;
    byArticle: Record<string, Voice>;
    sentences: Record<string, string[]>;
    differs: boolean;
  }[];
  /**
   * Per (party, topic): who reports it, who omits it (names nothing of the topic), who names the topic without a
   * demand being found (`unsure`: perhaps worded beyond the engine, so no omission is claimed), and the sentences.
   */
  demands: {
    party: PartyId;
    topic: string;
    topicLabel: string | null;
    articles: string[];
    omittedBy: string[];
    unsure: string[];
    sentences: Record<string, string[]>;
    differs: boolean;
  }[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

export function compareArticles(records: readonly ArticleRecord[]): Comparison {
  const ids = records.map((r) => r.id);

  const spellings = new Map<string, Comparison['spellings'][number]>();
  for (const r of records)
    for (const s of r.spellings) {
      const row = spellings.get(s.termId) ?? { termId: s.termId, concept: s.concept, byArticle: {}, differs: false };
      row.byArticle[r.id] = mainVariant(s);
      spellings.set(s.termId, row);
    }
  // A spelling difference is two articles choosing different forms; not naming it at all is not one.
  for (const row of spellings.values()) row.differs = new Set(Object.values(row.byArticle)).size > 1;

  const loaded = new Map<string, Comparison['loaded'][number]>();
  for (const r of records)
    for (const l of r.loaded) {
      const row = loaded.get(l.termId) ?? {
        termId: l.termId,
        concept: l.concept,
        surface: l.surface,
        byArticle: {},
        sentences: {},
        differs: false,
      };
      if (row.byArticle[r.id] !== 'author') row.byArticle[r.id] = l.voice;
      const sentences = (row.sentences[r.id] ??= []);
      if (!sentences.includes(l.sentence)) sentences.push(l.sentence);
      loaded.set(l.termId, row);
    }
  for (const row of loaded.values())
    row.differs = Object.keys(row.byArticle).length < records.length || new Set(Object.values(row.byArticle)).size > 1;

  const demandKeys = new Map<string, { party: PartyId; topic: string; topicLabel: string | null }>();
  const reportedBy = new Map<string, string[]>();
  const sentences = new Map<string, Map<string, string[]>>();
  for (const r of records)
    for (const d of r.demands) {
      const key = `${d.party}:${d.topic}`;
      demandKeys.set(key, { party: d.party, topic: d.topic, topicLabel: d.topicLabel });
      if (!reportedBy.get(key)?.includes(r.id)) push(reportedBy, key, r.id);
      const perArticle = sentences.get(key) ?? new Map<string, string[]>();
      if (!perArticle.get(r.id)?.includes(d.sentence)) push(perArticle, r.id, d.sentence);
      sentences.set(key, perArticle);
    }
  const demands = [...demandKeys].map(([key, d]) => {
    const articles = ids.filter((id) => reportedBy.get(key)!.includes(id));
    const silent = records.filter((r) => !articles.includes(r.id));
    return {
      ...d,
      articles,
      omittedBy: silent.filter((r) => r.topics && !r.topics.includes(d.topic)).map((r) => r.id),
      unsure: silent.filter((r) => !r.topics || r.topics.includes(d.topic)).map((r) => r.id),
      sentences: Object.fromEntries(sentences.get(key)!),
      differs: articles.length < ids.length,
    };
  });
  // Parties in a stable order, then topics by how many articles report them.
  demands.sort((a, b) => a.party.localeCompare(b.party) || b.articles.length - a.articles.length || a.topic.localeCompare(b.topic));

  return {
    schema: COMPARISON_SCHEMA,
    articles: records.map((r) => ({ id: r.id, title: r.title, siteName: r.siteName, url: r.url, publishedTime: r.publishedTime })),
    spellings: [...spellings.values()].sort((a, b) => Number(b.differs) - Number(a.differs) || a.concept.localeCompare(b.concept)),
    loaded: [...loaded.values()],
    demands,
  };
}
