/**
 * Imported first by the scripts that run this system on a developer's machine (`npm start`, `npm
 * run bench`, the isolation check, the contracts snapshot): they ask for development mode by
 * name, since an unset NODE_ENV means production and production has no default secrets. A
 * NODE_ENV already set (test, or production with real secrets) is kept.
 */
process.env.NODE_ENV ||= 'development';
