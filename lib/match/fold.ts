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
  const n = text.length;
  // Folding rarely lengthens text; grow if it does.
  let codes = new Uint16Array(n + 16);
  let start = new Int32Array(n + 16);
  let end = new Int32Array(n + 16);
  let k = 0;
  const grow = () => {
    const size = codes.length * 2;
    const c = new Uint16Array(size);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    c.set(codes);
    s.set(start);
    e.set(end);
    codes = c;
    start = s;
    end = e;
  };
  for (let i = 0; i < n;) {
    let code = text.charCodeAt(i);
    // ASCII fast path: letters lowercased, whitespace collapsed, the rest as is.
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (k > 0 && codes[k - 1] === 32) {
          end[k - 1] = i + 1;
          i++;
          continue;
        }
        code = 32;
      } else if (code >= 65 && code <= 90) code += 32;
      else if (code === 96) code = 39; // a backtick used as an apostrophe
      if (k + 1 >= codes.length) grow();
      codes[k] = code;
      start[k] = i;
      end[k++] = i + 1;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const f = foldChar(ch);
    if (f === '' || (f === ' ' && k > 0 && codes[k - 1] === 32)) {
      // Vanishing characters and extra spaces widen the previous character's span.
      if (k > 0) end[k - 1] = next;
    } else {
      for (let j = 0; j < f.length; j++) {
        if (k + 1 >= codes.length) grow();
        codes[k] = f.charCodeAt(j);
        start[k] = i;
        end[k++] = next;
      }
    }
    i = next;
  }
  return { text: decode(codes.subarray(0, k)), start: start.subarray(0, k), end: end.subarray(0, k) };
}

/** UTF-16 code units to a string, in chunks small enough for the argument limit. */
function decode(codes: Uint16Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** The first folded index whose character comes from at or after `offset` in the original text. */
export function foldedIndex(folded: Folded, offset: number): number {
  let lo = 0;
  let hi = folded.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original text's [start, end) as folded (the body is folded once, for every item in it). */
export const foldedSlice = (folded: Folded, start: number, end: number) =>
  folded.text.slice(foldedIndex(folded, start), foldedIndex(folded, end));

/** Folds a pattern or phrase; its surrounding spaces are trimmed. */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).text.trim();
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Per BMP code unit: 0 not yet known, 1 a word character, 2 not. The matcher asks for every hit's edges. */
const bmpWord = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

/** True for letters, digits and marks in any script, astral ones too: what a Unicode word boundary separates. */
export function isWordChar(codePoint: number): boolean {
  if (codePoint < 128)
    return (codePoint >= 97 && codePoint <= 122) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 48 && codePoint <= 57);
  if (codePoint < 0x10000) {
    let known = bmpWord[codePoint];
    if (known === 0) bmpWord[codePoint] = known = WORD.test(String.fromCharCode(codePoint)) ? 1 : 2;
    return known === 1;
  }
  let w = astralWord.get(codePoint);
  if (w === undefined) {
    w = WORD.test(String.fromCodePoint(codePoint));
    astralWord.set(codePoint, w);
  }
  return w;
}

/** Whether the character starting at `i` is a word character; a surrogate pair is read as one code point. */
export function isWordAt(text: string, i: number): boolean {
  return i < text.length && isWordChar(text.codePointAt(i)!);
}

/** Whether the character ending at `i` is a word character; a surrogate pair is read as one code point. */
export function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const pair = i >= 2 && low >= 0xdc00 && low <= 0xdfff && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
  return isWordChar(pair ? text.codePointAt(i - 2)! : low);
}
