import { registerEnumType } from '@nestjs/graphql';

/** API.graphql's `enum Granularity`: UTC hours or UTC days. */
export const GranularityEnum = { HOUR: 'HOUR', DAY: 'DAY' } as const;
export type Granularity = keyof typeof GranularityEnum;

registerEnumType(GranularityEnum, { name: 'Granularity' });
