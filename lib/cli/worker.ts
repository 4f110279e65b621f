/**
 * A worker process of `framing-lens analyze` (lib/cli/pool.ts): given its WorkerData, compiles each
 * language's lexicon once, then analyses page after page: a FOLDER's files (written to --out) or
 * --jsonl's lines (answered as output lines).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { analyzeDocument, builtinEngines, type AnalysisResult } from '../analysis/analyze';
import { exportAnalysis, type ExportFormat } from '../export/export';
import type { Pack } from '../lexicon/types';
import { parseHtml } from './dom';
import { analysisLine, errorLine, type PageLine } from './jsonl';

/** A file to analyse and where to write its result, or a JSON Lines page. */
export type Job = { page: string; out: string } | PageLine;
export interface JobResult {
  ok: boolean;
  /** A file's path, for the message. */
  page?: string;
  message?: string;
  /** A JSON Lines page's output line: its analysis, or its error record. */
  line?: string;
}

/** What every worker is started with: extra lexicon packs, a FOLDER's format, --fields. */
export interface WorkerData {
  extra: Pack[];
  format: ExportFormat;
  fields: string[] | null;
}

/** Serves the parent's jobs, answering each in turn, once it has said what this worker is for. */
function serve({ extra, format, fields }: WorkerData) {
  const engines = builtinEngines({ extra });

  // The parsed page is this job's alone: Readability may read it without a copy.
  const analyze = (html: string, url: string | null): AnalysisResult =>
    analyzeDocument(parseHtml(html, url ?? undefined), engines, url, undefined, { clone: false });

  async function handle(job: Job): Promise<JobResult> {
    if ('html' in job) {
      const result = analyze(job.html, job.url);
      return result.ok
        ? { ok: true, line: analysisLine(result.analysis, job.meta, fields) }
        : { ok: false, line: errorLine({ url: job.url, error: { code: result.reason, message: result.message } }) };
    }
    const result = analyze(await readFile(job.page, 'utf8'), null);
    if (result.ok) await writeFile(job.out, exportAnalysis(result.analysis, format));
    return result.ok ? { page: job.page, ok: true } : { page: job.page, ok: false, message: result.message };
  }

  process.on('message', async (job: Job) => {
    let result: JobResult;
    try {
      result = await handle(job);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      result =
        'html' in job
          ? { ok: false, line: errorLine({ url: job.url, error: { code: 'error', message } }) }
          : { page: job.page, ok: false, message };
    }
    process.send!(result);
  });
  // Loaded, and English compiled (other languages compile when a page needs them): pages may come.
  engines.forLanguage('en');
  process.send!('ready');
}

process.once('message', serve);
// The command is gone (ended, or killed): so is its worker.
process.on('disconnect', () => process.exit());
