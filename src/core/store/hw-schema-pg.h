/* hw-schema-pg.h: Homeward's schema on a PostgreSQL server.
 *
 * The migrations are hw-schema.c's, translated statement by statement
 * (hw_schema_pg_translate()); the few statements with no translation (the
 * triggers) have a hand-written PostgreSQL version here. See "The schema
 * on PostgreSQL" in docs/agency-server.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hw-db.h"

G_BEGIN_DECLS

/**
 * hw_schema_pg_translate:
 * @sql: one of hw_schema_get_migrations(), sqlite's text
 * @error: a %HW_STORE_ERROR_INVALID naming the statement that has no
 *   PostgreSQL version (a new trigger, a sqlite-only function)
 *
 * Returns: (transfer full) (nullable): the same migration for PostgreSQL
 */
char     *hw_schema_pg_translate       (const char  *sql,
                                        GError     **error);

/**
 * hw_schema_pg_migrate:
 * @db: a PostgreSQL connection, no transaction open
 * @error: return location for a %HW_STORE_ERROR
 *
 * Brings @db's schema to hw_schema_get_version() in one transaction (all
 * of it or nothing), under a lock so that two programs starting at once
 * do not both migrate, then (re)creates the undo journal's triggers. A
 * database holding other tables but no Homeward schema is refused
 * (%HW_STORE_ERROR_NOT_HOMEWARD), as is a newer schema
 * (%HW_STORE_ERROR_TOO_NEW); neither is changed.
 */
gboolean  hw_schema_pg_migrate         (HwDb        *db,
                                        GError     **error);

/* the schema version of @db, 0 when it has none yet, -1 on error */
gint64    hw_schema_pg_get_version     (HwDb        *db,
                                        GError     **error);

/* The setting that turns the undo journal on for one connection
 * ("SET homeward.journal = on"): the store's connections journal, psql or
 * pg_dump's do not (as sqlite's TEMP triggers exist only in the store's
 * connection). */
#define HW_SCHEMA_PG_JOURNAL_SETTING "homeward.journal"
/* the channel on which every committed change to a user table or a
 * setting is announced (LISTEN/NOTIFY, docs/agency-server.md) */
#define HW_SCHEMA_PG_CHANNEL "homeward"

G_END_DECLS
