/* test-plan-import-dialog.c: "Bring In From the Meeting…" in the safety
 * plan's editor: the dialog lists the latest meeting's worries, goals,
 * decisions and next steps grouped by section, every one ticked; Add
 * Selected adds the ticked ones in one edit, with an Undo toast; nothing
 * comes in twice. HW_TEST_SHOTS=dir saves pictures of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "hw-meeting.h"
#include "hw-plan.h"
#include "hw-plan-editor.h"
#include "hw-plan-import-dialog.h"
#include "hw-plans-view.h"
#include "hw-service-plan.h"
#include "hw-service-plan-needs-import-dialog.h"
#include "hw-service-plan-view.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autofree char *path = NULL;
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (g_getenv ("HW_TEST_SHOTS") == NULL)
    return;
  path = g_build_filename (g_getenv ("HW_TEST_SHOTS"), name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (w, 1), MAX (h, 1));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
  g_object_unref (paintable);
}

/* The first widget of @type under @root whose accessible label or button
 * label is @label (NULL: any). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) &&
          (label == NULL ||
           (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)))
        return w;
      if ((found = find_widget (w, type, label)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0)
        return w;
      if ((found = find_label (w, text)) != NULL)
        return found;
    }
  return NULL;
}

static guint
count_checks (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_CHECK_BUTTON (w) && gtk_check_button_get_active (GTK_CHECK_BUTTON (w)))
        n++;
      n += count_checks (w);
    }
  return n;
}

static gint64
plan_items (HwStore *store,
            gint64   plan_id)
{
  return hw_store_query_int (store, -1, "SELECT count(*) FROM plan_items WHERE plan_id = ?",
                             G_TYPE_INT64, plan_id, G_TYPE_INVALID);
}

/* The open window of @type among the toplevels. */
static GtkWidget *
open_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static HwPlanImportDialog *
open_dialog (void)
{
  GtkWidget *w = open_window (HW_TYPE_PLAN_IMPORT_DIALOG);

  return w != NULL ? HW_PLAN_IMPORT_DIALOG (w) : NULL;
}

static void
test_dialog (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;   /* freed by hw_test_store_free() */
  HwStore *store;
  GtkWidget *window, *overlay, *view, *button;
  HwPlanEditor *editor;
  HwPlanImportDialog *dialog;
  gint64 case_id, plan_id, meeting, before, rules;

  store = hw_test_store_new_demo ("test-plan-import-dialog-XXXXXX", &dir, &case_id);
  /* today's meeting, the latest */
  meeting = hw_meeting_create (store, case_id, "family-team-meeting", "2026-12-01T10:00", &error);
  g_assert_no_error (error);
  hw_meeting_add_item (store, meeting, "worries", "We worry the children miss school.", &error);
  hw_meeting_add_item (store, meeting, "safety-goals", "The children get to school every day.",
                       &error);
  hw_meeting_add_decision (store, meeting, "Rosa takes the children to school on bad days.",
                           TRUE, NULL, &error);
  hw_meeting_add_action (store, meeting, "Rosa calls the school every Monday.",
                         hw_store_query_int (store, 0, "SELECT id FROM people WHERE name = "
                                             "'Rosa Morales'", G_TYPE_INVALID),
                         0, "2026-12-15", &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  overlay = adw_toast_overlay_new ();
  view = hw_plans_view_new (store, case_id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  editor = hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY);
  plan_id = hw_plan_editor_get_plan_id (editor, FALSE);
  g_assert_cmpint (plan_id, >, 0);
  before = plan_items (store, plan_id);
  rules = hw_plan_editor_count_rows (editor, "rule");

  /* the button, labelled, only in the safety plan */
  button = find_widget (GTK_WIDGET (editor), GTK_TYPE_BUTTON, "_Bring In From the Meeting…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  {
    GtkWidget *other = find_widget (GTK_WIDGET (hw_plans_view_get_editor (HW_PLANS_VIEW (view),
                                                                          HW_PLAN_REUNIFICATION)),
                                    GTK_TYPE_BUTTON, "_Bring In From the Meeting…");

    g_assert_true (other == NULL || !gtk_widget_get_visible (other));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.import", NULL));
  iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  /* the latest meeting, all four proposed and ticked */
  g_assert_cmpuint (hw_plan_import_dialog_get_n_items (dialog), ==, 4);
  g_assert_cmpuint (count_checks (GTK_WIDGET (dialog)), ==, 4);
  /* nothing written yet */
  g_assert_cmpint (plan_items (store, plan_id), ==, before);
  /* a few frames, for the picture */
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  save_png (GTK_WIDGET (dialog), "plan-import-dialog.png");

  /* the person leaves one out */
  hw_plan_import_dialog_set_active (dialog, 0, FALSE);
  g_assert_cmpuint (count_checks (GTK_WIDGET (dialog)), ==, 3);
  g_assert_true (hw_plan_import_dialog_add (dialog));
  iterate ();
  g_assert_null (open_dialog ());
  g_assert_cmpint (plan_items (store, plan_id), ==, before + 3);
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, rules + 2);
  save_png (window, "plan-import-added.png");
  /* the toast says what came in, with Undo */
  g_assert_nonnull (find_label (overlay, "3 entries brought in from the meeting"));

  /* one Undo takes all three away */
  {
    g_autofree char *label = hw_store_get_undo_label (store);

    g_assert_cmpstr (label, ==, "Bring in from the meeting");
  }
  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpint (plan_items (store, plan_id), ==, before);
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, rules);
  g_assert_true (hw_store_redo (store, &error));
  iterate ();

  /* again: only the one left out is offered */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.import", NULL));
  iterate ();
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (hw_plan_import_dialog_get_n_items (dialog), ==, 1);
  /* an older meeting of the family can be chosen */
  g_assert_true (hw_plan_import_dialog_select_meeting (dialog,
                   hw_store_query_int (store, 0, "SELECT id FROM meetings WHERE case_id = ? "
                                       "ORDER BY starts_at LIMIT 1", G_TYPE_INT64, case_id,
                                       G_TYPE_INVALID)));
  iterate ();
  g_assert_cmpuint (hw_plan_import_dialog_get_n_items (dialog), ==,
                    count_checks (GTK_WIDGET (dialog)));
  /* nothing ticked: refused in the dialog, nothing written */
  for (guint i = 0; i < hw_plan_import_dialog_get_n_items (dialog); i++)
    hw_plan_import_dialog_set_active (dialog, i, FALSE);
  g_assert_false (hw_plan_import_dialog_add (dialog));
  g_assert_cmpint (plan_items (store, plan_id), ==, before + 3);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  hw_test_store_free (store, dir);
}

static gint64
needs (HwStore *store,
       gint64   case_id)
{
  return hw_store_query_int (store, -1, "SELECT count(*) FROM needs WHERE case_id = ?",
                             G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

static HwServicePlanNeedsImportDialog *
open_needs_dialog (void)
{
  GtkWidget *w = open_window (HW_TYPE_SERVICE_PLAN_NEEDS_IMPORT_DIALOG);

  return w != NULL ? HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (w) : NULL;
}

/* "Needs From Low Ratings…" on the service plan's readiness tab: the
 * areas rated low in the latest review, as needs of the matching domain
 * the family has no need in yet, every one ticked; Add Selected adds the
 * ticked ones in one edit with an Undo toast; none comes in twice. */
static void
test_needs_dialog (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;   /* freed by hw_test_store_free() */
  HwStore *store;
  GtkWidget *window, *overlay, *view, *button;
  HwServicePlanNeedsImportDialog *dialog;
  gint64 case_id, review, before;

  store = hw_test_store_new_demo ("test-plan-import-needs-XXXXXX", &dir, &case_id);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  overlay = adw_toast_overlay_new ();
  view = hw_service_plan_view_new (store, case_id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* the family's parenting need is done with and deleted: a low parenting
   * rating can ask for one again */
  g_assert_true (hw_service_plan_delete (store, NULL, "needs",
                                         hw_store_query_int (store, 0, "SELECT id FROM needs "
                                                             "WHERE case_id = ? AND domain = "
                                                             "'parenting'", G_TYPE_INT64,
                                                             case_id, G_TYPE_INVALID),
                                         &error));
  g_assert_no_error (error);
  iterate ();
  before = needs (store, case_id);

  /* the button is on the readiness tab */
  button = find_widget (view, GTK_TYPE_BUTTON, "Needs From _Low Ratings…");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "plan.import-needs");

  /* the sample's latest review rates nothing low: nothing to add */
  g_assert_true (gtk_widget_activate_action (view, "plan.import-needs", NULL));
  iterate ();
  dialog = open_needs_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (hw_service_plan_needs_import_dialog_get_n_items (dialog), ==, 0);
  g_assert_false (hw_service_plan_needs_import_dialog_add (dialog));
  g_assert_cmpint (needs (store, case_id), ==, before);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();

  /* a new review: safety twice (one need), parenting, and housing, which
   * the family has a need for already */
  review = hw_service_plan_add_review (store, case_id, "2026-12-02", "", &error);
  g_assert_no_error (error);
  hw_service_plan_set_rating (store, review, "family-safety", -2, &error);
  hw_service_plan_set_rating (store, review, "readiness", -3, &error);
  hw_service_plan_set_rating (store, review, "parenting-skills", -1, &error);
  hw_service_plan_set_rating (store, review, "environment", -2, &error);
  hw_service_plan_set_rating (store, review, "caregiver-commitment", 2, &error);
  g_assert_no_error (error);
  iterate ();

  g_assert_true (gtk_widget_activate_action (view, "plan.import-needs", NULL));
  iterate ();
  dialog = open_needs_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (hw_service_plan_needs_import_dialog_get_n_items (dialog), ==, 2);
  g_assert_cmpuint (count_checks (GTK_WIDGET (dialog)), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Child safety"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Parenting"));
  g_assert_cmpint (needs (store, case_id), ==, before);
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  save_png (GTK_WIDGET (dialog), "needs-import-dialog.png");

  /* nothing ticked: refused, nothing written */
  hw_service_plan_needs_import_dialog_set_active (dialog, 0, FALSE);
  hw_service_plan_needs_import_dialog_set_active (dialog, 1, FALSE);
  g_assert_false (hw_service_plan_needs_import_dialog_add (dialog));
  g_assert_cmpint (needs (store, case_id), ==, before);
  /* one of the two */
  hw_service_plan_needs_import_dialog_set_active (dialog, 0, TRUE);
  g_assert_true (hw_service_plan_needs_import_dialog_add (dialog));
  iterate ();
  g_assert_null (open_needs_dialog ());
  g_assert_cmpint (needs (store, case_id), ==, before + 1);
  g_assert_nonnull (find_label (overlay, "1 need added from the readiness review"));
  {
    g_autofree char *label = hw_store_get_undo_label (store);

    g_assert_cmpstr (label, ==, "Add needs from the readiness review");
  }

  /* again: only the one left out is offered */
  g_assert_true (gtk_widget_activate_action (view, "plan.import-needs", NULL));
  iterate ();
  dialog = open_needs_dialog ();
  g_assert_cmpuint (hw_service_plan_needs_import_dialog_get_n_items (dialog), ==, 1);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();

  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (needs (store, case_id), ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  hw_test_store_free (store, dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/plan-import-dialog/add-selected", test_dialog);
  g_test_add_func ("/plan-import-dialog/needs-from-readiness", test_needs_dialog);
  return g_test_run ();
}
