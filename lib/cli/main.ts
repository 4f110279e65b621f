/**
 * `framing-lens analyze PAGE.html [--format json|markdown|text] [--url URL] [--lexicon FILE.json]`
 * User errors print one line on stderr and exit non-zero; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyzeDocument, compileEngine } from '../analysis/analyze';
import { EXPORT_FORMATS, exportAnalysis, type ExportFormat } from '../export/export';
import { builtinLexicon } from '../lexicon/builtin';
import { formatLexiconError, parsePack } from '../lexicon/validate';
import { parseHtml } from './dom';

export const USAGE = `Usage: framing-lens analyze PAGE.html|- [--format markdown|text|json] [--url URL] [--lexicon FILE.json]

  analyze     Analyse a saved news page: contested spellings, loaded phrases, stated demands.
  PAGE.html   An HTML file, or - to read it from standard input.
  --format    markdown (default), text, or json (schema framing-lens/analysis@1).
  --url       The page's address, for relative links and the report.
  --lexicon   A lexicon pack (JSON) to use on top of the built-in ones.`;

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

async function analyze(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'markdown' }, url: { type: 'string' }, lexicon: { type: 'string' } },
  });
  if (positionals.length !== 1)
    throw new UserError(positionals.length ? 'give one page at a time' : 'which page? give an HTML file or -', 2);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UserError(`unknown format "${values.format}" (use ${EXPORT_FORMATS.join(', ')})`, 2);
  let url = values.url ?? null;
  if (url !== null && !URL.canParse(url)) throw new UserError(`not a URL: ${url}`, 2);

  const extra = [];
  if (values.lexicon) {
    const result = parsePack(await readInput(values.lexicon, io));
    if (!result.ok) {
      const [first] = result.errors;
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
      throw new UserError(`invalid lexicon ${values.lexicon}: ${formatLexiconError(first)}${more}`);
    }
    extra.push(result.pack);
  }
  const [page] = positionals;
  const html = await readInput(page, io);
  if (!looksLikeHtml(html)) throw new UserError(`${page} is not an HTML page`);
  url ??= null;

  const engine = compileEngine(builtinLexicon({ extra }));
  const result = analyzeDocument(parseHtml(html, url ?? undefined), engine, url);
  if (!result.ok) {
    io.stderr.write(`framing-lens: ${page}: ${result.message}\n`);
    return EXIT_NO_ARTICLE;
  }
  io.stdout.write(exportAnalysis(result.analysis, format));
  return 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze' || command === 'analyse') return await analyze(rest, io);
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
