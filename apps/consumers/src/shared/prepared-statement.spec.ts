import type { EntityManager } from 'typeorm';
import { queryPrepared, statement } from './prepared-statement';

describe('prepared statements', () => {
  // pg fails a query whose name it prepared on that connection for another text.
  it('gives one text one name, and never gives two texts the same name', () => {
    const texts = ['SELECT 1 WHERE $1::int > 0', 'SELECT 2 WHERE $1::int > 0', 'SELECT 3 WHERE $1::int > 0'];
    const first = texts.map(statement);
    expect(texts.map(statement)).toEqual(first);
    expect(new Set(first.map((s) => s.name)).size).toBe(texts.length);
  });

  it('refuses to run outside an active TypeORM transaction, rather than on some other connection', () => {
    const outside = { queryRunner: { isTransactionActive: false, databaseConnection: { query: jest.fn() } } } as unknown as EntityManager;
    expect(() => queryPrepared(outside, statement('SELECT 1'), [])).toThrow('active TypeORM transaction');
  });
});
