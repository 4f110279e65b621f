/** The page side's way to the analyser: ask it, starting it first if no one answers. */
import { decode, sendToAnalyzer, sendToBackground } from '../messaging';
import type { AnalysisReply, PageRequest } from './service';

export async function requestAnalysis(request: PageRequest): Promise<AnalysisReply> {
  // Nobody listening rejects; a listener without this handler answers nothing. Either way: not running.
  const ask = () => sendToAnalyzer('analyzePage', request).catch(() => undefined);
  let reply = await ask();
  if (!reply) {
    await sendToBackground('startAnalyzer', undefined);
    reply = await ask();
  }
  if (!reply) throw new Error('The analyser did not answer.');
  return decode(reply);
}
