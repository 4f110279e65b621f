/**
 * The page's HTML as the analyser needs it. Real news pages carry their code inline: of CNN's 3.2 MB,
 * 2.5 MB are script and 0.3 MB style sheet (a dev-set page), all of it serialised, sent to the analyser
 * and parsed there for Readability to throw away first thing. Their text is left out; the elements
 * stay, and so does JSON-LD, where Readability reads a byline and a date.
 */

/** Shorter texts are not worth looking for. */
const WORTH = 256;

/**
 * `html` is `doc` serialised (its outerHTML, or the composed serialisation of it). A script's or a style
 * sheet's text is written raw between its tags, so each is found, in document order, as `>text</tag>`:
 * anywhere else in the serialisation a `<` would be escaped. One that is not found stays.
 */
export function withoutCode(html: string, doc: Document): string {
  const out: string[] = [];
  let cursor = 0;
  for (const el of doc.querySelectorAll('script, style')) {
    if (el.localName === 'script' && /ld\+json/i.test(el.getAttribute('type') ?? '')) continue;
    const text = el.textContent ?? '';
    if (text.length < WORTH) continue;
    const at = html.indexOf(`>${text}</${el.localName}>`, cursor);
    if (at < 0) continue;
    out.push(html.slice(cursor, at + 1));
    cursor = at + 1 + text.length;
  }
  if (!out.length) return html;
  out.push(html.slice(cursor));
  return out.join('');
}
