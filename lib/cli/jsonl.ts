/**
 * JSON Lines in and out (`framing-lens analyze --jsonl`): one page per input line, `{"url", "html"}`
 * and any other fields, which come back as `meta`; one analysis per output line, in the same order,
 * or an error record in its place. Each line stands alone: no state passes from one to the next.
 */
import type { Analysis } from '../analysis/analyze';

export interface PageLine {
  url: string | null;
  html: string;
  /** The line's other fields, passed through. */
  meta: Record<string, unknown>;
}

export interface LineError {
  url: string | null;
  error: { code: string; message: string };
}

export type ParsedLine = { ok: true; page: PageLine } | ({ ok: false } & LineError);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads one input line; what makes it unusable is said in an error record. */
export function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, url: null, error: { code: 'bad-json', message: `not JSON: ${(e as Error).message}` } };
  }
  if (!isObject(value)) return { ok: false, url: null, error: { code: 'bad-record', message: 'a line must be a JSON object' } };
  const { url, html, ...meta } = value;
  const where = typeof url === 'string' ? url : null;
  if (url !== undefined && url !== null && (typeof url !== 'string' || !URL.canParse(url)))
    return { ok: false, url: null, error: { code: 'bad-url', message: `"url" must be an absolute URL, not ${JSON.stringify(url)}` } };
  if (typeof html !== 'string') return { ok: false, url: where, error: { code: 'no-html', message: 'the line has no "html" string' } };
  return { ok: true, page: { url: where, html, meta } };
}

/** What --fields may keep: the analysis' fields, and the article's one by one ("article.title"). */
export const FIELDS = [
  'article',
  ...['title', 'byline', 'siteName', 'lang', 'publishedTime', 'excerpt', 'text', 'paragraphs'].map((k) => `article.${k}`),
  'lexicon',
  'matches',
  'demands',
  'topics',
  'summary',
] as const;

/** The analysis with only `fields` (its schema and url always), or whole. */
function pick(analysis: Analysis, fields: readonly string[] | null): Record<string, unknown> {
  if (!fields) return analysis as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { schema: analysis.schema, url: analysis.url };
  const article: Record<string, unknown> = {};
  for (const field of fields) {
    const [head, key] = field.split('.') as [keyof Analysis, string | undefined];
    if (key) article[key] = (analysis.article as unknown as Record<string, unknown>)[key];
    else out[head] = analysis[head];
  }
  if (Object.keys(article).length && !fields.includes('article')) out.article = article;
  return out;
}

/** An analysis as an output line (only `fields`, when given), the input's other fields as `meta` when it had any. */
export function analysisLine(analysis: Analysis, meta: Record<string, unknown>, fields: readonly string[] | null = null): string {
  const picked = pick(analysis, fields);
  return JSON.stringify(Object.keys(meta).length ? { ...picked, meta } : picked);
}

export const errorLine = (e: LineError): string => JSON.stringify({ url: e.url, error: e.error });
