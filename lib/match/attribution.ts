/**
 * Reported speech without quotation marks: a phrase is a speaker's, not the outlet's, when the same
 * clause attributes it to someone named ("Peskov called the plan a provocation", "Kyiv sees it as a
 * land grab", "… full-scale invasion, Zelensky said"). Unattributed reported speech stays the author's.
 * The words (speech and attribution verbs, auxiliaries, pronouns) come from the language's pack.
 */
import type { DemandGrammar } from '../lexicon/types';

const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const alternation = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|') || '(?!)';
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
/** A capitalised word, or an initialism such as "U.S.": how a name looks in most scripts that have case. */
const NAME = "(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|\\p{Lu}(?:\\.\\p{Lu})+\\.?)";
/** A name that is not a possessive. */
const PLAIN = "(?:\\p{Lu}[\\p{L}\\p{M}.-]*(?:['’](?!s\\b)[\\p{L}\\p{M}.-]+)?|\\p{Lu}(?:\\.\\p{Lu})+\\.?)";

export interface Attribution {
  /** Whether [start, end) of `text` lies in speech the clause attributes to someone named. */
  (text: string, start: number, end: number): boolean;
}

export function compileAttribution(grammar: Partial<DemandGrammar> | undefined): Attribution {
  const verbs = [...(grammar?.speechVerbs ?? []), ...(grammar?.attributionVerbs ?? [])];
  if (!verbs.length) return () => false;
  const verb = `${START}(?:${alternation(verbs)})${END}`;
  const said = `${START}(?:${alternation(grammar?.speechVerbs ?? [])})${END}`;
  const aux = `(?:${START}(?:${alternation(grammar?.auxiliaries ?? [])})${END}\\s+)*`;
  const pronoun = `${START}(?:${alternation(grammar?.anaphors ?? [])})${END}`;
  const functionWords = new RegExp(`^(?:${alternation([...(grammar?.determiners ?? []), ...(grammar?.circumstances ?? [])])})$`, 'iu');
  // Capitalised too, as a sentence opens: "The ministry's statement spoke of ...".
  const determiners = (grammar?.determiners ?? []).flatMap((d) => [d, d.charAt(0).toUpperCase() + d.slice(1)]);
  const determiner = `${START}(?:${alternation(determiners)})${END}`;
  // Who speaks: a name ("Zelensky", "Western allies"), a group with a determiner ("the west", "the ministry"), a pronoun.
  // A possessive speaks only through a role ("Zelensky's office said"): "Russia's territorial claims" are no speaker.
  const role = `${START}(?:${alternation(grammar?.roles ?? [])})${END}`;
  // ("Russian state media", "Russian state TV hosts", "the Russian defence ministry", "the ministry's statement").
  const speaker = `(?:${NAME}(?:\\s+${NAME})*['’]s\\s+${role}|${PLAIN}(?:\\s+${PLAIN})*(?:\\s+(?:${PLAIN}|\\p{Ll}[\\p{L}-]*)){0,3}|${determiner}(?:\\s+[\\p{L}'’-]+){1,3}|${pronoun})`;
  // An aside between a speaker and its verb: "Medvedev, now deputy head of the Security Council, threatened ...".
  const aside = `(?:\\s*,[^,;]{1,80},)?`;
  // A speaker and a verb that opens what follows: "Zelensky said", "the Kremlin has repeatedly called", "he told".
  // ... or a relative clause on the speaker: "Putin, who has described the war as ...".
  const relative = `(?:\\s*,\\s*${START}(?:${alternation(grammar?.relatives ?? [])})${END})`;
  const opener = new RegExp(`(${speaker})(?:${aside}|${relative})\\s+${aux}${verb}`, 'gu');
  // A closing attribution ends the sentence, or a clause before ", adding ...": ", Zelensky said." / ", said
  // Lavrov on Friday." / ", experts interviewed by TASS said."
  const closing = new RegExp(
    `,\\s*(?:(?:${speaker}|(?:\\p{Ll}[\\p{L}-]*\\s+){1,4}[\\p{L}\\p{N}'’.-]+)\\s+${aux}${said}|${said}\\s+${speaker})(?:\\s+[\\p{L}\\p{N}'’-]+){0,6}\\s*(?:,.*)?$`,
    'u',
  );
  // A closing attribution without a verb: "..., so der Kanzler." (German "so", "according to").
  const closingWord = new RegExp(`,\\s*${START}(?:${alternation(grammar?.closingWords ?? [])})${END}\\s+(?:${speaker})\\s*$`, 'u');
  // A source after its name at the clause's start: "Nebensja zufolge ...".
  const postposed = new RegExp(`^\\s*${NAME}(?:\\s+${NAME})*\\s+${START}(?:${alternation(grammar?.postpositions ?? [])})${END}`, 'u');
  // A verb right after a comma, with its subject the clause's: ", saying the conflict should be frozen", ", calling them ...".
  const participle = new RegExp(`,\\s*${aux}${verb}\\s`, 'u');
  // A second verb of the sentence's subject: "Putin has long complained about X, and sees Y as a red line".
  const connector = `${START}(?:${alternation(grammar?.connectors ?? [])})${END}`;
  const coordinated = new RegExp(`^\\s*(?:${NAME}(?:\\s+${NAME})*)\\s[^;]*?,?\\s${connector}\\s+${aux}${verb}\\s`, 'u');
  // A sentence that opens on a verb of speech: "Noting that ...", "Pointing out that ...".
  const leading = new RegExp(`^\\s*${aux}${verb}\\s`, 'iu');
  const comparison = new RegExp(`${START}(?:${alternation(grammar?.comparisons ?? [])})\\s+$`, 'iu');
  const comparisonLead = new RegExp(`^${START}(?:${alternation(grammar?.comparisons ?? [])})\\s`, 'iu');
  // Someone else's charge, reported: "accusations of war crimes", "claims of genocide".
  const charge = new RegExp(`${START}(?:${alternation(grammar?.charges ?? [])})\\s+(?:[\\p{L}'’-]+\\s+){0,2}$`, 'iu');
  // A clause that opens on whose view it is: "For Kyiv, these conditions would amount to surrender."
  // ... or on a speaker's account of it: "In Moscow's telling, ...".
  const perspective = new RegExp(
    `^\\s*(?:${START}(?:${alternation(grammar?.perspectives ?? [])})${END}\\s+(?:${determiner}\\s+)?${NAME}(?:\\s+${NAME})*|\\p{L}+\\s+${NAME}['’]s\\s+${START}(?:${alternation(grammar?.perspectiveNouns ?? [])})${END})\\s*,`,
    'u',
  );
  // An aside that names whose word it is, right after it: "The collective West, as Russian officials call it, ...".
  const asCalled = new RegExp(
    `^\\s*,\\s*${START}(?:${alternation(grammar?.attributionAsides ?? [])})${END}\\s+(?:${speaker})\\s+${aux}${verb}\\s+${START}(?:${alternation(grammar?.anaphors ?? [])})${END}\\s*,`,
    'u',
  );

  return (text, start, end) => {
    const from = sentenceStart(text, start);
    const to = sentenceEnd(text, end);
    const before = text.slice(from, start);
    // The clause the phrase is in: a semicolon starts a new one.
    const clause = before.slice(before.lastIndexOf(';') + 1);
    for (const m of clause.matchAll(opener)) {
      const name = m[1];
      if (name.split(/\s+/).every((w) => functionWords.test(w))) continue;
      // "like the media insists, ...": an aside of comparison ends at its comma.
      const compared = comparison.test(clause.slice(0, m.index)) || comparisonLead.test(name);
      if (compared && clause.slice(m.index + m[0].length).includes(',')) continue;
      return true;
    }
    if (
      postposed.test(clause) ||
      perspective.test(clause) ||
      participle.test(clause) ||
      leading.test(clause) ||
      charge.test(clause) ||
      coordinated.test(clause)
    )
      return true;
    const after = text.slice(end, to);
    if (asCalled.test(after)) return true;
    if (closingWord.test(after.slice(0, after.includes(';') ? after.indexOf(';') : undefined))) return true;
    return closing.test(after.slice(0, after.includes(';') ? after.indexOf(';') : undefined));
  };
}

/** Where the sentence holding `pos` starts: after the last sentence end or paragraph break before it. */
function sentenceStart(text: string, pos: number): number {
  for (let i = pos - 1; i > 0; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if (
      (ch === ' ' || ch === '\u00a0') &&
      /[.!?]["”’»)]?$/u.test(text.slice(Math.max(0, i - 2), i)) &&
      !/\b\p{Lu}\.$/u.test(text.slice(Math.max(0, i - 3), i))
    )
      return i + 1;
  }
  return 0;
}

/** Where the sentence holding `pos` ends. */
function sentenceEnd(text: string, pos: number): number {
  const m = /[.!?](?=["”’»)]?(?:\s|$))|\n/u.exec(text.slice(pos));
  return m ? pos + m.index : text.length;
}
