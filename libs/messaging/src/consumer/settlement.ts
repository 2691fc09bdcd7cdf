/**
 * Messages the runtime has finished with (processed, skipped as duplicates or dead-lettered).
 * The server commits nothing else, whatever Nest's exception filters did with an error.
 * Keyed by kafkajs' message object, which lives exactly as long as one delivery.
 */
const settled = new WeakSet<object>();

export const markSettled = (message: object): void => void settled.add(message);

export const isSettled = (message: object): boolean => settled.has(message);
