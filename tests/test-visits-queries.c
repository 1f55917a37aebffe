/* test-visits-queries.c: the named queries of the visit dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "hw-record.h"
#include "hw-test-store.h"
#include "hw-visits.h"
#include "hw-visits-queries.h"

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

static void
plan_visits (HwStore    *store,
             gint64      case_id,
             gint64      child,
             const char *tzid)
{
  g_autoptr(GError) error = NULL;
  HwVisitPlan plan = { 0 };

  plan.case_id = case_id;
  plan.title = "Family time";
  plan.place = "";
  plan.dtstart = "2026-03-03T16:00";
  plan.tzid = tzid;
  plan.duration_minutes = 60;
  plan.rrule = "";
  plan.level = "supervised";
  plan.children = &child;
  plan.n_children = 1;
  g_assert_cmpint (hw_visits_create_series (store, &plan, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_latest_tzid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) kase = hw_record_new ("cases");
  g_autoptr(HwRecord) child = hw_record_new ("people");
  g_autofree char *none = NULL, *madrid = NULL, *floating = NULL, *demo_zone = NULL;
  HwStore *store;
  gint64 demo, case_id, child_id;

  store = hw_test_store_new_demo ("hw-visits-queries-XXXXXX", &dir, &demo);
  hw_record_set_string (kase, "family_name", "Test");
  case_id = insert (store, kase);
  hw_record_set_int (child, "case_id", case_id);
  hw_record_set_string (child, "name", "Kid");
  hw_record_set_string (child, "role", "child");
  child_id = insert (store, child);

  /* no visits planned yet, though the sample family has some */
  none = hw_visits_latest_tzid (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  demo_zone = hw_visits_latest_tzid (store, demo, &error);
  g_assert_nonnull (demo_zone);

  plan_visits (store, case_id, child_id, "Europe/Madrid");
  madrid = hw_visits_latest_tzid (store, case_id, &error);
  g_assert_cmpstr (madrid, ==, "Europe/Madrid");
  /* the latest plan wins, even with floating times */
  plan_visits (store, case_id, child_id, "");
  floating = hw_visits_latest_tzid (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (floating, ==, "");

  hw_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/visits-queries/latest-tzid", test_latest_tzid);
  return g_test_run ();
}
