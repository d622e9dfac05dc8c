/** Timing helpers shared by the benches: medians, so one slow run on a noisy machine does not move a figure. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of `runs` calls after one warm-up call. */
export async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** Medians of several timed functions, run in turn (a, b, a, b …) after one warm-up each. */
export async function interleaved(fns: (() => Promise<unknown>)[], runs: number): Promise<number[]> {
  for (const f of fns) await f();
  const t: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = performance.now();
      await fns[k]();
      t[k].push(performance.now() - t0);
    }
  }
  return t.map(median);
}
