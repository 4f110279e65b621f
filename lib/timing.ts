/**
 * Stage timings, for the bench. They are kept only in the e2e build, which the bench and the tests run
 * (`FRAMING_LENS_E2E`, see wxt.config.ts); the store build measures nothing and sends no timings. The
 * command line keeps them when asked. Figures live in bench/README.md, not in code.
 */

declare const __FRAMING_LENS_TIMINGS__: boolean | undefined;

/** Whether this build keeps the page's and the analyser's stage timings. */
export const TIMINGS_ON: boolean = typeof __FRAMING_LENS_TIMINGS__ === 'boolean' && __FRAMING_LENS_TIMINGS__;

/** Milliseconds per stage, filled in as the stages run. */
export type Stages<S extends string> = Partial<Record<S, number>>;

/**
 * Runs one stage and adds its time to `timings[stage]` (no clock is read when `timings` is absent).
 * For asynchronous work the time runs until its promise settles.
 */
export function timed<S extends string, T>(timings: Stages<S> | undefined, stage: S, run: () => T): T {
  if (!timings) return run();
  const start = performance.now();
  const add = () => void (timings[stage] = (timings[stage] ?? 0) + performance.now() - start);
  const result = run();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}
