/** The page side's way to the analyser: ask it, starting it first if no one answers. */
import { sendToAnalyzer, sendToBackground, type AnalyzerReply, type Encoded } from '../messaging';
import { take } from '../parts';
import type { WireResult } from './wire';
import type { PageRequest } from './service';

/**
 * The analyser's reply, its analysis still as JSON text (fetched in parts when long), read when the
 * page has had its turn; `transit`: how long the page waited beyond the analyser's own work.
 */
export async function requestAnalysis(
  request: PageRequest,
): Promise<Pick<AnalyzerReply, 'timings'> & { result: Encoded<WireResult>; transit: number }> {
  // Nobody listening rejects; a listener without this handler answers nothing. Either way: not running.
  let sent = performance.now();
  const ask = () => sendToAnalyzer('analyzePage', request).catch(() => undefined);
  let reply = await ask();
  if (!reply) {
    await sendToBackground('startAnalyzer', undefined);
    sent = performance.now();
    reply = await ask();
  }
  if (!reply) throw new Error('The analyser did not answer.');
  const result = await take(reply.result, (p) => sendToAnalyzer('resultPart', p));
  return { timings: reply.timings, result, transit: performance.now() - sent - reply.handled };
}
