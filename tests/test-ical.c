/* test-ical.c: iCalendar export checked by libical's restriction check and
 * by a second parser (Debian's python3-icalendar), confidentiality of the
 * copies, malformed files refused with nothing written, and a round trip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hw-ical.h"
#include "hw-store.h"
#include "hw-visits.h"

typedef struct {
  char    *dir;
  HwStore *store;
  gint64   case_id;
  gint64   mother, ana, leo, worker, foster;
  gint64   weekly, single;
} Fixture;

static gint64
add_person (HwStore *store, gint64 case_id, const char *name, const char *role,
            const char *address, const char *address_withheld_from)
{
  g_autoptr(HwRecord) rec = hw_record_new ("people");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_int (rec, "case_id", case_id);
  hw_record_set_string (rec, "name", name);
  hw_record_set_string (rec, "role", role);
  hw_record_set_string (rec, "address", address);
  hw_record_set_string (rec, "address_withheld_from", address_withheld_from);
  id = hw_store_insert (store, "Add person", rec, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_case (HwStore *store)
{
  g_autoptr(HwRecord) rec = hw_record_new ("cases");
  g_autoptr(GError) error = NULL;
  gint64 id;

  hw_record_set_string (rec, "family_name", "Rivera");
  id = hw_store_insert (store, "Add case", rec, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_people (HwStore *store, gint64 case_id, Fixture *f)
{
  f->mother = add_person (store, case_id, "Maria Rivera", "mother", "", "");
  f->ana = add_person (store, case_id, "Ana Rivera", "child", "", "");
  f->leo = add_person (store, case_id, "Leo Rivera", "child", "", "");
  f->worker = add_person (store, case_id, "Dana Cole", "caseworker", "", "");
  /* the foster home's address is withheld from the family */
  f->foster = add_person (store, case_id, "Pat Green", "foster-parent", "12 Elm Street, Springfield", "family");
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 visitors[1], children[2];
  HwVisitPlan plan = { 0 };
  HwVisitOutcome cancel = { "cancelled-caregiver", "", "", "", "" };
  HwVisitOutcome happened = { "happened", "16:00", "17:45", "Played a game.", "" };

  f->dir = g_dir_make_tmp ("homeward-ical-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "homeward.db", NULL);
  f->store = hw_store_open (path, &error);
  g_assert_no_error (error);
  f->case_id = add_case (f->store);
  add_people (f->store, f->case_id, f);

  visitors[0] = f->mother;
  children[0] = f->ana;
  children[1] = f->leo;
  plan.case_id = f->case_id;
  plan.title = "Family time";
  plan.place = "Agency visit room";
  /* crosses the March DST change; UNTIL given as a local date */
  plan.dtstart = "2025-02-25T16:00";
  plan.tzid = "America/New_York";
  plan.duration_minutes = 120;
  plan.rrule = "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20250327";
  plan.level = "supervised";
  plan.supervisor_person_id = f->worker;
  plan.transport_person_id = f->foster;
  plan.notes = "Bring homework.";
  plan.visitors = visitors;
  plan.n_visitors = 1;
  plan.children = children;
  plan.n_children = 2;
  f->weekly = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  /* one at the foster home, in Madrid time, with Leo only */
  plan.title = "Birthday visit";
  plan.place = "12 Elm Street, Springfield";
  plan.dtstart = "2025-04-12T11:00";
  plan.tzid = "Europe/Madrid";
  plan.rrule = "";
  plan.level = "monitored";
  plan.n_children = 1;
  plan.children = &f->leo;
  plan.notes = "";
  f->single = hw_visits_create_series (f->store, &plan, &error);
  g_assert_no_error (error);

  g_assert_true (hw_visits_move_occurrence (f->store, f->weekly, "2025-03-04T16:00", NULL, &error));
  g_assert_true (hw_visits_move_occurrence (f->store, f->weekly, "2025-03-06T16:00", "2025-03-07T17:00", &error));
  g_assert_cmpint (hw_visits_record_outcome (f->store, f->weekly, "2025-03-11T16:00", &cancel, &error), >, 0);
  g_assert_cmpint (hw_visits_record_outcome (f->store, f->weekly, "2025-02-25T16:00", &happened, &error), >, 0);
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (cmd), ==, 0);
  g_free (f->dir);
}

static char *
export (Fixture *f, HwRecipientKind kind, gint64 person)
{
  HwExportOptions opts;
  g_autoptr(GError) error = NULL;
  char *ics;

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.person_id = person;
  opts.format = "ics";
  opts.recipient.kind = kind;
  ics = hw_visits_to_ics (f->store, &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ics);
  return ics;
}

static void
test_export_valid (Fixture *f, gconstpointer data)
{
  g_autofree char *ics = export (f, HW_RECIPIENT_AGENCY, 0);
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DUMP_ICS"))
    g_file_set_contents (g_getenv ("DUMP_ICS"), ics, -1, NULL);
  hw_ical_check (ics, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (ics, "VERSION:2.0"));
  g_assert_nonnull (strstr (ics, "PRODID:" HW_ICAL_PRODID));
  g_assert_nonnull (strstr (ics, "BEGIN:VTIMEZONE\r\nTZID:America/New_York"));
  g_assert_nonnull (strstr (ics, "TZID:Europe/Madrid"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=America/New_York:20250225T160000"));
  g_assert_nonnull (strstr (ics, "DTSTAMP:"));
  /* UNTIL in UTC: 27 March 23:59:59 EDT */
  g_assert_nonnull (strstr (ics, "UNTIL=20250328T035959Z"));
  g_assert_nonnull (strstr (ics, "EXDATE;TZID=America/New_York:20250304T160000"));
  g_assert_nonnull (strstr (ics, "RECURRENCE-ID;TZID=America/New_York:20250306T160000"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=America/New_York:20250307T170000"));
  g_assert_nonnull (strstr (ics, "RECURRENCE-ID;TZID=America/New_York:20250311T160000"));
  g_assert_nonnull (strstr (ics, "STATUS:CANCELLED"));
  g_assert_nonnull (strstr (ics, "LOCATION:12 Elm Street"));
  g_assert_nonnull (strstr (ics, "Bring homework"));

  /* the restriction check can fail: a VEVENT without DTSTAMP */
  {
    g_autoptr(GString) broken = g_string_new (ics);
    char *p = strstr (broken->str, "DTSTAMP:");

    g_string_erase (broken, p - broken->str, strstr (p, "\r\n") + 2 - p);
    g_assert_false (hw_ical_check (broken->str, &error));
    g_assert_nonnull (error);
  }
}

/* The second parser: Debian's python3-icalendar, run with /usr/bin/python3
 * (not the pyenv python on PATH). */
static const char *python_check =
  "import sys\n"
  "from icalendar import Calendar\n"
  "cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "assert str(cal['VERSION']) == '2.0', cal['VERSION']\n"
  "assert 'PRODID' in cal\n"
  "zones = {str(c['TZID']) for c in cal.walk('VTIMEZONE')}\n"
  "events = list(cal.walk('VEVENT'))\n"
  "used = set()\n"
  "for e in events:\n"
  "    for k in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):\n"
  "        assert k in e, (k, e)\n"
  "    for k in ('DTSTART', 'RECURRENCE-ID'):\n"
  "        if k in e and 'TZID' in e[k].params:\n"
  "            used.add(e[k].params['TZID'])\n"
  "    assert e.decoded('DTSTART').tzinfo is not None\n"
  "assert used <= zones, (used, zones)\n"
  "print(len(events), sorted(used), sum(1 for e in events if str(e.get('STATUS','')) == 'CANCELLED'))\n";

static char *
run_python (const char *ics_path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", python_check, ics_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-icalendar refused the export: %s", err);
  return g_strstrip (g_steal_pointer (&out));
}

static void
test_second_parser (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "visits.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  HwExportOptions opts;
  GStatBuf st;

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }

  hw_export_options_init (&opts);
  opts.case_id = f->case_id;
  opts.what = "visits";
  opts.format = "ics";
  opts.output = path;
  g_assert_true (hw_visits_export (f->store, &opts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  summary = run_python (path);
  /* 2 plans + 1 moved + 1 cancelled override; 1 cancelled */
  g_assert_cmpstr (summary, ==, "4 ['America/New_York', 'Europe/Madrid'] 1");

  /* an unknown format: a clear refusal, no file */
  opts.format = "xls";
  opts.output = "never-written.xls";
  g_assert_false (hw_visits_export (f->store, &opts, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test ("never-written.xls", G_FILE_TEST_EXISTS));
}

static void
test_confidential (Fixture *f, gconstpointer data)
{
  g_autofree char *family = export (f, HW_RECIPIENT_FAMILY, 0);
  g_autofree char *leo = export (f, HW_RECIPIENT_AGENCY, f->leo);
  g_autofree char *ana = export (f, HW_RECIPIENT_AGENCY, f->ana);
  g_autoptr(HwRecord) foster = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hidden = NULL;

  /* the foster home's address is absent from the family's copy */
  g_assert_null (strstr (family, "Elm Street"));
  g_assert_nonnull (strstr (family, "Agency visit room"));
  /* working notes are the agency's */
  g_assert_null (strstr (family, "Bring homework"));
  g_assert_true (hw_ical_check (family, &error));

  /* per person: Leo attends both plans, Ana only the weekly one */
  g_assert_nonnull (strstr (leo, "Birthday visit"));
  g_assert_null (strstr (ana, "Birthday visit"));
  g_assert_nonnull (strstr (ana, "Family time"));

  /* a person withheld from the family disappears from their copy */
  foster = hw_store_get (f->store, "people", f->foster, &error);
  hw_record_set_string (foster, "withheld_from", "family");
  g_assert_true (hw_store_update (f->store, "Withhold", foster, &error));
  g_assert_no_error (error);
  hidden = export (f, HW_RECIPIENT_FAMILY, 0);
  g_assert_null (strstr (hidden, "Pat Green"));
  g_assert_nonnull (strstr (hidden, "Maria Rivera"));
}

static void
test_malformed (Fixture *f, gconstpointer data)
{
#define CAL(body) "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n" body "END:VCALENDAR\r\n"
#define EV(body) "BEGIN:VEVENT\r\nUID:a1\r\nDTSTAMP:20250101T000000Z\r\n" body "END:VEVENT\r\n"
  const char *bad[] = {
    "",
    "hello, this is not a calendar",
    "BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n",
    CAL (""),
    CAL (EV ("SUMMARY:no start\r\n")),
    CAL (EV ("DTSTART:20250230T100000\r\n")),
    CAL (EV ("DTSTART:2025-03-01 10:00\r\n")),
    CAL (EV ("DTSTART:20250301T100000\r\nRRULE:FREQ=SOMETIMES\r\n")),
    CAL (EV ("DTSTART;TZID=Mars/Olympus:20250301T100000\r\n")),
    CAL (EV ("DTSTART:20250301T100000\r\nDTEND:20250301T090000\r\n")),
    CAL (EV ("DTSTART:20250301T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nEXDATE:20250302T100000\r\n")),
    CAL (EV ("DTSTART:20250301T100000\r\nRRULE:FREQ=HOURLY\r\n")),
    CAL (EV ("DTSTART:20250301T100000\r\n") EV ("DTSTART:20250302T100000\r\n")),
    CAL ("BEGIN:VEVENT\r\nUID:zz\r\nDTSTAMP:20250101T000000Z\r\nRECURRENCE-ID:20250301T100000\r\nDTSTART:20250301T110000\r\nEND:VEVENT\r\n"),
    "BEGIN:VCALENDAR\r\nVERSION:1.0\r\n" EV ("DTSTART:20250301T100000\r\n") "END:VCALENDAR\r\n",
    CAL (EV ("DTSTART:20250301T100000\r\nDURATION:banana\r\n")),
  };
  gint64 before = hw_store_query_int (f->store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID);
  gint64 before_ex = hw_store_query_int (f->store, -1, "SELECT count(*) FROM visit_exceptions", G_TYPE_INVALID);
  g_autofree char *bin = g_build_filename (f->dir, "binary.ics", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gboolean ok = hw_visits_import_ics_data (f->store, f->case_id, bad[i], NULL, &error);

      if (ok)
        g_error ("malformed calendar %u was accepted:\n%s", i, bad[i]);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%u: %s", i, error->message);
      g_clear_error (&error);
      g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID), ==, before);
      g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM visit_exceptions", G_TYPE_INVALID), ==, before_ex);
    }

  /* files: missing, binary */
  g_assert_false (hw_visits_import_ics (f->store, f->case_id, "/nonexistent/visits.ics", &error));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (bin, "BEGIN:VCALENDAR\0\1\2", 19, NULL));
  g_assert_false (hw_visits_import_ics (f->store, f->case_id, bin, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* the same good file imported twice into a case: refused the second time */
  g_assert_true (hw_visits_import_ics_data (f->store, f->case_id,
                                            CAL (EV ("DTSTART:20250301T100000\r\n")), NULL, &error));
  g_assert_no_error (error);
  g_assert_false (hw_visits_import_ics_data (f->store, f->case_id,
                                             CAL (EV ("DTSTART:20250301T100000\r\n")), NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (hw_store_query_int (f->store, -1, "SELECT count(*) FROM visit_series", G_TYPE_INVALID), ==, before + 1);
#undef CAL
#undef EV
}

#define V(a, i) (&g_array_index ((a), HwVisit, (i)))

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *ics = export (f, HW_RECIPIENT_AGENCY, 0);
  g_autofree char *path = g_build_filename (f->dir, "round.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  Fixture other = { 0 };
  gint64 case_b;
  gint64 from = 1735689600, to = 1767225600;   /* 2025 */
  guint j = 0;

  g_assert_true (g_file_set_contents (path, ics, -1, NULL));
  case_b = add_case (f->store);
  add_people (f->store, case_b, &other);
  g_assert_true (hw_visits_import_ics (f->store, case_b, path, &error));
  g_assert_no_error (error);

  a = hw_visits_list (f->store, f->case_id, 0, from, to, &error);
  b = hw_visits_list (f->store, case_b, 0, from, to, &error);
  g_assert_no_error (error);

  /* every visit still on the calendar comes back at the same time, level
   * and place; the cancelled one comes back off the calendar */
  for (guint i = 0; i < a->len; i++)
    {
      HwVisit *va = V (a, i);

      if (strcmp (va->status, "cancelled-caregiver") == 0)
        continue;
      g_assert_cmpuint (j, <, b->len);
      g_assert_cmpstr (va->occ.key, ==, V (b, j)->occ.key);
      g_assert_cmpstr (va->occ.local_start, ==, V (b, j)->occ.local_start);
      g_assert_cmpint (va->occ.start_utc, ==, V (b, j)->occ.start_utc);
      g_assert_cmpint (va->occ.end_utc, ==, V (b, j)->occ.end_utc);
      g_assert_cmpstr (va->level, ==, V (b, j)->level);
      g_assert_cmpstr (va->place, ==, V (b, j)->place);
      g_assert_cmpstr (va->title, ==, V (b, j)->title);
      g_assert_cmpuint (va->children->len, ==, V (b, j)->children->len);
      j++;
    }
  g_assert_cmpuint (j, ==, b->len);
  g_assert_cmpuint (b->len, ==, a->len - 1);
  {
    g_autofree char *label = hw_store_get_undo_label (f->store);
    g_assert_cmpstr (label, ==, "Import visits");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/ical/export-valid", test_export_valid);
  ADD ("/ical/second-parser", test_second_parser);
  ADD ("/ical/confidential", test_confidential);
  ADD ("/ical/malformed", test_malformed);
  ADD ("/ical/round-trip", test_round_trip);
#undef ADD

  return g_test_run ();
}
