/**
 * `framing-lens stats`: what outlets do, over time. Reads analyses (the JSON Lines that `analyze
 * --jsonl` writes) and groups them by outlet and month: the share of each contested spelling, loaded
 * phrases per 1,000 words by voice, and the demands reported by party and topic.
 */
import type { Analysis } from '../analysis/analyze';

export const STATS_SCHEMA = 'framing-lens/stats@1';

/** An analysis as read back from JSON Lines: any of its fields may have been left out (--fields). */
export type AnalysisLine = Partial<Analysis> & { meta?: Record<string, unknown> };

export interface Group {
  outlet: string;
  /** YYYY-MM of the article's publication date, or "unknown". */
  month: string;
  articles: number;
  /** Words of the articles' text (null when a line lacks the text). */
  words: number | null;
  /** Per concept named in more than one way anywhere in the input: variant → uses, and share of uses. */
  spellings: Record<string, Record<string, { uses: number; share: number }>>;
  /** Loaded phrases in the article body, per 1,000 words, by voice (null without the text). */
  loadedPer1000Words: { author: number | null; quoted: number | null };
  /** Demands reported: party → topic ("unsure" for none) → count. */
  demands: Record<string, Record<string, number>>;
}

export interface Stats {
  schema: typeof STATS_SCHEMA;
  /** Lines read, and those left out (error records, lines that are not analyses). */
  lines: number;
  skipped: number;
  groups: Group[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The outlet: what the line's meta says, else the article's site name, else the URL's host. */
function outletOf(a: AnalysisLine): string {
  const meta = a.meta?.outlet;
  if (typeof meta === 'string' && meta) return meta;
  if (a.article?.siteName) return a.article.siteName;
  return a.url && URL.canParse(a.url) ? new URL(a.url).host : 'unknown';
}

/** The month of publication: the article's date, else a date in the line's meta (a crawl's). */
function monthOf(a: AnalysisLine): string {
  for (const d of [a.article?.publishedTime, a.meta?.date, a.meta?.warcDate]) {
    const m = typeof d === 'string' ? /^(\d{4})-(\d{2})/.exec(d) : null;
    if (m) return `${m[1]}-${m[2]}`;
  }
  return 'unknown';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** One analysis as the statistics need it: a few counts, not its text. */
interface Counted {
  outlet: string;
  month: string;
  words: number | null;
  loaded: { author: number; quoted: number };
  /** concept → variant → uses (names and places). */
  uses: Map<string, Map<string, number>>;
  demands: { party: string; topic: string }[];
}

function count(a: AnalysisLine): Counted {
  const uses = new Map<string, Map<string, number>>();
  const loaded = { author: 0, quoted: 0 };
  for (const m of a.matches ?? []) {
    if (m.category === 'loaded') {
      if (m.field === 'body') loaded[m.voice]++;
      continue;
    }
    const byVariant = uses.get(m.concept) ?? uses.set(m.concept, new Map()).get(m.concept)!;
    byVariant.set(m.variant, (byVariant.get(m.variant) ?? 0) + 1);
  }
  return {
    outlet: outletOf(a),
    month: monthOf(a),
    words: typeof a.article?.text === 'string' ? words(a.article.text) : null,
    loaded,
    uses,
    demands: (a.demands ?? []).map((d) => ({ party: d.party, topic: d.topic ?? 'unsure' })),
  };
}

/** Statistics over analyses given one line at a time: each is reduced to its counts as it comes. */
export function statsCounter(): { add(line: string): void; result(): Stats } {
  const counted: Counted[] = [];
  let lines = 0;
  let skipped = 0;
  return {
    add(line) {
      if (!line.trim()) return;
      lines++;
      let a: unknown;
      try {
        a = JSON.parse(line);
      } catch {
        skipped++;
        return;
      }
      if (typeof a === 'object' && a !== null && (a as AnalysisLine).schema === 'framing-lens/analysis@1')
        counted.push(count(a as AnalysisLine));
      else skipped++;
    },
    result() {
      return { schema: STATS_SCHEMA, lines, skipped, groups: groupsOf(counted) };
    },
  };
}

export function computeStats(lines: Iterable<string>): Stats {
  const counter = statsCounter();
  for (const line of lines) counter.add(line);
  return counter.result();
}

function groupsOf(counted: readonly Counted[]): Group[] {
  // Contested: a concept written in more than one way somewhere in the input.
  const forms = new Map<string, Set<string>>();
  for (const c of counted)
    for (const [concept, byVariant] of c.uses)
      for (const variant of byVariant.keys()) (forms.get(concept) ?? forms.set(concept, new Set()).get(concept)!).add(variant);
  const contested = new Set([...forms].filter(([, v]) => v.size > 1).map(([k]) => k));
  const groups = new Map<string, Counted[]>();
  for (const c of counted) {
    const key = `${c.outlet}\n${c.month}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(c);
  }
  return [...groups.values()]
    .map((members): Group => {
      const { outlet, month } = members[0];
      const total = members.every((c) => c.words !== null) ? members.reduce((n, c) => n + c.words!, 0) : null;
      const uses: Record<string, Record<string, number>> = {};
      const demands: Record<string, Record<string, number>> = {};
      const loaded = { author: 0, quoted: 0 };
      for (const c of members) {
        loaded.author += c.loaded.author;
        loaded.quoted += c.loaded.quoted;
        for (const [concept, byVariant] of c.uses)
          if (contested.has(concept))
            for (const [variant, n] of byVariant) (uses[concept] ??= {})[variant] = (uses[concept][variant] ?? 0) + n;
        for (const d of c.demands) (demands[d.party] ??= {})[d.topic] = (demands[d.party][d.topic] ?? 0) + 1;
      }
      const spellings = Object.fromEntries(
        Object.entries(uses).map(([concept, byVariant]) => {
          const all = Object.values(byVariant).reduce((n, x) => n + x, 0);
          return [concept, Object.fromEntries(Object.entries(byVariant).map(([v, n]) => [v, { uses: n, share: round(n / all) }]))];
        }),
      );
      const per1000 = (n: number) => (total ? round((1000 * n) / total) : null);
      return {
        outlet,
        month,
        articles: members.length,
        words: total,
        spellings,
        loadedPer1000Words: { author: per1000(loaded.author), quoted: per1000(loaded.quoted) },
        demands,
      };
    })
    .sort((x, y) => x.outlet.localeCompare(y.outlet) || x.month.localeCompare(y.month));
}

const cell = (s: string | number | null) => String(s ?? '–').replace(/\|/g, '\\|');

export function statsToMarkdown(s: Stats): string {
  const out = [`# Framing by outlet and month`, '', `${s.lines - s.skipped} analyses (${s.skipped} lines skipped).`, ''];
  out.push(
    '## Articles and loaded phrases',
    '',
    '| outlet | month | articles | words | loaded per 1,000 words: own voice | quoted |',
    '|---|---|---|---|---|---|',
  );
  for (const g of s.groups)
    out.push(
      `| ${cell(g.outlet)} | ${g.month} | ${g.articles} | ${cell(g.words)} | ${cell(g.loadedPer1000Words.author)} | ${cell(g.loadedPer1000Words.quoted)} |`,
    );
  out.push('', '## Spellings (share of uses)', '', '| outlet | month | concept | spelling | uses | share |', '|---|---|---|---|---|---|');
  for (const g of s.groups)
    for (const [concept, byVariant] of Object.entries(g.spellings))
      for (const [variant, v] of Object.entries(byVariant))
        out.push(`| ${cell(g.outlet)} | ${g.month} | ${cell(concept)} | ${cell(variant)} | ${v.uses} | ${Math.round(v.share * 100)} % |`);
  out.push('', '## Demands reported', '', '| outlet | month | party | topic | demands |', '|---|---|---|---|---|');
  for (const g of s.groups)
    for (const [party, byTopic] of Object.entries(g.demands))
      for (const [topic, n] of Object.entries(byTopic)) out.push(`| ${cell(g.outlet)} | ${g.month} | ${party} | ${topic} | ${n} |`);
  return out.join('\n') + '\n';
}

const csvCell = (v: string | number | null) => {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per figure: outlet, month, measure, key, subkey, value. */
export function statsToCsv(s: Stats): string {
  const rows: (string | number | null)[][] = [['outlet', 'month', 'measure', 'key', 'subkey', 'value']];
  for (const g of s.groups) {
    rows.push([g.outlet, g.month, 'articles', '', '', g.articles], [g.outlet, g.month, 'words', '', '', g.words]);
    for (const voice of ['author', 'quoted'] as const)
      rows.push([g.outlet, g.month, 'loaded_per_1000_words', voice, '', g.loadedPer1000Words[voice]]);
    for (const [concept, byVariant] of Object.entries(g.spellings))
      for (const [variant, v] of Object.entries(byVariant)) rows.push([g.outlet, g.month, 'spelling_share', concept, variant, v.share]);
    for (const [party, byTopic] of Object.entries(g.demands))
      for (const [topic, n] of Object.entries(byTopic)) rows.push([g.outlet, g.month, 'demands', party, topic, n]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export const statsToJson = (s: Stats) => JSON.stringify(s, null, 2) + '\n';
