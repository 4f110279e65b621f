/**
 * Prints what the engine reads of a saved page, for people writing gold: the extracted title, byline,
 * site, language, then the article text with its paragraphs numbered. Nothing of the analysis is shown,
 * so gold is written from the article, not from the tool's answer.
 *
 *   npx tsx test/tools/article-text.ts PAGE.html
 */
import { readFileSync } from 'node:fs';
import { parseHtml } from '../../lib/cli/dom';
import { extractArticle } from '../../lib/extract/extract';

const path = process.argv[2];
if (!path) {
  console.error('usage: npx tsx test/tools/article-text.ts PAGE.html');
  process.exit(2);
}
const extraction = extractArticle(parseHtml(readFileSync(path, 'utf8')));
if (!extraction.ok) {
  console.error(extraction.message);
  process.exit(3);
}
const { article } = extraction;
console.log(JSON.stringify({ title: article.title, byline: article.byline, siteName: article.siteName, lang: article.lang }, null, 1));
console.log(`words: ${article.text.split(/\s+/).length}\n`);
article.text.split(/\n\n/).forEach((p, i) => console.log(`[${i + 1}] ${p}\n`));
