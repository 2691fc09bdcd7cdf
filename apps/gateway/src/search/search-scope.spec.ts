import type { Principal } from '../auth/principal';
import { kindOfIndex, searchScope } from './search-scope';
import { namespaced } from '@app/config';

const customer: Principal = { userId: 'u-1', role: 'CUSTOMER', email: 'c@example.test' };
const admin: Principal = { userId: 'a-1', role: 'ADMIN', email: 'a@example.test' };

describe('searchScope', () => {
  it('lets an anonymous caller search products only', () => {
    expect(searchScope(null, null)).toEqual({ aliases: [namespaced('products')], filter: [] });
    expect(searchScope(null, ['ORDER', 'USER']).aliases).toEqual([]);
  });

  it('lets a customer search products and only their own orders, never users', () => {
    const scope = searchScope(customer, null);
    expect(scope.aliases).toEqual([namespaced('products'), namespaced('orders')]);
    expect(JSON.stringify(scope.filter)).toContain('"userId":"u-1"');
    expect(searchScope(customer, ['USER']).aliases).toEqual([]);
    expect(searchScope(customer, ['PRODUCT'])).toEqual({ aliases: [namespaced('products')], filter: [] });
  });

  it('lets an admin search everything, narrowed by kinds', () => {
    expect(searchScope(admin, null)).toEqual({ aliases: [namespaced('products'), namespaced('orders'), namespaced('users')], filter: [] });
    expect(searchScope(admin, ['USER', 'ORDER']).aliases).toEqual([namespaced('orders'), namespaced('users')]);
  });
});

describe('kindOfIndex', () => {
  it('maps a versioned index behind an alias to its kind', () => {
    expect(kindOfIndex(`${namespaced('orders')}-v2`)).toBe('ORDER');
    expect(kindOfIndex(`${namespaced('products')}-v1`)).toBe('PRODUCT');
    expect(kindOfIndex(`${namespaced('users')}-v1`)).toBe('USER');
    expect(kindOfIndex(`${namespaced('orders')}x`)).toBeUndefined();
    // Another environment's index is not ours.
    expect(kindOfIndex('elsewhere.orders-v1')).toBeUndefined();
  });
});
