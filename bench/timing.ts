/** The benches' timing: a task run again and again after a warm-up, and its percentiles. */

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** p50, p95 and p99 of samples in milliseconds, to a tenth. */
export const summary = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
};

/** Runs `task` once to warm up, then `runs` times; the duration of each run, in ms. */
export async function timed(runs: number, task: () => Promise<unknown>): Promise<number[]> {
  await task();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return samples;
}
