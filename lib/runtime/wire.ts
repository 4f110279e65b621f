/**
 * An analysis as it travels between the extension's contexts. Most of a long article's analysis is
 * repetition: each match's strings are its entry's, each demand's text and sentence are slices of the
 * article. So matches travel as numbers, demands without their slices, and the matched entries once;
 * the page side rebuilds the very same analysis (a unit test holds the round trip). It crosses in two
 * steps, each as JSON text made once by the analyser and passed on as it is by the page: the article
 * and its matches first, which the page paints while the analyser finds the demands, then those.
 */
import type { Demand } from '../demands/demands';
import type { Entry, Party } from '../lexicon/types';
import type { Match } from '../match/matcher';
import type { Analysis, AnalysisResult, Found, StagedAnalysis, StagedResult } from '../analysis/analyze';
import type { Summary } from '../summary/summarize';

type WireDemand = Omit<Demand, 'text' | 'sentence' | 'topicLabel'>;

/** Per match: field (0 body, 1 title), start, end, entry (index into `entries`), variant (index in the entry), voice (0 author, 1 quoted). */
const STRIDE = 6;

type Failure = Extract<AnalysisResult, { ok: false }>;

/** The first step: the article and its matches, what the page paints. */
export type WireFound = { ok: true; found: Omit<Found, 'matches'> & { matches: number[] }; entries: Entry[] } | Failure;

/** The second step: the demands and what needs them. */
export interface WireDemands {
  demands: WireDemand[];
  topics: string[];
  summary: Summary;
  parties: Party[];
  topicLabels: Record<string, string>;
}

/** What the page side keeps: the analysis, and the matched entries and parties its notes and labels come from. */
export type PageAnalysis =
  { ok: true; analysis: Analysis; entries: ReadonlyMap<string, Entry>; parties: ReadonlyMap<string, Party> } | Failure;

/** The first step as the page side keeps it. */
export type PageFound = { ok: true; found: Found; entries: ReadonlyMap<string, Entry> } | Failure;

/** How many matches a first step carries. */
export const matchCount = (wire: Extract<WireFound, { ok: true }>) => wire.found.matches.length / STRIDE;

/** The whole article's matches, or those of `found`, a step of it (its opening). */
export function foundToWire(result: StagedResult, found?: Found): WireFound {
  if (!result.ok) return result;
  const { engine } = result.staged;
  found ??= result.staged.found();
  const entries: Entry[] = [];
  const index = new Map<string, number>();
  const byId = new Map(engine.lexicon.entries.map((e) => [e.id, e]));
  const numbers: number[] = [];
  for (const m of found.matches) {
    let k = index.get(m.termId);
    if (k === undefined) {
      index.set(m.termId, (k = entries.length));
      entries.push(byId.get(m.termId)!);
    }
    const variant = entries[k].variants.findIndex((v) => v.form === m.variant);
    numbers.push(m.field === 'title' ? 1 : 0, m.start, m.end, k, variant, m.voice === 'quoted' ? 1 : 0);
  }
  // Spread first, so the keys keep their places.
  return { ok: true, found: { ...found, matches: numbers }, entries };
}

export function demandsToWire(staged: StagedAnalysis): WireDemands {
  const { demands, topics, summary } = staged.complete();
  const { lexicon } = staged.engine;
  return {
    demands: demands.map(toWireDemand),
    topics,
    summary,
    parties: lexicon.parties,
    topicLabels: Object.fromEntries(lexicon.demands.topics.map((t) => [t.id, t.label])),
  };
}

const toWireDemand = (d: Demand): WireDemand => ({
  party: d.party,
  speaker: d.speaker,
  topic: d.topic,
  certain: d.certain,
  start: d.start,
  end: d.end,
  sentenceStart: d.sentenceStart,
  sentenceEnd: d.sentenceEnd,
  cue: d.cue,
});

export function foundFromWire(wire: WireFound): PageFound {
  if (!wire.ok) return wire;
  const { article } = wire.found;
  const m = wire.found.matches;
  const matches: Match[] = [];
  for (let i = 0; i < m.length; i += STRIDE) {
    const entry = wire.entries[m[i + 3]];
    const variant = entry.variants[m[i + 4]];
    const field = m[i] === 1 ? 'title' : 'body';
    matches.push({
      field,
      start: m[i + 1],
      end: m[i + 2],
      surface: (field === 'title' ? article.title : article.text).slice(m[i + 1], m[i + 2]),
      termId: entry.id,
      concept: entry.concept,
      variant: variant.form,
      variantLang: variant.lang ?? entry.lang,
      category: entry.category,
      voice: m[i + 5] === 1 ? 'quoted' : 'author',
      note: entry.note,
      variantNote: variant.note,
    });
  }
  return { ok: true, found: { ...wire.found, matches }, entries: new Map(wire.entries.map((e) => [e.id, e])) };
}

/** The whole analysis: the first step completed by the second. */
export function completeFound(found: Found, wire: WireDemands): { analysis: Analysis; parties: ReadonlyMap<string, Party> } {
  const { text } = found.article;
  // Keys in the finder's order, so an export reads the same from the extension as from the command line.
  const demands = wire.demands.map((d): Demand => ({
    party: d.party,
    speaker: d.speaker,
    topic: d.topic,
    topicLabel: d.topic ? (wire.topicLabels[d.topic] ?? null) : null,
    certain: d.certain,
    text: text.slice(d.start, d.end),
    start: d.start,
    end: d.end,
    sentence: text.slice(d.sentenceStart, d.sentenceEnd),
    sentenceStart: d.sentenceStart,
    sentenceEnd: d.sentenceEnd,
    cue: d.cue,
  }));
  return {
    analysis: { ...found, demands, topics: wire.topics, summary: wire.summary },
    parties: new Map(wire.parties.map((p) => [p.id, p])),
  };
}

/**
 * An analysis as it crosses between contexts: the JSON texts of its two steps, each made once by the
 * analyser (`demands` is empty when there is no article).
 */
export interface AnalysisText {
  found: string;
  demands: string;
}

export const packFound = (result: StagedResult, found?: Found): string => JSON.stringify(foundToWire(result, found));
export const packDemands = (staged: StagedAnalysis): string => JSON.stringify(demandsToWire(staged));

/** Both steps at once (what a page passes on is the two texts the analyser sent). */
export const packAnalysis = (result: StagedResult): AnalysisText => ({
  found: packFound(result),
  demands: result.ok ? packDemands(result.staged) : '',
});

/**
 * Receives the first step. `between` runs after the text is read, before the matches are rebuilt: on
 * the page, reading a long article's megabytes is a task's worth, and rebuilding another.
 */
export async function unpackFound(text: string, between?: () => Promise<void>): Promise<PageFound> {
  const wire = JSON.parse(text) as WireFound;
  await between?.();
  return foundFromWire(wire);
}

/** Receives a whole analysis. */
export async function unpackAnalysis(text: AnalysisText, between?: () => Promise<void>): Promise<PageAnalysis> {
  const found = await unpackFound(text.found, between);
  if (!found.ok) return found;
  const { analysis, parties } = completeFound(found.found, JSON.parse(text.demands) as WireDemands);
  return { ok: true, analysis, entries: found.entries, parties };
}
