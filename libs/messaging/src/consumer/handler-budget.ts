import { HandlerTimeoutError } from './errors';

/**
 * `work`, or a HandlerTimeoutError once `budgetMs` has passed. The abandoned work is not awaited
 * (its transaction is rolled back under it); its late failure, if any, is swallowed, not left to
 * crash the process as an unhandled rejection.
 */
export const withinBudget = async <T>(work: Promise<T>, budgetMs: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeoutError(budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([work, expired]);
  } catch (error) {
    if (error instanceof HandlerTimeoutError) work.catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
};
