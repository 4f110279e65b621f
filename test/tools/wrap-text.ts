/**
 * Builds a plain news page around an article stored only as text or Markdown (a scraper's output), so
 * the dev set can hold articles whose saved HTML is not public. Each non-empty line becomes a paragraph;
 * Markdown headings, list items and quotes keep their element; links keep their text; images, front
 * matter and emphasis marks are dropped. Text is escaped, never markup.
 *
 *   npx tsx test/tools/wrap-text.ts SOURCE.md --title T --site S [--lang L] [--url U] [--date yyyy-mm-dd] [--lines A-B] > source.html
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    site: { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    lines: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    // Scrapes that broke a sentence at each link ("as" / "*Axios*" / "reported"): rejoin lines until one ends a sentence.
    join: { type: 'boolean', default: false },
  },
});
if (positionals.length !== 1 || !values.title || !values.site) {
  console.error('usage: npx tsx test/tools/wrap-text.ts SOURCE.md --title T --site S [--lang L] [--url U] [--date D] [--lines A-B]');
  process.exit(2);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) =>
  escape(
    s
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/\s+/g, ' ')
      .trim(),
  );

let lines = readFileSync(positionals[0], 'utf8').replace(/\r\n?/g, '\n').split('\n');
if (values.lines) {
  const [a, b] = values.lines.split('-').map(Number);
  lines = lines.slice(a - 1, b);
} else if (lines[0] === '---') {
  const close = lines.indexOf('---', 1);
  if (close > 0) lines = lines.slice(close + 1);
}

if (values.join) {
  const joined: string[] = [];
  // Judged on the text as shown, so a line ending in a link ("[reported](https://…)") is still open.
  const shown = (l: string) => inline(l).replace(/&[a-z]+;/g, '"');
  const open = (l: string) => shown(l) !== '' && !/[.!?:;"”’)\]]$/u.test(shown(l)) && !/^(?:#|[-*•]\s|\d+[.)]\s|>)/u.test(l.trim());
  let pending = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (pending) {
      if (!line) continue;
      pending = `${pending} ${line}`;
      if (!open(pending)) {
        joined.push(pending, '');
        pending = '';
      }
    } else if (open(line)) pending = line;
    else joined.push(raw);
  }
  if (pending) joined.push(pending);
  lines = joined;
}

const body: string[] = [];
let list: string[] = [];
const flush = () => {
  if (list.length) body.push(`<ul>${list.map((li) => `<li>${li}</li>`).join('')}</ul>`);
  list = [];
};
for (const raw of lines) {
  const line = raw.trim();
  const item = /^(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
  if (item) {
    const text = inline(item[1]);
    if (text) list.push(text);
    continue;
  }
  flush();
  const text = inline(line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''));
  if (!text) continue;
  if (/^#{1,6}\s/.test(line)) body.push(`<h2>${text}</h2>`);
  else if (line.startsWith('>')) body.push(`<blockquote><p>${text}</p></blockquote>`);
  else body.push(`<p>${text}</p>`);
}
flush();

const meta = [
  `<meta property="og:site_name" content="${escape(values.site)}">`,
  values.url ? `<link rel="canonical" href="${escape(values.url)}">` : '',
  values.date ? `<meta property="article:published_time" content="${escape(values.date)}">` : '',
].filter(Boolean);
process.stdout.write(
  `<!doctype html>\n<html lang="${escape(values.lang)}">\n<head>\n<meta charset="utf-8">\n<title>${escape(values.title)}</title>\n${meta.join('\n')}\n</head>\n` +
    `<body>\n<article>\n<h1>${escape(values.title)}</h1>\n${body.join('\n')}\n</article>\n</body>\n</html>\n`,
);
