/**
 * Stories: articles grouped by what they share (people, places, demand topics, loaded phrases)
 * within a date window. Single-link: an article joins a story if it is close to any article in it.
 */
import { recordDate, type ArticleRecord } from '../history/record';

export interface StoryOptions {
  /** Articles further apart than this are never one story. */
  windowDays: number;
  /** Shared features over the smaller article's features. */
  minOverlap: number;
  /** And at least this many features shared. */
  minShared: number;
}

export const STORY_DEFAULTS: StoryOptions = { windowDays: 3, minOverlap: 0.5, minShared: 4 };

function features(r: ArticleRecord): Set<string> {
  return new Set([
    ...r.spellings.map((s) => `term:${s.termId}`),
    ...r.loaded.map((l) => `loaded:${l.termId}`),
    ...r.demands.map((d) => `demand:${d.party}:${d.topic}`),
  ]);
}

/** Whether two articles tell the same story. */
export function sameStory(a: ArticleRecord, b: ArticleRecord, options: StoryOptions = STORY_DEFAULTS): boolean {
  if (Math.abs(recordDate(a).valueOf() - recordDate(b).valueOf()) > options.windowDays * 86_400_000) return false;
  const fa = features(a);
  const fb = features(b);
  const shared = [...fa].filter((f) => fb.has(f)).length;
  return shared >= options.minShared && shared / Math.min(fa.size, fb.size) >= options.minOverlap;
}

/** All stories, each a list of record ids; an article alone is a story of one. */
export function groupStories(records: readonly ArticleRecord[], options: StoryOptions = STORY_DEFAULTS): string[][] {
  const parent = records.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < records.length; i++)
    for (let j = i + 1; j < records.length; j++) if (sameStory(records[i], records[j], options)) parent[root(j)] = root(i);
  const groups = new Map<number, string[]>();
  records.forEach((r, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), r.id]));
  return [...groups.values()];
}

/** The story of one article: itself and the others grouped with it. */
export function storyOf(id: string, records: readonly ArticleRecord[], options: StoryOptions = STORY_DEFAULTS): string[] {
  return groupStories(records, options).find((g) => g.includes(id)) ?? [id];
}
