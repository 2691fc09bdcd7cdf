import { Kafka, logLevel } from 'kafkajs';
import { COMMAND_TOPICS } from '../../libs/commands/src';
import type { AppName, KafkaConnection } from '../../libs/config/src';
import { NAMESPACE } from '../../libs/config/src/namespace';
import { EVENT_TOPICS } from '../../libs/events/src';
import { ensureTopics } from '../../libs/messaging/src/ensure-topics';
import { aclsOf } from './access';
import { deleteAcls, namespaceAcls, sameAcl } from './acl-admin';
import { KAFKA_APPS, kafkaUserOf } from './users';

/**
 * Makes this namespace's shared topics (events, commands, replies) with their settings, then
 * gives each app's user exactly the ACLs of scripts/kafka/access.ts: grants what is missing and
 * revokes what an older version granted. Idempotent; run as a super user of the broker, before
 * the apps start (npm start and the test harness do; docker-compose runs it as `kafka-setup`).
 */
export const provisionKafka = async (admin: KafkaConnection, users: Partial<Record<AppName, string>> = {}): Promise<{ acls: number }> => {
  await ensureTopics(admin, [...EVENT_TOPICS, ...COMMAND_TOPICS]);
  const client = new Kafka({ clientId: `${NAMESPACE}.kafka-provision`, ...admin, logLevel: logLevel.NOTHING }).admin();
  await client.connect();
  try {
    const wanted = KAFKA_APPS.flatMap((app) => aclsOf(app, users[app] ?? kafkaUserOf(app)));
    for (const app of KAFKA_APPS) {
      const held = await namespaceAcls(client, NAMESPACE, `User:${users[app] ?? kafkaUserOf(app)}`);
      await deleteAcls(client, held.filter((acl) => !wanted.some((w) => sameAcl(w, acl))));
    }
    await client.createAcls({ acl: wanted });
    return { acls: wanted.length };
  } finally {
    await client.disconnect();
  }
};
