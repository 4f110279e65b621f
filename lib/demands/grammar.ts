/**
 * A language's demand grammar (word lists in its pack) compiled into the patterns the demand finder
 * reads with. Nothing here knows a language: every word comes from the pack.
 */
import type { MergedDemandRules } from '../lexicon/types';

/** A phrase list as a regular-expression alternation, longest first, whitespace as any run of it. */
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|') || '(?!)';
/** Edges that see letters of any script, where \b sees only ASCII. */
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A whole word or phrase of the list. */
const words = (list: readonly string[]) => `${START}(?:${alternation(list)})${END}`;

/** A word list with each word also capitalised, as it opens a sentence: for patterns that must see case elsewhere. */
const capitalisedToo = (list: readonly string[]) => list.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]);

export function compileGrammar(g: MergedDemandRules['grammar']) {
  const speech = words(g.speechVerbs);
  return {
    /** Connectors an item may start with; trimmed so the item reads as the thing demanded. Elided forms ("qu'") end in an apostrophe. */
    leading: new RegExp(`^(?:(?:${alternation(g.itemOpeners)})(?:${END}|(?<=['’]))[\\s,]*)+`, 'iu'),
    /** A span that starts like this is a time or place, not a demand ("demanded in the early months"). */
    circumstance: new RegExp(`^${words(g.circumstances)}`, 'iu'),
    /** "X are necessary conditions": a noun cue as predicate, so the demand is what precedes it. */
    predicate: new RegExp(`${words(g.copulas)}\\s+(?:[\\p{L}'’-]+\\s+){0,2}$`, 'iu'),
    /** "demands for peace include A, B": the items start after the verb (or a colon). */
    // (Past an aside: "Putin's conditions, set out in June 2024, were that ...".)
    includes: new RegExp(`^(?:\\s*,[^,;:]{1,60},)?[^,;:]{0,60}?${words(g.includes)}\\s*|^[^,;:]{0,60}?:\\s*`, 'iu'),
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
    // (Past the speaker's role: "..., a Chinese foreign ministry spokesperson said.")
    saidAfter: new RegExp(`^(?:['’]s?)?\\s+(?:(?:[\\p{L}-]+\\s+){0,2}?${words(g.roles)}\\s+)?${speech}(?:[^,;:]*$|\\s*,)`, 'iu'),
    saidBefore: new RegExp(`,\\s*${speech}\\s+(?:[\\p{L}.-]+\\s+){0,4}$`, 'iu'),
    /** Every speech verb, to find reported speech ("Lavrov said Ukraine must ..."). */
    speech: new RegExp(speech, 'giu'),
    /** A text that opens with a speech verb ("a déclaré le porte-parole"). */
    saidLead: new RegExp(`^${speech}`, 'iu'),
    /** Whether a text holds a speech verb. */
    said: new RegExp(speech, 'iu'),
    /** Text that ends right after an object preposition, with at most a determiner between ("talks with the"). */
    object: new RegExp(`${words(g.objectMarkers)}\\s+(?:[\\p{L}]{1,4}\\s+)?$`, 'iu'),
    /** Right after a cue, its agent or owner ("urged by Washington", "a plan drafted by Witkoff", "demands of Moscow"). */
    agent: new RegExp(`^,?\\s*(?:[\\p{L}-]+\\s+){0,2}?${words(g.agentMarkers)}\\s+(?:[\\p{L}]{1,4}\\s+)?$`, 'iu'),
    /** Text that ends in a passive auxiliary, before the cue ("has been urged"). */
    passive: new RegExp(`${words(g.passiveMarkers)}\\s+(?:\\p{L}+ly\\s+)?$`, 'iu'),
    /** A clause that starts with a word referring back ("He also demanded", "The Kremlin leader said"). */
    anaphor: new RegExp(`^[\\s"“'‘(]*(?:[\\p{L}\\d-]+,?\\s+){0,3}?${words(g.anaphors)}`, 'iu'),
    /** A sentence that opens by referring back to a plan ("It also suggested", "Under the plan, ..."). */
    planAnaphor: new RegExp(`^[\\s"“'‘(]*(?:[\\p{L}\\d-]+,?\\s+){0,2}?${words(g.planAnaphors)}`, 'iu'),
    /** A condition that opens on a pronoun asks it of the party it stands for ("if it does not agree"). */
    anaphorFirst: new RegExp(`^\\s*${words(g.anaphors)}\\s`, 'iu'),
    /** What may open a sentence before a plan it goes on about: a determiner, maybe a word ("That formula", "The 28-point"). */
    planOpening: new RegExp(`^[\\s"“'‘(]*(?:${words(g.determiners)}\\s+)(?:[\\p{L}\\d-]+\\s+)?$`, 'iu'),
    /** A comma and a pronoun right before a verb of speech: an aside of attribution (", he said,"). */
    asideAnaphor: new RegExp(`,\\s*${words(g.anaphors)}\\s+$`, 'iu'),
    /** An anaphor anywhere (a possessive one before a demand word: "his demands"). */
    anaphorBefore: new RegExp(`${words(g.anaphors)}\\s+(?:[\\p{L}-]+\\s+){0,2}$`, 'iu'),
    /** A role right after an adjective makes it a party ("African leaders", "Russian officials"). */
    roleAfter: new RegExp(`^\\s+(?:(?:${alternation(g.connectors)}|,)\\s+[\\p{L}.-]+\\s+)?(?:[\\p{L}-]+\\s+){0,1}?${words(g.roles)}`, 'iu'),
    /** A role and a preposition right before a party: it is that role's party, not an object ("a delegation of African leaders"). */
    roleOf: new RegExp(`${words(g.roles)}\\s+${words(g.objectMarkers)}\\s+(?:[\\p{L}]{1,4}\\s+)?$`, 'iu'),
    /** A role joined to a party's name in a compound: "EU-Kommission", "US-Präsident". */
    roleCompound: new RegExp(`^[-\\u2010\\u2011](?:${alternation(g.roles)})`, 'iu'),
    /** A role right after a party's name makes that name a speaker ("Russia's foreign minister"). */
    role: new RegExp(`^['’]?s?\\s+(?:[\\p{L}-]+\\s+){0,2}?${words(g.roles)}`, 'iu'),
    /** Where a refusal goes on to say what it calls what it refuses: "... as a ploy". */
    characterised: new RegExp(`\\s${words(g.characterisers)}\\s`, 'iu'),
    /** A verb cue in a participle's form ("calling for"): after a comma, it has the sentence's subject. */
    participle: new RegExp(`^\\p{L}+(?:${alternation(g.participleEndings)})(?:\\s|$)`, 'iu'),
    /** A sentence's opening up to a party whose view it gives: "For " (Moscow, ...), "According to ". */
    perspective: new RegExp(`^\\s*${words(g.perspectives)}\\s+$`, 'iu'),
    /** A negation right before a demand verb ("does not want", "never demanded"): it refuses what follows. */
    negatedVerb: new RegExp(`${words(g.negators)}\\s+(?:\\p{L}+\\s+)?$`, 'iu'),
    /** An item set against the demand: "..., not a temporary truce", "..., rather than talks". */
    contrast: new RegExp(`^${words(g.contrasts)}\\s`, 'iu'),
    /** A sentence that opens on the demands the one before announced: "Among them: ...", "They include ...". */
    announcedOpener: new RegExp(`^\\s*${words(g.announcedOpeners)}`, 'iu'),
    /** Text that opens with a complementizer: "(insistence) that ...". */
    opensComplement: new RegExp(`^\\s*${words(g.complementizers)}\\s`, 'iu'),
    /** A complementizer after a connector: a clause joined to the one before ("... and that he will meet"), no noun's content. */
    joinedComplement: new RegExp(`\\s(?:${alternation(g.connectors)})\\s+${words(g.complementizers)}\\s`, 'iu'),
    /** A cue that ends on a word opening its content ("call for", "demand that"). */
    endsOnOpener: new RegExp(`\\s(?:${alternation([...g.goals, ...g.complementizers])})$`, 'iu'),
    /** An infinitive next: "(told Zelensky) to cede". */
    infinitiveNext: new RegExp(`^\\s+${words(g.infinitives)}\\s`, 'iu'),
    /** Right after a proposal, an infinitive: what the proposer itself would do ("offered to host talks"). */
    infinitiveAfter: new RegExp(`^\\s+${words(g.infinitives)}\\s+(?!${words(g.determiners)})\\p{Ll}`, 'u'),
    /** An item that opens a clause of its own, up to its verb: "guarantees that NATO ", "any deal that ". */
    complementBefore: new RegExp(`^\\s*(?:[\\p{L}'’-]+\\s+){0,5}?${words(g.complementizers)}\\s+(?:[\\p{L}'’.-]+\\s+){0,3}$`, 'iu'),
    /** A verb that makes its object a demand ("makes X a condition", "macht X zur Bedingung"). */
    maker: new RegExp(`${words(g.makers)}\\s`, 'giu'),
    /** Text that ends with a relative word and a passive auxiliary ("a ceasefire that was"), before a participle. */
    passiveRelative: new RegExp(`${words(g.relatives)}\\s+(?:[\\p{L}]+\\s+){0,2}?${words(g.passiveMarkers)}\\s+(?:\\p{L}+ly\\s+)?$`, 'iu'),
    /** Text that ends with a relative word and its party ("the Donbas, which Russia", "as Moscow still"). */
    relative: new RegExp(`(?:^|[,;]\\s*|\\s)${words(g.relatives)}\\s+$`, 'iu'),
    /** Right after a demand word, a relative word and at most a word before a party ("demand, which Russia", "that Moscow has"). */
    relativeLead: new RegExp(`^\\s*,?\\s*${words(g.relatives)}\\s+(?:\\p{L}+\\s+)?$`, 'iu'),
    /** A comma and a relative pronoun: a clause about the party named just before ("Kyiv, which has insisted"). */
    relativeOpener: new RegExp(`,\\s*${words(g.relatives.filter((r) => r.length > 2))}\\s`, 'iu'),
    relativeOpeners: new RegExp(`,\\s*${words(g.relatives.filter((r) => r.length > 2))}\\s`, 'giu'),
    /** A comma and a conjunction that opens a clause of its own. */
    clauseJoin: new RegExp(`,\\s*${words(g.clauseJoiners)}\\s`, 'giu'),
    /** Right after a demand word, a goal ("conditions for negotiations"): what it is for, not what it asks. */
    goal: new RegExp(`^\\s*${words(g.goals)}\\s+(?:\\p{L}+\\s+)?$`, 'iu'),
    /** Text that opens with a goal: "a plan for a ceasefire", "ein Plan für eine Waffenruhe". */
    goalLead: new RegExp(`^\\s*${words(g.goals)}\\s`, 'iu'),
    /** A demand verb right after one of these is a noun: "the calls for talks". */
    determiner: new RegExp(`${words(capitalisedToo(g.determiners))}\\s+$`, 'u'),
    /** The same with an adjective between, for words that are nouns as well: "the key demand". */
    determinerAdjective: new RegExp(`${words(capitalisedToo(g.determiners))}\\s+\\p{Ll}[\\p{L}-]*\\s+$`, 'u'),
    /** What lies between two parties joined as one subject: "Zelensky and Macron", "Britain, France", "Ukraine and its allies". */
    coordinated: new RegExp(`^\\s*(?:,\\s*)?(?:${alternation(g.connectors)})?\\s*(?:${words(g.determiners)}\\s+)?$`, 'iu'),
    /** A text that ends with a speech verb: what follows is its complement ("said that Russia wants"). */
    saidLast: new RegExp(`${speech}\\s*$`, 'iu'),
    /** Claim verbs, whose complement is a demand only where it says what must happen. */
    claim: new RegExp(`^${words(g.claimVerbs)}$`, 'iu'),
    /** A text that opens with a preposition: an adjunct, not an object. */
    adjunct: new RegExp(`^\\s*${words([...g.agentMarkers, ...g.circumstances])}\\s`, 'iu'),
    /** A finite verb anywhere: where a relative clause gives way to the main clause's verb. */
    finiteAt: new RegExp(`\\s${words(g.finiteVerbs)}`, 'iu'),
    /** A comma and a finite verb: the main clause going on after a clause that held the demand word ("Dass Putin Forderungen stellte, ist ..."). */
    mainVerbAfter: new RegExp(`,\\s*${words(g.finiteVerbs)}\\s`, 'iu'),
    /** Between a verb and the subject after it, in verb-second order ("fordert die EU"); never where the language has none. */
    inverted: g.inversionWords.length ? new RegExp(`^\\s+(?:${words(g.inversionWords)}\\s+)*$`, 'iu') : /(?!)/u,
    /** Between a demand word and its owner named after it ("Forderung des Kremls"); never where owners come before. */
    // (An elided article runs into the name: "de l'Ukraine".)
    genitive:
      g.genitiveArticles.length || g.genitiveEndings.length
        ? new RegExp(`^\\s+(?:${START}(?:${alternation(g.genitiveArticles)})(?:\\s+|(?<=['’])))?$`, 'iu')
        : null,
    /** A name in the genitive that needs no article: its ending says so. */
    genitiveEnding: new RegExp(`(?:${alternation(g.genitiveEndings)})$`, 'u'),
    /** Refusals that close their clause: what they refuse comes before them. */
    finalRefusals: new Set(g.finalRefusals.map((w) => w.toLowerCase())),
    /** A verb that makes one thing the condition of another, and the word after which its demand follows. */
    conditioner: new RegExp(`^${words(g.conditioners)}$`, 'iu'),
    conditionLink: new RegExp(`\\s${words(g.conditionLinks)}\\s`, 'iu'),
    /** A word that makes a condition after it in its clause a requirement ("will only agree ... if"). */
    restrictor: new RegExp(words(g.restrictors), 'iu'),
    /** A relative word with no head, opening the sentence: "What Kyiv wants is ...". */
    freeRelative: new RegExp(`^[\\s"“'‘]*${words(g.freeRelatives)}\\s+(?:[\\p{L}.'’-]+\\s+){1,4}$`, 'iu'),
    /** A finite verb early in a complement makes it a claim ("insisted a deal is close"). */
    finite: new RegExp(`^(?:\\S+\\s+){0,8}?${words(g.finiteVerbs)}`, 'iu'),
  };
}

export type Grammar = ReturnType<typeof compileGrammar>;
