/**
 * The one protocol between the extension's parts. Every message is named here with its argument and
 * reply types; handlers only accept messages from this extension itself (./channel).
 */
import type { Browser } from 'wxt/browser';
import type { Analysis, Timings } from '../analysis/analyze';
import type { PageRequest } from '../analysis/analyzer';
import type { ArticleRecord } from '../history/record';
import { send, serve as serveChannel, type Handler } from './channel';
import type { AnalysisText } from './wire';

/**
 * Milliseconds per stage of one annotation, kept in the bench's build only (lib/timing): the analyser's
 * stages, then the page's own (`serialize`, `collect`: reading the live page's text, `wait`: for the
 * analyser's first answer beyond that, `rebuild`: the matches from the text they crossed as, `anchor`,
 * `paint`, for a long article's opening and again for the whole; `transit`: the request's and the first
 * answer's way between the page and the analyser, the analyser's own work taken out; `matchesWait`: for
 * the whole article's matches after painting its opening; `demandsWait`: for the demands after
 * painting); `firstHighlight` runs from the trigger to the first highlights painted, `total` to the
 * whole analysis received, `ui` is the overlay drawn after it.
 */
export type PipelineTimings = Timings &
  Partial<
    Record<
      | 'serialize'
      | 'collect'
      | 'wait'
      | 'transit'
      | 'rebuild'
      | 'anchor'
      | 'paint'
      | 'matchesWait'
      | 'demandsWait'
      | 'firstHighlight'
      | 'ui'
      | 'total',
      number
    >
  > & {
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
      /** The bench's build only. */
      debug?: { timings: PipelineTimings };
    }
  | { status: 'no-article'; url: string; message: string }
  /** An article, in a language no pack in force annotates: `message` names it and the ones covered. */
  | { status: 'unsupported-language'; url: string; lang: string; message: string }
  | { status: 'error'; url: string; message: string };

type ReadyState = Extract<PageState, { status: 'ready' }>;

/**
 * A page's state as it leaves the page: a ready state's analysis as the very text the analyser sent,
 * so the page never serialises a long article's analysis again (./tabs rebuilds it on arrival).
 */
export type SentPageState = Exclude<PageState, ReadyState> | (Omit<ReadyState, 'analysis'> & { analysis: AnalysisText });

/**
 * The bench's build only: the analyser's stages so far, and `handled`, the milliseconds from the
 * request's arrival to the reply, all the analyser's own work included.
 */
type AnalyzerDebug = { debug?: { timings: Timings; handled: number } };

/**
 * The analyser's first answer: the article and its matches (./wire `packFound`). A short article's come
 * with its demands, found at once (a few milliseconds: less than asking again). A long article's are its
 * opening's, its first paragraphs, a first screen to paint: the whole article and its matches, then its
 * demands, are asked for with `ticket` (`matchesOf`, `demandsOf`). Neither when there is no article.
 */
export type AnalyzerReply = { found: string; ticket: string | null; demands?: string } & AnalyzerDebug;

/** The whole article and its matches, after its opening. */
export type MatchesReply = { found: string } & AnalyzerDebug;

/** A long article's demands, its last step (./wire `packDemands`). */
export type DemandsReply = { demands: string } & AnalyzerDebug;

/** Messages to a tab's content script. */
export interface ContentProtocol {
  /** Annotate the page (again) and report. */
  annotate(): SentPageState;
  /** The last state, without new work (null before the first annotation). */
  getState(): SentPageState | null;
  /** Scroll to a demand's sentence or a match and flash it. */
  reveal(target: { kind: 'demand' | 'match'; index: number }): boolean;
  /**
   * The lexicon or settings changed: read them and the page again. Told by the background: a content
   * script that watched storage itself would be handed every write to it, the whole history included,
   * to deserialise on the page's main thread.
   */
  lexiconChanged(): void;
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
  /** The whole article and its matches, when the first answer held its opening only (else null). */
  matchesOf(ticket: string): MatchesReply | null;
  /**
   * The demands of an article whose matches it sent, found meanwhile. Null when the ticket is unknown:
   * the analyser started again, or the page asked too late (tickets are kept for a minute).
   */
  demandsOf(ticket: string): DemandsReply | null;
}

type Handlers<P> = {
  [K in keyof P]: P[K] extends (...a: infer A) => infer R
    ? (arg: A[0], sender: Browser.runtime.MessageSender, fetched: Promise<void>) => R | Promise<R>
    : never;
};
type Args<F> = F extends (...a: infer A) => unknown ? A : never;
type Reply<F> = F extends (...a: never[]) => infer R ? R : never;

export const sendToTab = <K extends keyof ContentProtocol>(tabId: number, name: K, ...arg: Args<ContentProtocol[K]>) =>
  send({ tabId }, name, arg[0]) as Promise<Reply<ContentProtocol[K]>>;

export const sendToBackground = <K extends keyof BackgroundProtocol>(name: K, ...arg: Args<BackgroundProtocol[K]>) =>
  send({}, name, arg[0]) as Promise<Reply<BackgroundProtocol[K]>>;

export const sendToAnalyzer = <K extends keyof AnalyzerProtocol>(name: K, ...arg: Args<AnalyzerProtocol[K]>) =>
  send({}, name, arg[0]) as Promise<Reply<AnalyzerProtocol[K]>>;

/** Serves (part of) a protocol in this context; returns how to stop. */
export const serve = <P extends object>(handlers: Partial<Handlers<P>>): (() => void) =>
  serveChannel(handlers as Record<string, Handler | undefined>);
