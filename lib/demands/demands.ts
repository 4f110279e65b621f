/**
 * Who demands what. Per sentence: find demand cues (verbs, nouns, modals, conditions), cut the
 * span each one governs (stopping at offers and consequences), split it into enumerated items,
 * map each item to a topic, and attribute it to a party through the speaker named in or before
 * the sentence. Offers are not demands.
 */
import type { DemandGrammar, Lexicon, PartyId } from '../lexicon/types';
import { compileAutomaton, type Hit } from '../match/automaton';
import { foldedSlice, foldPhrase, type Folded } from '../match/fold';
import { prepareText, type PreparedText } from '../match/prepare';
import type { Span } from '../match/quotes';
import { splitSentences, type Sentence } from './sentences';

export interface Demand {
  party: PartyId;
  /** The words that name the speaker ("Putin", "the Kremlin"), as written. */
  speaker: string | null;
  topic: string | null;
  topicLabel: string | null;
  /** The demanded item, as written. */
  text: string;
  /** Offsets of the item in the article text. */
  start: number;
  end: number;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The word that states the demand ("demanded", "conditions", "if"). */
  cue: string;
}

type Speaker = { party: PartyId; speaker: string };
type CueKind = 'verb' | 'noun' | 'modal' | 'condition' | 'offer' | 'additive';
interface TopicRef {
  topic: number;
  rule: number;
  group: number; // -1 for a `none` phrase
}

/** How far back an elliptical item's antecedent may be named, in characters (a few sentences). */
const ANTECEDENT_WINDOW = 1500;

/** A phrase list as a regular-expression alternation, longest first, whitespace as any run of it. */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|') || '(?!)';
/** Edges that see letters of any script, where \b sees only ASCII. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';

/** The language's grammar (DemandGrammar) compiled into the patterns the finder reads with. */
function compileGrammar(g: DemandGrammar) {
  const words = (list: readonly string[]) => `${START}(?:${alternation(list)})${END}`;
  // A word list may hold elided forms ("qu'") that end in an apostrophe: no word edge after those.
  const openers = alternation(g.itemOpeners);
  const speech = words(g.speechVerbs);
  return {
    /** Connectors an item may start with; trimmed so the item reads as the thing demanded. */
    leading: new RegExp(`^(?:(?:${openers})(?:${END}|(?<=['’]))[\\s,]*)+`, 'iu'),
    /** A span that starts like this is a time or place, not a demand ("demanded in the early months"). */
    circumstance: new RegExp(`^${words(g.circumstances)}`, 'iu'),
    /** "X are necessary conditions": a noun cue as predicate, so the demand is what precedes it. */
    predicate: new RegExp(`${words(g.copulas)}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu'),
    /** "demands for peace include A, B": the items start after the verb (or a colon). */
    includes: new RegExp(`^[^,;:]{0,60}?${words(g.includes)}\\s*|^[^,;:]{0,60}?:\\s*`, 'iu'),
    /** Where enumerated items part: separators (a comma between digits is a number's) and connectors. */
    separators: new RegExp(
      [
        ...g.separators.map((p) => (p === ',' ? '(?<!\\d),|,(?!\\d)' : alternation([p]))),
        `\\s(?:${alternation(g.connectors)})${END}\\s*`,
      ].join('|'),
      'giu',
    ),
    /** "according to X" right before a speaker. */
    according: new RegExp(`${words(g.sources)}\\s*$`, 'iu'),
    /** "guarantees before any ceasefire": what follows a time or reason clause is not demanded. */
    clauseBreak: new RegExp(`\\s${words(g.clauseBreaks)}\\s`, 'iu'),
    /**
     * A speech verb after the speaker ends the sentence or sets off an aside ("..., Zelensky said." or
     * "Ukraine must, Zelensky said, ..."), or comes just before the speaker at the end ("..., said Zelensky.").
     */
    saidAfter: new RegExp(`^\\s+${speech}(?:[^,;:]*$|\\s*,)`, 'iu'),
    saidBefore: new RegExp(`,\\s*${speech}\\s+(?:[\\p{L}.-]+\\s+){0,4}$`, 'iu'),
  };
}
type Grammar = ReturnType<typeof compileGrammar>;

export interface DemandFinder {
  find(text: string, lang?: string, sentences?: Sentence[], prepared?: PreparedText): Demand[];
}

export function compileDemandFinder(lexicon: Pick<Lexicon, 'parties' | 'demands'>): DemandFinder {
  const rules = lexicon.demands;
  const grammar = compileGrammar(rules.grammar);
  const cues = compileAutomaton<CueKind>([
    ...rules.verbCues.map((phrase) => ({ phrase, value: 'verb' as const })),
    ...rules.nounCues.map((phrase) => ({ phrase, value: 'noun' as const })),
    ...rules.modalCues.map((phrase) => ({ phrase, value: 'modal' as const })),
    ...rules.conditionCues.map((phrase) => ({ phrase, value: 'condition' as const })),
    ...rules.offerCues.map((phrase) => ({ phrase, value: 'offer' as const })),
    ...rules.additiveCues.map((phrase) => ({ phrase, value: 'additive' as const })),
  ]);
  const speakers = compileAutomaton(lexicon.parties.flatMap((p) => p.speakers.map((phrase) => ({ phrase, value: p.id, plural: false }))));
  const negations = compileAutomaton(rules.negations.map((phrase) => ({ phrase, value: true })));
  const topics = rules.topics;
  const topicPhrases = compileAutomaton<TopicRef>(
    topics.flatMap((t, topic) =>
      t.rules.flatMap((r, rule) => [
        ...r.all.flatMap((g, group) => g.map((phrase) => ({ phrase, value: { topic, rule, group } }))),
        ...(r.none ?? []).map((phrase) => ({ phrase, value: { topic, rule, group: -1 } })),
      ]),
    ),
  );
  const topicIndex = topics.map((t) => t.id);
  const elliptical = topics.flatMap((t) =>
    t.elliptical
      ? [
          {
            id: t.id,
            items: new Set(t.elliptical.items.map(foldPhrase)),
            antecedents: compileAutomaton(t.elliptical.antecedents.map((phrase) => ({ phrase, value: true }))),
          },
        ]
      : [],
  );
  /** The topic an item with its object left unsaid refers to, from what was named in the text just before it. */
  function impliedTopics(folded: Folded, item: { text: string; start: number }): string[] {
    const bare = foldPhrase(item.text);
    const candidates = elliptical.filter((e) => e.items.has(bare));
    if (!candidates.length) return [];
    // The text before, from the body as folded once.
    const before = foldedSlice(folded, item.start - ANTECEDENT_WINDOW, item.start);
    return candidates.filter((e) => e.antecedents.find(before).length).map((e) => e.id);
  }

  /** Topic ids of an item (its text as folded), negation applied. */
  function topicsOf(folded: string): string[] {
    const hits = topicPhrases.findAll(folded);
    const negs = negations.find(folded);
    const found: string[] = [];
    topics.forEach((t, ti) => {
      const matched = t.rules.some((r, ri) => {
        const mine = hits.filter((h) => h.value.topic === ti && h.value.rule === ri);
        if (mine.some((h) => h.value.group === -1)) return false;
        return r.all.every((_, gi) => mine.some((h) => h.value.group === gi));
      });
      if (!matched) return;
      const first = Math.min(...hits.filter((h) => h.value.topic === ti && h.value.group >= 0).map((h) => h.start));
      const negated = t.negatedTopic && negs.some((n) => n.start < first);
      found.push(negated ? t.negatedTopic! : t.id);
    });
    return [...new Set(found)];
  }

  function find(text: string, lang = 'en', given?: Sentence[], prepared?: PreparedText): Demand[] {
    const { folded, quotes } = prepared ?? prepareText(text);
    const allCues = cues.find(folded).map((h) => toOriginal(folded, h));
    const allSpeakers = speakers.find(folded).map((h) => toOriginal(folded, h));
    const demands: Demand[] = [];
    let context: Speaker | null = null;
    // Sentences come in text order: each sees only the hits inside it and the quotations that
    // overlap it (in the same order as in `quotes`), so the work stays linear in the text.
    const quotesAt = overlapping(quotes);

    for (const s of given ?? splitSentences(text, lang)) {
      const sCues = within(allCues, s.start, s.end);
      const sSpeakers = within(allSpeakers, s.start, s.end);
      const sQuotes = quotesAt(s.start - 1, s.end);
      const hasOffer = sCues.some((c) => c.value === 'offer');
      const spans: { cue: Hit<CueKind>; start: number; end: number; nullable: boolean }[] = [];

      sCues.forEach((cue, k) => {
        if (cue.value === 'offer' || cue.value === 'additive') return;
        if (cue.value === 'condition' && !hasOffer) return;
        // What follows the cue, up to the next cue of any kind.
        // A quoted demand ends with its quotation.
        const quote = sQuotes.find((q) => q.start <= cue.start && cue.end <= q.end);
        const stop = sCues.slice(k + 1).find((c) => c.start >= cue.end);
        let start = cue.end;
        const end = Math.min(stop ? stop.start : s.end, quote ? quote.end : s.end);
        if (cue.value === 'noun') {
          const predicate = grammar.predicate.exec(text.slice(s.start, cue.start));
          if (predicate) {
            const from = Math.max(
              s.start,
              ...sSpeakers.filter((h) => h.end <= cue.start && grammar.according.test(text.slice(s.start, h.start))).map((h) => h.end),
            );
            spans.push({ cue, start: from, end: s.start + predicate.index, nullable: false });
            return;
          }
          const lead = grammar.includes.exec(text.slice(start, end));
          if (lead) start += lead[0].length;
        }
        spans.push({ cue, start, end, nullable: cue.value === 'verb' && !grammar.circumstance.test(text.slice(start, end).trim()) });
        // "As well as X, Putin demanded Y": the fronted clause is demanded too.
        const additive = sCues.find((c) => c.value === 'additive' && c.start === s.start);
        if (additive && cue.value === 'verb' && !spans.some((p) => p.start === additive.end)) {
          const speaker = [...sSpeakers].reverse().find((h) => h.end <= cue.start);
          const comma = text.lastIndexOf(',', speaker ? speaker.start : cue.start);
          if (comma > additive.end) spans.push({ cue, start: additive.end, end: comma, nullable: false });
        }
      });

      const inSpans = (h: Hit<unknown>) => spans.some((p) => h.start >= p.start && h.end <= p.end);
      for (const span of spans) {
        const who: Speaker | null =
          resolveSpeaker(
            grammar,
            span.cue,
            s,
            sSpeakers.filter((h) => !inSpans(h)),
            sQuotes,
            text,
            sSpeakers,
          ) ?? context;
        // A demand nobody can be named for says nothing about who demands what.
        if (!who) continue;
        const items = splitItems(grammar, text, span.start, span.end).map((it) => {
          const found = topicsOf(foldedSlice(folded, it.start, it.end));
          return { ...it, topics: found.length ? found : impliedTopics(folded, it) };
        });
        let found = items.filter((it) => it.topics.length);
        if (!found.length && span.cue.value === 'noun' && !spans.some((p) => p !== span && p.cue === span.cue)) {
          // "Despite these demands, ..." names demands without stating them; a noun cue with nothing after
          // it may still have its content before it.
          const from = Math.max(s.start, ...sSpeakers.filter((h) => h.end <= span.cue.start).map((h) => h.end));
          found = splitItems(grammar, text, from, span.cue.start)
            .map((it) => ({ ...it, topics: topicsOf(foldedSlice(folded, it.start, it.end)) }))
            .filter((it) => it.topics.length);
        }
        const push = (start: number, end: number, topic: string | null) =>
          demands.push({
            party: who.party,
            speaker: who.speaker,
            topic,
            topicLabel: topic ? (topics[topicIndex.indexOf(topic)]?.label ?? null) : null,
            text: text.slice(start, end),
            start,
            end,
            sentence: s.text,
            sentenceStart: s.start,
            sentenceEnd: s.end,
            cue: text.slice(span.cue.start, span.cue.end),
          });
        if (found.length) for (const it of found) for (const topic of it.topics) push(it.start, it.end, topic);
        else if (span.nullable) {
          const whole = trimItem(grammar, text, span.start, span.end);
          if (whole && whole.text.split(/\s+/).length >= 3) push(whole.start, whole.end, null);
        }
        context = who;
      }
      if (!spans.length) {
        const subject = sSpeakers[0];
        if (subject && subject.start - s.start < 60) context = { party: subject.value, speaker: text.slice(subject.start, subject.end) };
      }
    }
    return dedupe(demands);
  }

  return { find };
}

/** The hits (sorted by start) that lie within [start, end). */
function within<T>(hits: Hit<T>[], start: number, end: number): Hit<T>[] {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Hit<T>[] = [];
  for (let i = lo; i < hits.length && hits[i].start < end; i++) if (hits[i].end <= end) out.push(hits[i]);
  return out;
}

/**
 * For windows asked in increasing order, the spans (sorted by start) that overlap each one, kept in
 * their order: spans are taken in as windows reach them and dropped once a window has passed them.
 */
function overlapping(spans: readonly Span[]): (start: number, end: number) => Span[] {
  let next = 0;
  let open: Span[] = [];
  return (start, end) => {
    while (next < spans.length && spans[next].start < end) open.push(spans[next++]);
    open = open.filter((q) => q.end > start);
    return open.filter((q) => q.start < end);
  };
}

function toOriginal<T>(folded: Folded, h: Hit<T>): Hit<T> {
  return { start: folded.start[h.start], end: folded.end[h.end - 1], value: h.value };
}

/**
 * The speaker of a cue: the one named around a quotation that holds it; "according to X"; for a
 * modal ("Ukraine must ..."), someone other than its subject; else the nearest party named before it.
 */
function resolveSpeaker(
  grammar: Grammar,
  cue: Hit<CueKind>,
  s: Sentence,
  mentions: Hit<PartyId>[],
  quotes: Span[],
  text: string,
  /** Every party named in the sentence, those inside demanded spans too: a closing attribution is inside one. */
  named: Hit<PartyId>[],
): Speaker | null {
  const as = (h: Hit<PartyId> | undefined) => (h ? { party: h.value, speaker: text.slice(h.start, h.end) } : null);
  const quote = quotes.find((q) => q.start <= cue.start && cue.end <= q.end && q.start >= s.start - 1);
  if (quote) return as(mentions.find((h) => h.start >= quote.end) ?? [...mentions].reverse().find((h) => h.end <= quote.start));
  const according = mentions.find((h) => grammar.according.test(text.slice(s.start, h.start)));
  if (according) return as(according);
  const before = mentions.filter((h) => h.end <= cue.start && !quotes.some((q) => q.start <= h.start && h.end <= q.end));
  // "Russia says Ukraine must ...": the subject right before a modal is the one asked, not the speaker.
  const last = before[before.length - 1];
  const subjectAsked =
    cue.value === 'modal' &&
    last &&
    /^[^.;:]*?$/.test(text.slice(last.end, cue.start)) &&
    text.slice(last.end, cue.start).trim().split(/\s+/).length <= 2;
  // "Ukraine must ..., Lavrov said.": the speaker is named after the demand, in a closing attribution.
  const attribution = named.find(
    (h) => h.start >= cue.end && isClosingAttribution(grammar, text.slice(cue.end, h.start), text.slice(h.end, s.end)),
  );
  if (subjectAsked) return as(before[before.length - 2] ?? attribution);
  return as(last ?? attribution);
}

const isClosingAttribution = (grammar: Grammar, between: string, after: string) =>
  (between.includes(',') && grammar.saidAfter.test(after)) || (grammar.saidBefore.test(between) && /^[^,;:]*$/u.test(after));

/** The span's enumerated items: split at commas, semicolons and coordinators, never inside a dash or bracket aside. */
function splitItems(grammar: Grammar, text: string, start: number, end: number): Item[] {
  const clause = grammar.clauseBreak.exec(text.slice(start, end));
  if (clause) end = start + clause.index;
  const span = text.slice(start, end);
  const protectedRanges: [number, number][] = [];
  for (const m of span.matchAll(/\s[\u2013\u2014-]\s[^\u2013\u2014]*?(?:\s[\u2013\u2014-](?=\s)|$)|\([^)]*\)/gu))
    protectedRanges.push([m.index, m.index + m[0].length]);
  const cuts: [number, number][] = [];
  for (const m of span.matchAll(grammar.separators)) {
    if (!protectedRanges.some(([a, b]) => m.index >= a && m.index < b)) cuts.push([m.index, m.index + m[0].length]);
  }
  const items: Item[] = [];
  let from = 0;
  for (const [a, b] of [...cuts, [span.length, span.length] as [number, number]]) {
    const item = trimItem(grammar, text, start + from, start + a);
    if (item) items.push(item);
    from = b;
  }
  return items;
}

type Item = { text: string; start: number; end: number };

function trimItem(grammar: Grammar, text: string, start: number, end: number): Item | null {
  let s = text.slice(start, end);
  const lead = s.length - s.trimStart().length;
  start += lead;
  s = s.trim();
  const conn = grammar.leading.exec(s);
  if (conn) {
    start += conn[0].length;
    s = s.slice(conn[0].length);
  }
  const tail = /[\s.,;:!?"”’'»)\u2013\u2014-]+$/u.exec(s);
  if (tail) s = s.slice(0, tail.index);
  return s ? { text: s, start, end: start + s.length } : null;
}

function dedupe(demands: Demand[]): Demand[] {
  const seen = new Set<string>();
  return demands.filter((d) => {
    const key = `${d.start}:${d.end}:${d.topic}:${d.party}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
