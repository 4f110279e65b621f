/**
 * Web archives (`framing-lens analyze FILE.warc` or `.warc.gz`, Common Crawl's format and that of
 * web-archiving tools): each `response` record with an HTML body is a page, its target URI its url,
 * its date and record id kept as `meta`. Records are read one at a time, as the analysis asks for them.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import type { ParsedLine } from './jsonl';

export const isWarc = (path: string) => /\.warc(?:\.gz)?$/i.test(path);

export async function* warcPages(path: string): AsyncGenerator<ParsedLine> {
  for await (const record of new WARCParser(createReadStream(path))) {
    if (record.warcType !== 'response') continue;
    const type = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!/html/i.test(type)) continue;
    const url = record.warcTargetURI ?? null;
    const meta = { warcDate: record.warcDate ?? null, warcRecordId: record.warcHeader('WARC-Record-ID') ?? null };
    yield { ok: true, page: { url, html: await record.contentText(), meta } };
  }
}
