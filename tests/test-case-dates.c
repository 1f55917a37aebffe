/* test-case-dates.c: the key dates of a case (schema 5): adding, changing
 * and deleting them as one undoable edit each, the refusals that change
 * nothing, time in care, the next hearing, the aftercare window check,
 * the sample family's history, a database of schema 4 upgrading, and the
 * JSON case file carrying them (and old files without them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-demo.h"
#include "hw-interchange.h"
#include "hw-schema.h"
#include "hw-service-plan.h"
#include "hw-store.h"
#include "hw-test-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HwRecord) family = hw_record_new ("cases");

  f->dir = g_dir_make_tmp ("homeward-case-dates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_record_set_string (family, "family_name", "Test");
  f->case_id = hw_store_insert (f->store, "Add family", family, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hw_test_store_free (f->store, f->dir);
}

static gint64
add (Fixture    *f,
     const char *kind,
     const char *date,
     const char *hearing_kind)
{
  g_autoptr(GError) error = NULL;
  HwCaseEvent event = { kind, date, hearing_kind, NULL, NULL };
  gint64 id = hw_case_dates_add (f->store, f->case_id, &event, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
n_events (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM case_events", G_TYPE_INVALID);
}

/* @event is refused with a message containing @words, and nothing changes */
static void
assert_refused (Fixture           *f,
                const HwCaseEvent *event,
                const char        *words)
{
  g_autoptr(GError) error = NULL;
  gint64 before = n_events (f);
  gboolean could_undo = hw_store_can_undo (f->store);
  g_autofree char *label = hw_store_get_undo_label (f->store);
  g_autofree char *label_after = NULL;

  g_assert_cmpint (hw_case_dates_add (f->store, f->case_id, event, &error), ==, 0);
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpint (n_events (f), ==, before);
  g_assert_cmpint (hw_store_can_undo (f->store), ==, could_undo);
  label_after = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label_after, ==, label);
}

static void
test_add_list_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = NULL;
  HwCaseEvent hearing = { "hearing", "2026-03-04", "shelter", "Stay with grandmother.", "" };

  add (f, "removal", "2026-03-02", NULL);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Add key date");
  add (f, "return-home", "2026-11-20", NULL);
  /* the hearing added last comes second: the list is in date order */
  g_assert_cmpint (hw_case_dates_add (f->store, f->case_id, &hearing, &error), >, 0);
  g_assert_no_error (error);

  rows = hw_case_dates_list (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (hw_record_get_string (rows->pdata[0], "kind"), ==, "removal");
  g_assert_cmpstr (hw_record_get_string (rows->pdata[1], "kind"), ==, "hearing");
  g_assert_cmpstr (hw_record_get_string (rows->pdata[1], "hearing_kind"), ==, "shelter");
  g_assert_cmpstr (hw_record_get_string (rows->pdata[1], "ordered"), ==, "Stay with grandmother.");
  g_assert_cmpstr (hw_record_get_string (rows->pdata[2], "kind"), ==, "return-home");

  /* one undo takes back one key date */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_events (f), ==, 2);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_cmpint (n_events (f), ==, 3);
}

/* Each refusal says what is wrong and writes nothing (not even an undo
 * step); changes and deletes are checked against the whole history. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  HwCaseEvent bad_day = { "removal", "2026-02-30", NULL, NULL, NULL };
  HwCaseEvent not_date = { "removal", "02/03/2026", NULL, NULL, NULL };
  HwCaseEvent no_date = { "removal", "", NULL, NULL, NULL };
  HwCaseEvent bad_kind = { "arrest", "2026-03-02", NULL, NULL, NULL };
  HwCaseEvent home_first = { "return-home", "2026-03-01", NULL, NULL, NULL };
  HwCaseEvent second_removal = { "removal", "2026-12-01", NULL, NULL, NULL };
  HwCaseEvent reentry_in_care = { "re-entry", "2026-05-01", NULL, NULL, NULL };
  HwCaseEvent no_hearing_kind = { "hearing", "2026-03-04", "", NULL, NULL };
  HwCaseEvent bad_hearing_kind = { "hearing", "2026-03-04", "trial", NULL, NULL };
  HwCaseEvent ordered_not_hearing = { "closure", "2026-12-01", NULL, "Close it", NULL };
  HwCaseEvent second_home = { "return-home", "2026-12-01", NULL, NULL, NULL };
  HwCaseEvent ok_reentry = { "re-entry", "2027-02-01", NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 removal, home, reentry;

  assert_refused (f, &home_first, "before the removal");
  removal = add (f, "removal", "2026-03-02", NULL);
  assert_refused (f, &bad_day, "not a real date");
  assert_refused (f, &not_date, "year-month-day");
  assert_refused (f, &no_date, "missing");
  assert_refused (f, &bad_kind, "not a kind");
  assert_refused (f, &home_first, "before the removal");
  assert_refused (f, &second_removal, "re-entry");
  assert_refused (f, &reentry_in_care, "still in care");
  assert_refused (f, &no_hearing_kind, "kind of hearing");
  assert_refused (f, &bad_hearing_kind, "kind of hearing");
  assert_refused (f, &ordered_not_hearing, "Only a court hearing");
  home = add (f, "return-home", "2026-11-20", NULL);
  assert_refused (f, &second_home, "not in care");

  /* changing the removal to after the return home is refused too */
  {
    HwCaseEvent late = { "removal", "2026-11-25", NULL, NULL, NULL };
    g_autoptr(HwRecord) row = NULL;

    g_assert_false (hw_case_dates_change (f->store, removal, &late, &error));
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
    g_clear_error (&error);
    row = hw_store_get (f->store, "case_events", removal, &error);
    g_assert_cmpstr (hw_record_get_string (row, "date"), ==, "2026-03-02");
  }
  /* and deleting the removal a return home needs */
  g_assert_false (hw_case_dates_delete (f->store, removal, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_events (f), ==, 2);
  /* a key date that is gone */
  g_assert_false (hw_case_dates_delete (f->store, 9999, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the re-entry after the return home is what a second entry is */
  reentry = hw_case_dates_add (f->store, f->case_id, &ok_reentry, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reentry, >, 0);

  /* deleting in the right order works, and undo brings it back */
  g_assert_true (hw_case_dates_delete (f->store, reentry, &error));
  g_assert_no_error (error);
  g_assert_true (hw_case_dates_delete (f->store, home, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_events (f), ==, 1);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (n_events (f), ==, 2);
}

/* Saved over the version read only: a second program (someone else) changed
 * the hearing; the change made from the older version is refused with a
 * conflict (before any check of the history, which the other change may
 * have made different), their change stays; over the new version it goes
 * through. */
static void
test_change_at_version (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwStore) other = NULL;
  g_autoptr(HwRecord) theirs = NULL;
  g_autoptr(HwRecord) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 hearing, version = 0;
  HwCaseEvent mine = { "hearing", "2026-05-01", "disposition", "Mine.", "" };
  /* a return home before the removal: refused as history, but only once
   * the version is right */
  HwCaseEvent early = { "return-home", "2026-01-05", NULL, NULL, "" };

  add (f, "removal", "2026-03-02", NULL);
  hearing = add (f, "hearing", "2026-04-28", "other");
  rows = hw_case_dates_list (f->store, f->case_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (hw_record_get_id (g_ptr_array_index (rows, i)) == hearing)
      version = hw_record_get_version (g_ptr_array_index (rows, i));
  g_assert_cmpint (version, >, 0);

  other = hw_store_open (hw_store_get_path (f->store), &error);
  g_assert_no_error (error);
  hw_store_set_author (other, "Bob");
  theirs = hw_store_get (other, "case_events", hearing, &error);
  hw_record_set_string (theirs, "ordered", "Theirs.");
  g_assert_true (hw_store_update (other, "Change key date", theirs, &error));
  g_assert_no_error (error);

  g_assert_false (hw_case_dates_change_at (f->store, hearing, version, &mine, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (hw_case_dates_change_at (f->store, hearing, version, &early, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  row = hw_store_get (f->store, "case_events", hearing, &error);
  g_assert_cmpstr (hw_record_get_string (row, "ordered"), ==, "Theirs.");
  g_assert_cmpstr (hw_record_get_string (row, "date"), ==, "2026-04-28");

  /* over their version: the history is checked, then it is saved */
  g_assert_false (hw_case_dates_change_at (f->store, hearing, hw_record_get_version (row),
                                           &early, &error));
  g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hw_case_dates_change_at (f->store, hearing, hw_record_get_version (row),
                                          &mine, &error));
  g_assert_no_error (error);
  g_clear_object (&row);
  row = hw_store_get (f->store, "case_events", hearing, &error);
  g_assert_cmpstr (hw_record_get_string (row, "ordered"), ==, "Mine.");
}

static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) row = NULL;
  gint64 hearing;
  HwCaseEvent changed = { "hearing", "2026-05-01", "disposition", "Reunification plan.", "n" };

  add (f, "removal", "2026-03-02", NULL);
  hearing = add (f, "hearing", "2026-04-28", "other");
  g_assert_true (hw_case_dates_change (f->store, hearing, &changed, &error));
  g_assert_no_error (error);
  row = hw_store_get (f->store, "case_events", hearing, &error);
  g_assert_cmpstr (hw_record_get_string (row, "date"), ==, "2026-05-01");
  g_assert_cmpstr (hw_record_get_string (row, "hearing_kind"), ==, "disposition");
  g_assert_cmpstr (hw_record_get_string (row, "ordered"), ==, "Reunification plan.");
  g_clear_object (&row);

  g_assert_true (hw_store_undo (f->store, &error));
  row = hw_store_get (f->store, "case_events", hearing, &error);
  g_assert_cmpstr (hw_record_get_string (row, "date"), ==, "2026-04-28");
  g_assert_cmpstr (hw_record_get_string (row, "hearing_kind"), ==, "other");
}

static void
test_time_in_care (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HwTimeInCare) none = hw_case_dates_time_in_care (f->store, f->case_id, "2026-12-03");
  g_autoptr(HwTimeInCare) t1 = NULL;
  g_autoptr(HwTimeInCare) t2 = NULL;
  g_autoptr(HwTimeInCare) t3 = NULL;
  g_autoptr(HwTimeInCare) t4 = NULL;

  g_assert_null (none);
  add (f, "removal", "2026-03-02", NULL);
  t1 = hw_case_dates_time_in_care (f->store, f->case_id, "2026-12-03");
  g_assert_nonnull (t1);
  g_assert_cmpstr (t1->entered, ==, "2026-03-02");
  g_assert_null (t1->left);
  g_assert_cmpint (t1->months, ==, 9);
  g_assert_cmpint (t1->days, ==, 276);
  /* a day short of the month is not a whole month */
  t2 = hw_case_dates_time_in_care (f->store, f->case_id, "2026-11-01");
  g_assert_cmpint (t2->months, ==, 7);

  add (f, "return-home", "2026-11-20", NULL);
  t3 = hw_case_dates_time_in_care (f->store, f->case_id, "2027-03-01");
  g_assert_cmpstr (t3->left, ==, "2026-11-20");
  g_assert_cmpint (t3->months, ==, 8);

  /* after a re-entry, the latest stay counts */
  add (f, "re-entry", "2027-02-01", NULL);
  t4 = hw_case_dates_time_in_care (f->store, f->case_id, "2027-04-15");
  g_assert_cmpstr (t4->entered, ==, "2027-02-01");
  g_assert_null (t4->left);
  g_assert_cmpint (t4->months, ==, 2);
}

static void
test_next_hearing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HwRecord) next = NULL;
  g_autoptr(HwRecord) same_day = NULL;
  g_autoptr(HwRecord) none = NULL;

  add (f, "removal", "2026-03-02", NULL);
  add (f, "hearing", "2026-03-04", "shelter");
  add (f, "hearing", "2027-04-10", "permanency");
  add (f, "hearing", "2027-01-14", "review");
  next = hw_case_dates_next_hearing (f->store, f->case_id, "2026-12-03");
  g_assert_nonnull (next);
  g_assert_cmpstr (hw_record_get_string (next, "date"), ==, "2027-01-14");
  g_assert_cmpstr (hw_record_get_string (next, "hearing_kind"), ==, "review");
  same_day = hw_case_dates_next_hearing (f->store, f->case_id, "2027-01-14");
  g_assert_cmpstr (hw_record_get_string (same_day, "date"), ==, "2027-01-14");
  none = hw_case_dates_next_hearing (f->store, f->case_id, "2027-04-11");
  g_assert_null (none);
}

/* The header line: time in care and the next hearing, each when known */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *empty = hw_case_dates_summary (f->store, f->case_id, "2026-12-03");
  g_autofree char *days = NULL;
  g_autofree char *both = NULL;
  g_autofree char *home = NULL;

  g_assert_cmpstr (empty, ==, "");
  add (f, "removal", "2026-03-02", NULL);
  days = hw_case_dates_summary (f->store, f->case_id, "2026-03-10");
  g_assert_cmpstr (days, ==, "In care 8 days");
  add (f, "hearing", "2027-01-14", "review");
  both = hw_case_dates_summary (f->store, f->case_id, "2026-12-03");
  g_assert_cmpstr (both, ==, "In care 9 months · Next hearing 14 January 2027 (review)");
  add (f, "return-home", "2026-11-20", NULL);
  home = hw_case_dates_summary (f->store, f->case_id, "2027-02-01");
  g_assert_cmpstr (home, ==, "8 months in care, until 20 November 2026");
}

static void
add_support (Fixture    *f,
             const char *start,
             const char *end)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hw_service_plan_add_aftercare (f->store, f->case_id, "navigation", "Support",
                                                  0, 0, "", start, end, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_aftercare (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwAftercareCheck) none = NULL;
  g_autoptr(HwAftercareCheck) check = NULL;
  g_autofree char *home = NULL;
  g_autofree char *months = NULL;

  add (f, "removal", "2026-03-02", NULL);
  none = hw_case_dates_check_aftercare (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  add (f, "return-home", "2027-01-15", NULL);
  home = hw_case_dates_return_home (f->store, f->case_id);
  g_assert_cmpstr (home, ==, "2027-01-15");
  /* Jan 15 - Mar 14 covered; a gap (Mar 15 - May 14: "March", "April");
   * May 15 to Nov 30 covered (the month from Nov 15 too); nothing from
   * Dec 15: the window ends 2028-01-14 */
  add_support (f, "2027-01-15", "2027-03-10");
  add_support (f, "", "2027-03-14");
  add_support (f, "2027-05-20", "2027-11-30");
  check = hw_case_dates_check_aftercare (f->store, f->case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_cmpstr (check->window_end, ==, "2028-01-14");
  g_assert_cmpuint (check->ending_early->len, ==, 3);
  g_assert_cmpuint (check->uncovered->len, ==, 3);
  g_assert_cmpstr (check->uncovered->pdata[0], ==, "2027-03-15");
  g_assert_cmpstr (check->uncovered->pdata[1], ==, "2027-04-15");
  g_assert_cmpstr (check->uncovered->pdata[2], ==, "2027-12-15");
  months = hw_case_dates_format_months (check->uncovered);
  g_assert_cmpstr (months, ==, "March, April, December 2027");
  g_clear_pointer (&check, hw_aftercare_check_free);
  g_clear_pointer (&months, g_free);

  /* a support that runs past the year leaves nothing uncovered, and does
   * not end early */
  add_support (f, "2026-10-01", "2028-02-01");
  check = hw_case_dates_check_aftercare (f->store, f->case_id, NULL, &error);
  g_assert_cmpuint (check->uncovered->len, ==, 0);
  g_assert_cmpuint (check->ending_early->len, ==, 3);
  g_clear_pointer (&check, hw_aftercare_check_free);

  /* after a re-entry there is no return home to count from */
  add (f, "re-entry", "2027-06-01", NULL);
  check = hw_case_dates_check_aftercare (f->store, f->case_id, NULL, &error);
  g_assert_null (check);
}

static void
test_format_months_across_years (void)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new ();
  g_autofree char *text = NULL;

  g_ptr_array_add (months, "2026-11-20");
  g_ptr_array_add (months, "2026-12-20");
  g_ptr_array_add (months, "2027-01-20");
  text = hw_case_dates_format_months (months);
  g_assert_cmpstr (text, ==, "November, December 2026, January 2027");
}

/* The sample family's history reads in order: nine months in care today,
 * the review hearing six weeks ahead. */
static void
test_demo (void)
{
  char *dir = NULL;   /* freed by hw_test_store_free() */
  gint64 case_id;
  HwStore *store = hw_test_store_new_demo ("homeward-case-dates-demo-XXXXXX", &dir, &case_id);
  g_autoptr(GPtrArray) rows = hw_case_dates_list (store, case_id, NULL);
  g_autoptr(HwTimeInCare) time = hw_case_dates_time_in_care (store, case_id, NULL);
  g_autoptr(HwRecord) next = hw_case_dates_next_hearing (store, case_id, NULL);
  guint hearings_ordered = 0;

  g_assert_cmpuint (rows->len, >=, 4);
  g_assert_cmpstr (hw_record_get_string (rows->pdata[0], "kind"), ==, "removal");
  for (guint i = 0; i < rows->len; i++)
    if (*hw_record_get_string (rows->pdata[i], "ordered") != '\0')
      hearings_ordered++;
  g_assert_cmpuint (hearings_ordered, ==, 2);
  g_assert_nonnull (time);
  g_assert_cmpint (time->days, ==, 276);
  g_assert_nonnull (next);
  g_assert_cmpstr (hw_record_get_string (next, "hearing_kind"), ==, "review");
  g_clear_object (&next);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&time, hw_time_in_care_free);
  hw_test_store_free (store, dir);
}

/* A database of schema 4 opens, gains case_events, and key dates can be
 * added and undone there. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("homeward-case-dates-old-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *cmd = NULL;
  const char *const *migrations;
  guint n;
  sqlite3 *db = NULL;

  migrations = hw_schema_get_migrations (&n);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i], NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 4;"
                         "INSERT INTO cases (id, family_name) VALUES (1, 'Old');",
                         HW_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT 1 FROM case_events", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  {
    g_autoptr(HwStore) store = hw_store_open (path, &error);
    HwCaseEvent removal = { "removal", "2026-03-02", NULL, NULL, NULL };

    g_assert_no_error (error);
    g_assert_cmpint (hw_store_query_int (store, 0, "PRAGMA user_version", G_TYPE_INVALID), ==,
                     hw_schema_get_version ());
    g_assert_cmpint (hw_store_query_int (store, 0, "SELECT count(*) FROM cases", G_TYPE_INVALID),
                     ==, 1);
    g_assert_cmpint (hw_case_dates_add (store, 1, &removal, &error), >, 0);
    g_assert_no_error (error);
    g_assert_true (hw_store_undo (store, &error));
    g_assert_cmpint (hw_store_query_int (store, -1, "SELECT count(*) FROM case_events",
                                         G_TYPE_INVALID), ==, 0);
  }
  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* The key dates travel in the case file and come back exactly; a file
 * made before them (no tables.case_events, schema 4) imports. */
static void
test_interchange (void)
{
  g_autoptr(GError) error = NULL;
  char *dir_a = NULL;   /* freed by hw_test_store_free() */
  g_autofree char *dir_b = g_dir_make_tmp ("homeward-case-dates-b-XXXXXX", &error);
  g_autofree char *path_b = g_build_filename (dir_b, "b.db", NULL);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *old = NULL;
  g_autofree char *cmd = NULL;
  gint64 case_a, case_b, case_old;
  HwStore *a = hw_test_store_new_demo ("homeward-case-dates-a-XXXXXX", &dir_a, &case_a);
  g_autoptr(HwStore) b = hw_store_open (path_b, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *tables;

  g_assert_no_error (error);
  text_a = hw_interchange_export_text (a, case_a, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text_a, "\"case_events\""));
  g_assert_nonnull (strstr (text_a, "\"disposition\""));
  case_b = hw_interchange_import_data (b, text_a, -1, &error);
  g_assert_no_error (error);
  text_b = hw_interchange_export_text (b, case_b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text_a, ==, text_b);
  g_assert_cmpint (hw_store_query_int (b, 0, "SELECT count(*) FROM case_events WHERE case_id = ?",
                                       G_TYPE_INT64, case_b, G_TYPE_INVALID),
                   ==,
                   hw_store_query_int (a, 0, "SELECT count(*) FROM case_events WHERE case_id = ?",
                                       G_TYPE_INT64, case_a, G_TYPE_INVALID));

  /* an older file: no case_events at all */
  g_assert_true (json_parser_load_from_data (parser, text_a, -1, &error));
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "tables");
  json_object_remove_member (tables, "case_events");
  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), "schema", 4);
  old = json_to_string (json_parser_get_root (parser), FALSE);
  case_old = hw_interchange_import_data (b, old, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_old, >, 0);
  g_assert_cmpint (hw_store_query_int (b, -1, "SELECT count(*) FROM case_events WHERE case_id = ?",
                                       G_TYPE_INT64, case_old, G_TYPE_INVALID), ==, 0);

  hw_test_store_free (a, dir_a);
  g_clear_object (&b);
  cmd = g_strdup_printf ("rm -rf '%s'", dir_b);
  g_assert_cmpint (system (cmd), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/case-dates/" name, Fixture, NULL, fixture_set_up, fn, \
                                  fixture_tear_down)
  ADD ("add-list-undo", test_add_list_undo);
  ADD ("refusals", test_refusals);
  ADD ("change", test_change);
  ADD ("change-at-version", test_change_at_version);
  ADD ("time-in-care", test_time_in_care);
  ADD ("next-hearing", test_next_hearing);
  ADD ("aftercare", test_aftercare);
  ADD ("summary", test_summary);
#undef ADD
  g_test_add_func ("/case-dates/format-months", test_format_months_across_years);
  g_test_add_func ("/case-dates/demo", test_demo);
  g_test_add_func ("/case-dates/migration", test_migration);
  g_test_add_func ("/case-dates/interchange", test_interchange);

  return g_test_run ();
}
