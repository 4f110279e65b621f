/**
 * The one protocol between the extension's parts. Every message is named here with its argument and
 * reply types; handlers only accept messages from this extension itself.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Analysis, Timings } from './analysis/analyze';
import type { PageRequest } from './analysis/service';
import type { WireResult } from './analysis/wire';
import type { ArticleRecord } from './history/record';
import type { Offer, PartRequest } from './parts';

/**
 * Milliseconds per stage of one annotation: the analyser's stages, then the page's own (`serialize`,
 * `collect`: reading the live page's text, `wait`: for the analyser beyond that, `rebuild`: the
 * analysis from its wire form, `anchor`, `paint`; `transit`: the request's and the reply's way between
 * the page and the analyser, the analyser's own work taken out);
 * `total` runs from the trigger to the painted page, `ui` is the overlay drawn after it.
 */
export type PipelineTimings = Timings &
  Partial<Record<'serialize' | 'collect' | 'wait' | 'transit' | 'rebuild' | 'anchor' | 'paint' | 'ui' | 'total', number>> & {
    /** When the run began, on the page's clock (performance.now()). */
    startedAt?: number;
  };

/** What the content script knows about its page. */
export type PageState =
  | {
      status: 'ready';
      analysis: Analysis;
      url: string;
      placed: number;
      /** Body matches (indexes into analysis.matches) that could not be found on the page. */
      unplaced: number[];
      timings: PipelineTimings;
    }
  | { status: 'no-article'; url: string; message: string }
  /** An article, in a language no pack in force annotates: `message` names it and the ones covered. */
  | { status: 'unsupported-language'; url: string; lang: string; message: string }
  | { status: 'error'; url: string; message: string };

/**
 * A value sent as its JSON text. Runtime messages are converted object by object on arrival, on the
 * receiving page's main thread; one string of a long article's analysis crosses many times faster,
 * and JSON.parse reads it in a fraction of the time.
 */
export type Encoded<T> = string & { readonly __encodes?: T };
export const encode = <T>(value: T) => JSON.stringify(value) as Encoded<T>;
export const decode = <T>(text: Encoded<T>) => JSON.parse(text) as T;

type ReadyState = Extract<PageState, { status: 'ready' }>;

/**
 * A page's state as it leaves the page: the analysis in its wire form, as the analyser sent it, so
 * the page's main thread never serialises a long article's full analysis (lib/tabs rebuilds it).
 */
export type SentPageState = Exclude<PageState, ReadyState> | (Omit<ReadyState, 'analysis'> & { result: Extract<WireResult, { ok: true }> });

/**
 * A page state as it leaves the page. A ready state's analysis goes as the very JSON text the analyser
 * sent (`result`), spliced in: a long article's analysis is never serialised again on the page.
 */
export function encodeSent(
  state: Exclude<PageState, ReadyState> | Omit<ReadyState, 'analysis'>,
  result?: Encoded<WireResult>,
): Encoded<SentPageState> {
  const text = JSON.stringify(state);
  return (state.status === 'ready' && result ? `${text.slice(0, -1)},"result":${result}}` : text) as Encoded<SentPageState>;
}

/** The analyser's answer: its stages' times, and the analysis as JSON text (the page keeps the text to send on), offered in parts when long. */
export interface AnalyzerReply {
  timings: Timings;
  result: Offer<Encoded<WireResult>>;
  /** Milliseconds from the request's arrival to the reply, all the analyser's own work included. */
  handled: number;
}

/** Messages to a tab's content script. */
export interface ContentProtocol {
  /** Annotate the page (again) and report. */
  annotate(): Offer<Encoded<SentPageState>>;
  /** The last state, without new work. */
  getState(): Offer<Encoded<SentPageState>> | null;
  /** A part of a long state offered by `annotate` or `getState`. */
  statePart(request: PartRequest): string | null;
  /** Scroll to a demand's sentence or a match and flash it. */
  reveal(target: { kind: 'demand' | 'match'; index: number }): boolean;
  /**
   * The lexicon or settings changed: read them again, and the page with them. Told by the background:
   * a content script that watched storage itself would be handed every write to it, the whole
   * history included, to deserialise on the page's main thread.
   */
  relex(): void;
}

/** What a content script tells the rest of the extension after each annotation. */
export interface PageReport {
  status: PageState['status'];
  url: string;
  /** Annotations in the article's body. */
  count: number;
}

/** Messages to the background. */
export interface BackgroundProtocol {
  /** Make sure the analyser is running (Chrome: create the offscreen document). */
  startAnalyzer(): void;
  /** A tab's page was annotated: update its badge and any open side panel. */
  pageAnnotated(report: PageReport): void;
  /** The analyser read an article: keep its record in the history. */
  remember(record: ArticleRecord): void;
}

/** Messages to the analyser: Chrome's offscreen document, Firefox's background page. */
export interface AnalyzerProtocol {
  analyzePage(request: PageRequest): AnalyzerReply;
  /** A part of a long analysis offered by `analyzePage`. */
  resultPart(request: PartRequest): string | null;
}

type Envelope = { protocol: 'framing-lens'; name: string; arg: unknown };
type Handlers<P> = {
  [K in keyof P]: P[K] extends (...a: infer A) => infer R ? (arg: A[0], sender: Browser.runtime.MessageSender) => R | Promise<R> : never;
};
type Arg<F> = F extends (arg: infer A) => unknown ? A : undefined;
type Reply<F> = F extends (...a: never[]) => infer R ? R : never;

const isEnvelope = (m: unknown): m is Envelope =>
  typeof m === 'object' && m !== null && (m as Envelope).protocol === 'framing-lens' && typeof (m as Envelope).name === 'string';

export function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  name: K,
  ...arg: Arg<ContentProtocol[K]> extends undefined ? [] : [Arg<ContentProtocol[K]>]
): Promise<Reply<ContentProtocol[K]>> {
  return browser.tabs.sendMessage(tabId, { protocol: 'framing-lens', name, arg: arg[0] } satisfies Envelope) as Promise<
    Reply<ContentProtocol[K]>
  >;
}

/** To the extension's own pages and workers: whichever serves `name` answers. */
function sendToRuntime<P, K extends keyof P>(name: K, arg: Arg<P[K]>): Promise<Reply<P[K]>> {
  return browser.runtime.sendMessage({ protocol: 'framing-lens', name: name as string, arg } satisfies Envelope) as Promise<Reply<P[K]>>;
}

export const sendToBackground = <K extends keyof BackgroundProtocol>(name: K, arg: Arg<BackgroundProtocol[K]>) =>
  sendToRuntime<BackgroundProtocol, K>(name, arg);

export const sendToAnalyzer = <K extends keyof AnalyzerProtocol>(name: K, arg: Arg<AnalyzerProtocol[K]>) =>
  sendToRuntime<AnalyzerProtocol, K>(name, arg);

/**
 * Serves (part of) a protocol. Messages from anything but this extension, or that this side has no
 * handler for, are left alone, for another part of the extension to answer.
 */
export function serve<P extends object>(handlers: Partial<Handlers<P>>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || !isEnvelope(message)) return undefined;
    const handler = (handlers as Record<string, ((arg: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined>)[message.name];
    if (!handler) return undefined;
    return Promise.resolve(handler(message.arg, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
