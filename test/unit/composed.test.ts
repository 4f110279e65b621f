import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAnchor } from '../../lib/anchor/anchor';
import { parseHtml } from '../../lib/cli/dom';
import { composedRoots, composedTextContent, sameComposition, serializeComposed, type Composition } from '../../lib/extract/composed';
import { collectText, collectTextInSlices, locate } from '../../lib/extract/text';

/**
 * A page as a browser would have it: `<template shadowrootmode>` attached as a shadow root (jsdom
 * knows no declarative shadow DOM), an iframe's srcdoc loaded into its document, and an iframe with a
 * foreign `src` cross-origin (reading it throws).
 */
function page(html: string): Document {
  // A live window's document, as in the browser: its frames get documents of their own.
  const doc = new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document;
  const attachShadows = (root: ParentNode) => {
    for (const template of root.querySelectorAll('template[shadowrootmode]')) {
      const host = template.parentElement!;
      template.remove();
      const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
      const shadow = host.attachShadow({ mode });
      shadow.append(doc.importNode((template as HTMLTemplateElement).content, true));
      attachShadows(shadow);
    }
  };
  attachShadows(doc);
  for (const frame of doc.querySelectorAll('iframe')) {
    if (frame.hasAttribute('srcdoc')) {
      const inner = frame.contentDocument!;
      const source = parseHtml(frame.getAttribute('srcdoc')!).body;
      inner.body.append(...[...source.childNodes].map((n) => inner.importNode(n, true)));
      attachShadows(inner.body);
    } else if (frame.hasAttribute('src'))
      Object.defineProperty(frame, 'contentDocument', {
        get: () => {
          throw new Error('SecurityError: blocked a frame from accessing a cross-origin frame');
        },
      });
  }
  return doc;
}

/** What the live text walk finds of the composed tree. */
const compositionOf = (doc: Document): Composition | null => collectText(doc.body, { composed: true }).composition ?? null;

const CASES: { name: string; html: string; text: string }[] = [
  { name: 'no shadow root, no frame', html: '<p>One</p><p>Two</p>', text: 'One\n\nTwo' },
  {
    name: 'an open shadow root in place of its host’s children',
    html: '<p>Before</p><div>unslotted light text<template shadowrootmode="open"><style>p{}</style><p>Inside</p><p>Also inside</p></template></div><p>After</p>',
    text: 'Before\n\nInside\n\nAlso inside\n\nAfter',
  },
  {
    name: 'nested shadow roots',
    html: '<div><template shadowrootmode="open"><p>Outer</p><section><template shadowrootmode="open"><p>Inner</p></template></section><p>Outer again</p></template></div>',
    text: 'Outer\n\nInner\n\nOuter again',
  },
  {
    name: 'slots: named, default, fallback; unassigned light children unseen',
    html: '<div><span slot="who">Zelensky</span> said <b>this</b><i slot="nowhere">hidden</i><template shadowrootmode="open"><p><slot name="who">Someone</slot>: <slot></slot> and <slot name="what">fallback</slot>.</p></template></div>',
    text: 'Zelensky: said this and fallback.',
  },
  {
    name: 'a slot passed on through a nested shadow root',
    html: '<div><em>Kyiv</em><template shadowrootmode="open"><section><slot></slot><template shadowrootmode="open"><p>In <slot></slot> today</p></template></section></template></div>',
    text: 'In Kyiv today',
  },
  {
    name: 'a closed shadow root is out of reach: its light children are read',
    html: '<div>light<template shadowrootmode="closed"><p>closed</p></template></div>',
    text: 'light',
  },
  {
    name: 'a same-origin frame’s body where the frame sits, with a shadow root inside',
    html: '<p>Before</p><iframe srcdoc="<p>Framed <b>Kyiv</b></p><div><template shadowrootmode=open><p>Framed shadow</p></template></div>"></iframe><p>After</p>',
    text: 'Before\n\nFramed Kyiv\n\nFramed shadow\n\nAfter',
  },
  {
    name: 'a cross-origin frame and an empty frame are skipped',
    html: '<p>Before</p><iframe src="https://elsewhere.example/"></iframe><iframe srcdoc="<p> </p>"></iframe><p>After</p>',
    text: 'Before\n\nAfter',
  },
];

describe('the composed tree', () => {
  it.each(CASES)('$name: the serialisation and the live text walk read the same text', async ({ html, text }) => {
    const doc = page(html);
    const live = collectText(doc.body, { map: true, composed: true });
    const composition = live.composition ?? null;
    expect(live.text).toBe(text);
    // Cut into slices (a yield after every few nodes, inside shadow roots too), it reads the same.
    expect((await collectTextInSlices(doc.body, { composed: true, sliceMs: 0 })).text).toBe(text);
    // What the analyser parses (DOMParser: no shadow roots) reads the same.
    const serialized = composition ? serializeComposed(doc, composition) : doc.documentElement.outerHTML; // eslint-disable-line no-restricted-properties
    expect(collectText(parseHtml(serialized).body).text).toBe(text);
    // Each character maps back to its own text node, wherever that sits.
    for (let i = 0; i < live.text.length; i++) {
      const at = locate(live.map!, i);
      if (!at) continue; // a break added between blocks
      const source = at.node.nodeValue![at.offset];
      expect(/\s/.test(live.text[i]) ? /\s/.test(source) : source === live.text[i], `character ${i}`).toBe(true);
    }
  });

  it('reads a long shadow root in slices as in one go', async () => {
    const many = (tag: string, n: number) => Array.from({ length: n }, (_, k) => `<${tag}>${tag} ${k}</${tag}>`).join('');
    const doc = page(`<div>${many('span', 400)}<template shadowrootmode="open">${many('p', 400)}<div><slot></slot></div></template></div>`);
    const whole = collectText(doc.body, { map: true, composed: true });
    expect(whole.paragraphs).toHaveLength(401);
    expect((await collectTextInSlices(doc.body, { map: true, composed: true, sliceMs: 0 })).text).toBe(whole.text);
  });

  it('finds nothing on a page without shadow roots or frames with text (the fast path stays)', () => {
    expect(compositionOf(page('<p>One</p><iframe src="https://elsewhere.example/"></iframe><iframe></iframe>'))).toBeNull();
  });

  it('tells when a page’s shadow roots or frames changed since the last read', () => {
    const doc = page('<div><template shadowrootmode="open"><p>Shadow</p></template></div><p id="x">Light</p>');
    const before = compositionOf(doc);
    expect(sameComposition(before, compositionOf(doc))).toBe(true);
    expect(sameComposition(null, compositionOf(page('<p>One</p>')))).toBe(true);
    doc.getElementById('x')!.attachShadow({ mode: 'open' }).append('New');
    expect(sameComposition(before, compositionOf(doc))).toBe(false);
    expect(sameComposition(before, null)).toBe(false);
  });

  it('escapes what it writes itself: attributes and text of the hosts and their shadow roots', () => {
    const doc = page(
      '<div title="a &quot;b&quot; &amp; c&nbsp;d" data-x="<i>">Tom &amp; Jerry<template shadowrootmode="open">1 &lt; 2 &amp; &quot;x&quot;&nbsp;<b>&lt;script&gt;</b></template></div>',
    );
    const parsed = parseHtml(serializeComposed(doc, compositionOf(doc)!));
    const host = parsed.querySelector('div')!;
    expect([host.getAttribute('title'), host.getAttribute('data-x'), host.textContent]).toEqual([
      'a "b" & c\u00a0d',
      '<i>',
      '1 < 2 & "x"\u00a0<script>',
    ]);
    expect(parsed.querySelector('script')).toBeNull();
  });

  it('keeps the head and the untouched subtrees as they are', () => {
    const doc = page(
      '<main><p class="x">Light <a href="/a?b=1&amp;c=2">link</a></p><div><template shadowrootmode="open"><p>S</p></template></div></main>',
    );
    const serialized = serializeComposed(doc, compositionOf(doc)!);
    expect(serialized).toContain('<head></head>');
    expect(serialized).toContain('<p class="x">Light <a href="/a?b=1&amp;c=2">link</a></p><div><p>S</p></div>');
  });

  it('gives the text of every part and the roots an observer must watch', () => {
    const doc = page(
      '<p>Light</p><div><template shadowrootmode="open"><p>Shadow</p></template></div><iframe srcdoc="<p>Framed</p>"></iframe>',
    );
    const composition = compositionOf(doc)!;
    const text = composedTextContent(doc, composition);
    expect(['Light', 'Shadow', 'Framed'].every((t) => text.includes(t))).toBe(true);
    expect(composedRoots(composition).map((r) => r.nodeName)).toEqual(['#document-fragment', '#document']);
    expect(composedRoots(null)).toEqual([]);
  });

  it('anchors into shadow roots and frames, but not across a slot’s edge', () => {
    const doc = page(
      '<div><b>Volodymyr</b><template shadowrootmode="open"><p><slot></slot> Zelensky spoke</p></template></div><iframe srcdoc="<p>In Kyiv</p>"></iframe>',
    );
    const live = collectText(doc.body, { map: true, composed: true });
    expect(live.text).toBe('Volodymyr Zelensky spoke\n\nIn Kyiv');
    const anchor = createAnchor(live, live);
    const placed = (start: number, end: number) => {
      const r = anchor.place({ start, end });
      return r && [r.startContainer.getRootNode().nodeName, r.startContainer.nodeValue!.slice(r.startOffset, r.endOffset)];
    };
    expect(placed(0, 18)).toBeNull();
    expect(placed(10, 18)).toEqual(['#document-fragment', 'Zelensky']);
    expect(placed(0, 9)).toEqual(['#document', 'Volodymyr']);
    expect(placed(29, 33)).toEqual(['#document', 'Kyiv']);
    expect(anchor.place({ start: 29, end: 33 })!.startContainer.ownerDocument).not.toBe(doc);
  });
});
