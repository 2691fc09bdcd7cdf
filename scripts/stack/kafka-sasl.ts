import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppName } from '../../libs/config/src';
import { KAFKA_APPS, kafkaUserOf } from '../kafka/users';
import { serviceDir } from './paths';

/**
 * The local broker as production runs it: apps connect to a SASL/SCRAM listener, each as its own
 * user, and the broker's authorizer holds them to their ACLs (scripts/kafka/access.ts). Beside it,
 * a PLAINTEXT listener on the loopback address only is the operator's door (super user): the
 * tests, benchmarks and stack tools use it to make topics, read any of them and write ACLs.
 */
export const SASL_PORT = 9095;
export const SASL_MECHANISM = 'scram-sha-512';

export interface KafkaAppCredentials {
  brokers: string[];
  mechanism: typeof SASL_MECHANISM;
  users: Record<AppName, { username: string; password: string }>;
}

/** Written once, when the broker's storage is formatted with these users (mode 600, git-ignored). */
export const credentialsFile = (): string => join(serviceDir('kafka'), 'sasl-users.json');

export const readAppCredentials = (): KafkaAppCredentials | undefined =>
  existsSync(credentialsFile()) ? (JSON.parse(readFileSync(credentialsFile(), 'utf8')) as KafkaAppCredentials) : undefined;

/** New random passwords, one per app (only this machine's broker and files know them). */
export const newAppCredentials = (): KafkaAppCredentials => ({
  brokers: [`127.0.0.1:${SASL_PORT}`],
  mechanism: SASL_MECHANISM,
  users: Object.fromEntries(KAFKA_APPS.map((app) => [app, { username: kafkaUserOf(app), password: randomBytes(18).toString('hex') }])) as KafkaAppCredentials['users'],
});

export const saveAppCredentials = (credentials: KafkaAppCredentials): void =>
  writeFileSync(credentialsFile(), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });

/** `kafka-storage format` arguments that create the users with the broker's first metadata. */
export const scramFormatArgs = (credentials: KafkaAppCredentials): string[] =>
  Object.values(credentials.users).flatMap(({ username, password }) => ['--add-scram', `SCRAM-SHA-512=[name=${username},password=${password}]`]);

/** server.properties lines for the SASL listener and the authorizer (the stack's, not the chaos brokers'). */
export const saslServerProperties = (port: number, saslPort: number, controllerPort: number): string[] => [
  `listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${saslPort},CONTROLLER://127.0.0.1:${controllerPort}`,
  `advertised.listeners=PLAINTEXT://127.0.0.1:${port},SASL_PLAINTEXT://127.0.0.1:${saslPort}`,
  'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
  'inter.broker.listener.name=PLAINTEXT',
  'sasl.enabled.mechanisms=SCRAM-SHA-512',
  // The broker's side of SCRAM needs a login module even though the users live in the metadata.
  'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
  'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  // The loopback door and the controller listener carry no identity: the broker calls them ANONYMOUS.
  'super.users=User:ANONYMOUS',
  'allow.everyone.if.no.acl.found=false',
];
