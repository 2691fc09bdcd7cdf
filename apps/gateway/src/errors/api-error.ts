import { IntrinsicException } from '@nestjs/common';

/** The error codes API.graphql promises; clients branch on these, never on messages. */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const isApiErrorCode = (code: unknown): code is ApiErrorCode =>
  typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code);

/**
 * A refusal the client may see as is: handlers throw it, and the GraphQL error formatter is the
 * one place that turns it into `{ message, extensions: { code, field? } }`. Intrinsic, so Nest
 * does not log an expected refusal as an error with its stack.
 */
export class ApiError extends IntrinsicException {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
