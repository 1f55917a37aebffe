/* hw-cli.c: the headless command line.
 *
 *   homeward list    [--database DB]
 *   homeward demo    [--database DB]
 *   homeward export  [--database DB] --case ID [--what WHAT] [--format F] --output FILE ...
 *   homeward import  [--database DB] FILE
 *   homeward audit   [--database DB] --output FILE
 *   homeward forget-passphrase [--database DB]
 *   homeward migrate [--database DB]
 *   homeward backup  [--database DB] --output FILE [--force]
 *   homeward restore --database DB [--force] BACKUP
 *   homeward backups [--database DB]
 *   homeward delete  [--database DB] --case ID [--yes]
 *   homeward purge   [--database DB] --closed-before YYYY-MM-DD [--dry-run] [--yes]
 *   homeward serve   [--database DB] --meeting ID [--port N] [--address A]
 *   homeward move    --from DB --to DB [--yes]
 *
 * DB is a file or a postgresql:// address; without --database, the one
 * chosen in Preferences (the key "database", hw-database-choice.c), as the
 * window does, else ~/.local/share/homeward/homeward.db.
 *
 * Nothing here touches GTK, so it runs without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-cli"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hw-backup.h"
#include "hw-cli.h"
#include "hw-database-choice.h"
#include "hw-date.h"
#include "hw-demo.h"
#include "hw-ecomap.h"
#include "hw-enums.h"
#include "hw-export.h"
#include "hw-interchange.h"
#include "hw-join-server.h"
#include "hw-join-tls.h"
#include "hw-language.h"
#include "hw-lock.h"
#include "hw-meeting.h"
#include "hw-move.h"
#include "hw-plan-document.h"
#include "hw-purge.h"
#include "hw-schema.h"
#include "hw-service-plan.h"
#include "hw-store.h"
#include "hw-visits.h"

typedef gboolean (*ExportFunc) (HwStore *store, const HwExportOptions *opts, GError **error);

typedef struct {
  const char *what;
  const char *formats;   /* comma separated */
  ExportFunc  func;
  const char *help;
} Exporter;

static const Exporter exporters[] = {
  { "case", "json", hw_interchange_export, N_("the whole case, to move it to another computer (agency only)") },
  { "ecomap", "pdf,png,svg", hw_ecomap_export, N_("the ecomap (support network map) with its legend") },
  { "meeting", "pdf", hw_meeting_export, N_("the summary of a meeting (with --meeting ID)") },
  { "service-plan", "pdf,csv,json", hw_service_plan_export, N_("the service plan with its 12-month aftercare supports") },
  { "visits", "ics,pdf", hw_visits_export, N_("family time: a calendar (ics) or the visit plan and monthly report (pdf); --person ID for one person’s visits") },
  { "safety-plan", "pdf", hw_plan_export, N_("the safety plan (--recipient, --language, --version)") },
  { "reunification-plan", "pdf", hw_plan_export, N_("the plan for after going home (--recipient, --language, --version)") },
};

static const char * const commands[] = { "list", "demo", "export", "import", "audit", "forget-passphrase", "migrate",
                                         "backup", "restore", "backups", "delete", "purge",
                                         "due", "serve", "move", "help", NULL };

static char *opt_database = NULL;

static const GOptionEntry database_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("A database file, or the address of a PostgreSQL server (default: the one chosen in "
       "Preferences, else ~/.local/share/homeward/homeward.db)"), N_("FILE|postgresql://…") },
  { NULL }
};

gboolean
hw_cli_handles (int    argc,
                char **argv)
{
  if (argc < 2)
    return FALSE;
  return g_strv_contains (commands, argv[1]) ||
         g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
         g_str_equal (argv[1], "--version");
}

static int
fail (GError *error)
{
  g_printerr ("homeward: %s\n", error->message);
  return 1;
}

static HwStore *
open_store (GError **error)
{
  /* --database, else the place chosen in Preferences, as the window */
  g_autofree char *path = hw_database_choice_resolve (opt_database, NULL, error);
  HwStore *store = path != NULL ? hw_store_open (path, error) : NULL;

  /* on a server the role signed in (the store's default) */
  if (store != NULL && !hw_store_is_server (store))
    hw_store_set_author (store, g_get_real_name ());
  return store;
}

/* The commands as --help lists them: the synopsis (options are not
 * translated) and what the command does, one translatable sentence each,
 * so that a new command adds a line and a sentence, not a new version of
 * the whole text. */
static const struct {
  const char *synopsis;
  const char *does;
} usage_commands[] = {
  { "homeward [--database FILE|postgresql://…]", N_("open the window") },
  { "homeward list [--database FILE]", N_("list the cases") },
  { "homeward demo [--database FILE]", N_("add the sample family") },
  { "homeward export [--database FILE] --case ID --what WHAT --format FORMAT --output FILE\n"
    "         [--recipient family|agency|person:ID] [--language en|es] [--paper a4|letter]\n"
    "         [--meeting ID] [--person ID] [--version N]",
    N_("make a document or a file of a case (see below)") },
  { "homeward import [--database FILE] FILE.json", N_("add a case from a file made by export") },
  { "homeward import [--database FILE] --case ID FILE.ics", N_("add visits from a calendar") },
  { "homeward audit [--database FILE] --output FILE.csv", N_("save the audit trail: who changed what, when") },
  { "homeward forget-passphrase [--database FILE]", N_("remove a forgotten screen-lock passphrase") },
  { "homeward migrate [--database FILE|URI]",
    N_("bring the database up to date with this version of Homeward (on a server: "
       "signed in as the tables’ owner, the agency’s administrator)") },
  { "homeward backup [--database FILE] --output FILE [--force]",
    N_("copy the database, even while it is open") },
  { "homeward restore --database FILE [--force] BACKUP",
    N_("put a backup back (--force replaces the database; what is in it is saved as a backup first)") },
  { "homeward backups [--database FILE]", N_("list the automatic backups") },
  { "homeward delete [--database FILE] --case ID [--yes]",
    N_("delete a family for good: it cannot be undone, and no copy stays in the file") },
  { "homeward purge [--database FILE] --closed-before YYYY-MM-DD [--dry-run] [--yes]",
    N_("delete for good every case closed before that day (--dry-run: only list them)") },
  { "homeward due [--database FILE] [--person NAME] [--week YYYY-MM-DD]",
    N_("what is due in the seven days from that day (default today) and what is overdue: "
       "tasks and aftercare check-ins, for one person or everyone") },
  { "homeward serve [--database FILE] --meeting ID [--port N] [--address A]",
    N_("let the people of a meeting join it from their phones' browsers on the local network: "
       "prints one link per attendee (NAME URL), serves until Ctrl+C") },
  { "homeward move --from FILE|URI --to FILE|URI [--yes]",
    N_("copy every family of one database into another (a file or a postgresql:// server), "
       "checked family by family, all or nothing; the first is not changed "
       "(--yes: also into a database that holds other families)") },
};

static void
print_usage (void)
{
  g_autoptr(GString) text = g_string_new (_("Usage:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (usage_commands); i++)
    g_string_append_printf (text, "  %s\n         %s\n", usage_commands[i].synopsis,
                            _(usage_commands[i].does));
  g_string_append_c (text, '\n');
  g_string_append (text, _("What can be exported (--what, --format):"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    g_string_append_printf (text, "    %-20s %-16s %s\n", exporters[i].what, exporters[i].formats,
                            _(exporters[i].help));
  g_string_append_c (text, '\n');
  g_string_append (text, _("--database is a file or the address of your agency’s PostgreSQL server "
                           "(postgresql://host/dbname, the password in ~/.pgpass). Without it, every "
                           "command and the window use the place chosen in Preferences, else the file "
                           "~/.local/share/homeward/homeward.db."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Every command works without a display. Run “homeward COMMAND --help” "
                           "for details."));
  g_string_append_c (text, '\n');
  g_print ("%s", text->str);
}

static GOptionContext *
make_context (const char         *parameter,
              const char         *summary,
              const GOptionEntry *extra)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (extra)
    g_option_context_add_main_entries (context, extra, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

/* Opening a database brings it up to date (hw_store_open()); this says
 * so, for the administrator upgrading an agency's server as the tables'
 * owner (a person's own role is refused an upgrade, and told to ask). */
static int
cmd_migrate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("Bring the database up to date with this version of Homeward. "
                          "On an agency’s server, run it signed in as the owner of the tables "
                          "after each upgrade of Homeward, then run tools/pg-roles.sql again."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: migrate takes no other arguments\n"));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  g_print (_("The database is up to date (version %u).\n"), hw_schema_get_version ());
  return 0;
}

static int
cmd_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = make_context (NULL, _("List the cases in the database."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if ((store = open_store (&error)) == NULL)
    return fail (error);

  rows = hw_store_select (store, "cases", &error,
                          "SELECT id, family_name, case_number, status,"
                          " (SELECT count(*) FROM people p WHERE p.case_id = cases.id) AS n_people"
                          " FROM cases ORDER BY family_name, id", G_TYPE_INVALID);
  if (rows == NULL)
    return fail (error);

  if (rows->len == 0)
    {
      g_print ("%s\n", _("There are no cases yet. Run “homeward demo” to add a sample family."));
      return 0;
    }
  g_print ("%-6s %-24s %-16s %-28s %s\n", _("ID"), _("Family"), _("Case number"), _("Status"), _("People"));
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);
      g_print ("%-6" G_GINT64_FORMAT " %-24s %-16s %-28s %" G_GINT64_FORMAT "\n",
               hw_record_get_id (r),
               hw_record_get_string (r, "family_name"),
               hw_record_get_string (r, "case_number"),
               hw_choice_label (HW_CHOICES_CASE_STATUS, hw_record_get_string (r, "status")),
               hw_record_get_int (r, "n_people"));
    }
  return 0;
}

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = make_context (NULL, _("Add the sample family (the Morales family) to the database."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  gint64 case_id;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  case_id = hw_demo_create (store, &error);
  if (case_id == 0)
    return fail (error);
  g_print (_("Added the sample family as case %lld.\n"), (long long) case_id);
  return 0;
}

/* homeward due: a point person's week, one line per task or check-in,
 * across every open case (a worker is a person in each family's case, so
 * the name is matched in each). Read-only. */
static char *opt_due_person = NULL;
static char *opt_due_week = NULL;

static int
cmd_due (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &opt_due_person,
      N_("Only what this person is responsible for (their name as in the case)"), N_("NAME") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &opt_due_week,
      N_("The first day of the seven (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (
      NULL, _("What is due in a week: tasks of the service plan and check-ins after going home, "
              "with what is overdue, one line each."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *person = NULL;
  g_autofree char *week = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  GDate first, end;
  guint n_lines = 0;
  gboolean person_found = FALSE;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  person = g_steal_pointer (&opt_due_person);
  week = g_steal_pointer (&opt_due_week);
  if (person != NULL)
    g_strstrip (person);
  if (week == NULL)
    week = hw_date_today_iso ();
  if (!hw_date_parse (g_strstrip (week), &first))
    {
      g_printerr (_("homeward: “%s” is not a date. Write it as year-month-day, for example "
                    "2026-03-30.\n"), week);
      return 2;
    }
  if (person != NULL && person[0] == '\0')
    {
      g_printerr ("%s\n", _("homeward: --person needs a name."));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);

  end = first;
  g_date_add_days (&end, 6);
  last = hw_date_to_iso (&end);

  cases = hw_store_select (store, "cases", &error,
                           "SELECT id, family_name, case_number FROM cases"
                           " WHERE status <> 'closed' ORDER BY family_name, id", G_TYPE_INVALID);
  if (cases == NULL)
    return fail (error);
  for (guint c = 0; c < cases->len; c++)
    {
      HwRecord *kase = g_ptr_array_index (cases, c);
      g_autoptr(GPtrArray) items = NULL;
      gint64 person_id = 0;

      if (person != NULL)
        {
          /* names compare without regard to case */
          person_id = hw_store_query_int (store, 0,
                                          "SELECT id FROM people WHERE case_id = ?"
                                          " AND lower(trim(name)) = lower(?) ORDER BY id",
                                          G_TYPE_INT64, hw_record_get_id (kase),
                                          G_TYPE_STRING, person, G_TYPE_INVALID);
          if (person_id == 0)
            continue;
          person_found = TRUE;
        }
      /* judged against the week's first day: overdue is before it, due
       * this week the seven days from it */
      items = hw_service_plan_list_timeline (store, hw_record_get_id (kase), NULL, &first,
                                             &error);
      if (items == NULL)
        return fail (error);
      for (guint i = 0; i < items->len; i++)
        {
          HwRecord *item = g_ptr_array_index (items, i);
          const char *state = hw_record_get_string (item, "due_state");
          const char *kind = hw_record_get_string (item, "kind");
          const char *who = hw_record_get_string (item, "responsible_name");
          const char *state_word, *kind_word;

          if (g_str_equal (state, "overdue"))
            state_word = _("overdue");
          else if (g_str_equal (state, "due-this-week"))
            state_word = _("due");
          else
            continue;
          if (person_id != 0 && hw_record_get_int (item, "person_id") != person_id)
            continue;
          if (g_str_equal (kind, "checkin"))
            kind_word = _("check-in");
          else if (g_str_equal (kind, "goal"))
            kind_word = _("goal");
          else
            kind_word = _("task");
          g_string_append_printf (lines, "%s  %-8s %-9s %s: %s%s%s%s\n",
                                  hw_record_get_string (item, "date"),
                   state_word, kind_word, hw_record_get_string (kase, "family_name"),
                   hw_record_get_string (item, "text"), who[0] ? " (" : "", who,
                   who[0] ? ")" : "");
          n_lines++;
        }
    }
  if (person != NULL && !person_found)
    {
      g_printerr (_("homeward: nobody called “%s” is in an open case. Run “homeward list” "
                    "to see the cases.\n"), person);
      return 1;
    }
  if (person != NULL)
    /* Translators: the first line of homeward due, "Due from 2026-12-03 to 2026-12-09 for Dana" */
    g_print (_("Due from %s to %s for %s\n"), week, last, person);
  else
    /* Translators: the first line of homeward due, "Due from 2026-12-03 to 2026-12-09" */
    g_print (_("Due from %s to %s\n"), week, last);
  if (n_lines == 0)
    g_print ("%s\n", _("Nothing is due or overdue."));
  else
    g_print ("%s", lines->str);
  return 0;
}

static const Exporter *
find_exporter (const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_strcmp0 (exporters[i].what, what) == 0)
      return &exporters[i];
  return NULL;
}

static int
cmd_export (int argc, char **argv)
{
  gint64 case_id = 0, meeting_id = 0, person_id = 0, version = 0;
  g_autofree char *what = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *language = NULL;
  g_autofree char *paper = NULL;
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_INT64, &case_id, N_("The case to export (see “homeward list”)"), N_("ID") },
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what, N_("What to export (default: case)"), N_("WHAT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("File format, e.g. pdf, png, svg, json, csv, ics"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "recipient", 'r', 0, G_OPTION_ARG_STRING, &recipient, N_("Who the copy is for: family, agency or person:ID (default: agency)"), N_("WHO") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_("Language of the document: en or es (default: the family’s)"), N_("LANG") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: a4 or letter (default: a4)"), N_("SIZE") },
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting, for --what meeting"), N_("ID") },
    { "person", 'p', 0, G_OPTION_ARG_INT64, &person_id, N_("Only what this person takes part in"), N_("ID") },
    { "version", 0, 0, G_OPTION_ARG_INT64, &version, N_("Reprint this agreed version of a plan"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (NULL, _("Export a case or one of its documents."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  const Exporter *exporter;
  HwExportOptions opts;
  g_auto(GStrv) formats = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);

  hw_export_options_init (&opts);
  exporter = find_exporter (what ? what : "case");
  if (exporter == NULL)
    {
      g_printerr (_("homeward: cannot export “%s”. Run “homeward --help” to see what can be exported.\n"), what);
      return 2;
    }
  formats = g_strsplit (exporter->formats, ",", -1);
  if (format == NULL)
    format = g_strdup (formats[0]);
  if (!g_strv_contains ((const char * const *) formats, format))
    {
      g_printerr (_("homeward: “%s” cannot be exported as %s; use one of: %s\n"),
                  exporter->what, format, exporter->formats);
      return 2;
    }
  if (output == NULL)
    {
      g_printerr (_("homeward: say where to write the file with --output FILE\n"));
      return 2;
    }
  if (recipient != NULL && !hw_recipient_parse (recipient, &opts.recipient, &error))
    return fail (error);
  if (language != NULL && !g_str_equal (language, "en") && !g_str_equal (language, "es"))
    {
      g_printerr (_("homeward: documents can be printed in English (en) or Spanish (es), not “%s”\n"), language);
      return 2;
    }
  /* a copy asked for in Spanish is never silently written in English:
   * without its catalog (e.g. run from the build tree without
   * HOMEWARD_LOCALEDIR), nothing is written */
  if (language != NULL)
    {
      g_autofree char *chosen = hw_language_choose (language, NULL, &error);

      if (chosen == NULL)
        {
          fail (error);
          return 2;
        }
    }
  if (paper != NULL && !g_str_equal (paper, "a4") && !g_str_equal (paper, "letter"))
    {
      g_printerr (_("homeward: the paper size is a4 or letter, not “%s”\n"), paper);
      return 2;
    }

  if ((store = open_store (&error)) == NULL)
    return fail (error);

  if (case_id == 0 && meeting_id != 0)
    case_id = hw_store_query_int (store, 0, "SELECT case_id FROM meetings WHERE id = ?",
                                  G_TYPE_INT64, meeting_id, G_TYPE_INVALID);
  if (case_id == 0 ||
      hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_printerr (_("homeward: give an existing case with --case ID (see “homeward list”)\n"));
      return 2;
    }
  if (opts.recipient.kind == HW_RECIPIENT_SUPPORT &&
      hw_store_query_int (store, 0, "SELECT count(*) FROM people WHERE id = ? AND case_id = ?",
                          G_TYPE_INT64, opts.recipient.person_id, G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_printerr (_("homeward: person %lld is not part of case %lld\n"),
                  (long long) opts.recipient.person_id, (long long) case_id);
      return 2;
    }

  opts.case_id = case_id;
  opts.meeting_id = meeting_id;
  opts.person_id = person_id;
  opts.version = version;
  opts.what = exporter->what;
  opts.format = format;
  opts.output = output;
  opts.language = language;
  opts.paper = paper ? paper : "a4";

  if (!exporter->func (store, &opts, &error))
    return fail (error);
  return 0;
}

static int
cmd_import (int argc, char **argv)
{
  gint64 case_id = 0;
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_INT64, &case_id, N_("For a calendar (.ics): the case whose family time it holds"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (_("FILE"), _("Import a case from a Homeward case file (.json), or visits from a calendar (.ics) into a case."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 2)
    {
      g_printerr (_("homeward: give exactly one file to import\n"));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);

  if (g_str_has_suffix (argv[1], ".ics") || g_str_has_suffix (argv[1], ".ICS"))
    {
      if (case_id == 0 ||
          hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                              G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
        {
          g_printerr (_("homeward: give the case the visits belong to with --case ID (see “homeward list”)\n"));
          return 2;
        }
      if (!hw_visits_import_ics (store, case_id, argv[1], &error))
        return fail (error);
      g_print (_("Imported the visits into case %lld.\n"), (long long) case_id);
      return 0;
    }

  case_id = hw_interchange_import_file (store, argv[1], &error);
  if (case_id == 0)
    return fail (error);
  g_print (_("Imported the case as case %lld.\n"), (long long) case_id);
  return 0;
}

static int
cmd_audit (int argc, char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The CSV file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (NULL, _("Export the audit trail: who changed what, and when."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (output == NULL)
    {
      g_printerr (_("homeward: say where to write the file with --output FILE\n"));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  if (!hw_store_export_audit (store, output, &error))
    return fail (error);
  return 0;
}

static int
cmd_forget_passphrase (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("Remove the screen-lock passphrase when nobody remembers it. "
                          "Homeward then opens without one; set a new one in Preferences. "
                          "Nothing else in the database changes."), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: forget-passphrase takes no other arguments\n"));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  if (!hw_lock_forget_passphrase (store, &error))
    {
      if (g_error_matches (error, HW_LOCK_ERROR, HW_LOCK_ERROR_NO_PASSPHRASE))
        {
          g_print ("%s\n", _("No screen-lock passphrase is set: nothing was changed."));
          return 0;
        }
      return fail (error);
    }
  g_print ("%s\n", _("The screen-lock passphrase is removed. Set a new one in Homeward’s Preferences."));
  return 0;
}

/* Asks @question on the terminal; only a typed "yes" (or its
 * translation) agrees. Without a terminal nobody can be asked: refuse. */
static gboolean
confirm (const char *question)
{
  char answer[64] = "";

  if (!isatty (STDIN_FILENO))
    {
      g_printerr (_("homeward: this cannot be undone, so it needs a yes: run it in a terminal, or add --yes\n"));
      return FALSE;
    }
  g_print ("%s ", question);
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  /* TRANSLATORS: what must be typed to confirm a delete for good */
  if (g_ascii_strcasecmp (answer, "yes") == 0 || g_strcmp0 (answer, _("yes")) == 0)
    return TRUE;
  g_print ("%s\n", _("Nothing was deleted."));
  return FALSE;
}

static int
cmd_delete (int argc, char **argv)
{
  gint64 case_id = 0;
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "case", 'c', 0, G_OPTION_ARG_INT64, &case_id, N_("The case to delete (see “homeward list”)"), N_("ID") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask: delete without a question"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("Delete a family for good: the case, everything recorded about it, and its "
                          "undo history. It cannot be undone. The audit trail keeps that a case was "
                          "deleted, by whom and when, without its name."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwRecord) record = NULL;
  g_autofree char *question = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: delete takes no other arguments\n"));
      return 2;
    }
  if (case_id <= 0)
    {
      g_printerr (_("homeward: say which case to delete with --case ID (see “homeward list”)\n"));
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  record = hw_store_get (store, "cases", case_id, NULL);
  if (record == NULL)
    {
      g_printerr (_("homeward: there is no case %lld (see “homeward list”). Nothing was deleted.\n"),
                  (long long) case_id);
      return 2;
    }

  question = g_strdup_printf (_("Delete the %s family for good? This cannot be undone. Type yes:"),
                              hw_record_get_string (record, "family_name"));
  if (!yes && !confirm (question))
    return 1;

  if (!hw_case_delete_forever (store, case_id, &error))
    return fail (error);
  g_print (_("Case %lld was deleted for good.\n"), (long long) case_id);
  return 0;
}

static int
cmd_purge (int argc, char **argv)
{
  g_autofree char *before = NULL;
  gboolean yes = FALSE, dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "closed-before", 0, 0, G_OPTION_ARG_STRING, &before, N_("Delete the cases closed before this day"), N_("YYYY-MM-DD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Only list the cases that would be deleted; change nothing"), NULL },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask: delete without a question"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("Delete for good every closed case whose closing date is before a day, "
                          "when its retention period is over. It cannot be undone."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *question = NULL;
  guint n_deleted = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: purge takes no other arguments\n"));
      return 2;
    }
  if (before == NULL)
    {
      g_printerr (_("homeward: say which closed cases to delete with --closed-before YYYY-MM-DD\n"));
      return 2;
    }
  /* before opening: a bad date must not even tidy the file */
  if (!hw_purge_parse_date (before, &error))
    {
      g_printerr ("homeward: %s\n", error->message);
      return 2;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  rows = hw_purge_find_closed (store, before, &error);
  if (rows == NULL)
    return fail (error);

  if (rows->len == 0)
    {
      g_print (_("No case was closed before %s: nothing to delete.\n"), before);
      return 0;
    }

  g_print (dry_run ? _("These cases would be deleted for good:\n") : _("These cases will be deleted for good:\n"));
  g_print ("%-6s %-16s %-24s %s\n", _("ID"), _("Case number"), _("Family"), _("Closed"));
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);
      g_print ("%-6" G_GINT64_FORMAT " %-16s %-24s %s\n", hw_record_get_id (r),
               hw_record_get_string (r, "case_number"), hw_record_get_string (r, "family_name"),
               hw_record_get_string (r, "closed_date"));
    }
  if (dry_run)
    {
      g_print ("%s\n", _("Dry run: nothing was changed."));
      return 0;
    }

  question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Delete this %u case for good? This cannot be undone. Type yes:",
                                           "Delete these %u cases for good? This cannot be undone. Type yes:",
                                           rows->len), rows->len);
  if (!yes && !confirm (question))
    return 1;

  if (!hw_purge_closed (store, before, &n_deleted, &error))
    return fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Deleted %u case for good.\n", "Deleted %u cases for good.\n", n_deleted),
           n_deleted);
  return 0;
}

static int
cmd_backup (int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace the output file if it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("Copy the database into a backup file. This works while Homeward is open; "
                          "the copy is checked before it is kept."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: backup takes no other arguments\n"));
      return 2;
    }
  if (output == NULL)
    {
      g_printerr (_("homeward: say where to write the backup with --output FILE\n"));
      return 2;
    }
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("homeward: “%s” already exists; nothing was written. Add --force to replace it.\n"), output);
      return 1;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);
  if (!hw_backup_make (store, output, &error))
    return fail (error);
  g_print (_("The backup is in “%s”.\n"), output);
  return 0;
}

static int
cmd_restore (int argc, char **argv)
{
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace the database if it exists (what is in it is saved as a backup first)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    make_context (_("BACKUP"), _("Put a backup back in place of the database. A damaged backup, or one that "
                                 "is not a Homeward backup, is refused and nothing changes."), entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 2)
    {
      g_printerr (_("homeward: give exactly one backup file to restore\n"));
      return 2;
    }
  if (opt_database == NULL)
    {
      /* never the default database by accident */
      g_printerr (_("homeward: say which database to restore into with --database FILE\n"));
      return 2;
    }
  if (!hw_backup_restore (argv[1], opt_database, force, &saved, &error))
    {
      if (g_error_matches (error, HW_BACKUP_ERROR, HW_BACKUP_ERROR_EXISTS) && !force)
        {
          g_printerr ("homeward: %s %s\n", error->message,
                      _("Add --force to replace it (what is in it now is saved as a backup first)."));
          return 1;
        }
      return fail (error);
    }
  if (saved != NULL)
    g_print (_("Restored “%s” into “%s”. What was there before is saved in “%s”.\n"), argv[1], opt_database, saved);
  else
    g_print (_("Restored “%s” into “%s”.\n"), argv[1], opt_database);
  return 0;
}

static const char *
backup_kind_label (HwBackupKind kind)
{
  switch (kind)
    {
    case HW_BACKUP_KIND_DAILY:
      return _("when Homeward started");
    case HW_BACKUP_KIND_CLOSE:
      return _("when Homeward closed");
    case HW_BACKUP_KIND_BEFORE_RESTORE:
    default:
      return _("before a restore");
    }
}

static int
cmd_backups (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    make_context (NULL, _("List the automatic backups of the database, newest first."), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = hw_backup_get_folder ();
  g_autoptr(GPtrArray) list = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 1)
    {
      g_printerr (_("homeward: backups takes no other arguments\n"));
      return 2;
    }
  path = hw_database_choice_resolve (opt_database, NULL, &error);
  if (path == NULL)
    return fail (error);
  list = hw_backup_list (path, &error);
  if (list == NULL)
    return fail (error);
  if (list->len == 0)
    {
      g_print (_("There are no automatic backups of “%s” in “%s” yet.\n"), path, folder);
      return 0;
    }
  g_print ("%-17s %-9s %-24s %s\n", _("Made"), _("Families"), _("Why"), _("File"));
  for (guint i = 0; i < list->len; i++)
    {
      HwBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *made = g_date_time_format (info->made, "%Y-%m-%d %H:%M");
      g_autofree char *families = info->n_families >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, info->n_families)
                                                        : g_strdup (_("damaged"));

      g_print ("%-17s %-9s %-24s %s\n", made, families, backup_kind_label (info->kind), info->path);
    }
  return 0;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
cmd_serve (int argc, char **argv)
{
  gint64 meeting_id = 0;
  int port = 0;
  g_autofree char *address = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  gboolean no_tls = FALSE;
  const GOptionEntry entries[] = {
    { "meeting", 'm', 0, G_OPTION_ARG_INT64, &meeting_id, N_("The meeting people join"), N_("ID") },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("The agency's certificate for this computer (PEM; default: one Homeward makes for it)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("The private key of that certificate (PEM)"),
      N_("FILE") },
    { "no-tls", 0, 0, G_OPTION_ARG_NONE, &no_tls,
      N_("Plain HTTP, unencrypted: only for a test on this computer (127.0.0.1)"), NULL },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("The port to listen on (default: any free port)"), N_("N") },
    { "address", 'a', 0, G_OPTION_ARG_STRING, &address,
      N_("This computer's address on the local network (default: the first private one)"), N_("A") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (NULL,
    _("Let the people of a meeting join it from their phones' browsers on the local network.\n"
      "Prints one link per attendee, “NAME URL” a line, then serves until Ctrl+C.\n"
      "Each link is for that person only: it shows what their own copy would show."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwJoinServer) server = NULL;
  g_autoptr(GPtrArray) invites = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint sigint_id, sigterm_id;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (meeting_id <= 0)
    {
      g_printerr ("%s\n", _("homeward: say which meeting with --meeting ID (see “homeward list”)."));
      return 1;
    }
  if (port < 0 || port > 65535)
    {
      g_printerr (_("homeward: %d is not a port number.\n"), port);
      return 1;
    }
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr ("%s\n", _("homeward: give both --tls-certificate and --tls-key, or neither."));
      return 1;
    }
  if (no_tls && (tls_cert != NULL || g_strcmp0 (address, "127.0.0.1") != 0))
    {
      g_printerr ("%s\n", _("homeward: --no-tls is only for a test on this computer: add --address 127.0.0.1."));
      return 1;
    }
  if ((store = open_store (&error)) == NULL)
    return fail (error);

  server = hw_join_server_new (store, meeting_id);
  if (!no_tls)
    {
      g_autofree char *dir = hw_join_tls_default_dir ();

      hw_join_server_set_tls (server, tls_cert, tls_key, dir);
    }
  if (!hw_join_server_start (server, address, (guint) port, &error))
    return fail (error);
  invites = hw_join_server_invite_all (server, &error);
  if (invites == NULL)
    return fail (error);
  if (invites->len == 0)
    g_printerr ("%s\n", _("homeward: nobody on this meeting's list of attendees is taking part, so there "
                          "are no links to give."));
  for (guint i = 0; i < invites->len; i++)
    {
      HwJoinInvite *invite = g_ptr_array_index (invites, i);

      g_print ("%s %s\n", invite->name, invite->url);
    }
  fflush (stdout);
  g_printerr (_("Serving meeting %lld at %s. Press Ctrl+C to stop; the links stop working then.\n"),
              (long long) meeting_id, hw_join_server_get_base_url (server));
  if (hw_join_server_get_tls_certificate (server) != NULL)
    {
      g_autofree char *print = hw_join_tls_fingerprint (hw_join_server_get_tls_certificate (server));

      /* TRANSLATORS: what a phone's browser shows as the certificate's
       * "SHA-256 fingerprint", to check it is this computer's */
      g_printerr (_("Certificate fingerprint (SHA-256): %s\n"), print);
    }
  g_clear_pointer (&invites, g_ptr_array_unref);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  hw_join_server_stop (server);
  g_printerr ("%s\n", _("Stopped. The links no longer work."));
  return 0;
}

static void
moved_cb (const char *family_name,
          const char *case_number,
          gint64      from_id,
          gint64      to_id,
          gpointer    user_data)
{
  /* TRANSLATORS: one line per family moved: family name, case number, old and new case ids */
  g_print (_("Checked: %s (%s), case %lld there is case %lld here\n"), family_name,
           case_number && *case_number ? case_number : "-", (long long) from_id, (long long) to_id);
}

static int
cmd_move (int argc, char **argv)
{
  g_autofree char *from_name = NULL;
  g_autofree char *to_name = NULL;
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_FILENAME, &from_name, N_("The database the families are in: a file or a postgresql:// address"), N_("FILE|URI") },
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &to_name, N_("The database to move them into: a file or a postgresql:// address"), N_("FILE|URI") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Also move them into a database that already holds other families"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = make_context (NULL, _("Copy every family of one database into another, checking each copy; the first database is not changed."), entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) from = NULL;
  g_autoptr(HwStore) to = NULL;
  guint moved = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (from_name == NULL || to_name == NULL || argc != 1)
    {
      g_printerr (_("homeward: say which database to move from and to: --from FILE|URI --to FILE|URI\n"));
      return 2;
    }
  /* the source is only read: a missing file is not created */
  if (!hw_store_is_address (from_name) && !g_file_test (from_name, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("homeward: there is no database file %s to move from\n"), from_name);
      return 1;
    }
  if ((from = hw_store_open (from_name, &error)) == NULL)
    return fail (error);
  if ((to = hw_store_open (to_name, &error)) == NULL)
    return fail (error);
  if (!hw_store_is_server (to))
    hw_store_set_author (to, g_get_real_name ());

  if (!hw_move_cases (from, to, yes, moved_cb, NULL, &moved, &error))
    return fail (error);
  g_print (ngettext ("Moved %u family from %s to %s; each copy reads back the same as the original.\n",
                     "Moved %u families from %s to %s; each copy reads back the same as the original.\n", moved),
           moved, hw_store_get_path (from), hw_store_get_path (to));
  if (hw_store_is_server (from))
    g_print (_("Nothing was deleted from %s. Once you have checked the families in their new place, "
               "the server's administrator can delete them there.\n"), hw_store_get_path (from));
  else
    g_print (_("Nothing was deleted from %s. Once you have checked the families in their new place, "
               "delete them here with “homeward delete --case ID”, or delete the file and its backups.\n"),
             hw_store_get_path (from));
  return 0;
}

int
hw_cli_run (int    argc,
            char **argv)
{
  const char *command = argv[1];
  int ret;

  g_set_prgname ("homeward");

  if (g_str_equal (command, "--version"))
    {
      g_print ("homeward %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      print_usage ();
      return 0;
    }

  /* the command itself takes the place of the program name */
  {
    g_autofree char *prgname = g_strdup_printf ("homeward %s", command);
    g_set_prgname (prgname);
  }
  argc--;
  argv++;

  if (g_str_equal (command, "list"))
    ret = cmd_list (argc, argv);
  else if (g_str_equal (command, "demo"))
    ret = cmd_demo (argc, argv);
  else if (g_str_equal (command, "export"))
    ret = cmd_export (argc, argv);
  else if (g_str_equal (command, "import"))
    ret = cmd_import (argc, argv);
  else if (g_str_equal (command, "audit"))
    ret = cmd_audit (argc, argv);
  else if (g_str_equal (command, "forget-passphrase"))
    ret = cmd_forget_passphrase (argc, argv);
  else if (g_str_equal (command, "migrate"))
    ret = cmd_migrate (argc, argv);
  else if (g_str_equal (command, "backup"))
    ret = cmd_backup (argc, argv);
  else if (g_str_equal (command, "restore"))
    ret = cmd_restore (argc, argv);
  else if (g_str_equal (command, "backups"))
    ret = cmd_backups (argc, argv);
  else if (g_str_equal (command, "delete"))
    ret = cmd_delete (argc, argv);
  else if (g_str_equal (command, "purge"))
    ret = cmd_purge (argc, argv);
  else if (g_str_equal (command, "due"))
    ret = cmd_due (argc, argv);
  else if (g_str_equal (command, "serve"))
    ret = cmd_serve (argc, argv);
  else if (g_str_equal (command, "move"))
    ret = cmd_move (argc, argv);
  else
    g_assert_not_reached ();

  g_clear_pointer (&opt_database, g_free);
  return ret;
}
