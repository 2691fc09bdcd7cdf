import { Gatherer } from './gatherer';

describe('Gatherer', () => {
  it('sends the items of callers within one window as one request and answers each with its own results', async () => {
    const sent: number[][] = [];
    const gatherer = new Gatherer<number, string>(5, async (items) => {
      sent.push(items);
      return items.map((n) => `r${n}`);
    });
    const answers = await Promise.all([gatherer.submit([1, 2]), gatherer.submit([3]), gatherer.submit([]), gatherer.submit([4, 5, 6])]);
    expect(sent).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(answers).toEqual([['r1', 'r2'], ['r3'], [], ['r4', 'r5', 'r6']]);
    expect(await gatherer.submit([7])).toEqual(['r7']);
    expect(sent).toEqual([[1, 2, 3, 4, 5, 6], [7]]);
  });

  it('fails every caller of a request that failed or answered the wrong number of results', async () => {
    const failing = new Gatherer<number, string>(1, () => Promise.reject(new Error('down')));
    const results = await Promise.allSettled([failing.submit([1]), failing.submit([2])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    const short = new Gatherer<number, string>(1, async () => ['only one']);
    await expect(Promise.all([short.submit([1]), short.submit([2])])).rejects.toThrow('answered 1 results');
  });
});
