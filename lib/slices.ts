/** Long work on the page's main thread, cut into slices between which the page's own tasks run. */

/** Lets the page's pending tasks (input first) run. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `step(i)` for i = 0..count-1, yielding to the page whenever a slice has run `sliceMs`. */
export async function forEachInSlices(count: number, sliceMs: number, step: (i: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    // The clock is read every 64 steps: reading it costs more than a step.
    if ((i & 63) === 63 && performance.now() - sliceStart > sliceMs) {
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
}

/**
 * Resolves after the page's next frame has been rendered (at once when it is hidden and renders
 * nothing). A page injected as it loads may not have laid out all of itself yet: a long page's layout
 * is a long task of its own, which the first annotation would otherwise run inside of, or force early
 * with a measurement.
 */
export function afterNextFrame(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}
