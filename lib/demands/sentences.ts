/** Sentences with exact offsets, by Intl.Segmenter, never across a paragraph break. */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

export function splitSentences(text: string, lang = 'en'): Sentence[] {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  } catch {
    segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  }
  const out: Sentence[] = [];
  let offset = 0;
  for (const para of text.split(/(\n\s*\n)/)) {
    if (para.trim() && !/^\n\s*\n$/.test(para)) {
      for (const seg of segmenter.segment(para)) {
        const lead = seg.segment.length - seg.segment.trimStart().length;
        const body = seg.segment.trim();
        if (!body) continue;
        const start = offset + seg.index + lead;
        out.push({ start, end: start + body.length, text: body });
      }
    }
    offset += para.length;
  }
  return mergeAbbreviations(out, text);
}

/** "the U.S. and Ukraine": ICU sometimes ends a sentence after an initialism followed by lower case, or after a list's number. */
function mergeAbbreviations(sentences: Sentence[], text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const initialism = prev && /\b(?:[A-Z]\.){2,}$/.test(prev.text) && /^\p{Ll}/u.test(s.text);
    // "Feb. 24, 2022": a short capitalised abbreviation before a number ends no sentence.
    const abbreviation = prev && /(?<![\p{L}])\p{Lu}\p{Ll}{1,4}\.$/u.test(prev.text) && /^\d/u.test(s.text);
    // "1. A ceasefire along the front line.": a list's number is no sentence of its own.
    const number = prev && /^\(?\d{1,2}[.)]$/u.test(prev.text);
    if (prev && (initialism || abbreviation || number) && !text.slice(prev.end, s.start).includes('\n')) {
      prev.end = s.end;
      prev.text = text.slice(prev.start, prev.end);
    } else out.push({ ...s });
  }
  return out;
}
