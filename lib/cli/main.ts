/**
 * `framing-lens analyze PAGE.html [--format json|markdown|text] [--url URL] [--lexicon FILE.json]`, a
 * FOLDER, or --jsonl on standard input. User errors print one line on stderr and exit non-zero; never
 * a stack trace.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDocument, builtinEngines, type Analysis, type Engines } from '../analysis/analyze';
import { compareArticles } from '../compare/compare';
import { comparisonToJson, comparisonToMarkdown } from '../export/comparison';
import { toRecord } from '../history/record';
import { EXPORT_FORMATS, exportAnalysis, type ExportFormat } from '../export/export';
import { formatLexiconError, parsePack } from '../lexicon/validate';
import { startPool } from './pool';
import { InOrder, lines } from './stream';
import { errorLine, FIELDS, parseLine, type ParsedLine } from './jsonl';
import { isWarc, warcPages } from './warc';
import { statsCounter, statsToCsv, statsToJson, statsToMarkdown } from './stats';
import type { Pack } from '../lexicon/types';

export const USAGE = `Usage: framing-lens analyze PAGE.html|- [--format markdown|text|json] [--url URL] [--lexicon FILE.json]
       framing-lens analyze FOLDER --out FOLDER [--format ...] [--jobs N] [--heap MB] [--lexicon FILE.json]
       framing-lens analyze FOLDER --format jsonl [--fields ...] [--jobs N] [--heap MB] > ANALYSES.jsonl
       framing-lens analyze --jsonl [--fields ...] [--jobs N] [--heap MB] [--lexicon FILE.json] < PAGES.jsonl > ANALYSES.jsonl
       framing-lens analyze FILE.warc[.gz] [--jobs N] [--heap MB] [--lexicon FILE.json] > ANALYSES.jsonl
       framing-lens compare A.html B.html [...] [--format markdown|json] [--lexicon FILE.json]
       framing-lens stats ANALYSES.jsonl|- [...] [--format markdown|csv|json] [--plot FILE.svg]

  analyze     Analyse a saved news page: contested spellings, loaded phrases, stated demands.
  compare     Compare pages on the same story side by side (json: schema framing-lens/comparison@1).
  stats       Per outlet and month, from analyses as --jsonl writes them: each contested spelling's
              share, loaded phrases per 1,000 words by voice, demands by party and topic (json: schema
              framing-lens/stats@1); --plot draws the spelling shares over time as an SVG line chart.
  PAGE.html   An HTML file, or - to read it from standard input (analyze only).
  --format    analyze: markdown (default), text, or json (schema framing-lens/analysis@1); with a
              FOLDER also jsonl: one analysis per line on standard output, as --jsonl writes them.
  --url       The page's address, for relative links and the report.
  --lexicon   A lexicon pack (JSON) to use on top of the built-in ones.
  --out       With a FOLDER of pages: where to write one result per page.
  --jobs      With a FOLDER, --jsonl or a FILE.warc: worker processes to use (default: all cores).
  --heap      With those, each worker's heap in MB (default 1024, at least 64): a page needing more
              gets an out-of-memory error, its worker is replaced, and the run goes on.
  --jsonl     Read JSON Lines on standard input, {"url", "html"} and any other fields (kept as "meta"),
              and write one analysis per line (schema framing-lens/analysis@1) in the same order, or
              {"url", "error": {"code", "message"}} for a line that could not be used. Exit status 3
              when any line failed.
  --fields    With --jsonl, a FILE.warc or --format jsonl: the fields to write, comma-separated (schema and
              url always): article, article.title (and its other fields), lexicon, matches, demands,
              topics, summary. E.g. matches,demands,article.title for big runs.
  FILE.warc   A web archive (.warc or .warc.gz): each response record with an HTML body is a page, its
              target URI the url, its WARC-Date and WARC-Record-ID kept as "meta"; out as --jsonl.`;

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** An error the user can fix; printed as one line. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const EXIT_NO_ARTICLE = 3;
/** Each worker's heap (V8's old generation) by default, and the least it loads in, in MB. */
const HEAP_MB = 1024;
const MIN_HEAP_MB = 64;
/** Per worker, how many lines may be read and not yet written. */
const WINDOW = 4;

async function readInput(path: string, io: Io): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `no such file: ${path}`
        : code === 'EISDIR'
          ? `${path} is a directory, not an HTML file`
          : `cannot read ${path}: ${code ?? String(e)}`,
    );
  }
}

function looksLikeHtml(text: string): boolean {
  return !text.includes('\u0000') && /<(?:!doctype\s+html|html|head|body|article|main|div|p|section)[\s>]/i.test(text.slice(0, 200_000));
}

async function loadPack(lexicon: string, io: Io): Promise<Pack> {
  const result = parsePack(await readInput(lexicon, io));
  if (!result.ok) {
    const [first] = result.errors;
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new UserError(`invalid lexicon ${lexicon}: ${formatLexiconError(first)}${more}`);
  }
  return result.pack;
}

async function loadEngine(lexicon: string | undefined, io: Io) {
  return builtinEngines({ extra: lexicon ? [await loadPack(lexicon, io)] : [] });
}

/** Reads and analyses one page; a page with no article is a user error here. */
async function analyzePage(page: string, engine: Engines, url: string | null, io: Io): Promise<Analysis> {
  const html = await readInput(page, io);
  if (!looksLikeHtml(html)) throw new UserError(`${page} is not an HTML page`);
  // jsdom takes a second or more to load: a folder's workers load their own, so only this path pays it here.
  const { parseHtml } = await import('./dom');
  const result = analyzeDocument(parseHtml(html, url ?? undefined), engine, url);
  if (!result.ok) throw new UserError(`${page}: ${result.message}`, EXIT_NO_ARTICLE);
  return result.analysis;
}

async function analyze(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'markdown' },
      url: { type: 'string' },
      lexicon: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      jsonl: { type: 'boolean', default: false },
      fields: { type: 'string' },
      heap: { type: 'string' },
    },
  });
  if (values.jsonl) {
    if (positionals.length) throw new UserError('--jsonl reads standard input: give no page', 2);
    return analyzeStream(jsonlPages(io), values, io);
  }
  if (positionals.length === 1 && isWarc(positionals[0])) {
    return analyzeStream(warcPages(await existing(positionals[0])), values, io);
  }
  if (positionals.length === 1 && positionals[0] !== '-' && (await isDirectory(positionals[0]))) {
    if (values.format === 'jsonl') return analyzeStream(folderPages(await htmlFiles(positionals[0])), values, io);
    return analyzeFolder(positionals[0], values, io);
  }
  if (positionals.length !== 1)
    throw new UserError(positionals.length ? 'give one page at a time' : 'which page? give an HTML file or -', 2);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UserError(`unknown format "${values.format}" (use ${EXPORT_FORMATS.join(', ')})`, 2);
  const url = values.url ?? null;
  if (url !== null && !URL.canParse(url)) throw new UserError(`not a URL: ${url}`, 2);
  const engine = await loadEngine(values.lexicon, io);
  io.stdout.write(exportAnalysis(await analyzePage(positionals[0], engine, url, io), format));
  return 0;
}

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/** Every page of a folder, written to --out, across --jobs worker processes (all cores by default). */
async function analyzeFolder(
  folder: string,
  values: { format?: string; lexicon?: string; out?: string; jobs?: string; heap?: string },
  io: Io,
): Promise<number> {
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UserError(`unknown format "${values.format}" (use ${EXPORT_FORMATS.join(', ')})`, 2);
  if (!values.out) throw new UserError('a folder needs --out FOLDER for the results', 2);
  const jobs = jobsOf(values.jobs);
  const heap = heapOf(values.heap);
  const pages = await htmlFiles(folder);
  await mkdir(values.out, { recursive: true });
  const extra = values.lexicon ? [await loadPack(values.lexicon, io)] : [];
  const ext = format === 'json' ? 'json' : format === 'markdown' ? 'md' : 'txt';
  const queue = pages.map((page) => ({ page, out: join(values.out!, basename(page).replace(/\.x?html?$/i, `.${ext}`)) }));
  const size = Math.min(jobs, queue.length);
  const starting = performance.now();
  const pool = startPool(size, { extra, format, fields: null }, heap);
  let failed = 0;
  let started = 0;
  try {
    // Each worker says when it is loaded, and the pages start together: the time reported is the analysis, start-up apart.
    await pool.ready.catch(cannotLoad);
    started = performance.now();
    await Promise.all(
      Array.from({ length: size }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const outcome = await (await pool.take())(job);
          if (!outcome.ok || !outcome.result.ok) {
            failed++;
            io.stderr.write(`framing-lens: ${job.page}: ${outcome.ok ? outcome.result.message : outcome.message}\n`);
          }
        }
      }),
    );
  } finally {
    pool.close();
  }
  report(io, pages.length - failed, pages.length, jobs, starting, started);
  return failed ? EXIT_NO_ARTICLE : 0;
}

const jobsOf = (jobs: string | undefined) => {
  const n = jobs === undefined ? availableParallelism() : Number(jobs);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--jobs must be a whole number of at least 1, not "${jobs}"`, 2);
  return n;
};

/** Workers that cannot load (in too small a --heap, say): said in one line, like any user error. */
const cannotLoad = (e: Error) => {
  throw new UserError(e.message);
};

/** --heap: each worker's heap limit, in MB. */
const heapOf = (heap: string | undefined) => {
  const n = heap === undefined ? HEAP_MB : Number(heap);
  if (!Number.isInteger(n) || n < MIN_HEAP_MB)
    throw new UserError(`--heap must be a whole number of MB, at least ${MIN_HEAP_MB}, not "${heap}"`, 2);
  return n;
};

/** --fields: the analysis fields to write (null: all). */
function fieldsOf(fields: string | undefined): string[] | null {
  if (fields === undefined) return null;
  const list = fields.split(',').map((f) => f.trim());
  const unknown = list.filter((f) => !(FIELDS as readonly string[]).includes(f));
  if (unknown.length || !list.length) throw new UserError(`unknown field "${unknown[0] ?? ''}" for --fields (use ${FIELDS.join(', ')})`, 2);
  return list;
}

/** A folder's HTML files, sorted. */
async function htmlFiles(folder: string): Promise<string[]> {
  const pages = (await readdir(folder)).filter((f) => /\.x?html?$/i.test(f)).sort();
  if (!pages.length) throw new UserError(`no .html pages in ${folder}`);
  return pages.map((f) => join(folder, f));
}

/** A folder's pages for --format jsonl, each file's name kept as `meta.file`. */
async function* folderPages(files: string[]): AsyncGenerator<ParsedLine> {
  for (const file of files) yield { ok: true, page: { url: null, html: await readFile(file, 'utf8'), meta: { file: basename(file) } } };
}

/** --jsonl's pages: standard input's lines, blank ones skipped. */
async function* jsonlPages(io: Io): AsyncGenerator<ParsedLine> {
  for await (const text of lines(io.stdin as AsyncIterable<Buffer>)) if (text.trim()) yield parseLine(text);
}

/**
 * Pages (--jsonl's lines, a web archive's records) to analyses on standard output, one line each and in
 * order. A page is read only once a worker is free, fewer than WINDOW lines a worker are unwritten and
 * the output is not full: a long input never sits in memory.
 */
async function analyzeStream(
  pages: AsyncIterable<ParsedLine>,
  values: { lexicon?: string; jobs?: string; fields?: string; heap?: string },
  io: Io,
): Promise<number> {
  const jobs = jobsOf(values.jobs);
  const heap = heapOf(values.heap);
  const fields = fieldsOf(values.fields);
  const extra = values.lexicon ? [await loadPack(values.lexicon, io)] : [];
  const starting = performance.now();
  const pool = startPool(jobs, { extra, format: 'json', fields }, heap);
  const out = new InOrder(io.stdout, WINDOW * jobs);
  let started = starting;
  let read = 0;
  let failed = 0;
  const running = new Set<Promise<void>>();
  try {
    await pool.ready.catch(cannotLoad);
    started = performance.now();
    for await (const parsed of pages) {
      const n = read++;
      if (!parsed.ok) {
        failed++;
        out.put(n, errorLine(parsed));
      } else {
        const run = await pool.take();
        const job = run(parsed.page).then((outcome) => {
          if (!outcome.ok || !outcome.result.ok) failed++;
          out.put(
            n,
            outcome.ok
              ? outcome.result.line!
              : errorLine({ url: parsed.page.url, error: { code: outcome.code, message: outcome.message } }),
          );
          running.delete(job);
        });
        running.add(job);
      }
      await out.room(read);
    }
    await Promise.all(running);
  } finally {
    pool.close();
  }
  report(io, read - failed, read, jobs, starting, started);
  return failed ? EXIT_NO_ARTICLE : 0;
}

/** How a run went, on stderr: the time from the workers ready to the last page written, start-up apart. */
function report(io: Io, done: number, total: number, jobs: number, starting: number, started: number) {
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `framing-lens: ${done} of ${total} pages analysed in ${seconds.toFixed(2)} s with ${jobs} worker(s)` +
      ` (started in ${((started - starting) / 1000).toFixed(2)} s)\n`,
  );
}

async function compare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'markdown' }, lexicon: { type: 'string' } },
  });
  if (positionals.length < 2) throw new UserError('compare needs two or more pages', 2);
  if (positionals.includes('-')) throw new UserError('compare reads files, not standard input', 2);
  if (values.format !== 'markdown' && values.format !== 'json')
    throw new UserError(`unknown format "${values.format}" (use markdown, json)`, 2);
  const engine = await loadEngine(values.lexicon, io);
  const records = [];
  for (const page of positionals) records.push(toRecord(await analyzePage(page, engine, null, io), page));
  const comparison = compareArticles(records);
  io.stdout.write(values.format === 'json' ? comparisonToJson(comparison) : comparisonToMarkdown(comparison));
  return 0;
}

async function stats(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'markdown' }, plot: { type: 'string' } },
  });
  if (!positionals.length) throw new UserError('which analyses? give JSON Lines files (analyze --jsonl output) or -', 2);
  const formats = { markdown: statsToMarkdown, csv: statsToCsv, json: statsToJson } as const;
  const format = formats[values.format as keyof typeof formats];
  if (!Object.hasOwn(formats, values.format!)) throw new UserError(`unknown format "${values.format}" (use markdown, csv, json)`, 2);
  // Line by line, each analysis reduced to its counts as it is read: a corpus' analyses (each with its
  // article's text, unless --fields left it out) never sit in memory together.
  const counter = statsCounter();
  for (const file of positionals)
    for await (const line of lines((file === '-' ? io.stdin : createReadStream(await existing(file))) as AsyncIterable<Buffer>))
      counter.add(line);
  const result = counter.result();
  if (result.lines === result.skipped) throw new UserError('no analyses in the input (lines of schema framing-lens/analysis@1)');
  io.stdout.write(format(result));
  if (values.plot) {
    const { plotSpellings } = await import('./plot');
    await writeFile(values.plot, await plotSpellings(result));
  }
  return 0;
}

/** A file that exists, or a user error naming it. */
async function existing(path: string): Promise<string> {
  if (!(await stat(path).catch(() => null))?.isFile()) throw new UserError(`no such file: ${path}`);
  return path;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze' || command === 'analyse') return await analyze(rest, io);
    if (command === 'compare') return await compare(rest, io);
    if (command === 'stats') return await stats(rest, io);
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io[command ? 'stdout' : 'stderr'].write(USAGE + '\n');
      return command ? 0 : 2;
    }
    throw new UserError(`unknown command "${command}"\n${USAGE}`, 2);
  } catch (e) {
    if (e instanceof UserError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`framing-lens: ${(e as Error).message}\n`);
      return e instanceof UserError ? e.code : 2;
    }
    throw e;
  }
}
