/**
 * The command line over a folder of seed-sized pages, and over the same pages as JSON Lines: articles
 * per second on one worker and on all cores; and its peak memory streaming a 1 GB JSON Lines input.
 */
import { execFile, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  /** The same pages through `analyze --jsonl`, as the command reports. */
  jsonl_articles_per_s_one_core: number;
  jsonl_articles_per_s_all_cores: number;
  jsonl_articles_per_s_per_core: number;
  /** Peak resident memory (MB) of `analyze --jsonl` on all cores, its worker processes included, over an input of `jsonl_big_input_mb`. */
  jsonl_peak_rss_mb: number;
  jsonl_big_input_mb: number;
}

const REPORT = /analysed in ([\d.]+) s .*\(started in ([\d.]+) s\)/;

/**
 * `analyze --jsonl` over a file: the command's own report, and its peak memory: the resident memory of
 * the command and its worker processes together, sampled every 50 ms from /proc (Linux).
 */
function runJsonl(input: string, jobs: number): Promise<{ seconds: number; startup: number; rssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'analyze', '--jsonl', '--jobs', String(jobs)], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 50);
    child.stderr.on('data', (c) => (stderr += c));
    createReadStream(input).pipe(child.stdin);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(sampler);
      const reported = REPORT.exec(stderr);
      if (!reported) return reject(new Error(`unexpected output: ${stderr}`));
      resolve({ seconds: Number(reported[1]), startup: Number(reported[2]), rssMb: peakKb / 1024 });
    });
  });
}

/** A process' resident memory with its descendants', in KB (0 once it has gone). */
function treeRssKb(pid: number): number {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  const own = Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`))?.[1] ?? 0);
  const children = read(`/proc/${pid}/task/${pid}/children`).split(' ').filter(Boolean).map(Number);
  return own + children.reduce((sum, child) => sum + treeRssKb(child), 0);
}

/** Writes `lines` JSON Lines made by `line(i)`, without holding them in memory. */
async function writeLines(path: string, lines: number, line: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < lines; i++) {
    const text = line(i) + '\n';
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
}

/** Seconds the command reports for the folder: every page read, analysed and written; and its workers' start-up. */
async function run(folder: string, out: string, jobs: number): Promise<{ seconds: number; startup: number }> {
  const { stderr } = await promisify(execFile)(process.execPath, [CLI, 'analyze', folder, '--out', out, '--jobs', String(jobs)]);
  const reported = REPORT.exec(stderr);
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
    // The same pages as JSON Lines.
    const jsonl = join(folder, 'pages.jsonl');
    await writeLines(jsonl, pages, (i) => JSON.stringify({ url: `https://example.org/${i}`, html: seeds[i % 2] }));
    const jsonlTimes = async (jobs: number) => {
      const runs = [];
      for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await runJsonl(jsonl, jobs));
      return median(runs.map((r) => r.seconds));
    };
    const jsonlOne = await jsonlTimes(1);
    const jsonlAll = await jsonlTimes(cores);
    // A big input: seed articles each carrying 1 MB of inline script, as real pages do (1 GB; 50 MB quick).
    const script = `<script>${'var x = 1;'.repeat(100_000)}</script>`;
    const big = join(folder, 'big.jsonl');
    const bigBytes = await writeLines(big, QUICK ? 50 : 1000, (i) =>
      JSON.stringify({ url: `https://example.org/big/${i}`, html: seeds[i % 2].replace('</head>', `${script}</head>`) }),
    );
    const bigRun = await runJsonl(big, cores);
    const results = {
      pages,
      articles_per_s_one_core: round(pages / one.seconds, 1),
      articles_per_s_all_cores: round(pages / all.seconds, 1),
      cores,
      startup_s_one_core: round(one.startup, 2),
      startup_s_all_cores: round(all.startup, 2),
      jsonl_articles_per_s_one_core: round(pages / jsonlOne, 1),
      jsonl_articles_per_s_all_cores: round(pages / jsonlAll, 1),
      jsonl_articles_per_s_per_core: round(pages / jsonlAll / cores, 1),
      jsonl_peak_rss_mb: round(bigRun.rssMb, 0),
      jsonl_big_input_mb: round(bigBytes / 2 ** 20, 0),
    };
    log(`\nCommand line (analyze FOLDER of ${pages} seed pages, as the command reports: from its workers ready to the last page written)`);
    log(`  1 worker: ${results.articles_per_s_one_core} articles/s   ${cores} workers: ${results.articles_per_s_all_cores} articles/s`);
    log(
      `  workers' start-up (tsx, jsdom, modules), apart: ${results.startup_s_one_core} s (1), ${results.startup_s_all_cores} s (${cores})`,
    );
    log(
      `  analyze --jsonl, the same pages: 1 worker: ${results.jsonl_articles_per_s_one_core} articles/s   ${cores} workers: ${results.jsonl_articles_per_s_all_cores} articles/s (${results.jsonl_articles_per_s_per_core} per core)`,
    );
    log(
      `  analyze --jsonl over ${results.jsonl_big_input_mb} MB of JSON Lines on ${cores} workers: peak memory ${results.jsonl_peak_rss_mb} MB`,
    );
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
