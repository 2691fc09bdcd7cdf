/** Median of the samples (throughputs: higher is better). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The one line every benchmark prints per figure (README: `npm run bench`). */
export const report = (id: string, ours: number[], baseline: number[], target: number, unit: string): void => {
  const o = median(ours);
  const b = median(baseline);
  console.log(`[bench] ${id} ${unit}: ours ${ours.map(Math.round).join(' ')} | baseline ${baseline.map(Math.round).join(' ')}`);
  console.log(`BENCH ${id} ours=${o.toFixed(0)} baseline=${b.toFixed(0)} ratio=${(o / b).toFixed(2)} target=${target}`);
};

/**
 * Runs `rounds` measured rounds of ours and baseline alternately (after one unmeasured warm-up
 * of each), so that drift on a shared machine hits both sides alike. Each run returns a rate.
 */
export const sideBySide = async (
  id: string,
  rounds: number,
  ours: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ ours: number[]; baseline: number[] }> => {
  await ours();
  await baseline();
  const result = { ours: [] as number[], baseline: [] as number[] };
  for (let i = 1; i <= rounds; i++) {
    result.ours.push(await ours());
    result.baseline.push(await baseline());
    console.log(`[bench] ${id} round ${i}/${rounds}: ours ${Math.round(result.ours.at(-1)!)}/s, baseline ${Math.round(result.baseline.at(-1)!)}/s`);
  }
  return result;
};

export const ratePerSecond = async (count: number, work: () => Promise<void>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
};
