/* hw-visits.c: family time plans, outcomes, conflicts and counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visits"

#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include "hw-i18n.h"

#include "hw-date.h"
#include "hw-enums.h"
#include "hw-invalid.h"
#include "hw-language.h"
#include "hw-visits.h"

#define SCHOOL_HOURS_KEY "visits.school-hours"

/* Choices --------------------------------------------------------------- */

static const char *const levels[] = {
  "therapeutic", "supervised", "monitored", "unsupervised", "overnight",
  "extended", "trial-home-visit", NULL
};
static const char *const level_short_labels[] = {
  N_("Therap."), N_("Superv."), N_("Monitor."), N_("Unsuperv."),
  N_("Overnight"), N_("Extended"), N_("Trial home"),
};

static const char *const statuses[] = {
  "scheduled", "happened", "cancelled-parent", "cancelled-caregiver",
  "cancelled-agency", "cancelled-provider", "no-show", NULL
};
static int
index_of (const char *const *list, const char *id)
{
  if (id == NULL)
    return -1;
  for (int i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], id) == 0)
      return i;
  return -1;
}

const char *const *
hw_visit_levels (void)
{
  return levels;
}

int
hw_visit_level_index (const char *level)
{
  return index_of (levels, level);
}

const char *
hw_visit_level_label (const char *level)
{
  return hw_choice_label (HW_CHOICES_VISIT_LEVEL, level ? level : "");
}

const char *
hw_visit_level_short_label (const char *level)
{
  int i = index_of (levels, level);

  return i < 0 ? (level ? level : "") : _(level_short_labels[i]);
}

const char *const *
hw_visit_statuses (void)
{
  return statuses;
}

const char *
hw_visit_status_label (const char *status)
{
  return hw_choice_label (HW_CHOICES_VISIT_STATUS, status ? status : "");
}

gboolean
hw_visit_status_is_cancelled (const char *status)
{
  return status != NULL && g_str_has_prefix (status, "cancelled-");
}

gboolean
hw_visit_status_owes_makeup (const char *status)
{
  /* DOMAIN.md: make-up owed, not for a parent no-show; and a parent who
   * cancels is not owed one either: the family chose not to come. */
  return g_strcmp0 (status, "cancelled-caregiver") == 0
         || g_strcmp0 (status, "cancelled-agency") == 0
         || g_strcmp0 (status, "cancelled-provider") == 0;
}

/* Small helpers ------------------------------------------------------------ */

static HwDbStmt *
prepare (HwStore     *store,
         const char  *sql,
         GError     **error)
{
  HwDbStmt *stmt = hw_db_prepare (hw_store_get_connection (store), sql, error);

  if (stmt == NULL)
    g_prefix_error (error, "%s: ", _("Could not read the visits"));
  return stmt;
}

static char *
column_dup (HwDbStmt *stmt, int i)
{
  const char *s = hw_db_stmt_column_text (stmt, i);

  return g_strdup (s ? s : "");
}

static const char *
column_str (HwDbStmt *stmt, int i)
{
  const char *s = hw_db_stmt_column_text (stmt, i);

  return s ? s : "";
}

/* wall seconds of a canonical local time string */
static gint64
wall_of (const char *local)
{
  int y = atoi (local), mo = atoi (local + 5), d = atoi (local + 8);
  int h = atoi (local + 11), mi = atoi (local + 14), s = atoi (local + 17);
  g_autoptr(GDateTime) dt = g_date_time_new_utc (y, mo, d, h, mi, s);

  return dt ? g_date_time_to_unix (dt) : 0;
}

/* Plans ------------------------------------------------------------------ */

static gboolean
person_in_case (HwStore *store,
                gint64   person_id,
                gint64   case_id)
{
  return hw_store_query_int (store, 0,
                             "SELECT count(*) FROM people WHERE id = ? AND case_id = ?",
                             G_TYPE_INT64, person_id, G_TYPE_INT64, case_id,
                             G_TYPE_INVALID) == 1;
}

static gboolean
validate_plan (HwStore           *store,
               const HwVisitPlan *plan,
               char               rrule_out[],
               gsize              rrule_len,
               GError           **error)
{
  g_autoptr(HwRecurrence) r = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, plan->case_id, G_TYPE_INVALID) != 1)
    return hw_invalid (error, _("The case of this visit plan does not exist."));

  r = hw_recurrence_new (plan->dtstart, plan->tzid, plan->rrule,
                         plan->duration_minutes, error);
  if (r == NULL)
    return FALSE;
  g_strlcpy (rrule_out, hw_recurrence_get_rrule (r), rrule_len);

  if (hw_visit_level_index (plan->level) < 0)
    return hw_invalid (error, _("Choose a supervision level for the visits."));

  for (guint pass = 0; pass < 2; pass++)
    {
      const gint64 *ids = pass == 0 ? plan->visitors : plan->children;
      guint n = pass == 0 ? plan->n_visitors : plan->n_children;

      for (guint i = 0; i < n; i++)
        {
          if (!person_in_case (store, ids[i], plan->case_id))
            return hw_invalid (error, _("A person in this visit plan is not part of the case."));
          if (g_hash_table_contains (seen, &ids[i]))
            return hw_invalid (error, _("A person cannot be both visitor and child of the same visit."));
          g_hash_table_add (seen, (gpointer) &ids[i]);
        }
    }

  if (plan->supervisor_person_id != 0)
    {
      if (!person_in_case (store, plan->supervisor_person_id, plan->case_id))
        return hw_invalid (error, _("The supervisor is not part of the case."));
      /* DOMAIN.md: a person alleged to have harmed the child can never be
       * the protector. */
      if (hw_store_query_int (store, 0, "SELECT alleged_harm_source FROM people WHERE id = ?",
                              G_TYPE_INT64, plan->supervisor_person_id, G_TYPE_INVALID) == 1)
        return hw_invalid (error, _("A person alleged to have harmed the child cannot supervise visits."));
    }
  if (plan->transport_person_id != 0
      && !person_in_case (store, plan->transport_person_id, plan->case_id))
    return hw_invalid (error, _("The driver is not part of the case."));

  return TRUE;
}

static HwRecord *
plan_to_record (const HwVisitPlan *plan,
                const char        *rrule)
{
  HwRecord *rec = hw_record_new ("visit_series");
  char start[HW_LOCAL_TIME_LEN];

  hw_recurrence_parse_local (plan->dtstart, start, NULL);
  hw_record_set_int (rec, "case_id", plan->case_id);
  hw_record_set_string (rec, "title", plan->title ? plan->title : "");
  hw_record_set_string (rec, "place", plan->place ? plan->place : "");
  hw_record_set_string (rec, "dtstart", start);
  hw_record_set_string (rec, "tzid", plan->tzid ? plan->tzid : "");
  hw_record_set_int (rec, "duration_minutes", plan->duration_minutes);
  hw_record_set_string (rec, "rrule", rrule);
  hw_record_set_string (rec, "level", plan->level);
  hw_record_set_ref (rec, "supervisor_person_id", plan->supervisor_person_id);
  hw_record_set_string (rec, "supervisor", plan->supervisor ? plan->supervisor : "");
  hw_record_set_ref (rec, "transport_person_id", plan->transport_person_id);
  hw_record_set_string (rec, "transport", plan->transport ? plan->transport : "");
  hw_record_set_string (rec, "notes", plan->notes ? plan->notes : "");
  if (plan->uid != NULL && *plan->uid != '\0')
    hw_record_set_string (rec, "uid", plan->uid);
  return rec;
}

static gboolean
write_participants (HwStore           *store,
                    gint64             series_id,
                    const HwVisitPlan *plan,
                    GError           **error)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      const gint64 *ids = pass == 0 ? plan->visitors : plan->children;
      guint n = pass == 0 ? plan->n_visitors : plan->n_children;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HwRecord) rec = hw_record_new ("visit_participants");

          hw_record_set_int (rec, "series_id", series_id);
          hw_record_set_int (rec, "person_id", ids[i]);
          hw_record_set_string (rec, "part", pass == 0 ? "visitor" : "child");
          if (hw_store_insert (store, NULL, rec, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

gint64
hw_visits_create_series (HwStore           *store,
                         const HwVisitPlan *plan,
                         GError           **error)
{
  g_autoptr(HwRecord) rec = NULL;
  char rrule[1024];
  gboolean own;
  gint64 id;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (plan != NULL, 0);

  if (!validate_plan (store, plan, rrule, sizeof rrule, error))
    return 0;

  rec = plan_to_record (plan, rrule);
  if (!hw_store_join_edit (store, N_("Schedule visits"), &own, error))
    return 0;
  id = hw_store_insert (store, NULL, rec, error);
  if (!hw_store_leave_edit (store, own, id != 0 && write_participants (store, id, plan, error), error))
    return 0;
  return id;
}

gboolean
hw_visits_update_series (HwStore           *store,
                         gint64             series_id,
                         const HwVisitPlan *plan,
                         GError           **error)
{
  g_autoptr(HwRecord) rec = NULL;
  g_autofree char *sql = NULL;
  char rrule[1024];
  gboolean own, ok;

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM visit_series WHERE id = ? AND case_id = ?",
                          G_TYPE_INT64, series_id, G_TYPE_INT64, plan->case_id, G_TYPE_INVALID) != 1)
    return hw_invalid (error, _("This visit plan does not exist."));
  if (!validate_plan (store, plan, rrule, sizeof rrule, error))
    return FALSE;

  rec = plan_to_record (plan, rrule);
  hw_record_set_id (rec, series_id);
  if (!hw_store_join_edit (store, N_("Change visit plan"), &own, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM visit_participants WHERE series_id = %" G_GINT64_FORMAT, series_id);
  ok = hw_store_update (store, NULL, rec, error)
       && hw_store_exec (store, sql, error)
       && write_participants (store, series_id, plan, error);
  return hw_store_leave_edit (store, own, ok, error);
}

gboolean
hw_visits_delete_series (HwStore  *store,
                         gint64    series_id,
                         GError  **error)
{
  g_autofree char *sql = NULL;
  gboolean own, ok;

  if (!hw_store_join_edit (store, N_("Delete visit plan"), &own, error))
    return FALSE;
  /* make-ups of this series' cancellations stay, without the link */
  sql = g_strdup_printf ("UPDATE visit_records SET makeup_for = NULL WHERE makeup_for IN "
                         "(SELECT id FROM visit_records WHERE series_id = %" G_GINT64_FORMAT ");"
                         "DELETE FROM visit_records WHERE series_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM visit_exceptions WHERE series_id = %" G_GINT64_FORMAT ";"
                         "DELETE FROM visit_participants WHERE series_id = %" G_GINT64_FORMAT ";",
                         series_id, series_id, series_id, series_id);
  ok = hw_store_exec (store, sql, error)
       && hw_store_delete (store, NULL, "visit_series", series_id, error);
  return hw_store_leave_edit (store, own, ok, error);
}

HwRecurrence *
hw_visits_get_recurrence (HwStore  *store,
                          gint64    series_id,
                          GError  **error)
{
  HwDbStmt *stmt;
  g_autoptr(HwRecurrence) r = NULL;

  stmt = prepare (store, "SELECT dtstart, tzid, rrule, duration_minutes FROM visit_series WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  hw_db_stmt_bind_int64 (stmt, 1, series_id);
  if (hw_db_stmt_step (stmt, NULL) != HW_DB_STEP_ROW)
    {
      hw_db_stmt_free (stmt);
      g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                           _("This visit plan does not exist."));
      return NULL;
    }
  r = hw_recurrence_new (column_str (stmt, 0), column_str (stmt, 1), column_str (stmt, 2),
                         (int) hw_db_stmt_column_int64 (stmt, 3), error);
  hw_db_stmt_free (stmt);
  if (r == NULL)
    return NULL;

  stmt = prepare (store, "SELECT original_start, new_start FROM visit_exceptions WHERE series_id = ?", error);
  if (stmt == NULL)
    return NULL;
  hw_db_stmt_bind_int64 (stmt, 1, series_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    hw_recurrence_set_exception (r, column_str (stmt, 0), column_str (stmt, 1), NULL);
  hw_db_stmt_free (stmt);
  return g_steal_pointer (&r);
}

gboolean
hw_visits_move_occurrence (HwStore     *store,
                           gint64       series_id,
                           const char  *key,
                           const char  *new_start,
                           GError     **error)
{
  return hw_visits_move_occurrence_at (store, series_id, key, NULL, new_start, error);
}

gboolean
hw_visits_move_occurrence_at (HwStore     *store,
                              gint64       series_id,
                              const char  *key,
                              const char  *shown_start,
                              const char  *new_start,
                              GError     **error)
{
  g_autoptr(HwRecurrence) r = NULL;
  g_autoptr(HwRecord) rec = NULL;
  char k[HW_LOCAL_TIME_LEN], moved[HW_LOCAL_TIME_LEN] = "";
  gint64 existing;
  gboolean own, ok;

  r = hw_visits_get_recurrence (store, series_id, error);
  if (r == NULL)
    return FALSE;
  if (!hw_recurrence_parse_local (key, k, error))
    return FALSE;
  if (new_start != NULL && *new_start != '\0'
      && !hw_recurrence_parse_local (new_start, moved, error))
    return FALSE;
  if (!hw_recurrence_add_exception (r, k, moved, error))
    return FALSE;

  existing = hw_store_query_int (store, 0,
                                 "SELECT id FROM visit_exceptions WHERE series_id = ? AND original_start = ?",
                                 G_TYPE_INT64, series_id, G_TYPE_STRING, k, G_TYPE_INVALID);

  /* where the visit is now: moved by an exception, off the calendar, or
   * where the plan puts it; someone else moved it since it was shown */
  if (shown_start != NULL)
    {
      g_autoptr(HwRecord) now = existing != 0 ? hw_store_get (store, "visit_exceptions", existing, NULL) : NULL;
      const char *current = now != NULL ? hw_record_get_string (now, "new_start") : k;
      char shown[HW_LOCAL_TIME_LEN] = "";

      if (*shown_start != '\0' && !hw_recurrence_parse_local (shown_start, shown, error))
        return FALSE;
      if (g_strcmp0 (current ? current : "", shown) != 0)
        {
          g_set_error_literal (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT,
                               current != NULL && *current != '\0'
                               ? _("Someone else moved this visit since you opened it. Nothing was changed: "
                                   "open the visit again to see when it is now.")
                               : _("Someone else took this visit off the calendar since you opened it. "
                                   "Nothing was changed."));
          return FALSE;
        }
    }
  rec = hw_record_new ("visit_exceptions");
  if (existing != 0)
    hw_record_set_id (rec, existing);
  hw_record_set_int (rec, "series_id", series_id);
  hw_record_set_string (rec, "original_start", k);
  hw_record_set_string (rec, "new_start", moved);

  if (!hw_store_join_edit (store, moved[0] ? N_("Move a visit") : N_("Take a visit off the calendar"), &own, error))
    return FALSE;
  ok = existing != 0 ? hw_store_update (store, NULL, rec, error)
                     : hw_store_insert (store, NULL, rec, error) != 0;
  return hw_store_leave_edit (store, own, ok, error);
}

/* Plans that change over time -------------------------------------------- */

/* "YYYY-MM-DD" only, a day that exists */
static gboolean
parse_day (const char  *text,
           GDate       *out,
           GError     **error)
{
  if (text == NULL || strlen (text) != 10 || hw_date_check (text, out) != HW_DATE_VALID)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, like 2026-12-10."),
                   text ? text : "");
      return FALSE;
    }
  return TRUE;
}

static void
day_add (const char *day,
         int         n,
         char        out[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (day + 8), atoi (day + 5), atoi (day));
  if (n > 0)
    g_date_add_days (&d, n);
  else
    g_date_subtract_days (&d, -n);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

/* "3 December 2026", "3 de diciembre de 2026": in the messages' language,
 * whatever the C library's locale says */
static char *
long_day (const char *day)
{
  return hw_language_format_iso (day, HW_DATE_LONG, FALSE);
}

/* A plan as stored, with the rule's visits before any exception. */
typedef struct {
  HwRecord     *row;
  GArray       *visitors;
  GArray       *children;
  HwRecurrence *bare;            /* the rule without exceptions */
  char          first_day[11];
  char          last_day[11];    /* "" while open-ended */
} OldPlan;

static void
old_plan_clear (OldPlan *p)
{
  g_clear_object (&p->row);
  g_clear_pointer (&p->visitors, g_array_unref);
  g_clear_pointer (&p->children, g_array_unref);
  g_clear_pointer (&p->bare, hw_recurrence_unref);
}

static gboolean
load_old_plan (HwStore  *store,
               gint64    series_id,
               OldPlan  *p,
               GError  **error)
{
  HwDbStmt *stmt;
  g_autoptr(GArray) occ = NULL;
  const char *rrule;
  gint64 limit;

  p->row = hw_store_get (store, "visit_series", series_id, NULL);
  if (p->row == NULL)
    return hw_invalid (error, _("This visit plan does not exist."));
  p->visitors = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->children = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = prepare (store,
                  "SELECT person_id, part FROM visit_participants WHERE series_id = ? ORDER BY id",
                  error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, series_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      gint64 pid = hw_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (strcmp (column_str (stmt, 1), "child") == 0 ? p->children : p->visitors,
                          pid);
    }
  hw_db_stmt_free (stmt);

  rrule = hw_record_get_string (p->row, "rrule");
  p->bare = hw_recurrence_new (hw_record_get_string (p->row, "dtstart"),
                               hw_record_get_string (p->row, "tzid"), rrule,
                               (int) hw_record_get_int (p->row, "duration_minutes"), error);
  if (p->bare == NULL)
    return FALSE;
  /* a rule that ends is followed to its end; an open one far enough to
   * find its first visit */
  limit = wall_of (hw_record_get_string (p->row, "dtstart")) + 800 * 86400;
  occ = hw_recurrence_expand_all (
      p->bare, hw_recurrence_rule_ends (rrule) ? G_MAXINT32 * G_GINT64_CONSTANT (4) : limit);
  if (occ->len == 0)
    return hw_invalid (error, _("This visit plan has no visits."));
  g_strlcpy (p->first_day, g_array_index (occ, HwOccurrence, 0).key, sizeof p->first_day);
  if (hw_recurrence_rule_ends (rrule))
    g_strlcpy (p->last_day, g_array_index (occ, HwOccurrence, occ->len - 1).key,
               sizeof p->last_day);
  else
    p->last_day[0] = '\0';
  return TRUE;
}

/* Changes begin today or later: what was planned before today is the
 * record of what happened. */
static gboolean
check_not_past (const char  *day,
                GError     **error)
{
  g_autofree char *today = hw_date_today_iso ();

  if (strcmp (day, today) < 0)
    return hw_invalid (error,
                    _("A change can start today or later. The visits before today are the record "
                       "of what happened and stay as they were; write in the reason when it "
                       "was decided."));
  return TRUE;
}

/* The first visit of @bare on or after @day ("" if none in two years). */
static void
first_key_from (HwRecurrence *bare,
                const char   *day,
                char          out[HW_LOCAL_TIME_LEN])
{
  g_autofree char *start = g_strconcat (day, "T00:00:00", NULL);
  gint64 from = wall_of (start) - 2 * 86400;
  g_autoptr(GArray) occ = hw_recurrence_expand (bare, from, from + 800 * 86400);

  out[0] = '\0';
  for (guint i = 0; i < occ->len; i++)
    if (strncmp (g_array_index (occ, HwOccurrence, i).key, day, 10) >= 0)
      {
        g_strlcpy (out, g_array_index (occ, HwOccurrence, i).key, HW_LOCAL_TIME_LEN);
        return;
      }
}

/* How many visits the rule gives before @day. */
static guint
keys_before (HwRecurrence *bare,
             const char   *day)
{
  g_autofree char *start = g_strconcat (day, "T00:00:00", NULL);
  g_autoptr(GArray) occ = hw_recurrence_expand_all (bare, wall_of (start) + 86400);
  guint n = 0;

  for (guint i = 0; i < occ->len; i++)
    if (strncmp (g_array_index (occ, HwOccurrence, i).key, day, 10) < 0)
      n++;
  return n;
}

/* Moves what is written down about the visits of @series_id from @day on
 * to @new_id where @new_rule has a visit at the same time; the rest of
 * those rows go: exceptions of visits that no longer exist, and
 * "scheduled" rows (a make-up not made is owed again). A visit with an
 * outcome that has nowhere to go refuses the whole change. */
static gboolean
hand_over_rows (HwStore      *store,
                gint64        series_id,
                const char   *day,
                HwRecurrence *new_rule,
                gint64        new_id,
                GError      **error)
{
  static const char *const tables[] = { "visit_exceptions", "visit_records" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql
          = g_strdup_printf ("SELECT * FROM %s WHERE series_id = ? AND substr(%s, 1, 10) >= ?"
                             " ORDER BY id",
                             tables[t], t == 0 ? "original_start" : "occurrence_start");
      g_autoptr(GPtrArray) rows = hw_store_select (store, tables[t], error, sql, G_TYPE_INT64,
                                                    series_id, G_TYPE_STRING, day, G_TYPE_INVALID);

      if (rows == NULL)
        return FALSE;
      for (guint i = 0; i < rows->len; i++)
        {
          HwRecord *row = g_ptr_array_index (rows, i);
          const char *key
              = hw_record_get_string (row, t == 0 ? "original_start" : "occurrence_start");
          gboolean keeps = new_rule != NULL && hw_recurrence_has_key (new_rule, key);

          if (keeps && new_id != series_id)
            {
              g_autoptr(HwRecord) moved = hw_record_new (tables[t]);

              hw_record_set_id (moved, hw_record_get_id (row));
              hw_record_set_int (moved, "series_id", new_id);
              if (!hw_store_update (store, NULL, moved, error))
                return FALSE;
            }
          else if (!keeps && t == 1
                   && strcmp (hw_record_get_string (row, "status"), "scheduled") != 0)
            {
              g_autofree char *when = long_day (key);

              g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                           _("The visit of %s %.5s already has what happened written down, and the "
                             "changed plan has no visit at that time. Choose a later date."),
                           when, key + 11);
              return FALSE;
            }
          else if (!keeps
                   && !hw_store_delete (store, NULL, tables[t], hw_record_get_id (row), error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Refuses a plan that puts one of its children in two visits at once
 * (the other plans' visits from @day on, for two years). */
static gboolean
check_no_double_visits (HwStore     *store,
                        gint64       case_id,
                        gint64       series_id,
                        const char  *day,
                        GError     **error)
{
  g_autofree char *start = g_strconcat (day, "T00:00:00", NULL);
  gint64 from = wall_of (start) - 86400;
  g_autoptr(GArray) visits = hw_visits_list (store, case_id, 0, from, from + 731 * 86400, error);

  if (visits == NULL)
    return FALSE;
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);

      if (v->series_id == series_id && (v->flags & HW_VISIT_FLAG_CHILD_CONFLICT))
        {
          g_autofree char *when = long_day (v->occ.local_start);

          g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                       _("A child would be in two visits at once on %s at %.5s: another plan has a "
                         "visit then. End or change the other plan first."),
                       when, v->occ.local_start + 11);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
set_change (HwStore    *store,
            gint64      series_id,
            gint64      follows_id,
            const char *day,
            const char *reason,
            GError    **error)
{
  g_autoptr(HwRecord) rec = hw_record_new ("visit_series");
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));

  hw_record_set_id (rec, series_id);
  if (follows_id != 0)
    hw_record_set_ref (rec, "follows_id", follows_id);
  hw_record_set_string (rec, "change_date", day);
  hw_record_set_string (rec, "change_reason", why);
  return hw_store_update (store, NULL, rec, error);
}

static gint64
change_plan (HwStore           *store,
             gint64             series_id,
             const char        *from_day,
             const HwVisitPlan *plan,
             const char        *reason,
             const char        *label,
             GError           **error)
{
  OldPlan old = { 0 };
  g_autoptr(HwRecurrence) new_rule = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  char start[HW_LOCAL_TIME_LEN], last[11];
  gboolean own, ok = FALSE, in_place;
  gint64 id = 0;

  if (!parse_day (from_day, NULL, error) || !check_not_past (from_day, error))
    return 0;
  if (!load_old_plan (store, series_id, &old, error))
    goto out;
  if (plan->case_id != hw_record_get_int (old.row, "case_id"))
    {
      hw_invalid (error, _("The changed plan must be for the same family."));
      goto out;
    }
  if (strcmp (from_day, old.first_day) < 0)
    {
      g_autofree char *when = long_day (old.first_day);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("This plan starts on %s. Choose a day on or after it."), when);
      goto out;
    }
  if (old.last_day[0] && strncmp (from_day, old.last_day, 10) > 0)
    {
      g_autofree char *when = long_day (old.last_day);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("This plan's last visit is on %s. Choose a day on or before it, or schedule "
                     "new visits."), when);
      goto out;
    }
  if (!hw_recurrence_parse_local (plan->dtstart, start, error))
    goto out;
  if (strncmp (start, from_day, 10) < 0)
    {
      g_autofree char *when = long_day (from_day);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("The first visit of the changed plan must be on or after %s."), when);
      goto out;
    }
  if (g_strcmp0 (plan->level, hw_record_get_string (old.row, "level")) != 0 && why[0] == '\0')
    {
      hw_invalid (error, _("Write why the supervision level changes: the level history is what a "
                        "court reads."));
      goto out;
    }
  new_rule
      = hw_recurrence_new (plan->dtstart, plan->tzid, plan->rrule, plan->duration_minutes, error);
  if (new_rule == NULL)
    goto out;

  /* no visit of the old plan before the date: nothing to keep, the plan
   * itself changes */
  in_place = strncmp (from_day, old.first_day, 10) == 0;
  day_add (from_day, -1, last);

  if (!hw_store_join_edit (store, label, &own, error))
    goto out;
  if (in_place)
    {
      HwVisitPlan same = *plan;

      same.uid = hw_record_get_string (old.row, "uid");
      ok = hw_visits_update_series (store, series_id, &same, error)
           && set_change (store, series_id, 0, from_day,
                          why[0] ? why : hw_record_get_string (old.row, "change_reason"), error)
           && hand_over_rows (store, series_id, from_day, new_rule, series_id, error);
      id = series_id;
    }
  else
    {
      g_autofree char *cut
          = hw_recurrence_limit_rule (hw_record_get_string (old.row, "rrule"), last, 0, error);
      g_autoptr(HwRecord) ended = hw_record_new ("visit_series");

      id = cut != NULL ? hw_visits_create_series (store, plan, error) : 0;
      if (id != 0)
        {
          hw_record_set_id (ended, series_id);
          hw_record_set_string (ended, "rrule", cut);
          ok = hw_store_update (store, NULL, ended, error)
               && set_change (store, id, series_id, from_day, why, error)
               && hand_over_rows (store, series_id, from_day, new_rule, id, error);
        }
    }
  ok = ok && check_no_double_visits (store, plan->case_id, id, from_day, error);
  if (!hw_store_leave_edit (store, own, ok, error))
    id = 0;

out:
  old_plan_clear (&old);
  return id;
}

gint64
hw_visits_schedule (HwStore           *store,
                    const HwVisitPlan *plan,
                    GError           **error)
{
  char day[11];
  gboolean own, ok;
  gint64 id;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (plan != NULL, 0);

  if (!hw_store_join_edit (store, N_("Schedule visits"), &own, error))
    return 0;
  id = hw_visits_create_series (store, plan, error);
  g_strlcpy (day, plan->dtstart ? plan->dtstart : "", sizeof day);
  ok = id != 0 && check_no_double_visits (store, plan->case_id, id, day, error);
  if (!hw_store_leave_edit (store, own, ok, error))
    return 0;
  return id;
}

gint64
hw_visits_change_plan (HwStore           *store,
                       gint64             series_id,
                       const char        *from_day,
                       const HwVisitPlan *plan,
                       const char        *reason,
                       GError           **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (plan != NULL, 0);

  return change_plan (store, series_id, from_day, plan, reason, N_("Change visit plan"), error);
}

gint64
hw_visits_step_level (HwStore      *store,
                      gint64        series_id,
                      const char   *from_day,
                      HwVisitStep   direction,
                      const char   *level,
                      const char   *reason,
                      GError      **error)
{
  OldPlan old = { 0 };
  HwVisitPlan plan = { 0 };
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *rrule = NULL;
  char first[HW_LOCAL_TIME_LEN];
  const char *was;
  int old_index, new_index, count;
  gint64 id = 0;

  g_return_val_if_fail (HW_IS_STORE (store), 0);

  if (!parse_day (from_day, NULL, error) || !load_old_plan (store, series_id, &old, error))
    goto out;
  was = hw_record_get_string (old.row, "level");
  old_index = hw_visit_level_index (was);
  new_index = hw_visit_level_index (level);
  if (new_index < 0)
    {
      hw_invalid (error, _("Choose a supervision level for the visits."));
      goto out;
    }
  if (new_index == old_index)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("The visits are already at the level “%s”. Choose another level."),
                   hw_visit_level_label (was));
      goto out;
    }
  if (direction == HW_VISIT_STEP_UP && new_index < old_index)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("A step up goes to a less supervised level than “%s”."),
                   hw_visit_level_label (was));
      goto out;
    }
  if (direction == HW_VISIT_STEP_DOWN && new_index > old_index)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("A step down goes to a more supervised level than “%s”."),
                   hw_visit_level_label (was));
      goto out;
    }
  if (why[0] == '\0')
    {
      hw_invalid (error, _("Write why the supervision level changes: the level history is what a "
                        "court reads."));
      goto out;
    }

  /* same rhythm from the first visit on or after the day */
  first_key_from (old.bare, from_day, first);
  if (first[0] == '\0' || (old.last_day[0] && strncmp (first, old.last_day, 10) > 0))
    {
      g_autofree char *when = long_day (old.last_day[0] ? old.last_day : from_day);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("This plan has no visit from that day on; its last visit is on %s."), when);
      goto out;
    }
  count = hw_recurrence_rule_count (hw_record_get_string (old.row, "rrule"));
  if (count > 0)
    count -= (int) keys_before (old.bare, from_day);
  rrule = hw_recurrence_limit_rule (hw_record_get_string (old.row, "rrule"), NULL, MAX (count, 0),
                                    error);
  if (rrule == NULL)
    goto out;

  plan.case_id = hw_record_get_int (old.row, "case_id");
  plan.title = hw_record_get_string (old.row, "title");
  plan.place = hw_record_get_string (old.row, "place");
  plan.dtstart = first;
  plan.tzid = hw_record_get_string (old.row, "tzid");
  plan.duration_minutes = (int) hw_record_get_int (old.row, "duration_minutes");
  plan.rrule = rrule;
  plan.level = hw_visit_levels ()[new_index];
  plan.supervisor_person_id = hw_record_get_int (old.row, "supervisor_person_id");
  plan.supervisor = hw_record_get_string (old.row, "supervisor");
  plan.transport_person_id = hw_record_get_int (old.row, "transport_person_id");
  plan.transport = hw_record_get_string (old.row, "transport");
  plan.notes = hw_record_get_string (old.row, "notes");
  plan.visitors = (const gint64 *) (gpointer) old.visitors->data;
  plan.n_visitors = old.visitors->len;
  plan.children = (const gint64 *) (gpointer) old.children->data;
  plan.n_children = old.children->len;

  id = change_plan (store, series_id, from_day, &plan, why,
                    direction == HW_VISIT_STEP_UP ? N_("Step up visits") : N_("Step down visits"),
                    error);
out:
  old_plan_clear (&old);
  return id;
}

gint64
hw_visits_change_from (HwStore                 *store,
                       gint64                   series_id,
                       const char              *from_day,
                       const HwVisitPlanChange *change,
                       const char              *reason,
                       GError                 **error)
{
  OldPlan old = { 0 };
  HwVisitPlan plan = { 0 };
  HwVisitRhythm rhythm;
  g_autofree char *rrule = NULL;
  g_autofree char *start = NULL;
  char first[11];
  const char *time;
  gint64 id = 0;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (change != NULL, 0);

  if (!parse_day (from_day, NULL, error) || !load_old_plan (store, series_id, &old, error)
      || !hw_visits_get_rhythm (store, series_id, from_day, &rhythm, error))
    goto out;
  if (change->rhythm != NULL)
    {
      /* the visits left and the last day stay the plan's, counted from
       * @from_day (a form may have read them for another day) */
      rhythm.repeat = change->rhythm->repeat;
      rhythm.weekdays = change->rhythm->weekdays;
    }
  if ((rhythm.repeat == 1 || rhythm.repeat == 2) && (rhythm.weekdays & 0x7f) == 0)
    {
      hw_invalid (error, _("Choose the days of the week of the visits."));
      goto out;
    }
  time = change->time != NULL && *change->time != '\0' ? change->time : rhythm.time;
  rrule = hw_visits_rhythm_to_rrule (&rhythm);
  /* the first day of the new rhythm; no clamping to today here: a past
   * day is refused by hw_visits_change_plan with its own words */
  g_strlcpy (first, from_day, sizeof first);
  if (rhythm.repeat == 1 || rhythm.repeat == 2)
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, atoi (first + 8), atoi (first + 5), atoi (first));
      while (!(rhythm.weekdays & (1u << (g_date_get_weekday (&d) - 1))))
        g_date_add_days (&d, 1);
      g_snprintf (first, sizeof first, "%04d-%02d-%02d", g_date_get_year (&d),
                  g_date_get_month (&d), g_date_get_day (&d));
    }
  start = g_strdup_printf ("%sT%s", first, time);

  plan.case_id = hw_record_get_int (old.row, "case_id");
  plan.title = hw_record_get_string (old.row, "title");
  plan.place = change->place != NULL ? change->place : hw_record_get_string (old.row, "place");
  plan.dtstart = start;
  plan.tzid = hw_record_get_string (old.row, "tzid");
  plan.duration_minutes = change->duration_minutes > 0
                              ? change->duration_minutes
                              : (int)hw_record_get_int (old.row, "duration_minutes");
  plan.rrule = rrule;
  plan.level = change->level != NULL ? change->level : hw_record_get_string (old.row, "level");
  plan.supervisor_person_id = change->set_supervisor
                                  ? change->supervisor_person_id
                                  : hw_record_get_int (old.row, "supervisor_person_id");
  plan.supervisor = change->set_supervisor ? (change->supervisor ? change->supervisor : "")
                                           : hw_record_get_string (old.row, "supervisor");
  plan.transport_person_id = hw_record_get_int (old.row, "transport_person_id");
  plan.transport = hw_record_get_string (old.row, "transport");
  plan.notes = hw_record_get_string (old.row, "notes");
  plan.visitors = (const gint64 *) (gpointer) old.visitors->data;
  plan.n_visitors = old.visitors->len;
  plan.children = (const gint64 *) (gpointer) old.children->data;
  plan.n_children = old.children->len;

  id = change_plan (store, series_id, from_day, &plan, reason, N_("Change visit plan"), error);
out:
  old_plan_clear (&old);
  return id;
}

gboolean
hw_visits_end_plan (HwStore     *store,
                    gint64       series_id,
                    const char  *last_day,
                    const char  *reason,
                    GError     **error)
{
  OldPlan old = { 0 };
  g_autofree char *cut = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  char after[11];
  gboolean own, ok = FALSE;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  if (!parse_day (last_day, NULL, error) || !check_not_past (last_day, error))
    return FALSE;
  if (!g_utf8_validate (why, -1, NULL))
    return hw_invalid (error, _("The reason is not valid text."));
  if (why[0] == '\0')
    return hw_invalid (error, _("Write why the visits end: the level history is what a court "
                             "reads."));
  if (!load_old_plan (store, series_id, &old, error))
    goto out;
  if (old.last_day[0] && strncmp (last_day, old.last_day, 10) >= 0)
    {
      g_autofree char *when = long_day (old.last_day);

      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("This plan already ends: its last visit is on %s."), when);
      goto out;
    }
  day_add (last_day, 1, after);

  if (!hw_store_join_edit (store, N_("End visit plan"), &own, error))
    goto out;
  /* the outcomes after the day are checked first: they refuse the end */
  ok = hand_over_rows (store, series_id, after, NULL, 0, error);
  if (ok && strncmp (last_day, old.first_day, 10) < 0)
    /* it ends before it begins: no visit is left */
    ok = hw_visits_delete_series (store, series_id, error);
  else if (ok)
    {
      g_autoptr(HwRecord) ended = hw_record_new ("visit_series");

      cut = hw_recurrence_limit_rule (hw_record_get_string (old.row, "rrule"), last_day, 0, error);
      hw_record_set_id (ended, series_id);
      if (cut != NULL)
        hw_record_set_string (ended, "rrule", cut);
      hw_record_set_string (ended, "ended_on", last_day);
      hw_record_set_string (ended, "end_reason", why);
      ok = cut != NULL && hw_store_update (store, NULL, ended, error);
    }
  ok = hw_store_leave_edit (store, own, ok, error);

out:
  old_plan_clear (&old);
  return ok;
}

void
hw_visits_default_first_day (const char *wanted,
                             guint       weekdays,
                             char        out[11])
{
  g_autofree char *today = hw_date_today_iso ();
  GDate d;

  g_strlcpy (out, today, 11);
  if (wanted != NULL && strlen (wanted) >= 10 && hw_date_check (wanted, NULL) == HW_DATE_VALID
      && strncmp (wanted, today, 10) > 0)
    g_strlcpy (out, wanted, 11);
  if ((weekdays & 0x7f) == 0)
    return;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, atoi (out + 8), atoi (out + 5), atoi (out));
  /* GDateWeekday: 1 = Monday */
  while (!(weekdays & (1u << (g_date_get_weekday (&d) - 1))))
    g_date_add_days (&d, 1);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

gboolean
hw_visits_get_rhythm (HwStore        *store,
                      gint64          series_id,
                      const char     *from_day,
                      HwVisitRhythm  *out,
                      GError        **error)
{
  OldPlan old = { 0 };
  const char *rrule;
  const char *dtstart;
  int freq, interval, count;
  gboolean ok = FALSE;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  memset (out, 0, sizeof *out);
  if (!parse_day (from_day, NULL, error) || !load_old_plan (store, series_id, &old, error))
    goto done;
  rrule = hw_record_get_string (old.row, "rrule");
  dtstart = hw_record_get_string (old.row, "dtstart");
  hw_recurrence_rule_info (rrule, &freq, &interval, &out->weekdays, &count, out->until_day);
  out->repeat = freq == 0 ? 0 : freq == 3 ? 3 : interval == 2 ? 2 : 1;
  if (out->repeat == 1 || out->repeat == 2)
    {
      if (out->weekdays == 0)
        {
          GDate d;

          g_date_clear (&d, 1);
          g_date_set_dmy (&d, atoi (dtstart + 8), atoi (dtstart + 5), atoi (dtstart));
          out->weekdays = 1u << (g_date_get_weekday (&d) - 1);
        }
    }
  else
    out->weekdays = 0;
  if (count > 0)
    out->count_left = MAX (count - (int) keys_before (old.bare, from_day), 0);
  g_strlcpy (out->time, dtstart + 11, sizeof out->time);
  out->duration_minutes = (int) hw_record_get_int (old.row, "duration_minutes");
  ok = TRUE;
done:
  old_plan_clear (&old);
  return ok;
}

char *
hw_visits_rhythm_to_rrule (const HwVisitRhythm *r)
{
  static const char *const codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  GString *rule;

  if (r->repeat <= 0 || r->repeat > 3)
    return g_strdup ("");
  rule = g_string_new (r->repeat == 3 ? "FREQ=MONTHLY" : "FREQ=WEEKLY");
  if (r->repeat == 2)
    g_string_append (rule, ";INTERVAL=2");
  if (r->repeat != 3 && (r->weekdays & 0x7f) != 0)
    {
      g_string_append (rule, ";BYDAY=");
      for (guint d = 0, n = 0; d < 7; d++)
        if (r->weekdays & (1u << d))
          g_string_append_printf (rule, "%s%s", n++ ? "," : "", codes[d]);
    }
  if (r->count_left > 0)
    g_string_append_printf (rule, ";COUNT=%d", r->count_left);
  else if (r->until_day[0])
    g_string_append_printf (rule, ";UNTIL=%.4s%.2s%.2sT235959", r->until_day, r->until_day + 5,
                            r->until_day + 8);
  return g_string_free (rule, FALSE);
}

static void
plan_summary_clear (gpointer data)
{
  HwVisitPlanSummary *p = data;

  g_free (p->title);
  g_free (p->level);
  g_free (p->place);
  g_free (p->when);
  g_free (p->change_reason);
  g_free (p->end_reason);
  g_free (p->supervisor);
}

GArray *
hw_visits_list_plans (HwStore  *store,
                      gint64    case_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GArray *out;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  rows = hw_store_select (
      store, "visit_series", error,
      "SELECT s.*, (SELECT count(*) FROM visit_records r WHERE r.series_id = s.id"
      " AND r.makeup_for IS NOT NULL) AS makeups"
      " FROM visit_series s WHERE case_id = ? ORDER BY dtstart DESC, id DESC",
      G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  out = g_array_new (FALSE, TRUE, sizeof (HwVisitPlanSummary));
  g_array_set_clear_func (out, plan_summary_clear);
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      HwVisitPlanSummary p = { 0 };
      OldPlan old = { 0 };
      g_autofree char *describe = NULL;
      int minutes = (int) hw_record_get_int (row, "duration_minutes");

      if (!load_old_plan (store, hw_record_get_id (row), &old, NULL))
        {
          old_plan_clear (&old);
          continue;
        }
      describe = hw_recurrence_describe (old.bare);
      p.id = hw_record_get_id (row);
      p.title = g_strdup (hw_record_get_string (row, "title"));
      p.level = g_strdup (hw_record_get_string (row, "level"));
      p.place = g_strdup (hw_record_get_string (row, "place"));
      {
        g_autofree char *duration = hw_language_format_duration (minutes);
        g_autofree char *time = g_strndup (hw_record_get_string (row, "dtstart") + 11, 5);
        g_autoptr(GString) when = NULL;

        /* Translators: a plan's rhythm, "Every week on Tuesday, 16:00, 2
         * hours"; keep the words in braces. */
        when = g_string_new (_("{rhythm}, {time}, {duration}"));
        g_string_replace (when, "{rhythm}", describe, 0);
        g_string_replace (when, "{time}", time, 0);
        g_string_replace (when, "{duration}", duration, 0);
        p.when = g_string_free (g_steal_pointer (&when), FALSE);
      }
      g_strlcpy (p.first_day, old.first_day, sizeof p.first_day);
      g_strlcpy (p.last_day, old.last_day, sizeof p.last_day);
      g_strlcpy (p.change_date, hw_record_get_string (row, "change_date"), sizeof p.change_date);
      p.change_reason = g_strdup (hw_record_get_string (row, "change_reason"));
      g_strlcpy (p.ended_on, hw_record_get_string (row, "ended_on"), sizeof p.ended_on);
      p.end_reason = g_strdup (hw_record_get_string (row, "end_reason"));
      p.follows_id = hw_record_get_int (row, "follows_id");
      p.supervisor_person_id = hw_record_get_int (row, "supervisor_person_id");
      p.supervisor = g_strdup (hw_record_get_string (row, "supervisor"));
      p.makeup = hw_record_get_int (row, "makeups") > 0;
      g_array_append_val (out, p);
      old_plan_clear (&old);
    }
  return out;
}

/* Outcomes ---------------------------------------------------------------- */

/* "HH:MM" (on @day) or a full local time -> canonical local time */
static gboolean
parse_clock (const char  *text,
             const char  *day,
             char         out[HW_LOCAL_TIME_LEN],
             GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      out[0] = '\0';
      return TRUE;
    }
  if (strlen (text) <= 5)
    {
      g_autofree char *full = g_strdup_printf ("%.10sT%s%s", day, strlen (text) == 4 ? "0" : "", text);

      if (hw_recurrence_parse_local (full, out, NULL))
        return TRUE;
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("“%s” is not a time. Write it as 16:30."), text);
      return FALSE;
    }
  return hw_recurrence_parse_local (text, out, error);
}

/* @version: -1 no check; 0 nothing recorded when read; else the
 * record's version read */
static gint64
record_outcome (HwStore              *store,
                gint64                series_id,
                const char           *key,
                gint64                version,
                const HwVisitOutcome *outcome,
                GError              **error)
{
  g_autoptr(HwRecurrence) r = NULL;
  g_autoptr(HwRecord) rec = NULL;
  const char *exception;
  char k[HW_LOCAL_TIME_LEN], arrival[HW_LOCAL_TIME_LEN], departure[HW_LOCAL_TIME_LEN];
  const char *day;
  gint64 existing, id = 0;
  gboolean own, ok;

  g_return_val_if_fail (outcome != NULL, 0);

  r = hw_visits_get_recurrence (store, series_id, error);
  if (r == NULL)
    return 0;
  if (!hw_recurrence_parse_local (key, k, error))
    return 0;
  if (!hw_recurrence_has_key (r, k))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("There is no visit of this plan on %s."), k);
      return 0;
    }
  exception = hw_recurrence_lookup_exception (r, k);
  if (exception != NULL && *exception == '\0')
    {
      hw_invalid (error, _("This visit was taken off the calendar."));
      return 0;
    }
  day = exception != NULL ? exception : k;

  if (index_of (statuses, outcome->status) < 0)
    {
      hw_invalid (error, _("Choose what happened at the visit."));
      return 0;
    }
  if (outcome->recommendation != NULL && *outcome->recommendation != '\0'
      && hw_visit_level_index (outcome->recommendation) < 0)
    {
      hw_invalid (error, _("The recommendation must be one of the supervision levels."));
      return 0;
    }
  if (!parse_clock (outcome->arrival, day, arrival, error)
      || !parse_clock (outcome->departure, day, departure, error))
    return 0;
  if ((arrival[0] || departure[0]) && strcmp (outcome->status, "happened") != 0)
    {
      hw_invalid (error, _("Arrival and departure times are only kept for visits that happened."));
      return 0;
    }
  if (arrival[0] && departure[0] && strcmp (departure, arrival) < 0)
    {
      hw_invalid (error, _("The departure time is before the arrival time."));
      return 0;
    }

  rec = hw_record_new ("visit_records");
  hw_record_set_int (rec, "series_id", series_id);
  hw_record_set_string (rec, "occurrence_start", k);
  hw_record_set_string (rec, "status", outcome->status);
  hw_record_set_string (rec, "arrival", arrival);
  hw_record_set_string (rec, "departure", departure);
  hw_record_set_string (rec, "observations", outcome->observations ? outcome->observations : "");
  hw_record_set_string (rec, "recommendation", outcome->recommendation ? outcome->recommendation : "");

  if (!hw_store_join_edit (store,
                           hw_visit_status_is_cancelled (outcome->status) ? N_("Cancel a visit") : N_("Record a visit"),
                           &own, error))
    return 0;
  /* read inside the edit: what is recorded now is what the write replaces */
  existing = hw_store_query_int (store, 0,
                                 "SELECT id FROM visit_records WHERE series_id = ? AND occurrence_start = ?",
                                 G_TYPE_INT64, series_id, G_TYPE_STRING, k, G_TYPE_INVALID);
  if (existing != 0 && version == 0)
    {
      /* nothing was recorded when it was read: someone else has since */
      hw_store_set_conflict (error, FALSE);
      ok = FALSE;
    }
  else if (existing != 0)
    {
      hw_record_set_id (rec, existing);
      /* over the version read only (none: -1, whatever is there) */
      hw_record_set_version (rec, version);
      ok = hw_store_update (store, NULL, rec, error);
      id = existing;
    }
  else
    {
      /* read with a record that has gone since: inserting again is what
       * the caller means (their record was taken back or deleted) */
      id = hw_store_insert (store, NULL, rec, error);
      ok = id != 0;
    }
  if (!hw_store_leave_edit (store, own, ok, error))
    return 0;
  return id;
}

HwRecord *
hw_visits_get_outcome (HwStore     *store,
                       gint64       series_id,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  char k[HW_LOCAL_TIME_LEN];

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!hw_recurrence_parse_local (key, k, error))
    return NULL;
  rows = hw_store_select (store, "visit_records", error,
                          "SELECT r.*, CASE WHEN EXISTS (SELECT 1 FROM visit_records m"
                          "  WHERE m.makeup_for = r.id) THEN 1 ELSE 0 END AS makeup_given"
                          " FROM visit_records r WHERE r.series_id = ? AND r.occurrence_start = ?",
                          G_TYPE_INT64, series_id, G_TYPE_STRING, k, G_TYPE_INVALID);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

gint64
hw_visits_record_outcome (HwStore              *store,
                          gint64                series_id,
                          const char           *key,
                          const HwVisitOutcome *outcome,
                          GError              **error)
{
  return record_outcome (store, series_id, key, -1, outcome, error);
}

gint64
hw_visits_record_outcome_at (HwStore              *store,
                             gint64                series_id,
                             const char           *key,
                             gint64                version,
                             const HwVisitOutcome *outcome,
                             GError              **error)
{
  return record_outcome (store, series_id, key, MAX (version, 0), outcome, error);
}

gint64
hw_visits_schedule_makeup (HwStore     *store,
                           gint64       record_id,
                           const char  *local_start,
                           GError     **error)
{
  return hw_visits_schedule_makeup_at (store, record_id, 0, local_start, error);
}

gint64
hw_visits_schedule_makeup_at (HwStore     *store,
                              gint64       record_id,
                              gint64       version,
                              const char  *local_start,
                              GError     **error)
{
  g_autoptr(HwRecord) cancelled = NULL;
  g_autoptr(HwRecord) touch = NULL;
  g_autoptr(HwRecord) series = NULL;
  g_autoptr(HwRecord) makeup = NULL;
  g_autoptr(GArray) visitors = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (gint64));
  char start[HW_LOCAL_TIME_LEN];
  HwVisitPlan plan = { 0 };
  HwDbStmt *stmt;
  gint64 series_id, id = 0;
  gboolean own, ok = FALSE;

  cancelled = hw_store_get (store, "visit_records", record_id, error);
  if (cancelled == NULL)
    return 0;
  /* someone else changed the outcome, or scheduled a make-up (which
   * moves the cancelled visit's version on, below), since it was shown */
  if (version > 0 && hw_record_get_version (cancelled) != version)
    {
      hw_store_set_conflict (error, FALSE);
      return 0;
    }
  if (!hw_visit_status_owes_makeup (hw_record_get_string (cancelled, "status")))
    {
      hw_invalid (error, _("A make-up visit is owed only when the caregiver, the agency or a provider cancels."));
      return 0;
    }
  if (hw_store_query_int (store, 0, "SELECT count(*) FROM visit_records WHERE makeup_for = ?",
                          G_TYPE_INT64, record_id, G_TYPE_INVALID) > 0)
    {
      hw_invalid (error, _("A make-up visit is already scheduled for this one."));
      return 0;
    }
  if (!hw_recurrence_parse_local (local_start, start, error))
    return 0;

  series = hw_store_get (store, "visit_series", hw_record_get_int (cancelled, "series_id"), error);
  if (series == NULL)
    return 0;

  stmt = prepare (store, "SELECT person_id, part FROM visit_participants WHERE series_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return 0;
  hw_db_stmt_bind_int64 (stmt, 1, hw_record_get_id (series));
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      gint64 pid = hw_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (strcmp (column_str (stmt, 1), "child") == 0 ? children : visitors, pid);
    }
  hw_db_stmt_free (stmt);

  plan.case_id = hw_record_get_int (series, "case_id");
  plan.title = hw_record_get_string (series, "title");
  plan.place = hw_record_get_string (series, "place");
  plan.dtstart = start;
  plan.tzid = hw_record_get_string (series, "tzid");
  plan.duration_minutes = hw_record_get_int (series, "duration_minutes");
  plan.rrule = "";
  plan.level = hw_record_get_string (series, "level");
  plan.supervisor_person_id = hw_record_get_int (series, "supervisor_person_id");
  plan.supervisor = hw_record_get_string (series, "supervisor");
  plan.transport_person_id = hw_record_get_int (series, "transport_person_id");
  plan.transport = hw_record_get_string (series, "transport");
  plan.notes = hw_record_get_string (series, "notes");
  plan.visitors = (const gint64 *) (gpointer) visitors->data;
  plan.n_visitors = visitors->len;
  plan.children = (const gint64 *) (gpointer) children->data;
  plan.n_children = children->len;

  if (!hw_store_join_edit (store, N_("Schedule a make-up visit"), &own, error))
    return 0;
  /* The cancelled visit's version moves on, saved over the version shown
   * (or read above): of two people scheduling a make-up for it at once,
   * the second is refused (on a server too, where both may have read "no
   * make-up yet" before either wrote) and no second make-up is made. */
  touch = hw_record_new ("visit_records");
  hw_record_set_id (touch, record_id);
  hw_record_set_string (touch, "status", hw_record_get_string (cancelled, "status"));
  hw_record_set_version (touch, hw_record_get_version (cancelled));
  series_id = hw_store_update (store, NULL, touch, error)
              ? hw_visits_create_series (store, &plan, error) : 0;
  if (series_id != 0)
    {
      makeup = hw_record_new ("visit_records");
      hw_record_set_int (makeup, "series_id", series_id);
      hw_record_set_string (makeup, "occurrence_start", start);
      hw_record_set_string (makeup, "status", "scheduled");
      hw_record_set_ref (makeup, "makeup_for", record_id);
      id = hw_store_insert (store, NULL, makeup, error);
      ok = id != 0;
    }
  if (!hw_store_leave_edit (store, own, ok, error))
    return 0;
  return series_id;
}

/* Reading ------------------------------------------------------------------ */

typedef struct {
  gint64 id;
  char *title, *place, *level, *supervisor, *transport, *who;
  gint64 supervisor_person_id, transport_person_id;
  GArray *children, *visitors;
  HwRecurrence *rec;
  gboolean trial;
  gboolean makeup;
} Series;

static void
series_clear (gpointer data)
{
  Series *s = data;

  g_free (s->title);
  g_free (s->place);
  g_free (s->level);
  g_free (s->supervisor);
  g_free (s->transport);
  g_free (s->who);
  g_clear_pointer (&s->children, g_array_unref);
  g_clear_pointer (&s->visitors, g_array_unref);
  g_clear_pointer (&s->rec, hw_recurrence_unref);
}

typedef struct {
  gint64 id;
  gint64 version;
  char *status, *arrival, *departure, *observations, *recommendation;
} Record;

static void
record_free (gpointer data)
{
  Record *r = data;

  g_free (r->status);
  g_free (r->arrival);
  g_free (r->departure);
  g_free (r->observations);
  g_free (r->recommendation);
  g_free (r);
}

static void
visit_clear (gpointer data)
{
  HwVisit *v = data;

  g_free (v->title);
  g_free (v->place);
  g_free (v->level);
  g_free (v->status);
  g_free (v->arrival);
  g_free (v->departure);
  g_free (v->observations);
  g_free (v->recommendation);
  g_free (v->supervisor);
  g_free (v->transport);
  g_free (v->who);
  g_clear_pointer (&v->children, g_array_unref);
  g_clear_pointer (&v->visitors, g_array_unref);
}

typedef struct {
  GArray *series;             /* Series */
  GHashTable *records;        /* "series_id|key" -> Record */
  GHashTable *makeup_targets; /* record ids that have a make-up */
  gint64 trial_limit_wall;    /* G_MAXINT64 if no trial home visit */
} Loaded;

static void
loaded_clear (Loaded *l)
{
  g_clear_pointer (&l->series, g_array_unref);
  g_clear_pointer (&l->records, g_hash_table_unref);
  g_clear_pointer (&l->makeup_targets, g_hash_table_unref);
}

void
hw_visits_trial_limit (const char *first_day,
                       char        out[11])
{
  GDate d;

  if (!hw_date_parse_day (first_day, &d))
    {
      out[0] = '\0';
      return;
    }
  g_date_add_months (&d, 6);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
}

static gboolean
load_case (HwStore  *store,
           gint64    case_id,
           gint64    from_utc,
           gint64    to_utc,
           Loaded   *l,
           GError  **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  HwDbStmt *stmt;
  char first_trial[HW_LOCAL_TIME_LEN] = "";

  l->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (l->series, series_clear);
  l->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, record_free);
  l->makeup_targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  l->trial_limit_wall = G_MAXINT64;

  stmt = prepare (store,
                  "SELECT s.id, s.title, s.place, s.dtstart, s.tzid, s.duration_minutes, s.rrule, s.level,"
                  " s.supervisor_person_id, coalesce(sp.name, s.supervisor),"
                  " s.transport_person_id, coalesce(tp.name, s.transport),"
                  " (SELECT count(*) FROM visit_records r WHERE r.series_id = s.id AND r.makeup_for IS NOT NULL)"
                  " FROM visit_series s"
                  " LEFT JOIN people sp ON sp.id = s.supervisor_person_id"
                  " LEFT JOIN people tp ON tp.id = s.transport_person_id"
                  " WHERE s.case_id = ? ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, case_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      Series s = { 0 };
      g_autoptr(GError) local_error = NULL;

      s.rec = hw_recurrence_new (column_str (stmt, 3), column_str (stmt, 4), column_str (stmt, 6),
                                 (int) hw_db_stmt_column_int64 (stmt, 5), &local_error);
      if (s.rec == NULL)
        {
          /* stored rows were validated; a bad one must not hide the rest */
          g_warning ("Visit plan %" G_GINT64_FORMAT " skipped: %s",
                     (gint64) hw_db_stmt_column_int64 (stmt, 0), local_error->message);
          continue;
        }
      s.id = hw_db_stmt_column_int64 (stmt, 0);
      s.title = column_dup (stmt, 1);
      s.place = column_dup (stmt, 2);
      s.level = column_dup (stmt, 7);
      s.supervisor_person_id = hw_db_stmt_column_int64 (stmt, 8);
      s.supervisor = column_dup (stmt, 9);
      s.transport_person_id = hw_db_stmt_column_int64 (stmt, 10);
      s.transport = column_dup (stmt, 11);
      s.makeup = (int) hw_db_stmt_column_int64 (stmt, 12) > 0;
      s.children = g_array_new (FALSE, FALSE, sizeof (gint64));
      s.visitors = g_array_new (FALSE, FALSE, sizeof (gint64));
      s.trial = strcmp (s.level, "trial-home-visit") == 0;
      if (s.trial && (first_trial[0] == '\0' || strcmp (column_str (stmt, 3), first_trial) < 0))
        g_strlcpy (first_trial, column_str (stmt, 3), sizeof first_trial);
      g_array_append_val (l->series, s);
    }
  hw_db_stmt_free (stmt);

  for (guint i = 0; i < l->series->len; i++)
    {
      Series *s = &g_array_index (l->series, Series, i);
      g_hash_table_insert (by_id, &s->id, s);
    }

  if (first_trial[0])
    {
      char limit[11];
      g_autofree char *lt = NULL;

      hw_visits_trial_limit (first_trial, limit);
      if (limit[0] != '\0')
        {
          lt = g_strconcat (limit, "T00:00:00", NULL);
          l->trial_limit_wall = wall_of (lt);
        }
    }

  stmt = prepare (store,
                  "SELECT vp.series_id, vp.person_id, vp.part, p.name FROM visit_participants vp"
                  " JOIN visit_series s ON s.id = vp.series_id JOIN people p ON p.id = vp.person_id"
                  " WHERE s.case_id = ? ORDER BY vp.part DESC, vp.id", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, case_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      gint64 sid = hw_db_stmt_column_int64 (stmt, 0);
      gint64 pid = hw_db_stmt_column_int64 (stmt, 1);
      Series *s = g_hash_table_lookup (by_id, &sid);
      g_autofree char *who = NULL;

      if (s == NULL)
        continue;
      g_array_append_val (strcmp (column_str (stmt, 2), "child") == 0 ? s->children : s->visitors, pid);
      who = s->who ? g_strdup_printf ("%s, %s", s->who, column_str (stmt, 3)) : column_dup (stmt, 3);
      g_free (s->who);
      s->who = g_steal_pointer (&who);
    }
  hw_db_stmt_free (stmt);

  stmt = prepare (store,
                  "SELECT e.series_id, e.original_start, e.new_start FROM visit_exceptions e"
                  " JOIN visit_series s ON s.id = e.series_id WHERE s.case_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, case_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      gint64 sid = hw_db_stmt_column_int64 (stmt, 0);
      Series *s = g_hash_table_lookup (by_id, &sid);

      if (s != NULL)
        hw_recurrence_set_exception (s->rec, column_str (stmt, 1), column_str (stmt, 2), NULL);
    }
  hw_db_stmt_free (stmt);

  /* make-ups already given, wherever the cancelled visit is */
  stmt = prepare (store,
                  "SELECT r.makeup_for FROM visit_records r JOIN visit_series s ON s.id = r.series_id"
                  " WHERE s.case_id = ? AND r.makeup_for IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  hw_db_stmt_bind_int64 (stmt, 1, case_id);
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    g_hash_table_add (l->makeup_targets, g_memdup2 (&(gint64) { hw_db_stmt_column_int64 (stmt, 0) }, sizeof (gint64)));
  hw_db_stmt_free (stmt);

  /* outcomes of the range only (keys are local times: two days of slack
   * cover every zone), and of visits moved into it */
  {
    g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (MAX (from_utc, -2208988800) - 2 * 86400);
    g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (MIN (to_utc, G_GINT64_CONSTANT (7258118400)) + 2 * 86400);
    g_autofree char *lo = g_date_time_format (a, "%Y-%m-%dT%H:%M:%S");
    g_autofree char *hi = g_date_time_format (b, "%Y-%m-%dT%H:%M:%S");

    stmt = prepare (store,
                    "SELECT r.id, r.series_id, r.occurrence_start, r.status, r.arrival, r.departure,"
                    " r.observations, r.recommendation, r.version FROM visit_records r"
                    " JOIN visit_series s ON s.id = r.series_id WHERE s.case_id = ?1"
                    " AND (r.occurrence_start BETWEEN ?2 AND ?3"
                    "  OR EXISTS (SELECT 1 FROM visit_exceptions e WHERE e.series_id = r.series_id"
                    "   AND e.original_start = r.occurrence_start AND e.new_start BETWEEN ?2 AND ?3))", error);
    if (stmt == NULL)
      return FALSE;
    hw_db_stmt_bind_int64 (stmt, 1, case_id);
    hw_db_stmt_bind_text (stmt, 2, lo);
    hw_db_stmt_bind_text (stmt, 3, hi);
  }
  while (hw_db_stmt_step (stmt, NULL) == HW_DB_STEP_ROW)
    {
      Record *r = g_new0 (Record, 1);

      r->id = hw_db_stmt_column_int64 (stmt, 0);
      r->status = column_dup (stmt, 3);
      r->arrival = column_dup (stmt, 4);
      r->departure = column_dup (stmt, 5);
      r->observations = column_dup (stmt, 6);
      r->recommendation = column_dup (stmt, 7);
      r->version = hw_db_stmt_column_int64 (stmt, 8);
      g_hash_table_insert (l->records,
                           g_strdup_printf ("%" G_GINT64_FORMAT "|%s",
                                            (gint64) hw_db_stmt_column_int64 (stmt, 1), column_str (stmt, 2)),
                           r);
    }
  hw_db_stmt_free (stmt);
  return TRUE;
}

static int
compare_visits (gconstpointer a, gconstpointer b)
{
  const HwVisit *va = a, *vb = b;

  if (va->occ.start_utc != vb->occ.start_utc)
    return va->occ.start_utc < vb->occ.start_utc ? -1 : 1;
  if (va->series_id != vb->series_id)
    return va->series_id < vb->series_id ? -1 : 1;
  return 0;
}

static gboolean
shares_child (const HwVisit *a, const HwVisit *b)
{
  for (guint i = 0; i < a->children->len; i++)
    for (guint j = 0; j < b->children->len; j++)
      if (g_array_index (a->children, gint64, i) == g_array_index (b->children, gint64, j))
        return TRUE;
  return FALSE;
}

static gboolean
involves (const HwVisit *v, gint64 person_id)
{
  if (v->supervisor_person_id == person_id || v->transport_person_id == person_id)
    return TRUE;
  for (guint i = 0; i < v->children->len; i++)
    if (g_array_index (v->children, gint64, i) == person_id)
      return TRUE;
  for (guint i = 0; i < v->visitors->len; i++)
    if (g_array_index (v->visitors, gint64, i) == person_id)
      return TRUE;
  return FALSE;
}

static gboolean
parse_school_hours (const char *text, int *from_min, int *to_min)
{
  int h1, m1, h2, m2;

  if (text == NULL || sscanf (text, "%d:%d-%d:%d", &h1, &m1, &h2, &m2) != 4)
    return FALSE;
  if (h1 < 0 || h1 > 23 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59)
    return FALSE;
  *from_min = h1 * 60 + m1;
  *to_min = h2 * 60 + m2;
  return *to_min > *from_min;
}

gboolean
hw_visits_set_school_hours (HwStore     *store,
                            const char  *hours,
                            GError     **error)
{
  int a, b;

  if (hours != NULL && *hours != '\0' && !parse_school_hours (hours, &a, &b))
    return hw_invalid (error, _("Write school hours as 08:00-15:00."));
  return hw_store_set_setting (store, SCHOOL_HOURS_KEY, hours ? hours : "", error);
}

static gboolean
over_school_hours (const HwVisit *v, int from_min, int to_min)
{
  gint64 start = wall_of (v->occ.local_start);
  gint64 end = start + (v->occ.end_utc - v->occ.start_utc);
  gint64 day = start - ((start % 86400) + 86400) % 86400;

  for (; day < end; day += 86400)
    {
      /* 1970-01-01 was a Thursday: 0 = Thursday */
      int weekday = (int) (((day / 86400) % 7 + 7 + 3) % 7);   /* 0 = Monday */
      gint64 s = day + from_min * 60, e = day + to_min * 60;

      if (weekday < 5 && start < e && end > s)
        return TRUE;
    }
  return FALSE;
}

GArray *
hw_visits_list (HwStore  *store,
                gint64    case_id,
                gint64    person_id,
                gint64    from_utc,
                gint64    to_utc,
                GError  **error)
{
  Loaded l = { 0 };
  GArray *out;
  g_autofree char *school = NULL;
  int school_from = 0, school_to = 0;
  gboolean check_school;

  if (!load_case (store, case_id, from_utc - 8 * 86400, to_utc + 8 * 86400, &l, error))
    {
      loaded_clear (&l);
      return NULL;
    }

  school = hw_store_get_setting (store, SCHOOL_HOURS_KEY);
  check_school = parse_school_hours (school, &school_from, &school_to);

  out = g_array_new (FALSE, TRUE, sizeof (HwVisit));
  g_array_set_clear_func (out, visit_clear);

  for (guint i = 0; i < l.series->len; i++)
    {
      Series *s = &g_array_index (l.series, Series, i);
      /* conflicts are found against visits a little outside the range too */
      g_autoptr(GArray) occ = hw_recurrence_expand (s->rec, from_utc - 8 * 86400, to_utc + 8 * 86400);

      for (guint j = 0; j < occ->len; j++)
        {
          HwOccurrence *o = &g_array_index (occ, HwOccurrence, j);
          HwVisit v = { 0 };
          Record *r;
          char key[64];

          g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT "|%s", s->id, o->key);
          r = g_hash_table_lookup (l.records, key);

          v.series_id = s->id;
          v.occ = *o;
          v.title = g_strdup (s->title);
          v.place = g_strdup (s->place);
          v.level = g_strdup (s->level);
          v.supervisor = g_strdup (s->supervisor);
          v.transport = g_strdup (s->transport);
          v.who = g_strdup (s->who ? s->who : "");
          v.supervisor_person_id = s->supervisor_person_id;
          v.transport_person_id = s->transport_person_id;
          v.children = g_array_ref (s->children);
          v.visitors = g_array_ref (s->visitors);
          v.record_id = r ? r->id : 0;
          v.record_version = r ? r->version : 0;
          v.status = g_strdup (r ? r->status : "scheduled");
          v.arrival = g_strdup (r ? r->arrival : "");
          v.departure = g_strdup (r ? r->departure : "");
          v.observations = g_strdup (r ? r->observations : "");
          v.recommendation = g_strdup (r ? r->recommendation : "");
          if (s->makeup)
            v.flags |= HW_VISIT_FLAG_MAKEUP;
          if (s->trial && wall_of (o->local_start) >= l.trial_limit_wall)
            v.flags |= HW_VISIT_FLAG_TRIAL_OVERDUE;
          if (r && hw_visit_status_owes_makeup (r->status)
              && !g_hash_table_contains (l.makeup_targets, &r->id))
            v.flags |= HW_VISIT_FLAG_MAKEUP_OWED;
          if (check_school && v.children->len > 0 && !hw_visit_status_is_cancelled (v.status)
              && over_school_hours (&v, school_from, school_to))
            v.flags |= HW_VISIT_FLAG_SCHOOL_HOURS;
          g_array_append_val (out, v);
        }
    }

  loaded_clear (&l);
  g_array_sort (out, compare_visits);

  /* a child cannot be in two places: flag overlapping visits that share
   * a child (cancelled ones do not count) */
  for (guint i = 0; i < out->len; i++)
    {
      HwVisit *a = &g_array_index (out, HwVisit, i);

      if (hw_visit_status_is_cancelled (a->status) || a->children->len == 0)
        continue;
      for (guint j = i + 1; j < out->len; j++)
        {
          HwVisit *b = &g_array_index (out, HwVisit, j);

          if (b->occ.start_utc >= a->occ.end_utc)
            break;
          if (!hw_visit_status_is_cancelled (b->status) && shares_child (a, b))
            {
              a->flags |= HW_VISIT_FLAG_CHILD_CONFLICT;
              b->flags |= HW_VISIT_FLAG_CHILD_CONFLICT;
            }
        }
    }

  /* keep the range asked for, and the person's own visits */
  for (guint i = out->len; i-- > 0;)
    {
      HwVisit *v = &g_array_index (out, HwVisit, i);

      if (v->occ.start_utc >= to_utc || v->occ.end_utc <= from_utc
          || (person_id != 0 && !involves (v, person_id)))
        g_array_remove_index (out, i);
    }
  return out;
}

/* Counts and progression --------------------------------------------------- */

GArray *
hw_visits_monthly_counts (HwStore  *store,
                          gint64    case_id,
                          int       year,
                          int       month,
                          guint     n_months,
                          GError  **error)
{
  g_autoptr(GArray) visits = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  GArray *out;

  if (month < 1 || month > 12 || year < 1900 || year > 2200 || n_months == 0 || n_months > 1200)
    {
      hw_invalid (error, _("Choose a month between 1900 and 2200."));
      return NULL;
    }

  out = g_array_sized_new (FALSE, TRUE, sizeof (HwVisitMonth), n_months);
  for (guint i = 0; i < n_months; i++)
    {
      HwVisitMonth m = { 0 };
      int k = (year * 12 + month - 1) + (int) i;

      m.year = k / 12;
      m.month = k % 12 + 1;
      g_array_append_val (out, m);
    }

  /* local dates decide the month: take a day more on each side */
  from = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  to = g_date_time_add_months (from, (int) n_months);
  visits = hw_visits_list (store, case_id, 0, g_date_time_to_unix (from) - 86400,
                           g_date_time_to_unix (to) + 86400, error);
  if (visits == NULL)
    {
      g_array_unref (out);
      return NULL;
    }

  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);
      int k = atoi (v->occ.local_start) * 12 + atoi (v->occ.local_start + 5) - 1 - (year * 12 + month - 1);
      HwVisitMonth *m;

      if (k < 0 || k >= (int) n_months)
        continue;
      m = &g_array_index (out, HwVisitMonth, k);
      m->planned++;
      if (strcmp (v->status, "happened") == 0)
        {
          gint64 seconds = v->occ.end_utc - v->occ.start_utc;

          m->happened++;
          if (v->arrival[0] && v->departure[0])
            seconds = wall_of (v->departure) - wall_of (v->arrival);
          m->hours += seconds / 3600.0;
        }
      else if (strcmp (v->status, "cancelled-parent") == 0)
        m->cancelled_parent++;
      else if (strcmp (v->status, "cancelled-caregiver") == 0)
        m->cancelled_caregiver++;
      else if (strcmp (v->status, "cancelled-agency") == 0)
        m->cancelled_agency++;
      else if (strcmp (v->status, "cancelled-provider") == 0)
        m->cancelled_provider++;
      else if (strcmp (v->status, "no-show") == 0)
        m->no_show++;
      else
        m->scheduled++;
    }
  return out;
}

gboolean
hw_visits_get_span (HwStore  *store,
                    gint64    case_id,
                    gint64   *first_utc,
                    gint64   *last_utc)
{
  Loaded l = { 0 };
  gint64 first = G_MAXINT64, last = G_MININT64;
  /* open-ended plans are followed for a year from now */
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC + 366 * 86400;

  if (!load_case (store, case_id, 0, 0, &l, NULL))
    {
      loaded_clear (&l);
      return FALSE;
    }
  for (guint i = 0; i < l.series->len; i++)
    {
      Series *s = &g_array_index (l.series, Series, i);
      g_autoptr(GArray) occ = hw_recurrence_expand_all (s->rec, limit);

      if (occ->len == 0)
        continue;
      first = MIN (first, g_array_index (occ, HwOccurrence, 0).start_utc);
      last = MAX (last, g_array_index (occ, HwOccurrence, occ->len - 1).start_utc);
    }
  loaded_clear (&l);
  if (first == G_MAXINT64)
    return FALSE;
  if (first_utc)
    *first_utc = first;
  if (last_utc)
    *last_utc = last;
  return TRUE;
}

static void
level_step_clear (gpointer data)
{
  HwVisitLevelStep *step = data;

  g_free (step->reason);
}

GArray *
hw_visits_level_history (HwStore  *store,
                         gint64    case_id,
                         GError  **error)
{
  g_autoptr(GArray) visits = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (HwVisitLevelStep));
  gint64 first, last;

  g_array_set_clear_func (out, level_step_clear);
  if (!hw_visits_get_span (store, case_id, &first, &last))
    return out;
  plans = hw_store_select (
      store, "visit_series", error,
      "SELECT id, change_date, change_reason FROM visit_series WHERE case_id = ?", G_TYPE_INT64,
      case_id, G_TYPE_INVALID);
  if (plans == NULL)
    {
      g_array_unref (out);
      return NULL;
    }
  for (guint i = 0; i < plans->len; i++)
    {
      HwRecord *row = g_ptr_array_index (plans, i);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64){ hw_record_get_id (row) }, sizeof (gint64)),
                           row);
    }
  visits = hw_visits_list (store, case_id, 0, first, last + 1, error);
  if (visits == NULL)
    {
      g_array_unref (out);
      return NULL;
    }
  for (guint i = 0; i < visits->len; i++)
    {
      HwVisit *v = &g_array_index (visits, HwVisit, i);
      HwVisitLevelStep step = { 0 };
      int li = hw_visit_level_index (v->level);
      HwRecord *row;

      if (li < 0 || hw_visit_status_is_cancelled (v->status) || strcmp (v->status, "no-show") == 0)
        continue;
      if (out->len > 0 && g_array_index (out, HwVisitLevelStep, out->len - 1).level == levels[li])
        continue;
      g_strlcpy (step.day, v->occ.local_start, sizeof step.day);
      step.level = levels[li];
      step.series_id = v->series_id;
      row = g_hash_table_lookup (by_id, &v->series_id);
      g_strlcpy (step.change_date, row ? hw_record_get_string (row, "change_date") : "",
                 sizeof step.change_date);
      step.reason = g_strdup (row ? hw_record_get_string (row, "change_reason") : "");
      g_array_append_val (out, step);
    }
  return out;
}
