/* test-aftercare-checkins.c: the check-ins of the supports after going
 * home (issue 15): the next check-in due across month ends and at the end
 * of the twelve months, logging one as an undoable edit that moves the
 * next one due, the refusals that change nothing, what a family's list
 * leaves out, the week of one person, and the JSON case file carrying
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hw-aftercare-checkins.h"
#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-interchange.h"
#include "hw-service-plan.h"
#include "hw-service-plan-queries.h"
#include "hw-store.h"
#include "hw-test-pdf.h"
#include "hw-test-store.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   worker;
  gint64   parent;
  gint64   stranger;     /* a person of another family */
  gint64   support;      /* weekly calls from the worker */
  char    *home;         /* the return home, 60 days ago */
} Fixture;

static char *
day_from_today (int days)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return hw_date_to_iso (&d);
}

static GDate
today_date (void)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_time_t (&d, time (NULL));
  return d;
}

static gint64
add_person (Fixture    *f,
            gint64      case_id,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) person = hw_record_new ("people");
  gint64 id;

  hw_record_set_int (person, "case_id", case_id);
  hw_record_set_string (person, "name", name);
  id = hw_store_insert (f->store, "Add person", person, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *removal = day_from_today (-300);
  g_autoptr(HwRecord) family = hw_record_new ("cases");
  g_autoptr(HwRecord) other = hw_record_new ("cases");
  g_autoptr(HwRecord) support = hw_record_new ("aftercare_supports");
  gint64 other_id;

  f->dir = g_dir_make_tmp ("homeward-checkins-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  hw_record_set_string (family, "family_name", "Test");
  f->case_id = hw_store_insert (f->store, "Add family", family, &error);
  g_assert_no_error (error);
  hw_record_set_string (other, "family_name", "Other");
  other_id = hw_store_insert (f->store, "Add family", other, &error);
  g_assert_no_error (error);
  f->worker = add_person (f, f->case_id, "Dana Whitaker");
  f->parent = add_person (f, f->case_id, "Elena Morales");
  f->stranger = add_person (f, other_id, "Someone Else");

  f->home = day_from_today (-60);
  {
    HwCaseEvent removed = { "removal", removal, NULL, NULL, NULL };
    HwCaseEvent home = { "return-home", f->home, NULL, NULL, NULL };

    g_assert_cmpint (hw_case_dates_add (f->store, f->case_id, &removed, &error), >, 0);
    g_assert_cmpint (hw_case_dates_add (f->store, f->case_id, &home, &error), >, 0);
    g_assert_no_error (error);
  }

  hw_record_set_int (support, "case_id", f->case_id);
  hw_record_set_string (support, "component", "navigation");
  hw_record_set_string (support, "description", "Weekly calls from the point person");
  hw_record_set_ref (support, "provider_person_id", f->worker);
  hw_record_set_string (support, "checkin_every", "weekly");
  hw_record_set_string (support, "start_date", f->home);
  f->support = hw_service_plan_save (f->store, NULL, support, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->support, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->home);
  hw_test_store_free (f->store, f->dir);
}

static gint64
n_checkins (Fixture *f)
{
  return hw_store_query_int (f->store, -1, "SELECT count(*) FROM aftercare_checkins",
                             G_TYPE_INVALID);
}

/* The next check-in due of the fixture's support in the due dates, or
 * NULL when none is due. */
static char *
next_due (Fixture    *f,
          char      **due_state)
{
  g_autoptr(GError) error = NULL;
  GDate today = today_date ();
  g_autoptr(GPtrArray) items = hw_service_plan_list_timeline (f->store, f->case_id, NULL,
                                                              &today, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);

      if (g_str_equal (hw_record_get_string (item, "kind"), "checkin") &&
          hw_record_get_id (item) == f->support)
        {
          if (due_state != NULL)
            *due_state = g_strdup (hw_record_get_string (item, "due_state"));
          return g_strdup (hw_record_get_string (item, "date"));
        }
    }
  return NULL;
}

static void
assert_next (const char *every,
             const char *last,
             const char *start,
             const char *end,
             const char *home,
             const char *expected)
{
  char out[11];
  gboolean due = hw_aftercare_next_due (every, last, start, end, home, out);

  if (expected == NULL)
    {
      g_assert_false (due);
      g_assert_cmpstr (out, ==, "");
    }
  else
    {
      g_assert_true (due);
      g_assert_cmpstr (out, ==, expected);
    }
}

static void
test_next_due (void)
{
  /* days across the end of a month and of a year */
  assert_next ("weekly", "2026-01-29", "2026-01-01", NULL, "2026-01-01", "2026-02-05");
  assert_next ("every-2-weeks", "2026-12-25", "2026-06-01", NULL, "2026-06-01", "2027-01-08");
  /* calendar months: the 31st goes to the last day of a shorter month */
  assert_next ("monthly", "2027-01-31", "2026-06-01", NULL, "2026-06-01", "2027-02-28");
  assert_next ("monthly", "2028-01-31", "2027-06-01", NULL, "2027-06-01", "2028-02-29");
  assert_next ("every-3-months", "2026-11-30", "2026-06-01", NULL, "2026-06-01", "2027-02-28");
  /* before the first check-in: from the later of the start and the return home */
  assert_next ("weekly", NULL, "2026-03-01", NULL, "2026-03-15", "2026-03-22");
  assert_next ("weekly", NULL, "2026-04-01", NULL, "2026-03-15", "2026-04-08");
  assert_next ("weekly", NULL, "", NULL, "2026-03-15", "2026-03-22");
  /* the twelve months from 2026-03-15 end on 2027-03-14 */
  assert_next ("weekly", "2027-03-07", "2026-03-15", NULL, "2026-03-15", "2027-03-14");
  assert_next ("weekly", "2027-03-08", "2026-03-15", NULL, "2026-03-15", NULL);
  assert_next ("monthly", "2027-02-14", "2026-03-15", NULL, "2026-03-15", "2027-03-14");
  assert_next ("monthly", "2027-02-15", "2026-03-15", NULL, "2026-03-15", NULL);
  /* a support that ends first */
  assert_next ("weekly", "2026-06-25", "2026-03-15", "2026-06-30", "2026-03-15", NULL);
  assert_next ("weekly", "2026-06-23", "2026-03-15", "2026-06-30", "2026-03-15", "2026-06-30");
  /* no return home recorded yet: the twelve months count from the start */
  assert_next ("weekly", NULL, "2026-05-01", NULL, NULL, "2026-05-08");
  assert_next ("monthly", "2027-04-10", "2026-05-01", NULL, NULL, NULL);
  /* nothing to count from, no rhythm, an unknown rhythm */
  assert_next ("weekly", NULL, NULL, NULL, NULL, NULL);
  assert_next ("", "2026-06-01", "2026-03-15", NULL, "2026-03-15", NULL);
  assert_next ("daily", "2026-06-01", "2026-03-15", NULL, "2026-03-15", NULL);
}

static void
test_log_moves_next_due (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first_due = day_from_today (-53);   /* return home + a week */
  g_autofree char *day = day_from_today (-3);
  g_autofree char *then_due = day_from_today (4);
  g_autofree char *due = NULL;
  g_autofree char *state = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HwCheckin checkin = { day, f->worker, "phone", "Elena", "  Work hours were cut.  ",
                        "Call the housing office", NULL };
  gint64 id;

  due = next_due (f, &state);
  g_assert_cmpstr (due, ==, first_due);
  g_assert_cmpstr (state, ==, "overdue");
  g_clear_pointer (&due, g_free);
  g_clear_pointer (&state, g_free);

  id = hw_aftercare_log_checkin (f->store, f->support, &checkin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  label = hw_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, "Log check-in");
  /* audited */
  g_assert_cmpint (hw_store_query_int (f->store, 0,
                                       "SELECT count(*) FROM hw_audit WHERE tbl = "
                                       "'aftercare_checkins' AND row_id = ? AND change = 'insert'",
                                       G_TYPE_INT64, id, G_TYPE_INVALID), ==, 1);

  due = next_due (f, &state);
  g_assert_cmpstr (due, ==, then_due);
  g_assert_cmpstr (state, ==, "due-this-week");
  g_clear_pointer (&due, g_free);
  g_clear_pointer (&state, g_free);

  list = hw_aftercare_list_checkins (f->store, f->support, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (list, 0), "what_came_up"), ==,
                   "Work hours were cut.");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (list, 0), "person_name"), ==,
                   "Dana Whitaker");

  /* undo takes it back and the next due with it; redo brings both */
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (n_checkins (f), ==, 0);
  due = next_due (f, NULL);
  g_assert_cmpstr (due, ==, first_due);
  g_clear_pointer (&due, g_free);
  g_assert_true (hw_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_checkins (f), ==, 1);
  due = next_due (f, NULL);
  g_assert_cmpstr (due, ==, then_due);
  g_clear_pointer (&due, g_free);

  /* a change of the day moves it; delete, undo */
  checkin.date = first_due;
  g_assert_true (hw_aftercare_change_checkin (f->store, id, &checkin, &error));
  g_assert_no_error (error);
  due = next_due (f, NULL);
  {
    g_autofree char *week_after = day_from_today (-46);

    g_assert_cmpstr (due, ==, week_after);
  }
  g_clear_pointer (&due, g_free);
  g_assert_true (hw_aftercare_delete_checkin (f->store, id, &error));
  g_assert_cmpint (n_checkins (f), ==, 0);
  g_assert_true (hw_store_undo (f->store, &error));
  g_assert_cmpint (n_checkins (f), ==, 1);
}

/* Each bad check-in is refused with a message and writes nothing. */
static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *before_home = day_from_today (-61);
  g_autofree char *ok_day = day_from_today (-1);
  g_autofree char *label = hw_store_get_undo_label (f->store);
  struct {
    HwCheckin   checkin;
    gint64      support;
    const char *words;
  } bad[] = {
    { { tomorrow, f->worker, "phone" }, f->support, "not happened yet" },
    { { "2026-02-30", f->worker, "phone" }, f->support, "not a real date" },
    { { "", f->worker, "phone" }, f->support, "missing" },
    { { "yesterday", f->worker, "phone" }, f->support, "not a real date" },
    { { before_home, f->worker, "phone" }, f->support, "before the children went home" },
    { { ok_day, 0, "phone" }, f->support, "who checked in" },
    { { ok_day, f->stranger, "phone" }, f->support, "someone in this family" },
    { { ok_day, 99999, "phone" }, f->support, "someone in this family" },
    { { ok_day, f->worker, "carrier-pigeon" }, f->support, "not one of the choices" },
    { { ok_day, f->worker, "" }, f->support, "not one of the choices" },
    { { ok_day, f->worker, "phone", NULL, NULL, NULL, "neighbours" }, f->support, "neighbours" },
    { { ok_day, f->worker, "phone" }, 99999, "does not exist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *label_after = NULL;

      g_assert_cmpint (hw_aftercare_log_checkin (f->store, bad[i].support, &bad[i].checkin,
                                                 &error), ==, 0);
      g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
      if (strstr (error->message, bad[i].words) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, bad[i].words);
      g_clear_error (&error);
      g_assert_cmpint (n_checkins (f), ==, 0);
      label_after = hw_store_get_undo_label (f->store);
      g_assert_cmpstr (label_after, ==, label);
    }

  /* a support that starts after the return home: not before its start */
  {
    g_autofree char *start = day_from_today (-10);
    g_autofree char *early = day_from_today (-20);
    g_autoptr(HwRecord) change = hw_record_new ("aftercare_supports");
    HwCheckin checkin = { early, f->worker, "video" };

    hw_record_set_id (change, f->support);
    hw_record_set_string (change, "start_date", start);
    g_assert_cmpint (hw_service_plan_save (f->store, NULL, change, &error), >, 0);
    g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &checkin, &error), ==, 0);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "before this support starts"));
    g_clear_error (&error);
  }

  /* an unknown rhythm on a support is refused too */
  {
    g_autoptr(HwRecord) change = hw_record_new ("aftercare_supports");

    hw_record_set_id (change, f->support);
    hw_record_set_string (change, "checkin_every", "hourly");
    g_assert_cmpint (hw_service_plan_save (f->store, NULL, change, &error), ==, 0);
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* changing a check-in that is not there */
  {
    HwCheckin checkin = { ok_day, f->worker, "phone" };

    g_assert_false (hw_aftercare_change_checkin (f->store, 4242, &checkin, &error));
    g_assert_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND);
  }
}

/* A check-in kept from the family is not in their list; the next due is
 * the same for everyone (only its date is used). */
static void
test_withheld (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day1 = day_from_today (-20);
  g_autofree char *day2 = day_from_today (-2);
  HwCheckin open = { day1, f->worker, "home-visit", "Elena and the children", "All well" };
  HwCheckin kept = { day2, f->worker, "phone", "The school", "Worries from school",
                     NULL, "family" };
  HwRecipient family = { HW_RECIPIENT_FAMILY, 0 };
  g_autoptr(GPtrArray) agency_list = NULL;
  g_autoptr(GPtrArray) family_list = NULL;
  GDate today = today_date ();
  g_autoptr(GPtrArray) agency_due = NULL;
  g_autoptr(GPtrArray) family_due = NULL;

  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &open, &error), >, 0);
  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &kept, &error), >, 0);
  g_assert_no_error (error);
  agency_list = hw_aftercare_list_checkins (f->store, f->support, NULL, &error);
  family_list = hw_aftercare_list_checkins (f->store, f->support, &family, &error);
  g_assert_cmpuint (agency_list->len, ==, 2);
  /* newest first */
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (agency_list, 0), "date"), ==, day2);
  g_assert_cmpuint (family_list->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (family_list, 0), "what_came_up"),
                   ==, "All well");
  agency_due = hw_aftercare_list_due (f->store, f->case_id, NULL, &today, &error);
  family_due = hw_aftercare_list_due (f->store, f->case_id, &family, &today, &error);
  g_assert_cmpuint (agency_due->len, ==, 1);
  g_assert_cmpuint (family_due->len, ==, 1);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (family_due, 0), "date"), ==,
                   hw_record_get_string (g_ptr_array_index (agency_due, 0), "date"));
}

/* The point person's week: their check-ins and tasks, nobody else's. */
static void
test_due_week (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = day_from_today (-3);
  HwCheckin checkin = { day, f->worker, "text" };
  GDate today = today_date ();
  g_autoptr(GPtrArray) worker_week = NULL;
  g_autoptr(GPtrArray) parent_week = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &checkin, &error), >, 0);
  worker_week = hw_service_plan_select_due_week (f->store, f->case_id, NULL, f->worker, &today,
                                                 &error);
  g_assert_no_error (error);
  for (guint i = 0; i < worker_week->len; i++)
    {
      HwRecord *row = g_ptr_array_index (worker_week, i);

      if (g_str_equal (hw_record_get_table (row), "timeline"))
        {
          g_assert_cmpstr (hw_record_get_string (row, "kind"), ==, "checkin");
          g_assert_cmpint (hw_record_get_int (row, "person_id"), ==, f->worker);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (worker_week, 0), "section"), ==,
                   "this-week");

  parent_week = hw_service_plan_select_due_week (f->store, f->case_id, NULL, f->parent, &today,
                                                 &error);
  g_assert_cmpuint (parent_week->len, ==, 1);
  g_assert_cmpstr (hw_record_get_table (g_ptr_array_index (parent_week, 0)), ==, "empty");
  g_assert_cmpstr (hw_record_get_string (g_ptr_array_index (parent_week, 0), "reason"), ==,
                   "nothing-due");
}

/* The case file carries the check-ins and the rhythm; a copy reads the same. */
static void
test_interchange (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = day_from_today (-5);
  HwCheckin checkin = { day, f->parent, "office", "Elena", "Asked about child care",
                        "Send the list of day cares", "support" };
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  gint64 copy;

  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &checkin, &error), >, 0);
  json = hw_interchange_export_text (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"aftercare_checkins\""));
  g_assert_nonnull (strstr (json, "\"follow_up\" : \"Send the list of day cares\""));
  g_assert_nonnull (strstr (json, "\"checkin_every\" : \"weekly\""));

  copy = hw_interchange_import_data (f->store, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 0);
  {
    gint64 support = hw_store_query_int (f->store, 0,
                                         "SELECT id FROM aftercare_supports WHERE case_id = ?",
                                         G_TYPE_INT64, copy, G_TYPE_INVALID);
    g_autoptr(GPtrArray) list = hw_aftercare_list_checkins (f->store, support, NULL, &error);
    HwRecord *row;

    g_assert_cmpuint (list->len, ==, 1);
    row = g_ptr_array_index (list, 0);
    g_assert_cmpstr (hw_record_get_string (row, "date"), ==, day);
    g_assert_cmpstr (hw_record_get_string (row, "how"), ==, "office");
    g_assert_cmpstr (hw_record_get_string (row, "with_whom"), ==, "Elena");
    g_assert_cmpstr (hw_record_get_string (row, "what_came_up"), ==, "Asked about child care");
    g_assert_cmpstr (hw_record_get_string (row, "withheld_from"), ==, "support");
    /* who checked in is the copy's own person */
    g_assert_cmpstr (hw_record_get_string (row, "person_name"), ==, "Elena Morales");
    g_assert_cmpint (hw_record_get_int (row, "person_id"), !=, f->parent);
  }
  /* the copy exports as the original (ids aside): the same check-in text */
  again = hw_interchange_export_text (f->store, copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (again, "\"follow_up\" : \"Send the list of day cares\""));
}

/* The printed plan lists the check-ins; the family's copy leaves out the
 * one kept from them (not a blank: its words are not in the file), the
 * agency's has both. */
static void
test_document (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day1 = day_from_today (-20);
  g_autofree char *day2 = day_from_today (-2);
  HwCheckin open = { day1, f->worker, "home-visit", "Elena", "The children settled in well" };
  HwCheckin kept = { day2, f->worker, "phone", "The school nurse", "Bruise seen at school",
                     "Ask the doctor to look", "family" };
  const char *kinds[] = { "agency", "family" };

  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &open, &error), >, 0);
  g_assert_cmpint (hw_aftercare_log_checkin (f->store, f->support, &kept, &error), >, 0);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
      g_autofree char *text = NULL;
      HwExportOptions opts;

      hw_export_options_init (&opts);
      opts.case_id = f->case_id;
      opts.what = "service-plan";
      opts.format = "pdf";
      opts.output = pdf;
      opts.language = "en";
      g_assert_true (hw_recipient_parse (kinds[k], &opts.recipient, &error));
      g_assert_true (hw_service_plan_export_pdf (f->store, &opts, &error));
      g_assert_no_error (error);
      text = hw_test_pdftotext (pdf);
      /* table cells wrap: read the words as one line */
      g_strdelimit (text, "\n", ' ');
      g_assert_nonnull (strstr (text, "Check-ins so far"));
      g_assert_nonnull (strstr (text, "The children settled in well"));
      if (k == 0)
        {
          g_assert_nonnull (strstr (text, "Bruise seen at school"));
          g_assert_nonnull (strstr (text, "school nurse"));
        }
      else
        {
          g_assert_null (strstr (text, "Bruise"));
          g_assert_null (strstr (text, "nurse"));
          g_assert_null (strstr (text, "Ask the doctor"));
        }
      g_unlink (pdf);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/aftercare-checkins/next-due", test_next_due);
  ADD ("/aftercare-checkins/log-moves-next-due", test_log_moves_next_due);
  ADD ("/aftercare-checkins/refusals", test_refusals);
  ADD ("/aftercare-checkins/withheld", test_withheld);
  ADD ("/aftercare-checkins/due-week", test_due_week);
  ADD ("/aftercare-checkins/interchange", test_interchange);
  ADD ("/aftercare-checkins/document", test_document);
  return g_test_run ();
}
