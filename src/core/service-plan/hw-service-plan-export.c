/* hw-service-plan-export.c: the service plan as CSV, JSON and PDF.
 *
 * Every output is made for one recipient: a need withheld from them takes
 * its goals and tasks with it, a withheld note or provider is left out. What
 * is left out is absent from the file, not hidden in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan"

#include <string.h>
#include <time.h>

#include "hw-i18n.h"
#include <json-glib/json-glib.h>

#include "hw-aftercare-checkins.h"
#include "hw-enums.h"
#include "hw-language.h"
#include "hw-service-plan.h"

static void
local_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static gboolean
check_case (HwStore  *store,
            gint64    case_id,
            GError  **error)
{
  if (case_id <= 0 ||
      hw_store_query_int (store, 0, "SELECT count(*) FROM cases WHERE id = ?",
                          G_TYPE_INT64, case_id, G_TYPE_INVALID) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, case_id);

      /* Translators: %s is a case's number in the database */
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                   _("There is no case with the number %s."), number);
      return FALSE;
    }
  return TRUE;
}

/* The tasks of one goal, in order, out of the plan-ordered list. */
static GPtrArray *
tasks_of_goal (GPtrArray *tasks,
               gint64     goal_id)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    if (hw_record_get_int (g_ptr_array_index (tasks, i), "goal_id") == goal_id)
      g_ptr_array_add (out, g_ptr_array_index (tasks, i));
  return out;
}

/* "Cost, Wait list" */
static char *
barrier_labels (const char *barriers)
{
  g_auto(GStrv) ids = g_strsplit (barriers ? barriers : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (ids[i][0] == '\0')
        continue;
      if (out->len)
        g_string_append (out, ", ");
      g_string_append (out, hw_choice_label (HW_CHOICES_BARRIER, ids[i]));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "2025-03-10 (Caseworker): text", one a line */
static char *
notes_text (HwStore           *store,
            gint64             task_id,
            const HwRecipient *recipient,
            GError           **error)
{
  g_autoptr(GPtrArray) notes = hw_service_plan_list_notes (store, task_id, recipient, error);
  g_autoptr(GString) out = g_string_new (NULL);

  if (notes == NULL)
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    {
      HwRecord *note = g_ptr_array_index (notes, i);
      const char *author = hw_record_get_string (note, "author");

      if (out->len)
        g_string_append_c (out, '\n');
      if (author[0] != '\0')
        /* Translators: a progress note in the CSV: date (author): text */
        g_string_append_printf (out, _("%s (%s): %s"), hw_record_get_string (note, "date"),
                                author, hw_record_get_string (note, "text"));
      else
        g_string_append_printf (out, "%s: %s", hw_record_get_string (note, "date"),
                                hw_record_get_string (note, "text"));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* CSV ----------------------------------------------------------------------- */

/* RFC 4180: a field with a comma, a quote or a line break is quoted and its
 * quotes doubled. A field that a spreadsheet would run as a formula (=, +,
 * -, @ first) gets a leading apostrophe so that opening the file never
 * runs anything. */
typedef struct {
  GString  *out;
  gboolean  row_start;
} Csv;

static void
csv_field (Csv        *csv,
           const char *value)
{
  GString *row = csv->out;
  const char *v = value != NULL ? value : "";
  gboolean formula = v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
                     v[0] == '\t' || v[0] == '\r';
  gboolean quote = formula || strpbrk (v, ",\"\r\n") != NULL ||
                   (v[0] != '\0' && (g_ascii_isspace (v[0]) || g_ascii_isspace (v[strlen (v) - 1])));

  if (!csv->row_start)
    g_string_append_c (row, ',');
  csv->row_start = FALSE;
  if (!quote)
    {
      g_string_append (row, v);
      return;
    }
  g_string_append_c (row, '"');
  if (formula)
    g_string_append_c (row, '\'');
  for (const char *p = v; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
csv_end_row (Csv *csv)
{
  g_string_append (csv->out, "\r\n");
  csv->row_start = TRUE;
}

char *
hw_service_plan_to_csv (HwStore            *store,
                        gint64              case_id,
                        const HwRecipient  *recipient,
                        GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  Csv csv = { out, TRUE };
  GDate today;
  const char *headers[] = {
    N_("Domain"), N_("Need in the family’s words"), N_("Strengths"), N_("Goal"),
    N_("Goal target date"), N_("Achievement"), N_("Task"), N_("Provider"),
    N_("Responsible"), N_("Frequency"), N_("Start date"), N_("Target date"),
    N_("Status"), N_("Due"), N_("Barriers"), N_("Progress notes"),
  };

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!check_case (store, case_id, error))
    return NULL;
  local_today (&today);
  needs = hw_service_plan_list_needs (store, case_id, recipient, error);
  if (needs == NULL)
    return NULL;
  tasks = hw_service_plan_list_tasks (store, case_id, recipient, NULL, HW_TASK_SORT_PLAN, &today, error);
  if (tasks == NULL)
    return NULL;

  /* A byte order mark, so that spreadsheets that guess the encoding read
   * UTF-8 (accents, other scripts) instead of a legacy code page. */
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    csv_field (&csv, _(headers[i]));
  csv_end_row (&csv);

  for (guint n = 0; n < needs->len; n++)
    {
      HwRecord *need = g_ptr_array_index (needs, n);
      const char *domain = hw_choice_label (HW_CHOICES_NEED_DOMAIN, hw_record_get_string (need, "domain"));
      g_autoptr(GPtrArray) goals = hw_service_plan_list_goals (store, hw_record_get_id (need), error);

      if (goals == NULL)
        return NULL;
      /* a need with no goal yet still gets its row */
      if (goals->len == 0)
        {
          csv_field (&csv, domain);
          csv_field (&csv, hw_record_get_string (need, "family_words"));
          csv_field (&csv, hw_record_get_string (need, "strengths"));
          for (guint i = 3; i < G_N_ELEMENTS (headers); i++)
            csv_field (&csv, "");
          csv_end_row (&csv);
        }
      for (guint g = 0; g < goals->len; g++)
        {
          HwRecord *goal = g_ptr_array_index (goals, g);
          g_autoptr(GPtrArray) mine = tasks_of_goal (tasks, hw_record_get_id (goal));

          for (guint t = 0; t < MAX (mine->len, 1); t++)
            {
              HwRecord *task = t < mine->len ? g_ptr_array_index (mine, t) : NULL;

              csv_field (&csv, domain);
              csv_field (&csv, hw_record_get_string (need, "family_words"));
              csv_field (&csv, hw_record_get_string (need, "strengths"));
              csv_field (&csv, hw_record_get_string (goal, "text"));
              csv_field (&csv, hw_record_get_string (goal, "target_date"));
              csv_field (&csv, hw_choice_label (HW_CHOICES_ACHIEVEMENT, hw_record_get_string (goal, "achievement")));
              if (task != NULL)
                {
                  g_autofree char *barriers = barrier_labels (hw_record_get_string (task, "barriers"));
                  g_autofree char *notes = notes_text (store, hw_record_get_id (task), recipient, error);
                  const char *due = hw_record_get_string (task, "due_state");

                  if (notes == NULL)
                    return NULL;
                  csv_field (&csv, hw_record_get_string (task, "description"));
                  csv_field (&csv, hw_record_get_string (task, "provider_name"));
                  csv_field (&csv, hw_record_get_string (task, "responsible_name"));
                  csv_field (&csv, hw_record_get_string (task, "frequency"));
                  csv_field (&csv, hw_record_get_string (task, "start_date"));
                  csv_field (&csv, hw_record_get_string (task, "target_date"));
                  csv_field (&csv, hw_choice_label (HW_CHOICES_TASK_STATUS, hw_record_get_string (task, "status")));
                  csv_field (&csv, g_str_equal (due, "overdue") || g_str_equal (due, "due-this-week")
                                  ? hw_due_state_label (g_str_equal (due, "overdue") ? HW_DUE_OVERDUE : HW_DUE_THIS_WEEK)
                                  : "");
                  csv_field (&csv, barriers);
                  csv_field (&csv, notes);
                }
              else
                {
                  for (guint i = 6; i < G_N_ELEMENTS (headers); i++)
                    csv_field (&csv, "");
                }
              csv_end_row (&csv);
            }
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON ---------------------------------------------------------------------- */

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_int_value (b, value);
}

static gboolean
build_task (JsonBuilder       *b,
            HwStore           *store,
            HwRecord          *task,
            const HwRecipient *recipient,
            GError           **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_auto(GStrv) barriers = NULL;

  notes = hw_service_plan_list_notes (store, hw_record_get_id (task), recipient, error);
  if (notes == NULL)
    return FALSE;

  json_builder_begin_object (b);
  add_int (b, "id", hw_record_get_id (task));
  add_string (b, "description", hw_record_get_string (task, "description"));

  json_builder_set_member_name (b, "provider");
  if (hw_record_get_string (task, "provider_name")[0] != '\0')
    {
      json_builder_begin_object (b);
      add_int (b, "id", hw_record_get_int (task, "provider_org_id"));
      add_string (b, "name", hw_record_get_string (task, "provider_name"));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "responsible");
  if (hw_record_get_int (task, "responsible_agency") != 0)
    {
      json_builder_begin_object (b);
      add_string (b, "kind", "agency");
      add_string (b, "name", hw_record_get_string (task, "responsible_name"));
      json_builder_end_object (b);
    }
  else if (hw_record_get_string (task, "responsible_name")[0] != '\0')
    {
      json_builder_begin_object (b);
      add_string (b, "kind", "person");
      add_int (b, "id", hw_record_get_int (task, "responsible_person_id"));
      add_string (b, "name", hw_record_get_string (task, "responsible_name"));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  add_string (b, "frequency", hw_record_get_string (task, "frequency"));
  add_string (b, "start_date", hw_record_get_string (task, "start_date"));
  add_string (b, "target_date", hw_record_get_string (task, "target_date"));
  add_string (b, "status", hw_record_get_string (task, "status"));
  add_string (b, "due_state", hw_record_get_string (task, "due_state"));

  json_builder_set_member_name (b, "barriers");
  json_builder_begin_array (b);
  barriers = g_strsplit (hw_record_get_string (task, "barriers"), ",", -1);
  for (guint i = 0; barriers[i] != NULL; i++)
    if (barriers[i][0] != '\0')
      json_builder_add_string_value (b, barriers[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "progress_notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->len; i++)
    {
      HwRecord *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (b);
      add_string (b, "date", hw_record_get_string (note, "date"));
      add_string (b, "author", hw_record_get_string (note, "author"));
      add_string (b, "text", hw_record_get_string (note, "text"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return TRUE;
}

char *
hw_service_plan_to_json (HwStore            *store,
                         gint64              case_id,
                         const HwRecipient  *recipient,
                         GError            **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) aftercare = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(HwRecord) kase = NULL;
  g_autofree char *recipient_text = NULL;
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  GDate today;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (!check_case (store, case_id, error))
    return NULL;
  local_today (&today);
  kase = hw_store_get (store, "cases", case_id, error);
  needs = kase ? hw_service_plan_list_needs (store, case_id, recipient, error) : NULL;
  tasks = needs ? hw_service_plan_list_tasks (store, case_id, recipient, NULL, HW_TASK_SORT_PLAN, &today, error) : NULL;
  aftercare = tasks ? hw_service_plan_list_aftercare (store, case_id, recipient, error) : NULL;
  reviews = aftercare ? hw_service_plan_list_reviews (store, case_id, error) : NULL;
  if (reviews == NULL)
    return NULL;

  recipient_text = hw_recipient_to_string (recipient ? recipient : &agency);

  json_builder_begin_object (b);
  add_string (b, "format", "homeward-service-plan");
  add_int (b, "version", 1);
  add_string (b, "recipient", recipient_text);
  json_builder_set_member_name (b, "case");
  json_builder_begin_object (b);
  add_int (b, "id", case_id);
  add_string (b, "family_name", hw_record_get_string (kase, "family_name"));
  add_string (b, "case_number", hw_record_get_string (kase, "case_number"));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "needs");
  json_builder_begin_array (b);
  for (guint n = 0; n < needs->len; n++)
    {
      HwRecord *need = g_ptr_array_index (needs, n);
      g_autoptr(GPtrArray) goals = hw_service_plan_list_goals (store, hw_record_get_id (need), error);

      if (goals == NULL)
        return NULL;
      json_builder_begin_object (b);
      add_int (b, "id", hw_record_get_id (need));
      add_string (b, "domain", hw_record_get_string (need, "domain"));
      add_string (b, "family_words", hw_record_get_string (need, "family_words"));
      add_string (b, "strengths", hw_record_get_string (need, "strengths"));
      json_builder_set_member_name (b, "goals");
      json_builder_begin_array (b);
      for (guint g = 0; g < goals->len; g++)
        {
          HwRecord *goal = g_ptr_array_index (goals, g);
          g_autoptr(GPtrArray) mine = tasks_of_goal (tasks, hw_record_get_id (goal));

          json_builder_begin_object (b);
          add_int (b, "id", hw_record_get_id (goal));
          add_string (b, "text", hw_record_get_string (goal, "text"));
          add_string (b, "target_date", hw_record_get_string (goal, "target_date"));
          add_string (b, "achievement", hw_record_get_string (goal, "achievement"));
          json_builder_set_member_name (b, "tasks");
          json_builder_begin_array (b);
          for (guint t = 0; t < mine->len; t++)
            if (!build_task (b, store, g_ptr_array_index (mine, t), recipient, error))
              return NULL;
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "aftercare");
  json_builder_begin_array (b);
  for (guint i = 0; i < aftercare->len; i++)
    {
      HwRecord *row = g_ptr_array_index (aftercare, i);

      json_builder_begin_object (b);
      add_int (b, "id", hw_record_get_id (row));
      add_string (b, "component", hw_record_get_string (row, "component"));
      add_string (b, "description", hw_record_get_string (row, "description"));
      add_string (b, "provider", hw_record_get_string (row, "provider_name"));
      add_string (b, "checkin_schedule", hw_record_get_string (row, "checkin_schedule"));
      add_string (b, "start_date", hw_record_get_string (row, "start_date"));
      add_string (b, "end_date", hw_record_get_string (row, "end_date"));
      add_string (b, "checkin_every", hw_record_get_string (row, "checkin_every"));
      /* the check-ins this copy's reader may see, newest first */
      {
        g_autoptr(GPtrArray) checkins = hw_aftercare_list_checkins (store, hw_record_get_id (row),
                                                                    recipient, error);

        if (checkins == NULL)
          return NULL;
        json_builder_set_member_name (b, "checkins");
        json_builder_begin_array (b);
        for (guint k = 0; k < checkins->len; k++)
          {
            HwRecord *c = g_ptr_array_index (checkins, k);

            json_builder_begin_object (b);
            add_string (b, "date", hw_record_get_string (c, "date"));
            add_string (b, "who", hw_record_get_string (c, "person_name"));
            add_string (b, "how", hw_record_get_string (c, "how"));
            add_string (b, "with_whom", hw_record_get_string (c, "with_whom"));
            add_string (b, "what_came_up", hw_record_get_string (c, "what_came_up"));
            add_string (b, "follow_up", hw_record_get_string (c, "follow_up"));
            json_builder_end_object (b);
          }
        json_builder_end_array (b);
      }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "readiness_reviews");
  json_builder_begin_array (b);
  for (guint i = 0; i < reviews->len; i++)
    {
      HwRecord *review = g_ptr_array_index (reviews, i);
      g_autoptr(GPtrArray) ratings = hw_service_plan_list_ratings (store, hw_record_get_id (review), error);

      if (ratings == NULL)
        return NULL;
      json_builder_begin_object (b);
      add_string (b, "date", hw_record_get_string (review, "date"));
      add_string (b, "notes", hw_record_get_string (review, "notes"));
      json_builder_set_member_name (b, "ratings");
      json_builder_begin_object (b);
      for (guint j = 0; j < ratings->len; j++)
        add_int (b, hw_record_get_string (g_ptr_array_index (ratings, j), "domain"),
                 hw_record_get_int (g_ptr_array_index (ratings, j), "rating"));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* Export -------------------------------------------------------------------- */

gboolean
hw_service_plan_export (HwStore                *store,
                        const HwExportOptions  *opts,
                        GError                **error)
{
  g_autofree char *data = NULL;
  const char *format;

  g_return_val_if_fail (HW_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  format = opts->format != NULL ? opts->format : "pdf";
  if (opts->output == NULL || opts->output[0] == '\0')
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, _("No output file given."));
      return FALSE;
    }

  if (g_str_equal (format, "csv"))
    {
      g_autoptr(HwRecord) kase = hw_store_get (store, "cases", opts->case_id, NULL);
      g_autoptr(HwLanguageSwitch) language = NULL;
      g_autofree char *lang = NULL;

      /* headers and choice labels in the family's language, as the PDF;
       * one that cannot be loaded is refused */
      lang = hw_language_choose (opts->language,
                                 kase != NULL ? hw_record_get_string (kase, "primary_language") : NULL,
                                 error);
      if (lang == NULL)
        return FALSE;
      language = hw_language_push (lang);
      data = hw_service_plan_to_csv (store, opts->case_id, &opts->recipient, error);
    }
  else if (g_str_equal (format, "json"))
    data = hw_service_plan_to_json (store, opts->case_id, &opts->recipient, error);
  else if (g_str_equal (format, "pdf"))
    return hw_service_plan_export_pdf (store, opts, error);
  else
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID,
                   _("The service plan can be exported as pdf, json or csv, not “%s”."), format);
      return FALSE;
    }

  if (data == NULL)
    return FALSE;
  return hw_export_write_file (opts->output, data, -1, error);
}
