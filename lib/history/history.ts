/** The history's bound, and its JSON export and import, validated. (The records live in ./store.) */
import { parseJsonWithPositions, JsonSyntaxError } from '../text/json';
import { PARTY_IDS } from '../lexicon/types';
import { RECORD_SCHEMA, type ArticleRecord } from './record';

export const HISTORY_LIMIT = 500;
export const HISTORY_EXPORT_SCHEMA = 'framing-lens/history@1';

export function exportHistory(list: readonly ArticleRecord[]): string {
  return JSON.stringify({ schema: HISTORY_EXPORT_SCHEMA, records: list }, null, 2) + '\n';
}

export type HistoryImport = { ok: true; records: ArticleRecord[] } | { ok: false; error: string };

type Check = [path: string, ok: (v: unknown) => boolean, what: string];
const isString = (v: unknown) => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isArray = (v: unknown) => Array.isArray(v);

/** Parses an exported history; the first problem is named with its line, and nothing is imported. */
export function parseHistory(text: string): HistoryImport {
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, error: `line ${e.line}: not valid JSON: ${e.reason}` };
    throw e;
  }
  const fail = (path: string, message: string): HistoryImport => {
    const pos = located.positions.get(path) ?? located.positions.get(path.replace(/\.[^.[\]]+$/, ''));
    return { ok: false, error: `${pos ? `line ${pos.line}: ` : ''}${path || '(file)'}: ${message}` };
  };
  const root = located.value as { schema?: unknown; records?: unknown };
  if (typeof root !== 'object' || root === null || root.schema !== HISTORY_EXPORT_SCHEMA)
    return fail('schema', `must be "${HISTORY_EXPORT_SCHEMA}"`);
  if (!Array.isArray(root.records)) return fail('records', 'must be a list of articles');
  for (const [k, r] of (root.records as Record<string, unknown>[]).entries()) {
    const at = `records[${k}]`;
    if (typeof r !== 'object' || r === null) return fail(at, 'must be an object');
    const checks: Check[] = [
      ['schema', (v) => v === RECORD_SCHEMA, `"${RECORD_SCHEMA}"`],
      ['id', (v) => isString(v) && (v as string).length > 0, 'a non-empty string'],
      ['title', isString, 'a string'],
      ['url', isStringOrNull, 'a string or null'],
      ['siteName', isStringOrNull, 'a string or null'],
      ['publishedTime', isStringOrNull, 'a string or null'],
      ['analyzedAt', (v) => isString(v) && !Number.isNaN(Date.parse(v as string)), 'a date'],
      ['spellings', isArray, 'a list'],
      ['loaded', isArray, 'a list'],
      ['demands', isArray, 'a list'],
      // Absent in records kept before it was: then no demand counts as omitted.
      ['topics', (v) => v === undefined || (isArray(v) && (v as unknown[]).every(isString)), 'a list of topic ids'],
    ];
    for (const [field, ok, what] of checks) if (!ok(r[field])) return fail(`${at}.${field}`, `must be ${what}`);
    for (const [j, s] of (r.spellings as Record<string, unknown>[]).entries())
      if (!isString(s?.termId) || !isString(s?.concept) || typeof s?.variants !== 'object' || s.variants === null)
        return fail(`${at}.spellings[${j}]`, 'must have termId, concept and variants');
    for (const [j, l] of (r.loaded as Record<string, unknown>[]).entries())
      if (!isString(l?.termId) || !isString(l?.surface) || (l?.voice !== 'author' && l?.voice !== 'quoted') || !isString(l?.sentence))
        return fail(`${at}.loaded[${j}]`, 'must have termId, surface, voice (author or quoted) and sentence');
    for (const [j, d] of (r.demands as Record<string, unknown>[]).entries())
      if (!(PARTY_IDS as readonly unknown[]).includes(d?.party) || !isString(d?.topic) || !isString(d?.sentence))
        return fail(`${at}.demands[${j}]`, 'must have a known party, a topic and a sentence');
  }
  return { ok: true, records: root.records as ArticleRecord[] };
}
