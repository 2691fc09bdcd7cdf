import { Logger } from '@nestjs/common';
import { loadServiceKeys } from '@app/config/service-keys';
import type { CommandMessage } from '../command-message';
import { COMMANDS } from '../patterns';
import { CommandSecurity } from './command-security';
import { COMMAND_MAX_AGE_MS, signCommand } from './command-signature';

const as = (app: 'gateway' | 'order' | 'user' | 'payment' | 'consumers') => new CommandSecurity(loadServiceKeys(app, { NODE_ENV: 'test' }));
const gateway = as('gateway');
const order = as('order');
const customerOrder: CommandMessage = { commandId: 'c-1', correlationId: 'c-1', issuedBy: { userId: 'u-1', role: 'CUSTOMER' }, data: { lines: [{ sku: 'A', quantity: 1 }] } };
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; field?: string; message: string };
  }
  throw new Error('was not refused');
};

describe('CommandSecurity: signed commands', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('accepts a command signed by an allowed sender, unchanged', () => {
    const signed = gateway.sign(COMMANDS.createOrder, customerOrder);
    expect(as('order').verify(COMMANDS.createOrder, JSON.parse(JSON.stringify(signed)))).toEqual(signed);
  });

  it.each([
    ['unsigned', () => customerOrder, 'the command is not signed'],
    ['a role raised to ADMIN after signing', () => ({ ...gateway.sign(COMMANDS.createOrder, customerOrder), issuedBy: { userId: 'u-1', role: 'ADMIN' } }), 'does not match'],
    ['data changed after signing', () => ({ ...gateway.sign(COMMANDS.createOrder, customerOrder), data: { lines: [{ sku: 'A', quantity: 999 }] } }), 'does not match'],
    ['signed for another pattern', () => gateway.sign(COMMANDS.cancelOrder, customerOrder), 'does not match'],
    ['signed with an unknown key', () => ({ ...gateway.sign(COMMANDS.createOrder, customerOrder), auth: { ...gateway.sign(COMMANDS.createOrder, customerOrder).auth!, keyId: 'nope' } }), 'no key nope'],
  ])('refuses a command %s as UNAUTHENTICATED on field auth', (_, message, text) => {
    expect(refusal(() => order.verify(COMMANDS.createOrder, message()))).toMatchObject({ code: 'UNAUTHENTICATED', field: 'auth', message: expect.stringContaining(text) });
  });

  it('refuses a replay older than the command topics keep messages, and one dated in the future', () => {
    const keys = loadServiceKeys('gateway', { NODE_ENV: 'test' });
    const old = signCommand(COMMANDS.createOrder, customerOrder, 'gateway', keys.own[0], Date.now() - COMMAND_MAX_AGE_MS - 1000);
    const future = signCommand(COMMANDS.createOrder, customerOrder, 'gateway', keys.own[0], Date.now() + 60_000);
    expect(refusal(() => order.verify(COMMANDS.createOrder, old))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the command has expired' });
    expect(refusal(() => order.verify(COMMANDS.createOrder, future))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the command is dated in the future' });
  });

  it('lets only the order service ask for a payment: the gateway, validly signed, is FORBIDDEN', () => {
    const payment = as('payment');
    const request: CommandMessage = { commandId: 'pay:1', correlationId: 'c', issuedBy: null, data: { orderId: '1' } };
    expect(payment.verify(COMMANDS.processPayment, order.sign(COMMANDS.processPayment, request)).commandId).toBe('pay:1');
    expect(refusal(() => payment.verify(COMMANDS.processPayment, gateway.sign(COMMANDS.processPayment, request)))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

// The first character of the ciphertext: all six of its bits are used (the last one's may not be).
const alterFirstCiphertextChar = (sealed: string): string => {
  const at = sealed.lastIndexOf('.') + 1;
  return sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
};

describe('CommandSecurity: sealed fields', () => {
  it('seals a secret that only its recipient opens, for that field', () => {
    const sealed = gateway.seal('user', 'password', 'correct horse');
    expect(sealed).not.toContain('correct horse');
    expect(as('user').unsealIn({ email: 'a@b.c', password: sealed }, 'password')).toEqual({ email: 'a@b.c', password: 'correct horse' });
    expect(gateway.seal('user', 'password', 'correct horse')).not.toBe(sealed);
  });

  it.each([
    ['clear text', () => 'correct horse'],
    ['sealed to another service', () => gateway.seal('payment', 'password', 'correct horse')],
    ['sealed for another field', () => gateway.seal('user', 'paymentToken', 'correct horse')],
    ['altered', () => alterFirstCiphertextChar(gateway.seal('user', 'password', 'correct horse'))],
  ])('refuses a password %s as BAD_USER_INPUT naming the field, without its value', (_, value) => {
    const error = refusal(() => as('user').unsealIn({ password: value() }, 'password'));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', message: 'password must be sealed to this service' });
  });

  it('leaves data without the field to the input schema', () => {
    expect(as('user').unsealIn({ email: 'a@b.c' }, 'password')).toEqual({ email: 'a@b.c' });
    expect(as('user').unsealIn('text', 'password')).toBe('text');
  });
});
