/* hw-case-dates.c: the key dates of a case (case_events) and what they tell.
 *
 * Why every edit checks the whole history and not just the new row: a
 * key date changed or deleted can break an order that other rows rely on
 * (moving the removal after the return home, deleting the only removal),
 * and the time in care a court reads is only right when the history reads
 * in order. So an edit builds the history as it would be afterwards, walks
 * it in date order and refuses the edit, writing nothing, at the first
 * date that does not fit.
 *
 * Dates are compared as text: "YYYY-MM-DD" sorts like the days it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-dates"

#include <string.h>

#include "hw-i18n.h"
#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-invalid.h"
#include "hw-language.h"

/* Labels and choices ----------------------------------------------------- */

static const char * const kinds[] = {
  "removal", "hearing", "trial-home-visit", "return-home", "closure", "re-entry", NULL
};
static const char * const kind_labels[] = {
  N_("Removal"), N_("Court hearing"), N_("Trial home visit starts"), N_("Return home"),
  N_("Case closed"), N_("Re-entry into care"),
};

static const char * const hearing_kinds[] = {
  "shelter", "adjudication", "disposition", "review", "permanency", "other", NULL
};
static const char * const hearing_kind_labels[] = {
  /* Translators: the first hearing after a removal (shelter, initial or
   * emergency hearing) */
  N_("Shelter (initial)"), N_("Adjudication"), N_("Disposition"), N_("Review"),
  N_("Permanency"), N_("Other hearing"),
};

/* the kinds as they read inside a sentence ("Next hearing ... (review)") */
static const char * const hearing_kind_words[] = {
  NC_("hearing kind in a sentence", "shelter"), NC_("hearing kind in a sentence", "adjudication"),
  NC_("hearing kind in a sentence", "disposition"), NC_("hearing kind in a sentence", "review"),
  NC_("hearing kind in a sentence", "permanency"), NC_("hearing kind in a sentence", "other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (hearing_kind_words) == HW_HEARING_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == HW_CASE_EVENT_N_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == HW_CASE_EVENT_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (hearing_kinds) == HW_HEARING_N_KINDS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (hearing_kind_labels) == HW_HEARING_N_KINDS);

const char * const *
hw_case_event_kinds (void)
{
  return kinds;
}

static int
index_of (const char * const *list,
          const char         *value)
{
  for (int i = 0; value != NULL && list[i] != NULL; i++)
    if (g_str_equal (list[i], value))
      return i;
  return -1;
}

const char *
hw_case_event_kind_label (const char *kind)
{
  int i = index_of (kinds, kind);

  return i >= 0 ? _(kind_labels[i]) : (kind ? kind : "");
}

const char * const *
hw_hearing_kinds (void)
{
  return hearing_kinds;
}

const char *
hw_hearing_kind_label (const char *hearing_kind)
{
  int i = index_of (hearing_kinds, hearing_kind);

  return i >= 0 ? _(hearing_kind_labels[i]) : (hearing_kind ? hearing_kind : "");
}

/* Reading ----------------------------------------------------------------- */

GPtrArray *
hw_case_dates_list (HwStore  *store,
                    gint64    case_id,
                    GError  **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  /* on one day, the kinds in the order a case goes through them */
  return hw_store_select (store, "case_events", error,
                          "SELECT id, case_id, kind, date, hearing_kind, ordered, notes, position, version"
                          " FROM case_events WHERE case_id = ?"
                          " ORDER BY date,"
                          "  CASE kind WHEN 'removal' THEN 0 WHEN 'hearing' THEN 1"
                          "   WHEN 'trial-home-visit' THEN 2 WHEN 'return-home' THEN 3"
                          "   WHEN 'closure' THEN 4 ELSE 5 END,"
                          "  position, id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

/* Checking ---------------------------------------------------------------- */

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return hw_invalid (error, _("Some text is not valid."));
  return TRUE;
}

/* The checks of one key date on its own. */
static gboolean
check_event (const HwCaseEvent  *event,
             GError            **error)
{
  const char *hearing_kind = event->hearing_kind ? event->hearing_kind : "";
  gboolean hearing = g_strcmp0 (event->kind, "hearing") == 0;

  if (index_of (kinds, event->kind) < 0)
    /* Translators: %s is what the program was given as a kind of key date */
    return hw_invalid (error, _("“%s” is not a kind of key date."), event->kind ? event->kind : "");

  switch (hw_date_check (event->date, NULL))
    {
    case HW_DATE_VALID:
      break;
    case HW_DATE_IMPOSSIBLE:
      return hw_invalid (error, _("“%s” is not a real date. Check the day and the month."),
                      event->date);
    case HW_DATE_NOT_ISO:
    case HW_DATE_IMPOSSIBLE_TIME:
    default:
      if (event->date == NULL || event->date[0] == '\0')
        return hw_invalid (error, _("The date is missing. Write it as year-month-day, "
                                 "for example 2026-03-02."));
      return hw_invalid (error, _("“%s” is not written as a date. Write it as year-month-day, "
                               "for example 2026-03-02."), event->date);
    }

  if (hearing && index_of (hearing_kinds, hearing_kind) < 0)
    return hw_invalid (error, _("Choose what kind of hearing it was."));
  if (!hearing && hearing_kind[0] != '\0')
    return hw_invalid (error, _("Only a court hearing has a kind of hearing."));
  if (!hearing && event->ordered != NULL && event->ordered[0] != '\0')
    return hw_invalid (error, _("Only a court hearing has what the court ordered."));

  return check_text (event->ordered, error) && check_text (event->notes, error);
}

typedef struct {
  char *kind;
  char *date;
} Step;

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_free (step->kind);
  g_free (step->date);
}

static int
cmp_steps (gconstpointer a,
           gconstpointer b)
{
  const Step *sa = a, *sb = b;
  int c = strcmp (sa->date, sb->date);

  if (c != 0)
    return c;
  return index_of (kinds, sa->kind) - index_of (kinds, sb->kind);
}

typedef enum {
  NEVER_IN_CARE,
  IN_CARE,
  HOME,
  CLOSED,
} CareState;

/* Walks @steps (sorted) and says at the first one that does not fit. */
static gboolean
check_history (GArray  *steps,
               GError **error)
{
  CareState state = NEVER_IN_CARE;
  const char *removal = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      const Step *step = &g_array_index (steps, Step, i);
      g_autofree char *day = hw_language_format_iso (step->date, HW_DATE_LONG, FALSE);

      if (g_str_equal (step->kind, "removal"))
        {
          if (removal != NULL)
            {
              g_autofree char *first = hw_language_format_iso (removal, HW_DATE_LONG, FALSE);
              /* Translators: both %s are dates */
              return hw_invalid (error, _("The case already has a removal, on %s. A later entry "
                                       "into care (%s) is a re-entry: record it as one."),
                              first, day);
            }
          removal = step->date;
          state = IN_CARE;
        }
      else if (g_str_equal (step->kind, "re-entry"))
        {
          if (state == NEVER_IN_CARE)
            return hw_invalid (error, _("The re-entry on %s comes before any removal. Record "
                                     "the first entry into care as the removal."), day);
          if (state == IN_CARE)
            return hw_invalid (error, _("On %s the children are still in care: a re-entry comes "
                                     "only after a return home."), day);
          state = IN_CARE;
        }
      else if (g_str_equal (step->kind, "trial-home-visit") ||
               g_str_equal (step->kind, "return-home"))
        {
          gboolean trial = g_str_equal (step->kind, "trial-home-visit");

          if (state == NEVER_IN_CARE)
            return hw_invalid (error, trial
                            ? _("The trial home visit on %s is before the removal. "
                                "Check both dates.")
                            : _("The return home on %s is before the removal. Check both dates."),
                            day);
          if (state != IN_CARE)
            return hw_invalid (error, trial
                            ? _("On %s the children are not in care: a trial home visit needs "
                                "a removal or a re-entry before it.")
                            : _("On %s the children are not in care: a return home needs "
                                "a removal or a re-entry before it."),
                            day);
          if (!trial)
            state = HOME;
        }
      else if (g_str_equal (step->kind, "closure"))
        {
          if (state == CLOSED)
            return hw_invalid (error, _("The case is closed twice, the second time on %s. "
                                     "A case closes once, unless the children entered "
                                     "care again in between."), day);
          state = CLOSED;
        }
      /* hearings happen at any point of a case */
    }
  return TRUE;
}

/* The history of @case_id with row @skip_id left out and @event (if any)
 * put in, checked. */
static gboolean
check_case (HwStore            *store,
            gint64              case_id,
            gint64              skip_id,
            const HwCaseEvent  *event,
            GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (Step));

  g_array_set_clear_func (steps, step_clear);
  rows = hw_case_dates_list (store, case_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      Step step;

      if (hw_record_get_id (row) == skip_id)
        continue;
      step.kind = g_strdup (hw_record_get_string (row, "kind"));
      step.date = g_strdup (hw_record_get_string (row, "date"));
      g_array_append_val (steps, step);
    }
  if (event != NULL)
    {
      Step step = { g_strdup (event->kind), g_strdup (event->date) };
      g_array_append_val (steps, step);
    }
  g_array_sort (steps, cmp_steps);
  return check_history (steps, error);
}

static void
fill_record (HwRecord          *record,
             const HwCaseEvent *event)
{
  gboolean hearing = g_str_equal (event->kind, "hearing");

  hw_record_set_string (record, "kind", event->kind);
  hw_record_set_string (record, "date", event->date);
  hw_record_set_string (record, "hearing_kind",
                        hearing && event->hearing_kind ? event->hearing_kind : "");
  hw_record_set_string (record, "ordered", hearing && event->ordered ? event->ordered : "");
  hw_record_set_string (record, "notes", event->notes ? event->notes : "");
}

/* Editing ----------------------------------------------------------------- */

gint64
hw_case_dates_add (HwStore            *store,
                   gint64              case_id,
                   const HwCaseEvent  *event,
                   GError            **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("case_events");

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (event != NULL, 0);

  if (hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This family is no longer in Homeward."));
      return 0;
    }
  if (!check_event (event, error) || !check_case (store, case_id, 0, event, error))
    return 0;

  hw_record_set_int (record, "case_id", case_id);
  fill_record (record, event);
  return hw_store_insert (store, N_("Add key date"), record, error);
}

static HwRecord *
get_event (HwStore  *store,
           gint64    event_id,
           GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  HwRecord *record = hw_store_get (store, "case_events", event_id, &local_error);

  if (record == NULL)
    g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                 _("This key date is no longer there: someone may have deleted it."));
  return record;
}

gboolean
hw_case_dates_change_at (HwStore            *store,
                         gint64              event_id,
                         gint64              version,
                         const HwCaseEvent  *event,
                         GError            **error)
{
  g_autoptr(HwRecord) old = NULL;
  g_autoptr(HwRecord) record = hw_record_new ("case_events");

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  old = get_event (store, event_id, error);
  if (old == NULL)
    return FALSE;
  if (!check_event (event, error))
    return FALSE;
  /* the history is checked as it is now; when someone else changed this
   * date since @version, the update below says so instead */
  if ((version <= 0 || hw_record_get_version (old) == version) &&
      !check_case (store, hw_record_get_int (old, "case_id"), event_id, event, error))
    return FALSE;

  hw_record_set_id (record, event_id);
  fill_record (record, event);
  hw_record_set_version (record, version);
  return hw_store_update (store, N_("Change key date"), record, error);
}

gboolean
hw_case_dates_change (HwStore            *store,
                      gint64              event_id,
                      const HwCaseEvent  *event,
                      GError            **error)
{
  return hw_case_dates_change_at (store, event_id, 0, event, error);
}

gboolean
hw_case_dates_delete (HwStore  *store,
                      gint64    event_id,
                      GError  **error)
{
  g_autoptr(HwRecord) old = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  old = get_event (store, event_id, error);
  if (old == NULL)
    return FALSE;
  if (!check_case (store, hw_record_get_int (old, "case_id"), event_id, NULL, &local_error))
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   /* Translators: %s says what would be wrong afterwards */
                   _("This key date cannot be deleted: %s"), local_error->message);
      return FALSE;
    }
  return hw_store_delete (store, N_("Delete key date"), "case_events", event_id, error);
}

/* What the dates tell ----------------------------------------------------- */

void
hw_time_in_care_free (HwTimeInCare *time)
{
  if (time == NULL)
    return;
  g_free (time->entered);
  g_free (time->left);
  g_free (time);
}

static gboolean
today_or (const char *today,
          GDate      *out)
{
  g_autofree char *now = NULL;

  if (today != NULL)
    return hw_date_parse (today, out);
  now = hw_date_today_iso ();
  return hw_date_parse (now, out);
}

HwTimeInCare *
hw_case_dates_time_in_care (HwStore    *store,
                            gint64      case_id,
                            const char *today)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today_iso = NULL;
  HwTimeInCare *time;
  const char *entered = NULL, *left = NULL;
  GDate start, end;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!today_or (today, &end))
    return NULL;
  today_iso = hw_date_to_iso (&end);
  rows = hw_case_dates_list (store, case_id, NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      const char *kind = hw_record_get_string (row, "kind");
      const char *date = hw_record_get_string (row, "date");

      if (strcmp (date, today_iso) > 0)
        break;
      if (g_str_equal (kind, "removal") || g_str_equal (kind, "re-entry"))
        {
          entered = date;
          left = NULL;
        }
      else if (entered != NULL && left == NULL &&
               (g_str_equal (kind, "return-home") || g_str_equal (kind, "closure")))
        left = date;
    }
  if (entered == NULL || !hw_date_parse (entered, &start) ||
      (left != NULL && !hw_date_parse (left, &end)))
    return NULL;

  time = g_new0 (HwTimeInCare, 1);
  time->entered = g_strdup (entered);
  time->left = g_strdup (left);
  time->days = g_date_days_between (&start, &end);
  time->months = ((int) g_date_get_year (&end) - (int) g_date_get_year (&start)) * 12
                 + ((int) g_date_get_month (&end) - (int) g_date_get_month (&start))
                 - (g_date_get_day (&end) < g_date_get_day (&start) ? 1 : 0);
  time->months = MAX (time->months, 0);
  return time;
}

HwRecord *
hw_case_dates_next_hearing (HwStore    *store,
                            gint64      case_id,
                            const char *today)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today_iso = NULL;
  GDate day;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!today_or (today, &day))
    return NULL;
  today_iso = hw_date_to_iso (&day);
  rows = hw_store_select (store, "case_events", NULL,
                          "SELECT * FROM case_events"
                          " WHERE case_id = ? AND kind = 'hearing' AND date >= ?"
                          " ORDER BY date, position, id LIMIT 1",
                          G_TYPE_INT64, case_id, G_TYPE_STRING, today_iso, G_TYPE_INVALID);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, 0));
}

char *
hw_case_dates_return_home (HwStore *store,
                           gint64   case_id)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *home = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  rows = hw_case_dates_list (store, case_id, NULL);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      const char *kind = hw_record_get_string (row, "kind");

      if (g_str_equal (kind, "return-home"))
        home = hw_record_get_string (row, "date");
      else if (g_str_equal (kind, "re-entry") || g_str_equal (kind, "removal"))
        home = NULL;
    }
  return g_strdup (home);
}

void
hw_aftercare_check_free (HwAftercareCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->return_home);
  g_free (check->window_end);
  g_clear_pointer (&check->ending_early, g_ptr_array_unref);
  g_clear_pointer (&check->uncovered, g_ptr_array_unref);
  g_free (check);
}

/* @months after @start, the day before: the last day of a span */
static char *
span_end (const GDate *start,
          guint        months)
{
  GDate d = *start;

  g_date_add_months (&d, months);
  g_date_subtract_days (&d, 1);
  return hw_date_to_iso (&d);
}

HwAftercareCheck *
hw_case_dates_check_aftercare (HwStore     *store,
                               gint64       case_id,
                               const char  *return_home,
                               GError     **error)
{
  g_autoptr(HwAftercareCheck) check = NULL;
  g_autoptr(GPtrArray) supports = NULL;
  g_autofree char *home = NULL;
  GDate start;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  home = return_home != NULL ? g_strdup (return_home) : hw_case_dates_return_home (store, case_id);
  if (home == NULL || !hw_date_parse (home, &start))
    return NULL;

  supports = hw_store_select (store, "aftercare_supports", error,
                              "SELECT * FROM aftercare_supports WHERE case_id = ?"
                              " ORDER BY end_date, position, id",
                              G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (supports == NULL)
    return NULL;

  check = g_new0 (HwAftercareCheck, 1);
  check->return_home = g_steal_pointer (&home);
  check->window_end = span_end (&start, 12);
  check->ending_early = g_ptr_array_new_with_free_func (g_object_unref);
  check->uncovered = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < supports->len; i++)
    {
      HwRecord *row = g_ptr_array_index (supports, i);
      const char *end = hw_record_get_string (row, "end_date");

      if (end[0] != '\0' && strcmp (end, check->window_end) < 0)
        g_ptr_array_add (check->ending_early, g_object_ref (row));
    }

  for (guint m = 0; m < 12; m++)
    {
      GDate first = start;
      g_autofree char *from = NULL;
      g_autofree char *to = span_end (&start, m + 1);
      gboolean covered = FALSE;

      g_date_add_months (&first, m);
      from = hw_date_to_iso (&first);
      for (guint i = 0; i < supports->len && !covered; i++)
        {
          HwRecord *row = g_ptr_array_index (supports, i);
          const char *s = hw_record_get_string (row, "start_date");
          const char *e = hw_record_get_string (row, "end_date");

          /* no start: from the return home; no end: still running */
          covered = (s[0] == '\0' || strcmp (s, to) <= 0) &&
                    (e[0] == '\0' || strcmp (e, from) >= 0);
        }
      if (!covered)
        g_ptr_array_add (check->uncovered, g_steal_pointer (&from));
    }

  return g_steal_pointer (&check);
}

char *
hw_case_dates_format_months (GPtrArray *uncovered)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (uncovered != NULL, NULL);

  for (guint i = 0; i < uncovered->len; i++)
    {
      GDate d, next;
      gboolean year_ends;

      if (!hw_date_parse (g_ptr_array_index (uncovered, i), &d))
        continue;
      year_ends = i + 1 == uncovered->len ||
                  !hw_date_parse (g_ptr_array_index (uncovered, i + 1), &next) ||
                  g_date_get_year (&next) != g_date_get_year (&d);
      if (text->len > 0)
        g_string_append (text, ", ");
      if (year_ends)
        /* Translators: a month and its year in a list of months, "April 2027";
         * the year is said once after the last month of that year */
        g_string_append_printf (text, C_("month and year", "%s %u"),
                                hw_language_month_name (g_date_get_month (&d)),
                                (guint) g_date_get_year (&d));
      else
        g_string_append (text, hw_language_month_name (g_date_get_month (&d)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
hw_case_dates_summary (HwStore    *store,
                       gint64      case_id,
                       const char *today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HwTimeInCare) time = NULL;
  g_autoptr(HwRecord) hearing = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  time = hw_case_dates_time_in_care (store, case_id, today);
  if (time != NULL && time->left == NULL && time->months == 0)
    g_string_append_printf (text, ngettext ("In care %d day", "In care %d days", time->days),
                            time->days);
  else if (time != NULL && time->left == NULL)
    g_string_append_printf (text, ngettext ("In care %d month", "In care %d months",
                                            time->months),
                            time->months);
  else if (time != NULL)
    {
      g_autofree char *until = hw_language_format_iso (time->left, HW_DATE_LONG, FALSE);

      /* Translators: "8 months in care, until 20 November 2026" (the
       * return home or the closure) */
      g_string_append_printf (text, ngettext ("%d month in care, until %s",
                                              "%d months in care, until %s", time->months),
                              time->months, until);
    }

  hearing = hw_case_dates_next_hearing (store, case_id, today);
  if (hearing != NULL)
    {
      g_autofree char *day = hw_language_format_iso (hw_record_get_string (hearing, "date"),
                                                     HW_DATE_LONG, FALSE);
      int i = index_of (hearing_kinds, hw_record_get_string (hearing, "hearing_kind"));

      if (text->len > 0)
        g_string_append (text, " · ");
      if (i >= 0)
        /* Translators: "Next hearing 14 January 2027 (review)" */
        g_string_append_printf (text, _("Next hearing %s (%s)"), day,
                                hw_language_pgettext ("hearing kind in a sentence",
                                                      hearing_kind_words[i]));
      else
        g_string_append_printf (text, _("Next hearing %s"), day);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
