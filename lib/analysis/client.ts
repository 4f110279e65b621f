/** The page side's way to the analyser: ask it, starting it first if no one answers. */
import { sendToAnalyzer, sendToBackground, type AnalyzerReply, type Encoded } from '../messaging';
import { take } from '../parts';
import type { WireResult } from './wire';
import type { PageRequest } from './service';

/** The analyser's reply, its analysis still as JSON text (fetched in parts when long), read when the page has had its turn. */
export async function requestAnalysis(request: PageRequest): Promise<AnalyzerReply & { result: Encoded<WireResult> }> {
  // Nobody listening rejects; a listener without this handler answers nothing. Either way: not running.
  const ask = () => sendToAnalyzer('analyzePage', request).catch(() => undefined);
  let reply = await ask();
  if (!reply) {
    await sendToBackground('startAnalyzer', undefined);
    reply = await ask();
  }
  if (!reply) throw new Error('The analyser did not answer.');
  return { timings: reply.timings, result: await take(reply.result, (p) => sendToAnalyzer('resultPart', p)) };
}
