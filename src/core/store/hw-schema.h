/* hw-schema.h: the Homeward database schema and its migrations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 'HWRD' written into PRAGMA application_id so that we can tell our own
 * files from any other sqlite database. */
#define HW_SCHEMA_APPLICATION_ID 0x48575244

/**
 * hw_schema_get_migrations:
 * @n_migrations: (out): how many migrations there are
 *
 * Migration N (1-based) moves a database from user_version N-1 to N.
 * The latest schema version is therefore @n_migrations.
 */
const char * const *hw_schema_get_migrations (guint *n_migrations);

guint hw_schema_get_version (void);

/* Tables whose rows are user data: every change to them is undoable and
 * audited. Internal tables (hw_*) are not. NULL-terminated. */
const char * const *hw_schema_get_user_tables (void);

G_END_DECLS
