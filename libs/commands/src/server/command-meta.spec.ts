import { metaOf, parseCommandMessage } from './command-meta';

const message = { commandId: 'cmd-1', correlationId: 'corr-1', issuedBy: null, data: { any: 'thing' } };

describe('parseCommandMessage', () => {
  it('accepts the CommandMessage contract and keeps data untouched', () => {
    expect(parseCommandMessage({ ...message, traceparent: '00-abc-def-01' })).toEqual({ ...message, traceparent: '00-abc-def-01' });
    expect(parseCommandMessage({ ...message, issuedBy: { userId: 'u-1', role: 'ADMIN' } }).issuedBy).toEqual({ userId: 'u-1', role: 'ADMIN' });
  });

  it.each([
    ['commandId', { ...message, commandId: '' }],
    ['commandId', { ...message, commandId: undefined }],
    ['correlationId', { ...message, correlationId: 7 }],
    ['issuedBy', { ...message, issuedBy: undefined }],
    ['issuedBy', { ...message, issuedBy: { userId: 'u-1', role: 'ROOT' } }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it', (field, raw) => {
    expect(() => parseCommandMessage(raw)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });

  it.each([null, 'text', 42])('refuses %p, which is not a message at all', (raw) => {
    expect(() => parseCommandMessage(raw)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'a command message must be an object' }));
  });
});

describe('metaOf', () => {
  it('keeps the ids and a traceparent only when there is one', () => {
    expect(metaOf({ ...message, traceparent: 't' })).toEqual({ commandId: 'cmd-1', correlationId: 'corr-1', traceparent: 't' });
    expect(metaOf(message)).toEqual({ commandId: 'cmd-1', correlationId: 'corr-1' });
  });
});
