/* test-print-dialog.c: the print dialog every document of the window goes
 * through (HwPrintDialog): who it offers a copy to (the family, the agency
 * and the court, each adult who may have their own copy, never a person
 * kept confidential, never a child), that the family's copy and the
 * family's language are chosen first, and that the document is built for
 * the choices with gettext in the chosen language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <string.h>

#include "hw-demo.h"
#include "hw-language.h"
#include "hw-print-dialog.h"
#include "hw-test-store.h"
#include "hw-visits-view.h"

typedef struct {
  guint        calls;
  guint        freed;
  HwRecipient  recipient;
  char        *language;
  char        *paper;
  char        *gettext_language;   /* hw_language_get_current() during the call */
  gboolean     for_real;
} Seen;

static HwDocument *
build_cb (HwPrintDialog     *dialog,
          const HwRecipient *recipient,
          const char        *language,
          const char        *paper,
          gboolean           for_real,
          gpointer           user_data,
          GError           **error)
{
  Seen *seen = user_data;
  HwDocument *doc = hw_document_new ();

  seen->calls++;
  seen->recipient = *recipient;
  g_free (seen->language);
  seen->language = g_strdup (language);
  g_free (seen->paper);
  seen->paper = g_strdup (paper);
  g_free (seen->gettext_language);
  seen->gettext_language = g_strdup (hw_language_get_current ());
  seen->for_real = for_real;
  hw_document_add_paragraph (doc, "A copy");
  return doc;
}

static void
seen_free_cb (gpointer data)
{
  ((Seen *) data)->freed++;
}

static gint64
person_named (HwStore    *store,
              gint64      case_id,
              const char *name)
{
  gint64 id = hw_store_query_int (store, 0, "SELECT id FROM people WHERE case_id = ? AND name = ?",
                                  G_TYPE_INT64, case_id, G_TYPE_STRING, name, G_TYPE_INVALID);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_recipients (void)
{
  g_autofree char *dir = NULL;
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("hw-test-print-dialog-XXXXXX", &dir, &case_id);
  HwPrintDialog *dialog;
  g_auto(GStrv) recipients = NULL;
  g_autofree char *elena = NULL, *rosa = NULL, *alicia = NULL, *sofia = NULL;
  g_autofree char *chosen = NULL;

  elena = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_named (store, case_id, "Elena Morales"));
  rosa = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_named (store, case_id, "Rosa Morales"));
  alicia = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_named (store, case_id, "Alicia Brooks"));
  sofia = g_strdup_printf ("person:%" G_GINT64_FORMAT, person_named (store, case_id, "Sofía Morales"));

  dialog = g_object_ref_sink (hw_print_dialog_new (store, case_id, "Print", "Save"));
  recipients = hw_print_dialog_list_recipients (dialog);
  /* the family first, then the agency and the court, then one person */
  g_assert_cmpuint (g_strv_length (recipients), >, 4);
  g_assert_cmpstr (recipients[0], ==, "family");
  g_assert_cmpstr (recipients[1], ==, "agency");
  g_assert_true (g_strv_contains ((const char * const *) recipients, elena));
  g_assert_true (g_strv_contains ((const char * const *) recipients, rosa));
  /* confidential to all but the agency: not even her name is offered */
  g_assert_false (g_strv_contains ((const char * const *) recipients, alicia));
  /* children get the family's copy */
  g_assert_false (g_strv_contains ((const char * const *) recipients, sofia));

  /* the family's copy, in the family's language (Spanish) */
  chosen = hw_print_dialog_get_recipient (dialog);
  g_assert_cmpstr (chosen, ==, "family");
  g_assert_cmpstr (hw_print_dialog_get_language (dialog), ==, "es");

  /* a recipient not offered is refused and changes nothing */
  g_assert_false (hw_print_dialog_select (dialog, alicia, NULL));
  g_clear_pointer (&chosen, g_free);
  chosen = hw_print_dialog_get_recipient (dialog);
  g_assert_cmpstr (chosen, ==, "family");
  g_assert_true (hw_print_dialog_select (dialog, elena, "en"));
  g_clear_pointer (&chosen, g_free);
  chosen = hw_print_dialog_get_recipient (dialog);
  g_assert_cmpstr (chosen, ==, elena);
  g_assert_cmpstr (hw_print_dialog_get_language (dialog), ==, "en");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

/* An English-speaking family gets English first; a family language no
 * document can be made in leaves English (never an empty choice). */
static void
test_family_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("hw-test-print-dialog-XXXXXX", &dir, &case_id);
  const char *languages[] = { "en", "fr" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(HwRecord) kase = hw_store_get (store, "cases", case_id, &error);
      HwPrintDialog *dialog;

      g_assert_no_error (error);
      hw_record_set_string (kase, "primary_language", languages[i]);
      g_assert_true (hw_store_update (store, "Language", kase, &error));
      g_assert_no_error (error);
      dialog = g_object_ref_sink (hw_print_dialog_new (store, case_id, "Print", "Save"));
      g_assert_cmpstr (hw_print_dialog_get_language (dialog), ==, "en");
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_finalize_object (dialog);
    }
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_build (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("hw-test-print-dialog-XXXXXX", &dir, &case_id);
  HwPrintDialog *dialog = g_object_ref_sink (hw_print_dialog_new (store, case_id, "Print", "Save"));
  Seen seen = { 0 };
  HwDocument *doc;

  /* without a way to build the document, a clear refusal */
  doc = hw_print_dialog_build_document (dialog, TRUE, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_clear_error (&error);

  hw_print_dialog_set_build_func (dialog, build_cb, &seen, seen_free_cb);
  doc = hw_print_dialog_build_document (dialog, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_finalize_object (doc);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpint (seen.recipient.kind, ==, HW_RECIPIENT_FAMILY);
  g_assert_cmpstr (seen.language, ==, "es");
  /* builders that write "in the current language" get the copy's */
  g_assert_cmpstr (seen.gettext_language, ==, "es");
  g_assert_cmpstr (seen.paper, ==, "a4");
  g_assert_false (seen.for_real);
  /* and the screen's language is back afterwards */
  g_assert_null (hw_language_get_current ());

  g_assert_true (hw_print_dialog_select (dialog, "agency", "en"));
  doc = hw_print_dialog_build_document (dialog, TRUE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (doc);
  g_assert_cmpint (seen.recipient.kind, ==, HW_RECIPIENT_AGENCY);
  g_assert_cmpstr (seen.language, ==, "en");
  g_assert_true (seen.for_real);

  /* the dialog lets go of the build data when it goes */
  g_assert_cmpuint (seen.freed, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (seen.freed, ==, 1);
  g_free (seen.language);
  g_free (seen.paper);
  g_free (seen.gettext_language);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static HwPrintDialog *
open_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (HW_IS_PRINT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return HW_PRINT_DIALOG (w);
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
        return w;
      if ((found = find_button (w, label)) != NULL)
        return found;
    }
  return NULL;
}

/* Family time's Export as a Calendar goes through the same dialog: the
 * family's calendar first, in the family's language, without the agency's
 * notes; the agency's has them. No paper, no Print. */
static void
test_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *family_path = NULL, *agency_path = NULL;
  g_autofree char *family = NULL, *agency = NULL;
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("hw-test-print-dialog-XXXXXX", &dir, &case_id);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = hw_visits_view_new (store, case_id);
  GtkWidget *print, *save;
  HwPrintDialog *dialog;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_true (gtk_widget_activate_action (view, "visits.export-calendar", NULL));
  iterate ();
  dialog = open_print_dialog ();
  g_assert_nonnull (dialog);
  print = find_button (GTK_WIDGET (dialog), "_Print…");
  g_assert_true (print == NULL || !gtk_widget_get_visible (print));
  save = find_button (GTK_WIDGET (dialog), "_Save Calendar…");
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_visible (save));

  /* chosen first: the family, in Spanish */
  family_path = g_build_filename (dir, "family.ics", NULL);
  g_assert_true (hw_print_dialog_save_file (dialog, family_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (family_path, &family, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (family, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (family, "Supervisión"));
  g_assert_null (strstr (family, "homework folders"));
  g_assert_null (strstr (family, "X-HOMEWARD-NOTES"));

  g_assert_true (hw_print_dialog_select (dialog, "agency", "en"));
  agency_path = g_build_filename (dir, "agency.ics", NULL);
  g_assert_true (hw_print_dialog_save_file (dialog, agency_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (agency_path, &agency, NULL, &error));
  g_assert_nonnull (strstr (agency, "homework folders"));
  g_assert_nonnull (strstr (agency, "Supervision"));
  /* the screen's language is back afterwards */
  g_assert_null (hw_language_get_current ());

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/print-dialog/recipients", test_recipients);
  g_test_add_func ("/print-dialog/family-language", test_family_language);
  g_test_add_func ("/print-dialog/build", test_build);
  g_test_add_func ("/print-dialog/calendar", test_calendar);

  return g_test_run ();
}
