/**
 * An analysis as it travels between the extension's contexts. Most of a long article's analysis is
 * repetition: each match's strings are its entry's, each demand's text and sentence are slices of the
 * article. So matches travel as numbers, demands without their slices, and the matched entries once;
 * the page side rebuilds the very same analysis (a unit test holds the round trip). It crosses as
 * JSON text, made once by the analyser and passed on as it is by the page.
 */
import type { Demand } from '../demands/demands';
import type { Entry, Party } from '../lexicon/types';
import type { Match } from '../match/matcher';
import type { Analysis, AnalysisResult } from '../analysis/analyze';

type WireDemand = Omit<Demand, 'text' | 'sentence' | 'topicLabel'>;

/** Per match: field (0 body, 1 title), start, end, entry (index into `entries`), variant (index in the entry), voice (0 author, 1 quoted). */
const STRIDE = 6;

export type WireResult =
  | {
      ok: true;
      analysis: Omit<Analysis, 'matches' | 'demands'> & { matches: number[]; demands: WireDemand[] };
      entries: Entry[];
      parties: Party[];
      topicLabels: Record<string, string>;
    }
  | Extract<AnalysisResult, { ok: false }>;

/** What the page side keeps: the analysis, and the matched entries and parties its notes and labels come from. */
export type PageAnalysis =
  | { ok: true; analysis: Analysis; entries: ReadonlyMap<string, Entry>; parties: ReadonlyMap<string, Party> }
  | Extract<AnalysisResult, { ok: false }>;

/** How many matches a wire analysis carries. */
export const matchCount = (wire: Extract<WireResult, { ok: true }>) => wire.analysis.matches.length / STRIDE;

export function toWire(result: AnalysisResult): WireResult {
  if (!result.ok) return result;
  const { engine } = result;
  const { matches, demands } = result.analysis;
  const entries: Entry[] = [];
  const index = new Map<string, number>();
  const byId = new Map(engine.lexicon.entries.map((e) => [e.id, e]));
  const numbers: number[] = [];
  for (const m of matches) {
    let k = index.get(m.termId);
    if (k === undefined) {
      index.set(m.termId, (k = entries.length));
      entries.push(byId.get(m.termId)!);
    }
    const variant = entries[k].variants.findIndex((v) => v.form === m.variant);
    numbers.push(m.field === 'title' ? 1 : 0, m.start, m.end, k, variant, m.voice === 'quoted' ? 1 : 0);
  }
  return {
    ok: true,
    // Spread first, so the keys keep their places.
    analysis: { ...result.analysis, matches: numbers, demands: demands.map(toWireDemand) },
    entries,
    parties: engine.lexicon.parties,
    topicLabels: Object.fromEntries(engine.lexicon.demands.topics.map((t) => [t.id, t.label])),
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

export function fromWire(wire: WireResult): PageAnalysis {
  if (!wire.ok) return wire;
  const { article } = wire.analysis;
  const m = wire.analysis.matches;
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
  // Keys in the finder's order, so an export reads the same from the extension as from the command line.
  const demands = wire.analysis.demands.map((d): Demand => ({
    party: d.party,
    speaker: d.speaker,
    topic: d.topic,
    topicLabel: d.topic ? (wire.topicLabels[d.topic] ?? null) : null,
    certain: d.certain,
    text: article.text.slice(d.start, d.end),
    start: d.start,
    end: d.end,
    sentence: article.text.slice(d.sentenceStart, d.sentenceEnd),
    sentenceStart: d.sentenceStart,
    sentenceEnd: d.sentenceEnd,
    cue: d.cue,
  }));
  return {
    ok: true,
    analysis: { ...wire.analysis, matches, demands },
    entries: new Map(wire.entries.map((e) => [e.id, e])),
    parties: new Map(wire.parties.map((p) => [p.id, p])),
  };
}

/** An analysis as it crosses between contexts: the JSON text of its wire form. */
export type AnalysisText = string & { readonly __analysis?: never };

/** Sends an analysis: its text, made once. */
export const packAnalysis = (result: AnalysisResult): AnalysisText => JSON.stringify(toWire(result));

/**
 * Receives an analysis. `between` runs after the text is read, before the analysis is rebuilt: on the
 * page, reading a long article's megabytes is a task's worth, and rebuilding another.
 */
export async function unpackAnalysis(text: AnalysisText, between?: () => Promise<void>): Promise<PageAnalysis> {
  const wire = JSON.parse(text) as WireResult;
  await between?.();
  return fromWire(wire);
}
