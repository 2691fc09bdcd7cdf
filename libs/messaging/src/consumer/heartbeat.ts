/**
 * kafkajs heartbeats only between messages; a handler (or a backoff) longer than the session
 * timeout would get the member thrown out of its group. Ticking often is cheap: kafkajs sends a
 * heartbeat only once its `heartbeatInterval` has elapsed and shares one in-flight request.
 */
export const HEARTBEAT_TICK_MS = 1000;

export const whileHeartbeating = async <T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> => {
  const timer = setInterval(() => void heartbeat(), HEARTBEAT_TICK_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
};
