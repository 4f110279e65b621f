/**
 * `framing-lens analyze --jsonl` as the map step of an engine that pipes records through a program:
 * GNU parallel, here on one machine (with --sshlogin the same over several), and Dask distributed on a
 * local cluster. Their output must be the same, record for record, as one process's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** One process's output: what every engine's run must equal. */
const alone = run('node', [BIN, 'analyze', '--jsonl', '--jobs', '2']);

describe('framing-lens analyze --jsonl under GNU parallel', () => {
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

/** Debian's python3-distributed, which .ci/run installs: without it, only a run outside CI may skip this. */
const PYTHON = '/usr/bin/python3';
const hasDask = spawnSync(PYTHON, ['-c', 'import dask.bag, distributed']).status === 0;

describe.skipIf(!hasDask && !process.env.CI)('framing-lens analyze --jsonl under Dask distributed (examples/dask_map.py)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framing-lens-dask-'));
  const [input, output] = [join(dir, 'pages.jsonl'), join(dir, 'analyses.jsonl')];
  writeFileSync(input, corpus);
  const mapped = spawnSync(PYTHON, [fixturePath('../../examples/dask_map.py'), input, output, '--workers', '2', '--blocksize', '300kB'], {
    encoding: 'utf8',
  });

  it('maps the corpus over partitions on a local cluster of two workers', () => {
    expect(mapped.status, mapped.stderr).toBe(0);
    const [, lines, partitions] = /(\d+) lines in (\d+) partitions on 2 workers/.exec(mapped.stderr) ?? [];
    expect(Number(lines)).toBe(corpus.trimEnd().split('\n').length);
    expect(Number(partitions)).toBeGreaterThan(2);
  });

  it('writes the same output, record for record, as one process', () => {
    expect(readFileSync(output, 'utf8').split('\n')).toEqual(alone.stdout.split('\n'));
  });
});
