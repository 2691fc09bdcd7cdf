/** The warehouse: fact tables and their daily rollups, queried by the gateway's reports. */
export const ANALYTICS_SCHEMA = 'analytics';
