/** Timing helpers: a warm-up, then the median of several runs. */
export const QUICK = process.argv.includes('--quick') || process.env.CI === 'true';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median milliseconds of `runs` calls after `warmup` untimed ones. */
export function time(fn: () => unknown, runs = QUICK ? 1 : 5, warmup = QUICK ? 0 : 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
