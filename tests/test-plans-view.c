/* test-plans-view.c: the plans area: adding entries through the dialog
 * (and the refusal of the alleged source of harm as a protector), undo,
 * "agree and print" and printing through the GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <adwaita.h>

#include "hw-demo.h"
#include "hw-plan.h"
#include "hw-plan-item-dialog.h"
#include "hw-plan-item-row.h"
#include "hw-plan-print-dialog.h"
#include "hw-plans-view.h"
#include "hw-print-operation.h"
#include "hw-tooltip.h"
#include "hw-test-pdf.h"

static char *tmpdir;

static gint64
add_person (HwStore    *store,
            gint64      case_id,
            const char *name,
            const char *role,
            gboolean    harm)
{
  g_autoptr(HwRecord) p = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (p, "case_id", case_id);
  hw_record_set_string (p, "name", name);
  hw_record_set_string (p, "role", role);
  hw_record_set_string (p, "phone", "555-0100");
  hw_record_set_boolean (p, "alleged_harm_source", harm);
  id = hw_store_insert (store, "Add person", p, &error);
  g_assert_no_error (error);
  return id;
}

/* A rule of @plan_id's plan saying @text, added through @store. */
static gint64
add_rule (HwStore    *store,
          gint64      plan_id,
          const char *text)
{
  g_autoptr(HwRecord) item = hw_record_new ("plan_items");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (item, "section", "rule");
  hw_record_set_string (item, "text", text);
  id = hw_plan_add_item (store, plan_id, item, &error);
  g_assert_no_error (error);
  return id;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The who row lists "Nobody", then the people by name. */
static void
choose (HwPlanItemDialog *dialog,
        const char       *name)
{
  AdwComboRow *row = NULL;
  GListModel *model;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (dialog)); w != NULL; )
    {
      if (ADW_IS_COMBO_ROW (w))
        {
          row = ADW_COMBO_ROW (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("%s is not in the list", name);
}

/* The GtkText at or under @root (where an entry row's text is typed),
 * or, if @root has none, NULL. */
static GtkWidget *
first_text (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_TEXT (w))
        return w;
      if ((found = first_text (w)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget *root)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (w))
        return w;
      if ((found = find_entry_row (w)) != NULL)
        return found;
    }
  return NULL;
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

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

/* The first view stack at or under @root. */
static GtkWidget *
first_stack (GtkWidget *root)
{
  if (ADW_IS_VIEW_STACK (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Plan editors made under @root. */
static guint
count_editors (GtkWidget *root)
{
  guint n = HW_IS_PLAN_EDITOR (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_editors (child);
  return n;
}

static void
test_plans_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "view.db", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "printed.pdf", NULL);
  HwStore *store = hw_store_open (path, &error);
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  GtkWidget *window, *overlay, *view;
  HwPlanEditor *editor;
  HwPlanItemDialog *dialog;
  gint64 case_id, plan_id;

  g_assert_no_error (error);
  hw_record_set_string (kase, "family_name", "Navarro");
  hw_record_set_string (kase, "primary_language", "es");
  case_id = hw_store_insert (store, "Add family", kase, &error);
  add_person (store, case_id, "Inés Navarro", "mother", FALSE);
  add_person (store, case_id, "Raúl Navarro", "father", TRUE);
  add_person (store, case_id, "Pilar Navarro", "kin-caregiver", FALSE);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  overlay = adw_toast_overlay_new ();
  view = hw_plans_view_new (store, case_id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* the plan for after going home is made when its tab is first shown */
  g_assert_cmpuint (count_editors (view), ==, 1);
  {
    GtkWidget *stack = first_stack (view);

    g_assert_nonnull (stack);
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "reunification");
    iterate ();
    g_assert_cmpuint (count_editors (view), ==, 2);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hw_plans_view_get_editor (HW_PLANS_VIEW (view),
                                                                                HW_PLAN_REUNIFICATION))));
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "safety");
    iterate ();
  }

  editor = hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY);
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, 0);
  plan_id = hw_plan_editor_get_plan_id (editor, TRUE);
  g_assert_cmpint (plan_id, >, 0);

  /* the alleged source of harm cannot protect: refused, nothing written */
  dialog = hw_plan_item_dialog_new (store, plan_id, "rule", 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog))), "RULE-FROM-DIALOG school runs");
  choose (dialog, "Raúl Navarro");
  g_assert_false (hw_plan_item_dialog_save (dialog));
  g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM plan_items", G_TYPE_INVALID), ==, 0);
  iterate ();
  if (g_getenv ("HW_TEST_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "plan-item-refused.png", NULL);
      save_png (GTK_WIDGET (dialog), shot);
    }

  choose (dialog, "Pilar Navarro");
  g_assert_true (hw_plan_item_dialog_save (dialog));
  iterate ();
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, 1);

  /* undo and redo through the store; the editor follows */
  g_assert_true (hw_store_undo (store, &error));
  iterate ();
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, 0);
  g_assert_true (hw_store_redo (store, &error));
  iterate ();
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, 1);

  /* Enter in a field saves, as the Save button does: each field passes
   * Enter on to the dialog's default, which saves */
  {
    HwPlanItemDialog *enter = hw_plan_item_dialog_new (store, plan_id, "safety-goal", 0);
    GtkWidget *row, *text;
    guint fields = 0;

    gtk_window_present (GTK_WINDOW (enter));
    iterate ();
    row = find_entry_row (GTK_WIDGET (enter));
    for (GtkWidget *w = row; w != NULL; w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_ENTRY_ROW (w))
        {
          g_assert_true (adw_entry_row_get_activates_default (ADW_ENTRY_ROW (w)));
          fields++;
        }
    g_assert_cmpuint (fields, ==, 5);
    gtk_editable_set_text (GTK_EDITABLE (row), "ENTER saves this goal");
    iterate ();
    text = first_text (row);
    g_assert_nonnull (text);
    gtk_widget_activate_default (text);
    /* a button activated by the keyboard is clicked after it has shown
     * itself pressed (GTK's 250 ms) */
    for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
         hw_store_query_int (store, -1, "SELECT count(*) FROM plan_items WHERE text = 'ENTER saves this goal'",
                             G_TYPE_INVALID) == 0 && g_get_monotonic_time () < end;)
      g_main_context_iteration (NULL, TRUE);
    iterate ();
    g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM plan_items WHERE text = 'ENTER saves this goal'",
                                         G_TYPE_INVALID), ==, 1);
    g_assert_cmpuint (hw_plan_editor_count_rows (editor, "safety-goal"), ==, 1);
  }

  /* agree and print: a version, printed through the print operation */
  {
    g_autoptr(HwPrintDialog) print = g_object_ref_sink (hw_plan_print_dialog_new (store, plan_id, 0, TRUE));
    g_autoptr(HwDocument) doc = NULL;
    g_autoptr(HwPrintOperation) op = NULL;
    g_autofree char *text = NULL;

    g_assert_true (hw_print_dialog_select (print, "family", "en"));
    doc = hw_print_dialog_build_document (print, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (hw_plan_print_dialog_get_version (print), ==, 1);
    g_assert_cmpint (hw_plan_get_latest_version (store, plan_id), ==, 1);

    op = hw_print_operation_new (doc);
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), pdf);
    g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    /* GTK makes this PDF (print to file): valid, fonts embedded; the
     * tagged PDF is hw_document_export_pdf()'s, tested in test-document */
    hw_test_assert_pdf (pdf, hw_document_get_n_pages (doc), FALSE);
    text = hw_test_pdftotext (pdf);
    g_assert_nonnull (strstr (text, "RULE-FROM-DIALOG"));
    g_assert_nonnull (strstr (text, "Version 1, agreed on"));
    g_assert_nonnull (strstr (text, "Pilar Navarro"));
    gtk_window_destroy (GTK_WINDOW (print));
  }
  iterate ();
  /* the editor shows the agreed version, and a change makes a new draft */
  g_assert_cmpstr (hw_plan_editor_get_status (editor), ==, "Version 1, as agreed.");
  g_assert_true (hw_plan_set_dates (store, plan_id, NULL, "2027-01-31", NULL, &error));
  iterate ();
  g_assert_nonnull (strstr (hw_plan_editor_get_status (editor), "new draft"));

  if (g_getenv ("HW_TEST_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "plans-view.png", NULL);
      save_png (window, shot);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  /* nothing the view made (record lists, dialogs, idle rebuilds) keeps
   * the store alive */
  g_assert_finalize_object (store);
}

/* The first widget under @root of @type whose title (a row) or text (a
 * label) is @text. */
static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *text)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) &&
          ((ADW_IS_PREFERENCES_ROW (w) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), text) == 0) ||
           (HW_IS_PLAN_ITEM_ROW (w) &&
            g_strcmp0 (hw_text_row_get_title (HW_TEXT_ROW (w)), text) == 0) ||
           (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0)))
        return w;
      if ((found = find (w, type, text)) != NULL)
        return found;
    }
  return NULL;
}

#define CONFLICT_MESSAGE "Someone else changed this since you opened it. Their text is shown; make your change again."

/* Two people on one plan: another program (a second store on the same
 * file, someone else) changes an entry while its dialog is open, and the
 * review date and the point person while the editor shows them. Each
 * save over their change is refused with the message, their text (or
 * choice) is shown, theirs is kept; made again, it goes through. */
static void
test_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "conflict.db", NULL);
  HwStore *store = hw_store_open (path, &error);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  GtkWidget *window, *overlay, *view, *row, *problem;
  HwPlanEditor *editor;
  HwPlanItemDialog *dialog;
  gint64 case_id, plan_id, item_id, pilar, ines;

  g_assert_no_error (error);
  hw_record_set_string (kase, "family_name", "Navarro");
  case_id = hw_store_insert (store, "Add family", kase, &error);
  ines = add_person (store, case_id, "Inés Navarro", "mother", FALSE);
  pilar = add_person (store, case_id, "Pilar Navarro", "kin-caregiver", FALSE);
  plan_id = hw_plan_ensure (store, case_id, HW_PLAN_SAFETY, &error);
  g_assert_no_error (error);
  item_id = add_rule (store, plan_id, "Grandma does the school runs");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  overlay = adw_toast_overlay_new ();
  view = hw_plans_view_new (store, case_id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  dialog = hw_plan_item_dialog_new (store, plan_id, "rule", item_id);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  other = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "plan_items", item_id, &error);
  g_assert_no_error (error);
  hw_record_set_string (theirs, "text", "Pilar does the school runs");
  hw_record_set_ref (theirs, "who_person_id", pilar);
  hw_plan_update_item (other, theirs, &error);
  g_assert_no_error (error);

  row = find_entry_row (GTK_WIDGET (dialog));
  gtk_editable_set_text (GTK_EDITABLE (row), "Inés does the school runs");
  g_assert_false (hw_plan_item_dialog_save (dialog));
  iterate ();
  problem = find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, CONFLICT_MESSAGE);
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (problem));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Pilar does the school runs");
  stored = hw_store_get (store, "plan_items", item_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "text"), ==, "Pilar does the school runs");
  g_assert_cmpint (hw_record_get_int (stored, "who_person_id"), ==, pilar);
  g_clear_object (&stored);
  if (g_getenv ("HW_TEST_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "plan-item-conflict.png", NULL);
      save_png (GTK_WIDGET (dialog), shot);
    }

  /* made again on their text, it is saved (who stays Pilar) */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_editable_set_text (GTK_EDITABLE (row), "Pilar and Inés do the school runs");
  g_assert_true (hw_plan_item_dialog_save (dialog));
  iterate ();
  g_assert_null (dialog);
  stored = hw_store_get (store, "plan_items", item_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "text"), ==, "Pilar and Inés do the school runs");
  g_assert_cmpint (hw_record_get_int (stored, "who_person_id"), ==, pilar);
  g_clear_object (&stored);

  /* the review date, in the editor */
  editor = hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY);
  row = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Review date (year-month-day)");
  g_assert_nonnull (row);
  g_assert_true (hw_plan_set_dates (other, plan_id, NULL, "2027-02-01", NULL, &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-03-15");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-02-01");
  stored = hw_store_get (store, "plans", plan_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "review_date"), ==, "2027-02-01");
  g_clear_object (&stored);
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-03-15");
  g_signal_emit_by_name (row, "apply");
  iterate ();
  stored = hw_store_get (store, "plans", plan_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "review_date"), ==, "2027-03-15");
  g_clear_object (&stored);
  /* and saved again right away, over its own change */
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-03-16");
  g_signal_emit_by_name (row, "apply");
  stored = hw_store_get (store, "plans", plan_id, NULL);
  g_assert_cmpstr (hw_record_get_string (stored, "review_date"), ==, "2027-03-16");
  g_clear_object (&stored);
  iterate ();

  /* the point person of the plan after reunification: a drop-down goes
   * back to their choice */
  {
    HwPlanEditor *after = hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_REUNIFICATION);
    gint64 after_id = hw_plan_editor_get_plan_id (after, TRUE);
    AdwComboRow *point;
    GListModel *model;
    guint ines_at = G_MAXUINT, pilar_at = G_MAXUINT;

    iterate ();
    point = ADW_COMBO_ROW (find (GTK_WIDGET (after), ADW_TYPE_COMBO_ROW, "Point person (the one person to call)"));
    g_assert_nonnull (point);
    model = adw_combo_row_get_model (point);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        const char *name = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

        if (g_str_equal (name, "Inés Navarro"))
          ines_at = i;
        else if (g_str_equal (name, "Pilar Navarro"))
          pilar_at = i;
      }
    g_assert_cmpuint (ines_at, !=, G_MAXUINT);
    g_assert_cmpuint (pilar_at, !=, G_MAXUINT);
    g_assert_true (hw_plan_set_point_person (other, after_id, NULL, pilar, &error));
    g_assert_no_error (error);
    adw_combo_row_set_selected (point, ines_at);
    iterate ();
    g_assert_cmpuint (adw_combo_row_get_selected (point), ==, pilar_at);
    stored = hw_store_get (store, "plans", after_id, NULL);
    g_assert_cmpint (hw_record_get_int (stored, "point_person_id"), ==, pilar);
    g_clear_object (&stored);
    adw_combo_row_set_selected (point, ines_at);
    iterate ();
    stored = hw_store_get (store, "plans", after_id, NULL);
    g_assert_cmpint (hw_record_get_int (stored, "point_person_id"), ==, ines);
    g_clear_object (&stored);
  }

  /* someone else's change comes in (announced as the app does each
   * second) while the review date is being typed: the typing and the
   * focus stay; applied, it is refused over their date, which is shown */
  {
    GtkRoot *root = GTK_ROOT (window);
    GtkWidget *focus, *entry_row;

    row = find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Review date (year-month-day)");
    g_assert_true (gtk_widget_grab_focus (row));
    gtk_editable_set_text (GTK_EDITABLE (row), "2027-04-0");
    iterate ();
    g_assert_true (hw_plan_set_dates (other, plan_id, NULL, "2027-05-01", NULL, &error));
    g_assert_no_error (error);
    g_assert_true (hw_store_refresh (store));
    iterate ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-04-0");
    focus = gtk_root_get_focus (root);
    g_assert_true (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)));
    gtk_editable_set_text (GTK_EDITABLE (row), "2027-04-02");
    g_signal_emit_by_name (row, "apply");
    iterate ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2027-05-01");
    stored = hw_store_get (store, "plans", plan_id, NULL);
    g_assert_cmpstr (hw_record_get_string (stored, "review_date"), ==, "2027-05-01");
    g_clear_object (&stored);

    /* the keyboard on an entry of the plan: the editor is made again
     * after their new entry; the focus is on the same entry's row */
    entry_row = find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Pilar and Inés do the school runs");
    g_assert_nonnull (entry_row);
    /* read to screen readers as the words, and the line under them */
    g_assert_cmpstr (hw_text_row_get_subtitle (HW_TEXT_ROW (entry_row)), !=, "");
    gtk_test_accessible_assert_property (entry_row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Pilar and Inés do the school runs");
    gtk_test_accessible_assert_property (entry_row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         hw_text_row_get_subtitle (HW_TEXT_ROW (entry_row)));
    /* the whole of both in its tooltip, cut short or not */
    {
      g_autofree char *whole = g_strdup_printf ("%s\n%s", hw_text_row_get_title (HW_TEXT_ROW (entry_row)),
                                                hw_text_row_get_subtitle (HW_TEXT_ROW (entry_row)));

      g_assert_cmpstr (hw_widget_get_tooltip (entry_row), ==, whole);
    }
    g_assert_true (gtk_widget_grab_focus (entry_row));
    iterate ();
    add_rule (other, plan_id, "Aaron calls every evening");
    g_assert_true (hw_store_refresh (store));
    iterate ();
    g_assert_nonnull (find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Aaron calls every evening"));
    focus = gtk_root_get_focus (root);
    g_assert_nonnull (focus);
    g_assert_true (focus != entry_row);   /* made again */
    entry_row = find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Pilar and Inés do the school runs");
    g_assert_true (focus == entry_row);
  }

  g_clear_object (&other);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (store);
}

/* The demo family's plans, to look at (HW_TEST_SHOTS=dir). */
static void
test_demo_shots (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "demo.db", NULL);
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  GtkWidget *window, *view;
  gint64 case_id;

  g_assert_no_error (error);
  case_id = hw_demo_create (store, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  view = hw_plans_view_new (store, case_id);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* every section of the demo has entries */
  g_assert_cmpuint (hw_plan_editor_count_rows (hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY), "rule"), >=, 4);
  g_assert_cmpuint (hw_plan_editor_count_rows (hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_REUNIFICATION), "exit"), >=, 1);

  if (g_getenv ("HW_TEST_SHOTS") != NULL)
    {
      g_autofree char *a = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "demo-safety.png", NULL);
      g_autofree char *b = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "demo-reunification.png", NULL);
      GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY)));

      save_png (window, a);
      while (stack != NULL && !ADW_IS_VIEW_STACK (stack))
        stack = gtk_widget_get_parent (stack);
      g_assert_nonnull (stack);
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "reunification");
      iterate ();
      save_png (window, b);
      {
        g_autofree char *c = g_build_filename (g_getenv ("HW_TEST_SHOTS"), "agree-dialog.png", NULL);
        HwPrintDialog *dialog = hw_plan_print_dialog_new (store, hw_plan_find (store, case_id, HW_PLAN_SAFETY), 0, TRUE);

        gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 900);
        gtk_window_present (GTK_WINDOW (dialog));
        iterate ();
        save_png (GTK_WIDGET (dialog), c);
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* the button of the entry @item_id's row that runs @action */
static GtkWidget *
find_item_button (GtkWidget  *root,
                  const char *action,
                  gint64      item_id)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;
      GVariant *target = GTK_IS_BUTTON (w) ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w)) : NULL;

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) &&
          g_variant_get_int64 (target) == item_id &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        return w;
      if ((found = find_item_button (w, action, item_id)) != NULL)
        return found;
    }
  return NULL;
}

#define NOT_REMOVED_MESSAGE "Someone else changed this since you opened it. It was not removed; look at their change first."

/* Removing and moving an entry someone else (a second store on the same
 * file, not announced yet) changed since the editor showed it: the
 * row's buttons are refused with the message, nothing is removed or
 * moved, their text is shown; pressed again, over their text, they go
 * through. */
static void
test_delete_move_conflict (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "delete-move.db", NULL);
  g_autoptr(HwStore) store = hw_store_open (path, &error);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) stored = NULL;
  GtkWidget *window, *view, *button;
  HwPlanEditor *editor;
  gint64 case_id, plan_id, first, second;

  g_assert_no_error (error);
  hw_record_set_string (kase, "family_name", "Navarro");
  case_id = hw_store_insert (store, "Add family", kase, &error);
  plan_id = hw_plan_ensure (store, case_id, HW_PLAN_SAFETY, &error);
  g_assert_no_error (error);
  first = add_rule (store, plan_id, "Grandma does the school runs");
  second = add_rule (store, plan_id, "No visits after dark");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  view = hw_plans_view_new (store, case_id);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  editor = hw_plans_view_get_editor (HW_PLANS_VIEW (view), HW_PLAN_SAFETY);
  g_assert_nonnull (find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Grandma does the school runs"));

  other = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");

  /* removed over their change: refused, their text shown */
  theirs = hw_store_get (other, "plan_items", first, &error);
  hw_record_set_string (theirs, "text", "Pilar does the school runs");
  g_assert_true (hw_plan_update_item (other, theirs, &error));
  g_assert_no_error (error);
  g_clear_object (&theirs);
  button = find_item_button (GTK_WIDGET (editor), "editor.delete", first);
  g_assert_nonnull (button);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, NOT_REMOVED_MESSAGE);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_test_assert_expected_messages ();
  stored = hw_store_get (store, "plan_items", first, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (hw_record_get_string (stored, "text"), ==, "Pilar does the school runs");
  g_clear_object (&stored);
  g_assert_nonnull (find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Pilar does the school runs"));
  g_assert_null (find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "Grandma does the school runs"));

  /* moved up over their change: refused, the order kept, theirs shown */
  theirs = hw_store_get (other, "plan_items", second, &error);
  hw_record_set_string (theirs, "text", "No visits after eight");
  g_assert_true (hw_plan_update_item (other, theirs, &error));
  g_assert_no_error (error);
  g_clear_object (&theirs);
  button = find_item_button (GTK_WIDGET (editor), "editor.up", second);
  g_assert_nonnull (button);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_test_assert_expected_messages ();
  g_assert_cmpint (hw_store_query_int (store, 0, "SELECT position FROM plan_items WHERE id = ?",
                                       G_TYPE_INT64, second, G_TYPE_INVALID),
                   >, hw_store_query_int (store, 0, "SELECT position FROM plan_items WHERE id = ?",
                                          G_TYPE_INT64, first, G_TYPE_INVALID));
  g_assert_nonnull (find (GTK_WIDGET (editor), HW_TYPE_PLAN_ITEM_ROW, "No visits after eight"));

  /* pressed again, over what is shown now: moved, then removed */
  button = find_item_button (GTK_WIDGET (editor), "editor.up", second);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpint (hw_store_query_int (store, 0, "SELECT position FROM plan_items WHERE id = ?",
                                       G_TYPE_INT64, second, G_TYPE_INVALID),
                   <, hw_store_query_int (store, 0, "SELECT position FROM plan_items WHERE id = ?",
                                          G_TYPE_INT64, first, G_TYPE_INVALID));
  button = find_item_button (GTK_WIDGET (editor), "editor.delete", first);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  stored = hw_store_get (store, "plan_items", first, NULL);
  g_assert_null (stored);
  g_assert_cmpuint (hw_plan_editor_count_rows (editor, "rule"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int argc, char **argv)
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmpdir = g_dir_make_tmp ("hw-test-plans-view-XXXXXX", NULL);

  g_test_add_func ("/plans-view/edit-agree-print", test_plans_view);
  g_test_add_func ("/plans-view/conflict", test_conflict);
  g_test_add_func ("/plans-view/delete-move-conflict", test_delete_move_conflict);
  g_test_add_func ("/plans-view/demo", test_demo_shots);

  ret = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };
    g_free (hw_test_run (rm, NULL));
  }
  return ret;
}
