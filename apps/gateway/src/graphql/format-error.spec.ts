import { ForbiddenException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ApiError } from '../errors/api-error';
import { formatGraphQLError } from './format-error';

// What Apollo hands formatError for an error thrown by a resolver at `path`.
const fromResolver = (error: Error) => {
  const wrapped = new GraphQLError(error.message, { path: ['me'], originalError: error });
  return formatGraphQLError({ message: error.message, path: ['me'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] } }, wrapped);
};

describe('formatGraphQLError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('keeps an ApiError message and code, with the field when one is at fault', () => {
    expect(fromResolver(new ApiError('BAD_USER_INPUT', 'email is taken', 'email'))).toEqual({
      message: 'email is taken',
      path: ['me'],
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
  });

  it('hides anything unknown behind INTERNAL and a generic message', () => {
    const formatted = fromResolver(new Error('relation "read_model.user_view" does not exist at db-7.internal:5432'));

    expect(formatted).toEqual({ message: 'Internal server error', path: ['me'], extensions: { code: 'INTERNAL' } });
  });

  it('hides the message of an INTERNAL ApiError too', () => {
    expect(fromResolver(new ApiError('INTERNAL', 'user service: null pointer')).message).toBe('Internal server error');
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(fromResolver(new ForbiddenException()).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('normalises GraphQL validation and parse failures to BAD_USER_INPUT, keeping the message', () => {
    const validation = new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

    expect(formatGraphQLError({ message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, validation)).toEqual({
      message: validation.message,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
