/**
 * Who demands what. Per sentence: find the cues that state a demand (verbs, nouns, modals in reported
 * speech, conditions of an offer, provisions of a plan, refusals of the opposite), the party that states
 * each (the verb's subject, a demand word's owner, the speaker of a quotation or of reported speech,
 * the author of a plan), and what is demanded; split that into its enumerated items and map each to a
 * topic. Offers, claims and the journalist's own reasoning are not demands. A party is named in the
 * sentence or, through "he" or "the Kremlin leader", just before; a cue nobody can be named for is
 * left out. Every word comes from the language's pack.
 */
import type { Lexicon, PartyId } from '../lexicon/types';
import { compileAutomaton, type Hit } from '../match/automaton';
import { foldedSlice } from '../match/fold';
import { prepareText, type PreparedText } from '../match/prepare';
import type { Span } from '../match/quotes';
import { compileGrammar } from './grammar';
import { demandedEnd, splitItems, trimItem } from './items';
import { splitSentences, type Sentence } from './sentences';
import { compileTopics } from './topics';

export interface Demand {
  party: PartyId;
  /** The words that name the speaker ("Putin", "the Kremlin"), as written. */
  speaker: string | null;
  topic: string | null;
  topicLabel: string | null;
  /** False where the engine found a demand but not what it is about: shown as unsure, never compared. */
  certain: boolean;
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

type CueKind = 'verb' | 'noun' | 'modal' | 'condition' | 'offer' | 'proposal' | 'additive' | 'refusal' | 'plan' | 'provision' | 'not';
interface Mention {
  party: PartyId;
  /** An adjective ("Russian"): a party only right before a demand word. */
  adjective: boolean;
}
interface Holder {
  party: PartyId;
  speaker: string;
}
interface Frame {
  cue: Hit<CueKind>;
  start: number;
  end: number;
  holder: Holder;
  /** A demand whose topic is unknown may still be reported, as unsure. */
  nullable?: boolean;
  /** The holder owns the demand word or is named with the verb ("Russia's demand", "which Moscow demands"), not its clause's subject. */
  owned?: boolean;
  /** What a refusal refuses: it states a demand only through a topic's opposite. */
  refused?: boolean;
  /** Where the content is, when nothing after the cue names a topic: "the Donbas, which Moscow demands". */
  before?: [number, number];
  /** The subject of a modal ("Russia would withdraw ..."): read with the first item, for its topic only. */
  subject?: [number, number];
}

/** How far into a sentence, in characters, the party it is about may be named: later ones are mostly objects and asides. */
const SUBJECT_REACH = 100;
/** Longer than any cue or speaker phrase, in characters: how far before a position one may start and still reach it. */
const MAX_PHRASE = 80;
/** How many sentences back "he" or "the plan" may reach. */
const CONTEXT_REACH = 2;
/** How close a possessive or adjective must be to the demand word it owns: "Russia's core territorial demands". */
const OWNER_GAP = /^\s+(?:[\p{L}\d-]+\s+){0,3}(?:[\p{L}\d]+-)?$/u;
/** A news agency's dateline at the start of a story: a place in capitals, maybe a country or date, the agency, a dash. */
const DATELINE = /^\p{Lu}[\p{Lu}\s.'-]{1,30}(?:,\s*[^\u2014\u2013()]{1,40}?)?\s*(?:\([^)]{1,30}\))?\s*[\u2014\u2013-]{1,2}\s/u;
/** The last few words before a modal, back to a comma or the clause start: its subject ("NATO forces", "Russia"). */
const SUBJECT_BEFORE = /(?:^|(?<=[,;:]\s*))[^,;:]{1,60}$/u;
/** What follows the last comma: the item a word stands in. */
const lastItemOf = (span: string) => span.slice(span.lastIndexOf(',') + 1);
/** A list item is a short paragraph: longer ones are prose again. */
const LIST_ITEM_WORDS = 30;
/** Cues that begin a new predicate, so the span of the one before ends there. */
const STOPS = new Set<CueKind>(['verb', 'condition', 'offer', 'proposal', 'refusal', 'provision']);

export interface DemandFinder {
  find(text: string, lang?: string, sentences?: Sentence[], prepared?: PreparedText): Demand[];
  /**
   * The demand topics a text names anywhere, whoever is said to want them ("the withdrawal of Russian troops"):
   * where an article names a topic but no demand of it was found, saying it omits that demand would be a guess.
   */
  mentioned(text: string, lang?: string, sentences?: Sentence[], prepared?: PreparedText): string[];
}

export function compileDemandFinder(lexicon: Pick<Lexicon, 'parties' | 'demands'>): DemandFinder {
  const rules = lexicon.demands;
  const grammar = compileGrammar(rules.grammar);
  const asidePattern = compileAsides(rules.grammar.asideOpeners);
  const topics = compileTopics(rules);
  const cueList: [string[], CueKind][] = [
    [rules.verbCues, 'verb'],
    [rules.orderVerbs, 'verb'],
    [rules.nounCues, 'noun'],
    [rules.aimNouns, 'noun'],
    [rules.modalCues, 'modal'],
    [rules.conditionCues, 'condition'],
    [rules.exchangeCues, 'condition'],
    [rules.offerCues, 'offer'],
    [rules.proposalCues, 'proposal'],
    [rules.additiveCues, 'additive'],
    [rules.refusalCues, 'refusal'],
    [rules.planNouns, 'plan'],
    [rules.provisionCues, 'provision'],
    [rules.notCues, 'not'],
  ];
  const exchange = new Set(rules.exchangeCues.map((p) => p.toLowerCase()));
  const aims = new Set(rules.aimNouns.map((p) => p.toLowerCase()));
  const conditions = new Set(rules.conditionNouns.map((p) => p.toLowerCase()));
  const orders = new Set(rules.orderVerbs.map((p) => p.toLowerCase()));
  const nouns = new Set(rules.nounCues.map((p) => p.toLowerCase()));
  const requirements = new Set(rules.requirementCues.map((p) => p.toLowerCase()));
  const planModals = new Set(rules.planModals.map((p) => p.toLowerCase()));
  const reportedModals = new Set(rules.reportedModals.map((p) => p.toLowerCase()));
  // Cues, speakers and verbs of speech in one scan, each chosen apart (a group each), so none hides another.
  type Found = { cue: CueKind } | { mention: Mention } | { speech: true };
  const scanner = compileAutomaton<Found>([
    ...cueList.flatMap(([list, cue]) => list.map((phrase) => ({ phrase, value: { cue }, group: 0 }))),
    ...lexicon.parties.flatMap((p) => [
      ...p.speakers.map((phrase) => ({ phrase, value: { mention: { party: p.id, adjective: false } }, group: 1 })),
      ...(p.adjectives ?? []).map((phrase) => ({ phrase, value: { mention: { party: p.id, adjective: true } }, group: 1 })),
    ]),
    ...rules.grammar.speechVerbs.map((phrase) => ({ phrase, value: { speech: true as const }, group: 2 })),
  ]);
  const belligerent = new Set(lexicon.parties.filter((p) => p.belligerent).map((p) => p.id));

  function find(text: string, lang = 'en', given?: Sentence[], prepared?: PreparedText): Demand[] {
    const { folded, quotes } = prepared ?? prepareText(text);
    const allCues: Hit<CueKind>[] = [];
    const allMentions: Hit<Mention>[] = [];
    const allSpeech: Hit<true>[] = [];
    for (const h of scanner.find(folded)) {
      // Back to the original text's offsets.
      const start = folded.start[h.start];
      const end = folded.end[h.end - 1];
      if ('mention' in h.value) allMentions.push({ start, end, value: h.value.mention });
      else if ('speech' in h.value) allSpeech.push({ start, end, value: true });
      else if (h.value.cue !== 'not') allCues.push({ start, end, value: h.value.cue });
    }
    const sentences = given ?? splitSentences(text, lang);
    const demands: Demand[] = [];
    const quotesAt = overlapping(quotes);
    let context: { holder: Holder; at: number } | null = null;
    let plan: { holders: Holder[]; at: number } | null = null;
    /** Who announced demands the next sentences may spell out ("Putin set out his conditions."). */
    let announced: { holder: Holder; cue: Hit<CueKind>; at: number } | null = null;
    /** A list a demand word opened with a colon ("Russia's conditions:"), its items the paragraphs after it. */
    let listing: { holders: Holder[]; cue: Hit<CueKind>; at: number } | null = null;
    /** The last quotation of the sentence before, whose speaker a quotation opening this one may continue. */
    let quoted: { speaker: () => Holder | null; at: number } | null = null;

    const as = (m: Hit<Mention>): Holder => ({ party: m.value.party, speaker: text.slice(m.start, m.end) });
    const possessive = (m: Hit<Mention>) =>
      /['’]s?$/u.test(text.slice(m.start, m.end)) || /^['’]s?(?![\p{L}])/u.test(text.slice(m.end, m.end + 3));
    // Asked of the same mention again and again, as each cue looks for its subject: answered once.
    const roles = new Map<number, boolean>();
    const role = (m: Hit<Mention>) => {
      let r = roles.get(m.end);
      if (r === undefined) roles.set(m.end, (r = grammar.role.test(text.slice(m.end, m.end + 40))));
      return r;
    };
    /** A name followed by a capitalised word that is no role is part of another name: "Kyiv Post", "Kyiv International Institute". */
    // ... and a name joined to a word is part of a compound ("US-brokered talks", "NATO-Beitritt"), unless to a role ("EU-Kommission").
    const partOfName = (m: Hit<Mention>) =>
      (/^[-\u2010\u2011]\p{L}/u.test(text.slice(m.end, m.end + 2)) && !grammar.roleCompound.test(text.slice(m.end, m.end + 40))) ||
      (!m.value.adjective &&
        /^\s+\p{Lu}\p{Ll}/u.test(text.slice(m.end, m.end + 4)) &&
        !role(m) &&
        !startsIn(allMentions, m.end + 1, m.end + 3) &&
        // German capitalises every noun: "Putins Forderungen" is an owner and its demand word,
        !startsIn(allCues, m.end + 1, m.end + 3) &&
        // and the subject after its verb comes before the object: "Zudem fordert Kiew Sicherheitsgarantien".
        !within(allCues, m.start - 40, m.start).some((c) => c.value === 'verb' && grammar.inverted.test(text.slice(c.end, m.start))));

    sentences.forEach((s, si) => {
      const sCues = within(allCues, s.start, s.end);
      // "African leaders", "Russian officials": an adjective with a role names the party.
      const sMentions = within(allMentions, s.start, s.end)
        .filter((m) => !partOfName(m))
        .map((m) =>
          m.value.adjective && grammar.roleAfter.test(text.slice(m.end, m.end + 30))
            ? { ...m, value: { ...m.value, adjective: false } }
            : m,
        );
      // "US President Donald Trump" is one speaker, named by the first of its mentions.
      const names = sMentions.filter((m, k, all) => !m.value.adjective && !(k > 0 && /^\s+$/u.test(text.slice(all[k - 1].end, m.start))));
      const sQuotes = quotesAt(s.start - 1, s.end);
      const ctx = context && si - context.at <= CONTEXT_REACH ? context.holder : null;
      const announcedBy = announced && si - announced.at <= CONTEXT_REACH ? announced.holder : null;
      // Read only once a name or a cue asks whether it stands in an aside.
      let asideList: [number, number][] | undefined;
      const asides = () => (asideList ??= asideRanges(asidePattern, s));
      const inQuote = (pos: number) => sQuotes.find((q) => q.start <= pos && pos < q.end);
      /** The speaker a quotation names: after it ("…,” Zelensky said"), as a pronoun ("…,” he said") or before it. */
      const namedQuoteSpeaker = (q: Span): Holder | null => {
        const after = within(allMentions, q.end, q.end + 60 + MAX_PHRASE).find((m) => !m.value.adjective && m.start - q.end < 60);
        if (after && !/[.!?;“"«]/u.test(text.slice(q.end, after.start).replace(/^[\s,.!?]+/u, '')))
          if (grammar.saidAfter.test(text.slice(after.end, after.end + 60)) || grammar.said.test(text.slice(q.end, after.start)))
            return as(after);
        const lead = text.slice(q.end, q.end + 80).replace(/^[\s,]+/u, '');
        // "…,” he said" or "…,” the spokesman said": the party of the sentence before.
        if ((grammar.anaphor.test(lead) || grammar.saidLead.test(lead)) && grammar.said.test(lead.slice(0, 40))) return ctx;
        // "Trump would tell Putin, “...”": the nearest party before it with a speech verb between them.
        const before = within(allMentions, q.start - 100 - MAX_PHRASE, q.start)
          .reverse()
          .find(
            (m) =>
              !m.value.adjective &&
              q.start - m.end < 100 &&
              /[:,]\s*$/u.test(text.slice(m.end, q.start)) &&
              grammar.said.test(text.slice(m.end, q.start)) &&
              !/[.!?;“”"«»]/u.test(text.slice(m.end, q.start)),
          );
        return before ? as(before) : null;
      };
      // "the calls for talks", "the key demand", "Russia's demand that": a demand verb used as a noun.
      for (const c of sCues)
        if (
          c.value === 'verb' &&
          (grammar.determiner.test(text.slice(Math.max(s.start, c.start - 40), c.start)) ||
            (nouns.has(text.slice(c.start, c.end).toLowerCase()) &&
              grammar.determinerAdjective.test(text.slice(Math.max(s.start, c.start - 40), c.start))) ||
            sMentions.some((m) => (m.value.adjective || possessive(m)) && /^(?:['’]s?)?\s+$/u.test(text.slice(m.end, c.start))) ||
            // ... and right after a refusal, which takes no verb: "rejected calls for a ceasefire".
            sCues.some((r) => r.value === 'refusal' && r.end <= c.start && /^\s+$/u.test(text.slice(r.end, c.start))))
        )
          c.value = 'noun';

      /** Where the clause holding `pos` begins: the sentence, its quotation, a semicolon, a comma and conjunction, a speech verb. */
      const clauseStarts = new Map<number, number>();
      const clauseStart = (pos: number) => {
        let from = clauseStarts.get(pos);
        if (from === undefined) clauseStarts.set(pos, (from = findClauseStart(pos)));
        return from;
      };
      const findClauseStart = (pos: number) => {
        // A dateline ("DUBAI, United Arab Emirates (AP) —") names where, not who.
        let from = s.start + (DATELINE.exec(s.text)?.[0].length ?? 0);
        const q = inQuote(pos);
        if (q) from = Math.max(from, q.start + 1);
        const semi = text.slice(from, pos).lastIndexOf(';');
        if (semi >= 0) from += semi + 1;
        const joined = joinsIn.filter((m) => m.start >= from && m.end <= pos).pop();
        if (joined) from = joined.end;
        // A speech verb that is itself a demand cue ("insisted on joining ... and demanded") starts no reported speech.
        const base = from;
        for (const m of speechIn) {
          if (m.start < base || m.end > pos) continue;
          if (!inQuote(m.start) && names.some((n) => n.end <= m.start) && !sCues.some((c) => c.value === 'verb' && c.start === m.start))
            from = m.end;
        }
        return from;
      };
      /** A party after a preposition or a verb is an object ("talks with Moscow"), but not after a role ("a delegation of African leaders"). */
      const objects = new Map<number, boolean>();
      const isObject = (from: number, m: Hit<Mention>) => {
        const key = m.start * 64 + Math.min(40, m.start - from);
        let r = objects.get(key);
        if (r === undefined) {
          const before = text.slice(Math.max(from, m.start - 40), m.start);
          objects.set(key, (r = grammar.object.test(before) && !grammar.roleOf.test(before)));
        }
        return r;
      };
      /** Parties that could be the subject in [from, pos): not objects, asides, or possessives of things. */
      const candidatesIn = (from: number, pos: number, before = pos) => {
        const q = inQuote(pos);
        return names.filter((m) => {
          if (m.start < from || m.end > pos || m.start >= before || inQuote(m.start) !== q) return false;
          if (asides().some(([a, b]) => m.start >= a && m.end <= b && !(pos >= a && pos < b))) return false;
          if (isObject(from, m)) return false;
          // "Russia's foreign minister" speaks; "Russia's nuclear treaty" does not.
          return !possessive(m) || role(m);
        });
      };
      /** The party this sentence is about, for "he" in the next one: whoever states its last demand, else its subject. */
      const remember = (last: Frame | undefined) => {
        // Only a subject near the start counts, so only names there are read.
        const subject = last ? undefined : candidatesIn(s.start, s.end, s.start + SUBJECT_REACH)[0];
        if (last) context = { holder: last.holder, at: si };
        else if (subject) context = { holder: as(subject), at: si };
        else if (context && grammar.anaphor.test(s.text)) context = { ...context, at: si };
      };
      // A sentence without a cue states no demand.
      // An item of such a list: a short paragraph of its own, right after the one before, with no cue of its own.
      // So is a sentence that opens on them after the sentence that announced them: "Among them: ...".
      const listItem =
        listing &&
        listing.at === si - 1 &&
        !sCues.length &&
        text.slice(sentences[si - 1].end, s.start).includes('\n') &&
        s.text.split(/\s+/u).length <= LIST_ITEM_WORDS
          ? listing
          : announced && announced.at === si - 1 && !sCues.length && grammar.announcedOpener.test(s.text)
            ? { holders: [announced.holder], cue: announced.cue, at: si }
            : null;
      listing = null;
      // Whoever a quotation here is said by may go on speaking in the next sentence's quotation.
      const lastQuote = sQuotes[sQuotes.length - 1];
      // (Asked only if the next sentence needs it.)
      const quotedBefore = quoted?.at === si - 1 ? quoted : null;
      quoted = lastQuote ? { speaker: () => namedQuoteSpeaker(lastQuote), at: si } : null;
      if (!sCues.length && !listItem) return remember(undefined);
      // The sentence's verbs of speech, clause joiners (", while") and relative openers (", which"), found once.
      const spans = (pattern: RegExp) =>
        [...s.text.matchAll(pattern)].map((m) => ({ start: s.start + m.index, end: s.start + m.index + m[0].length }));
      const speechIn = within(allSpeech, s.start, s.end);
      // Both open on a comma: a sentence without one has neither.
      const comma = s.text.includes(',');
      const joinsIn = comma ? spans(grammar.clauseJoin) : [];
      const openersIn = comma ? spans(grammar.relativeOpeners) : [];
      /** The subject of the verb at `pos`: the clause's first party, with any joined to it ("Zelensky and Macron"). */
      const subjectsAt = (pos: number): Holder[] => {
        const from = clauseStart(pos);
        // "Kyiv, which has insisted on ...": the party a relative clause hangs on is its subject.
        const opener = openersIn.filter((m) => m.start >= from && m.end <= pos).pop();
        if (opener) {
          const at = opener.start;
          const head = [...names].reverse().find((m) => m.end <= at && /^\s*$/u.test(text.slice(m.end, at)));
          if (head) return [as(head)];
        }
        const found = candidatesIn(from, pos);
        // "It scraps the pledge not to expand NATO, calls for ...": a clause that opens with "it" or "he" has that subject.
        const lead = text.slice(from, found.length ? found[0].start : pos);
        const opensWithAnaphor = grammar.anaphor.test(lead) && !lead.includes(',');
        if (found.length && !opensWithAnaphor) {
          const joined = [found[0]];
          for (const m of found.slice(1)) if (grammar.coordinated.test(text.slice(joined[joined.length - 1].end, m.start))) joined.push(m);
          // A list is closed by "and" ("Britain, France and Germany"); names parted by commas alone are no list
          // ("... against\n\nUkraine, PACE reiterates"): the one next to the verb is its subject.
          if (joined.length > 1 && joined.slice(1).every((m, k) => /^\s*,\s*$/u.test(text.slice(joined[k].end, m.start))))
            return [as(joined[joined.length - 1])];
          return joined.map(as);
        }
        if (!grammar.anaphor.test(text.slice(from, pos))) {
          // Verb-second order: with something else first, the subject follows its verb ("Zudem fordert die EU ...").
          const verb = sCues.find((c) => c.start === pos);
          const after = verb && names.find((m) => m.start >= verb.end && grammar.inverted.test(text.slice(verb.end, m.start)));
          return after ? joinedFrom(after) : [];
        }
        // "he", "it": the subject of the clause before in this sentence, else the party of the sentence before.
        // (The clause before as a subject is read: "Ukraine, PACE reiterates its call" is PACE's.)
        const earlier = from > s.start ? subjectsAt(from - 1) : [];
        if (earlier.length) return earlier.slice(0, 1);
        if (ctx) return [ctx];
        // "He demanded ..., Peskov told reporters": the speaker named at the end is the one meant.
        const closing = names.find((m) => m.start >= pos && isClosingAttribution(text.slice(pos, m.start), text.slice(m.end, s.end)));
        return closing ? [as(closing)] : [];
      };
      const subjectAt = (pos: number): Holder | null => subjectsAt(pos)[0] ?? null;
      /** A party and those joined to it after it: "Witkoff and Dmitriev", "Britain, France and Germany". */
      const joinedFrom = (m: Hit<Mention>): Holder[] => {
        const joined = [m];
        for (const n of names) {
          if (n.start <= m.start) continue;
          if (!grammar.coordinated.test(text.slice(joined[joined.length - 1].end, n.start))) break;
          joined.push(n);
        }
        return joined.map(as);
      };
      /** The party whose view the sentence opens on, before `cue`: "For Moscow, ...". */
      const viewerOf = (cue: { start: number }): Holder | null => {
        const m = names.find(
          (n) => n.end <= cue.start && grammar.perspective.test(text.slice(s.start, n.start)) && /^\s*,/u.test(text.slice(n.end)),
        );
        return m ? as(m) : null;
      };
      /** Who owns a demand or plan word: "Russia's demands", "Russian demands", "his demands", "demands by Moscow". */
      /** An owner in the genitive right after its demand word: "Forderung des Kremls", "Forderung Moskaus". */
      const genitiveOwner = (cue: { end: number }, m: Hit<Mention>) => {
        const gap = grammar.genitive?.exec(text.slice(cue.end, m.start));
        return !!gap && (gap[0].trim() !== '' || grammar.genitiveEnding.test(text.slice(m.start, m.end)));
      };
      const ownerOf = (cue: { start: number; end: number }): Holder | null => {
        const before = [...sMentions]
          .reverse()
          .find((m) => m.end <= cue.start && OWNER_GAP.test(` ${text.slice(m.end, cue.start).replace(/^['’]s?/u, '')}`));
        if (before && (before.value.adjective || possessive(before))) return as(before);
        const after = names.find((m) => m.start >= cue.end && (grammar.agent.test(text.slice(cue.end, m.start)) || genitiveOwner(cue, m)));
        if (after) return as(after);
        // "his demands": the clause's subject, or the speaker of the verb before ("Putin reiterated his call for ...").
        if (grammar.anaphorBefore.test(text.slice(Math.max(s.start, cue.start - 40), cue.start)))
          return subjectAt(cue.start) ?? reporterOf(cue.start) ?? ctx;
        return null;
      };
      /** The speaker of a quotation: named just after it ("…,” Zelensky said", "…,” he said") or just before it ("Zelensky said: “..."). */
      const quoteSpeaker = (q: Span): Holder | null => {
        const found = namedQuoteSpeaker(q);
        // A quotation that opens its sentence with no speaker of its own goes on with the quotation just before:
        // "“Ukraine will not give up its land,” Zelensky said. “We demand ...”".
        return found ?? (q.start <= s.start + 1 && quotedBefore ? quotedBefore.speaker() : null);
      };
      /** Speech a quotation reports in turn: "“He (Putin) said Ukraine has to give up territory. And Ukraine must disarm,” Sullivan said." */
      const innerSpeaker = (q: Span, pos: number): Holder | null => {
        const verbs = [...text.slice(q.start, pos).matchAll(grammar.speech)];
        const verb = verbs[verbs.length - 1];
        if (!verb) return null;
        const at = q.start + verb.index;
        const m = within(allMentions, Math.max(q.start, at - 30), at)
          .reverse()
          .find((n) => !n.value.adjective);
        return m ? as(m) : null;
      };
      /** Reported speech: the speaker of the nearest speech verb before `pos`, "according to X", or a closing attribution. */
      const reporterOf = (pos: number): Holder | null => {
        const q = inQuote(pos);
        if (q) return innerSpeaker(q, pos) ?? quoteSpeaker(q);
        let said: number | null = null;
        for (const m of speechIn) if (m.end <= pos && !inQuote(m.start)) said = m.start;
        // "Ukraine, he said, must leave ...": a pronoun in an aside of attribution stands for the sentence before's party.
        const aside = said !== null && grammar.asideAnaphor.test(text.slice(Math.max(s.start, said - 30), said));
        const speaker = said === null ? null : aside && ctx ? ctx : subjectAt(said);
        if (speaker) return speaker;
        const according = names.find((m) => grammar.according.test(text.slice(s.start, m.start)));
        if (according) return as(according);
        const closing = names.find((m) => m.start >= pos && isClosingAttribution(text.slice(pos, m.start), text.slice(m.end, s.end)));
        return closing ? as(closing) : null;
      };
      const isClosingAttribution = (between: string, after: string) =>
        (between.includes(',') && grammar.saidAfter.test(after)) || grammar.saidBefore.test(between);

      // A plan named here with its authors, or one named just before that this sentence goes on about. A plan
      // that is refused ("Russia rejected Zelensky's peace proposal") is not being set out.
      const refusedHere = (c: Hit<CueKind>) =>
        sCues.some((r) => r.value === 'refusal' && r.end <= c.start && clauseStart(c.start) <= r.start);
      let planCue: Hit<CueKind> | undefined;
      for (const c of sCues) {
        if (c.value !== 'plan' || refusedHere(c)) continue;
        // "the plan drafted by Witkoff and Dmitriev": every author joined to the agent.
        const agent = names.find((m) => m.start >= c.end && grammar.agent.test(text.slice(c.end, m.start)));
        const owner = ownerOf(c);
        const authors =
          agent && owner?.speaker === text.slice(agent.start, agent.end) ? joinedFrom(agent) : owner ? [owner] : subjectsAt(c.start);
        if (!authors.length) continue;
        planCue = c;
        plan = { holders: authors, at: si };
        break;
      }
      // A list that a plan sentence introduces goes on with it: "On top of Ukraine ceding territory:" / "NATO and Ukraine would ...;".
      const listGoesOn = si > 0 && /[:;]\s*$|\band\s*$/u.test(sentences[si - 1].text.slice(-8));
      // The paragraph that names a plan goes on about it: "Front lines would also be frozen. Russia would withdraw ...".
      const sameParagraph = plan !== null && !text.slice(sentences[plan.at].end, s.start).includes('\n');
      // "That formula includes ...": a sentence that opens on a plan goes on about the one named before.
      const opensOnPlan = sCues.some((c) => c.value === 'plan' && grammar.planOpening.test(text.slice(s.start, c.start)));
      const planActive =
        plan &&
        si - plan.at <= CONTEXT_REACH &&
        (plan.at === si || sameParagraph || listGoesOn || opensOnPlan || grammar.planAnaphor.test(s.text))
          ? plan.holders
          : null;
      /** Whether the clause at `pos` has the plan, not a party, as its subject: "It calls for", "The draft would". */
      const opensWithPlan = (pos: number) => {
        const from = clauseStart(pos);
        return (
          !candidatesIn(from, pos).length ||
          grammar.planAnaphor.test(text.slice(from, pos)) ||
          sCues.some((c) => c.value === 'plan' && c.start >= from && c.end <= pos)
        );
      };
      /** A provision follows its plan: "China proposed a plan calling for ...", not "... would work on a memorandum". */
      const aboutPlan = (cue: Hit<CueKind>) =>
        planActive && (plan!.at < si || (planCue && planCue.start < cue.start)) ? planActive : null;
      const hasOffer = sCues.some((c) => c.value === 'offer' || (c.value === 'proposal' && belligerentAt(c)));
      function belligerentAt(c: Hit<CueKind>) {
        const who = subjectAt(c.start) ?? ownerOf(c);
        return !who || belligerent.has(who.party);
      }

      const joinAfter = (pos: number) => joinsIn.find((m) => m.start >= pos)?.start ?? s.end;
      const frames: Frame[] = [];
      const refusals: { by: Holder | null; start: number; end: number }[] = [];
      sCues.forEach((cue, k) => {
        const quote = inQuote(cue.start);
        // An offer or provision word in what is demanded or refused goes on with it: "sought guarantees that NATO will
        // not expand", "will not accept any deal that includes foreign troops".
        // So does a participle of one in an aside: "Putin's conditions, set out in June, were that ...".
        // (Read from the item it stands in: "a new architecture, including guarantees that NATO will not expand".)
        const inner = (c: Hit<CueKind>) =>
          ((c.value === 'offer' || c.value === 'provision') && grammar.complementBefore.test(lastItemOf(text.slice(cue.end, c.start)))) ||
          (c.value === 'provision' && /^\s*,\s*$/u.test(text.slice(cue.end, c.start))) ||
          // ... and the verb that lists a demand word's items: "Russia's wish list includes ...".
          (cue.value === 'noun' && c.value === 'provision' && grammar.includes.test(text.slice(cue.end, c.end + 1)));
        const stop = sCues.slice(k + 1).find((c) => c.start >= cue.end && STOPS.has(c.value) && !inner(c));
        // A cue inside an aside (", who offered comment,") says nothing past it.
        const aside = asides().find(([a, b]) => cue.start >= a && cue.end <= b);
        // A speech verb starts what someone says, not what the cue demands: "calls for X, says that Y".
        // (Not an aside of attribution: "Ukraine must, Zelensky said, get guarantees".)
        const said = speechIn.find((m) => m.start >= cue.end && !inQuote(m.start) && !/^\s*,/u.test(text.slice(m.end, m.end + 3)));
        const end = Math.min(
          stop ? stop.start : s.end,
          quote ? quote.end : s.end,
          // After a demand word, semicolons part its items ("the demands are that ...; ...; and ...").
          cue.value === 'noun' ? s.end : clauseEnd(text, s, cue.end),
          aside ? aside[1] : s.end,
          said ? said.start : s.end,
          // ", while Zelensky ...": a clause with a subject of its own.
          joinAfter(cue.end),
        );
        // The words right before a modal that are its subject ("NATO forces would not be stationed"): who is to act.
        const modalSubject = (): [number, number] | undefined => {
          const m = SUBJECT_BEFORE.exec(text.slice(clauseStart(cue.start), cue.start));
          return m ? [cue.start - m[0].length, cue.start] : undefined;
        };
        // A subject after its verb ("fordert die EU den Austausch ...") is not part of what is demanded.
        const pastInverted = (start: number, holder: Holder) => {
          const at = start === cue.end ? text.indexOf(holder.speaker, start) : -1;
          return at >= 0 && at - start < 40 && grammar.inverted.test(text.slice(start, at)) ? at + holder.speaker.length : start;
        };
        const add = (holders: Holder[] | Holder | null, start: number, to = end, extra: Partial<Frame> = {}) => {
          for (const holder of Array.isArray(holders) ? holders : holders ? [holders] : [])
            frames.push({ cue, start: pastInverted(start, holder), end: to, holder, ...extra });
        };
        switch (cue.value) {
          case 'verb': {
            // "told Zelensky to cede the Donbas": a verb of telling orders only a party, to do something.
            if (
              orders.has(text.slice(cue.start, cue.end).toLowerCase()) &&
              !names.some((m) => /^\s+$/u.test(text.slice(cue.end, m.start)) && grammar.infinitiveNext.test(text.slice(m.end, m.end + 8)))
            )
              return;
            if (grammar.passive.test(text.slice(Math.max(s.start, cue.start - 30), cue.start))) {
              // "Kyiv has been urged to ...": only the agent, if named, demands.
              const agent = names.find((m) => m.start >= cue.end && grammar.agent.test(text.slice(cue.end, m.start)));
              return add(agent ? as(agent) : null, cue.end);
            }
            const content = text.slice(cue.end, end);
            // "What Kyiv wants most is a security guarantee": a free relative's content follows the main verb.
            if (grammar.freeRelative.test(text.slice(s.start, cue.start))) {
              const main = grammar.finiteAt.exec(content);
              return main ? add(subjectsAt(cue.start), cue.end + main.index + main[0].length, end, { owned: true }) : undefined;
            }
            // "insisted the deal is close" asserts; "insisted Kyiv withdraw" demands.
            // (Not a verb inside what a noun demanded says: "wants guarantees that Russia will not attack again".)
            const finite =
              grammar.claim.test(text.slice(cue.start, cue.end)) && grammar.finite.exec(content.replace(/^[\s,;:"“”'‘’«»]+/u, ''));
            const upTo = finite ? finite[0].replace(/\S+$/u, '') : '';
            if (
              finite &&
              (grammar.opensComplement.test(upTo) || grammar.joinedComplement.test(upTo) || !grammar.complementBefore.test(upTo))
            )
              return;
            // "Kyiv has conditioned any talks on a full withdrawal": what is made the condition follows the link, not what is conditioned.
            if (grammar.conditioner.test(text.slice(cue.start, cue.end))) {
              const link = grammar.conditionLink.exec(content);
              return link ? add(subjectsAt(cue.start), cue.end + link.index + link[0].length) : undefined;
            }
            const back = relative(cue);
            // "the concessions that Russia is seeking from Ukraine to end the conflict are too stringent": the main clause goes on at its verb.
            // Its object was named before it; what follows a preposition is an adjunct ("from Ukraine").
            if (back) {
              const main = grammar.finiteAt.exec(text.slice(cue.end, end));
              const to = grammar.adjunct.test(text.slice(cue.end, end)) ? cue.end : main ? cue.end + main.index : end;
              // A verb with a short complement is read with its head: "land ... that Putin wants to keep".
              const short = to > cue.end && text.slice(cue.end, to).trim().split(/\s+/u).length <= 3;
              return add(back.holder, cue.end, to, { owned: true, before: back.before, subject: short ? back.before : undefined });
            }
            // "Russia does not want foreign troops": a negated demand verb refuses what follows.
            const negated = grammar.negatedVerb.test(text.slice(Math.max(s.start, cue.start - 24), cue.start));
            const nullable = !negated && !grammar.circumstance.test(content.trim());
            // "It calls for ...", "The plan calls for ...": a plan's provision, when a plan is being discussed.
            const plan = aboutPlan(cue);
            if (plan && opensWithPlan(cue.start)) return add(plan, cue.end);
            const who = subjectsAt(cue.start);
            if (who.length) return add(who, cue.end, end, { nullable, refused: negated });
            if (quote) return add(quoteSpeaker(quote), cue.end, end, { nullable });
            // "Zelensky said the aggressor must pay, calling for a tribunal": a participle after a comma has the sentence's subject.
            if (grammar.participle.test(text.slice(cue.start, cue.end)) && /,\s*$/u.test(text.slice(s.start, cue.start))) {
              const first = candidatesIn(s.start, cue.start)[0];
              if (first) return add(as(first), cue.end, end, { nullable });
            }
            return add(aboutPlan(cue), cue.end);
          }
          case 'proposal': {
            // "the proposed ceasefire": an adjective, not a proposal being made.
            if (grammar.determiner.test(text.slice(Math.max(s.start, cue.start - 30), cue.start))) return;
            // "offered Ukraine security assurances": a party right after the verb receives what is given.
            if (names.some((m) => /^\s+$/u.test(text.slice(cue.end, m.start)))) return;
            // "offered to host talks": what the proposer would do itself.
            if (grammar.infinitiveAfter.test(text.slice(cue.end, cue.end + 40))) return;
            // "a ceasefire that was proposed by the US": the agent proposes what the relative clause hangs on.
            const passive = grammar.passiveRelative.exec(text.slice(clauseStart(cue.start), cue.start));
            if (passive) {
              const agent = names.find((m) => m.start >= cue.end && grammar.agent.test(text.slice(cue.end, m.start)));
              if (!agent || belligerent.has(agent.value.party)) return;
              const at = clauseStart(cue.start) + passive.index;
              return add(as(agent), agent.end, end, { before: [clauseStart(cue.start), at] });
            }
            const provision = aboutPlan(cue);
            if (provision) return add(provision, cue.end);
            // A side's proposal is its own offer; anyone else's proposes what the sides should do.
            const who = subjectsAt(cue.start).filter((h) => !belligerent.has(h.party));
            const owner = who.length ? who : ownerOf(cue);
            return add(owner && !(!Array.isArray(owner) && belligerent.has(owner.party)) ? owner : null, cue.end);
          }
          case 'plan': {
            // "Britain and France want to present a plan for a ceasefire": what the plan is for, its authors want.
            // So does a refused plan's owner: "Russia rejected Trump's proposal of a ceasefire" states Trump's.
            const owner = cue === planCue ? null : refusedHere(cue) ? ownerOf(cue) : null;
            const lead = cue === planCue || owner ? grammar.goalLead.exec(text.slice(cue.end, end)) : null;
            const holders = owner ?? (cue === planCue ? plan!.holders : null);
            return add(lead ? holders : null, cue.end + (lead?.[0].length ?? 0), end, { owned: owner !== null });
          }
          case 'provision':
            // Words that only ever state a plan's provisions ("envisaged", "provides for") reach a plan named a little before.
            return add(aboutPlan(cue) ?? (plan && plan.at < si && si - plan.at <= CONTEXT_REACH ? plan.holders : null), cue.end);
          case 'offer':
            // In a plan, "would" states what it provides for: "under the plan, Ukraine would cede ...".
            return add(planModals.has(text.slice(cue.start, cue.end).toLowerCase()) ? aboutPlan(cue) : null, cue.end, end, {
              subject: modalSubject(),
            });
          case 'refusal': {
            const by = subjectAt(cue.start) ?? (quote ? quoteSpeaker(quote) : null);
            // A refusal that closes its clause refuses what stands before it: "hat die Forderung nach einer Waffenruhe zurückgewiesen".
            if (
              grammar.finalRefusals.has(text.slice(cue.start, cue.end).toLowerCase()) &&
              /^\s*(?:[,.;:!?"“”»)]|$)/u.test(text.slice(cue.end, s.end))
            ) {
              // (In the passive, "wurde zurückgewiesen", the clause's subject is what is refused, not who refuses.)
              const passive = grammar.passive.test(text.slice(Math.max(s.start, cue.start - 30), cue.start));
              const from = clauseStart(cue.start);
              const subject = passive ? undefined : candidatesIn(from, cue.start)[0];
              const refuser = passive ? null : by;
              refusals.push({ by: refuser, start: from, end: cue.start });
              return add(refuser && belligerent.has(refuser.party) ? refuser : null, subject ? subject.end : from, cue.start, {
                refused: true,
              });
            }
            // A relative clause after the refusal has a subject of its own: "a nonstarter for Kyiv, which demands ...".
            const opener = grammar.relativeOpener.exec(text.slice(cue.end, end));
            refusals.push({ by, start: cue.end, end: opener ? cue.end + opener.index : end });
            // A side's refusal may demand the opposite ("Moscow will not tolerate European troops"); anyone
            // else's refusal is about its own part ("China rules out supplying peacekeepers").
            return add(by && belligerent.has(by.party) ? by : null, cue.end, end, { refused: true });
          }
          case 'noun': {
            const owner = ownerOf(cue);
            // "the goals of the summit" is no one's demand; "his goal was to demilitarise Ukraine" is.
            if (!owner && aims.has(text.slice(cue.start, cue.end).toLowerCase())) return;
            // "That formula includes demands for ...": the plan under discussion owns them.
            // "Among the further demands were ...": whose they are was said just before.
            // "For Moscow, the key demand remains ...": whose view the sentence opens on.
            const who =
              owner ??
              viewerOf(cue) ??
              subjectAt(cue.start) ??
              (quote ? quoteSpeaker(quote) : null) ??
              aboutPlan(cue)?.[0] ??
              announcedBy ??
              ctx;
            // "Ukraine makes the withdrawal of Russian troops a condition for talks": what is made the condition comes between.
            const from = clauseStart(cue.start);
            const made = [...text.slice(from, cue.start).matchAll(grammar.maker)].pop();
            if (made) {
              const at = from + made.index + made[0].length;
              const maker = subjectAt(from + made.index);
              const to = cue.start - (grammar.determiner.exec(text.slice(at, cue.start))?.[0].length ?? 0);
              const plain = !/[;\u2013\u2014]/u.test(text.slice(at, to)) && !sCues.some((c) => c.start >= at && c.end <= to);
              if (maker && plain && to - at > 3) return add(maker, at, to);
            }
            // (Not "remains Russia's insistence that ...": a demand word that opens its content is no predicate.)
            const predicate = grammar.opensComplement.test(text.slice(cue.end, cue.end + 12))
              ? null
              : grammar.predicate.exec(text.slice(s.start, cue.start));
            // "... demanded that Ukraine pull out, as a condition for a ceasefire": the verb's demand, said again.
            if (predicate && sCues.some((c) => c.value === 'verb' && c.end <= cue.start)) return;
            if (predicate) {
              // "Neutrality and the lifting of sanctions are necessary conditions": the content comes first.
              const from = Math.max(
                s.start,
                ...names.filter((m) => m.end <= cue.start && grammar.according.test(text.slice(s.start, m.start))).map((m) => m.end),
              );
              return add(who ?? reporterOf(cue.start), from, s.start + predicate.index);
            }
            // "Putin's goals remain what he declared in 2022: Ukraine must ...": a colon opens the list, past any verb.
            const colon = text.slice(cue.end, Math.min(s.end, cue.end + 120)).indexOf(':');
            if (colon >= 0 && cue.end + colon >= end) {
              const from = cue.end + colon + 1;
              const next = sCues.find((c) => c.start >= from && STOPS.has(c.value));
              return add(who, from, next ? next.start : s.end, { owned: owner !== null });
            }
            // "a demand that Russia has made since the war began: that Ukraine ...": the relative clause names its maker.
            const maker = names.find((m) => m.start >= cue.end && grammar.relativeLead.test(text.slice(cue.end, m.start)));
            if (maker) {
              const opens = /\s[-\u2013\u2014]\s|:/u.exec(text.slice(maker.end, s.end));
              if (opens && !/[,;.]/u.test(text.slice(maker.end, maker.end + opens.index)))
                return add(as(maker), maker.end + opens.index + opens[0].length, s.end, { owned: true });
            }
            const lead = grammar.includes.exec(text.slice(cue.end, end));
            // "Russia's demand for neutrality is unacceptable": with nothing demanded after the verb, it was named before it.
            if (lead)
              return add(who, cue.end + lead[0].length, end, { owned: owner !== null, before: [cue.end, cue.end + lead[0].length] });
            // "Putin demands Ukraine quit NATO bid": with a party right before it and right after it, the word is a verb.
            const subject = [...names].reverse().find((m) => m.end <= cue.start && /^\s+$/u.test(text.slice(m.end, cue.start)));
            if (subject && !possessive(subject) && names.some((m) => m.start >= cue.end && /^\s+$/u.test(text.slice(cue.end, m.start))))
              return add(as(subject), cue.end);
            // ", a condition Kyiv sees as essential": a clause about the demand, not its content
            // (but not "his call for Ukraine to ...", "its demand that Kyiv abandon ...": the cue ends on its opener).
            const opened = grammar.endsOnOpener.test(text.slice(cue.start, cue.end));
            if (!opened && names.some((m) => m.start >= cue.end && /^\s*$/u.test(text.slice(cue.end, m.start)) && !genitiveOwner(cue, m)))
              return;
            const main = grammar.mainVerbAfter.exec(text.slice(cue.end, end));
            // "dismissed Putin's call for X as a ploy": what the refusal calls it is no part of the demand.
            const called = refusedHere(cue) ? grammar.characterised.exec(text.slice(cue.end, end)) : null;
            return add(who, cue.end, Math.min(main ? cue.end + main.index : end, called ? cue.end + called.index : end), {
              owned: owner !== null,
            });
          }
          case 'modal': {
            // "Ukraine must withdraw" in the outlet's own voice is its reasoning; a modal demands only as someone's words,
            // or as the content of demands the sentence before announced ("Putin set out his conditions. Kyiv must ...").
            // A mood that marks reported speech ("Alle Sanktionen müssten aufgehoben werden") goes on with the speaker before.
            // So is a sentence that opens on a party's view: "For Ukraine, any deal must include ...".
            const by =
              reporterOf(cue.start) ??
              announcedBy ??
              viewerOf(cue) ??
              (reportedModals.has(text.slice(cue.start, cue.end).toLowerCase()) ? ctx : null);
            // A one-word modal that ends its clause ("..., über die geredet werden müsse, von ...") has its content before it,
            // unless a complement ("müsse, dass ...") or an aside of attribution ("must, Zelensky said, get") follows.
            const word = !/\s/u.test(text.slice(cue.start, cue.end));
            const next = word ? /^\s*(?:[,;.!?]|$)\s*/u.exec(text.slice(cue.end, s.end)) : null;
            const after = next ? cue.end + next[0].length : cue.end;
            const final = next && !grammar.said.test(text.slice(after, s.end).split(',')[0]);
            if (final) {
              // After a demand verb, it is inside what that verb demands ("verlangte, dass ... müsse").
              if (sCues.some((c) => c.value === 'verb' && c.end <= cue.start)) return;
              if (!grammar.leading.test(text.slice(after, s.end)) && !inQuote(after + 1)) return add(by, clauseStart(cue.start), cue.start);
            }
            return add(by, cue.end, end, { subject: modalSubject() });
          }
          case 'condition': {
            // "Talks can start only when Russian forces leave", as someone's words: a requirement, offer or not.
            // So is a condition its clause restricts: "Russia will only agree to a ceasefire if ...", its subject's.
            if (
              requirements.has(text.slice(cue.start, cue.end).toLowerCase()) ||
              grammar.restrictor.test(text.slice(clauseStart(cue.start), cue.start))
            ) {
              const by = reporterOf(cue.start) ?? subjectAt(cue.start);
              if (by) return add(by, cue.end, conditionEnd(text, cue.end, end));
            }
            if (!hasOffer) return;
            const to = conditionEnd(text, cue.end, end);
            const fronted = cue.start - s.start < 4;
            // The one who sets it: the subject of the offer or threat, or whoever the sentence reports.
            // (Its subject, not a party after it: "A deal could see Ukraine give up land in exchange for ..." is no one's.)
            const offer = [...sCues].reverse().find((c) => c.value === 'offer' && c.end <= cue.start && c.start >= clauseStart(cue.start));
            const main =
              (fronted ? firstSubjectAfter(to) : offer ? subjectAt(offer.start) : subjectAt(cue.start)) ??
              reporterOf(cue.start) ??
              (fronted ? ctx : null);
            if (!main) return;
            // What the condition asks of another party ("if Ukraine withdraws", "if it does not agree"), not how things
            // go ("if talks stall"); an exchange names what the speaker gets ("in return for guarantees").
            const addressed =
              names.some(
                (m) =>
                  m.start >= cue.end &&
                  m.end <= to &&
                  m.value.party !== main.party &&
                  /^\s*(?:\S+\s+){0,2}$/u.test(text.slice(cue.end, m.start)),
              ) || grammar.anaphorFirst.test(text.slice(cue.end, to));
            if (addressed || exchange.has(text.slice(cue.start, cue.end).toLowerCase())) add(main, cue.end, to);
            return;
          }
        }
      });

      /** "..., which Russia is demanding" / "as Moscow demands": the party named just before the verb, the content before it. */
      function relative(cue: Hit<CueKind>): { holder: Holder; before: [number, number] } | null {
        const m = [...names].reverse().find((n) => n.end <= cue.start);
        if (!m || !/^\s+(?:[\p{L}]+\s+){0,2}$/u.test(text.slice(m.end, cue.start))) return null;
        const rel = grammar.relative.exec(text.slice(s.start, m.start));
        if (!rel) return null;
        const relAt = s.start + rel.index + rel[0].length - rel[0].trimStart().length;
        const head = text.slice(s.start, relAt);
        // "said that Russia wants": a complement, not a relative clause.
        if (grammar.saidLast.test(head)) return null;
        const boundary = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'));
        let from = boundary >= 0 && head.slice(boundary + 1).trim() ? s.start + boundary + 1 : s.start;
        for (const r of sCues) if (r.value === 'refusal' && r.start >= from && r.end <= relAt) from = r.end;
        return relAt - from < 3 ? null : { holder: as(m), before: [from, relAt] };
      }
      function firstSubjectAfter(pos: number): Holder | null {
        const m = names.find((n) => n.start > pos && !isObject(pos, n));
        return m ? as(m) : null;
      }

      // The plan stays under discussion while its provisions go on.
      if (plan && frames.some((f) => plan!.holders.includes(f.holder))) plan = { ...plan, at: si };

      // "As well as X, Putin demanded Y": the fronted clause is demanded too.
      const additive = sCues.find((c) => c.value === 'additive' && c.start === s.start);
      const firstVerb = frames.find((f) => f.cue.value === 'verb');
      if (additive && firstVerb) {
        const named = [...names].reverse().find((h) => h.end <= firstVerb.cue.start);
        const comma = text.lastIndexOf(',', named ? named.start : firstVerb.cue.start);
        if (comma > additive.end) frames.push({ ...firstVerb, start: additive.end, end: comma, before: undefined });
      }

      if (listItem)
        for (const holder of listItem.holders) frames.push({ cue: listItem.cue, start: s.start, end: s.end, holder, owned: true });

      // What a party refuses is not its demand: "Zelensky rejected the call for ...", "Kyiv refuses to cede ...".
      const kept = frames.filter((f) => {
        if (f.refused) return true;
        const r = refusals.find((x) => f.cue.start >= x.start && f.cue.start < x.end);
        return !r || (!!f.owned && f.holder.party !== r.by?.party);
      });

      const sentenceFolded = foldedSlice(folded, s.start, s.end);
      const topical = (from: number, to: number, refused = false, subject?: [number, number]) => {
        // The first item is read with its subject: "Russia would withdraw from ..." is Russia's withdrawal.
        const lead = subject ? `${foldedSlice(folded, subject[0], subject[1]).trim()} ` : '';
        const leadTopics = lead ? topics.of(lead, sentenceFolded, refused) : [];
        const split = splitItems(grammar, text, from, to);
        // A negation the last item ends on may be the verb all items share: "seine NATO-Pläne und vier Regionen aufgeben".
        const lastItem = split[split.length - 1];
        const shared = split.length > 1 ? topics.finalNegation(foldedSlice(folded, lastItem.start, lastItem.end)) : null;
        // A party the first item opens on is the subject of the verbs after it: "that Russia end its war and withdraw its forces".
        const opener = split.length > 1 ? names.find((m) => m.start === split[0].start) : undefined;
        const carried = opener ? `${foldedSlice(folded, opener.start, opener.end)} ` : '';
        const items = split
          .map((it, k) => {
            // "a comprehensive settlement, not a temporary truce": what is set against the demand is not demanded.
            if (
              k > 0 &&
              grammar.contrast.test(it.text.replace(/^[\s"“”'‘’«»]+/u, '')) &&
              text.slice(split[k - 1].end, it.start).includes(',')
            )
              return { ...it, topics: [] };
            const own = (k === 0 ? lead : '') + foldedSlice(folded, it.start, it.end);
            // A subject that names a topic by itself ("any settlement must ...") is what must act, not what is asked.
            let found = topics.of(own, sentenceFolded, refused).filter((t) => !(k === 0 && leadTopics.includes(t)));
            if (!found.length && shared && k < split.length - 1) found = topics.of(`${own} ${shared}`, sentenceFolded, refused);
            if (!found.length && k > 0 && carried && /^\p{Ll}/u.test(it.text)) found = topics.of(carried + own, sentenceFolded, refused);
            return { ...it, topics: found.length || refused ? found : topics.implied(folded, it) };
          })
          .filter((it) => it.topics.length);
        if (items.length) return items;
        // Items that share one verb ("seine NATO-Pläne und vier Regionen aufgeben") say their topic only together.
        const whole = trimItem(grammar, text, from, demandedEnd(grammar, text, from, to));
        const found = whole ? topics.of(foldedSlice(folded, whole.start, whole.end), sentenceFolded, refused) : [];
        return whole && found.length ? [{ ...whole, topics: found }] : [];
      };
      for (const f of kept) {
        let found = topical(f.start, f.end, f.refused, f.subject);
        if (!found.length && f.before) found = topical(...f.before);
        const push = (start: number, end: number, topic: string | null) =>
          demands.push({
            party: f.holder.party,
            speaker: f.holder.speaker,
            topic,
            topicLabel: topic ? topics.label(topic) : null,
            certain: topic !== null,
            text: text.slice(start, end),
            start,
            end,
            sentence: s.text,
            sentenceStart: s.start,
            sentenceEnd: s.end,
            cue: text.slice(f.cue.start, f.cue.end),
          });
        if (found.length) {
          // What a party would give is never its own demand: a plan Russia co-wrote may ask Russia to withdraw.
          for (const it of found) {
            // "conditions for an end to the fighting": what the conditions are for, not what they ask.
            const between = text.slice(f.cue.end, it.start);
            const goal = grammar.goal.test(between) || (!between.trim() && grammar.goalLead.test(text.slice(f.cue.end, it.end)));
            if (goal && conditions.has(text.slice(f.cue.start, f.cue.end).toLowerCase())) continue;
            for (const topic of it.topics) if (!topics.yields(topic, f.holder.party)) push(it.start, it.end, topic);
          }
        } else if (f.nullable) {
          const whole = trimItem(grammar, text, f.start, f.end);
          if (whole && whole.text.split(/\s+/).length >= 3) push(whole.start, whole.end, null);
        }
      }

      // A demand word that announces rather than states ("Putin set out his conditions."): the next sentences may spell them out.
      // So does one whose only content is its goal ("presented his conditions for negotiations").
      const announcing = kept.find(
        (f) =>
          f.cue.value === 'noun' &&
          demands.every(
            (d) =>
              d.sentenceStart !== s.start ||
              d.cue !== text.slice(f.cue.start, f.cue.end) ||
              grammar.goal.test(text.slice(f.cue.end, d.start)),
          ),
      );
      if (announcing) announced = { holder: announcing.holder, cue: announcing.cue, at: si };
      if (listItem) listing = { ...listItem, at: si };
      else if (/:\s*$/u.test(s.text)) {
        // "The US plan sets out these points:": a plan named here opens the list as well.
        if (announcing) listing = { holders: [announcing.holder], cue: announcing.cue, at: si };
        else if (planCue && plan?.at === si) listing = { holders: plan.holders, cue: planCue, at: si };
      }

      remember(kept.filter((f) => !f.refused).pop());
    });
    return dedupe(demands);
  }

  function mentioned(text: string, lang = 'en', given?: Sentence[], prepared?: PreparedText): string[] {
    const { folded } = prepared ?? prepareText(text);
    return topics.mentioned(folded, given ?? splitSentences(text, lang));
  }

  return { find, mentioned };
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

/** Whether a hit (sorted by start) starts within [start, end). */
function startsIn<T>(hits: Hit<T>[], start: number, end: number): boolean {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < hits.length && hits[lo].start < end;
}

/** Asides inside a sentence, whose parties are not the sentence's subject: ", who met Putin,", "(...)", "– ... –". */
function compileAsides(openers: readonly string[]): RegExp {
  const words = openers.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)';
  return new RegExp(
    `,\\s*(?:${words})(?![\\p{L}])[^,;]*,|\\([^)]*\\)|\\s[\\u2013\\u2014-]\\s[^\\u2013\\u2014]*\\s[\\u2013\\u2014-]\\s`,
    'giu',
  );
}

function asideRanges(pattern: RegExp, s: Sentence): [number, number][] {
  return [...s.text.matchAll(pattern)].map((m) => [s.start + m.index, s.start + m.index + m[0].length]);
}

/** Where the clause that holds `pos` ends: a semicolon or the sentence's end. */
function clauseEnd(text: string, s: Sentence, pos: number): number {
  const semi = s.text.indexOf(';', pos - s.start);
  return semi >= 0 ? s.start + semi : s.end;
}

/** A condition runs to the comma that closes it, or to where its span stops. */
function conditionEnd(text: string, from: number, end: number): number {
  const comma = text.indexOf(',', from);
  return comma >= 0 && comma < end ? comma : end;
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

/**
 * One record per thing demanded: the same party's same topic found twice in a sentence over nested spans
 * (a verb's and a plan's: "want to present a plan for a ceasefire") is kept once, the tighter span.
 */
function dedupe(demands: Demand[]): Demand[] {
  const bySentence = new Map<number, Demand[]>();
  for (const d of demands) {
    const list = bySentence.get(d.sentenceStart);
    if (list) list.push(d);
    else bySentence.set(d.sentenceStart, [d]);
  }
  const order = new Map(demands.map((d, k) => [d, k]));
  return demands.filter(
    (d) =>
      !bySentence.get(d.sentenceStart)!.some(
        (o) =>
          o !== d &&
          o.party === d.party &&
          o.topic === d.topic &&
          o.start >= d.start &&
          o.end <= d.end &&
          // The same span twice: the first is kept.
          (o.start > d.start || o.end < d.end || order.get(o)! < order.get(d)!),
      ),
  );
}
