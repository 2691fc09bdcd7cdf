import { CreateInventory1764700000000 } from './1764700000000-create-inventory';

export const INVENTORY_MIGRATIONS = [CreateInventory1764700000000];
