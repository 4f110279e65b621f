/**
 * How messages travel between the extension's contexts: one envelope, answered only for this extension
 * itself, and long texts split into parts on the way and joined again on arrival. A runtime message is
 * read whole on the receiving main thread; a long article's analysis (megabytes) would be one long
 * task on the page, while each part is a task of its own. No caller sees the parts.
 */
import { browser, type Browser } from 'wxt/browser';
import { fetchAll, holds, offer, part, whenFetched, type Offer, type PartRequest } from './parts';

interface Envelope {
  protocol: 'framing-lens';
  name: string;
  arg: unknown;
}
/** Fetches one part of a long reply: answered by the context that made the reply, and no other. */
const PART = 'part';
/** A reply's long text, as it crosses: where to fetch its parts. */
interface Parted {
  parts: Exclude<Offer, string>;
}

const envelope = (name: string, arg: unknown): Envelope => ({ protocol: 'framing-lens', name, arg });
const isEnvelope = (m: unknown): m is Envelope =>
  typeof m === 'object' && m !== null && (m as Envelope).protocol === 'framing-lens' && typeof (m as Envelope).name === 'string';
const isParted = (v: unknown): v is Parted =>
  typeof v === 'object' && v !== null && typeof (v as Parted).parts === 'object' && typeof (v as Parted).parts?.id === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A reply as it leaves: long texts, the reply itself or in its (nested) fields, offered in parts; `fetched` once all have gone. */
function split(reply: unknown): { value: unknown; fetched: Promise<unknown> } {
  const offers: Offer[] = [];
  const side = (v: unknown): unknown => {
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, side(x)]));
    if (typeof v !== 'string') return v;
    const offered = offer(v);
    offers.push(offered);
    return typeof offered === 'string' ? offered : ({ parts: offered } satisfies Parted);
  };
  const value = side(reply);
  return { value, fetched: Promise.all(offers.length ? offers.map(whenFetched) : [whenFetched('')]) };
}

/** A reply as it arrives, its parts fetched and joined. */
async function join(value: unknown, ask: (request: PartRequest) => Promise<unknown>): Promise<unknown> {
  if (isParted(value)) return fetchAll(value.parts, (r) => ask(r) as Promise<string | null | undefined>);
  if (!isRecord(value) || !hasParts(value)) return value;
  const fields = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await join(v, ask)] as const));
  return Object.fromEntries(fields);
}

const hasParts = (v: unknown): boolean => isParted(v) || (isRecord(v) && Object.values(v).some(hasParts));

/** Sends to a tab's content script (`tabId`), else to the extension's own pages and workers, whichever serves `name`. */
export async function send(to: { tabId?: number }, name: string, arg: unknown): Promise<unknown> {
  const post = (message: Envelope) =>
    to.tabId === undefined ? browser.runtime.sendMessage(message) : browser.tabs.sendMessage(to.tabId, message);
  return join(await post(envelope(name, arg)), (request) => post(envelope(PART, request)));
}

/**
 * A handler's reply and, third, `fetched`: resolves once the reply has wholly crossed. Work that can
 * wait for the receiver (a history record) waits for it rather than hold up the parts.
 */
export type Handler = (arg: never, sender: Browser.runtime.MessageSender, fetched: Promise<void>) => unknown;

let partsServed = false;
/** One listener per context serves the parts of its own replies (a part fetched twice would be lost). */
function serveParts() {
  if (partsServed) return;
  partsServed = true;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message) || message.name !== PART) return undefined;
    const request = message.arg as PartRequest;
    // Another context's reply: it answers, not this one.
    return typeof request?.id === 'string' && holds(request.id) ? Promise.resolve(part(request)) : undefined;
  });
}

/**
 * Serves some messages. Messages from anything but this extension, or that these handlers do not
 * name, are left alone, for another part of the extension to answer.
 */
export function serve(handlers: Record<string, Handler | undefined>): () => void {
  serveParts();
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message) || message.name === PART) return undefined;
    const handler = Object.hasOwn(handlers, message.name) ? handlers[message.name] : undefined;
    if (!handler) return undefined;
    let fetched!: (done: Promise<unknown>) => void;
    const done = new Promise<unknown>((resolve) => (fetched = resolve)).then(() => undefined);
    return Promise.resolve((handler as (arg: unknown, s: typeof sender, f: Promise<void>) => unknown)(message.arg, sender, done)).then(
      (reply) => {
        const { value, fetched: gone } = split(reply);
        fetched(gone);
        return value;
      },
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
