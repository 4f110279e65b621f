import { describe, expect, it } from 'vitest';
import { builtinEngines } from '../../lib/analysis/analyze';
import { analyzeDocument } from '../../lib/analysis/analyze';
import { anchorSpans, type RangeInit } from '../../lib/anchor/anchor';
import { parseHtml } from '../../lib/cli/dom';
import { collectText } from '../../lib/extract/text';
import { SEEDS } from '../support/fixtures';

// The English engine, as the product builds it for an English article: English demand rules only.
const engine = builtinEngines().forLanguage('en')!;
const textOf = (doc: Document, r: RangeInit) => {
  const range = doc.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
};

describe('anchorSpans', () => {
  it.each(SEEDS)('$name: every body match lands on its own words, inside the article only', ({ html }) => {
    const doc = parseHtml(html);
    const result = analyzeDocument(doc, engine);
    if (!result.ok) throw new Error(result.message);
    const { article, matches, demands } = result.analysis;
    const body = matches.filter((m) => m.field === 'body');
    const anchoring = anchorSpans(collectText(doc.body, { map: true }), article, [...body, ...demands]);
    expect(anchoring.unplaced).toBe(0);
    body.forEach((m, i) => {
      const r = anchoring.ranges[i];
      expect(r, m.surface).not.toBeNull();
      expect(textOf(doc, r!)).toBe(m.surface);
      // The article's own copy of the words, not the same words in the page's menus or sidebars.
      expect(r!.startContainer.parentElement!.closest('article')).not.toBeNull();
    });
    demands.forEach((d, i) => expect(textOf(doc, anchoring.ranges[body.length + i]!)).toBe(d.text));
  });

  it('spans inline markup and collapsed whitespace', () => {
    const doc = parseHtml('<body><nav>Kiev</nav><article><p>The   <b>Kiev</b>\n <i>re</i>gime said.</p></article></body>');
    const article = { text: 'The Kiev regime said.', paragraphs: [{ start: 0, end: 21, tag: 'p' }] };
    const { ranges } = anchorSpans(collectText(doc.body, { map: true }), article, [{ start: 4, end: 15 }]);
    expect(textOf(doc, ranges[0]!)).toBe('Kiev\n regime');
  });

  it('reports paragraphs it cannot place instead of guessing', () => {
    const doc = parseHtml('<body><p>Something else entirely.</p></body>');
    const article = { text: 'Kiev said.', paragraphs: [{ start: 0, end: 10, tag: 'p' }] };
    expect(anchorSpans(collectText(doc.body, { map: true }), article, [{ start: 0, end: 4 }])).toMatchObject({
      ranges: [null],
      unplaced: 1,
    });
  });
});
