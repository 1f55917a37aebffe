/* test-plan-queries.c: the named queries of the plan editor and dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-plan-queries.h"
#include "hw-record.h"
#include "hw-test-store.h"

static gint64
insert (HwStore  *store,
        HwRecord *record)
{
  g_autoptr(GError) error = NULL;
  gint64 id = hw_store_insert (store, "Add", record, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
new_case (HwStore *store)
{
  g_autoptr(HwRecord) kase = hw_record_new ("cases");

  hw_record_set_string (kase, "family_name", "Test");
  return insert (store, kase);
}

static gint64
new_person (HwStore    *store,
            gint64      case_id,
            const char *name)
{
  g_autoptr(HwRecord) person = hw_record_new ("people");

  hw_record_set_int (person, "case_id", case_id);
  hw_record_set_string (person, "name", name);
  hw_record_set_string (person, "role", "relative");
  return insert (store, person);
}

static gint64
add_item (HwStore    *store,
          gint64      plan_id,
          const char *section,
          const char *text,
          gint64      who)
{
  g_autoptr(HwRecord) item = hw_record_new ("plan_items");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (item, "section", section);
  hw_record_set_string (item, "text", text);
  if (who != 0)
    hw_record_set_int (item, "who_person_id", who);
  id = hw_plan_add_item (store, plan_id, item, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
text_at (GListModel *list,
         guint       i)
{
  g_autoptr(HwRecord) record = g_list_model_get_item (list, i);

  return hw_record_get_string (record, "text");
}

static void
test_items_list (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) safety = NULL;
  g_autoptr(HwRecordList) reunification = NULL;
  HwStore *store;
  gint64 demo, case_id, plan_id, first;

  store = hw_test_store_new_demo ("hw-plan-queries-XXXXXX", &dir, &demo);
  case_id = new_case (store);
  safety = hw_plan_items_list_new (store, case_id, HW_PLAN_SAFETY);
  reunification = hw_plan_items_list_new (store, case_id, HW_PLAN_REUNIFICATION);
  /* no plan yet: an empty list, not the sample family's entries */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (safety)), ==, 0);

  plan_id = hw_plan_ensure (store, case_id, HW_PLAN_SAFETY, &error);
  g_assert_no_error (error);
  first = add_item (store, plan_id, "rule", "First", 0);
  add_item (store, plan_id, "rule", "Second", 0);
  /* follows the store, in the plan's order, only this kind */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (safety)), ==, 2);
  g_assert_cmpstr (text_at (G_LIST_MODEL (safety), 0), ==, "First");
  g_assert_cmpstr (text_at (G_LIST_MODEL (safety), 1), ==, "Second");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reunification)), ==, 0);

  g_assert_true (hw_plan_move_item (store, first, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_at (G_LIST_MODEL (safety), 0), ==, "Second");

  g_clear_object (&safety);
  g_clear_object (&reunification);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_versions_and_counts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(HwRecord) support = hw_record_new ("aftercare_supports");
  HwStore *store;
  gint64 demo, case_id, plan_id, helper, caller, bystander;

  store = hw_test_store_new_demo ("hw-plan-queries-XXXXXX", &dir, &demo);
  case_id = new_case (store);
  plan_id = hw_plan_ensure (store, case_id, HW_PLAN_SAFETY, &error);
  g_assert_no_error (error);

  versions = hw_plan_versions_select (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);
  add_item (store, plan_id, "rule", "A rule", 0);
  g_assert_cmpint (hw_plan_freeze (store, plan_id, "2025-01-02", NULL, 0, &error), ==, 1);
  g_assert_cmpint (hw_plan_freeze (store, plan_id, "2025-02-03", NULL, 0, &error), ==, 2);
  versions = hw_plan_versions_select (store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  /* newest first */
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (versions, 0), "number"), ==, 2);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (versions, 0), "agreed_on"), ==, "2025-02-03");
  g_assert_cmpint (hw_record_get_int (g_ptr_array_index (versions, 1), "number"), ==, 1);

  g_assert_cmpint (hw_plan_count_aftercare_supports (store, case_id, &error), ==, 0);
  g_assert_no_error (error);
  hw_record_set_int (support, "case_id", case_id);
  hw_record_set_string (support, "component", "navigation");
  hw_record_set_string (support, "description", "One person to call");
  insert (store, support);
  g_assert_cmpint (hw_plan_count_aftercare_supports (store, case_id, &error), ==, 1);
  g_assert_cmpint (hw_plan_count_aftercare_supports (store, demo, &error), >, 0);

  /* a part in the plan: named in an entry other than an emergency contact */
  helper = new_person (store, case_id, "Helper");
  caller = new_person (store, case_id, "Caller");
  bystander = new_person (store, case_id, "Bystander");
  add_item (store, plan_id, "rule", "Checks in every day", helper);
  add_item (store, plan_id, "emergency", "Call at night", caller);
  g_assert_true (hw_plan_person_has_part (store, plan_id, helper, &error));
  g_assert_no_error (error);
  g_assert_false (hw_plan_person_has_part (store, plan_id, caller, &error));
  g_assert_false (hw_plan_person_has_part (store, plan_id, bystander, &error));
  g_assert_no_error (error);

  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan-queries/items-list", test_items_list);
  g_test_add_func ("/plan-queries/versions-and-counts", test_versions_and_counts);
  return g_test_run ();
}
