/** A comparison as Markdown tables (one column per outlet) or JSON; differences in bold, agreement plain. */
import type { Comparison } from '../compare/compare';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const mark = (s: string, differs: boolean) => (differs ? `**${s}**` : s);

export function comparisonToMarkdown(c: Comparison): string {
  const names = c.articles.map((a) => cell(a.siteName ?? a.title));
  const head = (first: string) => [`| ${first} | ${names.join(' | ')} |`, `| --- | ${names.map(() => '---').join(' | ')} |`];
  const out: string[] = ['# Framing compared', ''];
  c.articles.forEach((a) =>
    out.push(
      `- **${cell(a.siteName ?? a.id)}**: ${cell(a.title)}${a.url ? ` (${a.url})` : ''}${a.publishedTime ? `, ${a.publishedTime}` : ''}`,
    ),
  );

  out.push('', '## Spellings', '', ...head('Concept'));
  for (const s of c.spellings)
    out.push(`| ${cell(s.concept)} | ${c.articles.map((a) => mark(cell(s.byArticle[a.id] ?? '—'), s.differs)).join(' | ')} |`);

  out.push('', '## Loaded phrases', '', ...head('Phrase'));
  const voice = { author: 'own voice', quoted: 'quoted' } as const;
  for (const l of c.loaded)
    out.push(
      `| ${cell(l.surface)} | ${c.articles.map((a) => mark(l.byArticle[a.id] ? voice[l.byArticle[a.id]] : '—', l.differs)).join(' | ')} |`,
    );

  out.push('', '## Demands reported', '', ...head('Party: demand'));
  for (const d of c.demands)
    out.push(
      `| ${cell(`${d.party}: ${d.topicLabel ?? d.topic}`)} \`${d.topic}\` | ${c.articles
        .map((a) => mark(d.articles.includes(a.id) ? 'reported' : d.omittedBy.includes(a.id) ? 'omits' : 'not found', d.differs))
        .join(' | ')} |`,
    );
  return out.join('\n') + '\n';
}

export function comparisonToJson(c: Comparison): string {
  return JSON.stringify(c, null, 2) + '\n';
}
