/* hw-service-plan-document.c: the printed service plan, built with the
 * shared document renderer (hw-document.h): needs by domain with the
 * family's words and strengths, goals and their tasks, progress notes, the
 * twelve months of aftercare by component, and the readiness reviews as a
 * chart and a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan"

#include <string.h>
#include <time.h>

#include "hw-i18n.h"

#include "hw-service-plan.h"

#include "hw-aftercare-checkins.h"
#include "hw-date.h"
#include "hw-enums.h"
#include "hw-language.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan-document.h"

static char *
long_date (const char *iso)
{
  return hw_service_plan_format_date (iso, TRUE);
}

/* For table cells, where a long month name would break across lines. */
static char *
short_date (const char *iso)
{
  return hw_service_plan_format_date (iso, FALSE);
}

static void
draw_chart_cb (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  hw_readiness_chart_draw (user_data, cr, width, height, 8.5);
}

/* A support person's copy is their part only (it says so in its footer,
 * hw_recipient_describe()): the tasks they are responsible for, with the
 * goal and area each serves, the aftercare supports they give and their
 * own signature. Not the family's own words about a need, not the other
 * tasks and notes, not the agency's readiness reviews: a grandmother who
 * drives the children to school does not get the mother's drug tests. */
static gboolean
part_only (const HwRecipient *recipient)
{
  return recipient->kind == HW_RECIPIENT_SUPPORT;
}

static gboolean
goal_has_task (HwRecord  *goal,
               GPtrArray *tasks)
{
  for (guint t = 0; t < tasks->len; t++)
    if (hw_record_get_int (g_ptr_array_index (tasks, t), "goal_id") == hw_record_get_id (goal))
      return TRUE;
  return FALSE;
}

static gboolean
need_has_task (HwRecord  *need,
               GPtrArray *tasks)
{
  for (guint t = 0; t < tasks->len; t++)
    if (hw_record_get_int (g_ptr_array_index (tasks, t), "need_id") == hw_record_get_id (need))
      return TRUE;
  return FALSE;
}

/* The chart keeps its 8.5 point words on paper: it takes the text's
 * width and the height its wrapped labels need, and goes to the next page
 * rather than shrink. */
static double
chart_height_cb (double   width,
                 gpointer user_data)
{
  return hw_readiness_chart_get_height_for_width (user_data, width, 8.5);
}

static gboolean
add_goals (HwDocument        *doc,
           HwStore           *store,
           HwRecord          *need,
           GPtrArray         *tasks,
           const HwRecipient *recipient,
           GError           **error)
{
  g_autoptr(GPtrArray) goals = hw_service_plan_list_goals (store, hw_record_get_id (need), error);

  if (goals == NULL)
    return FALSE;
  if (goals->len == 0)
    hw_document_add_note (doc, _("No goal agreed yet."));

  for (guint g = 0; g < goals->len; g++)
    {
      HwRecord *goal = g_ptr_array_index (goals, g);
      const char *target = hw_record_get_string (goal, "target_date");
      g_autofree char *heading = NULL;
      g_autoptr(GString) notes = g_string_new (NULL);
      guint n_tasks = 0;
      const char *headers[] = {
        _("What will be done"), _("Who does it"), _("With whom"), _("How often"),
        _("From"), _("By"), _("Where it stands"),
      };
      static const double widths[] = { 3.0, 1.5, 1.7, 1.4, 1.35, 1.35, 1.8 };

      /* a support person's part: only the goals they have a task in (the
       * tasks were cut to theirs) */
      if (part_only (recipient) && !goal_has_task (goal, tasks))
        continue;
      /* Translators: heading of a goal in the printed plan */
      heading = g_strdup_printf (_("Goal: %s"), hw_record_get_string (goal, "text"));
      hw_document_add_heading (doc, 3, heading);
      if (target[0] != '\0')
        {
          g_autofree char *date = long_date (target);
          hw_document_add_labelled (doc, _("By when"), date);
        }
      hw_document_add_labelled (doc, _("Progress so far"),
                                hw_choice_label (HW_CHOICES_ACHIEVEMENT, hw_record_get_string (goal, "achievement")));

      for (guint t = 0; t < tasks->len; t++)
        {
          HwRecord *task = g_ptr_array_index (tasks, t);
          g_autoptr(GPtrArray) task_notes = NULL;
          g_autofree char *start = NULL;
          g_autofree char *due = NULL;
          g_autoptr(GString) state = NULL;
          const char *due_state = hw_record_get_string (task, "due_state");
          const char *barriers = hw_record_get_string (task, "barriers");
          const char *cells[7];

          if (hw_record_get_int (task, "goal_id") != hw_record_get_id (goal))
            continue;
          if (n_tasks++ == 0)
            hw_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths);

          state = g_string_new (hw_choice_label (HW_CHOICES_TASK_STATUS, hw_record_get_string (task, "status")));
          /* overdue and due soon are said in words: the page may be
           * printed in black and white */
          if (g_str_equal (due_state, "overdue"))
            g_string_append_printf (state, " — %s", hw_due_state_label (HW_DUE_OVERDUE));
          else if (g_str_equal (due_state, "due-this-week"))
            g_string_append_printf (state, " — %s", hw_due_state_label (HW_DUE_THIS_WEEK));
          if (barriers[0] != '\0')
            {
              g_auto(GStrv) ids = g_strsplit (barriers, ",", -1);

              g_string_append_printf (state, "\n%s ", _("In the way:"));
              for (guint i = 0; ids[i] != NULL; i++)
                g_string_append_printf (state, "%s%s", i ? ", " : "",
                                        hw_choice_label (HW_CHOICES_BARRIER, ids[i]));
            }

          start = short_date (hw_record_get_string (task, "start_date"));
          due = short_date (hw_record_get_string (task, "target_date"));
          cells[0] = hw_record_get_string (task, "description");
          cells[1] = hw_record_get_string (task, "responsible_name");
          cells[2] = hw_record_get_string (task, "provider_name");
          cells[3] = hw_record_get_string (task, "frequency");
          cells[4] = start;
          cells[5] = due;
          cells[6] = state->str;
          hw_document_add_table_row (doc, cells);

          task_notes = hw_service_plan_list_notes (store, hw_record_get_id (task), recipient, error);
          if (task_notes == NULL)
            return FALSE;
          for (guint i = 0; i < task_notes->len; i++)
            {
              HwRecord *note = g_ptr_array_index (task_notes, i);
              g_autofree char *date = long_date (hw_record_get_string (note, "date"));
              const char *author = hw_record_get_string (note, "author");

              if (notes->len)
                g_string_append_c (notes, '\n');
              /* Translators: a progress note: date, task, text, author */
              g_string_append_printf (notes, author[0] ? _("%s, %s: %s (%s)") : _("%s, %s: %s"),
                                      date, hw_record_get_string (task, "description"),
                                      hw_record_get_string (note, "text"), author);
            }
        }
      if (n_tasks == 0)
        hw_document_add_note (doc, _("No task planned for this goal yet."));
      if (notes->len > 0)
        {
          g_auto(GStrv) lines = g_strsplit (notes->str, "\n", -1);

          hw_document_add_paragraph (doc, _("Progress notes:"));
          for (guint i = 0; lines[i] != NULL; i++)
            hw_document_add_bullet (doc, lines[i]);
        }
    }
  return TRUE;
}

/* The check-ins logged so far, newest first, of the supports in @rows:
 * those withheld from @recipient are left out (not blanked), and so is
 * the name of whoever checked in when that person is withheld. */
/* newest first, as the window lists them */
static int
cmp_checkins (gconstpointer a,
              gconstpointer b)
{
  HwRecord *ra = *(HwRecord **) a;
  HwRecord *rb = *(HwRecord **) b;
  int c = strcmp (hw_record_get_string (rb, "date"), hw_record_get_string (ra, "date"));

  if (c != 0)
    return c;
  return hw_record_get_id (rb) < hw_record_get_id (ra) ? -1
         : hw_record_get_id (rb) > hw_record_get_id (ra);
}

static gboolean
add_checkins (HwDocument        *doc,
              HwStore           *store,
              GPtrArray         *rows,
              const HwRecipient *recipient,
              GError           **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  const char *headers[] = { _("Day"), _("Support"), _("How and who"), _("What came up"),
                            _("Follow-up") };
  static const double widths[] = { 1.3, 2.4, 2.0, 3.0, 2.0 };

  for (guint i = 0; i < rows->len; i++)
    {
      HwRecord *support = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) checkins = hw_aftercare_list_checkins (store, hw_record_get_id (support),
                                                                  recipient, error);

      if (checkins == NULL)
        return FALSE;
      for (guint k = 0; k < checkins->len; k++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (checkins, k)));
    }
  if (all->len == 0)
    return TRUE;
  g_ptr_array_sort (all, cmp_checkins);

  hw_document_add_heading (doc, 2, _("Check-ins so far"));
  hw_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths);
  for (guint i = 0; i < all->len; i++)
    {
      HwRecord *checkin = g_ptr_array_index (all, i);
      gint64 support_id = hw_record_get_int (checkin, "support_id");
      HwRecord *support = NULL;
      const char *who = hw_record_get_string (checkin, "person_name");
      const char *with_whom = hw_record_get_string (checkin, "with_whom");
      g_autofree char *day = short_date (hw_record_get_string (checkin, "date"));
      g_autoptr(GString) how = g_string_new (hw_checkin_way_label (hw_record_get_string (checkin,
                                                                                       "how")));
      const char *cells[5];

      for (guint r = 0; r < rows->len && support == NULL; r++)
        if (hw_record_get_id (g_ptr_array_index (rows, r)) == support_id)
          support = g_ptr_array_index (rows, r);
      if (who[0])
        g_string_append_printf (how, ", %s", who);
      if (with_whom[0])
        /* Translators: who a check-in was with, after the person who made it */
        g_string_append_printf (how, _(", with %s"), with_whom);
      cells[0] = day;
      cells[1] = support != NULL ? hw_record_get_string (support, "description") : "";
      cells[2] = how->str;
      cells[3] = hw_record_get_string (checkin, "what_came_up");
      cells[4] = hw_record_get_string (checkin, "follow_up");
      hw_document_add_table_row (doc, cells);
    }
  return TRUE;
}

static gboolean
add_aftercare (HwDocument        *doc,
               HwStore           *store,
               gint64             case_id,
               const HwRecipient *recipient,
               GError           **error)
{
  g_autoptr(GPtrArray) rows = hw_service_plan_list_aftercare (store, case_id, recipient, error);
  const HwChoice *components;
  guint n_components;
  const char *headers[] = { _("Kind of support"), _("What"), _("Who provides it"), _("Check-ins"), _("When") };
  static const double widths[] = { 2.2, 3.2, 1.8, 1.8, 1.6 };

  if (rows == NULL)
    return FALSE;
  if (part_only (recipient))
    {
      for (guint i = rows->len; i > 0; i--)
        if (hw_record_get_int (g_ptr_array_index (rows, i - 1), "provider_person_id") !=
            recipient->person_id)
          g_ptr_array_remove_index (rows, i - 1);
      if (rows->len == 0)
        return TRUE;
    }

  hw_document_add_heading (doc, 1, _("After going home: support for at least twelve months"));
  if (part_only (recipient))
    hw_document_add_paragraph (doc, _("The support you give after the children are home, and "
                                      "how often you check in."));
  else
    hw_document_add_paragraph (doc, _("Who helps with what after the children are home, and how often they check in. "
                                      "A kind of support with nothing planned is shown so that the gap can be filled."));
  hw_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths);
  hw_document_set_table_group_column (doc, 0);

  components = hw_choices_get (HW_CHOICES_AFTERCARE_COMPONENT, &n_components);
  for (guint c = 0; c < n_components; c++)
    {
      const char *label = hw_choice_label (HW_CHOICES_AFTERCARE_COMPONENT, components[c].id);
      guint found = 0;

      for (guint i = 0; i < rows->len; i++)
        {
          HwRecord *row = g_ptr_array_index (rows, i);
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          g_autofree char *when = NULL;
          const char *cells[5];

          if (!g_str_equal (hw_record_get_string (row, "component"), components[c].id))
            continue;
          from = short_date (hw_record_get_string (row, "start_date"));
          to = short_date (hw_record_get_string (row, "end_date"));
          if (from[0] && to[0])
            /* Translators: a period in the aftercare table */
            when = g_strdup_printf (_("%s to %s"), from, to);
          else
            when = g_strdup (from[0] ? from : to);
          cells[0] = found == 0 ? label : "";
          cells[1] = hw_record_get_string (row, "description");
          cells[2] = hw_record_get_string (row, "provider_name");
          cells[3] = hw_record_get_string (row, "checkin_schedule");
          cells[4] = when;
          hw_document_add_table_row (doc, cells);
          found++;
        }
      /* the gaps are for the family and the agency to fill */
      if (found == 0 && !part_only (recipient))
        {
          const char *cells[5] = { label, _("Nothing planned yet"), "", "", "" };
          hw_document_add_table_row (doc, cells);
        }
    }
  return add_checkins (doc, store, rows, recipient, error);
}

static gboolean
add_readiness (HwDocument  *doc,
               HwStore     *store,
               gint64       case_id,
               GError     **error)
{
  HwReadinessChart *chart = hw_readiness_chart_load (store, case_id, error);
  guint n_reviews;

  if (chart == NULL)
    return FALSE;

  hw_document_add_heading (doc, 1, _("Readiness reviews"));
  n_reviews = hw_readiness_chart_get_n_reviews (chart);
  if (n_reviews == 0)
    {
      hw_document_add_note (doc, _("No readiness review yet."));
      hw_readiness_chart_free (chart);
      return TRUE;
    }
  hw_document_add_paragraph (doc, _("How things stood at each review, from −3 (serious concern) to +2 (going well)."));

  {
    g_autoptr(GPtrArray) reviews = hw_service_plan_list_reviews (store, case_id, error);
    const HwChoice *domains;
    guint n_domains, first;
    g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);

    if (reviews == NULL)
      {
        hw_readiness_chart_free (chart);
        return FALSE;
      }
    /* the same reviews as the chart: the latest ones */
    first = reviews->len > HW_READINESS_CHART_MAX_REVIEWS ? reviews->len - HW_READINESS_CHART_MAX_REVIEWS : 0;
    g_ptr_array_add (headers, g_strdup (_("Area")));
    for (guint r = first; r < reviews->len; r++)
      g_ptr_array_add (headers, short_date (hw_record_get_string (g_ptr_array_index (reviews, r), "date")));
    hw_document_add_table (doc, headers->len, (const char * const *) headers->pdata, NULL);

    domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n_domains);
    for (guint d = 0; d < n_domains; d++)
      {
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

        g_ptr_array_add (cells, g_strdup (hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[d].id)));
        for (guint r = first; r < reviews->len; r++)
          {
            int rating = hw_readiness_chart_get_rating (chart, r, domains[d].id);

            g_ptr_array_add (cells, g_strdup (rating == HW_READINESS_UNRATED ? _("not rated")
                                                                              : hw_readiness_rating_label (rating)));
          }
        hw_document_add_table_row (doc, (const char * const *) cells->pdata);
      }

    for (guint r = 0; r < reviews->len; r++)
      {
        HwRecord *review = g_ptr_array_index (reviews, r);
        const char *notes = hw_record_get_string (review, "notes");
        g_autofree char *date = NULL;

        if (notes[0] == '\0')
          continue;
        date = long_date (hw_record_get_string (review, "date"));
        hw_document_add_labelled (doc, date, notes);
      }
  }

  hw_document_add_wide_figure (doc, chart_height_cb, draw_chart_cb, chart,
                               (GDestroyNotify) hw_readiness_chart_free,
                               _("Change in readiness from one review to the next. Each review has its own "
                                 "marker shape and line pattern; the last column says how much each area changed."));
  return TRUE;
}

static void
add_signatures (HwDocument        *doc,
                HwStore           *store,
                gint64             case_id,
                const HwRecipient *recipient)
{
  g_autoptr(GPtrArray) people = NULL;

  if (part_only (recipient))
    {
      /* their own signature: they agree to do their part */
      g_autoptr(HwRecord) person = hw_store_get (store, "people", recipient->person_id, NULL);
      const char *relationship;

      if (person == NULL)
        return;
      relationship = hw_record_get_string (person, "relationship");
      hw_document_add_heading (doc, 1, _("Signatures"));
      hw_document_add_paragraph (doc, _("I agree to do my part of this plan."));
      hw_document_add_signature (doc, hw_record_get_string (person, "name"),
                                 relationship[0] ? relationship
                                                 : hw_choice_label (HW_CHOICES_PERSON_ROLE,
                                                                    hw_record_get_string (person,
                                                                                          "role")));
      return;
    }
  people = hw_store_select (store, "people", NULL,
                            "SELECT id, name, role, relationship, confidential, withheld_from FROM people"
                            " WHERE case_id = ? AND role IN ('mother','father','parent','caseworker')"
                            " ORDER BY role = 'caseworker', id",
                            G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (people == NULL || people->len == 0)
    return;
  hw_document_add_heading (doc, 1, _("Signatures"));
  hw_document_add_paragraph (doc, _("We worked out this plan together and agree to do our part."));
  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *person = g_ptr_array_index (people, i);
      const char *relationship = hw_record_get_string (person, "relationship");

      if (!hw_recipient_may_see_record (recipient, person))
        continue;
      if (part_only (recipient))
        continue;
      hw_document_add_signature (doc, hw_record_get_string (person, "name"),
                                 relationship[0] ? relationship
                                                 : hw_choice_label (HW_CHOICES_PERSON_ROLE,
                                                                    hw_record_get_string (person, "role")));
    }
}

HwDocument *
hw_service_plan_build_document (HwStore           *store,
                                gint64             case_id,
                                const HwRecipient *recipient,
                                const char        *paper,
                                GError           **error)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *recipient_line = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *summary = NULL;
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  g_autofree char *person_name = NULL;
  GDate today;
  guint open = 0, overdue = 0, soon = 0;

  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  if (recipient == NULL)
    recipient = &agency;
  kase = hw_store_get (store, "cases", case_id, error);
  if (kase == NULL)
    return NULL;
  if (!hw_document_set_paper_name (doc, paper, error))
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  today_iso = hw_date_to_iso (&today);

  needs = hw_service_plan_list_needs (store, case_id, recipient, error);
  if (needs == NULL)
    return NULL;
  tasks = hw_service_plan_list_tasks (store, case_id, recipient, NULL, HW_TASK_SORT_PLAN, &today, error);
  if (tasks == NULL)
    return NULL;
  if (part_only (recipient))
    for (guint i = tasks->len; i > 0; i--)
      if (hw_record_get_int (g_ptr_array_index (tasks, i - 1), "responsible_person_id") !=
          recipient->person_id)
        g_ptr_array_remove_index (tasks, i - 1);

  if (recipient->kind == HW_RECIPIENT_SUPPORT && recipient->person_id != 0)
    {
      g_autoptr(HwRecord) person = hw_store_get (store, "people", recipient->person_id, NULL);

      if (person != NULL)
        person_name = g_strdup (hw_record_get_string (person, "name"));
    }
  recipient_line = hw_recipient_describe (recipient, person_name);
  printed = long_date (today_iso);

  hw_document_set_case (doc, hw_record_get_string (kase, "family_name"),
                        hw_record_get_string (kase, "case_number"));
  hw_document_set_sample (doc, hw_record_get_boolean (kase, "sample"));
  hw_document_set_confidentiality (doc, _("Confidential: for the people named in this plan."));
  hw_document_set_recipient_line (doc, recipient_line);
  {
    /* Translators: footer of a printed document */
    g_autofree char *line = g_strdup_printf (_("Printed on %s"), printed);
    hw_document_set_date_line (doc, line);
  }
  hw_document_set_metadata (doc, _("Service plan"), hw_store_get_author (store),
                            _("What we will do, who does it and by when"), today_iso);

  hw_document_add_heading (doc, 1, _("Service plan"));
  if (part_only (recipient))
    hw_document_add_paragraph (doc, _("This copy shows only what you agreed to do: your tasks, "
                                      "the goal each one helps with, and the support you give "
                                      "after the children are home."));
  else
    hw_document_add_paragraph (doc, _("What the family needs, in their own words, what will be "
                                      "different, and who does what by when."));
  for (guint i = 0; i < tasks->len; i++)
    {
      const char *due = hw_record_get_string (g_ptr_array_index (tasks, i), "due_state");

      open += !g_str_equal (due, "closed");
      overdue += g_str_equal (due, "overdue");
      soon += g_str_equal (due, "due-this-week");
    }
  /* Translators: summary at the top of the printed plan */
  summary = g_strdup_printf (_("Open tasks: %u. Overdue: %u. Due this week: %u."), open, overdue, soon);
  hw_document_add_paragraph (doc, summary);

  if (part_only (recipient))
    for (guint n = needs->len; n > 0; n--)
      if (!need_has_task (g_ptr_array_index (needs, n - 1), tasks))
        g_ptr_array_remove_index (needs, n - 1);
  if (needs->len == 0)
    hw_document_add_note (doc, part_only (recipient) ? _("No task of yours in the plan yet.")
                                                     : _("No needs written down yet."));
  for (guint n = 0; n < needs->len; n++)
    {
      HwRecord *need = g_ptr_array_index (needs, n);
      const char *words = hw_record_get_string (need, "family_words");
      const char *strengths = hw_record_get_string (need, "strengths");

      hw_document_add_heading (doc, 2, hw_choice_label (HW_CHOICES_NEED_DOMAIN,
                                                        hw_record_get_string (need, "domain")));
      /* the family's own words about a need are theirs to share */
      if (words[0] != '\0' && !part_only (recipient))
        hw_document_add_labelled (doc, _("In the family’s words"), words);
      if (strengths[0] != '\0' && !part_only (recipient))
        hw_document_add_labelled (doc, _("Strengths"), strengths);
      if (!add_goals (doc, store, need, tasks, recipient, error))
        return NULL;
    }

  if (!add_aftercare (doc, store, case_id, recipient, error) ||
      (!part_only (recipient) && !add_readiness (doc, store, case_id, error)))
    return NULL;
  add_signatures (doc, store, case_id, recipient);

  return g_steal_pointer (&doc);
}

gboolean
hw_service_plan_export_pdf (HwStore                *store,
                            const HwExportOptions  *opts,
                            GError                **error)
{
  g_autoptr(HwDocument) doc = NULL;
  g_autoptr(HwLanguageSwitch) language = NULL;
  g_autoptr(HwRecord) kase = NULL;
  g_autofree char *lang = NULL;

  kase = hw_store_get (store, "cases", opts->case_id, error);
  if (kase == NULL)
    return FALSE;
  /* the family's language unless asked otherwise; one that cannot be
   * loaded is refused, not printed in English */
  lang = hw_language_choose (opts->language, hw_record_get_string (kase, "primary_language"), error);
  if (lang == NULL)
    return FALSE;
  language = hw_language_push (lang);
  doc = hw_service_plan_build_document (store, opts->case_id, &opts->recipient, opts->paper, error);
  if (doc == NULL)
    return FALSE;
  return hw_document_export_pdf (doc, opts->output, error);
}
