/**
 * The From of every mail. A constant for now (libs/config stays as it is); a later issue may make
 * it configurable per environment.
 */
export const MAIL_FROM = { name: 'Event Shop', address: 'shop@example.com' };
