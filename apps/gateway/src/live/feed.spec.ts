import { closingWith, Feed } from './feed';

describe('Feed', () => {
  it('hands pushed items to next() in order, to a waiting reader as well as a late one', async () => {
    const feed = new Feed<number>(10);
    const waiting = feed.next();
    feed.push(1);
    feed.push(2);

    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await feed.next()).toEqual({ value: 2, done: false });
  });

  it('keeps only the newest items for a reader that falls behind', async () => {
    const feed = new Feed<number>(2);
    for (const n of [1, 2, 3]) feed.push(n);

    expect([(await feed.next()).value, (await feed.next()).value]).toEqual([2, 3]);
  });

  it('ends a pending next() on return(), calls onClose once and ignores later pushes', async () => {
    const onClose = jest.fn();
    const feed = new Feed<number>(10, onClose);
    const pending = feed.next();

    await feed.return();
    await feed.return();
    feed.push(1);

    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await feed.next()).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('closingWith', () => {
  it('ends a generator that waits on a quiet source as soon as it is returned', async () => {
    const source = new Feed<number>(10);
    let finished = false;
    const generator = (async function* () {
      try {
        for await (const n of source) yield n * 10;
      } finally {
        finished = true;
      }
    })();
    const iterator = closingWith(generator, source);
    source.push(1);
    expect(await iterator.next()).toEqual({ value: 10, done: false });
    const pending = iterator.next();

    await iterator.return!();

    expect(await pending).toEqual({ value: undefined, done: true });
    expect(finished).toBe(true);
  });
});
