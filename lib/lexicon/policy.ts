/**
 * The lexicon's neutrality policy (lib/lexicon/packs/README.md) as checks: a descriptive term
 * (descriptive.json: what the UN General Assembly and the wire services say in their own voice) is
 * never flagged, and a flagged form is never offered as another entry's neutral wording.
 */
import descriptiveJson from './descriptive.json';
import type { Entry, Pack } from './types';
import { foldPhrase } from '../match/fold';

export interface DescriptiveTerm {
  term: string;
  source: string;
  /** Its forms by language (BCP 47 primary subtag). */
  forms: Record<string, string[]>;
}

export const DESCRIPTIVE: readonly DescriptiveTerm[] = readDescriptive(descriptiveJson);

/** The data file, checked as data: a broken file fails loudly at load, not quietly in a check. */
function readDescriptive(value: unknown): DescriptiveTerm[] {
  const v = value as { schema?: unknown; terms?: unknown };
  if (v?.schema !== 'framing-lens/descriptive@1' || !Array.isArray(v.terms))
    throw new Error('descriptive.json: expected schema framing-lens/descriptive@1 with "terms"');
  return v.terms.map((t: DescriptiveTerm, k: number) => {
    const ok =
      typeof t?.term === 'string' &&
      typeof t.source === 'string' &&
      t.source.length >= 40 &&
      typeof t.forms === 'object' &&
      Object.values(t.forms).every((list) => Array.isArray(list) && list.every((f) => typeof f === 'string' && f.trim()));
    if (!ok) throw new Error(`descriptive.json: terms[${k}] needs "term", a sourced "source" and "forms" by language`);
    return t;
  });
}

const byForm = new Map<string, DescriptiveTerm>(
  DESCRIPTIVE.flatMap((t) =>
    Object.entries(t.forms).flatMap(([lang, forms]) => forms.map((f) => [`${lang}:${foldPhrase(f)}`, t] as const)),
  ),
);

/** The descriptive term a form is, in its language (any language, when the form has none). */
export function descriptiveTerm(form: string, lang?: string): DescriptiveTerm | null {
  const folded = foldPhrase(form);
  const langs = lang ? [lang.split('-')[0]] : [...new Set(DESCRIPTIVE.flatMap((t) => Object.keys(t.forms)))];
  for (const l of langs) {
    const t = byForm.get(`${l}:${folded}`);
    if (t) return t;
  }
  return null;
}

export interface NeutralityConflict {
  /** The pack and entry that flag the form. */
  flaggedBy: string;
  form: string;
  /** The pack and entry whose neutral wording uses it. */
  neutralOf: string;
}

/** Words inside quotation marks are mentioned, not used: "the stated aim of 'denazification'". */
const QUOTED = /(?<=^|[\s(])['‘"“«„][^'’"”»“]*['’"”»“](?=$|[\s).,;:])/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every flagged form that another entry, in any of the packs, offers in its neutral wording. */
export function neutralityConflicts(packs: readonly Pack[]): NeutralityConflict[] {
  const neutrals = packs.flatMap((p) =>
    p.entries.flatMap((e) =>
      e.neutral ? [{ where: `${p.id} › ${e.id}`, id: e.id, text: ` ${foldPhrase(e.neutral.replace(QUOTED, ' '))} ` }] : [],
    ),
  );
  const conflicts: NeutralityConflict[] = [];
  for (const p of packs)
    for (const e of p.entries.filter((x) => x.category === 'loaded'))
      for (const form of e.variants.flatMap((v) => [v.form, ...(v.also ?? [])])) {
        const word = new RegExp(`(?<![\\p{L}\\p{N}])${escape(foldPhrase(form))}(?![\\p{L}\\p{N}])`, 'u');
        for (const n of neutrals)
          if (n.id !== e.id && word.test(n.text)) conflicts.push({ flaggedBy: `${p.id} › ${e.id}`, form, neutralOf: n.where });
      }
  return conflicts;
}

/** The one plain verb pair every objection uses, for either side. */
const OBJECTS = /\b(?:rejects?|disputes?)\b/iu;

/**
 * Words that give a motive or an effect instead of a fact ("used to dismiss", "presenting it as").
 * What a term implies belongs in `presumes`, written for both sides alike.
 */
const MOTIVE: readonly RegExp[] = [
  /\bdismiss/iu,
  /\bdiscredit/iu,
  /\bto justify\b/iu,
  /\bsmear/iu,
  /\bdelegitimi[sz]/iu,
  /\bwhitewash/iu,
  /\bpropagandists?\b/iu,
  /\bin order to\b/iu,
  /\b(?:aims?|meant|designed) to\b/iu,
  /\bpresent(?:s|ing)?\b[^.;]*\bas\b/iu,
  /\bdenying\b/iu,
];

export interface CounterpointProblem {
  field: 'note' | 'objection';
  message: string;
}

/**
 * The counterpoint rule for a contested term of the war (a loaded entry with `context: "war"`): its
 * note says where the term comes from and who uses it, and its `objection` says who rejects it, with
 * "reject" or "dispute", whichever side the term comes from. Neither gives a motive.
 */
export function counterpointProblems(entry: Pick<Entry, 'category' | 'context' | 'note' | 'objection'>): CounterpointProblem[] {
  if (entry.category !== 'loaded' || entry.context !== 'war') return [];
  const problems: CounterpointProblem[] = [];
  if (!entry.objection) problems.push({ field: 'objection', message: 'a contested term needs an "objection": who rejects it' });
  else if (!OBJECTS.test(entry.objection))
    problems.push({ field: 'objection', message: 'must say who rejects or disputes the term, with "reject" or "dispute"' });
  for (const field of ['note', 'objection'] as const) {
    // Quoted words are the speaker's, not the note's: "the 'illegal so-called referendums'".
    const text = (entry[field] ?? '').replace(QUOTED, ' ');
    const motive = MOTIVE.map((re) => re.exec(text)?.[0]).find(Boolean);
    if (motive)
      problems.push({ field, message: `gives a motive ("${motive}"); say who uses the term and put what it implies in "presumes"` });
  }
  return problems;
}
