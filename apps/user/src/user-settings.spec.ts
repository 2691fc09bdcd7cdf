import { loadUserSettings } from './user-settings';

describe('loadUserSettings', () => {
  it('holds production to tight allowances, and lets development and tests (every client 127.0.0.1) sign up freely', () => {
    expect(loadUserSettings({ NODE_ENV: 'production' })).toEqual({
      loginFailuresPerAddress: 30,
      loginFailuresPerAccount: 10,
      loginWindowMs: 900_000,
      registrationsPerAddress: 10,
      registrationWindowMs: 3_600_000,
    });
    expect(loadUserSettings({})).toMatchObject({ loginFailuresPerAccount: 10 });
    expect(loadUserSettings({ NODE_ENV: 'test' })).toMatchObject({ loginFailuresPerAddress: 1000, registrationsPerAddress: 10_000 });
  });

  it('takes a variable over the default in every mode, and names a bad one', () => {
    expect(loadUserSettings({ NODE_ENV: 'development', LOGIN_FAILURES_PER_ACCOUNT: '3' }).loginFailuresPerAccount).toBe(3);
    expect(() => loadUserSettings({ REGISTRATIONS_PER_ADDRESS: '0' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', variables: ['REGISTRATIONS_PER_ADDRESS'] }));
  });
});
