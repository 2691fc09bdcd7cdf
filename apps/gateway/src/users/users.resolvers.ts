import { GetUserResolver } from './get-user/get-user.resolver';
import { LoginResolver } from './login/login.resolver';
import { LogoutResolver } from './logout/logout.resolver';
import { MeResolver } from './me/me.resolver';
import { RegisterUserResolver } from './register-user/register-user.resolver';

/** Also read by the schema-contract spec, which builds the schema from exactly these. */
export const USER_RESOLVERS = [MeResolver, GetUserResolver, RegisterUserResolver, LoginResolver, LogoutResolver];
