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
  /** Seconds to start the workers (tsx, jsdom, the lexicon), apart from the rates above. */
  startup_s_one_core: number;
  startup_s_all_cores: number;
}

/** Seconds the command reports for the folder: every page read, analysed and written; and its workers' start-up. */
async function run(folder: string, out: string, jobs: number): Promise<{ seconds: number; startup: number }> {
  const { stderr } = await promisify(execFile)(process.execPath, [CLI, 'analyze', folder, '--out', out, '--jobs', String(jobs)]);
  const reported = /analysed in ([\d.]+) s .*\(started in ([\d.]+) s\)/.exec(stderr);
  if (!reported) throw new Error(`unexpected output: ${stderr}`);
  return { seconds: Number(reported[1]), startup: Number(reported[2]) };
}

export async function benchCli(log: (line: string) => void): Promise<CliResults> {
  // Enough pages that each worker's first, not yet optimised pages weigh little: a folder's rate, not start-up's.
  const pages = QUICK ? 40 : 600;
  const cores = availableParallelism();
  const folder = mkdtempSync(join(tmpdir(), 'framing-lens-bench-'));
  try {
    const seeds = [seed('seed-1'), seed('seed-2')];
    for (let i = 0; i < pages; i++) writeFileSync(join(folder, `page-${String(i).padStart(4, '0')}.html`), seeds[i % 2]);
    const times = async (jobs: number) => {
      const runs = [];
      for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await run(folder, join(folder, `out-${jobs}`), jobs));
      return { seconds: median(runs.map((r) => r.seconds)), startup: median(runs.map((r) => r.startup)) };
    };
    const one = await times(1);
    const all = await times(cores);
    const results = {
      pages,
      articles_per_s_one_core: round(pages / one.seconds, 1),
      articles_per_s_all_cores: round(pages / all.seconds, 1),
      cores,
      startup_s_one_core: round(one.startup, 2),
      startup_s_all_cores: round(all.startup, 2),
    };
    log(`\nCommand line (analyze FOLDER of ${pages} seed pages, as the command reports: from its workers ready to the last page written)`);
    log(`  1 worker: ${results.articles_per_s_one_core} articles/s   ${cores} workers: ${results.articles_per_s_all_cores} articles/s`);
    log(
      `  workers' start-up (tsx, jsdom, modules), apart: ${results.startup_s_one_core} s (1), ${results.startup_s_all_cores} s (${cores})`,
    );
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
