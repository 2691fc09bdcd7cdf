import type { estypes } from '@elastic/elasticsearch';

/** A user as indexed. `registeredAt` is the ISO time of the UserRegistered event. */
export interface UserDocument {
  id: string;
  email: string;
  name: string;
  role: 'CUSTOMER' | 'ADMIN';
  registeredAt: string;
}

/**
 * Explicit and strict: a field we did not plan for is an error, not a guess of ES's. Email is
 * exact-match first (keyword), with a text subfield to search by its parts; name the other way
 * round (full-text, with a keyword subfield to sort and aggregate on).
 */
export const USERS_INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'keyword' },
    email: { type: 'keyword', fields: { text: { type: 'text' } } },
    name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    role: { type: 'keyword' },
    registeredAt: { type: 'date' },
  },
};
