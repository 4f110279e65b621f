/**
 * Folding for matching: case, diacritics, apostrophes, dashes and whitespace runs, with a map from
 * every folded character back to its span in the original text so offsets stay exact.
 */

export interface Folded {
  /** The folded text. */
  text: string;
  /** For folded index i: the original span [start[i], end[i]). */
  start: Int32Array;
  end: Int32Array;
}

const APOSTROPHES = new Set(['\u2018', '\u2019', '\u02bc', '\u02b9', '\u0060', '\u00b4', '\u2032', '\uff07']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d']);
const IGNORED = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const MARKS = /\p{M}/gu;
const SPACE = /\s/u;

const cache = new Map<string, string>();

/** Folds one code point: '' for characters that vanish (combining marks, soft hyphens). */
export function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  if (APOSTROPHES.has(ch)) out = "'";
  else if (DASHES.has(ch)) out = '-';
  else if (IGNORED.has(ch)) out = '';
  else if (SPACE.test(ch)) out = ' ';
  else out = ch.normalize('NFD').toLowerCase().replace(MARKS, '').normalize('NFC');
  cache.set(ch, out);
  return out;
}

/** Folds a text, keeping the map back to the original. Whitespace runs fold to one space. */
export function foldText(text: string): Folded {
  const chars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const f = foldChar(ch);
    const last = chars.length - 1;
    if (f === '' || (f === ' ' && chars[last] === ' ')) {
      // Vanishing characters and extra spaces widen the previous character's span.
      if (last >= 0) end[last] = next;
    } else {
      for (const c of f) {
        chars.push(c);
        start.push(i);
        end.push(next);
      }
    }
    i = next;
  }
  return { text: chars.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}

/** Folds a pattern or phrase; its surrounding spaces are trimmed. */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).text.trim();
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const wordCache = new Map<number, boolean>();

/** True for letters, digits and marks in any script: what a Unicode word boundary separates. */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let w = wordCache.get(code);
  if (w === undefined) {
    w = WORD.test(String.fromCharCode(code));
    wordCache.set(code, w);
  }
  return w;
}
