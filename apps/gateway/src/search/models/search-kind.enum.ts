import { registerEnumType } from '@nestjs/graphql';

/** API.graphql's `enum SearchKind`. */
export const SearchKindEnum = { PRODUCT: 'PRODUCT', ORDER: 'ORDER', USER: 'USER' } as const;
export type SearchKind = keyof typeof SearchKindEnum;

registerEnumType(SearchKindEnum, { name: 'SearchKind' });
