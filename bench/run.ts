/**
 * `npm run bench`: prints a table and writes bench/results.json. Figures, never pass/fail: each is the
 * median of several runs after a warm-up (one run with --quick or CI=true, only to prove it works).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchBundle } from './bundle';
import { benchCli } from './cli';
import { benchMatcher } from './matcher';
import { benchHistory } from './history';
import { benchPaint } from './paint';
import { benchDevset, benchPipeline } from './pipeline';
import { QUICK } from './measure';

const log = (line: string) => console.log(line);
/** `--only pipeline,history`: just those sections (results.json then holds just those). */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const run = (section: string) => !only || only.includes(section);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  quick: QUICK,
};
log(`Framing Lens benchmark — ${results.machine}${QUICK ? ' (quick mode: single runs, figures indicative only)' : ''}\n`);
// The browser first: the matcher's megabytes of text and thousands of RegExps leave this process a heap
// whose collection, on a small machine, competes with the browser for its cores.
if (run('pipeline')) results.pipeline = await benchPipeline(log);
if (run('devset')) results.devset = await benchDevset(log);
if (run('history')) results.history = await benchHistory(log);
if (run('paint')) results.paint = await benchPaint(log);
if (run('matcher')) results.matcher = benchMatcher(log);
if (run('bundle')) results.bundle = benchBundle(log);
if (run('cli')) results.cli = await benchCli(log);

writeFileSync(fileURLToPath(new URL('results.json', import.meta.url)), JSON.stringify(results, null, 2) + '\n');
log('\nWrote bench/results.json');
