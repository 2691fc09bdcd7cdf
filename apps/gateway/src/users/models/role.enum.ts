import { registerEnumType } from '@nestjs/graphql';
import type { Role } from '../../auth/principal';

/** API.graphql's `enum Role`; values equal the `Role` strings used everywhere else. */
export const RoleEnum = { CUSTOMER: 'CUSTOMER', ADMIN: 'ADMIN' } as const satisfies Record<Role, Role>;

registerEnumType(RoleEnum, { name: 'Role' });
