/* test-document-language.c: a document made in a language is wholly in
 * that language, and a language that cannot be loaded is refused.
 *
 * Every document `homeward export` makes (safety plan, plan for after
 * going home, service plan, family time as PDF and calendar, ecomap as
 * PDF, PNG and SVG, each meeting's summary), for the family, the agency
 * and one support person, in Spanish and in English, through the export
 * functions the command line calls. The process's own language is
 * English (LC_ALL=C.UTF-8), so nothing comes out Spanish by accident.
 *
 * - PDF: pdftotext finds none of the other language's template words and
 *   day and month names (see en_words and es_words).
 * - ICS: the human text (SUMMARY, DESCRIPTION...) likewise.
 * - PNG and SVG have no text layer (cairo draws the glyphs): each is
 *   compared with the same export made while this test has itself pushed
 *   the language around the call, which puts every word in it, whatever
 *   path the export takes; the two must be the same file, and different
 *   from the other language's.
 *
 * The sample family's own data is in English, and the family's words are
 * printed as written ("sober since March", "every Sunday"): the test
 * first marks every forbidden word in the family's own text ("Marchx"),
 * then checks that none is left in anything the family's file holds, so
 * that a forbidden word in a document can only be Homeward's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "hw-demo.h"
#include "hw-ecomap.h"
#include "hw-export.h"
#include "hw-interchange.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-plan-document.h"
#include "hw-service-plan.h"
#include "hw-enums.h"
#include "hw-store.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"
#include "hw-test-valgrind.h"
#include "hw-visits.h"

/* Words of Homeward's own text (never the family's), and day and month
 * names, that must not appear in a Spanish document. Case matters and
 * only whole words count ("Saturdays" in the family's words is not
 * "Saturday"). */
static const char * const en_words[] = {
  "January", "February", "March", "April", "June", "July", "August", "September",
  "October", "November", "December",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "Jan", "Apr", "Aug", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
  "Page", "Printed on", "Copy for", "Draft", "Agreed on", "Legend", "Strong tie",
  "Weak tie", "Moderate tie", "Person", "Household", "Family time", "Supervised",
  "Unsupervised", "Supervision", "Supervisor", "Driver", "Confidential", "Sample",
  "Who took part", "Safety plan", "Service plan", "Signature", "Signatures",
  "Not decided yet", "What happened", "Planned", "Happened", "Nothing recorded",
  "Review", "Readiness reviews", "Goal", "Every week", "Once", "Where", "When",
  "Who visits", "Children", "Notes", "Area", "Present", "Interpreter",
  "Attendance", "Facilitator", "Hours together", "Each visit", "Change",
  "Emergency contacts", "Our support network", "Ecomap",
  NULL
};

/* The same for an English document. */
static const char * const es_words[] = {
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
  "septiembre", "octubre", "noviembre", "diciembre",
  "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
  "ene", "dic", "lun", "mié", "jue", "vie", "sáb", "dom",
  "Página", "Impreso", "Copia para", "Borrador", "Acordado", "Leyenda", "Vínculo",
  "Persona", "Hogar", "Tiempo en familia", "Supervisada", "Supervisión",
  "Supervisa", "Confidencial", "Ejemplo", "Quién", "Cuándo", "Dónde",
  "Plan de seguridad", "Plan de servicios", "Firmas", "Firma", "Todavía",
  "Planificada", "Revisión", "Objetivo", "Cada semana", "Una vez", "Niños",
  "Notas", "Presente", "Intérprete", "Asistencia", "Ecomapa", "de",
  NULL
};

typedef gboolean (*ExportFunc) (HwStore *store, const HwExportOptions *opts, GError **error);

typedef struct {
  const char *what;
  const char *format;
  ExportFunc  func;
} Document;

static const Document documents[] = {
  { "safety-plan", "pdf", hw_plan_export },
  { "reunification-plan", "pdf", hw_plan_export },
  { "service-plan", "pdf", hw_service_plan_export },
  { "visits", "pdf", hw_visits_export },
  { "visits", "ics", hw_visits_export },
  { "ecomap", "pdf", hw_ecomap_export },
  { "ecomap", "png", hw_ecomap_export },
  { "ecomap", "svg", hw_ecomap_export },
  { "meeting", "pdf", hw_meeting_export },
};

typedef struct {
  HwStore *store;
  char    *dir;
  gint64   case_id;
  gint64   person_id;   /* a support person: the grandmother */
  GArray  *meetings;    /* gint64 */
} Fixture;

/* TRUE if @word is in @text with no letter or digit right before or after. */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gunichar before = p > text ? g_utf8_get_char (g_utf8_find_prev_char (text, p)) : ' ';
      gunichar after = g_utf8_get_char (p + n);

      if (!g_unichar_isalnum (before) && !g_unichar_isalnum (after))
        return TRUE;
    }
  return FALSE;
}

/* Appends "x" to every whole forbidden word in @text; NULL if none. */
static char *
mark_words (GRegex     *words,
            const char *text)
{
  g_autofree char *marked = NULL;

  if (text == NULL || !g_regex_match (words, text, 0, NULL))
    return NULL;
  marked = g_regex_replace (words, text, -1, 0, "\\1x", 0, NULL);
  return g_steal_pointer (&marked);
}

/* Marks the forbidden words in every text of the database (the family's
 * own words), straight in sqlite: only this test's copy is changed. */
static void
mark_family_words (HwStore *store)
{
  sqlite3 *db = hw_store_get_db (store);
  g_autoptr(GString) pattern = g_string_new ("(?<![\\p{L}\\p{N}])(");
  g_autoptr(GRegex) words = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  for (guint l = 0; l < 2; l++)
    for (const char * const *w = l == 0 ? en_words : es_words; *w != NULL; w++)
      {
        g_autofree char *quoted = g_regex_escape_string (*w, -1);

        g_string_append_printf (pattern, "%s%s", pattern->str[pattern->len - 1] == '(' ? "" : "|", quoted);
      }
  g_string_append (pattern, ")(?![\\p{L}\\p{N}])");
  words = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert_nonnull (words);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'hw_%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_true (hw_store_begin_edit (store, "Mark the test's words", NULL));
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);

      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            g_autofree char *marked = NULL;
            g_autofree char *update = NULL;
            sqlite3_stmt *up = NULL;

            if (sqlite3_column_type (stmt, c) != SQLITE_TEXT)
              continue;
            marked = mark_words (words, (const char *) sqlite3_column_text (stmt, c));
            if (marked == NULL)
              continue;
            update = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ? WHERE \"%s\" = ?",
                                      (char *) tables->pdata[t], sqlite3_column_name (stmt, c),
                                      sqlite3_column_name (stmt, c));
            g_assert_cmpint (sqlite3_prepare_v2 (db, update, -1, &up, NULL), ==, SQLITE_OK);
            sqlite3_bind_text (up, 1, marked, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (up, 2, (const char *) sqlite3_column_text (stmt, c), -1, SQLITE_TRANSIENT);
            g_assert_cmpint (sqlite3_step (up), ==, SQLITE_DONE);
            sqlite3_finalize (up);
          }
      sqlite3_finalize (stmt);
    }
  g_assert_true (hw_store_commit_edit (store, NULL));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *json = NULL;
  HwExportOptions opts;

  /* the Spanish checks need the build's catalog (HOMEWARD_LOCALEDIR) */
  g_assert_true (hw_language_is_available ("es"));

  f->store = hw_test_store_new_demo ("homeward-test-document-language-XXXXXX", &f->dir, &f->case_id);
  f->person_id = hw_demo_find_person (f->store, f->case_id, "kin-caregiver");
  g_assert_cmpint (f->person_id, >, 0);
  f->meetings = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows = hw_store_select (f->store, "meetings", &error, "SELECT id FROM meetings WHERE case_id = ? ORDER BY id",
                          G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = hw_record_get_id (g_ptr_array_index (rows, i));

      g_array_append_val (f->meetings, id);
    }
  g_assert_cmpuint (f->meetings->len, >=, 1);
  mark_family_words (f->store);

  /* Everything the family's file holds (names, notes, their words): no
   * forbidden word may be left in it, or finding one in a document would
   * not tell whether Homeward's own text was left untranslated. */
  json_path = g_build_filename (f->dir, "case.json", NULL);
  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.format = "json";
  opts.output = json_path;
  g_assert_true (hw_interchange_export (f->store, &opts, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; en_words[i] != NULL; i++)
    if (has_word (json, en_words[i]))
      g_error ("“%s” is in the sample family's own data: choose another word to look for", en_words[i]);
  for (guint i = 0; es_words[i] != NULL; i++)
    if (has_word (json, es_words[i]))
      g_error ("“%s” is in the sample family's own data: choose another word to look for", es_words[i]);
  g_unlink (json_path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_array_unref (f->meetings);
  hw_test_store_free (f->store, f->dir);
}

/* Runs one export to @path; with @push, inside a switch to @language made
 * by the test itself. */
static void
run_export (Fixture           *f,
            const Document    *doc,
            const HwRecipient *recipient,
            gint64             meeting_id,
            const char        *language,
            gboolean           push,
            const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwLanguageSwitch) sw = push ? hw_language_push (language) : NULL;
  HwExportOptions opts;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.meeting_id = meeting_id;
  opts.what = doc->what;
  opts.format = doc->format;
  opts.output = path;
  opts.recipient = *recipient;
  opts.language = language;
  if (!doc->func (f->store, &opts, &error))
    g_error ("%s as %s in %s: %s", doc->what, doc->format, language, error->message);
}

/* The words of @path a reader sees: the PDF's text, the calendar's
 * human text. */
static char *
text_of (const char *path,
         const char *format)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GString *text;

  if (g_str_equal (format, "pdf"))
    return hw_test_pdftotext (path);
  g_assert_cmpstr (format, ==, "ics");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* unfold (RFC 5545: a line starting with a space continues the last)
   * and keep the properties people read */
  lines = g_strsplit (contents, "\r\n", -1);
  text = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      static const char * const human[] = { "SUMMARY", "DESCRIPTION", "LOCATION", "ORGANIZER",
                                            "COMMENT", NULL };
      const char *line = lines[i];

      if (line[0] == ' ' || line[0] == '\t')
        {
          if (text->len > 0)
            g_string_append (text, line + 1);
          continue;
        }
      g_string_append_c (text, '\n');
      for (guint h = 0; human[h] != NULL; h++)
        if (g_str_has_prefix (line, human[h]))
          g_string_append (text, line);
    }
  /* "\n" and "\," are escapes in ICS text */
  {
    g_autoptr(GRegex) escapes = g_regex_new ("\\\\[n,;]", 0, 0, NULL);
    g_autofree char *plain = g_regex_replace_literal (escapes, text->str, -1, 0, " ", 0, NULL);

    g_string_free (text, TRUE);
    return g_steal_pointer (&plain);
  }
}

static void
assert_wholly_in (const char *text,
                  const char *language,
                  const char *what)
{
  const char * const *forbidden = g_str_equal (language, "es") ? en_words : es_words;

  g_assert_cmpuint (strlen (text), >, 20);
  for (guint i = 0; forbidden[i] != NULL; i++)
    if (has_word (text, forbidden[i]))
      g_error ("%s in “%s” has the word “%s” of the other language:\n%s", what, language,
               forbidden[i], text);
}

/* Takes @svg; returns it with cairo's numbering of surfaces and fonts
 * taken out. */
static char *
normalize_svg (GRegex *ids,
               char   *svg,
               gsize  *len)
{
  char *out = g_regex_replace (ids, svg, *len, 0, "\\1\\2", 0, NULL);

  g_free (svg);
  *len = strlen (out);
  return out;
}

static void
check_document (Fixture           *f,
                const Document    *doc,
                const HwRecipient *recipient,
                gint64             meeting_id)
{
  g_autofree char *who = hw_recipient_to_string (recipient);

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "es" : "en";
      const char *other = l == 0 ? "en" : "es";
      g_autofree char *name = g_strdup_printf ("%s-%s-%s-%" G_GINT64_FORMAT ".%s", doc->what, who,
                                               language, meeting_id, doc->format);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *what = g_strdup_printf ("%s (%s, %s)", doc->what, doc->format, who);

      run_export (f, doc, recipient, meeting_id, language, FALSE, path);
      if (g_str_equal (doc->format, "pdf") || g_str_equal (doc->format, "ics"))
        {
          g_autofree char *text = text_of (path, doc->format);

          assert_wholly_in (text, language, what);
        }
      else
        {
          g_autofree char *pushed_path = g_strconcat (path, ".pushed", NULL);
          g_autofree char *other_path = g_strconcat (path, ".other", NULL);
          g_autofree char *made = NULL;
          g_autofree char *pushed = NULL;
          g_autofree char *in_other = NULL;
          gsize made_len, pushed_len, other_len;

          run_export (f, doc, recipient, meeting_id, language, TRUE, pushed_path);
          run_export (f, doc, recipient, meeting_id, other, FALSE, other_path);
          g_assert_true (g_file_get_contents (path, &made, &made_len, NULL));
          g_assert_true (g_file_get_contents (pushed_path, &pushed, &pushed_len, NULL));
          g_assert_true (g_file_get_contents (other_path, &in_other, &other_len, NULL));
          if (g_str_equal (doc->format, "svg"))
            {
              /* cairo numbers its surfaces and fonts per process */
              g_autoptr(GRegex) ids = g_regex_new ("(id=\"|#)(glyph|surface)[0-9]+", 0, 0, NULL);

              made = normalize_svg (ids, made, &made_len);
              pushed = normalize_svg (ids, pushed, &pushed_len);
              in_other = normalize_svg (ids, in_other, &other_len);
            }
          if (made_len != pushed_len || memcmp (made, pushed, made_len) != 0)
            g_error ("%s in “%s” is not drawn wholly in that language (it differs from the same "
                     "drawing made with every word in it)", what, language);
          if (made_len == other_len && memcmp (made, in_other, made_len) == 0)
            g_error ("%s is the same in “%s” and in “%s”", what, language, other);
          g_unlink (pushed_path);
          g_unlink (other_path);
        }
      g_unlink (path);
    }
}

static void
test_wholly_in_language (Fixture       *f,
                         gconstpointer  data)
{
  const HwRecipient recipients[] = {
    { HW_RECIPIENT_FAMILY, 0 },
    { HW_RECIPIENT_AGENCY, 0 },
    { HW_RECIPIENT_SUPPORT, f->person_id },
  };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    for (guint r = 0; r < G_N_ELEMENTS (recipients); r++)
      {
        /* under valgrind each document for one recipient, in turn */
        if (hw_test_under_valgrind () && r != d % G_N_ELEMENTS (recipients))
          continue;
        if (g_str_equal (documents[d].what, "meeting"))
          {
            for (guint m = 0; m < f->meetings->len; m++)
              check_document (f, &documents[d], &recipients[r], g_array_index (f->meetings, gint64, m));
          }
        else
          check_document (f, &documents[d], &recipients[r], 0);
        g_test_message ("%s as %s: checked", documents[d].what, documents[d].format);
      }
}

/* The dates: day and month names come from the catalog, whatever the
 * C library's locale says. */
static void
test_dates (void)
{
  g_autofree char *en = NULL;
  g_autofree char *es = NULL;
  g_autofree char *es_short = NULL;
  g_autofree char *es_month = NULL;
  g_autofree char *es_time = NULL;
  g_autofree char *en_no_year = NULL, *es_no_year = NULL;
  g_autofree char *en_day_month = NULL, *es_day_month = NULL;
  g_autofree char *es_from_date_time = NULL;
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_identifier ("+02:00");
  /* 3 March 2025, 23:30 at +02:00: still the 3rd there (the 3rd at 21:30
   * UTC) */
  g_autoptr(GDateTime) late = g_date_time_new (plus_two, 2025, 3, 3, 23, 30, 0);

  {
    g_autoptr(HwLanguageSwitch) sw = hw_language_push ("en");

    en = hw_language_format_date (2026, 12, 2, HW_DATE_WEEKDAY);
    en_no_year = hw_language_format_date (2025, 3, 1, HW_DATE_WEEKDAY_DAY_MONTH);
    en_day_month = hw_language_format_iso ("2025-03-10T16:00", HW_DATE_DAY_MONTH_LONG, FALSE);
  }
  {
    g_autoptr(HwLanguageSwitch) sw = hw_language_push ("es");

    es = hw_language_format_date (2026, 12, 2, HW_DATE_WEEKDAY);
    es_short = hw_language_format_iso ("2026-05-04", HW_DATE_SHORT, FALSE);
    es_month = hw_language_format_date (2026, 3, 1, HW_DATE_MONTH_YEAR);
    es_time = hw_language_format_iso ("2026-10-22T10:00:00", HW_DATE_LONG, TRUE);
    es_no_year = hw_language_format_date (2025, 3, 1, HW_DATE_WEEKDAY_DAY_MONTH);
    es_day_month = hw_language_format_iso ("2025-03-10T16:00", HW_DATE_DAY_MONTH_LONG, FALSE);
    es_from_date_time = hw_language_format_date_time (late, HW_DATE_WEEKDAY);
  }
  g_assert_cmpstr (en, ==, "Wednesday 2 December 2026");
  g_assert_cmpstr (es, ==, "miércoles 2 de diciembre de 2026");
  g_assert_cmpstr (es_short, ==, "4 may 2026");
  g_assert_cmpstr (es_month, ==, "marzo de 2026");
  g_assert_cmpstr (es_time, ==, "22 de octubre de 2026, 10:00");
  g_assert_cmpstr (en_no_year, ==, "Saturday 1 March");
  g_assert_cmpstr (es_no_year, ==, "sábado 1 de marzo");
  g_assert_cmpstr (en_day_month, ==, "10 March");
  g_assert_cmpstr (es_day_month, ==, "10 de marzo");
  g_assert_cmpstr (es_from_date_time, ==, "lunes 3 de marzo de 2025");
  /* the start of a title or a line */
  {
    const struct { const char *text, *capitalised; } titles[] = {
      { "marzo de 2026", "Marzo de 2026" }, { "sábado 1 de marzo", "Sábado 1 de marzo" },
      { "établissement", "Établissement" }, { "March 2026", "March 2026" }, { "", "" },
      { "3 de marzo", "3 de marzo" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        g_autofree char *c = hw_language_capitalise (titles[i].text);

        g_assert_cmpstr (c, ==, titles[i].capitalised);
      }
    g_assert_null (hw_language_capitalise (NULL));
  }
  /* not a date: as it is */
  g_assert_null (hw_language_format_date (2026, 2, 30, HW_DATE_LONG));
  {
    g_autofree char *odd = hw_language_format_iso ("next week", HW_DATE_LONG, FALSE);

    g_assert_cmpstr (odd, ==, "next week");
  }
}

/* Numbers, lengths of time and language names in the document's
 * language: "5,8" and "1 hora y 30 minutos" in Spanish, with a
 * non-breaking space between a number and its unit; "español" inside a
 * sentence. */
static void
test_numbers (void)
{
  const struct { const char *language; double value; int digits; const char *text; } decimals[] = {
    { "en", 5.75, 1, "5.8" }, { "es", 5.75, 1, "5,8" }, { "en", 0.0, 1, "0.0" },
    { "es", 0.0, 1, "0,0" }, { "es", -0.01, 1, "0,0" }, { "es", 13.4, 2, "13,40" },
    { "es", 1234.5, 1, "1234,5" }, { "es", 7.0, 0, "7" }, { "en", -2.25, 1, "-2.2" },
  };
  const struct { const char *language; int minutes; const char *text; } durations[] = {
    { "en", 120, "2\u00a0hours" }, { "en", 60, "1\u00a0hour" },
    { "en", 90, "1\u00a0hour 30\u00a0minutes" },
    { "en", 45, "45\u00a0minutes" }, { "en", 1, "1\u00a0minute" }, { "en", 0, "0\u00a0minutes" },
    { "es", 120, "2\u00a0horas" }, { "es", 61, "1\u00a0hora y 1\u00a0minuto" },
    { "es", 150, "2\u00a0horas y 30\u00a0minutos" }, { "es", 30, "30\u00a0minutos" },
    { "es", -5, "0\u00a0minutos" },
  };

  g_assert_true (hw_language_is_available ("es"));
  for (guint i = 0; i < G_N_ELEMENTS (decimals); i++)
    {
      g_autoptr(HwLanguageSwitch) sw = hw_language_push (decimals[i].language);
      g_autofree char *text = hw_language_format_decimal (decimals[i].value, decimals[i].digits);

      g_assert_cmpstr (text, ==, decimals[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autoptr(HwLanguageSwitch) sw = hw_language_push (durations[i].language);
      g_autofree char *text = hw_language_format_duration (durations[i].minutes);

      g_assert_cmpstr (text, ==, durations[i].text);
    }
  {
    g_autoptr(HwLanguageSwitch) sw = hw_language_push ("es");

    g_assert_cmpstr (hw_language_name_in_sentence ("es"), ==, "español");
    g_assert_cmpstr (hw_language_name_in_sentence ("en"), ==, "inglés");
    g_assert_cmpstr (hw_language_name_in_sentence ("asl"), ==, "lengua de señas americana");
    /* the choice lists keep their capital */
    g_assert_cmpstr (hw_choice_label (HW_CHOICES_LANGUAGE, "es"), ==, "Español");
    g_assert_cmpstr (hw_language_name_in_sentence ("xx"), ==, "xx");
  }
  {
    g_autoptr(HwLanguageSwitch) sw = hw_language_push ("en");

    g_assert_cmpstr (hw_language_name_in_sentence ("es"), ==, "Spanish");
  }
}

/* Runs every export of the case in @language; each must fail with
 * @domain/@code and write nothing. */
static void
assert_every_export_refused (Fixture    *f,
                             const char *language,
                             GQuark      domain,
                             int         code)
{
  const HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("refused-%s.%s", documents[d].what, documents[d].format);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      HwExportOptions opts;

      hw_export_options_init (&opts);
      opts.case_id = f->case_id;
      opts.meeting_id = g_array_index (f->meetings, gint64, 0);
      opts.what = documents[d].what;
      opts.format = documents[d].format;
      opts.output = path;
      opts.recipient = family;
      opts.language = language;
      if (documents[d].func (f->store, &opts, &error))
        g_error ("%s as %s was made in “%s”, which cannot be loaded", documents[d].what,
                 documents[d].format, language ? language : "the family's language");
      g_assert_error (error, domain, code);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* the service plan's table too */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_build_filename (f->dir, "refused.csv", NULL);
    HwExportOptions opts;

    hw_export_options_init (&opts);
    opts.case_id = f->case_id;
    opts.what = "service-plan";
    opts.format = "csv";
    opts.output = path;
    opts.language = language;
    g_assert_false (hw_service_plan_export (f->store, &opts, &error));
    g_assert_error (error, domain, code);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
test_missing_catalog (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *saved = g_strdup (g_getenv ("HOMEWARD_LOCALEDIR"));
  g_autofree char *empty = g_build_filename (f->dir, "no-translations", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken", NULL);
  g_autofree char *broken_mo = g_build_filename (broken, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) available = NULL;
  g_autofree char *chosen = NULL;

  /* an unknown language is refused whatever is installed */
  g_assert_null (hw_language_choose ("xx", NULL, &error));
  g_assert_error (error, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNKNOWN);
  g_clear_error (&error);
  assert_every_export_refused (f, "xx", HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNKNOWN);

  /* no catalog at all (the build tree without HOMEWARD_LOCALEDIR) */
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_setenv ("HOMEWARD_LOCALEDIR", empty, TRUE);
  g_assert_false (hw_language_is_available ("es"));
  g_assert_true (hw_language_is_available ("en"));
  available = hw_language_list_available ();
  g_assert_cmpuint (g_strv_length (available), ==, 1);
  g_assert_cmpstr (available[0], ==, "en");
  g_assert_null (hw_language_choose ("es", NULL, &error));
  g_assert_error (error, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  assert_every_export_refused (f, "es", HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNAVAILABLE);
  /* nor is the family's Spanish silently printed in English */
  assert_every_export_refused (f, NULL, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNAVAILABLE);
  /* English still works; a family language Homeward has no documents in
   * gives English */
  chosen = hw_language_choose ("en", "es", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, "en");
  g_clear_pointer (&chosen, g_free);
  chosen = hw_language_choose (NULL, "vi", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, "en");
  g_clear_pointer (&chosen, g_free);

  /* a file that is there but is not a catalog */
  g_assert_cmpint (g_mkdir_with_parents (broken, 0700), ==, 0);
  {
    g_autofree char *folder = g_path_get_dirname (broken_mo);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (broken_mo, "not a catalog", -1, NULL));
  g_setenv ("HOMEWARD_LOCALEDIR", broken, TRUE);
  g_assert_true (hw_language_has_catalog ("es"));
  g_assert_false (hw_language_is_available ("es"));
  g_assert_null (hw_language_choose (NULL, "es", &error));
  g_assert_error (error, HW_LANGUAGE_ERROR, HW_LANGUAGE_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* and back: Spanish loads again */
  g_setenv ("HOMEWARD_LOCALEDIR", saved, TRUE);
  g_assert_true (hw_language_is_available ("es"));
  chosen = hw_language_choose (NULL, "es", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, "es");

  g_unlink (broken_mo);
  {
    g_autofree char *lc = g_build_filename (broken, "es", "LC_MESSAGES", NULL);
    g_autofree char *es = g_build_filename (broken, "es", NULL);

    g_rmdir (lc);
    g_rmdir (es);
  }
  g_rmdir (broken);
  g_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-language/dates", test_dates);
  g_test_add_func ("/document-language/numbers", test_numbers);
  g_test_add ("/document-language/wholly-in-language", Fixture, NULL,
              fixture_set_up, test_wholly_in_language, fixture_tear_down);
  g_test_add ("/document-language/missing-catalog", Fixture, NULL,
              fixture_set_up, test_missing_catalog, fixture_tear_down);

  return g_test_run ();
}
