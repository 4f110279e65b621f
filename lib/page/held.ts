/**
 * What the page side holds in a page (listeners, observers, timers, frame loops), so that one
 * `release()` ends all of it: after the extension reloads or updates, an old content script must not
 * keep running in open tabs. Every hold is counted, for the e2e test of tear-down (`liveCount`).
 */

type Listening = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
interface Timers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(id: number): void;
}

let live = 0;
/** How many holds of this content script are live: 0 once every `Held` has been released. */
export const liveCount = () => live;

export class Held {
  private readonly ends = new Set<() => void>();

  /** Keeps `end` until released; returns what ends it sooner. */
  private hold(end: () => void): () => void {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      live--;
      this.ends.delete(once);
      end();
    };
    live++;
    this.ends.add(once);
    return once;
  }

  listen<K extends string>(
    target: Listening,
    type: K,
    listener: EventListener | ((e: never) => void),
    options?: AddEventListenerOptions,
  ): () => void {
    target.addEventListener(type, listener as EventListener, options);
    return this.hold(() => target.removeEventListener(type, listener as EventListener, options));
  }

  observe(observer: MutationObserver): MutationObserver {
    this.hold(() => observer.disconnect());
    return observer;
  }

  /** A timeout that counts only while pending. */
  timeout(view: Timers, run: () => void, ms: number): () => void {
    const end = this.hold(() => view.clearTimeout(id));
    const id = view.setTimeout(() => {
      end();
      run();
    }, ms);
    return end;
  }

  /** Runs `check` before every frame the page renders (none while it is hidden), until released. */
  everyFrame(view: Timers, check: () => void): () => void {
    let id = 0;
    const loop = () => {
      check();
      id = view.requestAnimationFrame(loop);
    };
    id = view.requestAnimationFrame(loop);
    return this.hold(() => view.cancelAnimationFrame(id));
  }

  /** Something else to end with the rest (a served protocol, a mounted view). */
  add(end: () => void): () => void {
    return this.hold(end);
  }

  release(): void {
    for (const end of [...this.ends]) end();
  }
}
