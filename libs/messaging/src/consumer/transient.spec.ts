import { isTransient } from './transient';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isTransient', () => {
  it('holds for a dependency that is down, unreachable or shedding load', () => {
    expect(isTransient(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isTransient(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isTransient(withCode('08006'))).toBe(true);
    expect(isTransient(withCode('53300', 'too many connections'))).toBe(true);
    expect(isTransient(withCode('40P01', 'deadlock detected'))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTransient(withCode('55000', 'database "commerce" is not currently accepting connections'))).toBe(true);
    expect(isTransient(Object.assign(new Error('no living connections'), { name: 'NoLivingConnectionsError' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('unavailable'), { name: 'ResponseError', meta: { statusCode: 503 } }))).toBe(true);
    expect(isTransient(Object.assign(new Error('broker gone'), { name: 'KafkaJSConnectionError', retriable: true }))).toBe(true);
  });

  it('finds the cause of a wrapping error', () => {
    expect(isTransient(new Error('the run failed', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it('does not hold for what the event itself causes: a bug, a constraint, a timeout, a bad request', () => {
    expect(isTransient(new Error('cannot read properties of undefined'))).toBe(false);
    expect(isTransient(withCode('23505', 'duplicate key value'))).toBe(false);
    expect(isTransient(withCode('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isTransient(Object.assign(new Error('mapper_parsing_exception'), { name: 'ResponseError', meta: { statusCode: 400 } }))).toBe(false);
    expect(isTransient(Object.assign(new Error('message too large'), { name: 'KafkaJSProtocolError', retriable: false }))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
    expect(isTransient('ECONNREFUSED')).toBe(false);
  });
});
