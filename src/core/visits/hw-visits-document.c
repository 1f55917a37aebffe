/* hw-visits-document.c: the family-time plan and monthly report.
 *
 * What is withheld from the recipient is left out of the blocks (never
 * drawn and hidden): people they may not see are not named, a place that
 * is someone's protected address is not written, and the grids and charts
 * carry no names or places at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visits-document"

#include <string.h>
#include <stdlib.h>
#include "hw-i18n.h"

#include "hw-date.h"
#include "hw-language.h"
#include "hw-visits-document.h"
#include "hw-visits-render.h"

/* Figures --------------------------------------------------------------- */

typedef struct {
  int     year, month;
  GArray *visits;     /* HwVisit */
  GArray *months;     /* HwVisitMonth */
  GArray *steps;      /* HwVisitLevelStep */
  char    today[11];
} Figure;

static void
figure_free (gpointer data)
{
  Figure *f = data;

  g_clear_pointer (&f->visits, g_array_unref);
  g_clear_pointer (&f->months, g_array_unref);
  g_clear_pointer (&f->steps, g_array_unref);
  g_free (f);
}

static void
draw_month_figure (cairo_t *cr, double width, double height, gpointer data)
{
  Figure *f = data;

  hw_visits_draw_month (cr, width, height, f->year, f->month, f->visits, NULL);
}

static void
draw_counts_figure (cairo_t *cr, double width, double height, gpointer data)
{
  Figure *f = data;

  hw_visits_draw_counts (cr, width, height, f->months);
}

static void
draw_history_figure (cairo_t *cr, double width, double height, gpointer data)
{
  Figure *f = data;

  hw_visits_draw_level_history (cr, width, height, f->steps, f->today);
}

/* Who may be named ------------------------------------------------------- */

static gboolean
may_name (HwStore *store, const HwRecipient *recipient, gint64 person_id, char **name)
{
  g_autoptr(HwRecord) person = person_id ? hw_store_get (store, "people", person_id, NULL) : NULL;

  if (person == NULL || !hw_recipient_may_see_record (recipient, person))
    return FALSE;
  if (name)
    *name = g_strdup (hw_record_get_string (person, "name"));
  return TRUE;
}

gboolean
hw_visits_place_may_show (HwStore           *store,
                          gint64             case_id,
                          const HwRecipient *recipient,
                          const char        *place)
{
  g_autoptr(GPtrArray) people = hw_store_select (store, "people", NULL,
                                                 "SELECT * FROM people WHERE case_id = ? AND address != ''",
                                                 G_TYPE_INT64, case_id, G_TYPE_INVALID);
  g_autofree char *folded = g_utf8_casefold (place, -1);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      g_autofree char *addr = NULL;
      g_autofree char *trimmed = NULL;

      if (hw_recipient_may_see_address (recipient, p))
        continue;
      trimmed = g_strstrip (g_strdup (hw_record_get_string (p, "address")));

      addr = g_utf8_casefold (trimmed, -1);
      if (addr[0] && (strstr (folded, addr) || strstr (addr, folded)))
        return FALSE;
    }
  return TRUE;
}

static char *
names_of (HwStore *store, const HwRecipient *recipient, gint64 series_id, const char *part)
{
  g_autoptr(GPtrArray) rows = hw_store_select (store, "visit_participants", NULL,
                                               "SELECT id, person_id FROM visit_participants"
                                               " WHERE series_id = ? AND part = ? ORDER BY id",
                                               G_TYPE_INT64, series_id, G_TYPE_STRING, part, G_TYPE_INVALID);
  GString *s = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      g_autofree char *name = NULL;

      if (may_name (store, recipient, hw_record_get_int (g_ptr_array_index (rows, i), "person_id"), &name))
        g_string_append_printf (s, "%s%s", s->len ? ", " : "", name);
    }
  return g_string_free (s, FALSE);
}

static gboolean
series_involves (HwStore *store, HwRecord *series, gint64 person_id)
{
  if (hw_record_get_int (series, "supervisor_person_id") == person_id
      || hw_record_get_int (series, "transport_person_id") == person_id)
    return TRUE;
  return hw_store_query_int (store, 0, "SELECT count(*) FROM visit_participants WHERE series_id = ? AND person_id = ?",
                             G_TYPE_INT64, hw_record_get_id (series), G_TYPE_INT64, person_id, G_TYPE_INVALID) > 0;
}

static gboolean
visit_involves (const HwVisit *v, gint64 person_id)
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

/* "Thursday 3 December 2026", in the document's language */
static char *
long_date (const char *iso)
{
  return hw_language_format_iso (iso, HW_DATE_WEEKDAY, FALSE);
}

/**
 * hw_visits_display_title:
 * @title: a visit series' name
 *
 * The name Homeward gives visits by default ("Family time") is stored in
 * the language of the screen they were planned on; a document shows it in
 * its own language. Any other name is the family's and shown as written.
 */
const char *
hw_visits_display_title (const char *title)
{
  const char * const *languages = hw_language_get_document_languages ();
  gboolean is_default = title == NULL || *title == '\0' || g_str_equal (title, "Family time");

  for (guint i = 0; !is_default && languages[i] != NULL; i++)
    {
      g_autoptr(HwLanguageSwitch) sw G_GNUC_UNUSED = hw_language_push (languages[i]);

      is_default = g_str_equal (title, _("Family time"));
    }
  return is_default ? _("Family time") : title;
}

/* "Every week on Tuesday, from Tuesday 3 March 2026 at 16:30, for 2 hours";
 * a single visit is "Once, on ...": whole sentences, so that a language
 * can order the words its own way. */
static char *
describe_when (HwRecurrence *rec,
               const char   *rhythm,
               const char   *start,
               const char   *dtstart,
               int           minutes)
{
  g_autofree char *duration = hw_language_format_duration (minutes);
  g_autofree char *time = g_strndup (strlen (dtstart) > 11 ? dtstart + 11 : "", 5);
  GString *s;

  if (rec == NULL || !hw_recurrence_get_repeats (rec))
    /* Translators: a single visit, "Once, on Friday 7 August 2026 at
     * 10:00, for 2 hours"; keep the words in braces. */
    s = g_string_new (_("Once, on {date} at {time}, for {duration}"));
  else
    /* Translators: visits that repeat, "Every week on Tuesday, from
     * Tuesday 3 March 2026 at 16:30, for 2 hours"; {rhythm} is the rule
     * in words. Keep the words in braces. */
    s = g_string_new (_("{rhythm}, from {date} at {time}, for {duration}"));
  g_string_replace (s, "{rhythm}", rhythm, 0);
  g_string_replace (s, "{date}", start, 0);
  g_string_replace (s, "{time}", time, 0);
  g_string_replace (s, "{duration}", duration, 0);
  return g_string_free (s, FALSE);
}

/* The document ------------------------------------------------------------- */

static void
add_plan (HwDocument        *doc,
          HwStore           *store,
          gint64             case_id,
          const HwRecipient *recipient,
          gint64             person_id,
          GPtrArray         *series)
{
  hw_document_add_heading (doc, 1, _("Family time plan"));
  hw_document_add_paragraph (doc, _("When the children and their family see each other, where, who is there "
                                    "to help, and who drives. Levels step up from supervised visits to a "
                                    "trial home visit as things go well."));
  if (series->len == 0)
    hw_document_add_note (doc, _("No visits are planned yet."));

  for (guint i = 0; i < series->len; i++)
    {
      HwRecord *s = g_ptr_array_index (series, i);
      g_autoptr(HwRecurrence) rec = hw_visits_get_recurrence (store, hw_record_get_id (s), NULL);
      g_autofree char *heading = NULL;
      g_autofree char *when = NULL;
      g_autofree char *start = long_date (hw_record_get_string (s, "dtstart"));
      g_autofree char *describe = rec ? hw_recurrence_describe (rec) : g_strdup ("");
      g_autofree char *visitors = names_of (store, recipient, hw_record_get_id (s), "visitor");
      g_autofree char *children = names_of (store, recipient, hw_record_get_id (s), "child");
      g_autofree char *supervisor = NULL;
      g_autofree char *driver = NULL;
      const char *place = hw_record_get_string (s, "place");
      const char *title = hw_record_get_string (s, "title");
      int minutes = (int) hw_record_get_int (s, "duration_minutes");

      heading = g_strdup_printf ("%s: %s", hw_visits_display_title (title),
                                 hw_visit_level_label (hw_record_get_string (s, "level")));
      hw_document_add_heading (doc, 2, heading);
      when = describe_when (rec, describe, start, hw_record_get_string (s, "dtstart"), minutes);
      hw_document_add_labelled (doc, _("When"), when);
      /* a plan that continues an earlier one: from when, and why (the
       * reason is the team's decision, shown to the family as to the
       * court; a support person's copy is about their own visits only) */
      if (hw_record_get_string (s, "change_date")[0])
        {
          g_autofree char *since = long_date (hw_record_get_string (s, "change_date"));

          hw_document_add_labelled (doc, _("Changed from"), since);
          if (recipient->kind != HW_RECIPIENT_SUPPORT
              && hw_record_get_string (s, "change_reason")[0])
            hw_document_add_labelled (doc, _("Why it changed"),
                                      hw_record_get_string (s, "change_reason"));
        }
      /* a plan that was ended: the last day and why, as for a change */
      if (hw_record_get_string (s, "end_reason")[0])
        {
          g_autofree char *last = long_date (hw_record_get_string (s, "ended_on"));

          hw_document_add_labelled (doc, _("Last day of visits"), last);
          if (recipient->kind != HW_RECIPIENT_SUPPORT)
            hw_document_add_labelled (doc, _("Why it ended"),
                                      hw_record_get_string (s, "end_reason"));
        }
      if (place[0] && hw_visits_place_may_show (store, case_id, recipient, place))
        hw_document_add_labelled (doc, _("Where"), place);
      if (children[0])
        hw_document_add_labelled (doc, _("Children"), children);
      if (visitors[0])
        hw_document_add_labelled (doc, _("Who visits"), visitors);
      if (hw_record_get_int (s, "supervisor_person_id") != 0)
        may_name (store, recipient, hw_record_get_int (s, "supervisor_person_id"), &supervisor);
      else if (hw_record_get_string (s, "supervisor")[0])
        supervisor = g_strdup (hw_record_get_string (s, "supervisor"));
      if (supervisor)
        hw_document_add_labelled (doc, _("Supervisor"), supervisor);
      if (hw_record_get_int (s, "transport_person_id") != 0)
        may_name (store, recipient, hw_record_get_int (s, "transport_person_id"), &driver);
      else if (hw_record_get_string (s, "transport")[0])
        driver = g_strdup (hw_record_get_string (s, "transport"));
      if (driver)
        hw_document_add_labelled (doc, _("Who drives"), driver);
      /* the plan's notes are the agency's working notes */
      if (recipient->kind == HW_RECIPIENT_AGENCY && hw_record_get_string (s, "notes")[0])
        hw_document_add_labelled (doc, _("Notes"), hw_record_get_string (s, "notes"));
    }
  (void) person_id;
}

HwDocument *
hw_visits_build_document (HwStore           *store,
                          gint64             case_id,
                          const HwRecipient *recipient_in,
                          gint64             person_id,
                          int                year,
                          int                month,
                          const char        *paper,
                          GError           **error)
{
  g_autoptr(HwDocument) doc = hw_document_new ();
  g_autoptr(HwRecord) kase = NULL;
  g_autoptr(GPtrArray) all_series = NULL;
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *recipient_line = NULL;
  g_autofree char *person_name = NULL;
  g_autofree char *month_title = NULL;
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  const HwRecipient *recipient = recipient_in ? recipient_in : &agency;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) visits = NULL;
  Figure *fig;

  if (year == 0 || month == 0)
    {
      year = g_date_time_get_year (now);
      month = g_date_time_get_month (now);
    }
  if (month < 1 || month > 12 || year < 1900 || year > 2200)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_INVALID, _("Choose a month between 1900 and 2200."));
      return NULL;
    }
  if (!hw_document_set_paper_name (doc, paper, error))
    return NULL;
  kase = hw_store_get (store, "cases", case_id, error);
  if (kase == NULL)
    return NULL;
  /* a support person's copy holds only their own visits */
  if (person_id == 0 && recipient->kind == HW_RECIPIENT_SUPPORT)
    person_id = recipient->person_id;

  all_series = hw_store_select (store, "visit_series", error,
                                "SELECT * FROM visit_series WHERE case_id = ? ORDER BY dtstart, id",
                                G_TYPE_INT64, case_id, G_TYPE_INVALID);
  if (all_series == NULL)
    return NULL;
  for (guint i = 0; i < all_series->len; i++)
    {
      HwRecord *s = g_ptr_array_index (all_series, i);

      if (person_id == 0 || series_involves (store, s, person_id))
        g_ptr_array_add (series, g_object_ref (s));
    }

  if (recipient->kind == HW_RECIPIENT_SUPPORT && recipient->person_id != 0)
    may_name (store, recipient, recipient->person_id, &person_name);
  recipient_line = hw_recipient_describe (recipient, person_name);
  hw_document_set_case (doc, hw_record_get_string (kase, "family_name"), hw_record_get_string (kase, "case_number"));
  hw_document_set_sample (doc, hw_record_get_boolean (kase, "sample"));
  hw_document_set_confidentiality (doc, _("Confidential: for the people named in this plan."));
  hw_document_set_recipient_line (doc, recipient_line);
  {
    g_autofree char *printed = long_date (today);
    /* Translators: footer of a printed document */
    g_autofree char *line = g_strdup_printf (_("Printed on %s"), printed);

    hw_document_set_date_line (doc, line);
  }
  hw_document_set_metadata (doc, _("Family time plan"), hw_store_get_author (store),
                            _("Visits: when, where, who, and what happened"), today);

  add_plan (doc, store, case_id, recipient, person_id, series);

  /* level history: a figure without names */
  fig = g_new0 (Figure, 1);
  fig->steps = hw_visits_level_history (store, case_id, error);
  if (fig->steps == NULL)
    {
      figure_free (fig);
      return NULL;
    }
  g_strlcpy (fig->today, today, sizeof fig->today);
  if (fig->steps->len > 0)
    {
      GArray *steps = fig->steps;
      gboolean reasons = recipient->kind != HW_RECIPIENT_SUPPORT;
      const char *headers[] = { _("From"), _("Level"), _("Why") };
      const double widths[] = { 1.3, 1.2, 3.0 };

      hw_document_add_figure (
          doc, 2.2, draw_history_figure, fig, figure_free,
          _("Supervision level over time: each band starts on the first visit at that level."));
      /* the same steps as text, with the reason each was decided: the
       * evidence a court asks for */
      hw_document_add_heading (doc, 2, _("Level history"));
      g_autoptr(GPtrArray) ended = NULL;
      guint e = 0;

      /* plans that were ended, with why: in the same table, by date */
      ended = hw_store_select (store, "visit_series", NULL,
                               "SELECT id, level, ended_on, end_reason FROM visit_series"
                               " WHERE case_id = ? AND end_reason <> '' ORDER BY ended_on, id",
                               G_TYPE_INT64, case_id, G_TYPE_INVALID);
      hw_document_add_table (doc, reasons ? 3 : 2, headers, widths);
      for (guint i = 0; i <= steps->len; i++)
        {
          HwVisitLevelStep *st = i < steps->len ? &g_array_index (steps, HwVisitLevelStep, i)
                                                : NULL;

          /* the ends before this step (or all that are left after the last) */
          while (ended != NULL && e < ended->len)
            {
              HwRecord *end = g_ptr_array_index (ended, e);
              char after[11];
              g_autofree char *from = NULL;
              g_autofree char *what = NULL;
              GDate d;

              if (!hw_date_parse (hw_record_get_string (end, "ended_on"), &d))
                {
                  e++;
                  continue;
                }
              g_date_add_days (&d, 1);
              g_snprintf (after, sizeof after, "%04d-%02d-%02d", g_date_get_year (&d),
                          g_date_get_month (&d), g_date_get_day (&d));
              if (st != NULL && strncmp (after, st->day, 10) > 0)
                break;
              from = long_date (after);
              /* Translators: a row of the level history, "Ended: Unsupervised" */
              what = g_strdup_printf (_("Ended: %s"),
                                      hw_visit_level_label (hw_record_get_string (end, "level")));
              {
                const char *row[] = { from, what, hw_record_get_string (end, "end_reason") };

                hw_document_add_table_row (doc, row);
              }
              e++;
            }
          if (st != NULL)
            {
              g_autofree char *from = long_date (st->day);
              const char *why = st->reason && st->reason[0] ? st->reason
                                : i == 0 ? _("First plan of visits")
                                         : _("No reason was written down");
              const char *row[] = { from, hw_visit_level_label (st->level), why };

              hw_document_add_table_row (doc, row);
            }
        }
    }
  else
    figure_free (fig);

  /* the month */
  first = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  month_title = hw_language_format_date (year, month, 1, HW_DATE_MONTH_YEAR);
  hw_document_add_page_break (doc);
  {
    /* Translators: heading of the monthly report, "Family time in March 2026" */
    g_autofree char *heading = g_strdup_printf (_("Family time in %s"), month_title);
    hw_document_add_heading (doc, 1, heading);
  }
  months = hw_visits_monthly_counts (store, case_id, year, month, 1, error);
  visits = hw_visits_list (store, case_id, person_id, g_date_time_to_unix (first) - 86400,
                           g_date_time_to_unix (next) + 86400, error);
  if (months == NULL || visits == NULL)
    return NULL;
  {
    HwVisitMonth *m = &g_array_index (months, HwVisitMonth, 0);
    /* counts of visits: their own words, so that a language can make
     * them plural ("Planificadas") where the status of one visit is
     * singular; one row each, so that no heading is squeezed into a
     * narrow column and broken inside a word */
    const char *labels[] = { C_("visit counts", "Planned"), C_("visit counts", "Happened"),
                             C_("visit counts", "Cancelled by a parent"),
                             C_("visit counts", "Cancelled by the caregiver"),
                             C_("visit counts", "Cancelled by the agency"),
                             C_("visit counts", "Cancelled by a provider"),
                             C_("visit counts", "Parent did not come"),
                             C_("visit counts", "Hours together") };
    const char *headers[] = { C_("visit counts", "Visits in the month"),
                              C_("visit counts", "How many") };
    const double widths[] = { 3.0, 1.0 };
    char cells[8][32];

    g_snprintf (cells[0], 32, "%u", m->planned);
    g_snprintf (cells[1], 32, "%u", m->happened);
    g_snprintf (cells[2], 32, "%u", m->cancelled_parent);
    g_snprintf (cells[3], 32, "%u", m->cancelled_caregiver);
    g_snprintf (cells[4], 32, "%u", m->cancelled_agency);
    g_snprintf (cells[5], 32, "%u", m->cancelled_provider);
    g_snprintf (cells[6], 32, "%u", m->no_show);
    {
      g_autofree char *hours = hw_language_format_decimal (m->hours, 1);

      g_strlcpy (cells[7], hours, 32);
    }
    hw_document_add_table (doc, 2, headers, widths);
    for (int i = 0; i < 8; i++)
      {
        const char *row[] = { labels[i], cells[i] };

        hw_document_add_table_row (doc, row);
      }
  }

  fig = g_new0 (Figure, 1);
  fig->year = year;
  fig->month = month;
  fig->visits = g_array_ref (visits);
  hw_document_add_figure (doc, 1.35, draw_month_figure, fig, figure_free,
                          _("The month: level by pattern and name; ✓ happened, ✕ cancelled, ∅ parent did not come."));

  {
    const char *headers[] = { _("Date"), _("Time"), _("Level"), _("What happened"), _("Notes") };
    const double widths[] = { 2.2, 1.2, 1.5, 1.8, 4.0 };
    guint n = 0;

    hw_document_add_heading (doc, 2, _("Each visit"));
    hw_document_add_table (doc, 5, headers, widths);
    for (guint i = 0; i < visits->len; i++)
      {
        HwVisit *v = &g_array_index (visits, HwVisit, i);
        g_autofree char *date = NULL;
        g_autofree char *time = NULL;
        g_autofree char *notes = NULL;
        GString *what;
        const char *row[5];

        if (atoi (v->occ.local_start) != year || atoi (v->occ.local_start + 5) != month)
          continue;
        if (person_id != 0 && !visit_involves (v, person_id))
          continue;
        date = long_date (v->occ.local_start);
        time = g_strdup_printf ("%.5s–%.5s", v->occ.local_start + 11, v->occ.local_end + 11);
        what = g_string_new (hw_visit_status_label (v->status));
        if (v->flags & HW_VISIT_FLAG_MAKEUP_OWED)
          g_string_append_printf (what, "; %s", hw_visits_flag_label (HW_VISIT_FLAG_MAKEUP_OWED));
        if (v->flags & HW_VISIT_FLAG_MAKEUP)
          g_string_append_printf (what, "; %s", hw_visits_flag_label (HW_VISIT_FLAG_MAKEUP));
        /* observations go to the family and the agency, not to a support
         * person's copy */
        if (recipient->kind != HW_RECIPIENT_SUPPORT)
          {
            if (v->recommendation[0])
              notes = g_strdup_printf ("%s%s%s: %s", v->observations, v->observations[0] ? " " : "",
                                       _("Recommended level"), hw_visit_level_label (v->recommendation));
            else
              notes = g_strdup (v->observations);
          }
        row[0] = date;
        row[1] = time;
        row[2] = hw_visit_level_label (v->level);
        row[3] = what->str;
        row[4] = notes ? notes : "";
        hw_document_add_table_row (doc, row);
        g_string_free (what, TRUE);
        n++;
      }
    if (n == 0)
      hw_document_add_note (doc, _("No visits this month."));
  }

  fig = g_new0 (Figure, 1);
  {
    int k = year * 12 + month - 1 - 5;

    fig->months = hw_visits_monthly_counts (store, case_id, k / 12, k % 12 + 1, 6, error);
  }
  if (fig->months == NULL)
    {
      figure_free (fig);
      return NULL;
    }
  hw_document_add_figure (doc, 1.8, draw_counts_figure, fig, figure_free,
                          _("The last six months: visits by what happened, and hours of family time."));
  return g_steal_pointer (&doc);
}

gboolean
hw_visits_export_pdf (HwStore                *store,
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
  doc = hw_visits_build_document (store, opts->case_id, &opts->recipient, opts->person_id, 0, 0,
                                  opts->paper, error);
  if (doc == NULL)
    return FALSE;
  return hw_document_export_pdf (doc, opts->output, error);
}
