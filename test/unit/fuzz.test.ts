/**
 * Property tests: the lexicon validator and the matcher on random, adversarial and mutated input.
 * Whatever comes in (an imported file, a hostile page's text), they return an answer, never throw,
 * never hang (a hang runs into the test's timeout; their speed is the bench's), and the answer keeps its promises (located errors; exact, ordered, disjoint matches).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinLexicon } from '../../lib/lexicon/builtin';
import type { Category, Entry, Pack } from '../../lib/lexicon/types';
import { formatLexiconError, parsePack, validatePack, type PackResult } from '../../lib/lexicon/validate';
import { foldPhrase } from '../../lib/match/fold';
import { compileMatcher, type Match, type Matcher } from '../../lib/match/matcher';
import { readFixture } from '../support/fixtures';

// CI replays the same cases every run, so a red build always means a change broke something; local
// runs draw new cases each time and so keep finding new ones (a failure prints its seed to replay).
if (process.env.CI) fc.configureGlobal({ seed: 20261123 });

const PACK_TEXT = readFixture('../../lib/lexicon/packs/russia-ukraine.json');
const BOM = '\ufeff';

/** The standard parser's reading of the text (a leading BOM is not content), or undefined if it is not JSON. */
function standardParse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text.startsWith(BOM) ? text.slice(1) : text) };
  } catch {
    return undefined;
  }
}

/** What every parsePack answer must be: the pack JSON.parse reads, or errors that each point into the text. */
function checkParsed(text: string, result: PackResult): void {
  const standard = standardParse(text);
  if (result.ok) {
    expect(standard, 'accepted text that is not JSON').toBeDefined();
    expect(result.pack).toEqual(standard!.value);
    expect(validatePack(standard!.value).ok, 'accepted a pack the validator refuses when read by JSON.parse').toBe(true);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const lines = text.split('\n');
  for (const e of result.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.message.trim()).not.toBe('');
    expect(Number.isInteger(e.line) && e.line! >= 1 && e.line! <= lines.length, `line ${e.line}`).toBe(true);
    expect(Number.isInteger(e.column) && e.column! >= 1 && e.column! <= lines[e.line! - 1].length + 1, `column ${e.column}`).toBe(true);
    expect(formatLexiconError(e).startsWith(`line ${e.line}: `)).toBe(true);
  }
  if (!standard) expect(result.errors.map((e) => [e.path, /^not valid JSON: /.test(e.message)])).toEqual([['', true]]);
  else expect(validatePack(standard.value).ok, 'refused a pack that JSON.parse and the validator accept').toBe(false);
}

const parse = (text: string) => {
  const result = parsePack(text);
  checkParsed(text, result);
  return result;
};

describe('parsePack on random input', () => {
  it('random strings, from ASCII to any code unit', () => {
    const unit = fc.oneof(
      fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', '\n', ' ', '0', '-', 'e', 'true', 'null', BOM),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => void parse(text)),
      { numRuns: 300 },
    );
  });

  it('random JSON values, as text and as values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        parse(JSON.stringify(value, null, indent));
        const result = validatePack(value);
        if (!result.ok) {
          // Without a text there is no line: each error names its path, '' only for the root (or a field named "").
          const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
          for (const e of result.errors) if (e.path === '' && isObject) expect(e.message).toContain('""');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('any JavaScript value given to validatePack', () => {
    // A valid-looking pack inherited through the prototype, its entries unchecked, must not pass for a pack.
    const inherited = Object.create({ ...JSON.parse(PACK_TEXT), entries: [{ id: 'no-variants' }] }) as unknown;
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true }), (value) => {
        const result = validatePack(value);
        if (result.ok) expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
        else for (const e of result.errors) expect(typeof e.path).toBe('string');
      }),
      { numRuns: 300, examples: [[inherited]] },
    );
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

const FULL_PACK = JSON.parse(PACK_TEXT) as { [key: string]: Json };
/** The real pack cut to a few entries of each kind, so that hundreds of mutations run in a few seconds. */
const PACK: { [key: string]: Json } = {
  ...FULL_PACK,
  entries: (FULL_PACK.entries as Json[]).filter((_, k) => k % 12 === 0),
  demands: { ...(FULL_PACK.demands as { [key: string]: Json }), topics: (FULL_PACK.demands as { topics: Json[] }).topics.slice(0, 4) },
};
const formatPath = (segments: readonly Segment[]) =>
  segments.map((s, k) => (typeof s === 'number' ? `[${s}]` : k === 0 ? s : `.${s}`)).join('');

/** Every value's path in the pack, the root's excluded. */
function pathsOf(value: Json, at: Segment[] = [], out: Segment[][] = []): Segment[][] {
  if (at.length) out.push(at);
  if (Array.isArray(value)) value.forEach((v, k) => pathsOf(v, [...at, k], out));
  else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) pathsOf(v, [...at, key], out);
  return out;
}
const PATHS = pathsOf(PACK);
const OBJECT_PATHS: Segment[][] = [[], ...PATHS.filter((p) => kindOf(get(PACK, p)) === 'object')];
const STRING_PATHS = PATHS.filter((p) => typeof get(PACK, p) === 'string');

function get(value: Json, path: readonly Segment[]): Json {
  return path.reduce<Json>((v, s) => (v as Record<string, Json>)[s], value);
}
function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
/** The pack with the value at `path` replaced (or deleted, for `undefined`), as a fresh copy. */
function withValue(path: readonly Segment[], value: Json | undefined): { [key: string]: Json } {
  const copy = structuredClone(PACK);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value !== undefined) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}
const text = (value: Json) => JSON.stringify(value, null, 1);
const anyPath = fc.constantFrom(...PATHS);
const erroneous = (result: PackResult) => (result.ok ? [] : result.errors);
/** An error about `path` itself or something inside it. */
const about = (path: string) => (e: { path: string }) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`);

describe('parsePack on mutations of the real pack', () => {
  it('accepts the pack as shipped, with or without a BOM', () => {
    expect(parse(PACK_TEXT).ok).toBe(true);
    expect(parse(BOM + PACK_TEXT).ok).toBe(true);
  });

  it('a deleted field: accepted, or an error where it was', () => {
    fc.assert(
      fc.property(anyPath, (path) => {
        const result = parse(text(withValue(path, undefined)));
        const last = path[path.length - 1];
        // A deleted list item shifts the rest, so only a deleted object field has one place to be reported;
        // rules across entries (an id or a form now shared) report the other party.
        const across = /duplicate|already a form|no topic/;
        if (!result.ok && typeof last === 'string')
          expect(result.errors.some(about(formatPath(path))) || result.errors.every((e) => across.test(e.message))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a value of the wrong type: an error at that value', () => {
    fc.assert(
      fc.property(
        anyPath.chain((path) =>
          fc.tuple(
            fc.constant(path),
            fc.jsonValue({ maxDepth: 3 }).filter((v) => kindOf(v) !== kindOf(get(PACK, path))),
          ),
        ),
        ([path, value]) => {
          const errors = erroneous(parse(text(withValue(path, value as Json))));
          expect(errors.some(about(formatPath(path))), formatPath(path)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('huge strings, lone surrogates, bidi controls and BOMs inside strings', () => {
    const odd = fc.oneof(
      fc.constant('x'.repeat(300_000)),
      fc.constantFrom('\ud800', '\udfff', '\udc00Kyiv\ud83d', '\u202eKyiv\u2066', BOM, '\u0000', '"\\', '\u2028'),
      fc.string({ unit: 'binary', maxLength: 50 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...STRING_PATHS), odd, fc.boolean(), (path, value, raw) => {
        let json = text(withValue(path, value));
        // JSON.stringify escapes lone surrogates; a file may hold them raw.
        if (raw) json = json.replace(/\\ud[89a-f][0-9a-f]{2}/g, (escape) => JSON.parse(`"${escape}"`) as string);
        parse(json);
      }),
      { numRuns: 100 },
    );
  });

  it('deep nesting anywhere, down to thousands of levels', () => {
    fc.assert(
      fc.property(anyPath, fc.integer({ min: 1, max: 30_000 }), fc.constantFrom('[]', '{"a":}'), (path, depth, shape) => {
        const [open, close] = shape === '[]' ? ['[', ']'] : ['{"a":', '}'];
        const json = text(withValue(path, 'DEEP')).replace('"DEEP"', `${open.repeat(depth)}0${close.repeat(depth)}`);
        const errors = erroneous(parse(json));
        expect(errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('duplicate ids: an error on the copy', () => {
    fc.assert(
      fc.property(fc.constantFrom('entries', 'parties'), fc.nat(), (list, k) => {
        const items = PACK[list] as Json[];
        const copy = withValue([list], [...items, items[k % items.length]]);
        const errors = erroneous(parse(text(copy)));
        expect(errors.some((e) => e.path === `${list}[${items.length}].id` && /duplicate/.test(e.message))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('a "__proto__" key in any object is an unknown field, not a prototype', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OBJECT_PATHS), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (path, value, inherit) => {
        // The object itself as the prototype would supply every required field if the key were honoured.
        const proto = inherit ? get(PACK, path) : value;
        const slotted = { SLOT: 0, ...(get(PACK, path) as object) };
        const json = text(path.length ? withValue(path, slotted) : slotted).replace(
          '"SLOT": 0',
          () => `"__proto__": ${JSON.stringify(proto)}`,
        );
        const errors = erroneous(parse(json));
        const where = path.length ? `${formatPath(path)}.__proto__` : '__proto__';
        expect(errors.some((e) => e.path === where && /unknown field/.test(e.message))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('truncated text: one located syntax error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text(PACK).length - 1 }), (cut) => {
        const result = parse(text(PACK).slice(0, cut));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

/** The whole code point that ends at `i` (a surrogate pair read as one), or a space at the start. */
function codePointBefore(text: string, i: number): string {
  if (i === 0) return ' ';
  const pair = i >= 2 && /^[\ud800-\udbff][\udc00-\udfff]$/.test(text.slice(i - 2, i));
  return pair ? text.slice(i - 2, i) : text[i - 1];
}

/** The invariants of a matcher's answer on any text. */
function checkMatches(matcher: Matcher, entries: ReadonlyMap<string, Entry>, text: string): Match[] {
  const matches = matcher.match(text);
  let reach = 0;
  for (const m of matches) {
    expect(m.start, 'sorted, not overlapping').toBeGreaterThanOrEqual(reach);
    expect(m.start).toBeLessThan(m.end);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.surface).toBe(text.slice(m.start, m.end));
    reach = m.end;
    // The slice is one of the matched variant's forms, folded, with an English plural at most.
    const entry = entries.get(m.termId)!;
    const forms = entry.variants.filter((v) => v.form === m.variant).flatMap((v) => [v.form, ...(v.also ?? [])]);
    const folded = foldPhrase(m.surface);
    expect(
      forms.some((f) => [foldPhrase(f), `${foldPhrase(f)}s`, `${foldPhrase(f)}es`].includes(folded)),
      `${m.surface} ~ ${forms}`,
    ).toBe(true);
    // Unicode word boundaries, by code point: no letter or digit glued to a term's letters. Letters
    // that fold to an apostrophe (ʼ U+02BC, ʹ U+02B9) are apostrophes to the matcher ("Kyivʼs").
    const prev = codePointBefore(text, m.start);
    const next = String.fromCodePoint(text.codePointAt(m.end) ?? 32);
    const word = /^(?![\u02bc\u02b9])[\p{L}\p{N}]/u;
    if (word.test(m.surface)) expect(word.test(prev), `letter before ${JSON.stringify(text.slice(m.start - 2, m.end))}`).toBe(false);
    if (/[\p{L}\p{N}]$/u.test(m.surface))
      expect(word.test(next), `letter after ${JSON.stringify(text.slice(m.start, m.end + 2))}`).toBe(false);
  }
  return matches;
}

const lexicon = builtinLexicon();
const builtin = compileMatcher(lexicon);
const builtinEntries = new Map(lexicon.entries.map((e) => [e.id, e]));
const builtinForms = lexicon.entries.flatMap((e) => e.variants.flatMap((v) => [v.form, ...(v.also ?? [])]));

/** Characters that separate words, or vanish in folding, or that hostile text puts next to terms. */
const SEPARATORS = [
  ' ',
  ', ',
  '. ',
  '\n',
  '\u00a0',
  '(',
  ')',
  '“',
  '”',
  '"',
  '—',
  '\t',
  '\u202e',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u200b',
  '\u00ad',
  '\ufeff',
];
const GLUE = [...SEPARATORS, '\u0301', '\u0489', '\u200d', '\ud800', '\udc00', 'x', 'é', '𝐀', '𞤀', '7', "'s", '-', '’'];
const piece = (forms: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...forms) },
    { weight: 4, arbitrary: fc.constantFrom(...GLUE) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.nat({ max: 60_000 }).map((n) => 'w'.repeat(n)) },
  );
const textOf = (forms: readonly string[]) => fc.array(piece(forms), { maxLength: 60 }).map((parts) => parts.join(''));

describe('the built-in matcher on hostile text', () => {
  it('random Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void checkMatches(builtin, builtinEntries, text)),
      { numRuns: 400 },
    );
  });

  it('lexicon terms glued with separators, combining marks, bidi controls, lone surrogates and long words', () => {
    fc.assert(
      fc.property(textOf(builtinForms), (text) => void checkMatches(builtin, builtinEntries, text)),
      { numRuns: 400 },
    );
  });

  it('finds a term standing between separators', () => {
    const separator = fc.constantFrom(...SEPARATORS);
    fc.assert(
      fc.property(separator, fc.constantFrom(...builtinForms), separator, (before, form, after) => {
        const matches = checkMatches(builtin, builtinEntries, `${before}${form}${after}`);
        expect(matches.map((m) => foldPhrase(m.surface))).toContain(foldPhrase(form));
      }),
      { numRuns: 400 },
    );
  });
});

/** A valid pack of random terms: words from a small alphabet so that texts hit them often. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'é', 'ж', 'ї', 'ß', 'ı', '𝐀', '\u0301'), minLength: 1, maxLength: 4 });
const phrase = fc
  .array(fc.tuple(word, fc.constantFrom(' ', '-', '’', ' ')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([w, sep], k) => (k ? sep : '') + w).join(''))
  .filter((p) => /^[\p{L}\p{N}].*[\p{L}\p{N}\p{M}]$/u.test(p));
const randomPack = fc
  .array(
    fc.record({
      category: fc.constantFrom<Category>('name', 'region', 'loaded'),
      forms: fc.array(phrase, { minLength: 1, maxLength: 4 }),
      exclude: fc.option(fc.array(phrase, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      lang: fc.constantFrom('en', 'uk', undefined),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((raw): Pack => {
    // One entry per folded surface, as the validator requires.
    const seen = new Set<string>();
    const entries: Entry[] = [];
    raw.forEach(({ category, forms, exclude, lang }, k) => {
      const fresh = (f: string) => {
        const key = foldPhrase(f);
        if (!key || seen.has(key)) return false;
        seen.add(key);
        return true;
      };
      const own = forms.filter(fresh);
      if (!own.length) return;
      entries.push({
        id: `term-${k}`,
        category,
        concept: `concept ${k}`,
        note: 'A note.',
        ...(lang ? { lang } : {}),
        ...(category === 'loaded' ? { presumes: 'Something.', neutral: 'Something else.' } : {}),
        ...(exclude ? { exclude } : {}),
        variants: own.map((form, v) => ({
          form,
          note: `Variant ${v}.`,
          ...(v % 2 && fresh(`${form} ${form}`) ? { also: [`${form} ${form}`] } : {}),
        })),
      });
    });
    return {
      schema: 'framing-lens/pack@1',
      id: 'random',
      name: 'Random',
      version: '1.0.0',
      description: 'Generated.',
      languages: ['en'],
      parties: [],
      entries,
    };
  })
  .filter((pack) => pack.entries.length > 0);

describe('random small lexicons', () => {
  it('validate, compile, and match random text and their own terms', () => {
    fc.assert(
      fc.property(
        randomPack.chain((pack) => {
          const forms = pack.entries.flatMap((e) => e.variants.flatMap((v) => [v.form, ...(v.also ?? [])]));
          return fc.tuple(fc.constant(pack), textOf(forms), fc.constantFrom(...forms), fc.constantFrom(...SEPARATORS));
        }),
        ([pack, text, form, separator]) => {
          const result = validatePack(pack);
          expect(result.ok ? [] : result.errors.map(formatLexiconError)).toEqual([]);
          const matcher = compileMatcher(pack);
          const entries = new Map(pack.entries.map((e) => [e.id, e]));
          checkMatches(matcher, entries, text);
          const alone = checkMatches(matcher, entries, `${separator}${form}${separator}`);
          expect(alone.map((m) => foldPhrase(m.surface))).toContain(foldPhrase(form));
        },
      ),
      { numRuns: 300 },
    );
  });
});
