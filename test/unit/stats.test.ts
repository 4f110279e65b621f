import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, builtinEngines } from '../../lib/analysis/analyze';
import { parseHtml } from '../../lib/cli/dom';
import { analysisLine } from '../../lib/cli/jsonl';
import { run } from '../../lib/cli/main';
import { computeStats, statsToCsv } from '../../lib/cli/stats';
import { DEV } from '../support/fixtures';

/** A hand-made analysis line: only what the statistics read. */
const line = (
  outlet: string,
  date: string,
  text: string,
  matches: [concept: string, variant: string, category?: string, voice?: string][],
  demands: [string, string | null][] = [],
) =>
  JSON.stringify({
    schema: 'framing-lens/analysis@1',
    url: `https://${outlet.toLowerCase().replace(/\W/g, '')}.example/a`,
    article: { siteName: outlet, publishedTime: date, text },
    matches: matches.map(([concept, variant, category = 'name', voice = 'author']) => ({
      concept,
      variant,
      category,
      voice,
      field: 'body',
    })),
    demands: demands.map(([party, topic]) => ({ party, topic })),
  });
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('framing-lens stats: the numbers', () => {
  const stats = computeStats([
    line(
      'Alpha',
      '2024-01-05T10:00:00Z',
      words(1000),
      [
        ['Kyiv', 'Kiev'],
        ['Kyiv', 'Kiev'],
        ['Kyiv', 'Kiev'],
        ['Kyiv', 'Kyiv'],
        ['sham', 'sham referendums', 'loaded'],
        ['sham', 'sham referendums', 'loaded', 'quoted'],
        ['NATO', 'NATO'],
      ],
      [
        ['russia', 'ceasefire'],
        ['russia', null],
      ],
    ),
    line(
      'Alpha',
      '2024-01-20',
      words(1000),
      [
        ['sham', 'sham referendums', 'loaded'],
        ['NATO', 'NATO'],
      ],
      [['russia', 'ceasefire']],
    ),
    line('Alpha', '2024-02-01', words(500), [['Kyiv', 'Kyiv']]),
    line(
      'Beta',
      '2024-01-09',
      words(250),
      [
        ['Kyiv', 'Kyiv'],
        ['NATO', 'NATO'],
      ],
      [['ukraine', 'security-guarantees']],
    ),
    JSON.stringify({ url: 'https://x.example/', error: { code: 'no-article', message: 'No article' } }),
    'not json',
  ]);
  const group = (outlet: string, month: string) => stats.groups.find((g) => g.outlet === outlet && g.month === month)!;

  it('groups by outlet and month, in order, and counts what it left out', () => {
    expect(stats.groups.map((g) => `${g.outlet} ${g.month} ${g.articles}`)).toEqual([
      'Alpha 2024-01 2',
      'Alpha 2024-02 1',
      'Beta 2024-01 1',
    ]);
    expect(stats).toMatchObject({ schema: 'framing-lens/stats@1', lines: 6, skipped: 2 });
  });

  it.each([
    { outlet: 'Alpha', month: '2024-01', spellings: { Kyiv: { Kiev: { uses: 3, share: 0.75 }, Kyiv: { uses: 1, share: 0.25 } } } },
    { outlet: 'Alpha', month: '2024-02', spellings: { Kyiv: { Kyiv: { uses: 1, share: 1 } } } },
    { outlet: 'Beta', month: '2024-01', spellings: { Kyiv: { Kyiv: { uses: 1, share: 1 } } } },
  ])(
    '$outlet $month: the share of each spelling of a contested name (NATO, written one way everywhere, is not)',
    ({ outlet, month, spellings }) => {
      expect(group(outlet, month).spellings).toEqual(spellings);
    },
  );

  it('loaded phrases per 1,000 words, by voice, and demands by party and topic', () => {
    expect(group('Alpha', '2024-01')).toMatchObject({
      words: 2000,
      loadedPer1000Words: { author: 1, quoted: 0.5 },
      demands: { russia: { ceasefire: 2, unsure: 1 } },
    });
    expect(group('Beta', '2024-01')).toMatchObject({
      words: 250,
      loadedPer1000Words: { author: 0, quoted: 0 },
      demands: { ukraine: { 'security-guarantees': 1 } },
    });
  });

  it('as CSV: one row per figure', () => {
    const csv = statsToCsv(stats).trimEnd().split('\n');
    expect(csv[0]).toBe('outlet,month,measure,key,subkey,value');
    expect(csv).toContain('Alpha,2024-01,spelling_share,Kyiv,Kiev,0.75');
    expect(csv).toContain('Alpha,2024-01,loaded_per_1000_words,quoted,,0.5');
    expect(csv).toContain('Alpha,2024-01,demands,russia,unsure,1');
  });

  it('without the articles’ text (--fields left it out), no rate per 1,000 words', () => {
    const bare = JSON.parse(line('Gamma', '2024-03-01', words(10), [['sham', 'sham referendums', 'loaded']])) as {
      article: { text?: string };
    };
    delete bare.article.text;
    expect(computeStats([JSON.stringify(bare)]).groups[0]).toMatchObject({
      words: null,
      loadedPer1000Words: { author: null, quoted: null },
    });
  });
});

describe('framing-lens stats on dev-set pages (development split), by outlet and date', () => {
  const pages = DEV.filter((p) => p.split === 'dev' && /^(TASS|The Guardian|Reuters)/.test(p.outlet));
  const engines = builtinEngines();
  const corpus = pages.map((p) => {
    const result = analyzeDocument(parseHtml(p.html, p.url), engines, p.url ?? null);
    if (!result.ok) throw new Error(`${p.slug}: ${result.message}`);
    return analysisLine(result.analysis, { outlet: p.outlet.replace(/ \(.*$/, '') });
  });
  const dir = mkdtempSync(join(tmpdir(), 'framing-lens-stats-'));
  const file = join(dir, 'analyses.jsonl');
  writeFileSync(file, corpus.join('\n') + '\n');
  const cli = async (args: string[]) => {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += c));
    stderr.on('data', (c) => (err += c));
    return { code: await run(args, { stdout, stderr, stdin: PassThrough.from(['']) }), out, err };
  };

  it('TASS writes Kiev and Zelensky; the Guardian went from Zelenskiy to Zelenskyy', async () => {
    const r = await cli(['stats', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const { groups } = JSON.parse(r.out) as ReturnType<typeof computeStats>;
    const spelling = (outlet: string, month: string, concept: string) =>
      groups.find((g) => g.outlet === outlet && g.month === month)?.spellings[concept];
    const KYIV = 'Kyiv (capital of Ukraine)';
    const ZELENSKYY = 'Volodymyr Zelenskyy (president of Ukraine)';
    expect(spelling('TASS', '2025-05', KYIV)).toEqual({ Kiev: { uses: expect.any(Number), share: 1 } });
    expect(spelling('TASS', '2025-05', ZELENSKYY)).toEqual({ Zelensky: { uses: expect.any(Number), share: 1 } });
    expect(spelling('The Guardian', '2023-05', ZELENSKYY)).toEqual({ Zelenskiy: { uses: expect.any(Number), share: 1 } });
    expect(spelling('The Guardian', '2026-02', ZELENSKYY)).toEqual({ Zelenskyy: { uses: expect.any(Number), share: 1 } });
    expect(spelling('Reuters', '2025-02', KYIV)).toEqual({ Kyiv: { uses: expect.any(Number), share: 1 } });
  });

  it('prints Markdown tables, and --plot draws the shares over time as SVG', async () => {
    const svg = join(dir, 'spellings.svg');
    const r = await cli(['stats', file, '--plot', svg]);
    expect(r.out).toMatch(/^# Framing by outlet and month\n/);
    expect(r.out).toMatch(/\| TASS \| 2025-05 \| Kyiv \(capital of Ukraine\) \| Kiev \| \d+ \| 100 % \|/);
    const drawn = readFileSync(svg, 'utf8');
    expect(drawn).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of ['Kyiv (capital of Ukraine)', 'TASS', 'The Guardian', 'Zelenskiy']) expect(drawn).toContain(text);
  });

  it('says so when the input holds no analyses', async () => {
    const empty = join(dir, 'errors.jsonl');
    writeFileSync(empty, JSON.stringify({ url: null, error: { code: 'bad-json', message: 'x' } }) + '\n');
    expect(await cli(['stats', empty])).toMatchObject({
      code: 1,
      err: 'framing-lens: no analyses in the input (lines of schema framing-lens/analysis@1)\n',
    });
    expect(await cli(['stats', join(dir, 'missing.jsonl')])).toMatchObject({
      code: 1,
      err: `framing-lens: no such file: ${join(dir, 'missing.jsonl')}\n`,
    });
  });
});
