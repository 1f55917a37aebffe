/* test-people.c: the named queries on people and organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-people.h"
#include "hw-record.h"
#include "hw-test-store.h"

static gint64
add_person (HwStore    *store,
            gint64      case_id,
            const char *name,
            const char *role)
{
  g_autoptr(HwRecord) person = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (person, "case_id", case_id);
  hw_record_set_string (person, "name", name);
  hw_record_set_string (person, "role", role);
  id = hw_store_insert (store, "Add person", person, &error);
  g_assert_no_error (error);
  return id;
}

static char *
names (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append (out, ",");
      g_string_append (out, hw_record_get_string (g_ptr_array_index (rows, i), "name"));
    }
  return g_string_free (out, FALSE);
}

static void
test_people_order_and_filters (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) adults = NULL;
  g_autoptr(GPtrArray) children_last = NULL;
  g_autofree char *all_names = NULL, *adult_names = NULL, *last_names = NULL;
  HwStore *store;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  gint64 case_id, other;

  store = hw_test_store_new_demo ("hw-people-XXXXXX", &dir, &other);
  hw_record_set_string (kase, "family_name", "Test");
  case_id = hw_store_insert (store, "Add family", kase, &error);
  g_assert_no_error (error);

  add_person (store, case_id, "beth", "parent");
  add_person (store, case_id, "Carl", "child");
  add_person (store, case_id, "Anna", "relative");
  add_person (store, case_id, "Anna", "child");

  all = hw_people_select (store, case_id, HW_PEOPLE_ALL, &error);
  g_assert_no_error (error);
  all_names = names (all);
  /* case ignored, then the order they were added; only this family */
  g_assert_cmpstr (all_names, ==, "Anna,Anna,beth,Carl");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (all, 0), "role"), ==, "relative");

  adults = hw_people_select (store, case_id, HW_PEOPLE_ADULTS, &error);
  g_assert_no_error (error);
  adult_names = names (adults);
  g_assert_cmpstr (adult_names, ==, "Anna,beth");

  children_last = hw_people_select (store, case_id, HW_PEOPLE_CHILDREN_LAST, &error);
  g_assert_no_error (error);
  last_names = names (children_last);
  g_assert_cmpstr (last_names, ==, "Anna,beth,Anna,Carl");

  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_people_lists_follow_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecordList) people = NULL;
  g_autoptr(HwRecordList) orgs = NULL;
  g_autoptr(GPtrArray) org_rows = NULL;
  HwStore *store;
  gint64 case_id;
  guint before;

  store = hw_test_store_new_demo ("hw-people-XXXXXX", &dir, &case_id);
  people = hw_people_list_new (store, case_id);
  orgs = hw_organisations_list_new (store, case_id);
  before = g_list_model_get_n_items (G_LIST_MODEL (people));
  g_assert_cmpuint (before, >, 0);

  org_rows = hw_organisations_select (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (org_rows->len, ==, g_list_model_get_n_items (G_LIST_MODEL (orgs)));
  g_assert_cmpuint (org_rows->len, >, 0);

  add_person (store, case_id, "Zoe", "friend");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, before + 1);

  g_clear_object (&people);
  g_clear_object (&orgs);
  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/people/order-and-filters", test_people_order_and_filters);
  g_test_add_func ("/people/lists-follow-store", test_people_lists_follow_store);
  return g_test_run ();
}
