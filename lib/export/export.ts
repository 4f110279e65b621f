/** Exports of an analysis: Markdown (the default), plain text and JSON, shared by the extension and the command line. */
import type { Analysis } from '../analysis/analyze';
import type { Demand } from '../demands/demands';
import type { Category } from '../lexicon/types';
import type { Match } from '../match/matcher';

export const EXPORT_FORMATS = ['markdown', 'text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CATEGORY_LABEL: Record<Category, string> = { name: 'name', region: 'place', loaded: 'loaded phrase' };
const VOICE_LABEL = { author: "outlet's own voice", quoted: 'quoted' } as const;

/** Plain building blocks both text formats share, so they never disagree on content. */
function sections(a: Analysis) {
  const { article, summary } = a;
  const meta = [
    ['Outlet', article.siteName],
    ['By', article.byline],
    ['Published', article.publishedTime],
    ['URL', a.url],
  ].filter((kv): kv is [string, string] => Boolean(kv[1]));
  const spellings = summary.spellings.map((s) => {
    const used = s.used.map((u) => `${u.variant} ×${u.count} (${u.note})`).join('; ');
    const alt = s.alternatives.length ? ` Alternatives: ${s.alternatives.map((v) => v.variant).join(', ')}.` : '';
    return { concept: s.concept, line: `${used}.${alt}` };
  });
  const highlights = a.matches.filter((m) => m.field === 'body');
  const parties = summary.demands.map((p) => ({ label: p.label, demands: p.demands.map((i) => a.demands[i]) }));
  return { meta, spellings, highlights, parties };
}

const highlightLine = (m: Match) =>
  [
    `${m.concept}: ${CATEGORY_LABEL[m.category]}, ${VOICE_LABEL[m.voice]}.`,
    m.category === 'loaded' ? m.note : `${m.variant}: ${m.variantNote}`,
  ].join(' ');
const demandLine = (d: Demand) => `${d.topicLabel ?? 'Other demand'}: “${d.text}”${d.speaker ? ` (${d.speaker})` : ''}`;
/** Demands grouped by the sentence that states them, so each sentence is quoted once. */
function bySentence(demands: Demand[]): Demand[][] {
  const groups = new Map<number, Demand[]>();
  for (const d of demands) groups.set(d.sentenceStart, [...(groups.get(d.sentenceStart) ?? []), d]);
  return [...groups.values()];
}
const countsLine = (a: Analysis) => {
  const c = a.summary.counts;
  return `${c.name} names, ${c.region} places, ${c.loaded} loaded phrases, ${c.demands} stated demands`;
};

export function toMarkdown(a: Analysis): string {
  const { meta, spellings, highlights, parties } = sections(a);
  const md = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const quote = (s: string) => `> ${md(s).replace(/\n+/g, ' ')}`;
  const out: string[] = [
    `# Framing: ${md(a.article.title)}`,
    '',
    ...meta.map(([k, v]) => `- **${k}:** ${md(v)}`),
    '',
    `_${countsLine(a)}._`,
    '',
  ];
  out.push('## Spelling choices', '');
  out.push(...(spellings.length ? spellings.map((s) => `- **${md(s.concept)}:** ${md(s.line)}`) : ['_No contested spellings._']), '');
  out.push('## Stated demands', '');
  if (!parties.length) out.push('_No demands stated._', '');
  for (const p of parties) {
    out.push(`### ${md(p.label)}`, '');
    for (const group of bySentence(p.demands)) {
      for (const d of group) out.push(`- ${md(demandLine(d))}${d.topic ? ` \`${d.topic}\`` : ''}`);
      out.push('', quote(group[0].sentence), '');
    }
  }
  out.push('## Highlights', '');
  if (!highlights.length) out.push('_Nothing annotated._', '');
  for (const m of highlights) out.push(`- **${md(m.surface)}** — ${md(highlightLine(m))}`);
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

export function toText(a: Analysis): string {
  const { meta, spellings, highlights, parties } = sections(a);
  const out: string[] = [`Framing: ${a.article.title}`, ...meta.map(([k, v]) => `${k}: ${v}`), countsLine(a), ''];
  out.push('SPELLING CHOICES', ...(spellings.length ? spellings.map((s) => `- ${s.concept}: ${s.line}`) : ['(none)']), '');
  out.push('STATED DEMANDS');
  if (!parties.length) out.push('(none)');
  for (const p of parties) {
    out.push(`${p.label}:`);
    for (const group of bySentence(p.demands)) {
      for (const d of group) out.push(`- ${demandLine(d)}${d.topic ? ` [${d.topic}]` : ''}`);
      out.push(`  "${group[0].sentence}"`);
    }
  }
  out.push('', 'HIGHLIGHTS', ...(highlights.length ? highlights.map((m) => `- "${m.surface}": ${highlightLine(m)}`) : ['(none)']));
  return out.join('\n') + '\n';
}

export function toJson(a: Analysis): string {
  return JSON.stringify(a, null, 2) + '\n';
}

export function exportAnalysis(a: Analysis, format: ExportFormat): string {
  return format === 'markdown' ? toMarkdown(a) : format === 'text' ? toText(a) : toJson(a);
}

/** What `copyAnalysis` copied, for the views to confirm in the user's language. */
export interface CopyResult {
  highlights: number;
  demands: number;
  format: ExportFormat;
}

/** Writes an export to the clipboard (given as a function) and says what was copied. */
export async function copyAnalysis(a: Analysis, format: ExportFormat, write: (text: string) => Promise<void>): Promise<CopyResult> {
  await write(exportAnalysis(a, format));
  return { highlights: a.matches.filter((m) => m.field === 'body').length, demands: a.demands.length, format };
}
