import { F1 } from './f1-kafka-kill';
import { F10 } from './f10-lost-payment-reply';
import { F2 } from './f2-consumers-kill';
import { F3 } from './f3-postgres-refuses';
import { F4 } from './f4-postgres-kill';
import { F5 } from './f5-poison';
import { F6 } from './f6-late-commit';
import { F7 } from './f7-sixteen-writers';
import { F8 } from './f8-elasticsearch-kill';
import { F9 } from './f9-replicas';
import type { Scenario } from './scenario';

/** In the order; F10 last, since it runs the order and payment apps with settings of its own. */
export const SCENARIOS: readonly Scenario[] = [F1, F2, F3, F4, F5, F6, F7, F8, F9, F10];
