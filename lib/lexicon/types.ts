/** The lexicon: data that says which words frame a story, and how. Packs are JSON files of this shape. */

export const PACK_SCHEMA = 'framing-lens/pack@1';

export const CATEGORIES = ['name', 'region', 'loaded'] as const;
/** `name`: people and organisations; `region`: places; `loaded`: loaded or framing phrases. */
export type Category = (typeof CATEGORIES)[number];

export const PARTY_IDS = ['russia', 'ukraine', 'united-states', 'nato', 'eu', 'g7', 'china', 'other'] as const;
export type PartyId = (typeof PARTY_IDS)[number];

/** One way of writing a concept, e.g. "Kiev" for the capital of Ukraine. */
export interface Variant {
  /** The surface form as written, e.g. "Kiev". Matching folds case, diacritics, apostrophes and dashes. */
  form: string;
  /** Other forms that count as this same variant: inflections (Києва), longer names (Vladimir Putin). */
  also?: string[];
  /** BCP 47 language of the form ("en", "uk", "ru", ...). */
  lang?: string;
  /** What this variant is and who uses it, as checkable fact. */
  note: string;
  /** "war": this form alone needs the war's context, as the entry's `context` does ("Lvov" is also a surname). */
  context?: 'war';
}

export interface Entry {
  /** Kebab-case, unique across all loaded packs. */
  id: string;
  category: Category;
  /** What all variants refer to, e.g. "Kyiv (capital of Ukraine)". */
  concept: string;
  /** A neutral, factual note on the concept. */
  note: string;
  variants: Variant[];
  /** Language of the entry when all its variants share one. */
  lang?: string;
  /** Loaded phrases: what the phrase takes for granted. */
  presumes?: string;
  /** Loaded phrases: a neutral wording of the same thing. */
  neutral?: string;
  /**
   * Loaded phrases of the war: who rejects the term and what they call the same thing, written the same
   * way whichever side the term comes from ("Russian officials reject the description ...").
   */
  objection?: string;
  /** Longer phrases that contain a variant but are not this term ("the Ukraine war" is not "the Ukraine"). */
  exclude?: string[];
  /**
   * "war": annotated only in an article about the war, one that names a person or place of it that
   * needs no such context. For words that are ordinary elsewhere ("red lines", "provocation") and
   * for people in every other story too (Trump).
   */
  context?: 'war';
}

/** Who speaks for a party: names, titles and metonyms ("the Kremlin", "Kyiv"). */
export interface Party {
  id: PartyId;
  label: string;
  speakers: string[];
  /**
   * Adjectives that name the party only right before a demand word ("Russian demands", "American
   * proposal"); elsewhere they describe, not speak ("Russian forces").
   */
  adjectives?: string[];
  /** A side at war: its proposals are offers of its own. Anyone else's proposals are calls on the sides. */
  belligerent?: boolean;
}

/**
 * A topic rule matches a demand item when every group in `all` has a phrase in the item and no
 * phrase of `none` is there. Phrases fold like lexicon forms; a trailing `*` matches any word ending.
 */
export interface TopicRule {
  all: string[][];
  none?: string[];
  /**
   * `sentence`: only the first group must be in the item; the others may be named anywhere in its sentence
   * ("the Donbas, from which Moscow demands a full withdrawal"). Absent: all in the item.
   */
  scope?: 'item' | 'sentence';
  /** What this rule means negated or refused, where it differs from the topic's `negatedTopic`. */
  negatedTopic?: string;
}

export interface DemandTopic {
  /** Topic id from the fixtures README, e.g. "withdraw-from-annexed-regions". */
  id: string;
  label: string;
  rules: TopicRule[];
  /** When the item negates this topic ("never join NATO"), it means that topic instead. */
  negatedTopic?: string;
  /** The party that would give what this topic asks ("russia" for Russian withdrawal): never that party's own demand. */
  yieldedBy?: string;
  /**
   * An item that is only one of `items` ("asked to join"), or a short one holding one of `within`
   * ("a clear path towards membership"), leaves its object unsaid: it means this topic when one of
   * `antecedents` ("NATO") was named shortly before it.
   */
  elliptical?: { items: string[]; antecedents: string[]; within?: string[] };
}

/**
 * How a language frames and enumerates what is demanded: the words the finder reads around its cues.
 * Each language pack brings its own; English words would misread German text.
 */
export interface DemandGrammar {
  /** Words that join enumerated items ("and", "or", "as well as"). */
  connectors: string[];
  /** Punctuation that separates enumerated items (",", ";"). A comma between digits never does. */
  separators: string[];
  /** Words an item may start with, trimmed so it reads as the thing demanded ("that", "to", "including"). */
  itemOpeners: string[];
  /** Words that open a time or place right after a cue, not a demand ("in", "during", "since"). */
  circumstances: string[];
  /** Verbs that make a demand noun the predicate, so its content comes before it ("X are the conditions"). */
  copulas: string[];
  /** Words after a demand noun that introduce its items ("Russia's demands include ..."). */
  includes: string[];
  /** Words that name whose account follows ("according to"). */
  sources: string[];
  /** Verbs of speech, for closing attributions (", Lavrov said") and asides. */
  speechVerbs: string[];
  /** Verbs that attribute a characterisation to their subject ("called", "described", "sees it as"): what follows is the subject's. */
  attributionVerbs?: string[];
  /** Words that open a clause with whose view it states ("For Kyiv, ..."). */
  perspectives?: string[];
  /** Words that close a sentence with its source and no verb: German "..., so der Kanzler.", English "..., according to". */
  closingWords?: string[];
  /** Words that follow a source's name at a clause's start: German "Nebensja zufolge ...". */
  postpositions?: string[];
  /** Nouns of a speaker's account that open a clause as theirs: "In Moscow's telling, ...". */
  perspectiveNouns?: string[];
  /** Words of an aside that says whose word a phrase is, right after it: ", as Russian officials call it,". */
  attributionAsides?: string[];
  /** Auxiliaries and adverbs between a speaker and the verb ("has", "also", "repeatedly"). */
  auxiliaries?: string[];
  /** Words that open a clause whose content is not demanded ("guarantees before any ceasefire"). */
  clauseBreaks: string[];
  /** Prepositions after which a party is an object, not the speaker ("talks with Moscow", "pressure on Kyiv"). */
  objectMarkers?: string[];
  /** The preposition that names a passive's agent ("proposed by the US"). */
  agentMarkers?: string[];
  /** Auxiliaries that make a cue passive ("was urged", "has been asked"): its subject is the one asked. */
  passiveMarkers?: string[];
  /** Words that refer back to a party named before ("he", "the Kremlin leader", "his"). */
  anaphors?: string[];
  /** Words that refer back to a plan named before ("it", "the draft", "under the plan"). */
  planAnaphors?: string[];
  /** Nouns that make a party's possessive a speaker ("Russia's foreign minister", "Ukraine's delegation"). */
  roles?: string[];
  /** Words that open a clause about something named before ("which Russia demands", "as Moscow demands"). */
  relatives?: string[];
  /** Words that open an aside between commas, whose parties are not the sentence's subject (", who met Putin,"). */
  asideOpeners?: string[];
  /** Conjunctions that open a new clause after a comma, with its own subject (", while Zelensky called ..."). */
  clauseJoiners?: string[];
  /** Words that make a demand verb a noun ("the calls for", "a push for"). */
  determiners?: string[];
  /** Verbs of assertion whose complement may be a claim, not a demand ("insisted the deal is close"). */
  claimVerbs?: string[];
  /** Finite verbs that make such a complement a claim ("is", "was", "will"). */
  finiteVerbs?: string[];
  /** Prepositions of purpose right after a demand word ("conditions for", "Bedingungen für"): what follows is its goal. */
  goals?: string[];
  /** Verbs that make their object a demand word ("makes X a condition", "macht X zur Bedingung"). */
  makers?: string[];
  /** Nouns of a charge someone else makes: a loaded phrase right after one is reported ("accusations of war crimes"). */
  charges?: string[];
  /** Endings of a participle ("-ing"): a verb cue so formed after a comma has the sentence's subject ("..., calling for"). */
  participleEndings?: string[];
  /** The marker of an infinitive ("to"): a proposal followed by one offers what the proposer would do. */
  infinitives?: string[];
  /** Words that open a clause as the content of a demand ("guarantees that NATO will not expand"): its verb is no offer. */
  complementizers?: string[];
  /** Negations right before a demand verb ("does not want"): what follows is refused. */
  negators?: string[];
  /** Openings of a sentence that lists the demands the sentence before announced ("Among them:", "They include"). */
  announcedOpeners?: string[];
  /** Words that set an item against the demand after a comma ("a settlement, not a truce"). */
  contrasts?: string[];
  /** Words that open what a refusal calls the thing it refuses ("dismissed the call for X as a ploy"). */
  characterisers?: string[];
  /**
   * Words that may stand between a finite verb and its subject where something else opens the clause (verb-second
   * order: "Zudem fordert die EU ..."). Empty in a language without that order, whose subject comes before its verb.
   */
  inversionWords?: string[];
  /** Articles of an owner named after its demand word ("Forderung des Kremls", "Forderung Moskaus"); empty where owners come before it. */
  genitiveArticles?: string[];
  /** Endings of an owner in the genitive with no article, right after its demand word ("Forderung Moskaus", "условия Москвы"). */
  genitiveEndings?: string[];
  /** Verbs that make one thing the condition of another ("conditioned talks on", "tied a ceasefire to"): the demand follows the link. */
  conditioners?: string[];
  /** The words that link such a verb to what it demands ("on", "to"). */
  conditionLinks?: string[];
  /** Words that make a condition later in their clause a requirement ("will only agree to talks if ..."). */
  restrictors?: string[];
  /** Relative words with no head ("What Kyiv wants is ..."): what is wanted follows the main verb. */
  freeRelatives?: string[];
  /** Refusals that close their clause, what they refuse standing before them ("hat die Forderung zurückgewiesen"). */
  finalRefusals?: string[];
  /** Words that open an aside of comparison ("like the media insists, ..."): its speaker's words end at its comma. */
  comparisons?: string[];
}

export interface DemandRules {
  /**
   * The language the cues and topic phrases are written in: only articles in it use them (an English
   * cue such as "will" or "not" means something else in German). Unset: every article the pack covers.
   */
  lang?: string;
  /** Verbs that state a demand ("demanded", "called for", "insisted on"); what follows is demanded. */
  verbCues: string[];
  /** Nouns that name demands ("demands", "conditions"); what follows, or else what precedes, is demanded. */
  nounCues: string[];
  /** Modals whose subject is the one asked ("must", "has to"); the speaker is someone else. */
  modalCues: string[];
  /** Words that open a condition whose content is the demand ("if", "provided", "on condition that"). */
  conditionCues: string[];
  /** Words that open an offer or a consequence rather than a demand ("offered", "would", "then"). */
  offerCues: string[];
  /** Openers of a fronted clause that adds to the demand after it ("As well as X, Putin demanded Y"). */
  additiveCues: string[];
  /** Offers that are proposals ("proposed", "offered"): a side's own offer, but a call on the sides from anyone else. */
  proposalCues?: string[];
  /** Conditions that name what the speaker gets in return ("in exchange for"), not what another party must do. */
  exchangeCues?: string[];
  /** Nouns of a party's aims ("goal", "objective"): a demand word only with its owner named ("Putin's goal was to ..."). */
  aimNouns?: string[];
  /** Demand nouns of conditions: after a goal word, what follows is what they are for ("conditions for a ceasefire"). */
  conditionNouns?: string[];
  /** Verbs of telling that demand only with a party and an infinitive after them ("told Zelensky to cede ..."). */
  orderVerbs?: string[];
  /** Conditions that state a requirement by themselves, offer or not ("only if", "only when"): read as someone's words. */
  requirementCues?: string[];
  /** Verbs and phrases of refusal: what follows is refused by their subject, never demanded by it ("rejected", "ruled out"). */
  refusalCues?: string[];
  /** Nouns that name a plan or draft ("peace plan", "memorandum"): its provisions are its author's demands. */
  planNouns?: string[];
  /** Words that state a plan's provisions ("envisages", "involves"), read only about a plan. */
  provisionCues?: string[];
  /** Offers that, said of a plan, state its provisions: "under the plan, Ukraine would cede ...". */
  planModals?: string[];
  /** Modals whose mood marks reported speech by itself (German "müsse", "solle"): said by the party the text last reported. */
  reportedModals?: string[];
  /** Phrases that look like cues and are not, matched first so they hide them ("on condition of anonymity"). */
  notCues?: string[];
  /** Words that negate a topic phrase that follows them within an item ("never", "renounce*"). */
  negations: string[];
  /** The language's grammar around cues; packs of one language are merged, word lists together. */
  grammar?: DemandGrammar;
  topics: DemandTopic[];
}

export interface Pack {
  schema: typeof PACK_SCHEMA;
  /** Kebab-case pack id, e.g. "russia-ukraine". */
  id: string;
  name: string;
  version: string;
  description: string;
  /** Languages whose text this pack annotates. */
  languages: string[];
  /** Whether the pack is on until the user chooses (absent: on); opt-in packs say false. */
  enabledByDefault?: boolean;
  parties: Party[];
  entries: Entry[];
  demands?: DemandRules;
  /**
   * Words (each inflected form) that, right before a place's name, make the place part of an
   * institution's name: "суда Киева", the Kyiv court. The place then names the institution, not where
   * the story happens, and is not annotated. For languages that put the place after the institution.
   */
  institutions?: string[];
}

/** Demand rules as merged from packs: every list present. */
export type MergedDemandRules = Required<Omit<DemandRules, 'lang' | 'grammar'>> &
  Pick<DemandRules, 'lang'> & { grammar: Required<DemandGrammar> };

/** Several packs merged: what the matcher and the demand finder compile. */
export interface Lexicon {
  packs: { id: string; name: string; version: string }[];
  parties: Party[];
  entries: Entry[];
  /** The packs' demand rules, their word lists together; every list present, empty where no pack brings one. */
  demands: MergedDemandRules;
  /** The packs' institution words, together. */
  institutions: string[];
}
