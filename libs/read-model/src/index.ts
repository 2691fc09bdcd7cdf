import { UserView } from './entities/user-view.entity';
import { CreateUserView1764300000000 } from './migrations/1764300000000-create-user-view';

export * from './schema';
export { UserView };

/** Read-model tables, created by the app that owns the projections (consumers). */
export const READ_MODEL_MIGRATIONS = [CreateUserView1764300000000];
export const READ_MODEL_ENTITIES = [UserView];
