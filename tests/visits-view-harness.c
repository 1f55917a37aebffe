/* visits-view-harness.c: the family-time view alone in a window, on the
 * database in $HOMEWARD_TEST_DB (the Morales family is added when it is
 * empty), showing the month of $HOMEWARD_TEST_DAY. Driven through the
 * accessibility tree by tests/e2e-visits.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "hw-demo.h"
#include "hw-store.h"
#include "hw-visits-view.h"

static void
activate_cb (GtkApplication *app,
             gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) store = hw_store_open (g_getenv ("HOMEWARD_TEST_DB"), &error);
  GtkWidget *window, *box, *view;
  gint64 case_id;

  if (store == NULL)
    g_error ("%s", error->message);
  case_id = hw_store_query_int (store, 0, "SELECT min(id) FROM cases", G_TYPE_INVALID);
  if (case_id == 0 && (case_id = hw_demo_create (store, &error)) == 0)
    g_error ("%s", error->message);

  window = adw_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Family time");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  view = hw_visits_view_new (store, case_id);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  if (g_getenv ("HOMEWARD_TEST_DAY"))
    hw_visits_view_show_day (HW_VISITS_VIEW (view), g_getenv ("HOMEWARD_TEST_DAY"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("app.homeward.VisitsHarness", G_APPLICATION_NON_UNIQUE);

  g_set_prgname ("visits-view-harness");
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
