import { BatchLoader } from './batch-loader';

const squares = () => jest.fn(async (keys: number[]) => new Map(keys.filter((k) => k > 0).map((k) => [k, k * k])));

describe('BatchLoader', () => {
  it('fetches the keys loaded in one go with one call, each key once, and null for what is missing', async () => {
    const fetch = squares();
    const loader = new BatchLoader(fetch);

    const values = await Promise.all([loader.load(2), loader.load(3), loader.load(2), Promise.resolve().then(() => loader.load(-1))]);

    expect(values).toEqual([4, 9, 4, null]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith([2, 3, -1]);
  });

  it('answers a key loaded again later from its cache, and fetches only new keys', async () => {
    const fetch = squares();
    const loader = new BatchLoader(fetch);
    await loader.load(2);

    expect(await Promise.all([loader.load(2), loader.load(5)])).toEqual([4, 25]);
    expect(fetch.mock.calls).toEqual([[[2]], [[5]]]);
  });

  it('rejects every load of a failed batch, and tries again on the next load', async () => {
    const fetch = jest.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(new Map([[1, 'one']]));
    const loader = new BatchLoader<number, string>(fetch);

    await expect(loader.load(1)).rejects.toThrow('db down');
    expect(await loader.load(1)).toBe('one');
  });
});
