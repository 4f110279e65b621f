/** The page side's way to the analyser: ask it, starting it first if no one answers. */
import type { PageRequest } from '../analysis/analyzer';
import type { Timings } from '../analysis/analyze';
import { sendToAnalyzer, sendToBackground } from './protocol';
import type { AnalysisText } from './wire';

/**
 * The analyser's reply; in the bench's build, its stages and `transit`: how long the page waited
 * beyond the analyser's own work.
 */
export async function requestAnalysis(
  request: PageRequest,
): Promise<{ analysis: AnalysisText; debug?: { timings: Timings; transit: number } }> {
  // Nobody listening rejects; a listener without this handler answers nothing. Either way: not running.
  let sent = performance.now();
  const ask = () => sendToAnalyzer('analyzePage', request).catch(() => undefined);
  let reply = await ask();
  if (!reply) {
    await sendToBackground('startAnalyzer');
    sent = performance.now();
    reply = await ask();
  }
  if (!reply) throw new Error('The analyser did not answer.');
  const { debug } = reply;
  return {
    analysis: reply.analysis,
    ...(debug && { debug: { timings: debug.timings, transit: performance.now() - sent - debug.handled } }),
  };
}
