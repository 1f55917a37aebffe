/* hw-database-choice.h: where this computer's Homeward keeps the
 * families, as chosen in Preferences (the GSettings key "database").
 *
 * '' is this computer's own file (hw_store_default_path()); otherwise a
 * PostgreSQL address (postgresql://… or postgres://…) without a password,
 * or the full path of a file. No GTK here: the app's Preferences, the
 * window's start and the command line share these rules, and the unit
 * test needs no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HW_DATABASE_CHOICE_ERROR (hw_database_choice_error_quark ())

typedef enum {
  HW_DATABASE_CHOICE_ERROR_PASSWORD,   /* a password in the address */
  HW_DATABASE_CHOICE_ERROR_RELATIVE,   /* a path that is not a full path */
  HW_DATABASE_CHOICE_ERROR_SCHEME,     /* another kind of address (https://, mysql://…) */
  HW_DATABASE_CHOICE_ERROR_INVALID,    /* not an address nor a path at all */
} HwDatabaseChoiceError;

GQuark    hw_database_choice_error_quark (void);

/* the GSettings key (type s) of the app's schema */
#define HW_DATABASE_CHOICE_KEY "database"

/**
 * hw_database_choice_check:
 * @text: what a person typed or the key holds
 * @error: return location for a %HW_DATABASE_CHOICE_ERROR, in words a
 *   parent would understand; never holding a password
 *
 * Accepts '' (this computer's own file), a postgresql:// or postgres://
 * address that libpq can read and that holds no password (it belongs in
 * ~/.pgpass, never in the settings), or a full path of a file that is
 * not a folder. Nothing is connected to nor created.
 *
 * Returns: (transfer full) (nullable): @text as it is to be stored
 *   (spaces around it removed, the scheme in small letters), or %NULL
 */
char     *hw_database_choice_check         (const char  *text,
                                            GError     **error);

/* (transfer full): the key's value, '' when the settings schema is not
 * installed (a build run from its folder) */
char     *hw_database_choice_get_saved     (void);

/**
 * hw_database_choice_resolve:
 * @given: (nullable): the --database of the command line, which always wins
 * @from_settings: (out) (optional): set to TRUE when the database is the
 *   one chosen in Preferences
 * @error: a %HW_DATABASE_CHOICE_ERROR when the saved choice cannot be used
 *
 * Returns: (transfer full) (nullable): the file or address to open: @given,
 *   else the saved choice, else hw_store_default_path()
 */
char     *hw_database_choice_resolve       (const char  *given,
                                            gboolean    *from_settings,
                                            GError     **error);

/**
 * hw_database_choice_try_server:
 * @uri: a checked address (hw_database_choice_check())
 *
 * Connects to the server and signs in as the address says (the password
 * from ~/.pgpass), then closes: nothing is created there. Blocks, up to
 * the connection's timeout: call it in a thread.
 *
 * Returns: TRUE if the server answered and let this computer in;
 *   otherwise @error (%HW_STORE_ERROR) says why, without a password
 */
gboolean  hw_database_choice_try_server    (const char  *uri,
                                            GError     **error);

G_END_DECLS
