export * from './command-security';
export * from './command-signature';
export * from './sealed-field';
