const MAX_LENGTH = 500;

/**
 * An error as stored in `deliveries.last_error` and logged: its code and message, bounded, with
 * any `user:password@` of a URL masked (SMTP_URL may carry credentials, and an error may quote it).
 */
export const safeErrorText = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = [typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : String(error)].filter(Boolean).join(': ');
  return text.replace(/\/\/[^/\s@]*@/g, '//***@').slice(0, MAX_LENGTH);
};
