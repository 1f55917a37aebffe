/* hw-service-plan-queries.c: the named queries of the service plan view.
 *
 * The tabs show flat lists of rows that are worked out here, not in the
 * view: which needs and goals show under the filters, the sections of the
 * due dates, the kinds of support with nothing planned. The live lists run
 * these again on every change of their tables, and HwRecordList reports
 * only the rows that changed, so the view replaces those rows alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-queries"

#include "hw-aftercare-checkins.h"
#include "hw-enums.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan-queries.h"

/* The tables the task lists are read from (names and note counts too). */
static const char * const task_tables[] = {
  "needs", "goals", "tasks", "progress_notes", "people", "organisations",
};

static HwRecord *
marker_new (const char *table,
            const char *column,
            const char *value)
{
  HwRecord *record = hw_record_new (table);

  hw_record_set_string (record, column, value);
  return record;
}

static gboolean
is_filtered (const HwTaskFilter *filter)
{
  return filter != NULL &&
         (filter->open_only || filter->due_soon_only || filter->by_person ||
          filter->domain != NULL || filter->status != NULL ||
          (filter->text != NULL && filter->text[0] != '\0'));
}

GPtrArray *
hw_service_plan_select_outline (HwStore            *store,
                                gint64              case_id,
                                const HwRecipient  *recipient,
                                const HwTaskFilter *filter,
                                HwTaskSort          sort,
                                const GDate        *today,
                                GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  gboolean filtered = is_filtered (filter);
  guint shown = 0;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  tasks = hw_service_plan_list_tasks (store, case_id, recipient, filter, sort, today, error);
  if (tasks == NULL)
    return NULL;
  needs = hw_service_plan_list_needs (store, case_id, recipient, error);
  if (needs == NULL)
    return NULL;
  if (needs->len == 0)
    g_ptr_array_add (out, marker_new ("empty", "reason", "no-needs"));

  for (guint n = 0; n < needs->len; n++)
    {
      HwRecord *need = g_ptr_array_index (needs, n);
      g_autoptr(GPtrArray) goals = NULL;
      gboolean need_shown = !filtered;

      goals = hw_service_plan_list_goals (store, hw_record_get_id (need), error);
      if (goals == NULL)
        return NULL;
      if (need_shown)
        g_ptr_array_add (out, g_object_ref (need));
      for (guint g = 0; g < goals->len; g++)
        {
          HwRecord *goal = g_ptr_array_index (goals, g);
          gboolean goal_shown = !filtered;

          if (goal_shown)
            g_ptr_array_add (out, g_object_ref (goal));
          for (guint t = 0; t < tasks->len; t++)
            {
              HwRecord *task = g_ptr_array_index (tasks, t);

              if (hw_record_get_int (task, "goal_id") != hw_record_get_id (goal))
                continue;
              /* filtered: a need and a goal show above a task that passes */
              if (!need_shown)
                g_ptr_array_add (out, g_object_ref (need));
              if (!goal_shown)
                g_ptr_array_add (out, g_object_ref (goal));
              need_shown = goal_shown = TRUE;
              g_ptr_array_add (out, g_object_ref (task));
              shown++;
            }
        }
    }
  if (filtered && shown == 0 && needs->len > 0)
    g_ptr_array_add (out, marker_new ("empty", "reason", "filtered"));
  return g_steal_pointer (&out);
}

GPtrArray *
hw_service_plan_select_by_person (HwStore            *store,
                                  gint64              case_id,
                                  const HwRecipient  *recipient,
                                  const HwTaskFilter *filter,
                                  HwTaskSort          sort,
                                  const GDate        *today,
                                  GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  tasks = hw_service_plan_list_tasks (store, case_id, recipient, filter, sort, today, error);
  if (tasks == NULL)
    return NULL;
  people = hw_service_plan_list_responsible (store, case_id, recipient, today, error);
  if (people == NULL)
    return NULL;
  if (people->len == 0)
    g_ptr_array_add (out, marker_new ("empty", "reason", "nobody"));

  for (guint p = 0; p < people->len; p++)
    {
      HwRecord *person = g_ptr_array_index (people, p);
      gboolean agency = hw_record_get_int (person, "agency") != 0;
      guint shown = 0;

      g_ptr_array_add (out, g_object_ref (person));
      for (guint t = 0; t < tasks->len; t++)
        {
          HwRecord *task = g_ptr_array_index (tasks, t);

          if (agency ? hw_record_get_int (task, "responsible_agency") == 0
                     : hw_record_get_int (task, "responsible_person_id") != hw_record_get_id (person))
            continue;
          g_ptr_array_add (out, g_object_ref (task));
          shown++;
        }
      if (shown == 0)
        g_ptr_array_add (out, marker_new ("empty", "reason", "filtered"));
    }
  return g_steal_pointer (&out);
}

GPtrArray *
hw_service_plan_select_due_dates (HwStore            *store,
                                  gint64              case_id,
                                  const HwRecipient  *recipient,
                                  const GDate        *today,
                                  GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  const char *section = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  items = hw_service_plan_list_timeline (store, case_id, recipient, today, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    g_ptr_array_add (out, marker_new ("empty", "reason", "no-dates"));
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);
      const char *due = hw_record_get_string (item, "due_state");
      const char *this_section;

      if (g_str_equal (due, "overdue"))
        this_section = "overdue";
      else if (g_str_equal (due, "due-this-week"))
        this_section = "this-week";
      else
        this_section = "later";
      if (g_strcmp0 (section, this_section) != 0)
        g_ptr_array_add (out, marker_new ("heading", "section", this_section));
      section = this_section;
      g_ptr_array_add (out, g_object_ref (item));
    }
  return g_steal_pointer (&out);
}

GPtrArray *
hw_service_plan_select_due_week (HwStore            *store,
                                 gint64              case_id,
                                 const HwRecipient  *recipient,
                                 gint64              person_id,
                                 const GDate        *today,
                                 GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  const char *section = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  items = hw_service_plan_list_timeline (store, case_id, recipient, today, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      HwRecord *item = g_ptr_array_index (items, i);
      const char *due = hw_record_get_string (item, "due_state");
      const char *this_section;

      if (g_str_equal (due, "overdue"))
        this_section = "overdue";
      else if (g_str_equal (due, "due-this-week"))
        this_section = "this-week";
      else
        continue;
      if (person_id != 0 && hw_record_get_int (item, "person_id") != person_id)
        continue;
      if (g_strcmp0 (section, this_section) != 0)
        g_ptr_array_add (out, marker_new ("heading", "section", this_section));
      section = this_section;
      g_ptr_array_add (out, g_object_ref (item));
    }
  if (out->len == 0)
    g_ptr_array_add (out, marker_new ("empty", "reason", "nothing-due"));
  return g_steal_pointer (&out);
}

GPtrArray *
hw_service_plan_select_aftercare_outline (HwStore            *store,
                                          gint64              case_id,
                                          const HwRecipient  *recipient,
                                          const GDate        *today,
                                          GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) supports = NULL;
  g_autoptr(GPtrArray) due = NULL;
  const HwChoice *components;
  guint n_components;
  GDate local;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (today == NULL || !g_date_valid (today))
    {
      g_date_clear (&local, 1);
      g_date_set_time_t (&local, time (NULL));
      today = &local;
    }
  supports = hw_service_plan_list_aftercare (store, case_id, recipient, error);
  if (supports == NULL)
    return NULL;
  due = hw_aftercare_list_due (store, case_id, recipient, today, error);
  if (due == NULL)
    return NULL;
  /* each support says when its next check-in is due */
  for (guint i = 0; i < supports->len; i++)
    {
      HwRecord *support = g_ptr_array_index (supports, i);

      hw_record_set_string (support, "next_due", "");
      hw_record_set_string (support, "next_due_state", "no-date");
      for (guint d = 0; d < due->len; d++)
        {
          HwRecord *item = g_ptr_array_index (due, d);

          if (hw_record_get_id (item) != hw_record_get_id (support))
            continue;
          hw_record_set_string (support, "next_due", hw_record_get_string (item, "date"));
          hw_record_set_string (support, "next_due_state",
                                hw_record_get_string (item, "due_state"));
        }
    }
  components = hw_choices_get (HW_CHOICES_AFTERCARE_COMPONENT, &n_components);
  for (guint c = 0; c < n_components; c++)
    {
      guint found = 0;

      g_ptr_array_add (out, marker_new ("aftercare_component", "component", components[c].id));
      for (guint i = 0; i < supports->len; i++)
        {
          HwRecord *support = g_ptr_array_index (supports, i);

          g_autoptr(GPtrArray) checkins = NULL;

          if (!g_str_equal (hw_record_get_string (support, "component"), components[c].id))
            continue;
          g_ptr_array_add (out, g_object_ref (support));
          found++;
          checkins = hw_aftercare_list_checkins (store, hw_record_get_id (support), recipient,
                                                 error);
          if (checkins == NULL)
            return NULL;
          for (guint k = 0; k < checkins->len; k++)
            g_ptr_array_add (out, g_object_ref (g_ptr_array_index (checkins, k)));
        }
      if (found == 0)
        g_ptr_array_add (out, marker_new ("empty", "reason", "nothing-planned"));
    }
  return g_steal_pointer (&out);
}

/* Live lists -------------------------------------------------------------- */

typedef enum {
  LIST_OUTLINE,
  LIST_BY_PERSON,
  LIST_DUE_DATES,
  LIST_DUE_WEEK,
  LIST_AFTERCARE,
} ListKind;

/* What a live list asks, copied: the caller's filter may go away. */
typedef struct {
  ListKind      kind;
  gint64        case_id;
  HwRecipient   recipient;
  gboolean      has_recipient;
  HwTaskFilter  filter;
  gboolean      has_filter;
  char         *text;
  char         *domain;
  char         *status;
  HwTaskSort    sort;
  GDate         today;
  gint64        person_id;    /* LIST_DUE_WEEK */
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query->domain);
  g_free (query->status);
  g_free (query);
}

static GPtrArray *
query_run_cb (HwStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Query *query = user_data;
  const HwRecipient *recipient = query->has_recipient ? &query->recipient : NULL;
  const HwTaskFilter *filter = query->has_filter ? &query->filter : NULL;

  switch (query->kind)
    {
    case LIST_OUTLINE:
      return hw_service_plan_select_outline (store, query->case_id, recipient, filter,
                                             query->sort, &query->today, error);
    case LIST_BY_PERSON:
      return hw_service_plan_select_by_person (store, query->case_id, recipient, filter,
                                               query->sort, &query->today, error);
    case LIST_DUE_DATES:
      return hw_service_plan_select_due_dates (store, query->case_id, recipient,
                                               &query->today, error);
    case LIST_DUE_WEEK:
      return hw_service_plan_select_due_week (store, query->case_id, recipient, query->person_id,
                                              &query->today, error);
    case LIST_AFTERCARE:
    default:
      return hw_service_plan_select_aftercare_outline (store, query->case_id, recipient,
                                                       &query->today, error);
    }
}

static HwRecordList *
live_list_new (HwStore            *store,
               ListKind            kind,
               gint64              case_id,
               const HwRecipient  *recipient,
               const HwTaskFilter *filter,
               HwTaskSort          sort,
               const GDate        *today,
               gint64              person_id)
{
  Query *query = g_new0 (Query, 1);
  HwRecordList *list;

  query->kind = kind;
  query->case_id = case_id;
  if (recipient != NULL)
    {
      query->recipient = *recipient;
      query->has_recipient = TRUE;
    }
  if (filter != NULL)
    {
      query->filter = *filter;
      query->has_filter = TRUE;
      query->filter.text = query->text = g_strdup (filter->text);
      query->filter.domain = query->domain = g_strdup (filter->domain);
      query->filter.status = query->status = g_strdup (filter->status);
    }
  query->sort = sort;
  query->person_id = person_id;
  if (today != NULL)
    query->today = *today;
  else
    g_date_clear (&query->today, 1);

  if (kind == LIST_AFTERCARE)
    {
      list = hw_record_list_new_with_func (store, "aftercare_supports", query_run_cb,
                                           query, query_free);
      hw_record_list_watch (list, "people");
      hw_record_list_watch (list, "organisations");
      /* the next check-in due shows on each support */
      hw_record_list_watch (list, "aftercare_checkins");
      hw_record_list_watch (list, "case_events");
      return list;
    }
  list = hw_record_list_new_with_func (store, task_tables[0], query_run_cb, query, query_free);
  for (guint i = 1; i < G_N_ELEMENTS (task_tables); i++)
    hw_record_list_watch (list, task_tables[i]);
  if (kind == LIST_DUE_DATES || kind == LIST_DUE_WEEK)
    {
      /* check-ins due come from the supports, their check-ins and the
       * return home */
      hw_record_list_watch (list, "aftercare_supports");
      hw_record_list_watch (list, "aftercare_checkins");
      hw_record_list_watch (list, "case_events");
    }
  return list;
}

/**
 * hw_service_plan_outline_list_new:
 *
 * Returns: (transfer full): hw_service_plan_select_outline() as a live list
 */
HwRecordList *
hw_service_plan_outline_list_new (HwStore            *store,
                                  gint64              case_id,
                                  const HwRecipient  *recipient,
                                  const HwTaskFilter *filter,
                                  HwTaskSort          sort,
                                  const GDate        *today)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return live_list_new (store, LIST_OUTLINE, case_id, recipient, filter, sort, today, 0);
}

/**
 * hw_service_plan_by_person_list_new:
 *
 * Returns: (transfer full): hw_service_plan_select_by_person() as a live list
 */
HwRecordList *
hw_service_plan_by_person_list_new (HwStore            *store,
                                    gint64              case_id,
                                    const HwRecipient  *recipient,
                                    const HwTaskFilter *filter,
                                    HwTaskSort          sort,
                                    const GDate        *today)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return live_list_new (store, LIST_BY_PERSON, case_id, recipient, filter, sort, today, 0);
}

/**
 * hw_service_plan_due_dates_list_new:
 *
 * Returns: (transfer full): hw_service_plan_select_due_dates() as a live list
 */
HwRecordList *
hw_service_plan_due_dates_list_new (HwStore           *store,
                                    gint64             case_id,
                                    const HwRecipient *recipient,
                                    const GDate       *today)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return live_list_new (store, LIST_DUE_DATES, case_id, recipient, NULL, HW_TASK_SORT_DUE,
                        today, 0);
}

/**
 * hw_service_plan_due_week_list_new:
 *
 * Returns: (transfer full): hw_service_plan_select_due_week() as a live list
 */
HwRecordList *
hw_service_plan_due_week_list_new (HwStore           *store,
                                   gint64             case_id,
                                   const HwRecipient *recipient,
                                   gint64             person_id,
                                   const GDate       *today)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  return live_list_new (store, LIST_DUE_WEEK, case_id, recipient, NULL, HW_TASK_SORT_DUE, today,
                        person_id);
}

/**
 * hw_service_plan_aftercare_list_new:
 *
 * Returns: (transfer full): hw_service_plan_select_aftercare_outline() as
 *   a live list
 */
HwRecordList *
hw_service_plan_aftercare_list_new (HwStore           *store,
                                    gint64             case_id,
                                    const HwRecipient *recipient,
                                    const GDate       *today)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return live_list_new (store, LIST_AFTERCARE, case_id, recipient, NULL, HW_TASK_SORT_PLAN,
                        today, 0);
}

/**
 * hw_service_plan_reviews_list_new:
 *
 * Returns: (transfer full): the readiness reviews of @case_id by date, live
 */
HwRecordList *
hw_service_plan_reviews_list_new (HwStore *store,
                                  gint64   case_id)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT * FROM readiness_reviews WHERE case_id = %" G_GINT64_FORMAT
                         " ORDER BY date, id", case_id);
  return hw_record_list_new (store, "readiness_reviews", sql);
}

/* Readiness ratings ------------------------------------------------------- */

int
hw_service_plan_get_rating (HwStore     *store,
                            gint64       review_id,
                            const char  *domain,
                            GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (HW_IS_STORE (store), HW_READINESS_UNRATED);
  g_return_val_if_fail (domain != NULL, HW_READINESS_UNRATED);

  rows = hw_store_select (store, "readiness_ratings", error,
                          "SELECT id, rating FROM readiness_ratings WHERE review_id = ? AND domain = ?",
                          G_TYPE_INT64, review_id, G_TYPE_STRING, domain, G_TYPE_INVALID);
  if (rows == NULL || rows->len != 1)
    return HW_READINESS_UNRATED;
  return (int) hw_record_get_int (g_ptr_array_index (rows, 0), "rating");
}

gboolean
hw_service_plan_clear_rating (HwStore     *store,
                              gint64       review_id,
                              const char  *domain,
                              GError     **error)
{
  gint64 old;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (domain != NULL, FALSE);

  old = hw_store_query_int (store, 0,
                            "SELECT id FROM readiness_ratings WHERE review_id = ? AND domain = ?",
                            G_TYPE_INT64, review_id, G_TYPE_STRING, domain, G_TYPE_INVALID);
  if (old == 0)
    return TRUE;
  return hw_service_plan_delete (store, NULL, "readiness_ratings", old, error);
}
