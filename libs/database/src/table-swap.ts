import type { ClientBase } from 'pg';

/** A successor table's name: `<table>__next` beside the live one, in the same schema. */
export const successorOf = (table: string) => `${table}__next`;
const retired = (table: string) => `${table}__old`;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Indexes of a table: constraint-backed ones (primary key, unique) are made with their constraint. */
const indexesOf = async (db: ClientBase, schema: string, table: string) =>
  (
    await db.query<{ name: string; def: string; constraint: string | null; condef: string | null }>(
      `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def, c.conname AS constraint, pg_get_constraintdef(c.oid) AS condef
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = t.oid
       WHERE n.nspname = $1 AND t.relname = $2 ORDER BY i.relname`,
      [schema, table],
    )
  ).rows;

/**
 * Creates an empty successor of each table (`<table>__next`): the same columns, defaults, checks
 * and indexes (named `<index>__next`), no rows and no triggers yet (a bulk load should not fire
 * the live table's change announcements). A successor left by an interrupted rebuild is dropped
 * first. Run as the live tables' owner, so the successors get its default privileges too.
 */
export const createSuccessors = async (db: ClientBase, schema: string, tables: readonly string[]): Promise<void> => {
  for (const table of tables) {
    const [live, next] = [`${q(schema)}.${q(table)}`, `${q(schema)}.${q(successorOf(table))}`];
    await db.query(`DROP TABLE IF EXISTS ${next}`);
    await db.query(`CREATE TABLE ${next} (LIKE ${live} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING STORAGE INCLUDING COMMENTS)`);
    for (const index of await indexesOf(db, schema, table)) {
      const name = q(successorOf(index.name));
      if (index.constraint) {
        await db.query(`ALTER TABLE ${next} ADD CONSTRAINT ${name} ${index.condef}`);
      } else {
        // pg_get_indexdef: "CREATE [UNIQUE] INDEX <name> ON <schema>.<table> USING ...".
        const rest = index.def.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '');
        await db.query(`CREATE ${index.def.startsWith('CREATE UNIQUE') ? 'UNIQUE ' : ''}INDEX ${name} ON ${next} ${rest}`);
      }
    }
  }
};

export const dropSuccessors = async (db: ClientBase, schema: string, tables: readonly string[]): Promise<void> => {
  for (const table of tables) await db.query(`DROP TABLE IF EXISTS ${q(schema)}.${q(successorOf(table))}`);
};

/**
 * Locks the live tables against every reader and writer until the caller's transaction ends, in
 * the order given (every swap locks in the same order). A statement waiting meanwhile resumes on
 * the successor after the commit: PostgreSQL resolves a name again once it holds the lock, and
 * re-plans prepared statements whose tables changed.
 */
export const lockLiveTables = (db: ClientBase, schema: string, tables: readonly string[]) =>
  db.query(`LOCK TABLE ${tables.map((t) => `${q(schema)}.${q(t)}`).join(', ')} IN ACCESS EXCLUSIVE MODE`);

/**
 * Inside the caller's transaction, after lockLiveTables: each successor takes its table's name,
 * triggers, grants and owner. The old tables keep existing (as `<table>__old`) until
 * dropRetired, so the caller can still write into the new ones before it commits.
 */
export const swapInSuccessors = async (db: ClientBase, schema: string, tables: readonly string[]): Promise<void> => {
  for (const table of tables) {
    const [live, next] = [`${q(schema)}.${q(table)}`, `${q(schema)}.${q(successorOf(table))}`];
    const { rows: triggers } = await db.query<{ def: string }>(
      `SELECT pg_get_triggerdef(g.oid) AS def FROM pg_trigger g WHERE g.tgrelid = $1::regclass AND NOT g.tgisinternal`,
      [live],
    );
    const { rows: grants } = await db.query<{ grantee: string; privilege: string }>(
      `SELECT grantee, privilege_type AS privilege FROM information_schema.role_table_grants
       WHERE table_schema = $1 AND table_name = $2 AND grantee <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = $3::regclass)`,
      [schema, table, live],
    );
    const { rows: owner } = await db.query<{ name: string }>(`SELECT pg_get_userbyid(relowner) AS name FROM pg_class WHERE oid = $1::regclass`, [live]);
    await db.query(`ALTER TABLE ${live} RENAME TO ${q(retired(table))}`);
    await db.query(`ALTER TABLE ${next} RENAME TO ${q(table)}`);
    await db.query(`ALTER TABLE ${live} OWNER TO ${q(owner[0].name)}`);
    for (const { grantee, privilege } of grants) await db.query(`GRANT ${privilege} ON ${live} TO ${q(grantee)}`);
    // The definitions name the table as it was; it is the new table's name now.
    for (const { def } of triggers) await db.query(def);
  }
};

/** Inside the swap's transaction, last: drops the old tables and gives their index names to the new ones. */
export const dropRetired = async (db: ClientBase, schema: string, tables: readonly string[]): Promise<void> => {
  for (const table of tables) {
    await db.query(`DROP TABLE ${q(schema)}.${q(retired(table))}`);
    for (const index of await indexesOf(db, schema, table)) {
      if (index.name.endsWith('__next')) await db.query(`ALTER INDEX ${q(schema)}.${q(index.name)} RENAME TO ${q(index.name.slice(0, -'__next'.length))}`);
    }
  }
};
