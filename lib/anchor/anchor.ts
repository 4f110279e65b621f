/**
 * Anchoring: article text offsets → places in the live page. The article's paragraphs are found, in
 * order, in the live page's own text (collected the same way), so offsets map to text nodes exactly
 * and only inside the article, never in the page chrome that repeats the same words.
 */
import type { Article } from '../extract/extract';
import { locate, type CollectedText } from '../extract/text';

/** What a StaticRange is made from. */
export interface RangeInit {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

export interface Anchoring {
  /** Per requested span, its range in the live page, or null when it can't be placed. */
  ranges: (RangeInit | null)[];
  /** Article paragraphs that could not be found in the page. */
  unplaced: number;
}

interface Span {
  start: number;
  end: number;
}

/** Places article spans in the live page: the paragraphs are found once, each span when asked. */
export interface Anchor {
  place(span: Span): RangeInit | null;
  /** Article paragraphs that could not be found in the page. */
  unplaced: number;
}

/** `live` is the live page's text, collected with its map. */
export function createAnchor(live: CollectedText, article: Pick<Article, 'text' | 'paragraphs'>): Anchor {
  const map = live.map;
  if (!map) throw new Error('anchoring needs the live text collected with its map');
  // Live offset of each article paragraph, searched in order so the article's own copy is found.
  const at: (number | null)[] = [];
  let cursor = 0;
  let unplaced = 0;
  for (const p of article.paragraphs) {
    const found = live.text.indexOf(article.text.slice(p.start, p.end), cursor);
    if (found < 0) {
      at.push(null);
      unplaced++;
    } else {
      at.push(found);
      cursor = found + (p.end - p.start);
    }
  }

  const toLive = (offset: number): number | null => {
    const k = paragraphAt(article.paragraphs, offset);
    const start = k < 0 ? null : at[k];
    return start === null ? null : start + offset - article.paragraphs[k].start;
  };

  return {
    place(s) {
      const a = toLive(s.start);
      const b = toLive(s.end - 1);
      const first = a === null ? null : locate(map, a);
      const last = b === null ? null : locate(map, b);
      if (!first || !last) return null;
      // Across a slot's edge (light text shown inside a shadow root's): one range cannot hold both trees.
      if (first.node !== last.node && first.node.getRootNode() !== last.node.getRootNode()) return null;
      return { startContainer: first.node, startOffset: first.offset, endContainer: last.node, endOffset: last.offset + 1 };
    },
    unplaced,
  };
}

/** Places every span at once. */
export function anchorSpans(live: CollectedText, article: Pick<Article, 'text' | 'paragraphs'>, spans: readonly Span[]): Anchoring {
  const anchor = createAnchor(live, article);
  return { ranges: spans.map((s) => anchor.place(s)), unplaced: anchor.unplaced };
}

/** The paragraph holding an article offset (binary search); -1 between paragraphs. */
function paragraphAt(paragraphs: Article['paragraphs'], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < paragraphs[mid].start) hi = mid - 1;
    else if (offset >= paragraphs[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
