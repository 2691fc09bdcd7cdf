/**
 * `npm run kafka:provision`: this namespace's topics, and each app's Kafka user held to its ACLs
 * (scripts/kafka/access.ts), on any broker. Run it as a super user of the broker, with the
 * settings the apps take (KAFKA_BROKERS, KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD,
 * KAFKA_TLS) and the environment's COMMERCE_NAMESPACE; KAFKA_USER_<APP> (e.g. KAFKA_USER_ORDER)
 * names an app's user when it is not `commerce-<app>`. docker-compose runs it as `kafka-setup`.
 * Creating the users themselves is the broker's business (kafka-configs, or kafka-storage format
 * --add-scram as infra/kafka/start.sh does): Kafka's admin API for it is not in kafkajs.
 */
import { loadConfig, type AppName } from '../../libs/config/src';
import { NAMESPACE } from '../../libs/config/src/namespace';
import { provisionKafka } from './provision';
import { KAFKA_APPS, kafkaUserOf } from './users';

const main = async (): Promise<void> => {
  // Only the Kafka settings are read; the apps' secrets play no part here, so their development
  // defaults stand in for them (NODE_ENV=development) instead of being asked for.
  const { kafka } = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const users = Object.fromEntries(KAFKA_APPS.map((app) => [app, process.env[`KAFKA_USER_${app.toUpperCase()}`] || kafkaUserOf(app)])) as Record<AppName, string>;
  console.log(`[kafka:provision] namespace ${NAMESPACE} on ${kafka.brokers.join(',')} as ${kafka.sasl?.username ?? 'an unauthenticated client'}`);
  const { acls } = await provisionKafka(kafka, users);
  console.log(`[kafka:provision] topics in place; ${acls} ACLs for ${Object.values(users).join(', ')}`);
};

main().catch((error) => {
  console.error(`[kafka:provision] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
