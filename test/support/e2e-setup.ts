import { loadConfig } from '@app/config';
import { COMMAND_TOPICS } from '@app/commands';
import { EVENT_TOPICS } from '@app/events';
import { ensureTopics } from '@app/messaging';

// End-to-end suites start Nest apps and join Kafka consumer groups: allow minutes, not seconds.
jest.setTimeout(120000);

// The run's topics (in its namespace; see scripts/test.ts), before a suite produces to one that
// no app has created yet. Cheap once they exist: one metadata request.
beforeAll(() => ensureTopics(loadConfig().kafka, [...EVENT_TOPICS, ...COMMAND_TOPICS]));
