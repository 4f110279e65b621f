/** Article pages of a chosen size for the browser benchmarks: a seed page's layout, its article grown from real fixture paragraphs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)), 'utf8');

/** The <p> paragraphs of the fixtures' articles, English and Cyrillic. */
function paragraphs(): string[] {
  return ['seeds/seed-1.html', 'seeds/seed-2.html', 'pages/cyrillic.html'].flatMap((name) => {
    const article = /<article[^>]*>([\s\S]*?)<\/article>/.exec(fixture(name))?.[1] ?? '';
    return [...article.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
  });
}

/** seed-1's page with its article's paragraphs replaced by fixture paragraphs, repeated to about `bytes` of HTML. */
export function articlePage(bytes: number): string {
  const page = fixture('seeds/seed-1.html');
  const source = paragraphs();
  const body: string[] = [];
  let size = page.length;
  for (let i = 0; size < bytes; i++) {
    const p = `      <p>${source[i % source.length]}</p>\n`;
    // A subheading now and then, as long reads have.
    const h = i % 12 === 11 ? `      <h2>Part ${(i + 1) / 12}</h2>\n` : '';
    body.push(h + p);
    size += h.length + p.length;
  }
  return page.replace(
    /(<article[^>]*>\s*<h1>[\s\S]*?<\/h1>)[\s\S]*?(<\/article>)/,
    (_, head: string, end: string) => `${head}\n${body.join('')}    ${end}`,
  );
}
