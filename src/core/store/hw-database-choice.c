/* hw-database-choice.c: where this computer's Homeward keeps the
 * families (the GSettings key "database"); see hw-database-choice.h and
 * "Each caseworker chooses the server" in docs/agency-server.md.
 *
 * A password is never accepted: the key is plain text in the user's
 * settings, readable by any program of theirs and copied into their
 * backups. libpq reads it from ~/.pgpass instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-database-choice"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "hw-database-choice.h"
#include "hw-db.h"
#include "hw-store.h"

G_DEFINE_QUARK (hw-database-choice-error-quark, hw_database_choice_error)

/* the length of "postgresql://" or "postgres://" at the start, any case; 0 otherwise */
static gsize
postgresql_scheme_length (const char *text)
{
  if (g_ascii_strncasecmp (text, "postgresql://", 13) == 0)
    return 13;
  if (g_ascii_strncasecmp (text, "postgres://", 11) == 0)
    return 11;
  return 0;
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return TRUE;
  return FALSE;
}

static char *
check_address (const char  *text,
               gsize        scheme_length,
               GError     **error)
{
  g_autofree char *lowered_scheme = g_ascii_strdown (text, scheme_length);
  g_autofree char *address = g_strconcat (lowered_scheme, text + scheme_length, NULL);
  PQconninfoOption *options;
  char *parse_error = NULL;
  gboolean has_password = FALSE;

  /* libpq's words about an address it cannot read may quote any part of
   * it, a password too: they are not shown, nor is the address */
  options = PQconninfoParse (address, &parse_error);
  if (options == NULL)
    {
      PQfreemem (parse_error);
      g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_INVALID,
                   _("Homeward cannot read this address. A server’s address looks like "
                     "postgresql://db.agency.example/homeward?sslmode=verify-full: ask your "
                     "agency for the right one."));
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, "password") == 0 && o->val != NULL && o->val[0] != '\0')
      has_password = TRUE;
  PQconninfoFree (options);

  if (has_password)
    {
      g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_PASSWORD,
                   _("This address holds a password. Homeward never keeps a password in its "
                     "settings: take it out of the address. Homeward asks for it when it starts, "
                     "or put it in the file ~/.pgpass in your home folder (your agency’s IT can help)."));
      return NULL;
    }
  return g_steal_pointer (&address);
}

char *
hw_database_choice_check (const char  *text,
                          GError     **error)
{
  g_autofree char *stripped = NULL;
  gsize scheme_length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return g_steal_pointer (&stripped);

  if (!g_utf8_validate (stripped, -1, NULL) || has_control_characters (stripped))
    {
      g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_INVALID,
                   _("This is neither the address of a server nor the path of a file."));
      return NULL;
    }

  scheme_length = postgresql_scheme_length (stripped);
  if (scheme_length > 0)
    return check_address (stripped, scheme_length, error);

  if (hw_store_is_address (stripped))
    {
      /* another scheme, whose address may hold a password too */
      g_autofree char *shown = hw_db_redact_uri (stripped);

      g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_SCHEME,
                   _("“%s” is the address of another kind of server. Homeward works with a "
                     "PostgreSQL server only: its address starts with postgresql://."),
                   shown);
      return NULL;
    }

  if (g_path_is_absolute (stripped))
    {
      if (g_file_test (stripped, G_FILE_TEST_IS_DIR) || g_str_has_suffix (stripped, G_DIR_SEPARATOR_S))
        {
          g_autofree char *example = g_build_filename (stripped, "homeward.db", NULL);

          g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_INVALID,
                       _("“%s” is a folder. Give the path of a file in it, for example %s."),
                       stripped, example);
          return NULL;
        }
      return g_steal_pointer (&stripped);
    }

  /* libpq's own "host=… dbname=…" form: possible, but one way is enough */
  if (strchr (stripped, '=') != NULL)
    {
      g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_INVALID,
                   _("Write the server’s address as one address starting with postgresql://, "
                     "for example postgresql://db.agency.example/homeward?sslmode=verify-full."));
      return NULL;
    }

  {
    g_autofree char *example = g_build_filename (g_get_home_dir (), "Documents", "homeward.db", NULL);

    g_set_error (error, HW_DATABASE_CHOICE_ERROR, HW_DATABASE_CHOICE_ERROR_RELATIVE,
                 _("“%s” is not a full path. Give the whole path of the file, starting with /, "
                   "for example %s."),
                 stripped, example);
  }
  return NULL;
}

char *
hw_database_choice_get_saved (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* as in HwApplication: the settings are optional */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, HW_DATABASE_CHOICE_KEY))
    return g_strdup ("");
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, HW_DATABASE_CHOICE_KEY);
}

char *
hw_database_choice_resolve (const char  *given,
                            gboolean    *from_settings,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (from_settings != NULL)
    *from_settings = FALSE;
  if (given != NULL)
    return g_strdup (given);

  saved = hw_database_choice_get_saved ();
  checked = hw_database_choice_check (saved, &local_error);
  if (checked == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The place chosen in Preferences to keep the families cannot be used: %s"),
                   local_error->message);
      return NULL;
    }
  if (*checked == '\0')
    return hw_store_default_path ();
  if (from_settings != NULL)
    *from_settings = TRUE;
  return g_steal_pointer (&checked);
}

gboolean
hw_database_choice_try_server (const char  *uri,
                               GError     **error)
{
  HwDb *db;

  g_return_val_if_fail (uri != NULL, FALSE);

  db = hw_db_pg_open (uri, error);
  if (db == NULL)
    return FALSE;
  hw_db_close (db);
  return TRUE;
}
