import type { AppName } from '../../libs/config/src';

/** The apps that talk to Kafka, each as its own user. */
export const KAFKA_APPS: readonly AppName[] = ['gateway', 'order', 'user', 'payment', 'consumers'];

/** Default user names; production may pick others (README, Security) and pass them to provisioning. */
export const kafkaUserOf = (app: AppName): string => `commerce-${app}`;
