-- tools/pg-roles.sql: who sees what on an agency's Homeward server (issue 17).
--
-- Run by a superuser on the Homeward database, after Homeward has made
-- its tables there (any command once, e.g. `homeward list --database
-- postgresql://postgres@server/homeward`), and again after every upgrade
-- of Homeward (it is safe to run any number of times):
--
--   psql -v ON_ERROR_STOP=1 -d homeward -f tools/pg-roles.sql
--
-- It makes, in the database's current schema (search_path):
--   - the group roles (NOLOGIN): homeward_owner owns the tables and
--     nobody signs in as it; homeward_caseworker reads and writes the
--     families of their teams; homeward_supervisor reads and writes all
--     families; homeward_readonly reads the families of their teams;
--   - the table team_members (team_id, role_name): who is in which team
--     (the teams themselves are Homeward's table `teams`);
--   - row-level security on every table of a family: a row is seen and
--     changed only through its case (child tables through their parent),
--     a case only by a member of its team or a supervisor; a new case
--     gets its creator's first team (the column's default) and cannot be
--     given a team one is not in;
--   - the audit trail: hw_audit.author is the signed-in role
--     (DEFAULT session_user), nobody can write another name, and nobody
--     can change or delete a row of it; a caseworker reads their own
--     rows, a supervisor all;
--   - the settings: a person's own (the screen-lock passphrase, kept as
--     "person/ROLE/…") only theirs to read and write; the agency's (undo
--     bounds, school hours) read by all, changed by a supervisor;
--   - the undo journal (hw_history, hw_undo_log, hw_row_chain): each
--     person reads and writes only their own steps, lines and chains
--     (author = session_user), a supervisor too: the lines hold the old
--     contents of the rows. hw_undo_log gets a column author (PostgreSQL
--     only, DEFAULT session_user), filled for the lines already there
--     from their steps; lines and steps from before undo had authors
--     ('') are seen by nobody but the owner;
--   - homeward_sequence_past(tbl, row_id): moves a table's id sequence
--     past a row put back with its own id (an undone delete, an import
--     keeping its ids), only forward and only to a row that is there; the
--     sequences themselves are not the roles' to set (no UPDATE on them:
--     a setval() back would make everyone's next new row fail);
--   - homeward_changed_by(tbl, row_id): who else last changed a row one
--     has changed oneself (the name only), for undo's refusal "bob
--     changed this after you" when bob's audit rows are not one's to read.
--
-- Then, per person (docs/agency-server.md, "Setting up an agency's server"):
--   CREATE ROLE alice LOGIN PASSWORD '…';
--   GRANT homeward_caseworker TO alice;
--   INSERT INTO teams (name) VALUES ('North office');
--   INSERT INTO team_members VALUES ((SELECT id FROM teams WHERE name = 'North office'), 'alice');
--
-- SPDX-License-Identifier: GPL-3.0-or-later

\set ON_ERROR_STOP on
BEGIN;
-- the functions below call each other in any order of creation
SET LOCAL check_function_bodies = off;
SET LOCAL client_min_messages = warning;

DO $$
BEGIN
  IF to_regclass('cases') IS NULL OR to_regclass('hw_schema_version') IS NULL THEN
    RAISE EXCEPTION 'Homeward has not made its tables in this database (schema %) yet: '
                    'open it once with Homeward as a superuser, then run this again',
                    current_schema();
  END IF;
  IF to_regclass('teams') IS NULL THEN
    RAISE EXCEPTION 'The tables here were made by an older Homeward, without teams: '
                    'open the database once with this version of Homeward, then run this again';
  END IF;
END $$;

-- The group roles (a cluster's roles are shared by its databases).
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['homeward_owner', 'homeward_caseworker',
                           'homeward_supervisor', 'homeward_readonly'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END $$;

CREATE TABLE IF NOT EXISTS team_members (
  team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role_name TEXT NOT NULL CHECK (length(trim(role_name)) > 0),
  PRIMARY KEY (team_id, role_name)
);

-- Everything Homeward made, and this script, belongs to homeward_owner.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('ALTER TABLE %I OWNER TO homeward_owner', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
           WHERE p.pronamespace = current_schema()::regnamespace
             AND (p.proname LIKE 'hw\_%' OR p.proname LIKE 'homeward\_%') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO homeward_owner', r.f);
  END LOOP;
END $$;

-- Whether the signed-in person may see a team's cases (NULL: no team,
-- only supervisors). session_user, not current_user: inside these
-- SECURITY DEFINER functions current_user is their owner.
DO $$
DECLARE s text := quote_ident(current_schema());
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION homeward_team_allowed(team bigint) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$s, pg_temp AS $b$
        SELECT pg_has_role(session_user, 'homeward_supervisor', 'USAGE')
            OR EXISTS (SELECT 1 FROM team_members m
                       WHERE m.team_id = team AND m.role_name = session_user)
      $b$;
    CREATE OR REPLACE FUNCTION homeward_my_team() RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$s, pg_temp AS $b$
        SELECT min(team_id) FROM team_members WHERE role_name = session_user
      $b$;
    -- NULL when there is no such case (yet): see the policies below
    CREATE OR REPLACE FUNCTION homeward_case_visible(case_id bigint) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$s, pg_temp AS $b$
        SELECT homeward_team_allowed(c.team_id) FROM cases c WHERE c.id = case_id
      $b$;
  $f$, s);
END $$;
ALTER FUNCTION homeward_team_allowed(bigint) OWNER TO homeward_owner;
ALTER FUNCTION homeward_my_team() OWNER TO homeward_owner;
ALTER FUNCTION homeward_case_visible(bigint) OWNER TO homeward_owner;
REVOKE ALL ON FUNCTION homeward_team_allowed(bigint), homeward_my_team(),
  homeward_case_visible(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward_team_allowed(bigint), homeward_my_team(),
  homeward_case_visible(bigint)
  TO homeward_caseworker, homeward_supervisor, homeward_readonly;

ALTER TABLE cases ALTER COLUMN team_id SET DEFAULT homeward_my_team();

-- Row-level security on every table of a family. A table with case_id
-- goes through its case; one without, through its first NOT NULL foreign
-- key (meeting_items.meeting_id → meetings, tasks.goal_id → goals → needs
-- → cases). Each table gets homeward_visible_<table>(id), owned by
-- homeward_owner (who is not subject to the policies), which its children
-- call. A row is seen (USING) and written (WITH CHECK) unless its case is
-- another team's: a parent not there yet is allowed, as undo puts a
-- deleted meeting's items back before the meeting itself (and Homeward's
-- INSERTs have RETURNING id, which applies USING to the new row too); the
-- foreign keys (checked at COMMIT) refuse a parent that never comes, so
-- a row without its parent is only ever seen inside its own transaction. Tables are not FORCEd: their owner is
-- homeward_owner, whom nobody signs in as, and the functions above must
-- read past the policies.
DO $$
DECLARE
  s text := quote_ident(current_schema());
  t record;
  parent record;
  expr text;
  names text[] := '{}';
  exprs text[] := '{}';
BEGIN
  FOR t IN SELECT c.relname AS name, c.oid FROM pg_class c
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
             AND c.relname NOT LIKE 'hw\_%'
             AND c.relname NOT IN ('teams', 'team_members')
           ORDER BY c.relname LOOP
    IF t.name = 'cases' THEN
      expr := NULL;
    ELSIF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = t.oid AND attname = 'case_id'
                  AND NOT attisdropped) THEN
      expr := 'homeward_case_visible(case_id)';
    ELSE
      SELECT a.attname AS col, r.relname AS tbl INTO parent
        FROM pg_constraint k
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
        JOIN pg_class r ON r.oid = k.confrelid
        WHERE k.conrelid = t.oid AND k.contype = 'f' AND array_length(k.conkey, 1) = 1
          AND a.attnotnull AND r.relname <> t.name
        ORDER BY a.attnum LIMIT 1;
      IF NOT FOUND THEN
        RAISE WARNING 'Table % has neither case_id nor a parent: no role can see its rows', t.name;
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
        CONTINUE;
      END IF;
      expr := format('homeward_visible_%s(%I)', parent.tbl, parent.col);
    END IF;

    EXECUTE format($f$
      CREATE OR REPLACE FUNCTION %1$I(row_id bigint) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %2$s, pg_temp AS $b$
          SELECT %3$s FROM %4$I WHERE id = row_id
        $b$;
      ALTER FUNCTION %1$I(bigint) OWNER TO homeward_owner;
      REVOKE ALL ON FUNCTION %1$I(bigint) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION %1$I(bigint)
        TO homeward_caseworker, homeward_supervisor, homeward_readonly;
      $f$, 'homeward_visible_' || t.name, s,
      CASE WHEN t.name = 'cases' THEN 'homeward_team_allowed(team_id)' ELSE expr END, t.name);

    names := names || t.name::text;
    exprs := exprs || expr;
  END LOOP;

  -- the policies once every function is there
  FOR i IN 1 .. coalesce(array_length(names, 1), 0) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', names[i]);
    EXECUTE format('DROP POLICY IF EXISTS homeward_by_team ON %I', names[i]);
    IF names[i] = 'cases' THEN
      EXECUTE 'CREATE POLICY homeward_by_team ON cases'
              ' USING (homeward_team_allowed(team_id) IS TRUE)'
              ' WITH CHECK (homeward_team_allowed(team_id) IS TRUE)';
    ELSE
      EXECUTE format('CREATE POLICY homeward_by_team ON %I USING (%s IS NOT FALSE) WITH CHECK (%s IS NOT FALSE)',
                     names[i], exprs[i], exprs[i]);
    END IF;
  END LOOP;
END $$;

-- The audit trail: the signed-in role, no other name; never changed.
ALTER TABLE hw_audit ALTER COLUMN author SET DEFAULT session_user;
ALTER TABLE hw_audit ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS homeward_read ON hw_audit;
DROP POLICY IF EXISTS homeward_write ON hw_audit;
CREATE POLICY homeward_read ON hw_audit FOR SELECT
  USING (author = session_user OR pg_has_role(session_user, 'homeward_supervisor', 'USAGE'));
CREATE POLICY homeward_write ON hw_audit FOR INSERT
  WITH CHECK (author = session_user);

-- The undo journal: one's own steps only. Undo reads a step's lines by
-- their range of seq; other people's lines in that range (two edits at
-- once) are simply not there for it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'hw_undo_log'::regclass
                 AND attname = 'author' AND NOT attisdropped) THEN
    ALTER TABLE hw_undo_log ADD COLUMN author TEXT;
    UPDATE hw_undo_log l SET author = h.author FROM hw_history h
      WHERE l.seq BETWEEN h.first_seq AND h.last_seq;
    UPDATE hw_undo_log SET author = '' WHERE author IS NULL;
    ALTER TABLE hw_undo_log ALTER COLUMN author SET NOT NULL;
  END IF;
END $$;
ALTER TABLE hw_undo_log ALTER COLUMN author SET DEFAULT session_user;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['hw_history', 'hw_undo_log', 'hw_row_chain'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS homeward_own ON %I', t);
    EXECUTE format('CREATE POLICY homeward_own ON %I'
                   ' USING (author = session_user) WITH CHECK (author = session_user)', t);
  END LOOP;
END $$;

-- Who else last changed a row: only the name, and only of a row the
-- signed-in person has changed themselves (their chain on it), so that it
-- tells nothing of rows they never had.
DO $$
DECLARE s text := quote_ident(current_schema());
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION homeward_changed_by(tbl text, row_id bigint) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %1$s, pg_temp AS $b$
        SELECT a.author FROM hw_audit a
        WHERE a.tbl = $1 AND a.row_id = $2 AND a.author <> session_user
          AND EXISTS (SELECT 1 FROM hw_row_chain c
                      WHERE c.tbl = $1 AND c.row_id = $2 AND c.author = session_user)
        ORDER BY a.id DESC LIMIT 1
      $b$;
  $f$, s);
END $$;
ALTER FUNCTION homeward_changed_by(text, bigint) OWNER TO homeward_owner;
REVOKE ALL ON FUNCTION homeward_changed_by(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward_changed_by(text, bigint)
  TO homeward_caseworker, homeward_supervisor, homeward_readonly;

-- A row put back with its id (an undone delete, an import keeping ids)
-- does not move its table's identity sequence; this moves it past the
-- row, never back, and only for a row of Homeward's that is there.
DO $$
DECLARE s text := quote_ident(current_schema());
BEGIN
  EXECUTE format($f$
    CREATE OR REPLACE FUNCTION homeward_sequence_past(tbl text, row_id bigint) RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = %1$s, pg_temp AS $b$
      DECLARE
        seq text;
        there boolean;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_tables
                       WHERE schemaname = current_schema() AND tablename = tbl) THEN
          RETURN;
        END IF;
        seq := pg_get_serial_sequence(quote_ident(tbl), 'id');
        IF seq IS NULL THEN
          RETURN;
        END IF;
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %%I WHERE id = $1)', tbl) INTO there USING row_id;
        IF there AND EXISTS (SELECT 1 FROM pg_sequences
                             WHERE schemaname || '.' || sequencename = seq
                               AND coalesce(last_value, 0) < row_id) THEN
          PERFORM setval(seq, row_id);
        END IF;
      END
      $b$;
  $f$, s);
END $$;
ALTER FUNCTION homeward_sequence_past(text, bigint) OWNER TO homeward_owner;
REVOKE ALL ON FUNCTION homeward_sequence_past(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION homeward_sequence_past(text, bigint)
  TO homeward_caseworker, homeward_supervisor;

-- The settings: "person/ROLE/KEY" is one person's own (the screen-lock
-- passphrase's hash: hw_store_set_own_setting()), read and written by
-- that role only; every other key is the agency's (the undo history's
-- bounds, the school hours of family time): everyone reads them, only a
-- supervisor changes them (a caseworker is told "You may not change this
-- on the database server").
ALTER TABLE hw_settings ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS homeward_read ON hw_settings;
DROP POLICY IF EXISTS homeward_insert ON hw_settings;
DROP POLICY IF EXISTS homeward_update ON hw_settings;
DROP POLICY IF EXISTS homeward_delete ON hw_settings;
CREATE OR REPLACE FUNCTION homeward_setting_readable(setting_key text) RETURNS boolean
  LANGUAGE sql STABLE AS $f$
    SELECT NOT starts_with(setting_key, 'person/')
        OR starts_with(setting_key, 'person/' || session_user || '/')
  $f$;
CREATE OR REPLACE FUNCTION homeward_setting_writable(setting_key text) RETURNS boolean
  LANGUAGE sql STABLE AS $f$
    SELECT starts_with(setting_key, 'person/' || session_user || '/')
        OR (NOT starts_with(setting_key, 'person/')
            AND pg_has_role(session_user, 'homeward_supervisor', 'USAGE'))
  $f$;
-- a passphrase kept before it was each person's was everyone's: gone,
-- each person sets their own again
DELETE FROM hw_settings WHERE key = 'lock-passphrase-hash';
CREATE POLICY homeward_read ON hw_settings FOR SELECT
  USING (homeward_setting_readable(key));
CREATE POLICY homeward_insert ON hw_settings FOR INSERT
  WITH CHECK (homeward_setting_writable(key));
CREATE POLICY homeward_update ON hw_settings FOR UPDATE
  USING (homeward_setting_writable(key)) WITH CHECK (homeward_setting_writable(key));
CREATE POLICY homeward_delete ON hw_settings FOR DELETE
  USING (homeward_setting_writable(key));

-- Grants.
DO $$
DECLARE
  s text := quote_ident(current_schema());
  t record;
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO homeward_caseworker, homeward_supervisor, homeward_readonly', s);
  EXECUTE format('REVOKE CREATE ON SCHEMA %s FROM homeward_caseworker, homeward_supervisor, homeward_readonly', s);
  FOR t IN SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE format('REVOKE ALL ON TABLE %I FROM homeward_caseworker, homeward_supervisor, homeward_readonly',
                   t.name);
    EXECUTE format('GRANT SELECT ON TABLE %I TO homeward_caseworker, homeward_supervisor, homeward_readonly',
                   t.name);
    IF t.name = 'hw_audit' THEN
      EXECUTE 'GRANT INSERT ON TABLE hw_audit TO homeward_caseworker, homeward_supervisor';
    ELSIF t.name IN ('teams', 'team_members', 'hw_schema_version') THEN
      NULL;   -- the agency's administrator's
    ELSE
      -- the families' tables, the undo journal, the settings
      EXECUTE format('GRANT INSERT, UPDATE, DELETE ON TABLE %I TO homeward_caseworker, homeward_supervisor',
                     t.name);
    END IF;
  END LOOP;
  -- no UPDATE: setval() is homeward_sequence_past()'s, forward only
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %s FROM homeward_caseworker, homeward_supervisor, homeward_readonly',
                 s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO homeward_caseworker, homeward_supervisor',
                 s);
END $$;

COMMIT;
