import { registerEnumType } from '@nestjs/graphql';

/** API.graphql's `enum Consistency`. */
export const ConsistencyEnum = { EVENTUAL: 'EVENTUAL', PROJECTED: 'PROJECTED' } as const;
export type Consistency = keyof typeof ConsistencyEnum;

registerEnumType(ConsistencyEnum, {
  name: 'Consistency',
  description: 'EVENTUAL returns once the command is stored; PROJECTED also waits until the read model shows it.',
});
