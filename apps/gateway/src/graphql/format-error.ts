import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApiError, type ApiErrorCode, isApiErrorCode } from '../errors/api-error';

const GENERIC_MESSAGE = 'Internal server error';

/** Apollo's and graphql-js' codes for a request the client got wrong: all BAD_USER_INPUT to clients. */
const INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/** Nest's HTTP exceptions (thrown by pipes or guards) by status. */
const HTTP_CODES: Record<number, ApiErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  503: 'UNAVAILABLE',
};

const logger = new Logger('GraphQLErrors');

/**
 * The one place errors are shaped for clients: a code from API.graphql's list, `field` when one
 * input is at fault, and nothing else; no stack, no exception, no SQL. Anything not known to be
 * safe becomes INTERNAL with a generic message, and the real error is logged here.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { locations: formatted.locations, path: formatted.path };

  if (original instanceof ApiError) {
    if (original.code === 'INTERNAL') return internal(where, original);
    return { message: original.message, ...where, extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) } };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return { message: original.message, ...where, extensions: { code: HTTP_CODES[original.getStatus()] } };
  }
  const code = formatted.extensions?.code;
  // Only errors raised by the GraphQL layer itself (parse, validation, our limits) keep their
  // message: those describe the request, never the server's internals.
  if (original instanceof GraphQLError) {
    if (typeof code === 'string' && INPUT_CODES.has(code)) return { message: formatted.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
    if (isApiErrorCode(code) && code !== 'INTERNAL') return { message: formatted.message, ...where, extensions: { code } };
  }
  return internal(where, original);
}

function internal(where: Pick<GraphQLFormattedError, 'locations' | 'path'>, original: unknown): GraphQLFormattedError {
  const cause = original instanceof GraphQLError && original.originalError ? original.originalError : original;
  logger.error(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  return { message: GENERIC_MESSAGE, ...where, extensions: { code: 'INTERNAL' } };
}
