-- One PostgreSQL role per app, with rights on its own schemas only (README, Security); the
-- names match SERVICE_ROLES in libs/database/src/service-roles.ts. Run as a superuser against
-- each database the apps use, before they start: idempotent, so `npm start` and `npm test` run it
-- every time (scripts/stack/postgres.ts ensureDatabase) and docker-compose at the first start.
-- Roles are cluster-wide, schemas per database. A schema an earlier version made (when every app
-- connected as the superuser) is handed to its role with everything in it.
-- Logins: no password is set here. Locally the server trusts 127.0.0.1; a deployment sets one
-- per role (ALTER ROLE ... PASSWORD) and gives each app its own DATABASE_URL.
DO $$
DECLARE
  owner_of CONSTANT jsonb := '{
    "commerce_user": ["users"],
    "commerce_order": ["orders"],
    "commerce_payment": ["payments"],
    "commerce_consumers": ["inventory", "read_model", "notifications", "analytics"],
    "commerce_gateway": []
  }';
  role_name text;
  schema_name text;
  object record;
BEGIN
  FOR role_name IN SELECT jsonb_object_keys(owner_of) LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN', role_name);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- made meanwhile by a run on another database of this cluster
      END;
    END IF;
    -- The relay's horizon reads other sessions' backend_xid in pg_stat_activity, which a role
    -- sees only for its own sessions without this: an append made under another login (an
    -- operator's repair) must not be invisible to it. The gateway appends nothing.
    IF role_name <> 'commerce_gateway' THEN
      EXECUTE format('GRANT pg_read_all_stats TO %I', role_name);
    END IF;
    FOR schema_name IN SELECT jsonb_array_elements_text(owner_of -> role_name) LOOP
      EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', schema_name, role_name);
      EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, role_name);
      FOR object IN
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = schema_name AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> role_name
      LOOP
        EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', schema_name, object.relname, role_name);
      END LOOP;
      FOR object IN
        SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = schema_name AND pg_get_userbyid(p.proowner) <> role_name
      LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO %I', object.signature, role_name);
      END LOOP;
    END LOOP;
  END LOOP;

  -- The gateway reads the read models and writes nothing: SELECT on what is there now and on
  -- every table the consumers app creates there later.
  FOREACH schema_name IN ARRAY ARRAY['read_model', 'notifications', 'analytics'] LOOP
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO commerce_gateway', schema_name);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO commerce_gateway', schema_name);
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE commerce_consumers IN SCHEMA %I GRANT SELECT ON TABLES TO commerce_gateway', schema_name);
  END LOOP;
END $$;
