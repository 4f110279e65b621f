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

/** An analysis as an output line, the input's other fields as `meta` when it had any. */
export function analysisLine(analysis: Analysis, meta: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(meta).length ? { ...analysis, meta } : analysis);
}

export const errorLine = (e: LineError): string => JSON.stringify({ url: e.url, error: e.error });
