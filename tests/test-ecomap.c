/* test-ecomap.c: the ecomap in the store: loading for a recipient, each
 * edit undone by the store, refusals that write nothing, snapshots and
 * their comparison, and exports checked with real readers.
 *
 * Set HW_KEEP_OUTPUT=DIR to keep the exported files to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>

#include "hw-demo.h"
#include "hw-test-store.h"
#include "hw-ecomap.h"
#include "hw-ecomap-queries.h"
#include "hw-language.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = hw_test_store_new_demo ("homeward-ecomap-XXXXXX", &f->dir, &f->case_id);
  g_assert_cmpint (f->case_id, >, 0);

  /* the lead's demo calls this inside its edit; do the same if it did not */
  if (hw_store_query_int (f->store, 0, "SELECT count(*) FROM ties", G_TYPE_INVALID) == 0)
    {
      g_assert_true (hw_store_begin_edit (f->store, "Add sample ecomap", &error));
      g_assert_true (hw_ecomap_add_demo (f->store, f->case_id, &error));
      g_assert_no_error (error);
      g_assert_true (hw_store_commit_edit (f->store, &error));
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *cmd = NULL;

  g_clear_object (&f->store);
  cmd = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static int
append_row_cb (void  *data,
               int    n,
               char **values,
               char **names)
{
  GString *s = data;

  for (int i = 0; i < n; i++)
    {
      /* undo moves a row's version on, never back (hw-store.h): the
       * data is what must come back */
      if (g_str_equal (names[i], "version"))
        continue;
      g_string_append_printf (s, "%s|", values[i] ? values[i] : "NULL");
    }
  g_string_append_c (s, '\n');
  return 0;
}

/* Everything the ecomap touches, as text, to compare before and after. */
static char *
fingerprint (HwStore *store)
{
  static const char * const tables[] = {
    "people", "organisations", "ecomap_nodes", "ties", "ecomap_legend",
    "ecomap_snapshots", "network_members",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[i]);

      g_string_append_printf (s, "[%s]\n", tables[i]);
      g_assert_cmpint (sqlite3_exec (hw_store_get_db (store), sql, append_row_cb, s, NULL), ==, SQLITE_OK);
    }
  return g_string_free (s, FALSE);
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
person_of (HwStore    *store,
           const char *person)
{
  return hw_store_query_int (store, 0, "SELECT id FROM people WHERE name = ?",
                             G_TYPE_STRING, person, G_TYPE_INVALID);
}

static gint64
tie_between (HwStore *store,
             gint64   a,
             gint64   b)
{
  return hw_store_query_int (store, 0,
                             "SELECT id FROM ties WHERE (node_a = ? AND node_b = ?) OR (node_a = ? AND node_b = ?)",
                             G_TYPE_INT64, a, G_TYPE_INT64, b, G_TYPE_INT64, b, G_TYPE_INT64, a,
                             G_TYPE_INVALID);
}

/* Loading ----------------------------------------------------------------- */

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwEcomapMap) map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  gboolean found_elena = FALSE;
  int rosa;

  g_assert_no_error (error);
  g_assert_nonnull (map);
  g_assert_cmpint (map->household_id, >, 0);
  for (guint i = 0; i < map->members->len; i++)
    found_elena |= g_str_equal (g_ptr_array_index (map->members, i), "Elena Morales");
  g_assert_true (found_elena);
  /* people outside the household and organisations are nodes */
  g_assert_cmpint (map->nodes->len, >=, 20);
  g_assert_cmpint (map->ties->len, >=, 20);
  rosa = hw_ecomap_map_find_node (map, node_of (f->store, "Rosa Morales"));
  g_assert_cmpint (rosa, >=, 0);
  g_assert_true (g_array_index (map->nodes, HwEcomapMapNode, rosa).network_member);
  g_assert_cmpint (g_array_index (map->nodes, HwEcomapMapNode, rosa).category, ==, HW_ECOMAP_CATEGORY_KIN);

  /* an unknown case is an error, not a crash */
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, 99999, NULL, &error);
  g_assert_null (map);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

static void
test_withheld_absent (Fixture       *f,
                      gconstpointer  data)
{
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  HwRecipient screen = { HW_RECIPIENT_SCREEN, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwEcomapMap) agency_map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_autoptr(HwEcomapMap) family_map = hw_ecomap_load (f->store, f->case_id, &family, &error);
  g_autoptr(HwEcomapMap) screen_map = hw_ecomap_load (f->store, f->case_id, &screen, &error);
  gint64 alicia = node_of (f->store, "Alicia Brooks");

  g_assert_cmpint (alicia, >, 0);
  g_assert_cmpint (hw_ecomap_map_find_node (agency_map, alicia), >=, 0);
  g_assert_cmpint (hw_ecomap_map_find_node (family_map, alicia), <, 0);
  g_assert_cmpint (hw_ecomap_map_find_node (screen_map, alicia), <, 0);
  /* ... and so are her ties */
  for (guint i = 0; i < family_map->ties->len; i++)
    {
      HwEcomapMapTie *t = &g_array_index (family_map->ties, HwEcomapMapTie, i);

      g_assert_cmpint (t->node_a, !=, alicia);
      g_assert_cmpint (t->node_b, !=, alicia);
    }
  g_assert_cmpint (family_map->ties->len, <, agency_map->ties->len);
}

/* Undo of each edit ------------------------------------------------------- */

typedef gboolean (*EditFunc) (Fixture *f);

/* @setup (its own edits) runs first; @edit must be exactly one edit */
static void
check_undo (Fixture    *f,
            const char *what,
            EditFunc    setup,
            EditFunc    edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL, *undone = NULL, *redone = NULL;

  g_test_message ("edit: %s", what);
  if (setup != NULL)
    g_assert_true (setup (f));
  before = fingerprint (f->store);
  g_assert_true (edit (f));
  after = fingerprint (f->store);
  if (g_str_equal (before, after))
    g_error ("edit “%s” changed nothing", what);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = fingerprint (f->store);
  if (!g_str_equal (before, undone))
    g_error ("undo of “%s” did not restore the data", what);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = fingerprint (f->store);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (hw_store_undo (f->store, &error));
}

/* a person added elsewhere in the program ... */
static gboolean
setup_new_person (Fixture *f)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  g_autoptr(GError) error = NULL;

  hw_record_set_int (rec, "case_id", f->case_id);
  hw_record_set_string (rec, "name", "New Neighbour");
  hw_record_set_string (rec, "role", "neighbour");
  return hw_store_insert (f->store, "Add person", rec, &error) > 0;
}

/* ... gets a node here */
static gboolean
edit_ensure_nodes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hw_ecomap_ensure_nodes (f->store, f->case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (node_of (f->store, "New Neighbour"), >, 0);
  /* nothing missing now: no further edit */
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);
    g_autofree char *label_after = NULL;

    g_assert_true (hw_ecomap_ensure_nodes (f->store, f->case_id, &error));
    label_after = hw_store_get_undo_label (f->store);
    g_assert_cmpstr (label_after, ==, label);
  }
  return TRUE;
}

static gboolean
edit_add_person (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 node = hw_ecomap_add_person (f->store, f->case_id, "  Coach Dana  ", "community", &error);

  g_assert_no_error (error);
  g_assert_cmpint (node, >, 0);
  g_assert_cmpint (node_of (f->store, "Coach Dana"), ==, node);
  return TRUE;
}

static gboolean
edit_add_organisation (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_add_organisation (f->store, f->case_id, "Food Pantry", "services", &error) > 0;
}

static gboolean
edit_delete_node (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 rosa = node_of (f->store, "Rosa Morales");

  g_assert_true (hw_ecomap_delete_node (f->store, rosa, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM ties WHERE node_a = ? OR node_b = ?",
                                       G_TYPE_INT64, rosa, G_TYPE_INT64, rosa, G_TYPE_INVALID), ==, 0);
  /* the person stays in the case */
  g_assert_cmpint (person_of (f->store, "Rosa Morales"), >, 0);
  return TRUE;
}

static gboolean
edit_move_node (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_move_node (f->store, node_of (f->store, "Joseph Baker"), 123.5, -80.25, &error);
}

static gboolean
setup_pin (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_move_node (f->store, node_of (f->store, "Joseph Baker"), 10, 10, &error);
}

static gboolean
edit_unpin_node (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_unpin_node (f->store, node_of (f->store, "Joseph Baker"), &error);
}

static gboolean
edit_set_category (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_category (f->store, node_of (f->store, "Joseph Baker"), "community", &error);
}

static gboolean
edit_add_tie (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 tie = hw_ecomap_add_tie (f->store, node_of (f->store, "Joseph Baker"),
                                  node_of (f->store, "Rev. Samuel Green"), "tenuous", &error);

  g_assert_no_error (error);
  return tie > 0;
}

static gboolean
edit_update_tie (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 tie = tie_between (f->store, household, node_of (f->store, "Joseph Baker"));
  HwEcomapTieFields fields = { "strong", TRUE, "both", "Transport, emotional", "daily", "Now daily" };
  g_autoptr(HwRecord) rec = NULL;

  g_assert_true (hw_ecomap_update_tie (f->store, tie, &fields, &error));
  g_assert_no_error (error);
  rec = hw_store_get (f->store, "ties", tie, &error);
  g_assert_cmpstr (hw_record_get_string (rec, "support_types"), ==, "transport,emotional");
  g_assert_cmpstr (hw_record_get_string (rec, "strength"), ==, "strong");
  return TRUE;
}

static gboolean
edit_delete_tie (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);

  return hw_ecomap_delete_tie (f->store, tie_between (f->store, household, node_of (f->store, "Joseph Baker")),
                               &error);
}

static gboolean
edit_legend_add (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_legend_label (f->store, f->case_id, "stressful", "Conflict", &error);
}

static gboolean
setup_legend (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_legend_label (f->store, f->case_id, "strong", "Very close", &error);
}

static gboolean
edit_legend_change (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_legend_label (f->store, f->case_id, "strong", "Close", &error);
}

/* back to the default wording: the row goes */
static gboolean
edit_legend_reset (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_legend_label (f->store, f->case_id, "strong", "", &error);
}

static gboolean
edit_network_add (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_network_role (f->store, person_of (f->store, "Joseph Baker"), "checks-in", TRUE, &error);
}

static gboolean
edit_network_remove (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_set_network_role (f->store, person_of (f->store, "Carmen Ortiz"), "respite", FALSE, &error);
}

static gboolean
edit_snapshot_save (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  return hw_ecomap_save_snapshot (f->store, f->case_id, "Before the review", &error) > 0;
}

static gboolean
edit_snapshot_delete (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snaps = hw_ecomap_list_snapshots (f->store, f->case_id, &error);

  g_assert_cmpint (snaps->len, >=, 1);
  return hw_ecomap_delete_snapshot (f->store, hw_record_get_id (g_ptr_array_index (snaps, 0)), &error);
}

static void
test_undo_each_edit (Fixture       *f,
                     gconstpointer  data)
{
  check_undo (f, "ensure nodes", setup_new_person, edit_ensure_nodes);
  check_undo (f, "add person", NULL, edit_add_person);
  check_undo (f, "add organisation", NULL, edit_add_organisation);
  check_undo (f, "delete node", NULL, edit_delete_node);
  check_undo (f, "move node", NULL, edit_move_node);
  check_undo (f, "unpin node", setup_pin, edit_unpin_node);
  check_undo (f, "set category", NULL, edit_set_category);
  check_undo (f, "add tie", NULL, edit_add_tie);
  check_undo (f, "update tie", NULL, edit_update_tie);
  check_undo (f, "delete tie", NULL, edit_delete_tie);
  check_undo (f, "legend label", NULL, edit_legend_add);
  check_undo (f, "legend change", setup_legend, edit_legend_change);
  check_undo (f, "legend reset", NULL, edit_legend_reset);
  check_undo (f, "network add", NULL, edit_network_add);
  check_undo (f, "network remove", NULL, edit_network_remove);
  check_undo (f, "snapshot save", NULL, edit_snapshot_save);
  check_undo (f, "snapshot delete", NULL, edit_snapshot_delete);
}

/* Two people on one map: the map as loaded (hw_ecomap_load) carries each
 * node's version; someone else (a second program) moves a node and
 * changes a tie meanwhile; a move, a group or a tie change over what
 * was read is refused with a conflict and theirs stays; over their
 * version it goes through. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(HwRecord) tie = NULL;
  g_autoptr(HwRecord) row = NULL;
  HwEcomapMapNode *node;
  HwEcomapTieFields mine = { "strong", FALSE, "both", "", "", "Mine." };
  HwEcomapTieFields theirs = { "tenuous", TRUE, "none", "", "", "Theirs." };
  gint64 node_id, node_version, tie_id, tie_version;

  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (map->nodes->len, >, 0);
  node = &g_array_index (map->nodes, HwEcomapMapNode, 0);
  node_id = node->id;
  node_version = node->version;
  g_assert_cmpint (node_version, >, 0);
  tie_id = hw_store_query_int (f->store, 0, "SELECT min(id) FROM ties WHERE case_id = ?",
                               G_TYPE_INT64, f->case_id, G_TYPE_INVALID);
  tie = hw_store_get (f->store, "ties", tie_id, &error);
  g_assert_no_error (error);
  tie_version = hw_record_get_version (tie);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  g_assert_true (hw_ecomap_move_node (other, node_id, 10.0, 20.0, &error));
  g_assert_true (hw_ecomap_update_tie (other, tie_id, &theirs, &error));
  g_assert_no_error (error);

  g_assert_false (hw_ecomap_move_node_at (f->store, node_id, node_version, 300.0, 400.0, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hw_ecomap_update_tie_at (f->store, tie_id, tie_version, &mine, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hw_ecomap_set_category_at (f->store, node_id, node_version, "work", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  row = hw_store_get (f->store, "ecomap_nodes", node_id, &error);
  g_assert_cmpfloat (hw_record_get_double (row, "x"), ==, 10.0);
  g_clear_object (&row);
  row = hw_store_get (f->store, "ties", tie_id, &error);
  g_assert_cmpstr (hw_record_get_string (row, "note"), ==, "Theirs.");
  g_clear_object (&row);

  /* read again: over their versions */
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  node = &g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, node_id));
  g_assert_cmpint (node->version, >, node_version);
  g_assert_true (hw_ecomap_move_node_at (f->store, node_id, node->version, 300.0, 400.0, &error));
  g_assert_no_error (error);
  row = hw_store_get (f->store, "ties", tie_id, &error);
  g_assert_true (hw_ecomap_update_tie_at (f->store, tie_id, hw_record_get_version (row), &mine,
                                          &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  row = hw_store_get (f->store, "ties", tie_id, &error);
  g_assert_cmpstr (hw_record_get_string (row, "note"), ==, "Mine.");
  g_clear_object (&row);
  row = hw_store_get (f->store, "ecomap_nodes", node_id, &error);
  g_assert_cmpfloat (hw_record_get_double (row, "x"), ==, 300.0);
  g_assert_true (hw_ecomap_set_category_at (f->store, node_id, hw_record_get_version (row), "work",
                                            &error));
  g_assert_no_error (error);
}

/* the version @map shows of the tie @id */
static gint64
map_tie_version (HwEcomapMap *map,
                 gint64       id)
{
  for (guint i = 0; i < map->ties->len; i++)
    if (g_array_index (map->ties, HwEcomapMapTie, i).id == id)
      return g_array_index (map->ties, HwEcomapMapTie, i).version;
  g_assert_not_reached ();
  return 0;
}

/* After a refused edit: the file is as it was at @before (a fingerprint,
 * freed here) and the store's undo step is still @label. */
static void
assert_nothing_written (Fixture    *f,
                        char      **before,
                        const char *label)
{
  g_autofree char *after = fingerprint (f->store);
  g_autofree char *label_now = hw_store_get_undo_label (f->store);

  g_assert_cmpstr (after, ==, *before);
  g_clear_pointer (before, g_free);
  g_assert_cmpstr (label_now, ==, label);
}

/* Removing a node or a tie only as shown: someone else (a second program
 * on the same file) changes one of the node's ties, ties it to someone
 * else, moves it, changes a tie; each removal over what was shown is
 * refused, nothing changes and no step is added; over what is there now
 * it goes through. */
static void
test_delete_versions (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwEcomapMap) map = NULL;
  g_autofree char *before = NULL;
  g_autofree char *label = NULL, *label_after = NULL;
  HwEcomapTieFields theirs = { "tenuous", TRUE, "none", "", "", "Theirs." };
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 tie = tie_between (f->store, household, joseph);
  gint64 stranger = 0, added, version;

  g_assert_cmpint (tie, >, 0);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  version = g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, joseph)).version;
  g_assert_cmpint (version, >, 0);
  for (guint i = 0; i < map->nodes->len && stranger == 0; i++)
    {
      gint64 id = g_array_index (map->nodes, HwEcomapMapNode, i).id;

      if (id != joseph && tie_between (f->store, id, joseph) == 0)
        stranger = id;
    }
  g_assert_cmpint (stranger, >, 0);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  label = hw_store_get_undo_label (f->store);

  /* a tie of the node changed since */
  g_assert_true (hw_ecomap_update_tie (other, tie, &theirs, &error));
  g_assert_no_error (error);
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_delete_node_at (f->store, joseph, version, map, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* the tie itself, removed as shown */
  g_assert_false (hw_ecomap_delete_tie_at (f->store, tie, map_tie_version (map, tie), &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);

  /* read again; then a tie the map would draw added since */
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  added = hw_ecomap_add_tie (other, joseph, stranger, "strong", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, >, 0);
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_delete_node_at (f->store, joseph, version, map, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);

  /* read again; then the node moved since */
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_true (hw_ecomap_move_node (other, joseph, 5.0, 6.0, &error));
  g_assert_no_error (error);
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_delete_node_at (f->store, joseph, version, map, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);

  /* as it is now: the tie, then the node with its ties, each one step */
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_true (hw_ecomap_delete_tie_at (f->store, tie, map_tie_version (map, tie), &error));
  g_assert_no_error (error);
  g_assert_cmpint (tie_between (f->store, household, joseph), ==, 0);
  version = g_array_index (map->nodes, HwEcomapMapNode, hw_ecomap_map_find_node (map, joseph)).version;
  g_assert_true (hw_ecomap_delete_node_at (f->store, joseph, version, map, &error));
  g_assert_no_error (error);
  g_assert_cmpint (node_of (f->store, "Joseph Baker"), ==, 0);
  g_assert_cmpint (tie_between (f->store, joseph, stranger), ==, 0);
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, "Remove from the ecomap");
}

/* Placing automatically, a role in the safety network and a line of the
 * legend, only over what was shown. */
static void
test_unpin_role_legend_versions (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwEcomapMap) map = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *label = NULL, *label_after = NULL;
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 carmen = person_of (f->store, "Carmen Ortiz");
  gint64 joseph_person = person_of (f->store, "Joseph Baker");
  gint64 version, member;

  g_assert_true (hw_ecomap_move_node (f->store, joseph, 50.0, 60.0, &error));
  g_assert_no_error (error);
  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  label = hw_store_get_undo_label (f->store);

  /* unpin: they moved it since */
  row = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  version = hw_record_get_version (row);
  g_clear_object (&row);
  g_assert_true (hw_ecomap_move_node (other, joseph, 70.0, 80.0, &error));
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_unpin_node_at (f->store, joseph, version, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);

  /* a role: they changed the row since (as an import would) */
  version = hw_ecomap_network_role_version (f->store, carmen, "respite", &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, >, 0);
  g_assert_cmpint (hw_ecomap_network_role_version (f->store, carmen, "checks-in", &error), ==, 0);
  member = hw_store_query_int (f->store, 0, "SELECT id FROM network_members WHERE person_id = ? AND role = ?",
                               G_TYPE_INT64, carmen, G_TYPE_STRING, "respite", G_TYPE_INVALID);
  row = hw_store_get (other, "network_members", member, &error);
  hw_record_set_string (row, "availability", "Weekends");
  g_assert_true (hw_store_update (other, "Change availability", row, &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_set_network_role_at (f->store, carmen, "respite", FALSE, version, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);

  /* the legend: shown with the usual wording, they wrote a line since */
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_cmpint (map->legend_version[HW_ECOMAP_LEGEND_STRONG], ==, 0);
  g_assert_true (hw_ecomap_set_legend_label (other, f->case_id, "strong", "Very close", &error));
  g_assert_no_error (error);
  before = fingerprint (f->store);
  g_assert_false (hw_ecomap_set_legend_label_at (f->store, f->case_id, "strong", 0, "Close", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_nothing_written (f, &before, label);
  row = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_true (hw_record_get_boolean (row, "pinned"));
  g_assert_cmpfloat (hw_record_get_double (row, "x"), ==, 70.0);
  g_assert_cmpint (hw_ecomap_network_role_version (f->store, carmen, "respite", NULL), >, version);

  /* over what is there now, each goes through */
  g_assert_true (hw_ecomap_unpin_node_at (f->store, joseph, hw_record_get_version (row), &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  row = hw_store_get (f->store, "ecomap_nodes", joseph, &error);
  g_assert_false (hw_record_get_boolean (row, "pinned"));
  g_clear_object (&row);
  version = hw_ecomap_network_role_version (f->store, carmen, "respite", NULL);
  g_assert_true (hw_ecomap_set_network_role_at (f->store, carmen, "respite", FALSE, version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_ecomap_network_role_version (f->store, carmen, "respite", NULL), ==, 0);
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_cmpint (map->legend_version[HW_ECOMAP_LEGEND_STRONG], >, 0);
  version = map->legend_version[HW_ECOMAP_LEGEND_STRONG];
  g_assert_true (hw_ecomap_set_legend_label_at (f->store, f->case_id, "strong", version, "Close", &error));
  g_assert_no_error (error);
  g_clear_pointer (&map, hw_ecomap_map_free);
  map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_cmpstr (hw_ecomap_map_get_legend (map, HW_ECOMAP_LEGEND_STRONG), ==, "Close");

  /* a line they put back to the usual wording since */
  g_assert_true (hw_ecomap_set_legend_label (other, f->case_id, "strong", "", &error));
  g_assert_no_error (error);
  g_assert_false (hw_ecomap_set_legend_label_at (f->store, f->case_id, "strong",
                                                 map->legend_version[HW_ECOMAP_LEGEND_STRONG],
                                                 "Closer", &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM ecomap_legend WHERE case_id = ?",
                                       G_TYPE_INT64, f->case_id, G_TYPE_INVALID), ==, 0);

  /* a role they gave since, given again, or taken away since, taken
   * away again: nothing to do, no step */
  g_clear_pointer (&label, g_free);
  label = hw_store_get_undo_label (f->store);
  g_assert_true (hw_ecomap_set_network_role (other, joseph_person, "checks-in", TRUE, &error));
  g_assert_true (hw_ecomap_set_network_role_at (f->store, joseph_person, "checks-in", TRUE, 0, &error));
  g_assert_no_error (error);
  version = hw_ecomap_network_role_version (f->store, joseph_person, "checks-in", NULL);
  g_assert_cmpint (version, >, 0);
  g_assert_true (hw_ecomap_set_network_role (other, joseph_person, "checks-in", FALSE, &error));
  g_assert_true (hw_ecomap_set_network_role_at (f->store, joseph_person, "checks-in", FALSE, version, &error));
  g_assert_no_error (error);
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, label);
}

/* Refusals write nothing -------------------------------------------------- */

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *before = fingerprint (f->store);
  g_autofree char *after = NULL;
  g_autofree char *undo_label = hw_store_get_undo_label (f->store);
  g_autofree char *undo_after = NULL;
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  gint64 joseph = node_of (f->store, "Joseph Baker");
  gint64 tie = tie_between (f->store, household, joseph);
  HwEcomapTieFields bad_strength = { "huge", FALSE, "none", "", "", "" };
  HwEcomapTieFields bad_flow = { "strong", FALSE, "sideways", "", "", "" };
  HwEcomapTieFields bad_support = { "strong", FALSE, "both", "emotional, hugs", "", "" };
  GError *error = NULL;

#define REFUSED(call, code) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, HW_STORE_ERROR, code); \
    g_test_message ("refused: %s", error->message); \
    g_clear_error (&error); \
  } G_STMT_END

  REFUSED (hw_ecomap_update_tie (f->store, tie, &bad_strength, &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_update_tie (f->store, tie, &bad_flow, &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_update_tie (f->store, tie, &bad_support, &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_update_tie (f->store, 987654, &(HwEcomapTieFields) { "strong", FALSE, "none" }, &error),
           HW_STORE_ERROR_NOT_FOUND);
  REFUSED (hw_ecomap_add_tie (f->store, joseph, joseph, NULL, &error) != 0, HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_add_tie (f->store, household, joseph, NULL, &error) != 0, HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_add_tie (f->store, joseph, 987654, NULL, &error) != 0, HW_STORE_ERROR_NOT_FOUND);
  REFUSED (hw_ecomap_add_tie (f->store, joseph, household, "bogus", &error) != 0, HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_delete_node (f->store, household, &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_move_node (f->store, joseph, NAN, 0, &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_set_category (f->store, joseph, "aliens", &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_add_person (f->store, f->case_id, "   ", "family", &error) != 0, HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_add_person (f->store, f->case_id, "Someone", "nowhere", &error) != 0, HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_set_legend_label (f->store, f->case_id, "colour", "x", &error), HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_set_network_role (f->store, person_of (f->store, "Carmen Ortiz"), "hero", TRUE, &error),
           HW_STORE_ERROR_INVALID);
  /* the person alleged to have caused harm is never a protector */
  REFUSED (hw_ecomap_set_network_role (f->store, person_of (f->store, "Marco Reyes"), "checks-in", TRUE, &error),
           HW_STORE_ERROR_INVALID);
  REFUSED (hw_ecomap_save_snapshot (f->store, f->case_id, " ", &error) != 0, HW_STORE_ERROR_INVALID);
#undef REFUSED

  after = fingerprint (f->store);
  g_assert_cmpstr (before, ==, after);
  undo_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (undo_label, ==, undo_after);
}

/* Snapshots --------------------------------------------------------------- */

static gboolean
has_sentence (GPtrArray  *sentences,
              const char *start,
              const char *name)
{
  for (guint i = 0; i < sentences->len; i++)
    {
      const char *s = g_ptr_array_index (sentences, i);

      if (g_str_has_prefix (s, start) && strstr (s, name) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_snapshot_compare (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snaps = hw_ecomap_list_snapshots (f->store, f->case_id, &error);
  g_autoptr(HwEcomapMap) intake = NULL, now = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  gint64 household = hw_ecomap_household_node (f->store, f->case_id);
  HwEcomapChanges changes;
  gboolean lost_marked = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (snaps->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (snaps, 0), "name"), ==, "Intake");

  /* a tie lost since intake */
  g_assert_true (hw_ecomap_delete_tie (f->store,
                                       tie_between (f->store, household,
                                                    hw_store_query_int (f->store, 0,
                                                                        "SELECT n.id FROM ecomap_nodes n JOIN organisations o "
                                                                        "ON o.id = n.org_id WHERE o.name = 'Fresh Market'",
                                                                        G_TYPE_INVALID)),
                                       &error));

  intake = hw_ecomap_load_snapshot (f->store, hw_record_get_id (g_ptr_array_index (snaps, 0)), NULL, &error);
  g_assert_no_error (error);
  now = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (intake->ties->len, ==, 7);

  sentences = hw_ecomap_compare (intake, now, &changes);
  for (guint i = 0; i < sentences->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (sentences, i));
  g_assert_cmpint (changes.lost, ==, 1);
  g_assert_cmpint (changes.stronger, ==, 2);     /* Carmen; Lincoln Elementary */
  g_assert_cmpint (changes.weaker, ==, 1);       /* Marco: moderate -> broken */
  g_assert_cmpint (changes.added, ==, (guint) now->ties->len - 6 - 1);
  g_assert_true (has_sentence (sentences, "Weaker", "Marco Reyes"));
  g_assert_true (has_sentence (sentences, "Stronger", "Carmen Ortiz"));
  g_assert_true (has_sentence (sentences, "Tie lost", "Fresh Market"));
  g_assert_true (has_sentence (sentences, "New tie", "Joseph Baker"));
  for (guint i = 0; i < now->ties->len; i++)
    lost_marked |= g_array_index (now->ties, HwEcomapMapTie, i).change == HW_TIE_CHANGE_LOST;
  g_assert_true (lost_marked);
}

/* A snapshot read for the family leaves out who is withheld from them now. */
static void
test_snapshot_withheld (Fixture       *f,
                        gconstpointer  data)
{
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwEcomapMap) for_family = NULL, for_agency = NULL;
  gint64 snap = hw_ecomap_save_snapshot (f->store, f->case_id, "Today", &error);
  gint64 alicia = node_of (f->store, "Alicia Brooks");

  g_assert_no_error (error);
  for_agency = hw_ecomap_load_snapshot (f->store, snap, NULL, &error);
  for_family = hw_ecomap_load_snapshot (f->store, snap, &family, &error);
  g_assert_cmpint (hw_ecomap_map_find_node (for_agency, alicia), >=, 0);
  g_assert_cmpint (hw_ecomap_map_find_node (for_family, alicia), <, 0);

  /* a damaged snapshot is an error */
  g_assert_true (hw_store_begin_edit (f->store, "Break", &error));
  g_assert_true (hw_store_exec (f->store, "UPDATE ecomap_snapshots SET data = '{oops'", &error));
  g_assert_true (hw_store_commit_edit (f->store, &error));
  g_clear_pointer (&for_family, hw_ecomap_map_free);
  for_family = hw_ecomap_load_snapshot (f->store, snap, &family, &error);
  g_assert_null (for_family);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CORRUPT);
}

static void
test_network_list (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hw_ecomap_list_network (f->store, f->case_id, NULL, &error);
  gboolean carmen_supervises = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (rows->len, ==, 6);
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *r = g_ptr_array_index (rows, i);

      if (g_str_equal (hw_record_get_string (r, "name"), "Carmen Ortiz") &&
          g_str_equal (hw_record_get_string (r, "role"), "supervises-contact"))
        carmen_supervises = TRUE;
      g_assert_cmpstr (hw_record_get_string (r, "phone"), !=, "");
    }
  g_assert_true (carmen_supervises);
}

/* Exports ------------------------------------------------------------------ */

static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL;
  int status = 0;

  if (out == NULL)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, flags, NULL, NULL, out, NULL, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  const char *keep = g_getenv ("HW_KEEP_OUTPUT");

  return g_build_filename (keep ? keep : f->dir, name, NULL);
}

static char *
export_text (Fixture           *f,
             const HwRecipient *recipient,
             const char        *language,
             const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path (f, name);
  HwExportOptions opts;
  char *text = NULL;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "ecomap";
  opts.format = "pdf";
  opts.output = path;
  opts.recipient = *recipient;
  opts.language = language;
  g_assert_true (hw_ecomap_export (f->store, &opts, &error));
  g_assert_no_error (error);
  g_assert_true (run ((const char *[]) { "qpdf", "--check", path, NULL }, NULL));
  g_assert_true (run ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, &text));
  return text;
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HwEcomapMap) map = hw_ecomap_load (f->store, f->case_id, NULL, &error);
  g_autofree char *text = export_text (f, &agency, "en", "ecomap-agency.pdf");
  g_autofree char *flat = squeeze (text);
  g_autofree char *family_text = export_text (f, &family, "en", "ecomap-family.pdf");
  g_autofree char *family_flat = squeeze (family_text);

  /* every name on the map is in the text layer */
  for (guint i = 0; i < map->nodes->len; i++)
    {
      g_autofree char *name = squeeze (g_array_index (map->nodes, HwEcomapMapNode, i).label);

      if (strstr (flat, name) == NULL)
        g_error ("“%s” not in the PDF text", g_array_index (map->nodes, HwEcomapMapNode, i).label);
    }
  for (guint i = 0; i < map->members->len; i++)
    {
      g_autofree char *name = squeeze (g_ptr_array_index (map->members, i));

      g_assert_nonnull (strstr (flat, name));
    }
  g_assert_nonnull (strstr (flat, "AliciaBrooks"));
  g_assert_nonnull (strstr (flat, "Copyfortheagency"));

  /* the family's copy: the advocate is not in it at all */
  g_assert_null (strstr (family_flat, "Alicia"));
  g_assert_null (strstr (family_flat, "Brooks"));
  g_assert_nonnull (strstr (family_flat, "RosaMorales"));
  g_assert_nonnull (strstr (family_flat, "Copyforthefamily"));

  /* by default the copy is in the family's language (Spanish) */
  if (hw_language_has_catalog ("es"))
    {
      g_autofree char *es = export_text (f, &family, NULL, "ecomap-family-es.pdf");
      g_autofree char *es_flat = squeeze (es);

      g_assert_nonnull (strstr (es_flat, "Ecomapadelafamilia"));
      g_assert_nonnull (strstr (es_flat, "Copiaparalafamilia"));
      g_assert_nonnull (strstr (es_flat, "Vínculofuerte"));
      g_assert_null (strstr (es_flat, "Alicia"));
    }
  else
    g_test_message ("no Spanish catalog built: Spanish copy not checked");
}

static void
test_export_png_svg (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png = out_path (f, "ecomap.png");
  g_autofree char *svg = out_path (f, "ecomap.svg");
  g_autofree char *bad = out_path (f, "ecomap.docx");
  HwExportOptions opts;
  cairo_surface_t *image;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "ecomap";
  opts.format = "png";
  opts.output = png;
  g_assert_true (hw_ecomap_export (f->store, &opts, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1754);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1241);
  cairo_surface_destroy (image);

  opts.format = "svg";
  opts.output = svg;
  g_assert_true (hw_ecomap_export (f->store, &opts, &error));
  g_assert_true (run ((const char *[]) { "/usr/bin/python3", "-c",
                                         "import sys, xml.dom.minidom as m; "
                                         "assert m.parse(sys.argv[1]).documentElement.tagName == 'svg'",
                                         svg, NULL }, NULL));

  opts.format = "docx";
  opts.output = bad;
  g_assert_false (hw_ecomap_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  opts.format = "pdf";
  opts.case_id = 424242;
  g_assert_false (hw_ecomap_export (f->store, &opts, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
}

/* The figure for documents draws on any cairo_t. */
static void
test_draw_case (Fixture       *f,
                gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cairo_t *cr = cairo_create (surface);
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  guint32 *pixels;
  guint dark = 0;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  hw_ecomap_draw_case (f->store, f->case_id, &family, cr, 10, 10, 580, 380);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (int i = 0; i < 600 * 400; i++)
    dark += (pixels[i] & 0xff) < 0x80;
  /* something was drawn */
  g_assert_cmpint (dark, >, 1000);
  if (g_getenv ("HW_KEEP_OUTPUT"))
    {
      g_autofree char *path = out_path (f, "figure.png");

      cairo_surface_write_to_png (surface, path);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/ecomap/load", test_load);
  ADD ("/ecomap/withheld-absent", test_withheld_absent);
  ADD ("/ecomap/undo-each-edit", test_undo_each_edit);
  ADD ("/ecomap/refusals", test_refusals);
  ADD ("/ecomap/versions", test_versions);
  ADD ("/ecomap/delete-versions", test_delete_versions);
  ADD ("/ecomap/unpin-role-legend-versions", test_unpin_role_legend_versions);
  ADD ("/ecomap/snapshot-compare", test_snapshot_compare);
  ADD ("/ecomap/snapshot-withheld", test_snapshot_withheld);
  ADD ("/ecomap/network-list", test_network_list);
  ADD ("/ecomap/export-pdf", test_export_pdf);
  ADD ("/ecomap/export-png-svg", test_export_png_svg);
  ADD ("/ecomap/draw-case", test_draw_case);

  return g_test_run ();
}
