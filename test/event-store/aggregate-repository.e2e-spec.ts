import { randomUUID } from 'node:crypto';
import { AggregateRepository, ConcurrencyError, EventSourcedAggregate } from '@app/event-store';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { META, testEvents } from '../support/test-events';

const { Deposited, Withdrawn, registry } = testEvents('es-aggregate-test.events');

class Account extends EventSourcedAggregate {
  readonly aggregate = 'account';
  balance = 0;
  constructor(private readonly accountId: string) {
    super();
  }
  get id() {
    return this.accountId;
  }
  deposit(amount: number) {
    this.apply(new Deposited({ amount, currency: 'EUR' }));
  }
  withdraw(amount: number) {
    if (amount > this.balance) throw new Error('insufficient funds');
    this.apply(new Withdrawn({ amount }));
  }
  onDeposited(e: InstanceType<typeof Deposited>) {
    this.balance += e.payload.amount;
  }
  onWithdrawn(e: InstanceType<typeof Withdrawn>) {
    this.balance -= e.payload.amount;
  }
}

describe('Aggregate repository', () => {
  let fx: StoreFixture;
  let repo: AggregateRepository<Account>;
  beforeAll(async () => {
    fx = await createStoreFixture(registry);
    repo = new AggregateRepository(fx.store, (id) => new Account(id));
  });
  afterAll(() => fx.close());

  it('rebuilds an aggregate by replaying its stream and saves new events at the loaded version', async () => {
    const id = randomUUID();
    expect(await repo.load(id)).toBeUndefined();
    const account = new Account(id);
    account.deposit(100);
    account.withdraw(30);
    expect(await repo.save(account, { metadata: META })).toMatchObject({ streamId: `account-${id}`, version: 2 });
    expect(account.getUncommittedEvents()).toEqual([]);

    const loaded = (await repo.load(id))!;
    expect({ balance: loaded.balance, version: loaded.version }).toEqual({ balance: 70, version: 2 });
    loaded.deposit(5);
    await repo.save(loaded, { metadata: META });
    expect((await repo.load(id))!.balance).toBe(75);
  });

  it('refuses to save over a concurrent writer: the second save gets ConcurrencyError', async () => {
    const id = randomUUID();
    const account = new Account(id);
    account.deposit(10);
    await repo.save(account, { metadata: META });
    const [a, b] = [(await repo.load(id))!, (await repo.load(id))!];
    a.withdraw(10);
    b.withdraw(10);
    await repo.save(a, { metadata: META });
    await expect(repo.save(b, { metadata: META })).rejects.toEqual(expect.objectContaining({ expected: 1, actual: 2 }));
    await expect(repo.save(b, { metadata: META })).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await repo.load(id))!.balance).toBe(0);
  });
});
