/** A worker thread of `framing-lens analyze FOLDER`: compiles each language's lexicon once, then analyses page after page. */
import { readFile, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeDocument, builtinEngines } from '../analysis/analyze';
import { exportAnalysis, type ExportFormat } from '../export/export';
import type { Pack } from '../lexicon/types';
import { parseHtml } from './dom';

export interface Job {
  page: string;
  out: string;
}
export interface JobResult {
  page: string;
  ok: boolean;
  message?: string;
}

const { extra, format } = workerData as { extra: Pack[]; format: ExportFormat };
const engines = builtinEngines({ extra });

parentPort!.on('message', async (job: Job) => {
  let result: JobResult;
  try {
    // The parsed page is this job's alone: Readability may read it without a copy.
    const result0 = analyzeDocument(parseHtml(await readFile(job.page, 'utf8')), engines, null, undefined, { clone: false });
    if (result0.ok) await writeFile(job.out, exportAnalysis(result0.analysis, format));
    result = result0.ok ? { page: job.page, ok: true } : { page: job.page, ok: false, message: result0.message };
  } catch (e) {
    result = { page: job.page, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(result);
});
// Loaded, and English compiled (other languages compile when a page needs them): pages may come.
engines.forLanguage('en');
parentPort!.postMessage('ready');
