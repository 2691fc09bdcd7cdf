import type { AppName } from '../../libs/config/src';
import { brokers } from '../stack/kafka';
import { readAppCredentials } from '../stack/kafka-sasl';
import { say } from '../stack/log';
import { provisionKafka } from './provision';

/** True when the broker is the local stack's own (it has the apps' users); not with KAFKA_BROKERS set. */
const stackBroker = (): boolean => !process.env.KAFKA_BROKERS && readAppCredentials() !== undefined;

/**
 * The settings that connect `app` to the local stack's SASL listener as its own Kafka user, as
 * production would; none when Kafka is someone else's (KAFKA_BROKERS set: its settings apply).
 */
export const appKafkaEnv = (app: AppName): Record<string, string> => {
  const credentials = stackBroker() ? readAppCredentials() : undefined;
  if (!credentials) return {};
  const { username, password } = credentials.users[app];
  return { KAFKA_BROKERS: credentials.brokers.join(','), KAFKA_SASL_MECHANISM: credentials.mechanism, KAFKA_USERNAME: username, KAFKA_PASSWORD: password };
};

/** This namespace's topics and the apps' ACLs on the local stack's broker, through its operator door. */
export const provisionLocalKafka = async (): Promise<void> => {
  if (!stackBroker()) return;
  const { acls } = await provisionKafka({ brokers: brokers() });
  say('kafka', `topics and ${acls} ACLs of the apps' users in place`);
};
