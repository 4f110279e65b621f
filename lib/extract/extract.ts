/**
 * Extraction: Readability on a clone of the document, then the article's text with its paragraph
 * structure. The text built here is what every offset in an analysis indexes.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { articleParagraphs, continuation } from './continuation';
import { collectText, type Paragraph } from './text';

export type { Paragraph };

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  /** Body text: paragraphs joined by a blank line, whitespace inside them collapsed. */
  text: string;
  paragraphs: Paragraph[];
}

export type Extraction = { ok: true; article: Article } | { ok: false; reason: 'no-article'; message: string };

const NO_ARTICLE: Extraction = {
  ok: false,
  reason: 'no-article',
  message: 'No article found on this page: it does not look like a news story (too little continuous text).',
};

/**
 * isProbablyReaderable misses real articles whose paragraphs are not <p> (seen on ZDF); when it says
 * no, a parse still counts if it reads like running text: at least this much of it, in at least
 * three paragraphs of a few sentences, few of its words in links. Search results and homepages
 * (teasers, headlines as links) don't.
 */
const MIN_TEXT_WHEN_UNSURE = 1000;
const LONG_PARAGRAPH = 150;
const MIN_LONG_PARAGRAPHS = 3;
const MAX_LINK_DENSITY = 0.25;

function readsLikeArticle(content: Element, text: string, paragraphs: readonly Paragraph[]): boolean {
  if (text.length < MIN_TEXT_WHEN_UNSURE) return false;
  if (paragraphs.filter((p) => p.end - p.start >= LONG_PARAGRAPH).length < MIN_LONG_PARAGRAPHS) return false;
  const words = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().length;
  const linked = [...content.querySelectorAll('a')].reduce((n, a) => n + words(a.textContent), 0);
  return linked / Math.max(1, words(content.textContent)) < MAX_LINK_DENSITY;
}

export interface ExtractOptions {
  /** Readability rewrites what it reads: false only for a document no one else will use. */
  clone?: boolean;
}

/** Extracts the article of a document. The document itself is never modified, unless `clone` is false. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Extraction {
  if (!doc.body) return NO_ARTICLE;
  const readerable = isProbablyReaderable(doc);
  const lang = doc.documentElement.getAttribute('lang');
  const work = options.clone === false ? doc : (doc.cloneNode(true) as Document);
  const story = articleParagraphs(work);
  const parsed = new Readability(work, { serializer: (el: Node) => el }).parse();
  if (!parsed?.content) return NO_ARTICLE;
  const whole = continuation(parsed.textContent ?? '', story);
  if (whole) {
    // The story's paragraphs, as text: nothing of the page's markup comes along.
    const content = work.createElement('div');
    for (const text of whole) content.append(Object.assign(work.createElement('p'), { textContent: text }));
    parsed.content = content as unknown as typeof parsed.content;
  }
  const { text, paragraphs } = collectText(parsed.content);
  if (!text || (!readerable && !readsLikeArticle(parsed.content as unknown as Element, text, paragraphs))) return NO_ARTICLE;
  const clean = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || null;
  return {
    ok: true,
    article: {
      title: clean(parsed.title) ?? '',
      byline: clean(parsed.byline),
      siteName: clean(parsed.siteName),
      lang: clean(parsed.lang) ?? clean(lang),
      publishedTime: clean(parsed.publishedTime),
      excerpt: clean(parsed.excerpt),
      text,
      paragraphs,
    },
  };
}
