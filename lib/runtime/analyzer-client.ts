/** The page side's way to the analyser: ask it, starting it first if no one answers. */
import type { PageRequest } from '../analysis/analyzer';
import type { Timings } from '../analysis/analyze';
import { sendToAnalyzer, sendToBackground } from './protocol';

type Debug = { debug?: { timings: Timings; transit: number } };

/** `transit` (the bench's build): how long the page waited beyond the analyser's own work. */
function withTransit<R extends { debug?: { timings: Timings; handled: number } }>(reply: R, sent: number): Omit<R, 'debug'> & Debug {
  const { debug, ...rest } = reply;
  return { ...rest, ...(debug && { debug: { timings: debug.timings, transit: performance.now() - sent - debug.handled } }) };
}

/** The analyser's first answer (lib/runtime/protocol `AnalyzerReply`). */
export async function requestAnalysis(request: PageRequest): Promise<{ found: string; ticket: string | null; demands?: string } & Debug> {
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
  return withTransit(reply, sent);
}

/** The whole article and its matches, after its opening came with `ticket`. */
export async function requestMatches(ticket: string): Promise<{ found: string } & Debug> {
  const sent = performance.now();
  const reply = await sendToAnalyzer('matchesOf', ticket);
  if (!reply) throw new Error('The analyser stopped before it matched the whole article: annotate the page again.');
  return withTransit(reply, sent);
}

/** The demands of the article whose matches came with `ticket`. */
export async function requestDemands(ticket: string): Promise<{ demands: string } & Debug> {
  const sent = performance.now();
  const reply = await sendToAnalyzer('demandsOf', ticket);
  // The analyser started again since it sent the matches (the browser stopped it, the extension was updated).
  if (!reply) throw new Error('The analyser stopped before it found the demands: annotate the page again.');
  return withTransit(reply, sent);
}
