import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { withoutCode } from '../../lib/extract/lean';
import { DEV, SEEDS } from '../support/fixtures';

const engines = builtinEngines();
const codeOf = (html: string) => {
  const doc = parseHtml(html);
  return [...doc.querySelectorAll('script, style')].reduce((n, el) => n + (el.textContent?.length ?? 0), 0);
};
// The dev-set pages carrying the most inline code, and the seeds (which carry none).
const pages = [
  ...[...DEV]
    .map((p) => ({ name: p.slug, html: p.html, code: codeOf(p.html) }))
    .sort((a, b) => b.code - a.code)
    .slice(0, 12),
  ...SEEDS.map((s) => ({ name: s.name, html: s.html, code: 0 })),
];

describe.each(pages)('$name', ({ html, code }) => {
  const doc = parseHtml(html);
  // eslint-disable-next-line no-restricted-properties -- read, never written, as the page side does
  const full = doc.documentElement.outerHTML;
  const lean = withoutCode(full, doc);

  it('is sent without its scripts’ and style sheets’ text', () => {
    expect(full.length - lean.length).toBeGreaterThanOrEqual(code > 0 ? 0.8 * code : 0);
    const back = parseHtml(lean);
    for (const el of back.querySelectorAll('script:not([type*="ld+json" i]), style')) expect(el.textContent!.length).toBeLessThan(256);
    // The elements stay, and JSON-LD with its text.
    expect(back.querySelectorAll('script, style').length).toBe(doc.querySelectorAll('script, style').length);
    expect([...back.querySelectorAll('script[type*="ld+json" i]')].map((s) => s.textContent)).toEqual(
      [...doc.querySelectorAll('script[type*="ld+json" i]')].map((s) => s.textContent),
    );
  });

  it('is analysed the same as the whole page', () => {
    const whole = analyzeDocument(parseHtml(full), engines, 'https://example.org/a');
    const sent = analyzeDocument(parseHtml(lean), engines, 'https://example.org/a');
    expect(sent.ok && sent.analysis).toEqual(whole.ok && whole.analysis);
    if (!whole.ok) expect(sent).toEqual(whole);
  });
});

it('leaves a script that is not where its text says, and text that only looks like a script', () => {
  const doc = parseHtml(`<html><head><title>t</title></head><body><p>${'x'.repeat(300)}</p></body></html>`);
  const script = doc.createElement('script');
  script.textContent = 'var a = 1;'.repeat(40);
  doc.body.append(script);
  // A serialisation in which the script's text sits elsewhere, escaped, and not in the script.
  const html = `<html><body><p>&gt;${script.textContent}&lt;/script&gt;</p><script></script></body></html>`;
  expect(withoutCode(html, doc)).toBe(html);
  // eslint-disable-next-line no-restricted-properties -- read, never written
  const real = doc.documentElement.outerHTML;
  expect(withoutCode(real, doc)).toBe(real.replace(script.textContent, ''));
});
