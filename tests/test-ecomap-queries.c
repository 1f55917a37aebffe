/* test-ecomap-queries.c: the named queries of the ecomap view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-ecomap.h"
#include "hw-ecomap-queries.h"
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
new_person (HwStore    *store,
            gint64      case_id,
            const char *name,
            gboolean    in_household)
{
  g_autoptr(HwRecord) person = hw_record_new ("people");

  hw_record_set_int (person, "case_id", case_id);
  hw_record_set_string (person, "name", name);
  hw_record_set_string (person, "role", "relative");
  hw_record_set_int (person, "in_household", in_household);
  return insert (store, person);
}

static void
test_count_missing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(HwRecord) org = hw_record_new ("organisations");
  HwStore *store;
  gint64 demo, case_id;

  store = hw_test_store_new_demo ("hw-ecomap-queries-XXXXXX", &dir, &demo);
  /* the sample family is all on its map */
  g_assert_cmpint (hw_ecomap_count_missing (store, demo, &error), ==, 0);
  g_assert_no_error (error);

  hw_record_set_string (kase, "family_name", "Test");
  case_id = insert (store, kase);
  /* no map yet: the household is missing */
  g_assert_cmpint (hw_ecomap_count_missing (store, case_id, &error), ==, 1);
  new_person (store, case_id, "At home", TRUE);
  g_assert_cmpint (hw_ecomap_count_missing (store, case_id, &error), ==, 1);
  new_person (store, case_id, "Aunt", FALSE);
  hw_record_set_int (org, "case_id", case_id);
  hw_record_set_string (org, "name", "School");
  insert (store, org);
  g_assert_cmpint (hw_ecomap_count_missing (store, case_id, &error), ==, 3);
  /* another family's people do not count */
  new_person (store, demo, "Someone else", FALSE);
  g_assert_cmpint (hw_ecomap_count_missing (store, case_id, &error), ==, 3);

  g_assert_true (hw_ecomap_ensure_nodes (store, case_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hw_ecomap_count_missing (store, case_id, &error), ==, 0);
  g_assert_no_error (error);

  hw_test_store_free (store, g_steal_pointer (&dir));
}

static void
test_network_role (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  HwStore *store;
  gint64 demo, person, other;

  store = hw_test_store_new_demo ("hw-ecomap-queries-XXXXXX", &dir, &demo);
  person = new_person (store, demo, "Helper", FALSE);
  other = new_person (store, demo, "Other", FALSE);
  g_assert_false (hw_ecomap_has_network_role (store, person, "checks-in", &error));
  g_assert_no_error (error);

  g_assert_true (hw_ecomap_set_network_role (store, person, "checks-in", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (hw_ecomap_has_network_role (store, person, "checks-in", &error));
  g_assert_false (hw_ecomap_has_network_role (store, person, "respite", &error));
  g_assert_false (hw_ecomap_has_network_role (store, other, "checks-in", &error));
  g_assert_no_error (error);

  g_assert_true (hw_ecomap_set_network_role (store, person, "checks-in", FALSE, &error));
  g_assert_false (hw_ecomap_has_network_role (store, person, "checks-in", &error));
  g_assert_no_error (error);

  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ecomap-queries/count-missing", test_count_missing);
  g_test_add_func ("/ecomap-queries/network-role", test_network_role);
  return g_test_run ();
}
