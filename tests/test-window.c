/* test-window.c: the main window, the people page and the edit dialogs,
 * driven through the store and the widgets' own actions (under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "hw-application.h"
#include "hw-areas.h"
#include "hw-case-dialog.h"
#include "hw-case-slot.h"
#include "hw-case-view.h"
#include "hw-demo.h"
#include "hw-form.h"
#include "hw-org-dialog.h"
#include "hw-person-row.h"
#include "hw-tooltip.h"
#include "hw-people-page.h"
#include "hw-person-dialog.h"
#include "hw-record.h"
#include "hw-record-list.h"
#include "hw-test-find.h"
#include "hw-test-store.h"
#include "hw-window.h"

typedef struct {
  char     *dir;
  HwStore  *store;
  gint64    case_id;
  HwWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = hw_test_store_new_demo ("homeward-test-window-XXXXXX", &f->dir, &f->case_id);
  f->window = hw_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_null (f->window);
  /* Nothing the window made (record lists, pages) may keep the store. */
  hw_test_store_free (f->store, f->dir);
}

static HwPeoplePage *
people_page (Fixture *f)
{
  GtkWidget *view = hw_window_get_case_view (f->window);
  GtkWidget *page;

  g_assert_true (HW_IS_CASE_VIEW (view));
  page = hw_case_view_get_page (HW_CASE_VIEW (view), "people");
  g_assert_true (HW_IS_PEOPLE_PAGE (page));
  return HW_PEOPLE_PAGE (page);
}

/* The row of the people list whose title is @name, or NULL. */
static GtkWidget *
find_person_row (HwPeoplePage *page,
                 const char   *name)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                  HW_TYPE_PEOPLE_PAGE,
                                                                  "people_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (hw_text_row_get_title (HW_TEXT_ROW (row)), name) == 0)
      return GTK_WIDGET (row);
  return NULL;
}

static guint
count_people (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM people WHERE case_id = ?",
                             G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
}

/* On a narrow window (a phone-sized one, or a laptop with a wide area
 * such as the meeting) the leaflet folds: the open family must show, not
 * the list of families, and going back shows the list. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "leaflet"));
  GtkWidget *content = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "content"));
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 800);
  /* hang guard, not a timing: the window takes its new size in a frame */
  while (!adw_leaflet_get_folded (leaflet) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, f->case_id);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);

  /* the areas in the bar at the bottom (the header has no room) */
  end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
           gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "switcher_bar")))
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
                   gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "switcher_bar"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  spin ();
  g_assert_false (adw_leaflet_get_visible_child (leaflet) == content);
}

static gint64 add_family (Fixture    *f,
                          const char *name,
                          const char *number);

/* a button of a view switcher */
static gboolean
match_switcher_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && ADW_IS_VIEW_SWITCHER (gtk_widget_get_parent (widget));
}

/* The first button of the view switcher in @widget */
static GtkWidget *
first_switcher_button (GtkWidget *widget)
{
  return hw_test_find_widget (widget, match_switcher_button, NULL);
}

/* The switchers name the areas, keep their buttons from family to family
 * (they were made again at each family opened, a seventh of opening
 * one), open the page chosen, follow the page the family shows, and show
 * only while a family is open. */
static void
test_switchers (Fixture       *f,
                gconstpointer  data)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "switcher_title"));
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (
    gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW, "switcher_bar"));
  AdwViewStack *areas = adw_view_switcher_title_get_stack (title);
  AdwViewStack *family;
  GtkWidget *button;
  guint n_areas = 0;
  const HwArea *area = hw_areas_get (&n_areas);
  gint64 other;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  spin ();
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, f->case_id);
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_nonnull (areas);
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == areas);
  for (guint i = 0; i < n_areas; i++)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (areas, adw_view_stack_get_child_by_name (areas, area[i].name));

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, area[i].title);
      g_assert_cmpstr (adw_view_stack_page_get_icon_name (page), ==, area[i].icon_name);
    }
  button = first_switcher_button (GTK_WIDGET (title));
  g_assert_nonnull (button);
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);

  /* a page chosen in the switcher opens; the family's page is followed */
  family = hw_case_view_get_stack (HW_CASE_VIEW (hw_window_get_case_view (f->window)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (areas), ==,
                   adw_view_stack_get_visible_child_name (family));
  adw_view_stack_set_visible_child_name (areas, "ecomap");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (family), ==, "ecomap");
  adw_view_stack_set_visible_child_name (family, "family-time");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (areas), ==, "family-time");

  /* another family: the same page, the same buttons */
  other = add_family (f, "Abbott", "FC-7");
  hw_window_select_case (f->window, other);
  spin ();
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, other);
  family = hw_case_view_get_stack (HW_CASE_VIEW (hw_window_get_case_view (f->window)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (family), ==, "family-time");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (areas), ==, "family-time");
  g_assert_true (adw_view_switcher_title_get_stack (title) == areas);
  g_assert_nonnull (button);
  g_assert_true (first_switcher_button (GTK_WIDGET (title)) == button);
  adw_view_stack_set_visible_child_name (areas, "people");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (family), ==, "people");

  /* no family open: no switcher */
  hw_window_select_case (f->window, 0);
  spin ();
  g_assert_null (hw_window_get_case_view (f->window));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  hw_window_select_case (f->window, other);
  spin ();
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
}

static void
test_case_list (Fixture       *f,
                gconstpointer  data)
{
  GListModel *cases = hw_window_get_cases (f->window);
  g_autoptr(HwRecord) first = NULL;
  const HwArea *areas;
  guint n_areas = 0;
  GtkWidget *view;

  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  first = g_list_model_get_item (cases, 0);
  g_assert_cmpstr (hw_record_get_string (first, "family_name"), ==, "Morales");
  /* the only family is opened at once */
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, f->case_id);
  view = hw_window_get_case_view (f->window);
  g_assert_true (HW_IS_CASE_VIEW (view));
  g_assert_cmpint (hw_case_view_get_case_id (HW_CASE_VIEW (view)), ==, f->case_id);

  /* one page per area; an area not built yet says so plainly */
  areas = hw_areas_get (&n_areas);
  g_assert_cmpuint (n_areas, ==, 8);   /* ... the key dates and the placements */
  for (guint i = 0; i < n_areas; i++)
    {
      GtkWidget *page = hw_case_view_get_page (HW_CASE_VIEW (view), areas[i].name);

      g_assert_nonnull (page);
      if (areas[i].view_new == NULL)
        {
          g_assert_true (ADW_IS_STATUS_PAGE (page));
          g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                                    "not ready yet"));
        }
    }
}

static gint64
add_family (Fixture    *f,
            const char *name,
            const char *number)
{
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (kase, "family_name", name);
  hw_record_set_string (kase, "case_number", number);
  id = hw_store_insert (f->store, "Add family", kase, &error);
  g_assert_no_error (error);
  return id;
}

/* Types @text into the family search and waits for the list to show
 * @n_expected families (the search entry waits a moment after typing). */
static GListModel *
search_families (Fixture    *f,
                 const char *text,
                 guint       n_expected)
{
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW,
                                                                "case_search"));
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW,
                                                                    "case_list"));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* hang guard, not a timing; never blocks, so a wrong count ends it */
  while (g_list_model_get_n_items (shown) != n_expected && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_expected);
  return shown;
}

static const char *
family_at (GListModel *model,
           guint       position)
{
  /* the list's items are slots holding the families (hw-found-cases.c) */
  g_autoptr(HwCaseSlot) slot = g_list_model_get_item (model, position);

  return g_intern_string (hw_record_get_string (hw_case_slot_get_record (slot), "family_name"));
}

/* The family list is searched by name or case number as one types: each
 * word starts a word of either, case and accents ignored. */
static void
test_family_search (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW,
                                                                "case_search"));
  GtkWidget *no_match = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), HW_TYPE_WINDOW,
                                                                   "no_match_label"));
  gint64 brown;
  GListModel *shown;

  add_family (f, "Guzmán Ortega", "FC-2023-00127");
  brown = add_family (f, "Brown", "FC-2024-00005");
  spin ();
  shown = search_families (f, "", 3);
  g_assert_false (gtk_widget_get_visible (no_match));

  shown = search_families (f, "guz", 1);
  g_assert_cmpstr (family_at (shown, 0), ==, "Guzmán Ortega");
  shown = search_families (f, "ORTEGA", 1);
  g_assert_cmpstr (family_at (shown, 0), ==, "Guzmán Ortega");
  shown = search_families (f, "00005", 1);
  g_assert_cmpstr (family_at (shown, 0), ==, "Brown");
  /* every word must match, in the name or the number */
  shown = search_families (f, "morales fc-2026", 1);
  g_assert_cmpstr (family_at (shown, 0), ==, "Morales");
  search_families (f, "morales 00005", 0);
  g_assert_true (gtk_widget_get_visible (no_match));

  /* Enter opens the first family found */
  search_families (f, "brow", 1);
  g_signal_emit_by_name (entry, "activate");
  spin ();
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, brown);

  /* Escape shows every family again, the open one still selected */
  g_signal_emit_by_name (entry, "stop-search");
  shown = search_families (f, "", 3);
  g_assert_false (gtk_widget_get_visible (no_match));
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (shown);
    g_autoptr(HwCaseSlot) selected = g_list_model_get_item (shown, gtk_single_selection_get_selected (selection));

    g_assert_cmpint (hw_record_get_id (hw_case_slot_get_record (selected)), ==, brown);
  }

  /* Ctrl+F (win.search) puts the focus in the search */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  spin ();
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_get_focus_child (entry) != NULL);
}

/* Ctrl+N (win.add-person) works from any page: it shows the people and
 * opens the dialog. */
static void
test_add_person_shortcut (Fixture       *f,
                          gconstpointer  data)
{
  HwCaseView *view = HW_CASE_VIEW (hw_window_get_case_view (f->window));
  AdwViewStack *stack = hw_case_view_get_stack (view);
  GListModel *toplevels = gtk_window_get_toplevels ();
  HwPersonDialog *dialog = NULL;

  adw_view_stack_set_visible_child_name (stack, "meeting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-person", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "people");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HW_IS_PERSON_DIALOG (window))
        dialog = HW_PERSON_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_add_person_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  HwPeoplePage *page = people_page (f);
  GListModel *people = hw_people_page_get_people (page);
  guint n = g_list_model_get_n_items (people);
  g_autoptr(HwRecord) record = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row;
  gint64 id;

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, count_people (f));
  g_assert_null (find_person_row (page, "Zoe Test"));

  hw_record_set_int (record, "case_id", f->case_id);
  hw_record_set_string (record, "name", "Zoe Test");
  hw_record_set_string (record, "role", "relative");
  hw_record_set_string (record, "relationship", "Aunt");
  hw_record_set_string (record, "phone", "(555) 010-2233");
  id = hw_store_insert (f->store, "Add person", record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* the page follows the store */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n + 1);
  row = find_person_row (page, "Zoe Test");
  g_assert_nonnull (row);
  /* the row's line; the whole of both in its tooltip (either may be cut
   * short in the row); a screen reader says the name, then the line */
  g_assert_cmpstr (hw_text_row_get_subtitle (HW_TEXT_ROW (row)), ==, "Relative · Aunt · (555) 010-2233");
  g_assert_cmpstr (hw_widget_get_tooltip (row), ==, "Zoe Test\nRelative · Aunt · (555) 010-2233");
  gtk_test_accessible_assert_role (row, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoe Test");
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Relative · Aunt · (555) 010-2233");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));

  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add person");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n);
  g_assert_null (find_person_row (page, "Zoe Test"));
  g_assert_cmpuint (count_people (f), ==, n);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n + 1);
  g_assert_nonnull (find_person_row (page, "Zoe Test"));
}

static void
test_delete_person_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  HwPeoplePage *page = people_page (f);
  GListModel *people = hw_people_page_get_people (page);
  guint n = g_list_model_get_n_items (people);
  g_autoptr(HwRecord) first = g_list_model_get_item (people, 0);
  g_autofree char *name = g_strdup (hw_record_get_string (first, "name"));
  g_autofree char *label = NULL;

  g_assert_nonnull (find_person_row (page, name));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.delete-person", "x",
                                             hw_record_get_id (first)));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n - 1);
  g_assert_null (find_person_row (page, name));

  /* the label of the edit never names the person */
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Delete person");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n);
  g_assert_nonnull (find_person_row (page, name));

  /* the Delete key removes the row that has the focus */
  g_assert_true (gtk_widget_grab_focus (find_person_row (page, name)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.delete-focused", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n - 1);
  g_assert_null (find_person_row (page, name));
  /* and the focus stays in the list, for the next one */
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (f->window))));
}

static void
set_entry (GtkWidget  *dialog,
           GType       type,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (dialog, type, row)), text);
}

static void
test_person_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) saved = NULL;
  g_autofree char *label = NULL;
  HwPersonDialog *dialog;
  guint n = count_people (f);
  gint64 id;

  dialog = hw_person_dialog_new (f->store, f->case_id, 0);

  /* no name: refused, nothing written */
  g_assert_false (hw_person_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_people (f), ==, n);

  /* an impossible date: refused with a message, nothing written */
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "name_row", "  Rosa Test  ");
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "birth_date_row", "2024-02-30");
  g_assert_false (hw_person_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2024-02-30"));
  g_clear_error (&error);
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "birth_date_row", "30/02/2024");
  g_assert_false (hw_person_dialog_save (dialog, &error));
  g_clear_error (&error);
  g_assert_cmpuint (count_people (f), ==, n);

  /* a good one */
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "birth_date_row", "2016-02-29");
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "address_row", "12 Safe Street");
  gtk_switch_set_active (GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG,
                                                                    "confidential_switch")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG,
                                                                                "withheld_screen_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG,
                                                                                "address_family_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG,
                                                                                "address_screen_check")), TRUE);
  g_assert_true (hw_person_dialog_save (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (f), ==, n + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add person");
  gtk_window_destroy (GTK_WINDOW (dialog));

  id = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name = 'Rosa Test'", G_TYPE_INVALID);
  g_assert_cmpint (id, >, 0);
  saved = hw_store_get (f->store, "people", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (saved, "birth_date"), ==, "2016-02-29");
  g_assert_true (hw_record_get_boolean (saved, "confidential"));
  g_assert_cmpstr (hw_record_get_string (saved, "withheld_from"), ==, "screen");
  g_assert_cmpstr (hw_record_get_string (saved, "address_withheld_from"), ==, "family,screen");
  g_assert_cmpstr (hw_record_get_string (saved, "role"), ==, "relative");

  /* editing reads the person back and writes one "Edit person" edit */
  dialog = hw_person_dialog_new (f->store, f->case_id, id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                       HW_TYPE_PERSON_DIALOG,
                                                                                       "name_row"))),
                   ==, "Rosa Test");
  set_entry (GTK_WIDGET (dialog), HW_TYPE_PERSON_DIALOG, "phone_row", "555 0100");
  g_assert_true (hw_person_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&label, g_free);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit person");
  g_clear_object (&saved);
  saved = hw_store_get (f->store, "people", id, &error);
  g_assert_cmpstr (hw_record_get_string (saved, "phone"), ==, "555 0100");
  g_assert_cmpstr (hw_record_get_string (saved, "withheld_from"), ==, "screen");
}

static void
test_add_family (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *cases = hw_window_get_cases (f->window);
  g_autoptr(GError) error = NULL;
  HwCaseDialog *dialog;
  gint64 old_case = hw_window_get_case_id (f->window);
  gint64 new_case;

  dialog = hw_case_dialog_new (f->store, 0);
  set_entry (GTK_WIDGET (dialog), HW_TYPE_CASE_DIALOG, "family_name_row", "Abbott");
  set_entry (GTK_WIDGET (dialog), HW_TYPE_CASE_DIALOG, "case_number_row", "T-1");
  g_assert_true (hw_case_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);

  new_case = hw_store_query_int (f->store, 0, "SELECT id FROM cases WHERE family_name = 'Abbott'", G_TYPE_INVALID);
  g_assert_cmpint (new_case, >, 0);
  g_assert_cmpint (hw_store_query_int (f->store, -1,
                                       "SELECT count(*) FROM cases WHERE id = ? AND status = 'in-care' "
                                       "AND permanency_goal = 'reunification' AND concurrent_goal = '' "
                                       "AND primary_language = 'en'",
                                       G_TYPE_INT64, new_case, G_TYPE_INVALID), ==, 1);

  /* the dialog reads the family back as it was written */
  dialog = hw_case_dialog_new (f->store, new_case);
  g_assert_cmpstr (hw_form_combo_get_id (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_CASE_DIALOG,
                                                                                     "concurrent_goal_row"))), ==, "");
  g_assert_cmpstr (hw_form_combo_get_id (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), HW_TYPE_CASE_DIALOG,
                                                                                     "goal_row"))), ==, "reunification");
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_view_stack_set_visible_child_name (hw_case_view_get_stack (HW_CASE_VIEW (hw_window_get_case_view (f->window))),
                                         "ecomap");
  hw_window_select_case (f->window, new_case);
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, new_case);
  /* the other family opens on the same area */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (hw_case_view_get_stack (HW_CASE_VIEW (hw_window_get_case_view (f->window)))),
                   ==, "ecomap");
  g_assert_cmpuint (g_list_model_get_n_items (hw_people_page_get_people (people_page (f))), ==, 0);

  /* undoing the new family closes it and goes back to none */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, 0);
  g_assert_null (hw_window_get_case_view (f->window));

  hw_window_select_case (f->window, old_case);
  g_assert_cmpint (hw_window_get_case_id (f->window), ==, old_case);
}

static void
test_org_dialog (Fixture       *f,
                 gconstpointer  data)
{
  HwPeoplePage *page = people_page (f);
  GListModel *orgs = hw_people_page_get_organisations (page);
  guint n = g_list_model_get_n_items (orgs);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  HwOrgDialog *dialog;

  dialog = hw_org_dialog_new (f->store, f->case_id, 0);
  g_assert_false (hw_org_dialog_save (dialog, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, n);

  set_entry (GTK_WIDGET (dialog), HW_TYPE_ORG_DIALOG, "name_row", "Test Food Bank");
  set_entry (GTK_WIDGET (dialog), HW_TYPE_ORG_DIALOG, "contact_row", "Sam");
  g_assert_true (hw_org_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, n + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add organisation");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, n);
}

static GtkWidget *
template_child (gpointer    dialog,
                GType       type,
                const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name));

  g_assert_nonnull (child);
  return child;
}

static const char *
entry_text (gpointer    dialog,
            GType       type,
            const char *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (template_child (dialog, type, row)));
}

static void
set_check (gpointer    dialog,
           GType       type,
           const char *name,
           gboolean    active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (template_child (dialog, type, name)), active);
}

static gboolean
get_check (gpointer    dialog,
           GType       type,
           const char *name)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (template_child (dialog, type, name)));
}

static guint
count_orgs (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM organisations WHERE case_id = ?",
                             G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
}

static void
saved_cb (GtkWidget *dialog,
          gint64     id,
          gint64    *out)
{
  *out = id;
}

/* Shows @dialog over the window (gtk_window_close() only closes a window
 * that is shown) and watches it go. */
static void
present_watched (Fixture    *f,
                 GtkWidget **dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (*dialog), GTK_WINDOW (f->window));
  gtk_window_present (GTK_WINDOW (*dialog));
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  spin ();
}

/* The dialog's "Add"/"Done" action as the button runs it, with the
 * message and the marked row of a refusal. */
static void
assert_save_refused (GtkWidget  *dialog,
                     GType       type,
                     const char *bad_row,
                     const char *message)
{
  GtkWidget *error_label = template_child (dialog, type, "error_label");

  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, message);
  g_assert_true (gtk_widget_has_css_class (template_child (dialog, type, bad_row), "error"));
  g_assert_true (gtk_widget_get_visible (dialog));
}

/* A dialog opened on a row that is gone says so and writes nothing. */
static void
assert_missing_row (Fixture   *f,
                    GtkWidget *dialog,
                    GType      type)
{
  g_autofree char *before = hw_store_get_undo_label (f->store);
  g_autofree char *after = NULL;
  GtkWidget *error_label = template_child (dialog, type, "error_label");

  present_watched (f, &dialog);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "This item no longer exists. It may have been deleted.");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  spin ();
  g_assert_nonnull (dialog);
  after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (dialog);
}

/* Every field of the organisation dialog is written, read back on edit
 * and written again unchanged but for the one edited. */
static void
test_org_dialog_fields (Fixture       *f,
                        gconstpointer  data)
{
  GType type = HW_TYPE_ORG_DIALOG;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) saved = NULL;
  g_autofree char *label = NULL;
  GtkWidget *dialog;
  gint64 saved_id = 0;
  gint64 id;
  guint n = count_orgs (f);

  dialog = GTK_WIDGET (hw_org_dialog_new (f->store, f->case_id, 0));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_id);
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Organisation");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Add");
  g_assert_cmpstr (hw_form_combo_get_id (ADW_COMBO_ROW (template_child (dialog, type, "kind_row"))), ==, "services");
  g_assert_false (gtk_widget_get_visible (template_child (dialog, type, "error_label")));

  /* no name: refused at the name, nothing written, the dialog stays */
  set_entry (dialog, type, "name_row", "   ");
  assert_save_refused (dialog, type, "name_row", "Write the organisation's name.");
  g_assert_cmpint (saved_id, ==, 0);
  g_assert_cmpuint (count_orgs (f), ==, n);

  set_entry (dialog, type, "name_row", "  Test School  ");
  hw_form_combo_set_id (ADW_COMBO_ROW (template_child (dialog, type, "kind_row")), "school");
  set_entry (dialog, type, "contact_row", " Ms Lee ");
  set_entry (dialog, type, "phone_row", "555 0101");
  set_entry (dialog, type, "email_row", "office@school.test");
  set_entry (dialog, type, "address_row", "1 School Lane");
  set_entry (dialog, type, "notes_row", "Pick-up at three");
  gtk_switch_set_active (GTK_SWITCH (template_child (dialog, type, "confidential_switch")), TRUE);
  set_check (dialog, type, "withheld_family_check", TRUE);
  set_check (dialog, type, "withheld_screen_check", TRUE);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  /* saved: the dialog closed itself */
  g_assert_null (dialog);
  g_assert_cmpuint (count_orgs (f), ==, n + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add organisation");

  id = hw_store_query_int (f->store, 0, "SELECT id FROM organisations WHERE name = 'Test School'", G_TYPE_INVALID);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (saved_id, ==, id);
  saved = hw_store_get (f->store, "organisations", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_int (saved, "case_id"), ==, f->case_id);
  g_assert_cmpstr (hw_record_get_string (saved, "kind"), ==, "school");
  g_assert_cmpstr (hw_record_get_string (saved, "contact"), ==, "Ms Lee");
  g_assert_cmpstr (hw_record_get_string (saved, "phone"), ==, "555 0101");
  g_assert_cmpstr (hw_record_get_string (saved, "email"), ==, "office@school.test");
  g_assert_cmpstr (hw_record_get_string (saved, "address"), ==, "1 School Lane");
  g_assert_cmpstr (hw_record_get_string (saved, "notes"), ==, "Pick-up at three");
  g_assert_true (hw_record_get_boolean (saved, "confidential"));
  g_assert_cmpstr (hw_record_get_string (saved, "withheld_from"), ==, "family,screen");

  /* editing reads every field back; the case comes from the row */
  dialog = GTK_WIDGET (hw_org_dialog_new (f->store, 0, id));
  saved_id = 0;
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_id);
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Organisation");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Done");
  g_assert_cmpstr (entry_text (dialog, type, "name_row"), ==, "Test School");
  g_assert_cmpstr (hw_form_combo_get_id (ADW_COMBO_ROW (template_child (dialog, type, "kind_row"))), ==, "school");
  g_assert_cmpstr (entry_text (dialog, type, "contact_row"), ==, "Ms Lee");
  g_assert_cmpstr (entry_text (dialog, type, "phone_row"), ==, "555 0101");
  g_assert_cmpstr (entry_text (dialog, type, "email_row"), ==, "office@school.test");
  g_assert_cmpstr (entry_text (dialog, type, "address_row"), ==, "1 School Lane");
  g_assert_cmpstr (entry_text (dialog, type, "notes_row"), ==, "Pick-up at three");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (dialog, type, "confidential_switch"))));
  g_assert_true (get_check (dialog, type, "withheld_family_check"));
  g_assert_false (get_check (dialog, type, "withheld_support_check"));
  g_assert_true (get_check (dialog, type, "withheld_screen_check"));

  /* a name removed on edit is refused as on add */
  set_entry (dialog, type, "name_row", "");
  assert_save_refused (dialog, type, "name_row", "Write the organisation's name.");
  set_entry (dialog, type, "name_row", "Test School");
  set_entry (dialog, type, "phone_row", "555 0199");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  g_assert_null (dialog);
  g_assert_cmpint (saved_id, ==, id);
  g_assert_cmpuint (count_orgs (f), ==, n + 1);
  g_clear_pointer (&label, g_free);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit organisation");

  g_clear_object (&saved);
  saved = hw_store_get (f->store, "organisations", id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_record_get_int (saved, "case_id"), ==, f->case_id);
  g_assert_cmpstr (hw_record_get_string (saved, "name"), ==, "Test School");
  g_assert_cmpstr (hw_record_get_string (saved, "kind"), ==, "school");
  g_assert_cmpstr (hw_record_get_string (saved, "phone"), ==, "555 0199");
  g_assert_cmpstr (hw_record_get_string (saved, "contact"), ==, "Ms Lee");
  g_assert_cmpstr (hw_record_get_string (saved, "notes"), ==, "Pick-up at three");
  g_assert_true (hw_record_get_boolean (saved, "confidential"));
  g_assert_cmpstr (hw_record_get_string (saved, "withheld_from"), ==, "family,screen");

  /* one edit each: undo goes back to the first version */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_clear_object (&saved);
  saved = hw_store_get (f->store, "organisations", id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hw_record_get_string (saved, "phone"), ==, "555 0101");
}

/* The person dialog through its action: titles, the row marked for each
 * refusal, the mark taken off when the next try fails elsewhere. */
static void
test_person_dialog_action (Fixture       *f,
                           gconstpointer  data)
{
  GType type = HW_TYPE_PERSON_DIALOG;
  g_autofree char *label = NULL;
  GtkWidget *dialog;
  gint64 saved_id = 0;
  gint64 id;
  guint n = count_people (f);

  dialog = GTK_WIDGET (hw_person_dialog_new (f->store, f->case_id, 0));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_id);
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add Person");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Add");

  set_entry (dialog, type, "name_row", "Ana Test");
  set_entry (dialog, type, "birth_date_row", "2023-13-01");
  assert_save_refused (dialog, type, "birth_date_row",
                       "Birth date: 2023-13-01 is not a real date. Check the day and the month.");
  set_entry (dialog, type, "name_row", "");
  set_entry (dialog, type, "birth_date_row", "2023-12-01");
  assert_save_refused (dialog, type, "name_row", "Write the person's name.");
  g_assert_false (gtk_widget_has_css_class (template_child (dialog, type, "birth_date_row"), "error"));
  g_assert_cmpint (saved_id, ==, 0);
  g_assert_cmpuint (count_people (f), ==, n);

  set_entry (dialog, type, "name_row", "Ana Test");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  g_assert_null (dialog);
  g_assert_cmpuint (count_people (f), ==, n + 1);
  id = hw_store_query_int (f->store, 0, "SELECT id FROM people WHERE name = 'Ana Test'", G_TYPE_INVALID);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (saved_id, ==, id);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT case_id FROM people WHERE id = ?",
                                       G_TYPE_INT64, id, G_TYPE_INVALID), ==, f->case_id);

  /* edit: titled for it, the case read from the row */
  dialog = GTK_WIDGET (hw_person_dialog_new (f->store, 0, id));
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Person");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Done");
  g_assert_cmpstr (entry_text (dialog, type, "birth_date_row"), ==, "2023-12-01");
  set_entry (dialog, type, "pronouns_row", "she/her");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  g_assert_null (dialog);
  g_assert_cmpuint (count_people (f), ==, n + 1);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit person");
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM people WHERE id = ? AND case_id = ?"
                                       " AND pronouns = 'she/her' AND birth_date = '2023-12-01'",
                                       G_TYPE_INT64, id, G_TYPE_INT64, f->case_id, G_TYPE_INVALID), ==, 1);
}

/* The family dialog: refusal, edit label and titles. */
static void
test_case_dialog_edit (Fixture       *f,
                       gconstpointer  data)
{
  GType type = HW_TYPE_CASE_DIALOG;
  g_autofree char *label = NULL;
  GtkWidget *dialog;
  gint64 saved_id = 0;

  dialog = GTK_WIDGET (hw_case_dialog_new (f->store, 0));
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Family");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Add");
  assert_save_refused (dialog, type, "family_name_row", "Write the family's name.");
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (dialog);

  dialog = GTK_WIDGET (hw_case_dialog_new (f->store, f->case_id));
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &saved_id);
  present_watched (f, &dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Family Details");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (template_child (dialog, type, "save_label"))), ==, "_Done");
  g_assert_cmpstr (entry_text (dialog, type, "family_name_row"), ==, "Morales");
  set_entry (dialog, type, "family_name_row", " ");
  assert_save_refused (dialog, type, "family_name_row", "Write the family's name.");
  set_entry (dialog, type, "family_name_row", "Morales");
  set_entry (dialog, type, "tribe_row", "  Test Nation ");
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.save", NULL));
  spin ();
  g_assert_null (dialog);
  g_assert_cmpint (saved_id, ==, f->case_id);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Edit family details");
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM cases", G_TYPE_INVALID), ==, 1);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM cases WHERE id = ?"
                                       " AND family_name = 'Morales' AND tribal_affiliation = 'Test Nation'",
                                       G_TYPE_INT64, f->case_id, G_TYPE_INVALID), ==, 1);
}

/* Each dialog opened on a row deleted meanwhile. */
static void
test_dialogs_missing_row (Fixture       *f,
                          gconstpointer  data)
{
  assert_missing_row (f, GTK_WIDGET (hw_org_dialog_new (f->store, f->case_id, 999999)), HW_TYPE_ORG_DIALOG);
  assert_missing_row (f, GTK_WIDGET (hw_person_dialog_new (f->store, f->case_id, 999999)), HW_TYPE_PERSON_DIALOG);
  assert_missing_row (f, GTK_WIDGET (hw_case_dialog_new (f->store, 999999)), HW_TYPE_CASE_DIALOG);
}

typedef struct {
  guint    n_cases;
  gint64   shown_case;
  gboolean welcome;     /* the welcome page is shown */
} RunResult;

static void
app_activated_cb (GApplication *application,
                  RunResult    *result)
{
  HwStore *store = hw_application_get_store (HW_APPLICATION (application));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  g_assert_true (HW_IS_STORE (store));
  g_assert_true (HW_IS_WINDOW (window));
  result->n_cases = hw_store_query_int (store, 0, "SELECT count(*) FROM cases", G_TYPE_INVALID);
  result->shown_case = hw_window_get_case_id (HW_WINDOW (window));
  result->welcome = g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), HW_TYPE_WINDOW,
                                                                                                         "main_stack"))),
                               "welcome") == 0;
  g_application_quit (application);
}

/* Runs the whole application on @path until its window is shown. */
static RunResult
run_app (const char *path)
{
  g_autoptr(HwApplication) app = hw_application_new ();
  char *argv[] = { (char *) "homeward", (char *) "--database", (char *) path, NULL };
  RunResult result = { 0, 0, FALSE };
  int status;

  g_signal_connect_after (app, "activate", G_CALLBACK (app_activated_cb), &result);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_assert_cmpint (status, ==, 0);
  return result;
}

static void
test_application_first_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-test-app-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sub", "homeward.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  RunResult result;
  HwStore *store;

  g_assert_no_error (error);

  /* no database yet: it is created, empty (no family is made without a
   * click), and the welcome page is shown */
  result = run_app (path);
  g_assert_cmpuint (result.n_cases, ==, 0);
  g_assert_cmpint (result.shown_case, ==, 0);
  g_assert_true (result.welcome);

  /* with a family (`homeward demo`), that family is opened */
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hw_demo_create (store, &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  result = run_app (path);
  g_assert_cmpuint (result.n_cases, ==, 1);
  g_assert_cmpint (result.shown_case, >, 0);
  g_assert_false (result.welcome);

  /* a person who removes every family is welcomed again, and nothing is
   * added by itself */
  store = hw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hw_store_delete (store, "Delete family", "cases", result.shown_case, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  result = run_app (path);
  g_assert_cmpuint (result.n_cases, ==, 0);
  g_assert_cmpint (result.shown_case, ==, 0);
  g_assert_true (result.welcome);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (sub);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/case-list", Fixture, NULL, fixture_set_up, test_case_list, fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_set_up, test_narrow_window, fixture_tear_down);
  g_test_add ("/window/switchers", Fixture, NULL, fixture_set_up, test_switchers, fixture_tear_down);
  g_test_add ("/window/family-search", Fixture, NULL, fixture_set_up, test_family_search, fixture_tear_down);
  g_test_add ("/window/add-person-shortcut", Fixture, NULL, fixture_set_up, test_add_person_shortcut, fixture_tear_down);
  g_test_add ("/window/add-person-undo", Fixture, NULL, fixture_set_up, test_add_person_and_undo, fixture_tear_down);
  g_test_add ("/window/delete-person-undo", Fixture, NULL, fixture_set_up, test_delete_person_and_undo, fixture_tear_down);
  g_test_add ("/window/person-dialog", Fixture, NULL, fixture_set_up, test_person_dialog, fixture_tear_down);
  g_test_add ("/window/org-dialog", Fixture, NULL, fixture_set_up, test_org_dialog, fixture_tear_down);
  g_test_add ("/window/add-family", Fixture, NULL, fixture_set_up, test_add_family, fixture_tear_down);
  g_test_add ("/window/org-dialog-fields", Fixture, NULL, fixture_set_up, test_org_dialog_fields, fixture_tear_down);
  g_test_add ("/window/person-dialog-action", Fixture, NULL, fixture_set_up, test_person_dialog_action, fixture_tear_down);
  g_test_add ("/window/case-dialog-edit", Fixture, NULL, fixture_set_up, test_case_dialog_edit, fixture_tear_down);
  g_test_add ("/window/dialogs-missing-row", Fixture, NULL, fixture_set_up, test_dialogs_missing_row, fixture_tear_down);

  g_test_add_func ("/application/first-run", test_application_first_run);

  return g_test_run ();
}
