import type { Logger } from '@nestjs/common';
import { CommandRejected } from '../command-message';
import { INTERNAL_ERROR, toReply } from './command-reply';

describe('toReply', () => {
  const log = { error: jest.fn() } as unknown as Logger & { error: jest.Mock };
  beforeEach(() => log.error.mockClear());

  it('wraps a result as ok', async () => {
    await expect(toReply(log, 'p', async () => ({ id: 1 }))).resolves.toEqual({ ok: true, result: { id: 1 } });
  });

  it('turns a CommandRejected, thrown synchronously or not, into its error without logging', async () => {
    const reject = () => {
      throw new CommandRejected('CONFLICT', 'taken', 'email');
    };

    await expect(toReply(log, 'p', reject)).resolves.toEqual({ ok: false, error: { code: 'CONFLICT', message: 'taken', field: 'email' } });
    await expect(toReply(log, 'p', async () => reject())).resolves.toEqual({ ok: false, error: { code: 'CONFLICT', message: 'taken', field: 'email' } });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('hides any other error behind INTERNAL and logs it server-side', async () => {
    const reply = await toReply(log, 'commands.x', async () => {
      throw new Error('connection terminated');
    });

    expect(reply).toEqual({ ok: false, error: INTERNAL_ERROR });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('commands.x failed: Error: connection terminated'));
  });
});
