/** The command line over a folder of seed-sized pages: articles per second on one worker and on all cores. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { QUICK, median, round } from './measure';

const CLI = fileURLToPath(new URL('../lib/cli/framing-lens.mjs', import.meta.url));
const seed = (name: string) => readFileSync(new URL(`../test/fixtures/seeds/${name}.html`, import.meta.url), 'utf8');

export interface CliResults {
  pages: number;
  articles_per_s_one_core: number;
  articles_per_s_all_cores: number;
  cores: number;
}

/** Seconds the command reports for the folder (workers started, every page read, analysed and written). */
async function run(folder: string, out: string, jobs: number): Promise<number> {
  const { stderr } = await promisify(execFile)(process.execPath, [CLI, 'analyze', folder, '--out', out, '--jobs', String(jobs)]);
  const seconds = /analysed in ([\d.]+) s/.exec(stderr);
  if (!seconds) throw new Error(`unexpected output: ${stderr}`);
  return Number(seconds[1]);
}

export async function benchCli(log: (line: string) => void): Promise<CliResults> {
  const pages = QUICK ? 40 : 200;
  const cores = availableParallelism();
  const folder = mkdtempSync(join(tmpdir(), 'framing-lens-bench-'));
  try {
    const seeds = [seed('seed-1'), seed('seed-2')];
    for (let i = 0; i < pages; i++) writeFileSync(join(folder, `page-${String(i).padStart(4, '0')}.html`), seeds[i % 2]);
    const times = async (jobs: number) => {
      const s: number[] = [];
      for (let i = 0; i < (QUICK ? 1 : 3); i++) s.push(await run(folder, join(folder, `out-${jobs}`), jobs));
      return median(s);
    };
    const one = await times(1);
    const all = await times(cores);
    const results = {
      pages,
      articles_per_s_one_core: round(pages / one, 1),
      articles_per_s_all_cores: round(pages / all, 1),
      cores,
    };
    log(`\nCommand line (analyze FOLDER of ${pages} seed pages, time the command reports, worker start-up included)`);
    log(`  1 worker: ${results.articles_per_s_one_core} articles/s   ${cores} workers: ${results.articles_per_s_all_cores} articles/s`);
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
