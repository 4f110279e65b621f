/**
 * `framing-lens analyze --jsonl` as the map step of an engine that pipes records through a program:
 * GNU parallel, here on one machine (with --sshlogin the same over several). Its output must be the
 * same, record for record, as one process's.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEV, fixturePath, SEEDS } from '../support/fixtures';

const BIN = fixturePath('../../lib/cli/framing-lens.mjs');
/** The seeds, a dozen dev-set pages in several languages, and a line that is not JSON: about 2 MB. */
const corpus =
  [
    ...SEEDS.map((s) => ({ url: `https://example.org/${s.name}`, html: s.html, outlet: 'seed' })),
    ...DEV.slice(0, 12).map((p) => ({ url: `https://example.org/${p.slug}`, html: p.html, outlet: p.outlet, language: p.language })),
  ]
    .map((r) => JSON.stringify(r))
    .concat(['{"url": "https://example.org/broken"'])
    .join('\n') + '\n';

const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { input: corpus, maxBuffer: 1 << 28, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
};

describe('framing-lens analyze --jsonl under GNU parallel', () => {
  const alone = run('node', [BIN, 'analyze', '--jsonl', '--jobs', '2']);
  // Blocks of about 300 KB: the corpus goes to several processes, two at a time, output kept in order.
  const spread = run('parallel', [
    '--will-cite',
    '--pipe',
    '--keep-order',
    '--block',
    '300k',
    '-j',
    '2',
    'node',
    BIN,
    'analyze',
    '--jsonl',
    '--jobs',
    '1',
  ]);

  it('gives one line per record, the last an error record; exit status 3 for the failed line', () => {
    const lines = alone.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(corpus.trimEnd().split('\n').length);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ url: null, error: { code: 'bad-json' } });
    expect(alone.status).toBe(3);
  });

  it('spreads the corpus over several processes', () => {
    // Each process reports its lines on stderr: more than one report, more than one process.
    expect(spread.stderr.match(/pages analysed/g)!.length).toBeGreaterThan(2);
  });

  it('writes the same output, record for record, as one process', () => {
    expect(spread.stdout.split('\n')).toEqual(alone.stdout.split('\n'));
    // parallel's exit status counts the jobs that failed: the one whose block held the broken line.
    expect(spread.status).toBe(1);
  });
});
