export type Role = 'CUSTOMER' | 'ADMIN';

/** Who is calling, as the verified token says. */
export interface Principal {
  userId: string;
  role: Role;
  email: string;
}

/** The user a token is issued for. */
export interface TokenSubject {
  id: string;
  role: Role;
  email: string;
}
