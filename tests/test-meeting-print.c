/* test-meeting-print.c: the print operation every document is printed
 * with (HwPrintOperation) prints the meeting summary page for page: exported through GtkPrintOperation to a PDF and
 * read back with pdftotext, the family's copy has the open content and
 * none of what is withheld from the family.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "hw-demo.h"
#include "hw-meeting.h"
#include "hw-meeting-summary.h"
#include "hw-print-operation.h"

static void
test_print_family_copy (void)
{
  static const HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-print-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "homeward.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(HwStore) store = NULL;
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(HwPrintOperation) print = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  gint64 case_id, meeting;
  int status;

  store = hw_store_open (db, &error);
  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);
  meeting = hw_store_query_int (store, 0, "SELECT id FROM meetings WHERE case_id = ? ORDER BY starts_at DESC LIMIT 1",
                                G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_assert_cmpint (meeting, >, 0);

  doc = hw_meeting_summary_build (store, meeting, &family, "letter", &error);
  g_assert_no_error (error);
  print = hw_print_operation_new (doc);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Who took part"));
  g_assert_nonnull (strstr (out, "Elena Morales"));
  g_assert_null (strstr (out, "Agency only"));
  g_assert_null (strstr (out, "Alicia"));

  g_clear_object (&print);
  g_clear_object (&doc);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-print/family-copy", test_print_family_copy);

  return g_test_run ();
}
