import { Kafka, logLevel } from 'kafkajs';
import { POISON_HEADER } from '../oracle/kafka-view';
import { midLoad } from './owned';
import { poisonMessage, POISON_KINDS } from './poison';
import { type Scenario, standardPlan } from './scenario';

/** Every kind twice: once early in the load, once later. */
const COUNT = POISON_KINDS.length * 2;

export const F5: Scenario = {
  id: 'F5',
  title: 'poison messages amid good ones',
  needsOwnedInfra: false,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    const producer = new Kafka({ clientId: `${ctx.state.namespace}.chaos-poison`, brokers: ctx.state.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    try {
      await traffic.ordersDone(5);
      for (let n = 0; n < COUNT; n++) {
        const late = midLoad(traffic);
        if (late) record.problems.push(`poison ${n + 1}: ${late}`);
        const message = poisonMessage(n);
        const topic = `${ctx.state.namespace}.${message.topic}.events`;
        await producer.send({ topic, acks: -1, messages: [{ key: message.key, value: message.value, headers: message.headers }] });
        record.poison.push({ id: String(message.headers[POISON_HEADER]), topic, kind: message.kind });
        // Spread over the load, so good events come before and after each one in its partition.
        await traffic.ordersDone(traffic.done + 2, 120_000);
      }
    } finally {
      await producer.disconnect();
    }
    ctx.log(`${COUNT} poison messages injected`);
    record.notes.push(`${COUNT} poison messages (${POISON_KINDS.length} kinds) on users, orders, payments and inventory`);
  },
};
