import { ConsumerRuntimeModule } from '@app/messaging';
import { EVENT_REGISTRY } from '@app/events';

/**
 * The one ConsumerRuntime of this app. ConsumerRuntimeModule is not global, so every consumer
 * module imports this same dynamic module object, which Nest instantiates once.
 */
export const CONSUMER_RUNTIME = ConsumerRuntimeModule.forRoot({ registry: EVENT_REGISTRY });
