import { publicSagaState, storedSagaState } from './saga-state-names';

describe('saga state names', () => {
  it("shows PENDING as the contract's AWAITING_INVENTORY and keeps every other name", () => {
    expect(['PENDING', 'AWAITING_PAYMENT', 'CONFIRMED', 'CANCELLED', 'REFUND_DUE', 'REFUNDED'].map(publicSagaState)).toEqual([
      'AWAITING_INVENTORY',
      'AWAITING_PAYMENT',
      'CONFIRMED',
      'CANCELLED',
      'REFUND_DUE',
      'REFUNDED',
    ]);
  });

  it('filters by either name of the first state', () => {
    expect(storedSagaState('AWAITING_INVENTORY')).toBe('PENDING');
    expect(storedSagaState('PENDING')).toBe('PENDING');
    expect(storedSagaState('CONFIRMED')).toBe('CONFIRMED');
  });
});
