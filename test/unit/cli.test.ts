import { PassThrough } from 'node:stream';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WARCRecord, WARCSerializer } from 'warcio';
import { run } from '../../lib/cli/main';
import { BUILTIN_PACKS } from '../../lib/lexicon/builtin';
import { fixturePath, SEEDS } from '../support/fixtures';

async function cli(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = PassThrough.from([stdin]);
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await run(args, { stdout, stderr, stdin: input });
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'framing-lens-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

describe('framing-lens analyze FOLDER', () => {
  it('writes one result per page, across workers', async () => {
    const out = join(tmp, 'out');
    const r = await cli(['analyze', fixturePath('seeds'), '--out', out, '--format', 'json', '--jobs', '2']);
    expect(r.err).toMatch(/2 of 2 pages analysed in [\d.]+ s with 2 worker\(s\) \(started in [\d.]+ s\)/);
    expect(r.code).toBe(0);
    const one = JSON.parse(readFileSync(join(out, 'seed-1.json'), 'utf8'));
    expect(one).toMatchObject({ schema: 'framing-lens/analysis@1', article: { siteName: 'Antiwar.com' } });
    expect(readdirSync(out).sort()).toEqual(['seed-1.json', 'seed-2.json']);
  });

  it.each([
    { why: 'no --out', args: () => ['analyze', fixturePath('seeds')], code: 2, err: /needs --out/ },
    {
      why: 'bad --jobs',
      args: () => ['analyze', fixturePath('seeds'), '--out', join(tmp, 'o2'), '--jobs', 'many'],
      code: 2,
      err: /--jobs must be a whole number/,
    },
    {
      why: 'no pages',
      args: () => ['analyze', mkdtempSync(join(tmpdir(), 'empty-')), '--out', join(tmp, 'o3')],
      code: 1,
      err: /no \.html pages/,
    },
  ])('$why: one line on stderr, exit $code', async ({ args, code, err }) => {
    const r = await cli(args());
    expect([r.code, r.out]).toEqual([code, '']);
    expect(r.err).toMatch(err);
  });
});

describe('framing-lens compare', () => {
  it('prints the comparison of the seed pages as JSON and Markdown', async () => {
    const json = await cli(['compare', SEEDS[0].path, SEEDS[1].path, '--format', 'json']);
    expect(json.code).toBe(0);
    const c = JSON.parse(json.out);
    expect(c.schema).toBe('framing-lens/comparison@1');
    expect(c.articles.map((a: { id: string }) => a.id)).toEqual([SEEDS[0].path, SEEDS[1].path]);
    expect(c.spellings.find((s: { concept: string }) => s.concept.startsWith('Kyiv')).byArticle).toEqual({
      [SEEDS[0].path]: 'Kiev',
      [SEEDS[1].path]: 'Kyiv',
    });
    const md = await cli(['compare', SEEDS[0].path, SEEDS[1].path]);
    expect(md.out).toContain('| Concept | Antiwar.com | The Daily Ledger |');
  });

  it.each([
    { why: 'one page', args: () => ['compare', SEEDS[0].path], code: 2, err: /two or more pages/ },
    { why: 'bad format', args: () => ['compare', SEEDS[0].path, SEEDS[1].path, '--format', 'text'], code: 2, err: /unknown format "text"/ },
    { why: 'missing file', args: () => ['compare', SEEDS[0].path, join(tmp, 'gone.html')], code: 1, err: /no such file/ },
    { why: 'no article', args: () => ['compare', SEEDS[0].path, fixturePath('pages/no-article.html')], code: 3, err: /No article found/ },
  ])('$why: one line on stderr, exit $code', async ({ args, code, err }) => {
    const r = await cli(args());
    expect([r.code, r.out]).toEqual([code, '']);
    expect(r.err).toMatch(err);
  });
});

describe('framing-lens analyze', () => {
  it.each(['json', 'markdown', 'text'])('prints the analysis as %s', async (format) => {
    const { code, out, err } = await cli(['analyze', SEEDS[1].path, '--format', format]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Zelenskyy');
    if (format === 'json') expect(JSON.parse(out).schema).toBe('framing-lens/analysis@1');
  });

  it.each([
    { page: 'fundus-ru-Kommersant_2025_05_14', pack: 'russia-ukraine-ru', finds: 'Путин' },
    { page: 'fundus-de-DW_2023_04_28', pack: 'russia-ukraine-de', finds: 'Bachmut' },
  ])('reads $page with the pack of its language ($pack)', async ({ page, pack, finds }) => {
    const { code, out } = await cli(['analyze', fixturePath(`dev/${page}/source.html`), '--format', 'json']);
    expect(code).toBe(0);
    const analysis = JSON.parse(out) as { lexicon: { id: string }[]; matches: { surface: string }[] };
    expect(analysis.lexicon.map((p) => p.id)).toEqual(['russia-ukraine', pack]);
    expect(analysis.matches.map((m) => m.surface)).toContain(finds);
  });

  it('reads the page from standard input and takes --url', async () => {
    const { code, out } = await cli(['analyze', '-', '--format', 'json', '--url', 'https://example.org/a'], SEEDS[0].html);
    expect(code).toBe(0);
    expect(JSON.parse(out).url).toBe('https://example.org/a');
  });

  it('uses an extra lexicon pack', async () => {
    const pack = structuredClone(BUILTIN_PACKS[0]) as { id: string; entries: unknown[]; demands?: unknown };
    pack.id = 'mine';
    delete pack.demands;
    pack.entries = [
      {
        id: 'daily-ledger',
        category: 'name',
        concept: 'The Daily Ledger',
        note: 'A test outlet used in the seed pages.',
        variants: [{ form: 'Foreign Ministry', note: 'Test term.' }],
      },
    ];
    const { code, out } = await cli(['analyze', SEEDS[1].path, '--format', 'json', '--lexicon', write('mine.json', JSON.stringify(pack))]);
    expect(code).toBe(0);
    expect(JSON.parse(out).matches.some((m: { termId: string }) => m.termId === 'daily-ledger')).toBe(true);
  });

  it.each([
    { why: 'missing file', args: () => ['analyze', join(tmp, 'nope.html')], code: 1, err: /no such file: .*nope\.html/ },
    { why: 'not HTML', args: () => ['analyze', write('data.json', '{"a": 1}')], code: 1, err: /is not an HTML page/ },
    { why: 'no page', args: () => ['analyze'], code: 2, err: /which page/ },
    { why: 'bad format', args: () => ['analyze', SEEDS[0].path, '--format', 'pdf'], code: 2, err: /unknown format "pdf"/ },
    { why: 'unknown option', args: () => ['analyze', SEEDS[0].path, '--colour'], code: 2, err: /colour/ },
    { why: 'unknown command', args: () => ['summarise'], code: 2, err: /unknown command "summarise"/ },
    {
      why: 'invalid lexicon',
      args: () => [
        'analyze',
        SEEDS[0].path,
        '--lexicon',
        write('bad.json', JSON.stringify({ ...(BUILTIN_PACKS[0] as object), id: 'Bad Id' }, null, 2)),
      ],
      code: 1,
      err: /invalid lexicon .*bad\.json: line 3: id: "Bad Id" does not match/,
    },
    {
      why: 'lexicon not JSON',
      args: () => ['analyze', SEEDS[0].path, '--lexicon', write('bad2.json', '{ nope')],
      code: 1,
      err: /invalid lexicon .*line 1: not valid JSON/,
    },
    { why: 'no article', args: () => ['analyze', fixturePath('pages/no-article.html')], code: 3, err: /No article found/ },
    {
      why: 'bad --heap',
      args: () => ['analyze', '--jsonl', '--heap', '10'],
      code: 2,
      err: /--heap must be a whole number of MB, at least 64, not "10"/,
    },
  ])('$why: one line on stderr, exit $code', async ({ args, code, err }) => {
    const r = await cli(args());
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(err);
    expect(r.err.trim().split('\n')[0]).toMatch(/^framing-lens: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('framing-lens analyze --jsonl', () => {
  const line = (record: object) => JSON.stringify(record);
  const [seed1, seed2] = SEEDS;
  const rows = [
    { name: 'a page, its other fields kept as meta', input: line({ url: 'https://example.org/1', html: seed1.html, outlet: 'Antiwar' }) },
    { name: 'a line that is not JSON', input: '{"url": "https://example.org/broken", "html": ', error: 'bad-json' },
    { name: 'a line that is not an object', input: '["https://example.org/a"]', error: 'bad-record' },
    { name: 'a line without html', input: line({ url: 'https://example.org/none' }), error: 'no-html', url: 'https://example.org/none' },
    { name: 'a line whose url is no URL', input: line({ url: 'example', html: seed1.html }), error: 'bad-url' },
    {
      name: 'a page with no article',
      input: line({ html: readFileSync(fixturePath('pages/no-article.html'), 'utf8') }),
      error: 'no-article',
    },
    { name: 'a page without meta', input: line({ url: 'https://example.org/2', html: seed2.html }) },
  ];
  let result: Awaited<ReturnType<typeof cli>>;
  let out: Record<string, unknown>[];

  it('answers every line, in order, a blank line skipped; the exit status says some failed', async () => {
    result = await cli(['analyze', '--jsonl', '--jobs', '2'], rows.map((r) => r.input).join('\n') + '\n\n');
    out = result.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(rows.length);
    expect(result.code).toBe(3);
    expect(result.err).toContain(`framing-lens: 2 of ${rows.length} pages analysed`);
  });

  it.each(rows.map((r, i) => ({ ...r, i })))('$name', async ({ i, error, url, input }) => {
    const got = out[i];
    if (error) {
      expect(got).toMatchObject({ url: url ?? null, error: { code: error, message: expect.any(String) } });
      return;
    }
    // The same analysis as one page's, through the same command line.
    const record = JSON.parse(input) as { url: string; html: string };
    const page = write(`jsonl-${i}.html`, record.html);
    const single = await cli(['analyze', page, '--format', 'json', '--url', record.url]);
    const { meta, ...analysis } = got;
    expect(analysis).toEqual(JSON.parse(single.out));
    expect(meta).toEqual(i === 0 ? { outlet: 'Antiwar' } : undefined);
  });

  it('a page too big for a worker’s heap: an out-of-memory record in its place, and the pages after it analysed', async () => {
    // 5 MB of small paragraphs: a DOM far bigger than a 96 MB heap holds.
    const huge = seed1.html.replace('</body>', `${'<p>Lorem ipsum <b>dolor</b> sit <a href="/x">amet</a>.</p>\n'.repeat(90_000)}</body>`);
    const input = [rows[0].input, line({ url: 'https://example.org/huge', html: huge }), rows[6].input].join('\n');
    const r = await cli(['analyze', '--jsonl', '--jobs', '1', '--heap', '96', '--fields', 'summary'], input);
    const [first, big, last] = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(big).toEqual({
      url: 'https://example.org/huge',
      error: { code: 'out-of-memory', message: expect.stringMatching(/more than the 96 MB of heap a worker may use \(--heap/) },
    });
    expect([first.url, last.url, first.summary, last.summary]).toEqual([
      'https://example.org/1',
      'https://example.org/2',
      expect.any(Object),
      expect.any(Object),
    ]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('framing-lens: 2 of 3 pages analysed');
  });

  it('every line good: exit status 0; --jsonl takes no page', async () => {
    const ok = await cli(['analyze', '--jsonl', '--jobs', '1'], rows[6].input + '\n');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ schema: 'framing-lens/analysis@1', url: 'https://example.org/2' });
    const bad = await cli(['analyze', '--jsonl', fixturePath('seeds/seed-1.html')]);
    expect(bad).toMatchObject({ code: 2, err: 'framing-lens: --jsonl reads standard input: give no page\n' });
  });
});

describe('framing-lens analyze FILE.warc / FILE.warc.gz', () => {
  const [seed1, seed2] = SEEDS;
  const encoder = new TextEncoder();
  const response = (url: string, body: string, type = 'text/html; charset=utf-8') =>
    WARCRecord.create(
      { url, date: '2024-06-14T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': type } },
      [encoder.encode(body)],
    );
  /** A crawl as archiving tools write it: a warcinfo record, then a request and responses of several kinds. */
  const records = async () => [
    await WARCRecord.createWARCInfo({ filename: 'crawl.warc', warcVersion: 'WARC/1.1' }, { software: 'framing-lens tests' }),
    WARCRecord.create({ url: 'https://example.org/1', type: 'request', warcVersion: 'WARC/1.1' }, [
      encoder.encode('GET /1 HTTP/1.1\r\n\r\n'),
    ]),
    response('https://example.org/1', seed1.html),
    response('https://example.org/robots.txt', 'User-agent: *', 'text/plain'),
    response('https://example.org/none', readFileSync(fixturePath('pages/no-article.html'), 'utf8')),
    response('https://example.org/2', seed2.html),
  ];

  it.each([
    { name: 'crawl.warc.gz', gzip: true },
    { name: 'crawl.warc', gzip: false },
  ])('$name: one line per HTML response, in order; the record’s URI, date and id kept', async ({ name, gzip }) => {
    const parts: Uint8Array[] = [];
    for (const record of await records()) parts.push(await WARCSerializer.serialize(record, { gzip }));
    const file = write(name, '');
    writeFileSync(file, Buffer.concat(parts));
    const r = await cli(['analyze', file, '--jobs', '2']);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.url)).toEqual(['https://example.org/1', 'https://example.org/none', 'https://example.org/2']);
    expect(lines[1]).toMatchObject({ error: { code: 'no-article' } });
    expect(r.code).toBe(3);
    for (const [i, seed] of [
      [0, seed1],
      [2, seed2],
    ] as const) {
      const { meta, ...analysis } = lines[i];
      expect(meta).toEqual({ warcDate: '2024-06-14T10:00:00Z', warcRecordId: expect.stringMatching(/^<urn:uuid:/) });
      const single = await cli(['analyze', seed.path, '--format', 'json', '--url', lines[i].url as string]);
      expect(analysis).toEqual(JSON.parse(single.out));
    }
  });
});

describe('framing-lens analyze: --format jsonl for a folder, --fields', () => {
  it('a folder as JSON Lines on standard output, each page’s file kept as meta', async () => {
    const r = await cli(['analyze', fixturePath('seeds'), '--format', 'jsonl', '--jobs', '2']);
    expect(r.code).toBe(0);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { meta: unknown; article: { siteName: string } });
    expect(lines.map((l) => l.meta)).toEqual([{ file: 'seed-1.html' }, { file: 'seed-2.html' }]);
    expect(lines[0].article.siteName).toBe('Antiwar.com');
  });

  it.each([
    { fields: 'matches,demands', keys: ['schema', 'url', 'matches', 'demands'], article: undefined },
    { fields: 'demands,article.title,article.siteName', keys: ['schema', 'url', 'demands', 'article'], article: ['title', 'siteName'] },
    {
      fields: 'article,summary',
      keys: ['schema', 'url', 'article', 'summary'],
      article: ['title', 'byline', 'siteName', 'lang', 'publishedTime', 'excerpt', 'text', 'paragraphs'],
    },
  ])('--fields $fields keeps just those', async ({ fields, keys, article }) => {
    const input = JSON.stringify({ url: 'https://example.org/1', html: SEEDS[0].html });
    const r = await cli(['analyze', '--jsonl', '--jobs', '1', '--fields', fields], input + '\n');
    const got = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(keys);
    expect(got.article && Object.keys(got.article)).toEqual(article);
    const whole = JSON.parse((await cli(['analyze', '--jsonl', '--jobs', '1'], input + '\n')).out) as Record<string, unknown>;
    for (const key of keys.filter((k) => k !== 'article')) expect(got[key]).toEqual(whole[key]);
  });

  it('an unknown field is a wrong invocation', async () => {
    const r = await cli(['analyze', '--jsonl', '--fields', 'matches,text']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^framing-lens: unknown field "text" for --fields \(use article, article.title, /);
  });
});
