/** The read DB: projections write these tables, the gateway only reads them. */
export const READ_MODEL_SCHEMA = 'read_model';

/** NOTIFY channel of committed view changes; each payload is `<table>:<key>` (see readModelChangeKey). */
export const READ_MODEL_CHANGES_CHANNEL = 'read_model_changes';

export type AnnouncedView = 'user_view' | 'order_view' | 'product_view';

export const readModelChangeKey = (view: AnnouncedView, key: string): string => `${view}:${key}`;
