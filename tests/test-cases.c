/* test-cases.c: the named queries of the window: the list of families,
 * whether a family is there, the newest undo step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-cases.h"
#include "hw-record.h"
#include "hw-test-store.h"

static gint64
add_case (HwStore    *store,
          const char *name)
{
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (kase, "family_name", name);
  id = hw_store_insert (store, "Add family", kase, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
name_at (GListModel *list,
         guint       i)
{
  g_autoptr(HwRecord) record = g_list_model_get_item (list, i);

  /* the list keeps its records: the string outlives this reference */
  return hw_record_get_string (record, "family_name");
}

static void
test_cases_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(HwRecordList) cases = NULL;
  HwStore *store;
  gint64 demo;

  store = hw_test_store_new_demo ("hw-cases-XXXXXX", &dir, &demo);
  cases = hw_cases_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==, 1);

  add_case (store, "adams");
  add_case (store, "Brown");
  add_case (store, "Adams");
  /* follows the store; case ignored, then the order they were added */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==, 4);
  g_assert_cmpstr (name_at (G_LIST_MODEL (cases), 0), ==, "adams");
  g_assert_cmpstr (name_at (G_LIST_MODEL (cases), 1), ==, "Adams");
  g_assert_cmpstr (name_at (G_LIST_MODEL (cases), 2), ==, "Brown");
  g_assert_cmpstr (name_at (G_LIST_MODEL (cases), 3), ==, "Morales");

  g_clear_object (&cases);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_case_exists_and_undo_step (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  HwStore *store;
  gint64 demo, other, step;

  store = hw_test_store_new_demo ("hw-cases-XXXXXX", &dir, &demo);
  g_assert_true (hw_case_exists (store, demo, &error));
  g_assert_no_error (error);
  g_assert_false (hw_case_exists (store, demo + 1000, &error));
  g_assert_no_error (error);

  step = hw_cases_newest_undo_step (store);
  other = add_case (store, "Brown");
  g_assert_cmpint (hw_cases_newest_undo_step (store), >, step);
  step = hw_cases_newest_undo_step (store);
  g_assert_true (hw_store_delete (store, "Delete family", "cases", other, &error));
  g_assert_no_error (error);
  g_assert_false (hw_case_exists (store, other, &error));
  g_assert_cmpint (hw_cases_newest_undo_step (store), >, step);

  /* undone: the delete's step leaves the undo stack */
  step = hw_cases_newest_undo_step (store);
  g_assert_true (hw_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_true (hw_case_exists (store, other, &error));
  g_assert_cmpint (hw_cases_newest_undo_step (store), <, step);

  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cases/list", test_cases_list);
  g_test_add_func ("/cases/exists-and-undo-step", test_case_exists_and_undo_step);
  return g_test_run ();
}
