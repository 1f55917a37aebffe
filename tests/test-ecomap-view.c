/* test-ecomap-view.c: the ecomap editor widget on a real store: it shows
 * everyone, its actions write undoable edits (connect, move, change a tie,
 * delete), the panel follows the selection, a tie or a node someone else
 * changed meanwhile is not overwritten (theirs is shown), and it is freed
 * cleanly.
 *
 * Set HW_KEEP_OUTPUT=DIR to keep a PNG of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "hw-demo.h"
#include "hw-ecomap.h"
#include "hw-ecomap-queries.h"
#include "hw-ecomap-cache.h"
#include "hw-ecomap-canvas.h"
#include "hw-ecomap-view.h"
#include "hw-enums.h"
#include "hw-test-find.h"
#include "hw-test-png.h"

typedef struct {
  char      *dir;
  HwStore   *store;
  gint64     case_id;
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("homeward-ecomap-view-XXXXXX", &error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->case_id = hw_demo_create (f->store, &error);
  g_assert_no_error (error);
  if (hw_store_query_int (f->store, 0, "SELECT count(*) FROM ties", G_TYPE_INVALID) == 0)
    {
      g_assert_true (hw_store_begin_edit (f->store, "Add sample ecomap", &error));
      g_assert_true (hw_ecomap_add_demo (f->store, f->case_id, &error));
      g_assert_true (hw_store_commit_edit (f->store, &error));
    }

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->view = hw_ecomap_view_new (f->store, f->case_id);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  spin (300);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;
  GtkWidget *view = f->view;

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  /* the view does not outlive its window (no leaked references) */
  g_assert_null (view);
  g_assert_finalize_object (f->store);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static HwEcomapCanvas *
find_canvas (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      HwEcomapCanvas *found;

      if (HW_IS_ECOMAP_CANVAS (child))
        return HW_ECOMAP_CANVAS (child);
      if ((found = find_canvas (child)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static gint64
node_of (HwStore    *store,
         const char *person)
{
  return hw_store_query_int (store, 0,
                             "SELECT n.id FROM ecomap_nodes n JOIN people p ON p.id = n.person_id WHERE p.name = ?",
                             G_TYPE_STRING, person, G_TYPE_INVALID);
}

static gint64
count_ties (HwStore *store,
            gint64   a,
            gint64   b)
{
  return hw_store_query_int (store, -1,
                             "SELECT count(*) FROM ties WHERE (node_a = ? AND node_b = ?) OR (node_a = ? AND node_b = ?)",
                             G_TYPE_INT64, a, G_TYPE_INT64, b, G_TYPE_INT64, b, G_TYPE_INT64, a, G_TYPE_INVALID);
}

static void
save_png (Fixture    *f,
          const char *name)
{
  hw_test_keep_window_png (f->window, "HW_KEEP_OUTPUT", name);
}

static void
test_shows_everyone (Fixture       *f,
                     gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  HwEcomapMap *map;

  g_assert_nonnull (canvas);
  map = hw_ecomap_canvas_get_map (canvas);
  g_assert_nonnull (map);
  g_assert_cmpint (map->nodes->len, >=, 20);
  /* every node also has a button in the side list */
  for (guint i = 0; i < map->nodes->len; i++)
    g_assert_nonnull (find_button (f->view, g_array_index (map->nodes, HwEcomapMapNode, i).label));
  save_png (f, "view.png");
}

static void
test_connect_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 samuel = node_of (f->store, "Rev. Samuel Green");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (count_ties (f->store, joseph, samuel), ==, 0);
  /* as a keyboard user does: choose, Connect, choose the other */
  g_signal_emit_by_name (find_button (f->view, "Joseph Baker"), "clicked");
  g_assert_cmpint (hw_ecomap_canvas_get_selected_node (canvas), ==, joseph);
  g_assert_true (gtk_widget_activate_action (f->view, "ecomap.connect", NULL));
  g_assert_cmpint (hw_ecomap_canvas_get_connect_from (canvas), ==, joseph);
  g_signal_emit_by_name (find_button (f->view, "Rev. Samuel Green"), "clicked");
  spin (50);
  g_assert_cmpint (count_ties (f->store, joseph, samuel), ==, 1);
  /* the new tie is selected, ready to describe */
  g_assert_cmpint (hw_ecomap_canvas_get_selected_tie (canvas), >, 0);
  save_png (f, "view-new-tie.png");

  g_assert_true (hw_store_undo (f->store, &error));
  spin (50);
  g_assert_cmpint (count_ties (f->store, joseph, samuel), ==, 0);
  g_assert_cmpint (hw_ecomap_canvas_get_selected_tie (canvas), ==, 0);
}

static void
test_move_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) node = NULL;

  /* what a drag ends with, and what an arrow key sends */
  g_signal_emit_by_name (canvas, "node-moved", joseph, 321.0, -123.0);
  spin (50);
  node = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_true (hw_record_get_boolean (node, "pinned"));
  g_assert_cmpfloat (hw_record_get_double (node, "x"), ==, 321.0);
  {
    HwEcomapMap *map = hw_ecomap_canvas_get_map (canvas);
    int i = hw_ecomap_map_find_node (map, joseph);

    g_assert_cmpfloat (g_array_index (map->nodes, HwEcomapMapNode, i).x, ==, 321.0);
  }
  g_assert_true (hw_store_undo (f->store, &error));
  g_clear_object (&node);
  node = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_false (hw_record_get_boolean (node, "pinned"));
}

static void
test_tie_panel_and_delete (Fixture       *f,
                           gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 tie = hw_store_query_int (f->store, 0, "SELECT id FROM ties WHERE node_a = ? AND node_b = ?",
                                   G_TYPE_INT64, household, G_TYPE_INT64, joseph, G_TYPE_INVALID);
  GtkWidget *stressful = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) rec = NULL;

  g_assert_cmpint (tie, >, 0);
  hw_ecomap_canvas_select (canvas, 0, tie);
  spin (20);
  /* tick "Stressful" in the panel: one edit */
  for (GtkWidget *w = f->view; w != NULL && stressful == NULL; )
    {
      /* depth-first search for the check button */
      GtkWidget *child = gtk_widget_get_first_child (w);

      if (GTK_IS_CHECK_BUTTON (w) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), "Stressful or in conflict") == 0)
        stressful = w;
      else if (child != NULL)
        w = child;
      else
        {
          while (w != NULL && w != f->view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == f->view) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (stressful);
  g_assert_true (gtk_widget_get_mapped (stressful));
  spin (50);
  g_assert_cmpint (hw_ecomap_canvas_get_last_frame (canvas), !=, HW_ECOMAP_CACHE_EDITED);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (stressful), TRUE);
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_true (hw_record_get_boolean (rec, "stressful"));
  /* the map loaded again, and drawn again only where the tie is: the
   * view cache kept its image through the reload (and the panel's new
   * allocation) */
  spin (100);
  g_assert_cmpint (hw_ecomap_canvas_get_last_frame (canvas), ==, HW_ECOMAP_CACHE_EDITED);
  save_png (f, "view-tie-panel.png");

  /* Delete removes the selected tie; undo brings it back */
  spin (50);
  hw_ecomap_canvas_select (canvas, 0, tie);
  g_assert_true (gtk_widget_activate_action (f->view, "ecomap.delete", NULL));
  g_assert_cmpint (count_ties (f->store, household, joseph), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (count_ties (f->store, household, joseph), ==, 1);
}


static GtkWidget *find_type (GtkWidget *widget,
                             GType      type,
                             guint      skip);

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ENTRY (child))
        g_ptr_array_add (out, child);
      collect_entries (child, out);
    }
}

/* The panel's note entry: the one after "How often they are in touch". */
static GtkWidget *
find_note_entry (GtkWidget *view)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_entries (view, entries);
  for (guint i = 0; i + 1 < entries->len; i++)
    if (g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (g_ptr_array_index (entries, i))),
                   "For example: every week") == 0)
      return g_ptr_array_index (entries, i + 1);
  g_assert_not_reached ();
}

/* Two people on one map: someone else (a second program) changes the
 * selected tie's note, moves a node, changes its group, while this view
 * shows the older ones; the change made in the panel and the node dropped
 * elsewhere are refused (theirs stays), the panel and the map show
 * theirs; made again, they are saved. */
static void
test_tie_and_move_conflict (Fixture       *f,
                            gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 tie = hw_store_query_int (f->store, 0, "SELECT id FROM ties WHERE node_a = ? AND node_b = ?",
                                   G_TYPE_INT64, household, G_TYPE_INT64, joseph, G_TYPE_INVALID);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *note;

  g_assert_cmpint (tie, >, 0);
  hw_ecomap_canvas_select (canvas, 0, tie);
  spin (20);
  note = find_note_entry (f->view);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "ties", tie, &error);
  hw_record_set_string (theirs, "note", "Their note");
  g_assert_true (hw_store_update (other, "Change tie", theirs, &error));
  g_assert_no_error (error);

  /* the tie: typed and Enter */
  gtk_editable_set_text (GTK_EDITABLE (note), "My note");
  g_signal_emit_by_name (note, "activate");
  spin (50);
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_cmpstr (hw_record_get_string (rec, "note"), ==, "Their note");
  g_clear_object (&rec);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "Their note");
  g_assert_cmpint (hw_ecomap_canvas_get_selected_tie (canvas), ==, tie);
  /* made again over theirs: saved */
  gtk_editable_set_text (GTK_EDITABLE (note), "Our note");
  g_signal_emit_by_name (note, "activate");
  spin (50);
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_cmpstr (hw_record_get_string (rec, "note"), ==, "Our note");
  g_clear_object (&rec);
  /* and again, over the version that save left */
  gtk_editable_set_text (GTK_EDITABLE (note), "Our second note");
  g_signal_emit_by_name (note, "activate");
  spin (50);
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_cmpstr (hw_record_get_string (rec, "note"), ==, "Our second note");
  g_clear_object (&rec);

  /* the node: they move it; dropped here from where this map showed it */
  g_assert_true (hw_ecomap_move_node (other, joseph, 11.0, 22.0, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (canvas, "node-moved", joseph, 321.0, -123.0);
  spin (50);
  rec = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_cmpfloat (hw_record_get_double (rec, "x"), ==, 11.0);
  g_clear_object (&rec);
  {
    HwEcomapMap *map = hw_ecomap_canvas_get_map (canvas);
    int i = hw_ecomap_map_find_node (map, joseph);

    g_assert_cmpfloat (g_array_index (map->nodes, HwEcomapMapNode, i).x, ==, 11.0);
  }
  g_signal_emit_by_name (canvas, "node-moved", joseph, 321.0, -123.0);
  spin (50);
  rec = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_cmpfloat (hw_record_get_double (rec, "x"), ==, 321.0);

  /* the node's group, chosen in the panel while they chose another */
  {
    GtkWidget *group;
    guint n, now;
    const HwChoice *groups = hw_choices_get (HW_CHOICES_ECOMAP_CATEGORY, &n);
    g_autoptr(HwRecord) node = NULL;

    hw_ecomap_canvas_select (canvas, joseph, 0);
    spin (20);
    group = find_type (f->view, GTK_TYPE_DROP_DOWN, 0);
    g_assert_nonnull (group);
    now = gtk_drop_down_get_selected (GTK_DROP_DOWN (group));
    g_assert_cmpint (hw_choices_index (HW_CHOICES_ECOMAP_CATEGORY,
                                       hw_record_get_string (rec, "category")), ==, (int) now);
    node = hw_store_get (other, "ecomap_nodes", joseph, &error);
    hw_record_set_string (node, "category", groups[(now + 2) % n].id);
    g_assert_true (hw_store_update (other, "Change group", node, &error));
    g_assert_no_error (error);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (group), (now + 1) % n);
    spin (50);
    g_clear_object (&rec);
    rec = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
    g_assert_cmpstr (hw_record_get_string (rec, "category"), ==, groups[(now + 2) % n].id);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (group)), ==, (now + 2) % n);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (group), (now + 1) % n);
    spin (50);
    g_clear_object (&rec);
    rec = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
    g_assert_cmpstr (hw_record_get_string (rec, "category"), ==, groups[(now + 1) % n].id);
  }
}

static GtkWidget *
find_entry_with_hint (GtkWidget  *widget,
                      const char *hint)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ENTRY (child) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (child)), hint) == 0)
        return child;
      if ((found = find_entry_with_hint (child, hint)) != NULL)
        return found;
    }
  return NULL;
}

/* the button of the list "On the map" that chooses @node */
static GtkWidget *
find_node_button (GtkWidget *widget,
                  gint64     node)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      GVariant *target = GTK_IS_BUTTON (child)
                         ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)) : NULL;

      if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) &&
          g_variant_get_int64 (target) == node &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "ecomap.choose-node") == 0)
        return child;
      if ((found = find_node_button (child, node)) != NULL)
        return found;
    }
  return NULL;
}

static void
rename_person (HwStore    *store,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_store_query_int (store, 0, "SELECT id FROM people WHERE name = ?",
                                  G_TYPE_STRING, from, G_TYPE_INVALID);
  g_autoptr(HwRecord) person = hw_store_get (store, "people", id, &error);

  g_assert_no_error (error);
  hw_record_set_string (person, "name", to);
  g_assert_true (hw_store_update (store, "Rename", person, &error));
  g_assert_no_error (error);
}

/* Someone else's change to the map (another window, a second caseworker)
 * while this person works on it: the selection, the zoom, the words being
 * typed in the panel and the keyboard focus on a person's button stay;
 * the change shows. It comes from another store on the same file,
 * announced by hw_store_refresh() as the app does each second. */
static void
test_keeps_place (Fixture       *f,
                  gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 tie = hw_store_query_int (f->store, 0, "SELECT id FROM ties WHERE node_a = ? AND node_b = ?",
                                   G_TYPE_INT64, household, G_TYPE_INT64, joseph, G_TYPE_INVALID);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = hw_store_open (hw_store_get_path (f->store), &error);
  GtkWidget *often, *button, *focus;
  double zoom;

  g_assert_no_error (error);
  g_assert_cmpint (tie, >, 0);
  hw_ecomap_canvas_select (canvas, 0, tie);
  hw_ecomap_canvas_zoom (canvas, 1.5);
  zoom = hw_ecomap_canvas_get_zoom (canvas);
  spin (20);
  often = find_entry_with_hint (f->view, "For example: every week");
  g_assert_nonnull (often);
  g_assert_true (gtk_widget_get_mapped (often));
  gtk_widget_grab_focus (often);
  gtk_editable_set_text (GTK_EDITABLE (often), "every second Sunday, after ch");
  spin (20);

  /* someone else renames a person on the map */
  rename_person (other, "Joseph Baker", "Joe Baker");
  g_assert_true (hw_store_refresh (f->store));
  spin (100);

  g_assert_nonnull (find_button (f->view, "Joe Baker"));       /* their change shows */
  g_assert_cmpint (hw_ecomap_canvas_get_selected_tie (canvas), ==, tie);
  g_assert_cmpfloat_with_epsilon (hw_ecomap_canvas_get_zoom (canvas), zoom, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (often)), ==, "every second Sunday, after ch");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus != NULL && (focus == often || gtk_widget_is_ancestor (focus, often)));
  /* nothing of theirs was written over by ours, nothing of ours saved yet */
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM ties WHERE frequency LIKE 'every second%'",
                                       G_TYPE_INVALID), ==, 0);

  /* the keyboard on a person's button in the list "On the map": the
   * list is made again (a name changed), the focus is on that person's
   * new button */
  button = find_node_button (f->view, joseph);
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  spin (20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);
  rename_person (other, "Joe Baker", "Joseph Baker");
  g_assert_true (hw_store_refresh (f->store));
  spin (100);
  g_assert_nonnull (find_button (f->view, "Joseph Baker"));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == find_node_button (f->view, joseph));
}

static GtkWindow *
find_toplevel (const char *title)
{
  /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 ||
          (ADW_IS_MESSAGE_DIALOG (window) &&
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), title) == 0))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type,
           guint      skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (skip == 0)
            return child;
          skip--;
        }
      if ((found = find_type (child, type, 0)) != NULL && skip == 0)
        return found;
    }
  return NULL;
}

#define NOT_REMOVED_MESSAGE "Someone else changed this since you opened it. It was not removed; look at their change first."
#define CONFLICT_MESSAGE "Someone else changed this since you opened it. Their text is shown; make your change again."

/* Two people on one map, removing: someone else (a second program, not
 * announced yet) moves the selected person, changes the selected tie,
 * a role in the safety network, a line of the legend, while this view
 * shows the older ones. Remove, the role's check and the legend's Save
 * are refused with the message (a toast), nothing is removed, the map
 * shows theirs; pressed again, over theirs, they go through. */
static void
test_delete_conflict (Fixture       *f,
                      gconstpointer  data)
{
  HwEcomapCanvas *canvas = find_canvas (f->view);
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 carmen = node_of (f->store, "Carmen Ortiz");
  gint64 tie = hw_store_query_int (f->store, 0, "SELECT id FROM ties WHERE node_a = ? AND node_b = ?",
                                   G_TYPE_INT64, household, G_TYPE_INT64, joseph, G_TYPE_INVALID);
  gint64 carmen_person = hw_store_query_int (f->store, 0, "SELECT person_id FROM ecomap_nodes WHERE id = ?",
                                             G_TYPE_INT64, carmen, G_TYPE_INVALID);
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) rec = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *remove, *check, *entry;
  GtkWindow *dialog;
  HwEcomapMap *map;

  g_assert_cmpint (tie, >, 0);
  g_assert_cmpint (carmen, >, 0);
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  remove = hw_test_find_widget (f->view, hw_test_match_button_action, "ecomap.delete");
  g_assert_nonnull (remove);

  /* the person: they moved Joseph since */
  hw_ecomap_canvas_select (canvas, joseph, 0);
  spin (20);
  g_assert_true (hw_ecomap_move_node (other, joseph, 11.0, 22.0, &error));
  g_assert_no_error (error);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, NOT_REMOVED_MESSAGE);
  g_signal_emit_by_name (remove, "clicked");
  spin (50);
  g_test_assert_expected_messages ();
  g_assert_cmpint (node_of (f->store, "Joseph Baker"), ==, joseph);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM ties WHERE id = ?",
                                       G_TYPE_INT64, tie, G_TYPE_INVALID), ==, 1);
  map = hw_ecomap_canvas_get_map (canvas);
  g_assert_cmpfloat (g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, joseph)).x,
                     ==, 11.0);

  /* the tie: they changed its note since */
  hw_ecomap_canvas_select (canvas, 0, tie);
  spin (20);
  rec = hw_store_get (other, "ties", tie, &error);
  hw_record_set_string (rec, "note", "Their note");
  g_assert_true (hw_store_update (other, "Change tie", rec, &error));
  g_assert_no_error (error);
  g_clear_object (&rec);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, NOT_REMOVED_MESSAGE);
  g_signal_emit_by_name (remove, "clicked");
  spin (50);
  g_test_assert_expected_messages ();
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_nonnull (rec);
  g_assert_cmpstr (hw_record_get_string (rec, "note"), ==, "Their note");
  g_clear_object (&rec);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_note_entry (f->view))), ==, "Their note");

  /* a role: they changed Carmen's respite since (as an import would) */
  hw_ecomap_canvas_select (canvas, carmen, 0);
  spin (20);
  check = hw_test_find_widget (f->view, hw_test_match_check_label,
                               hw_choice_label (HW_CHOICES_NETWORK_ROLE, "respite"));
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  rec = hw_store_get (other, "network_members",
                      hw_store_query_int (f->store, 0,
                                          "SELECT id FROM network_members WHERE person_id = ? AND role = 'respite'",
                                          G_TYPE_INT64, carmen_person, G_TYPE_INVALID),
                      &error);
  g_assert_no_error (error);
  hw_record_set_string (rec, "availability", "Weekends");
  g_assert_true (hw_store_update (other, "Change availability", rec, &error));
  g_clear_object (&rec);
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, NOT_REMOVED_MESSAGE);
  gtk_widget_activate (check);
  spin (50);
  g_test_assert_expected_messages ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (hw_ecomap_network_role_version (f->store, carmen_person, "respite", NULL), >, 0);
  /* again, over theirs: taken away */
  gtk_widget_activate (check);
  spin (50);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (hw_ecomap_network_role_version (f->store, carmen_person, "respite", NULL), ==, 0);

  /* the legend: they wrote the fifth line ("stressful") while the
   * dialog was open */
  g_assert_true (gtk_widget_activate_action (f->view, "ecomap.legend", NULL));
  spin (100);
  dialog = find_toplevel ("Legend");
  g_assert_nonnull (dialog);
  entry = find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  for (guint i = 0; i < 4; i++)
    entry = gtk_widget_get_next_sibling (entry);
  g_assert_true (hw_ecomap_set_legend_label (other, f->case_id, "stressful", "Fights", &error));
  g_assert_no_error (error);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Conflict between them");
  g_test_expect_message ("hw-toast", G_LOG_LEVEL_MESSAGE, CONFLICT_MESSAGE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  spin (50);
  g_test_assert_expected_messages ();
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM ecomap_legend WHERE key = 'stressful' AND label = 'Fights'",
                                       G_TYPE_INVALID), ==, 1);
  map = hw_ecomap_canvas_get_map (canvas);
  g_assert_cmpstr (hw_ecomap_map_get_legend (map, HW_ECOMAP_LEGEND_STRESSFUL), ==, "Fights");

  /* Joseph removed again, as the map shows him now: gone with his ties */
  hw_ecomap_canvas_select (canvas, joseph, 0);
  spin (20);
  g_signal_emit_by_name (remove, "clicked");
  spin (50);
  g_assert_cmpint (node_of (f->store, "Joseph Baker"), ==, 0);
  g_assert_cmpint (hw_store_query_int (f->store, 0, "SELECT count(*) FROM ties WHERE id = ?",
                                       G_TYPE_INT64, tie, G_TYPE_INVALID), ==, 0);
  if (g_getenv ("HW_KEEP_OUTPUT"))
    save_png (f, "delete-conflict.png");
}

/* The legend dialog writes the changed line; the compare window shows
 * two maps with the changes since the intake snapshot. */
static void
test_legend_and_compare (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *dialog, *compare;
  GtkWidget *entry, *canvas;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (f->view, "ecomap.legend", NULL));
  spin (100);
  dialog = find_toplevel ("Legend");
  g_assert_nonnull (dialog);
  /* the fifth line is "stressful" */
  entry = find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  for (guint i = 0; i < 4; i++)
    entry = gtk_widget_get_next_sibling (entry);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Conflict between them");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_destroy (dialog);
  spin (50);
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM ecomap_legend WHERE key = 'stressful' "
                                       "AND label = 'Conflict between them'", G_TYPE_INVALID), ==, 1);
  /* only the changed line was written */
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM ecomap_legend", G_TYPE_INVALID), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));

  g_assert_true (gtk_widget_activate_action (f->view, "ecomap.compare", NULL));
  spin (300);
  compare = find_toplevel ("Compare ecomaps");
  g_assert_nonnull (compare);
  canvas = find_type (GTK_WIDGET (compare), HW_TYPE_ECOMAP_CANVAS, 0);
  g_assert_nonnull (canvas);
  g_assert_nonnull (hw_ecomap_canvas_get_map (HW_ECOMAP_CANVAS (canvas)));
  if (g_getenv ("HW_KEEP_OUTPUT"))
    {
      GtkWidget *saved = f->window;

      f->window = GTK_WIDGET (compare);
      save_png (f, "compare.png");
      f->window = saved;
    }
  gtk_window_destroy (compare);
  spin (50);
}

static void
count_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
}

/* A map of @n people tied to the household, laid out */
static HwEcomapMap *
people_map (guint n)
{
  HwEcomapMap *map = hw_ecomap_map_new ();

  map->household_id = 1;
  map->household_label = g_strdup ("Household");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      hw_ecomap_map_add_node (map, 10 + i, HW_ECOMAP_NODE_PERSON,
                              (HwEcomapCategory) (i % HW_ECOMAP_N_CATEGORIES), name);
      hw_ecomap_map_add_tie (map, 1000 + i, 1, 10 + i, (HwTieStrength) (i % HW_TIE_NONE),
                             i % 3 == 0, HW_TIE_FLOW_NONE);
    }
  hw_ecomap_map_layout (map);
  return map;
}

/* Once a zoom rests on a large map, the canvas draws it sharp a piece a
 * frame (with a budget of 0) without being asked again: it goes on frame
 * after frame until the view is whole (20 pieces), then stops. */
static void
test_draws_on_after_zoom (void)
{
  GtkWidget *window = gtk_window_new ();
  HwEcomapCanvas *canvas = HW_ECOMAP_CANVAS (hw_ecomap_canvas_new ());
  HwEcomapMap *map = people_map (150);
  GdkFrameClock *clock;
  guint paints = 0, before;

  g_assert_cmpuint (map->nodes->len, >=, HW_ECOMAP_CACHE_PROGRESSIVE_NODES);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  hw_ecomap_canvas_set_map (canvas, map);
  hw_ecomap_canvas_set_frame_budget (canvas, 0);
  gtk_window_present (GTK_WINDOW (window));
  spin (500);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  hw_ecomap_canvas_zoom (canvas, 1.6);
  /* until the frames stop (the zoom rests after 180 ms) */
  do
    {
      before = paints;
      spin (600);
    }
  while (paints != before && paints < 500);
  g_signal_handlers_disconnect_by_func (clock, count_paint_cb, &paints);
  g_test_message ("%u frames after the zoom", paints);
  if (paints < 20)
    g_error ("after the zoom the canvas drew %u frames: it stopped before the view was whole",
             paints);
  g_assert_cmpuint (paints, <, 500);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

/* The window made larger, a large map: the canvas keeps what its image
 * holds and draws only the window's part of the bands around it
 * (HW_ECOMAP_CACHE_RESIZED), not the whole map again; the rest of its
 * margin, and that of the first drawing, is drawn when the main loop is
 * idle */
static void
test_keeps_image_on_resize (void)
{
  GtkWidget *window = gtk_window_new ();
  HwEcomapCanvas *canvas = HW_ECOMAP_CANVAS (hw_ecomap_canvas_new ());
  HwEcomapMap *map = people_map (150);


  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  hw_ecomap_canvas_set_map (canvas, map);
  gtk_window_present (GTK_WINDOW (window));
  spin (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), <, 700);
  g_assert_cmpint (hw_ecomap_canvas_get_last_frame (canvas), ==, HW_ECOMAP_CACHE_DRAWN);
  g_assert_false (hw_ecomap_canvas_get_filling (canvas));

  gtk_widget_set_size_request (GTK_WIDGET (canvas), 700, 480);
  spin (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, 700);
  g_assert_cmpint (hw_ecomap_canvas_get_last_frame (canvas), ==, HW_ECOMAP_CACHE_RESIZED);
  g_assert_false (hw_ecomap_canvas_get_filling (canvas));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ecomap-view/shows-everyone", test_shows_everyone);
  ADD ("/ecomap-view/connect-undo", test_connect_and_undo);
  ADD ("/ecomap-view/move-undo", test_move_and_undo);
  ADD ("/ecomap-view/tie-panel-delete", test_tie_panel_and_delete);
  ADD ("/ecomap-view/tie-and-move-conflict", test_tie_and_move_conflict);
  ADD ("/ecomap-view/delete-conflict", test_delete_conflict);
  ADD ("/ecomap-view/legend-compare", test_legend_and_compare);
  ADD ("/ecomap-view/keeps-place", test_keeps_place);
  g_test_add_func ("/ecomap-view/draws-on-after-zoom", test_draws_on_after_zoom);
  g_test_add_func ("/ecomap-view/keeps-image-on-resize", test_keeps_image_on_resize);

  return g_test_run ();
}
