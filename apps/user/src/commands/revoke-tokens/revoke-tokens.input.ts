import { z } from 'zod';
import { parseInput, type RevokeTokensData } from '@app/commands';

const revokeTokensInput = z.object({ userId: z.uuid({ error: 'userId must be a UUID' }) }) satisfies z.ZodType<RevokeTokensData>;

export type RevokeTokensInput = z.output<typeof revokeTokensInput>;

export const parseRevokeTokensInput = (data: unknown): RevokeTokensInput => parseInput(revokeTokensInput, data);
