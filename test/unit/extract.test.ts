import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/cli/dom';
import { continuation } from '../../lib/extract/continuation';
import { extractArticle } from '../../lib/extract/extract';
import { collectText } from '../../lib/extract/text';
import { DEV, readFixture, SEEDS } from '../support/fixtures';

describe('extractArticle on the seed pages', () => {
  it.each(SEEDS)('$name: metadata as the gold says', ({ html, gold }) => {
    const result = extractArticle(parseHtml(html));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { title, byline, siteName, lang } = result.article;
    expect({ title, byline, siteName, lang }).toEqual(gold.article);
    expect(result.article.publishedTime).toMatch(/^2024-06-14T/);
  });

  it.each(SEEDS)('$name: no page chrome in the body', ({ html, gold }) => {
    const result = extractArticle(parseHtml(html));
    if (!result.ok) throw new Error(result.message);
    for (const chrome of gold.outside_article ?? []) expect(result.article.text).not.toContain(chrome);
  });

  it.each(SEEDS)('$name: paragraphs index the text exactly', ({ html }) => {
    const result = extractArticle(parseHtml(html));
    if (!result.ok) throw new Error(result.message);
    const { text, paragraphs } = result.article;
    expect(paragraphs.length).toBeGreaterThan(8);
    expect(paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n')).toBe(text);
  });

  it('leaves the live document untouched', () => {
    const doc = parseHtml(SEEDS[0].html);
    // eslint-disable-next-line no-restricted-properties -- read only, to compare before and after
    const serialize = () => doc.documentElement.outerHTML;
    const before = serialize();
    extractArticle(doc);
    expect(serialize()).toBe(before);
  });
});

describe('pages that are not articles', () => {
  it.each([
    ['pages/no-article.html'],
    ['pages/empty.html'],
    ['hostile/search-results.html'],
    ['hostile/homepage.html'],
    ['hostile/login-wall.html'],
  ])('%s: "no article found", no crash', (name) => {
    const result = extractArticle(parseHtml(readFixture(name)));
    expect(result).toMatchObject({ ok: false, reason: 'no-article', message: expect.stringMatching(/No article found/) });
  });

  it('refuses a list of teasers even when it is long, and takes the same words as paragraphs', () => {
    const teaser = 'Kyiv and Moscow trade accusations over the talks as the front line barely moves this week';
    const list = `<ul>${Array.from({ length: 30 }, (_, k) => `<li><a href="/s${k}">${teaser}</a> <span>2 min</span></li>`).join('')}</ul>`;
    expect(extractArticle(parseHtml(`<html><body><main>${list}</main></body></html>`)).ok).toBe(false);
    const story = Array.from({ length: 8 }, () => `<div>${teaser}. ${teaser}, officials said.</div>`).join('');
    expect(extractArticle(parseHtml(`<html><body><main>${story}</main></body></html>`)).ok).toBe(true);
  });

  it('keeps a long article whose paragraphs are not <p> elements', () => {
    const para = 'The talks in Istanbul lasted three hours and ended without a joint statement, officials said afterwards. ';
    const html = `<html lang="en"><body><nav>Home</nav><div class="story">${Array.from({ length: 6 }, () => `<div>${para.repeat(3)}</div>`).join('')}</div></body></html>`;
    const result = extractArticle(parseHtml(html));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text.length).toBeGreaterThan(1000);
  });

  it('extracts a Cyrillic article with its language', () => {
    const result = extractArticle(parseHtml(readFixture('pages/cyrillic.html')));
    if (!result.ok) throw new Error(result.message);
    expect(result.article).toMatchObject({ lang: 'ru', siteName: 'Тестовая газета' });
    expect(result.article.text).toContain('специальная военная операция');
    expect(result.article.text).not.toContain('Популярное');
  });
});

describe('collectText', () => {
  it.each([
    ['<p>One  <b>two</b>\n three</p><p>Four</p>', 'One two three\n\nFour'],
    ['<div>Lead<p>Para</p>tail</div>', 'Lead\n\nPara\n\ntail'],
    ['<p>Line<br>break</p><script>x()</script>', 'Line\nbreak'],
    ['<ul><li>a</li><li>b</li></ul>', 'a\n\nb'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    const doc = parseHtml(`<body>${html}</body>`);
    expect(collectText(doc.body).text).toBe(text);
    expect(collectText(doc.body, { map: true }).text).toBe(text);
  });

  // The analyser reads without a map, anchoring with one: the two must give the very same text.
  const pages = [
    ...SEEDS.map(({ name, html }) => [name, html]),
    ...DEV.map(({ slug, html }) => [slug, html]),
    ...['cyrillic', 'rtl', 'injection', 'search-results', 'unrelated'].map((name) => [
      name,
      readFixture(name === 'cyrillic' || name === 'unrelated' ? `pages/${name}.html` : `hostile/${name}.html`),
    ]),
    [
      'odd whitespace',
      '<p>\u00a0 lead\ttabs\r\n<b> </b>and\fform<br> \n feed\u2003 </p><p> <i> </i> </p><blockquote>\u00a0q </blockquote>',
    ],
  ];
  it.each(pages)('%s: the same text and paragraphs with and without a map', (_, html) => {
    const body = parseHtml(html).body;
    const plain = collectText(body);
    const mapped = collectText(body, { map: true });
    expect(plain.text).toBe(mapped.text);
    expect(plain.paragraphs).toEqual(mapped.paragraphs);
  });
});

describe('an article split into sections (t-online)', () => {
  const paragraph = (k: number) =>
    `Paragraph ${k} of the story tells what happened at sea near Venezuela, where a tanker turned away from the coast guard and sailed on. `
      .repeat(3)
      .trim();
  const section = (from: number, extra: string) =>
    `<div class="stream"><div class="body">${[from, from + 1, from + 2].map((k) => `<p>${paragraph(k)}</p>`).join('')}</div>${extra}</div>`;
  const mostRead = '<aside><p><a href="/a">Most read: a story everyone clicks on today, about something else entirely</a></p></aside>';
  const page = (sections: string) =>
    `<html lang="en"><head><title>Tanker</title></head><body><nav><a href="/">Home</a></nav><article><h1>Tanker</h1>${sections}</article><footer><p>© News</p></footer></body></html>`;

  it.each([
    ['one section: Readability keeps it', page(section(1, mostRead)), 3],
    [
      'three sections between ads and "most read": all their paragraphs',
      page(section(1, mostRead) + '<div class="ad"></div>' + section(4, mostRead) + section(7, mostRead)),
      9,
    ],
  ])('%s', (_, html, count) => {
    const result = extractArticle(parseHtml(html));
    if (!result.ok) throw new Error(result.message);
    for (let k = 1; k <= count; k++) expect(result.article.text).toContain(paragraph(k));
    expect(result.article.text).not.toContain('Most read');
    expect(result.article.paragraphs).toHaveLength(count);
  });

  it('the paragraph texts of the continued article, and nothing else of the page', () => {
    expect(continuation('short text that is not the story', ['A'.repeat(100), 'B'.repeat(100), 'C'.repeat(100)])).toBeNull();
    expect(continuation('A'.repeat(100), ['A'.repeat(100)])).toBeNull();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((x) => x.repeat(100));
    // Readability kept the opening section: the story's first paragraphs.
    expect(continuation(`${a} ${b} ${c}`, [a, b, c, d, a, b])).toEqual([a, b, c, d, a, b]);
    // It kept something else: its text stands.
    expect(continuation(`${d}`, [a, b, c, d])).toBeNull();
  });
});
