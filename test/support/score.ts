/**
 * The project's own scorer, with the same rules as the outside judge (shared/tools/score-analysis.mjs):
 * required terms found, extras, leaked chrome, offsets, voice, spellings, demand precision/recall.
 */
import type { Analysis } from '../../lib/analysis/analyze';

export interface Gold {
  page: string;
  article: { title: string; byline: string; siteName: string; lang: string };
  terms: { surface: string; category: string; count: number; voice?: string }[];
  optional?: string[];
  spellings?: { variants: string[]; used: string }[];
  outside_article?: string[];
  demands?: { party: string; topic: string }[];
  optional_demands?: { party: string; topic: string }[];
}

/** Required occurrences of one kind of term, and how many of them the analysis found. */
export interface Tally {
  need: number;
  found: number;
}

export interface Score {
  recall: number;
  /** Names and places (`name`, `region`) apart from loaded phrases, which the dev set reports on their own. */
  names: Tally;
  loaded: Tally;
  extras: string[];
  leaked: string[];
  badOffsets: number;
  /** Voiced terms: right in every hit (`ok`), of all (`of`), of those found at all (`found`). */
  voice: { ok: number; of: number; found: number; wrong: string[] };
  spellings: { ok: number; of: number; wrong: string[] };
  demands: { tp: number; precision: number; recall: number; f1: number; missed: string[]; extra: string[] };
  missing: string[];
}

const fold = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const within = (outer: string, inner: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${esc(inner)}($|[^\\p{L}\\p{N}])`, 'u').test(outer);

export function score(gold: Gold, a: Analysis): Score {
  const text = a.article.text;
  const matches = a.matches.filter((m) => m.field === 'body');
  const badOffsets = matches.filter((m) => text.slice(m.start, m.end) !== m.surface).length;
  const leaked = (gold.outside_article ?? []).filter((s) => fold(text).includes(fold(s)));

  const names: Tally = { need: 0, found: 0 };
  const loaded: Tally = { need: 0, found: 0 };
  const missing: string[] = [];
  const claimed = new Set<unknown>();
  const hitsOf = (t: Gold['terms'][number]) =>
    matches.filter((m) => m.category === t.category && fold(m.surface).includes(fold(t.surface)));
  for (const t of gold.terms) {
    const hits = hitsOf(t);
    hits.forEach((m) => claimed.add(m));
    const tally = t.category === 'loaded' ? loaded : names;
    tally.need += t.count;
    tally.found += Math.min(hits.length, t.count);
    if (hits.length < t.count) missing.push(`${t.surface} (${t.category}) ${hits.length}/${t.count}`);
  }
  const allowed = [...(gold.optional ?? []), ...gold.terms.map((t) => t.surface)].map(fold);
  const extras = matches
    .filter((m) => !claimed.has(m))
    .filter((m) => {
      const s = fold(m.surface);
      return !allowed.some((o) => s === o || within(s, o) || within(o, s));
    })
    .map((m) => `${m.surface} (${m.category})`);

  const voiced = gold.terms.filter((t) => t.voice);
  const voicedFound = voiced.filter((t) => hitsOf(t).length > 0).length;
  const voiceWrong = voiced.filter((t) => {
    const hits = hitsOf(t);
    return !(hits.length > 0 && hits.every((m) => m.voice === t.voice));
  });

  const spellWrong = (gold.spellings ?? []).filter((g) => {
    // Letter-aware edges: ASCII \b never sees a Cyrillic word.
    const word = (v: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${esc(v)}($|[^\\p{L}\\p{N}])`, 'iu');
    const hits = matches.filter((m) => m.category !== 'loaded' && g.variants.some((v) => word(v).test(m.surface)));
    const concepts = new Set(hits.map((m) => m.concept));
    const used = hits.filter((m) => word(g.used).test(m.surface));
    return !(hits.length > 0 && concepts.size === 1 && used.length > 0 && used.every((m) => fold(m.variant) === fold(g.used)));
  });

  const key = (d: { party: string | null; topic: string | null }) => `${d.party}:${d.topic}`;
  const goldD = new Set((gold.demands ?? []).map(key));
  const maybeD = new Set((gold.optional_demands ?? []).map(key));
  const got = new Set(
    a.demands
      .filter((d) => d.topic)
      .map(key)
      .filter((k) => goldD.has(k) || !maybeD.has(k)),
  );
  const tp = [...got].filter((k) => goldD.has(k)).length;
  const precision = got.size ? tp / got.size : goldD.size ? 0 : 1;
  const recall = goldD.size ? tp / goldD.size : 1;
  const need = names.need + loaded.need;
  return {
    recall: need ? (names.found + loaded.found) / need : 1,
    names,
    loaded,
    extras,
    leaked,
    badOffsets,
    voice: { ok: voiced.length - voiceWrong.length, of: voiced.length, found: voicedFound, wrong: voiceWrong.map((t) => t.surface) },
    spellings: {
      ok: (gold.spellings ?? []).length - spellWrong.length,
      of: (gold.spellings ?? []).length,
      wrong: spellWrong.map((g) => g.used),
    },
    demands: {
      tp,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      missed: [...goldD].filter((k) => !got.has(k)),
      extra: [...got].filter((k) => !goldD.has(k)),
    },
    missing,
  };
}
