import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { exportHistory, parseHistory } from '../../lib/history/history';
import { toRecord } from '../../lib/history/record';
import { SEEDS } from '../support/fixtures';

// The English engine, as the product builds it for an English article: English demand rules only.
const engine = builtinEngines().forLanguage('en')!;
const seed = SEEDS.map(({ html, name }) => {
  const r = analyzeDocument(parseHtml(html), engine, `https://example.org/${name}`);
  if (!r.ok) throw new Error(r.message);
  return toRecord(r.analysis, `https://example.org/${name}`);
});

describe('parseHistory', () => {
  it('reads back what exportHistory wrote', () => {
    expect(parseHistory(exportHistory(seed))).toEqual({ ok: true, records: seed });
  });

  const broken = (edit: (records: Record<string, unknown>[]) => void) => {
    const value = JSON.parse(exportHistory(seed));
    edit(value.records);
    return JSON.stringify(value, null, 2);
  };
  it.each([
    { why: 'not JSON', text: () => '{"schema": ', error: /^line 1: not valid JSON/ },
    { why: 'wrong schema', text: () => '{"schema": "other", "records": []}', error: /schema: must be "framing-lens\/history@1"/ },
    {
      why: 'a record without id',
      text: () => broken((r) => delete r[1].id),
      error: /^line \d+: records\[1\]\.id: must be a non-empty string$/,
    },
    {
      why: 'a bad voice',
      text: () => broken((r) => ((r[0].loaded as { voice: string }[])[0].voice = 'loud')),
      error: /records\[0\]\.loaded\[0\]: must have .*voice/,
    },
    {
      why: 'an unknown party',
      text: () => broken((r) => ((r[0].demands as { party: string }[])[0].party = 'mars')),
      error: /records\[0\]\.demands\[0\]: must have a known party/,
    },
  ])('$why: refused with the place named', ({ text, error }) => {
    const result = parseHistory(text());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
