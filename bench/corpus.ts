/** Benchmark inputs: real article text from the fixtures, with Cyrillic mixed in, and a generated 5,000-term lexicon. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../lib/cli/dom';
import { extractArticle } from '../lib/extract/extract';
import type { Entry } from '../lib/lexicon/types';

const FIXTURES = fileURLToPath(new URL('../test/fixtures', import.meta.url));

/** The article text of every fixture page, joined. */
export function articleText(): string {
  const pages = ['seeds', 'pages'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(FIXTURES, dir, f), 'utf8')),
  );
  return pages
    .map((html) => extractArticle(parseHtml(html)))
    .flatMap((r) => (r.ok ? [r.article.text] : []))
    .join('\n\n');
}

/** At least `size` characters of article text, repeated. */
export function corpus(size: number): string {
  const base = articleText();
  let out = base;
  while (out.length < size) out += '\n\n' + base;
  return out.slice(0, size);
}

/** A deterministic pseudo-random generator, so every run measures the same lexicon. */
function random(seed: number): () => number {
  // mulberry32: 32-bit integer arithmetic, so the sequence does not degenerate in floating point.
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыэюя';

/**
 * `count` generated terms plus the words of the real text (so they are found): a third multi-word, a
 * fifth Cyrillic, none repeated.
 */
export function generatedEntries(count: number, text: string): Entry[] {
  const rnd = random(42);
  const words = [...new Set(text.match(/[\p{L}]{4,}/gu) ?? [])];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const word = (alphabet: string) => Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => pick([...alphabet])).join('');
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (let i = 0; entries.length < count; i++) {
    const cyrillic = i % 5 === 0;
    const multi = i % 3 === 0;
    // Half real words (they occur in the text), half invented ones (they load the automaton).
    const one = () => (rnd() < 0.5 && !cyrillic ? pick(words) : word(cyrillic ? CYRILLIC : LATIN));
    const form = multi ? `${one()} ${one()}` : one();
    const key = form.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({
      id: `t${i}`,
      category: 'loaded',
      concept: form,
      note: 'generated',
      presumes: 'p',
      neutral: 'n',
      lang: cyrillic ? 'ru' : 'en',
      variants: [{ form, note: 'generated' }],
    });
  }
  return entries;
}
