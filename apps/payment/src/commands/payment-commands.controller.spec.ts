import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { COMMANDS, CommandRejected } from '@app/commands';
import { securityOf, signedAs } from '../../../../test/support/command-security';
import { PaymentCommandsController } from './payment-commands.controller';

const refundMessage = signedAs('order', COMMANDS.refundPayment, { commandId: 'refund:1', correlationId: 'c', issuedBy: null, data: { orderId: '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f' } });
const controllerFailingWith = (err: Error) => new PaymentCommandsController({ execute: () => Promise.reject(err) } as unknown as CommandBus, securityOf('payment'));

describe('PaymentCommandsController.refund', () => {
  let error: jest.SpyInstance;
  beforeEach(() => (error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => error.mockRestore());

  it('rethrows an outage, so that kafkajs delivers the one-way command again', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

    await expect(controllerFailingWith(refused).refund(refundMessage)).rejects.toBe(refused);
  });

  it('answers a rejection and a bug as any command does, without a redelivery', async () => {
    await expect(controllerFailingWith(new CommandRejected('BAD_USER_INPUT', 'no')).refund(refundMessage)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT' } });
    await expect(controllerFailingWith(new TypeError('a bug')).refund(refundMessage)).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
