import type { Principal } from '../auth/principal';
import { kindOfIndex, searchScope } from './search-scope';

const customer: Principal = { userId: 'u-1', role: 'CUSTOMER', email: 'c@example.test' };
const admin: Principal = { userId: 'a-1', role: 'ADMIN', email: 'a@example.test' };

describe('searchScope', () => {
  it('lets an anonymous caller search products only', () => {
    expect(searchScope(null, null)).toEqual({ aliases: ['products'], filter: [] });
    expect(searchScope(null, ['ORDER', 'USER']).aliases).toEqual([]);
  });

  it('lets a customer search products and only their own orders, never users', () => {
    const scope = searchScope(customer, null);
    expect(scope.aliases).toEqual(['products', 'orders']);
    expect(JSON.stringify(scope.filter)).toContain('"userId":"u-1"');
    expect(searchScope(customer, ['USER']).aliases).toEqual([]);
    expect(searchScope(customer, ['PRODUCT'])).toEqual({ aliases: ['products'], filter: [] });
  });

  it('lets an admin search everything, narrowed by kinds', () => {
    expect(searchScope(admin, null)).toEqual({ aliases: ['products', 'orders', 'users'], filter: [] });
    expect(searchScope(admin, ['USER', 'ORDER']).aliases).toEqual(['orders', 'users']);
  });
});

describe('kindOfIndex', () => {
  it('maps a versioned index behind an alias to its kind', () => {
    expect(kindOfIndex('orders-v2')).toBe('ORDER');
    expect(kindOfIndex('products-v1')).toBe('PRODUCT');
    expect(kindOfIndex('users-v1')).toBe('USER');
    expect(kindOfIndex('ordersx')).toBeUndefined();
  });
});
