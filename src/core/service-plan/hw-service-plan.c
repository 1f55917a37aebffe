/* hw-service-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan"

#include <string.h>

#include "hw-i18n.h"

#include "hw-aftercare-checkins.h"
#include "hw-case-dates.h"
#include "hw-date.h"
#include "hw-enums.h"
#include "hw-invalid.h"
#include "hw-service-plan.h"

/* Dates --------------------------------------------------------------------- */

gboolean
hw_service_plan_parse_date (const char *text,
                            GDate      *out)
{
  return hw_date_parse (text, out);
}

char *
hw_service_plan_format_date (const char *iso,
                             gboolean    long_form)
{
  GDate date;

  if (!hw_service_plan_parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  /* month names in the current gettext language (hw_language_push()),
   * never the C library's locale */
  return hw_language_format_date (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), long_form ? HW_DATE_LONG : HW_DATE_SHORT);
}

HwDueState
hw_service_plan_due_state (const char  *status,
                           const char  *target_date,
                           const GDate *today)
{
  GDate due;
  int days;

  g_return_val_if_fail (today != NULL && g_date_valid (today), HW_DUE_NO_DATE);

  if (g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "dropped") == 0)
    return HW_DUE_CLOSED;
  if (!hw_service_plan_parse_date (target_date, &due))
    return HW_DUE_NO_DATE;

  days = g_date_days_between (today, &due);
  if (days < 0)
    return HW_DUE_OVERDUE;
  if (days < 7)
    return HW_DUE_THIS_WEEK;
  return HW_DUE_LATER;
}

const char *
hw_due_state_to_string (HwDueState state)
{
  switch (state)
    {
    case HW_DUE_OVERDUE:   return "overdue";
    case HW_DUE_THIS_WEEK: return "due-this-week";
    case HW_DUE_LATER:     return "later";
    case HW_DUE_CLOSED:    return "closed";
    case HW_DUE_NO_DATE:
    default:               return "no-date";
    }
}

static HwDueState
due_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "overdue") == 0)
    return HW_DUE_OVERDUE;
  if (g_strcmp0 (text, "due-this-week") == 0)
    return HW_DUE_THIS_WEEK;
  if (g_strcmp0 (text, "later") == 0)
    return HW_DUE_LATER;
  if (g_strcmp0 (text, "closed") == 0)
    return HW_DUE_CLOSED;
  return HW_DUE_NO_DATE;
}

const char *
hw_due_state_label (HwDueState state)
{
  switch (state)
    {
    case HW_DUE_OVERDUE:   return _("Overdue");
    case HW_DUE_THIS_WEEK: return _("Due this week");
    case HW_DUE_NO_DATE:   return _("No date yet");
    case HW_DUE_CLOSED:
    case HW_DUE_LATER:
    default:               return "";
    }
}

/* Validation ---------------------------------------------------------------- */

/* @what: the field's name for the message ("Target date") */
static gboolean
check_date (HwRecord    *record,
            const char  *column,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  const char *text = hw_record_get_string (record, column);

  if (text[0] == '\0' && !required)
    return TRUE;
  if (text[0] == '\0')
    /* Translators: %s is a field such as "Date" */
    return hw_invalid (error, _("%s is missing. Use the form YYYY-MM-DD, for example 2025-03-14."), what);
  if (!hw_service_plan_parse_date (text, NULL))
    /* Translators: "Target date: “2025-02-30” is not a real date..." */
    return hw_invalid (error, _("%s: “%s” is not a real date. Use the form YYYY-MM-DD, for example 2025-03-14."),
                    what, text);
  return TRUE;
}

static gboolean
check_date_order (HwRecord    *record,
                  const char  *start_column,
                  const char  *end_column,
                  GError     **error)
{
  const char *start = hw_record_get_string (record, start_column);
  const char *end = hw_record_get_string (record, end_column);

  /* ISO dates compare as text */
  if (start[0] != '\0' && end[0] != '\0' && strcmp (end, start) < 0)
    return hw_invalid (error, _("The end or target date %s is before the start date %s."), end, start);
  return TRUE;
}

static gboolean
check_text (HwRecord    *record,
            const char  *column,
            const char  *what,
            GError     **error)
{
  g_autofree char *text = g_strdup (hw_record_get_string (record, column));

  if (!g_utf8_validate (text, -1, NULL))
    return hw_invalid (error, _("%s is not valid text."), what);
  g_strstrip (text);
  if (text[0] == '\0')
    /* Translators: %s is a field such as "The goal" */
    return hw_invalid (error, _("%s cannot be empty."), what);
  return TRUE;
}

static gboolean
check_optional_text (HwRecord    *record,
                     const char  *column,
                     GError     **error)
{
  if (!g_utf8_validate (hw_record_get_string (record, column), -1, NULL))
    return hw_invalid (error, _("Some text is not valid."));
  return TRUE;
}

static gboolean
check_choice (HwRecord    *record,
              const char  *column,
              HwChoices    which,
              const char  *what,
              GError     **error)
{
  const char *value = hw_record_get_string (record, column);

  if (!hw_choices_valid (which, value))
    /* Translators: "“finished” is not one of the choices for Status." */
    return hw_invalid (error, _("“%s” is not one of the choices for %s."), value, what);
  return TRUE;
}

static gboolean
check_flag (HwRecord    *record,
            const char  *column,
            GError     **error)
{
  gint64 value = hw_record_get_int (record, column);

  if (value != 0 && value != 1)
    return hw_invalid (error, _("%s must be 0 or 1."), column);
  return TRUE;
}

/* The case a row belongs to, or 0 if the parent row does not exist. */
static gint64
case_of (HwStore    *store,
         const char *table,
         gint64      id)
{
  if (id <= 0)
    return 0;
  if (g_str_equal (table, "cases"))
    return hw_store_query_int (store, 0, "SELECT id FROM cases WHERE id = ?",
                               G_TYPE_INT64, id, G_TYPE_INVALID);
  if (g_str_equal (table, "needs") || g_str_equal (table, "people") ||
      g_str_equal (table, "organisations") || g_str_equal (table, "readiness_reviews") ||
      g_str_equal (table, "aftercare_supports"))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT case_id FROM %s WHERE id = ?", table);
      return hw_store_query_int (store, 0, sql, G_TYPE_INT64, id, G_TYPE_INVALID);
    }
  if (g_str_equal (table, "goals"))
    return hw_store_query_int (store, 0,
                               "SELECT n.case_id FROM goals g JOIN needs n ON n.id = g.need_id"
                               " WHERE g.id = ?", G_TYPE_INT64, id, G_TYPE_INVALID);
  if (g_str_equal (table, "tasks"))
    return hw_store_query_int (store, 0,
                               "SELECT n.case_id FROM tasks t JOIN goals g ON g.id = t.goal_id"
                               " JOIN needs n ON n.id = g.need_id WHERE t.id = ?",
                               G_TYPE_INT64, id, G_TYPE_INVALID);
  g_return_val_if_reached (0);
}

static gboolean
check_parent (HwStore     *store,
              HwRecord    *record,
              const char  *column,
              const char  *parent_table,
              gint64      *case_id,
              GError     **error)
{
  gint64 id = hw_record_get_int (record, column);

  *case_id = case_of (store, parent_table, id);
  if (*case_id != 0)
    return TRUE;
  if (g_str_equal (parent_table, "cases"))
    return hw_invalid (error, _("The family’s case this belongs to does not exist (any more)."));
  if (g_str_equal (parent_table, "needs"))
    return hw_invalid (error, _("The need this goal belongs to does not exist (any more)."));
  if (g_str_equal (parent_table, "goals"))
    return hw_invalid (error, _("The goal this task belongs to does not exist (any more)."));
  if (g_str_equal (parent_table, "tasks"))
    return hw_invalid (error, _("The task this note belongs to does not exist (any more)."));
  if (g_str_equal (parent_table, "aftercare_supports"))
    return hw_invalid (error, _("The support this check-in belongs to does not exist (any more)."));
  return hw_invalid (error, _("The review this rating belongs to does not exist (any more)."));
}

/* A provider or responsible person must be part of the same case: a plan
 * never points at another family's people. */
static gboolean
check_member (HwStore     *store,
              HwRecord    *record,
              const char  *column,
              const char  *table,
              gint64       case_id,
              GError     **error)
{
  gint64 id;

  if (!hw_record_has (record, column) || hw_record_is_null (record, column))
    return TRUE;
  id = hw_record_get_int (record, column);
  if (id == 0)
    return TRUE;
  if (case_of (store, table, id) != case_id)
    {
      if (g_str_equal (table, "organisations"))
        return hw_invalid (error, _("The provider must be an organisation of this family’s case."));
      return hw_invalid (error, _("The person must be someone in this family’s case."));
    }
  return TRUE;
}

static gboolean
normalise_withheld (HwRecord  *record,
                    GError   **error)
{
  g_autofree char *normalised = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!hw_record_has (record, "withheld_from"))
    return TRUE;
  if (!hw_recipient_normalise_set (hw_record_get_string (record, "withheld_from"),
                                   &normalised, &local_error))
    /* one error domain for every refusal of this module */
    return hw_invalid (error, "%s", local_error->message);
  hw_record_set_string (record, "withheld_from", normalised);
  return TRUE;
}

gboolean
hw_service_plan_normalise_barriers (const char  *barriers,
                                    char       **normalised,
                                    GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const HwChoice *choices;
  guint n_choices;
  gboolean *seen;

  choices = hw_choices_get (HW_CHOICES_BARRIER, &n_choices);
  seen = g_newa (gboolean, n_choices + 1);
  memset (seen, 0, sizeof (gboolean) * (n_choices + 1));

  parts = g_strsplit (barriers != NULL ? barriers : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int index;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      index = hw_choices_index (HW_CHOICES_BARRIER, parts[i]);
      if (index < 0)
        return hw_invalid (error, _("“%s” is not a known barrier."), parts[i]);
      seen[index] = TRUE;
    }
  /* Stored in the order of the choices, so equal sets read the same. */
  for (guint i = 0; i < n_choices; i++)
    if (seen[i])
      g_string_append_printf (out, "%s%s", out->len ? "," : "", choices[i].id);
  if (normalised != NULL)
    *normalised = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

static gboolean
validate_need (HwStore   *store,
               HwRecord  *r,
               GError   **error)
{
  gint64 case_id;

  return check_parent (store, r, "case_id", "cases", &case_id, error) &&
         check_choice (r, "domain", HW_CHOICES_NEED_DOMAIN, _("Domain"), error) &&
         check_optional_text (r, "family_words", error) &&
         check_optional_text (r, "strengths", error) &&
         check_flag (r, "confidential", error) &&
         normalise_withheld (r, error);
}

static gboolean
validate_goal (HwStore   *store,
               HwRecord  *r,
               GError   **error)
{
  gint64 case_id;

  return check_parent (store, r, "need_id", "needs", &case_id, error) &&
         check_text (r, "text", _("The goal"), error) &&
         check_date (r, "target_date", FALSE, _("Target date"), error) &&
         check_choice (r, "achievement", HW_CHOICES_ACHIEVEMENT, _("Achievement"), error);
}

static gboolean
validate_task (HwStore   *store,
               HwRecord  *r,
               GError   **error)
{
  gint64 case_id;
  g_autofree char *barriers = NULL;

  if (!check_parent (store, r, "goal_id", "goals", &case_id, error) ||
      !check_text (r, "description", _("The task"), error) ||
      !check_optional_text (r, "frequency", error) ||
      !check_member (store, r, "provider_org_id", "organisations", case_id, error) ||
      !check_member (store, r, "responsible_person_id", "people", case_id, error) ||
      !check_flag (r, "responsible_agency", error) ||
      !check_date (r, "start_date", FALSE, _("Start date"), error) ||
      !check_date (r, "target_date", FALSE, _("Target date"), error) ||
      !check_date_order (r, "start_date", "target_date", error) ||
      !check_choice (r, "status", HW_CHOICES_TASK_STATUS, _("Status"), error))
    return FALSE;

  if (hw_record_get_int (r, "responsible_person_id") != 0 &&
      hw_record_get_int (r, "responsible_agency") != 0)
    return hw_invalid (error, _("A task has one responsible party: a person or the agency, not both."));

  if (!hw_service_plan_normalise_barriers (hw_record_get_string (r, "barriers"), &barriers, error))
    return FALSE;
  hw_record_set_string (r, "barriers", barriers);
  return TRUE;
}

static gboolean
validate_note (HwStore   *store,
               HwRecord  *r,
               GError   **error)
{
  gint64 case_id;

  return check_parent (store, r, "task_id", "tasks", &case_id, error) &&
         check_date (r, "date", TRUE, _("Date"), error) &&
         check_text (r, "text", _("The note"), error) &&
         check_optional_text (r, "author", error) &&
         check_flag (r, "confidential", error) &&
         normalise_withheld (r, error);
}

static gboolean
check_frequency (HwRecord  *r,
                 GError   **error)
{
  const char *every = hw_record_get_string (r, "checkin_every");

  if (!g_strv_contains (hw_checkin_frequencies (), every))
    return hw_invalid (error, _("“%s” is not one of the choices for how often to check in."),
                    every);
  return TRUE;
}

static gboolean
validate_aftercare (HwStore   *store,
                    HwRecord  *r,
                    GError   **error)
{
  gint64 case_id;

  return check_parent (store, r, "case_id", "cases", &case_id, error) &&
         check_choice (r, "component", HW_CHOICES_AFTERCARE_COMPONENT, _("Kind of support"), error) &&
         check_text (r, "description", _("The support"), error) &&
         check_member (store, r, "provider_person_id", "people", case_id, error) &&
         check_member (store, r, "provider_org_id", "organisations", case_id, error) &&
         check_optional_text (r, "checkin_schedule", error) &&
         check_date (r, "start_date", FALSE, _("Start date"), error) &&
         check_date (r, "end_date", FALSE, _("End date"), error) &&
         check_date_order (r, "start_date", "end_date", error) &&
         check_frequency (r, error);
}

/* See hw-aftercare-checkins.h for why each rule is there. */
static gboolean
validate_checkin (HwStore   *store,
                  HwRecord  *r,
                  GError   **error)
{
  gint64 case_id;
  const char *date = hw_record_get_string (r, "date");
  const char *how = hw_record_get_string (r, "how");
  g_autofree char *today = hw_date_today_iso ();
  g_autofree char *home = NULL;
  g_autofree char *start = NULL;
  g_autofree char *when = NULL;
  g_autoptr(HwRecord) support = NULL;

  if (!check_parent (store, r, "support_id", "aftercare_supports", &case_id, error) ||
      !check_date (r, "date", TRUE, _("Date of the check-in"), error) ||
      !check_optional_text (r, "with_whom", error) ||
      !check_optional_text (r, "what_came_up", error) ||
      !check_optional_text (r, "follow_up", error) ||
      !check_flag (r, "confidential", error) ||
      !normalise_withheld (r, error))
    return FALSE;
  if (!g_strv_contains (hw_checkin_ways (), how))
    return hw_invalid (error, _("“%s” is not one of the choices for how the check-in was made."),
                    how);
  if (!hw_record_has (r, "person_id") || hw_record_is_null (r, "person_id") ||
      hw_record_get_int (r, "person_id") == 0)
    return hw_invalid (error, _("Choose who checked in."));
  if (!check_member (store, r, "person_id", "people", case_id, error))
    return FALSE;
  if (strcmp (date, today) > 0)
    {
      when = hw_service_plan_format_date (date, TRUE);
      return hw_invalid (error, _("The check-in on %s has not happened yet. Log a check-in once it "
                               "has taken place."), when);
    }
  home = hw_case_dates_return_home (store, case_id);
  if (home != NULL && strcmp (date, home) < 0)
    {
      g_autofree char *went_home = hw_service_plan_format_date (home, TRUE);

      when = hw_service_plan_format_date (date, TRUE);
      return hw_invalid (error, _("The check-in on %s is before the children went home on %s. "
                               "Check-ins after going home start on that day."), when, went_home);
    }
  support = hw_store_get (store, "aftercare_supports", hw_record_get_int (r, "support_id"), NULL);
  start = g_strdup (support != NULL ? hw_record_get_string (support, "start_date") : "");
  if (start[0] != '\0' && strcmp (date, start) < 0)
    {
      g_autofree char *starts = hw_service_plan_format_date (start, TRUE);

      when = hw_service_plan_format_date (date, TRUE);
      return hw_invalid (error, _("The check-in on %s is before this support starts on %s."),
                      when, starts);
    }
  return TRUE;
}

static gboolean
validate_review (HwStore   *store,
                 HwRecord  *r,
                 GError   **error)
{
  gint64 case_id;

  return check_parent (store, r, "case_id", "cases", &case_id, error) &&
         check_date (r, "date", TRUE, _("Review date"), error) &&
         check_optional_text (r, "notes", error);
}

static gboolean
validate_rating (HwStore   *store,
                 HwRecord  *r,
                 GError   **error)
{
  gint64 case_id;
  gint64 rating = hw_record_get_int (r, "rating");

  if (!check_parent (store, r, "review_id", "readiness_reviews", &case_id, error) ||
      !check_choice (r, "domain", HW_CHOICES_READINESS_DOMAIN, _("Readiness area"), error))
    return FALSE;
  if (!hw_record_has (r, "rating") || hw_record_is_null (r, "rating") ||
      rating < -3 || rating > 2)
    return hw_invalid (error, _("A rating goes from −3 to +2."));
  return TRUE;
}

typedef gboolean (*ValidateFunc) (HwStore *store, HwRecord *record, GError **error);

typedef struct {
  const char   *table;
  const char   *parent;        /* column holding the parent, for positions */
  gboolean      has_position;
  ValidateFunc  validate;
  const char   *add_label;
  const char   *change_label;
  const char   *remove_label;
} TableInfo;

static const TableInfo tables[] = {
  { "needs", "case_id", TRUE, validate_need,
    N_("Add need"), N_("Change need"), N_("Remove need") },
  { "goals", "need_id", TRUE, validate_goal,
    N_("Add goal"), N_("Change goal"), N_("Remove goal") },
  { "tasks", "goal_id", TRUE, validate_task,
    N_("Add task"), N_("Change task"), N_("Remove task") },
  { "progress_notes", "task_id", FALSE, validate_note,
    N_("Add progress note"), N_("Change progress note"), N_("Remove progress note") },
  { "aftercare_supports", "case_id", TRUE, validate_aftercare,
    N_("Add aftercare support"), N_("Change aftercare support"), N_("Remove aftercare support") },
  { "aftercare_checkins", "support_id", FALSE, validate_checkin,
    N_("Log check-in"), N_("Change check-in"), N_("Remove check-in") },
  { "readiness_reviews", "case_id", FALSE, validate_review,
    N_("Add readiness review"), N_("Change readiness review"), N_("Remove readiness review") },
  { "readiness_ratings", "review_id", FALSE, validate_rating,
    N_("Rate readiness"), N_("Change readiness rating"), N_("Remove readiness rating") },
};

static const TableInfo *
table_info (const char  *table,
            GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].table, table) == 0)
      return &tables[i];
  hw_invalid (error, _("“%s” is not part of the service plan."), table ? table : "");
  return NULL;
}

/* A copy of the stored row with @changes laid over it, so that an update
 * is checked as the row it will become. */
static HwRecord *
merge_with_stored (HwStore   *store,
                   HwRecord  *changes,
                   GError   **error)
{
  g_autoptr(HwRecord) merged = NULL;
  const char *table = hw_record_get_table (changes);

  merged = hw_store_get (store, table, hw_record_get_id (changes), error);
  if (merged == NULL)
    return NULL;

  for (guint i = 0; i < hw_record_get_n_columns (changes); i++)
    {
      const char *column = hw_record_get_column (changes, i);

      switch (hw_record_get_kind (changes, column))
        {
        case HW_VALUE_NULL:
          hw_record_set_null (merged, column);
          break;
        case HW_VALUE_INT:
          hw_record_set_int (merged, column, hw_record_get_int (changes, column));
          break;
        case HW_VALUE_DOUBLE:
          hw_record_set_double (merged, column, hw_record_get_double (changes, column));
          break;
        case HW_VALUE_TEXT:
        default:
          hw_record_set_string (merged, column, hw_record_get_string (changes, column));
          break;
        }
    }
  return g_steal_pointer (&merged);
}

/* Defaults the schema would fill in, so a new record validates as stored. */
static void
apply_defaults (HwRecord *record)
{
  const char *table = hw_record_get_table (record);

  if (g_str_equal (table, "goals") && !hw_record_has (record, "achievement"))
    hw_record_set_string (record, "achievement", "none");
  if (g_str_equal (table, "tasks") && !hw_record_has (record, "status"))
    hw_record_set_string (record, "status", "not-started");
  if (g_str_equal (table, "aftercare_checkins") && !hw_record_has (record, "how"))
    hw_record_set_string (record, "how", "phone");
  if (g_str_equal (table, "aftercare_supports") && !hw_record_has (record, "checkin_every"))
    hw_record_set_string (record, "checkin_every", "");
}

static HwRecord *
prepare (HwStore          *store,
         HwRecord         *record,
         const TableInfo **info_out,
         GError          **error)
{
  const TableInfo *info;
  g_autoptr(HwRecord) full = NULL;

  info = table_info (hw_record_get_table (record), error);
  if (info == NULL)
    return NULL;

  if (hw_record_get_id (record) != 0)
    {
      full = merge_with_stored (store, record, error);
      if (full == NULL)
        return NULL;
    }
  else
    {
      full = g_object_ref (record);
      apply_defaults (full);
    }

  if (!info->validate (store, full, error))
    return NULL;

  /* validation may have normalised some columns: copy them back */
  if (full != record)
    {
      if (hw_record_has (record, "barriers"))
        hw_record_set_string (record, "barriers", hw_record_get_string (full, "barriers"));
      if (hw_record_has (record, "withheld_from"))
        hw_record_set_string (record, "withheld_from", hw_record_get_string (full, "withheld_from"));
    }

  if (info_out)
    *info_out = info;
  return g_steal_pointer (&full);
}

gboolean
hw_service_plan_validate (HwStore   *store,
                          HwRecord  *record,
                          GError   **error)
{
  g_autoptr(HwRecord) full = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (HW_IS_RECORD (record), FALSE);

  full = prepare (store, record, NULL, error);
  return full != NULL;
}

static void
trim_text_columns (HwRecord *record)
{
  static const char * const columns[] = {
    "text", "description", "family_words", "strengths", "frequency",
    "checkin_schedule", "author", "notes", "with_whom", "what_came_up", "follow_up",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (hw_record_get_kind (record, columns[i]) == HW_VALUE_TEXT)
      {
        g_autofree char *text = g_strdup (hw_record_get_string (record, columns[i]));

        hw_record_set_string (record, columns[i], g_strstrip (text));
      }
}

gint64
hw_service_plan_save (HwStore     *store,
                      const char  *label,
                      HwRecord    *record,
                      GError     **error)
{
  const TableInfo *info = NULL;
  g_autoptr(HwRecord) full = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), 0);
  g_return_val_if_fail (HW_IS_RECORD (record), 0);

  full = prepare (store, record, &info, error);
  if (full == NULL)
    return 0;
  trim_text_columns (record);

  if (hw_record_get_id (record) != 0)
    {
      if (!hw_store_update (store, label ? label : _(info->change_label), record, error))
        return 0;
      return hw_record_get_id (record);
    }

  if (info->has_position && !hw_record_has (record, "position"))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(position), -1) + 1 FROM %s WHERE %s = ?",
                                              info->table, info->parent);

      hw_record_set_int (record, "position",
                         hw_store_query_int (store, 0, sql, G_TYPE_INT64,
                                             hw_record_get_int (record, info->parent),
                                             G_TYPE_INVALID));
    }
  return hw_store_insert (store, label ? label : _(info->add_label), record, error);
}

gboolean
hw_service_plan_delete (HwStore     *store,
                        const char  *label,
                        const char  *table,
                        gint64       id,
                        GError     **error)
{
  const TableInfo *info;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  info = table_info (table, error);
  if (info == NULL)
    return FALSE;
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = ?", table);
  if (hw_store_query_int (store, 0, sql, G_TYPE_INT64, id, G_TYPE_INVALID) == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This item does not exist (any more)."));
      return FALSE;
    }
  return hw_store_delete (store, label ? label : _(info->remove_label), table, id, error);
}

gboolean
hw_service_plan_move (HwStore     *store,
                      const char  *table,
                      gint64       id,
                      int          delta,
                      GError     **error)
{
  const TableInfo *info;
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *sql = NULL;
  gint64 parent;
  int from = -1, to;
  gboolean own_edit;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);

  info = table_info (table, error);
  if (info == NULL)
    return FALSE;
  if (!info->has_position)
    return hw_invalid (error, _("These items keep the order of their dates."));

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", info->parent, table);
  parent = hw_store_query_int (store, 0, sql, G_TYPE_INT64, id, G_TYPE_INVALID);
  g_clear_pointer (&sql, g_free);
  if (parent == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("This item does not exist (any more)."));
      return FALSE;
    }

  sql = g_strdup_printf ("SELECT id, position FROM %s WHERE %s = ? ORDER BY position, id",
                         table, info->parent);
  siblings = hw_store_select (store, table, error, sql, G_TYPE_INT64, parent, G_TYPE_INVALID);
  if (siblings == NULL)
    return FALSE;
  for (guint i = 0; i < siblings->len; i++)
    if (hw_record_get_id (g_ptr_array_index (siblings, i)) == id)
      from = (int) i;
  to = from + delta;
  if (from < 0 || to < 0 || to >= (int) siblings->len || delta == 0)
    return TRUE;

  g_ptr_array_insert (siblings, to, g_object_ref (g_ptr_array_index (siblings, from)));
  g_ptr_array_remove_index (siblings, from < to ? from : from + 1);

  /* Renumber the siblings 0..n-1 in one edit: positions may have gaps or
   * ties after deletes and undo. */
  own_edit = !hw_store_in_edit (store);
  if (own_edit && !hw_store_begin_edit (store, _("Change order"), error))
    return FALSE;
  for (guint i = 0; i < siblings->len; i++)
    {
      HwRecord *sibling = g_ptr_array_index (siblings, i);
      g_autoptr(HwRecord) change = NULL;

      if (hw_record_get_int (sibling, "position") == (gint64) i)
        continue;
      change = hw_record_new (table);
      hw_record_set_id (change, hw_record_get_id (sibling));
      hw_record_set_int (change, "position", i);
      if (!hw_store_update (store, NULL, change, error))
        {
          if (own_edit)
            hw_store_rollback_edit (store);
          return FALSE;
        }
    }
  return own_edit ? hw_store_commit_edit (store, error) : TRUE;
}

/* Shortcuts ----------------------------------------------------------------- */

gint64
hw_service_plan_add_need (HwStore     *store,
                          gint64       case_id,
                          const char  *domain,
                          const char  *family_words,
                          const char  *strengths,
                          GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("needs");

  hw_record_set_int (record, "case_id", case_id);
  hw_record_set_string (record, "domain", domain);
  hw_record_set_string (record, "family_words", family_words ? family_words : "");
  hw_record_set_string (record, "strengths", strengths ? strengths : "");
  return hw_service_plan_save (store, NULL, record, error);
}

gint64
hw_service_plan_add_goal (HwStore     *store,
                          gint64       need_id,
                          const char  *text,
                          const char  *target_date,
                          GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("goals");

  hw_record_set_int (record, "need_id", need_id);
  hw_record_set_string (record, "text", text);
  hw_record_set_string (record, "target_date", target_date ? target_date : "");
  return hw_service_plan_save (store, NULL, record, error);
}

gint64
hw_service_plan_add_task (HwStore     *store,
                          gint64       goal_id,
                          const char  *description,
                          gint64       provider_org_id,
                          gint64       responsible_person_id,
                          gboolean     responsible_agency,
                          const char  *frequency,
                          const char  *start_date,
                          const char  *target_date,
                          GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("tasks");

  hw_record_set_int (record, "goal_id", goal_id);
  hw_record_set_string (record, "description", description);
  hw_record_set_ref (record, "provider_org_id", provider_org_id);
  hw_record_set_ref (record, "responsible_person_id", responsible_person_id);
  hw_record_set_int (record, "responsible_agency", responsible_agency ? 1 : 0);
  hw_record_set_string (record, "frequency", frequency ? frequency : "");
  hw_record_set_string (record, "start_date", start_date ? start_date : "");
  hw_record_set_string (record, "target_date", target_date ? target_date : "");
  return hw_service_plan_save (store, NULL, record, error);
}

gboolean
hw_service_plan_set_task_status (HwStore     *store,
                                 gint64       task_id,
                                 const char  *status,
                                 GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("tasks");

  hw_record_set_id (record, task_id);
  hw_record_set_string (record, "status", status);
  return hw_service_plan_save (store,
                               g_strcmp0 (status, "done") == 0 ? _("Mark task done")
                                                               : _("Change task status"),
                               record, error) != 0;
}

gboolean
hw_service_plan_set_achievement (HwStore     *store,
                                 gint64       goal_id,
                                 const char  *achievement,
                                 GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("goals");

  hw_record_set_id (record, goal_id);
  hw_record_set_string (record, "achievement", achievement);
  return hw_service_plan_save (store, _("Rate goal achievement"), record, error) != 0;
}

gint64
hw_service_plan_add_note (HwStore     *store,
                          gint64       task_id,
                          const char  *date,
                          const char  *author,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("progress_notes");

  hw_record_set_int (record, "task_id", task_id);
  hw_record_set_string (record, "date", date ? date : "");
  hw_record_set_string (record, "author", author ? author : hw_store_get_author (store));
  hw_record_set_string (record, "text", text);
  return hw_service_plan_save (store, NULL, record, error);
}

gint64
hw_service_plan_add_aftercare (HwStore     *store,
                               gint64       case_id,
                               const char  *component,
                               const char  *description,
                               gint64       provider_person_id,
                               gint64       provider_org_id,
                               const char  *checkin_schedule,
                               const char  *start_date,
                               const char  *end_date,
                               GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("aftercare_supports");

  hw_record_set_int (record, "case_id", case_id);
  hw_record_set_string (record, "component", component);
  hw_record_set_string (record, "description", description);
  hw_record_set_ref (record, "provider_person_id", provider_person_id);
  hw_record_set_ref (record, "provider_org_id", provider_org_id);
  hw_record_set_string (record, "checkin_schedule", checkin_schedule ? checkin_schedule : "");
  hw_record_set_string (record, "start_date", start_date ? start_date : "");
  hw_record_set_string (record, "end_date", end_date ? end_date : "");
  return hw_service_plan_save (store, NULL, record, error);
}

gint64
hw_service_plan_add_review (HwStore     *store,
                            gint64       case_id,
                            const char  *date,
                            const char  *notes,
                            GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("readiness_reviews");

  hw_record_set_int (record, "case_id", case_id);
  hw_record_set_string (record, "date", date ? date : "");
  hw_record_set_string (record, "notes", notes ? notes : "");
  return hw_service_plan_save (store, NULL, record, error);
}

gboolean
hw_service_plan_set_rating (HwStore     *store,
                            gint64       review_id,
                            const char  *domain,
                            int          rating,
                            GError     **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("readiness_ratings");
  gint64 existing;

  /* One rating per domain and review (UNIQUE): replace, don't add. */
  existing = hw_store_query_int (store, 0,
                                 "SELECT id FROM readiness_ratings WHERE review_id = ? AND domain = ?",
                                 G_TYPE_INT64, review_id, G_TYPE_STRING, domain ? domain : "",
                                 G_TYPE_INVALID);
  if (existing != 0)
    hw_record_set_id (record, existing);
  else
    hw_record_set_int (record, "review_id", review_id);
  hw_record_set_string (record, "domain", domain ? domain : "");
  hw_record_set_int (record, "rating", rating);
  return hw_service_plan_save (store, NULL, record, error) != 0;
}

/* Reading ------------------------------------------------------------------- */

static HwRecipient agency_recipient = { HW_RECIPIENT_AGENCY, 0 };

static const HwRecipient *
recipient_or_agency (const HwRecipient *recipient)
{
  return recipient != NULL ? recipient : &agency_recipient;
}

static gboolean
may_see_columns (const HwRecipient *recipient,
                 HwRecord          *record,
                 const char        *confidential,
                 const char        *withheld)
{
  return hw_recipient_may_see (recipient_or_agency (recipient),
                               hw_record_get_int (record, confidential) != 0,
                               hw_record_get_string (record, withheld));
}

static int domain_rank (HwRecord *record);

static int
cmp_needs (gconstpointer a,
           gconstpointer b)
{
  HwRecord *ra = *(HwRecord **) a;
  HwRecord *rb = *(HwRecord **) b;
  int da = domain_rank (ra), db = domain_rank (rb);
  gint64 pa = hw_record_get_int (ra, "position"), pb = hw_record_get_int (rb, "position");

  if (da != db)
    return da < db ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return hw_record_get_id (ra) < hw_record_get_id (rb) ? -1 : 1;
}

/* The rows of @table that @sql selects for @parent_id, less those
 * withheld from @recipient (left out, not blanked). */
static GPtrArray *
select_visible (HwStore            *store,
                const char         *table,
                const char         *sql,
                gint64              parent_id,
                const HwRecipient  *recipient,
                GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) visible = g_ptr_array_new_with_free_func (g_object_unref);

  rows = hw_store_select (store, table, error, sql, G_TYPE_INT64, parent_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);

      if (hw_recipient_may_see_record (recipient_or_agency (recipient), row))
        g_ptr_array_add (visible, g_object_ref (row));
    }
  return g_steal_pointer (&visible);
}

GPtrArray *
hw_service_plan_list_needs (HwStore            *store,
                            gint64              case_id,
                            const HwRecipient  *recipient,
                            GError            **error)
{
  GPtrArray *visible;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  visible = select_visible (store, "needs", "SELECT * FROM needs WHERE case_id = ? ORDER BY position, id",
                            case_id, recipient, error);
  if (visible != NULL)
    g_ptr_array_sort (visible, cmp_needs);
  return visible;
}

GPtrArray *
hw_service_plan_list_goals (HwStore   *store,
                            gint64     need_id,
                            GError   **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "goals", error,
                          "SELECT g.*, (SELECT count(*) FROM tasks t WHERE t.goal_id = g.id)"
                          "   AS task_count"
                          " FROM goals g WHERE g.need_id = ? ORDER BY g.position, g.id",
                          G_TYPE_INT64, need_id, G_TYPE_INVALID);
}

GPtrArray *
hw_service_plan_list_notes (HwStore            *store,
                            gint64              task_id,
                            const HwRecipient  *recipient,
                            GError            **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return select_visible (store, "progress_notes",
                         "SELECT * FROM progress_notes WHERE task_id = ? ORDER BY date, id",
                         task_id, recipient, error);
}

static char *
casefold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal ? normal : "", -1);
}

static gboolean
matches_text (HwRecord   *task,
              const char *needle_folded)
{
  static const char * const columns[] = {
    "description", "family_words", "strengths", "goal_text", "provider_name",
    "responsible_name", "frequency",
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *hay = casefold (hw_record_get_string (task, columns[i]));

      if (strstr (hay, needle_folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
task_passes (HwRecord           *task,
             const HwTaskFilter *filter,
             const char         *needle_folded)
{
  const char *status = hw_record_get_string (task, "status");
  HwDueState due = due_state_from_string (hw_record_get_string (task, "due_state"));

  if (filter == NULL)
    return TRUE;
  if (filter->domain != NULL && g_strcmp0 (filter->domain, hw_record_get_string (task, "domain")) != 0)
    return FALSE;
  if (filter->status != NULL && g_strcmp0 (filter->status, status) != 0)
    return FALSE;
  if (filter->open_only && (g_str_equal (status, "done") || g_str_equal (status, "dropped")))
    return FALSE;
  if (filter->by_person)
    {
      if (filter->person_id == 0 && hw_record_get_int (task, "responsible_agency") == 0)
        return FALSE;
      if (filter->person_id != 0 &&
          hw_record_get_int (task, "responsible_person_id") != filter->person_id)
        return FALSE;
    }
  if (filter->due_soon_only && due != HW_DUE_OVERDUE && due != HW_DUE_THIS_WEEK)
    return FALSE;
  if (needle_folded != NULL && !matches_text (task, needle_folded))
    return FALSE;
  return TRUE;
}

static int
domain_rank (HwRecord *record)
{
  int index = hw_choices_index (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (record, "domain"));

  return index < 0 ? G_MAXINT : index;
}

#define CMP(a, b) G_STMT_START { if ((a) != (b)) return (a) < (b) ? -1 : 1; } G_STMT_END

static int
cmp_plan (HwRecord *a,
          HwRecord *b)
{
  CMP (domain_rank (a), domain_rank (b));
  CMP (hw_record_get_int (a, "need_position"), hw_record_get_int (b, "need_position"));
  CMP (hw_record_get_int (a, "need_id"), hw_record_get_int (b, "need_id"));
  CMP (hw_record_get_int (a, "goal_position"), hw_record_get_int (b, "goal_position"));
  CMP (hw_record_get_int (a, "goal_id"), hw_record_get_int (b, "goal_id"));
  CMP (hw_record_get_int (a, "position"), hw_record_get_int (b, "position"));
  CMP (hw_record_get_id (a), hw_record_get_id (b));
  return 0;
}

/* undated last */
static int
cmp_due (HwRecord *a,
         HwRecord *b)
{
  const char *da = hw_record_get_string (a, "target_date");
  const char *db = hw_record_get_string (b, "target_date");
  int c;

  if ((da[0] == '\0') != (db[0] == '\0'))
    return da[0] == '\0' ? 1 : -1;
  c = strcmp (da, db);
  if (c != 0)
    return c;
  return cmp_plan (a, b);
}

static int
status_rank (HwRecord *task)
{
  const char *status = hw_record_get_string (task, "status");

  if (g_str_equal (status, "in-progress"))
    return 0;
  if (g_str_equal (status, "not-started"))
    return 1;
  if (g_str_equal (status, "done"))
    return 2;
  return 3;
}

static int
cmp_tasks (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  HwRecord *ta = *(HwRecord **) a;
  HwRecord *tb = *(HwRecord **) b;
  HwTaskSort sort = GPOINTER_TO_INT (user_data);
  int c;

  switch (sort)
    {
    case HW_TASK_SORT_DUE:
      return cmp_due (ta, tb);
    case HW_TASK_SORT_STATUS:
      CMP (status_rank (ta), status_rank (tb));
      return cmp_due (ta, tb);
    case HW_TASK_SORT_RESPONSIBLE:
      {
        const char *ra = hw_record_get_string (ta, "responsible_name");
        const char *rb = hw_record_get_string (tb, "responsible_name");

        /* nobody responsible last */
        if ((ra[0] == '\0') != (rb[0] == '\0'))
          return ra[0] == '\0' ? 1 : -1;
        c = g_utf8_collate (ra, rb);
        if (c != 0)
          return c;
        return cmp_due (ta, tb);
      }
    case HW_TASK_SORT_PLAN:
    default:
      return cmp_plan (ta, tb);
    }
}

GPtrArray *
hw_service_plan_list_tasks (HwStore            *store,
                            gint64              case_id,
                            const HwRecipient  *recipient,
                            const HwTaskFilter *filter,
                            HwTaskSort          sort,
                            const GDate        *today,
                            GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  rows = hw_store_select (store, "tasks", error,
                          "SELECT t.*, n.id AS need_id, n.domain, n.position AS need_position,"
                          "  n.family_words, n.strengths, n.confidential AS need_confidential,"
                          "  n.withheld_from AS need_withheld_from,"
                          "  g.text AS goal_text, g.target_date AS goal_target_date,"
                          "  g.achievement, g.position AS goal_position,"
                          "  o.name AS provider_name, o.confidential AS provider_confidential,"
                          "  o.withheld_from AS provider_withheld_from,"
                          "  p.name AS person_name, p.confidential AS person_confidential,"
                          "  p.withheld_from AS person_withheld_from"
                          " FROM tasks t JOIN goals g ON g.id = t.goal_id"
                          " JOIN needs n ON n.id = g.need_id"
                          " LEFT JOIN organisations o ON o.id = t.provider_org_id"
                          " LEFT JOIN people p ON p.id = t.responsible_person_id"
                          " WHERE n.case_id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;

  if (filter != NULL && filter->text != NULL && filter->text[0] != '\0')
    needle = casefold (filter->text);

  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *task = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) notes = NULL;
      HwDueState due;

      /* A need withheld from the recipient takes its goals and tasks with
       * it: they are left out, not blanked. */
      if (!may_see_columns (recipient, task, "need_confidential", "need_withheld_from"))
        continue;

      if (!may_see_columns (recipient, task, "provider_confidential", "provider_withheld_from"))
        hw_record_set_string (task, "provider_name", "");
      if (hw_record_get_int (task, "responsible_agency") != 0)
        hw_record_set_string (task, "responsible_name", _("Agency"));
      else if (may_see_columns (recipient, task, "person_confidential", "person_withheld_from"))
        hw_record_set_string (task, "responsible_name", hw_record_get_string (task, "person_name"));
      else
        hw_record_set_string (task, "responsible_name", "");
      hw_record_set_string (task, "person_name", "");

      due = hw_service_plan_due_state (hw_record_get_string (task, "status"),
                                       hw_record_get_string (task, "target_date"), today);
      hw_record_set_string (task, "due_state", hw_due_state_to_string (due));

      notes = hw_service_plan_list_notes (store, hw_record_get_id (task), recipient, error);
      if (notes == NULL)
        return NULL;
      hw_record_set_int (task, "note_count", notes->len);

      if (task_passes (task, filter, needle))
        g_ptr_array_add (out, g_object_ref (task));
    }

  g_ptr_array_sort_with_data (out, cmp_tasks, GINT_TO_POINTER (sort));
  return g_steal_pointer (&out);
}

static int
cmp_timeline (gconstpointer a,
              gconstpointer b)
{
  HwRecord *ta = *(HwRecord **) a;
  HwRecord *tb = *(HwRecord **) b;
  int c = strcmp (hw_record_get_string (ta, "date"), hw_record_get_string (tb, "date"));

  if (c != 0)
    return c;
  /* goals after the tasks that lead to them on the same day */
  c = strcmp (hw_record_get_string (tb, "kind"), hw_record_get_string (ta, "kind"));
  if (c != 0)
    return c;
  CMP (hw_record_get_id (ta), hw_record_get_id (tb));
  return 0;
}

GPtrArray *
hw_service_plan_list_timeline (HwStore            *store,
                               gint64              case_id,
                               const HwRecipient  *recipient,
                               const GDate        *today,
                               GError            **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  HwTaskFilter filter = { 0 };

  filter.open_only = TRUE;
  tasks = hw_service_plan_list_tasks (store, case_id, recipient, &filter,
                                      HW_TASK_SORT_DUE, today, error);
  if (tasks == NULL)
    return NULL;
  for (guint i = 0; i < tasks->len; i++)
    {
      HwRecord *task = g_ptr_array_index (tasks, i);
      HwRecord *item;

      if (hw_record_get_string (task, "target_date")[0] == '\0')
        continue;
      item = hw_record_new ("timeline");
      hw_record_set_id (item, hw_record_get_id (task));
      hw_record_set_string (item, "kind", "task");
      hw_record_set_string (item, "date", hw_record_get_string (task, "target_date"));
      hw_record_set_string (item, "text", hw_record_get_string (task, "description"));
      hw_record_set_string (item, "domain", hw_record_get_string (task, "domain"));
      hw_record_set_string (item, "responsible_name", hw_record_get_string (task, "responsible_name"));
      hw_record_set_int (item, "person_id", hw_record_get_int (task, "responsible_person_id"));
      hw_record_set_int (item, "agency", hw_record_get_int (task, "responsible_agency"));
      hw_record_set_string (item, "status", hw_record_get_string (task, "status"));
      hw_record_set_string (item, "due_state", hw_record_get_string (task, "due_state"));
      g_ptr_array_add (out, item);
    }

  needs = hw_service_plan_list_needs (store, case_id, recipient, error);
  if (needs == NULL)
    return NULL;
  for (guint i = 0; i < needs->len; i++)
    {
      HwRecord *need = g_ptr_array_index (needs, i);
      g_autoptr(GPtrArray) goals = hw_service_plan_list_goals (store, hw_record_get_id (need), error);

      if (goals == NULL)
        return NULL;
      for (guint j = 0; j < goals->len; j++)
        {
          HwRecord *goal = g_ptr_array_index (goals, j);
          const char *date = hw_record_get_string (goal, "target_date");
          /* a goal fully achieved is closed, like a done task */
          const char *status = g_str_equal (hw_record_get_string (goal, "achievement"), "major")
                               ? "done" : "in-progress";
          HwRecord *item;

          if (date[0] == '\0')
            continue;
          item = hw_record_new ("timeline");
          hw_record_set_id (item, hw_record_get_id (goal));
          hw_record_set_string (item, "kind", "goal");
          hw_record_set_string (item, "date", date);
          hw_record_set_string (item, "text", hw_record_get_string (goal, "text"));
          hw_record_set_string (item, "domain", hw_record_get_string (need, "domain"));
          hw_record_set_string (item, "responsible_name", "");
          hw_record_set_int (item, "person_id", 0);
          hw_record_set_int (item, "agency", 0);
          hw_record_set_string (item, "status", status);
          hw_record_set_string (item, "due_state",
                                hw_due_state_to_string (hw_service_plan_due_state (status, date, today)));
          g_ptr_array_add (out, item);
        }
    }

  /* the next check-in of each support after going home */
  checkins = hw_aftercare_list_due (store, case_id, recipient, today, error);
  if (checkins == NULL)
    return NULL;
  for (guint i = 0; i < checkins->len; i++)
    g_ptr_array_add (out, g_object_ref (g_ptr_array_index (checkins, i)));

  g_ptr_array_sort (out, cmp_timeline);
  return g_steal_pointer (&out);
}

GPtrArray *
hw_service_plan_list_responsible (HwStore            *store,
                                  gint64              case_id,
                                  const HwRecipient  *recipient,
                                  const GDate        *today,
                                  GError            **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_int64_hash, g_int64_equal);

  tasks = hw_service_plan_list_tasks (store, case_id, recipient, NULL,
                                      HW_TASK_SORT_RESPONSIBLE, today, error);
  if (tasks == NULL)
    return NULL;

  for (guint i = 0; i < tasks->len; i++)
    {
      HwRecord *task = g_ptr_array_index (tasks, i);
      gboolean agency = hw_record_get_int (task, "responsible_agency") != 0;
      gint64 person_id = hw_record_get_int (task, "responsible_person_id");
      gint64 key = agency ? 0 : person_id;
      const char *status = hw_record_get_string (task, "status");
      HwRecord *row;

      if (!agency && (person_id == 0 || hw_record_get_string (task, "responsible_name")[0] == '\0'))
        continue;

      row = g_hash_table_lookup (by_key, &key);
      if (row == NULL)
        {
          row = hw_record_new ("people");
          hw_record_set_id (row, key);
          hw_record_set_string (row, "name", hw_record_get_string (task, "responsible_name"));
          hw_record_set_int (row, "agency", agency);
          hw_record_set_int (row, "open_count", 0);
          hw_record_set_int (row, "overdue_count", 0);
          g_ptr_array_add (out, row);
          /* the key lives as long as the row: point at a copy in the row */
          g_hash_table_insert (by_key, g_memdup2 (&key, sizeof key), row);
        }
      if (!g_str_equal (status, "done") && !g_str_equal (status, "dropped"))
        hw_record_set_int (row, "open_count", hw_record_get_int (row, "open_count") + 1);
      if (g_str_equal (hw_record_get_string (task, "due_state"), "overdue"))
        hw_record_set_int (row, "overdue_count", hw_record_get_int (row, "overdue_count") + 1);
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, by_key);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }

  /* people's own names, with the agency last */
  for (guint i = 0; i < out->len; i++)
    {
      HwRecord *row = g_ptr_array_index (out, i);

      if (hw_record_get_int (row, "agency") != 0 && i + 1 < out->len)
        {
          g_ptr_array_add (out, g_object_ref (row));
          g_ptr_array_remove_index (out, i);
          break;
        }
    }
  return g_steal_pointer (&out);
}

/* component order as in DOMAIN.md, then the planned order */
static int
cmp_aftercare (gconstpointer a,
               gconstpointer b)
{
  HwRecord *ra = *(HwRecord **) a;
  HwRecord *rb = *(HwRecord **) b;

  CMP (hw_choices_index (HW_CHOICES_AFTERCARE_COMPONENT, hw_record_get_string (ra, "component")),
       hw_choices_index (HW_CHOICES_AFTERCARE_COMPONENT, hw_record_get_string (rb, "component")));
  CMP (hw_record_get_int (ra, "position"), hw_record_get_int (rb, "position"));
  CMP (hw_record_get_id (ra), hw_record_get_id (rb));
  return 0;
}

GPtrArray *
hw_service_plan_list_aftercare (HwStore            *store,
                                gint64              case_id,
                                const HwRecipient  *recipient,
                                GError            **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  rows = hw_store_select (store, "aftercare_supports", error,
                          "SELECT a.*, p.name AS provider_person_name,"
                          "  p.confidential AS person_confidential, p.withheld_from AS person_withheld_from,"
                          "  o.name AS provider_org_name,"
                          "  o.confidential AS org_confidential, o.withheld_from AS org_withheld_from"
                          " FROM aftercare_supports a"
                          " LEFT JOIN people p ON p.id = a.provider_person_id"
                          " LEFT JOIN organisations o ON o.id = a.provider_org_id"
                          " WHERE a.case_id = ? ORDER BY a.position, a.id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *row = g_ptr_array_index (rows, i);
      const char *person = hw_record_get_string (row, "provider_person_name");
      const char *org = hw_record_get_string (row, "provider_org_name");
      g_autofree char *name = NULL;

      if (!may_see_columns (recipient, row, "person_confidential", "person_withheld_from"))
        person = "";
      if (!may_see_columns (recipient, row, "org_confidential", "org_withheld_from"))
        org = "";

      if (person[0] != '\0' && org[0] != '\0')
        /* Translators: an aftercare provider: "Ms Lee (Family Centre)" */
        name = g_strdup_printf (_("%s (%s)"), person, org);
      else
        name = g_strdup (person[0] != '\0' ? person : org);
      hw_record_set_string (row, "provider_name", name);
    }

  g_ptr_array_sort (rows, cmp_aftercare);
  return g_steal_pointer (&rows);
}

GPtrArray *
hw_service_plan_list_reviews (HwStore   *store,
                              gint64     case_id,
                              GError   **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "readiness_reviews", error,
                          "SELECT * FROM readiness_reviews WHERE case_id = ? ORDER BY date, id",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID);
}

GPtrArray *
hw_service_plan_list_ratings (HwStore   *store,
                              gint64     review_id,
                              GError   **error)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return hw_store_select (store, "readiness_ratings", error,
                          "SELECT * FROM readiness_ratings WHERE review_id = ? ORDER BY id",
                          G_TYPE_INT64, review_id, G_TYPE_INVALID);
}
