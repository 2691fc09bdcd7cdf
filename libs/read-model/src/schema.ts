/** The read DB: projections write these tables, the gateway only reads them. */
export const READ_MODEL_SCHEMA = 'read_model';
