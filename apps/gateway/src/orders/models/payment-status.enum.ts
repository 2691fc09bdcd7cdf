import { registerEnumType } from '@nestjs/graphql';
import type { PaymentView } from '@app/read-model';

type PaymentStatus = PaymentView['status'];

/** API.graphql's `enum PaymentStatus`; values equal payment_view.status. */
export const PaymentStatusEnum = { PROCESSED: 'PROCESSED', FAILED: 'FAILED', REFUNDED: 'REFUNDED' } as const satisfies Record<PaymentStatus, PaymentStatus>;

registerEnumType(PaymentStatusEnum, { name: 'PaymentStatus' });
