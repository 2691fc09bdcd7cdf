import { ConfigError } from './config-error';
import { resolveNamespace } from './namespace';

describe('resolveNamespace', () => {
  it('defaults to dev in development and test under NODE_ENV=test, so npm start and npm test never share topics', () => {
    expect(resolveNamespace({ NODE_ENV: 'development' })).toBe('dev');
    expect(resolveNamespace({ NODE_ENV: 'test' })).toBe('test');
    expect(resolveNamespace({ NODE_ENV: 'test', COMMERCE_NAMESPACE: 'test-k2x9ab12' })).toBe('test-k2x9ab12');
  });

  it('has no default in production (also an unset NODE_ENV): it must be chosen', () => {
    expect(() => resolveNamespace({})).toThrow(/COMMERCE_NAMESPACE: must be set/);
    expect(() => resolveNamespace({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => resolveNamespace({ NODE_ENV: 'production' })).toThrow(/COMMERCE_NAMESPACE: must be set/);
    expect(resolveNamespace({ NODE_ENV: 'production', COMMERCE_NAMESPACE: 'prod' })).toBe('prod');
  });

  it('refuses a name that is not a valid, lowercase prefix for topics and indices', () => {
    for (const bad of ['Prod', '-x', 'a.b', 'a_b', 'x'.repeat(41), 'a b']) {
      expect(() => resolveNamespace({ NODE_ENV: 'development', COMMERCE_NAMESPACE: bad })).toThrow(/COMMERCE_NAMESPACE: must be 1-40/);
    }
  });
});
