/**
 * Hostile pages too big to commit, generated at test time and served from memory by the e2e harness:
 * a 50,000-node DOM, 10,000 matches, a 2 MB article. Their prose is the committed hostile article's.
 */
import { readFixture } from './fixtures';

/** The paragraphs of the plain hostile article (csp.html), as HTML. */
const PARAGRAPHS = [...readFixture('hostile/csp.html').matchAll(/<p>(.+?)<\/p>/g)].map((m) => m[1]);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | The Kyiv Courier</title>
  <meta property="og:site_name" content="The Kyiv Courier">
  <meta name="author" content="Olena Marchenko">
</head>
<body>
${body}
</body>
</html>
`;
}

const article = (title: string, paragraphs: string[]) =>
  `<article>\n<h1>${title}</h1>\n<p class="byline">By Olena Marchenko · <time datetime="2025-07-14T08:10:00Z">July 14, 2025</time></p>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n</article>`;

/** Nodes (elements and text) under the body of a generated big-DOM page: at least 50,000. */
export const BIG_DOM_NODES = 50_000;

/** The article amid a mega-menu of 2,000 links and a comment thread of 7,500 comments that name Kiev and Zelensky. */
export function bigDom(): string {
  const menu = Array.from({ length: 2_000 }, (_, k) => `<li><a href="/topic/${k}">Topic ${k}</a></li>`).join('');
  const comments = Array.from(
    { length: 7_500 },
    (_, k) => `<li class="comment"><span class="who">reader${k}</span> <p>Comment ${k}: Kiev or Kyiv, Zelensky will decide.</p></li>`,
  ).join('');
  return page(
    'Kremlin repeats its terms after night of strikes on Kyiv',
    `<header><nav class="mega-menu"><ul>${menu}</ul></nav></header>
<main>${article('Kremlin repeats its terms after night of strikes on Kyiv', PARAGRAPHS)}</main>
<section class="comments"><h3>7,500 comments</h3><ul>${comments}</ul></section>`,
  );
}

/** A war timeline whose 800 entries each name 13 lexicon terms: over 10,000 matches. */
function manyMatches(): string {
  const day = (k: number) => new Date(Date.UTC(2022, 1, 24) + k * 86_400_000).toISOString().slice(0, 10);
  const entries = Array.from(
    { length: 800 },
    (_, k) =>
      `${day(k)}: Shelling was reported in Kharkiv, Kherson, Mykolaiv, Zaporizhzhia, Donetsk and Luhansk. Zelensky spoke in Kyiv, while officials in Crimea and the Donbas praised the special military operation, blamed the Kiev regime and defended the sham referendums.`,
  );
  return page(
    'A day-by-day timeline of the war',
    `<main>${article('A day-by-day timeline of the war', [...PARAGRAPHS, ...entries])}</main>`,
  );
}

/** One article of 2 MB: the story told day after day. */
function huge(): string {
  const paragraphs: string[] = [];
  for (let size = 0, k = 0; size < 2_000_000; k++) {
    const p = `Day ${k + 1}. ${PARAGRAPHS[k % PARAGRAPHS.length]}`;
    paragraphs.push(p);
    size += p.length;
  }
  return page('The war, day by day', `<main>${article('The war, day by day', paragraphs)}</main>`);
}

export const GENERATED: Record<string, string> = {
  'hostile/big-dom.html': bigDom(),
  'hostile/many-matches.html': manyMatches(),
  'hostile/huge.html': huge(),
};
