/**
 * Articles that Readability cuts short. Some sites (seen on t-online) split one story's paragraphs
 * into sections separated by ads and "most read" boxes; Readability keeps the first section and
 * drops the rest. The page's own <article> element still holds every paragraph, so when it holds far
 * more paragraph text than Readability kept, and what Readability kept is among it, its paragraphs
 * are the article.
 */

/** Elements inside an <article> that are not its story: nested teasers, asides, navigation, furniture. */
const NOT_STORY = 'article, aside, nav, figure, header, footer, form, [role="complementary"], [role="navigation"]';
/** A paragraph with more of its words in links than this is a teaser or a list of links. */
const MAX_LINKED = 0.5;
/** The <article> must hold at least this many times the text Readability kept. */
const MUCH_MORE = 1.6;

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The story paragraphs of the page's outermost <article> with the most of them; read before Readability rewrites the page. */
export function articleParagraphs(doc: Document): string[] {
  let best: string[] = [];
  let bestLength = 0;
  for (const article of doc.querySelectorAll('article')) {
    if (article.parentElement?.closest('article')) continue;
    const paragraphs: string[] = [];
    let length = 0;
    for (const p of article.querySelectorAll('p')) {
      if (p.parentElement?.closest(NOT_STORY) !== article && p.parentElement?.closest(NOT_STORY)) continue;
      const text = squash(p.textContent);
      if (!text) continue;
      const linked = [...p.querySelectorAll('a')].reduce((n, a) => n + squash(a.textContent).length, 0);
      if (linked > MAX_LINKED * text.length) continue;
      paragraphs.push(text);
      length += text.length;
    }
    if (length > bestLength) [best, bestLength] = [paragraphs, length];
  }
  return best;
}

/** The paragraphs to use instead of Readability's text, or null when Readability's text stands. */
export function continuation(kept: string, paragraphs: readonly string[]): string[] | null {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  if (total < MUCH_MORE * squash(kept).length) return null;
  // What Readability kept must be this story's opening, not some other text on the page.
  const keptSquashed = squash(kept);
  const opening = paragraphs.filter((p) => p.length >= 80).slice(0, 3);
  return opening.length && opening.every((p) => keptSquashed.includes(p)) ? [...paragraphs] : null;
}
