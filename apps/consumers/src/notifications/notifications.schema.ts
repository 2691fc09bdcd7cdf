/** The notifications consumer's own tables: recipients and the delivery log. */
export const NOTIFICATIONS_SCHEMA = 'notifications';

/** NOTIFYed (at commit) whenever deliveries are recorded, so the MailDispatcher need not poll tightly. */
export const DELIVERY_RECORDED_CHANNEL = 'notifications_delivery_recorded';
