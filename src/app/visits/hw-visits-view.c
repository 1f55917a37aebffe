/* hw-visits-view.c: family time of a case.
 *
 * The view keeps no data of its own: on every change of the store it asks
 * the core for the visits of the shown month (expanded in the core with
 * libical) and redraws. The month and week grids are drawn by
 * hw-visits-render (the same drawing goes to PDF); the list page holds the
 * same visits as accessible rows with their actions, so everything the
 * grids show can be reached with the keyboard and a screen reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visits-view"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "hw-focus-memo.h"
#include "hw-language.h"
#include "hw-plan-change-dialog.h"
#include "hw-print-dialog.h"
#include "hw-text-row.h"
#include "hw-visit-dialog.h"
#include "hw-visits-document.h"
#include "hw-visit-outcome-dialog.h"
#include "hw-visits-render.h"
#include "hw-visits-view.h"
#include "hw-visits.h"

struct _HwVisitsView
{
  GtkWidget       parent_instance;

  HwStore        *store;
  gint64          case_id;
  int             year;
  int             month;
  char            monday[11];      /* the week shown on the week page */
  GArray         *visits;          /* HwVisit: derived, refreshed on every change */

  GtkLabel       *period_label;
  AdwViewStack   *stack;
  GtkDrawingArea *month_area;
  GtkDrawingArea *week_area;
  GtkListBox     *agenda_list;
  GtkWidget      *agenda_empty;
  GtkListBox     *plans_list;
  GtkWidget      *plans_empty;
  GtkLabel       *counts_summary;
  GtkDrawingArea *counts_area;
  GtkDrawingArea *history_area;
  GtkWidget      *previous_button;
  GtkWidget      *next_button;
};

G_DEFINE_FINAL_TYPE (HwVisitsView, hw_visits_view, GTK_TYPE_WIDGET)

/* A button with a mnemonic. GTK 4.8 also puts the raw text ("_Save") in
 * the accessible label, so screen readers said "_Save Save": the name is
 * left to the label inside. */
static GtkWidget *
mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  return button;
}


enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
hw_visits_view_new (HwStore *store,
                    gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_VISITS_VIEW, "store", store, "case-id", case_id, NULL);
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
on_week_page (HwVisitsView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "week") == 0;
}

static void
set_monday_of (HwVisitsView *self, int y, int m, int d)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
  g_autofree char *iso = g_date_time_format (monday, "%Y-%m-%d");

  g_strlcpy (self->monday, iso, sizeof self->monday);
}

/* Data -------------------------------------------------------------------- */

static void rebuild_agenda (HwVisitsView *self);
static void rebuild_plans (HwVisitsView *self);

static void
refresh (HwVisitsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (self->year, self->month, 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
  g_autoptr(GDateTime) monday = g_date_time_new_utc (atoi (self->monday), atoi (self->monday + 5),
                                                     atoi (self->monday + 8), 0, 0, 0);
  gint64 from = MIN (g_date_time_to_unix (first), g_date_time_to_unix (monday)) - 2 * 86400;
  gint64 to = MAX (g_date_time_to_unix (next), g_date_time_to_unix (monday) + 7 * 86400) + 2 * 86400;
  g_autofree char *title = NULL;
  g_autofree char *a11y = NULL;
  guint in_month = 0, conflicts = 0;

  g_clear_pointer (&self->visits, g_array_unref);
  self->visits = hw_visits_list (self->store, self->case_id, 0, from, to, &error);
  if (self->visits == NULL)
    {
      g_warning ("Could not read the visits: %s", error->message);
      self->visits = g_array_new (FALSE, TRUE, sizeof (HwVisit));
    }

  for (guint i = 0; i < self->visits->len; i++)
    {
      HwVisit *v = &g_array_index (self->visits, HwVisit, i);

      if (atoi (v->occ.local_start) == self->year && atoi (v->occ.local_start + 5) == self->month)
        {
          in_month++;
          if (v->flags & HW_VISIT_FLAG_CHILD_CONFLICT)
            conflicts++;
        }
    }

  if (on_week_page (self))
    {
      g_autoptr(GDateTime) sun = g_date_time_add_days (monday, 6);
      g_autofree char *a = hw_language_format_date_time (monday, HW_DATE_DAY_MONTH);
      g_autofree char *b = hw_language_format_date_time (sun, HW_DATE_SHORT);

      /* Translators: a week, "10 Mar – 16 Mar 2025" */
      title = g_strdup_printf (_("%s – %s"), a, b);
    }
  else
    {
      /* "March 2025", "Marzo de 2025", as the month's grid has it */
      g_autofree char *month = hw_language_format_date (self->year, self->month, 1,
                                                        HW_DATE_MONTH_YEAR);

      title = hw_language_capitalise (month);
    }
  gtk_label_set_text (self->period_label, title);

  /* the grids are pictures: their text for screen readers */
  a11y = g_strdup_printf (ngettext ("Calendar of %s: %u visit, %u with a conflict. The list page has each visit.",
                                    "Calendar of %s: %u visits, %u with a conflict. The list page has each visit.",
                                    in_month),
                          title, in_month, conflicts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_area), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_area), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);

  rebuild_agenda (self);
  rebuild_plans (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->month_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->week_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->counts_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->history_area));

  /* the progress page's figures, also as text */
  {
    g_autoptr(GArray) months = hw_visits_monthly_counts (self->store, self->case_id, self->year, self->month, 1, NULL);

    if (months != NULL && months->len == 1)
      {
        HwVisitMonth *m = &g_array_index (months, HwVisitMonth, 0);
        /* in words ("5 hours 30 minutes"), as the printed report has it */
        g_autofree char *time = hw_language_format_duration ((int) round (m->hours * 60));
        g_autofree char *summary =
          /* Translators: the last %s is a length of time, "5 hours 30 minutes" */
          g_strdup_printf (_("%s: %u planned, %u happened, %u cancelled by a parent, %u by the caregiver, "
                             "%u by the agency, %u by a provider, %u no-shows; %s of family time."),
                           title, m->planned, m->happened, m->cancelled_parent, m->cancelled_caregiver,
                           m->cancelled_agency, m->cancelled_provider, m->no_show, time);
        gtk_label_set_text (self->counts_summary, summary);
      }
  }
}

static void
store_changed_cb (HwVisitsView *self,
                  const char   *table)
{
  /* any table: people's names and the school-hours setting show too */
  refresh (self);
}

/* Agenda ------------------------------------------------------------------- */

static void
swatch_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  hw_visits_draw_level_swatch (cr, data, 1, 1, width - 2, height - 2);
}

static void
open_outcome (HwVisitsView *self, const HwVisit *visit, const char *status)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HwVisitOutcomeDialog *dialog = hw_visit_outcome_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              self->store, visit, status);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The visit a row's button names: (series id, occurrence key). A visit
 * is an occurrence of a series, so the pair is its identity. */
static const HwVisit *
find_visit (HwVisitsView *self,
            GVariant     *param)
{
  gint64 series_id = 0;
  const char *key = NULL;

  g_assert (HW_IS_VISITS_VIEW (self));

  g_variant_get (param, "(x&s)", &series_id, &key);
  for (guint i = 0; self->visits != NULL && i < self->visits->len; i++)
    {
      const HwVisit *v = &g_array_index (self->visits, HwVisit, i);

      if (v->series_id == series_id && g_str_equal (v->occ.key, key))
        return v;
    }
  return NULL;
}

static void
record_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  const HwVisit *v = find_visit (self, param);

  if (v)
    open_outcome (self, v, NULL);
}

static void
cancel_visit_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  const HwVisit *v = find_visit (self, param);

  if (v)
    open_outcome (self, v, "cancelled-parent");
}

static char *
visit_subtitle (const HwVisit *v)
{
  GString *s = g_string_new (hw_visit_level_label (v->level));
  static const HwVisitFlags all[] = { HW_VISIT_FLAG_CHILD_CONFLICT, HW_VISIT_FLAG_SCHOOL_HOURS,
                                      HW_VISIT_FLAG_TRIAL_OVERDUE, HW_VISIT_FLAG_MAKEUP_OWED,
                                      HW_VISIT_FLAG_MAKEUP };

  g_string_append_printf (s, " · %s", hw_visit_status_label (v->status));
  if (v->occ.moved)
    {
      g_autofree char *date = hw_language_format_iso (v->occ.key, HW_DATE_DAY_MONTH_LONG, FALSE);

      /* Translators: a visit moved from its usual day, "moved from 10 March 16:00" */
      g_string_append_printf (s, " · ");
      g_string_append_printf (s, _("moved from %s %.5s"), date, v->occ.key + 11);
    }
  if (v->place[0])
    g_string_append_printf (s, " · %s", v->place);
  if (v->who && v->who[0])
    g_string_append_printf (s, "\n%s", v->who);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (v->flags & all[i])
      g_string_append_printf (s, "\n%s %s", hw_visits_flag_symbol (all[i]), hw_visits_flag_label (all[i]));
  return g_string_free (s, FALSE);
}

static void
rebuild_agenda (HwVisitsView *self)
{
  HwFocusMemo focus = { 0 };
  GtkWidget *child;
  guint shown = 0;

  /* made again on every change, also someone else's: the keyboard's
   * place is kept */
  hw_focus_memo_save (&focus, GTK_WIDGET (self->agenda_list));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);

  for (guint i = 0; i < self->visits->len; i++)
    {
      HwVisit *v = &g_array_index (self->visits, HwVisit, i);
      g_autofree char *date = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *swatch, *record, *cancel;

      if (atoi (v->occ.local_start) != self->year || atoi (v->occ.local_start + 5) != self->month)
        continue;
      {
        g_autofree char *day = hw_language_format_iso (v->occ.local_start,
                                                       HW_DATE_WEEKDAY_DAY_MONTH, FALSE);

        /* "Saturday 1 March", "Sábado 1 de marzo": the row's title */
        date = hw_language_capitalise (day);
      }
      title = g_strdup_printf ("%s, %.5s–%.5s", date, v->occ.local_start + 11, v->occ.local_end + 11);
      subtitle = visit_subtitle (v);

      row = hw_text_row_new ();
      hw_text_row_set_title (HW_TEXT_ROW (row), title);
      hw_text_row_set_subtitle (HW_TEXT_ROW (row), subtitle);

      swatch = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 24);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 24);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw,
                                      g_strdup (v->level), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_visit_level_label (v->level), -1);
      hw_text_row_add_prefix (HW_TEXT_ROW (row), swatch);

      record = mnemonic_button (_("_Record…"));
      gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (record, _("Write down what happened at this visit"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "visits.record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (record), "(xs)", v->series_id, v->occ.key);
      hw_text_row_add_suffix (HW_TEXT_ROW (row), record);

      if (!hw_visit_status_is_cancelled (v->status))
        {
          cancel = mnemonic_button (_("_Cancel Visit…"));
          gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "visits.cancel-visit");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (cancel), "(xs)", v->series_id, v->occ.key);
          hw_text_row_add_suffix (HW_TEXT_ROW (row), cancel);
        }
      gtk_list_box_append (self->agenda_list, row);
      shown++;
    }
  gtk_widget_set_visible (self->agenda_empty, shown == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_list), shown > 0);
  hw_focus_memo_restore (&focus, GTK_WIDGET (self->agenda_list));
}

/* Plans -------------------------------------------------------------------- */

static GMenuModel *
plan_menu (gint64 series_id)
{
  static const struct { const char *label; const char *action; } items[] = {
    { N_("Change from a _Date…"), "visits.change-plan" },
    { N_("Step _Up…"), "visits.step-up" },
    { N_("Step _Down…"), "visits.step-down" },
    { N_("_End Plan…"), "visits.end-plan" },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action,
                                               g_variant_new_int64 (series_id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static char *
plan_subtitle (const HwVisitPlanSummary *p,
               const char               *today)
{
  GString *s = g_string_new (p->when);
  /* the days in words, as everywhere else in the window */
  g_autofree char *first = hw_language_format_iso (p->first_day, HW_DATE_LONG, FALSE);
  g_autofree char *last = hw_language_format_iso (p->last_day, HW_DATE_LONG, FALSE);

  if (p->place[0])
    g_string_append_printf (s, " · %s", p->place);
  g_string_append_c (s, '\n');
  if (p->last_day[0] && strcmp (p->last_day, today) < 0)
    /* Translators: a plan's dates, "From 30 June 2026, ended 1 September 2026" */
    g_string_append_printf (s, _("From %s, ended %s"), first, last);
  else if (p->last_day[0])
    /* Translators: a plan's dates, "From 30 June 2026 to 1 September 2026";
     * e.g. Spanish "Del %s al %s" */
    g_string_append_printf (s, C_("plan dates", "From %s to %s"), first, last);
  else
    /* Translators: a plan with no end date, "From 30 June 2026, no end set" */
    g_string_append_printf (s, _("From %s, no end set"), first);
  if (p->change_reason[0])
    {
      g_string_append_c (s, '\n');
      /* Translators: why a plan changed, shown under it */
      g_string_append_printf (s, _("Why it changed: %s"), p->change_reason);
    }
  if (p->end_reason != NULL && p->end_reason[0])
    {
      g_string_append_c (s, '\n');
      /* Translators: why a plan was ended, shown under it */
      g_string_append_printf (s, _("Why it ended: %s"), p->end_reason);
    }
  return g_string_free (s, FALSE);
}

static void
rebuild_plans (HwVisitsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plans = hw_visits_list_plans (self->store, self->case_id, &error);
  g_autofree char *today = today_iso ();
  HwFocusMemo focus = { 0 };
  GtkWidget *child;

  g_assert (HW_IS_VISITS_VIEW (self));

  hw_focus_memo_save (&focus, GTK_WIDGET (self->plans_list));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plans_list))) != NULL)
    gtk_list_box_remove (self->plans_list, child);
  if (plans == NULL)
    {
      g_warning ("Could not read the visit plans: %s", error->message);
      hw_focus_memo_clear (&focus);
      return;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      HwVisitPlanSummary *p = &g_array_index (plans, HwVisitPlanSummary, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", hw_visits_display_title (p->title),
                                                hw_visit_level_label (p->level));
      g_autofree char *subtitle = plan_subtitle (p, today);
      GtkWidget *row = hw_text_row_new ();
      GtkWidget *swatch = gtk_drawing_area_new ();

      hw_text_row_set_title (HW_TEXT_ROW (row), title);
      hw_text_row_set_subtitle (HW_TEXT_ROW (row), subtitle);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 24);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 24);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw, g_strdup (p->level),
                                      g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hw_visit_level_label (p->level), -1);
      hw_text_row_add_prefix (HW_TEXT_ROW (row), swatch);

      /* an ended plan is history: nothing to change; a make-up visit is
       * one visit, changed through the calendar */
      if (!(p->last_day[0] && strcmp (p->last_day, today) < 0) && !p->makeup)
        {
          g_autoptr(GMenuModel) menu = plan_menu (p->id);
          GtkWidget *button = gtk_menu_button_new ();
          g_autofree char *a11y = g_strdup_printf (_("Change %s"), title);

          gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("C_hange"));
          gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
          gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (
              button, _("Change this plan from a date, step its level up or down, or end it"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          a11y, -1);
          hw_text_row_add_suffix (HW_TEXT_ROW (row), button);
        }
      gtk_list_box_append (self->plans_list, row);
    }
  gtk_widget_set_visible (self->plans_empty, plans->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plans_list), plans->len > 0);
  hw_focus_memo_restore (&focus, GTK_WIDGET (self->plans_list));
}

static void
open_plan_change (HwVisitsView     *self,
                  GVariant         *param,
                  HwPlanChangeKind  kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HwPlanChangeDialog *dialog;

  g_assert (HW_IS_VISITS_VIEW (self));

  dialog = hw_plan_change_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      GTK_WIDGET (self), self->store, self->case_id,
                                      g_variant_get_int64 (param), kind);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_plan_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_plan_change (HW_VISITS_VIEW (widget), param, HW_PLAN_CHANGE_FROM);
}

static void
step_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_plan_change (HW_VISITS_VIEW (widget), param, HW_PLAN_CHANGE_STEP_UP);
}

static void
step_down_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_plan_change (HW_VISITS_VIEW (widget), param, HW_PLAN_CHANGE_STEP_DOWN);
}

static void
end_plan_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_plan_change (HW_VISITS_VIEW (widget), param, HW_PLAN_CHANGE_END);
}

/* Drawing ------------------------------------------------------------------ */

static void
month_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  HwVisitsView *self = data;
  g_autofree char *today = today_iso ();

  hw_visits_draw_month (cr, width, height, self->year, self->month, self->visits, today);
}

static void
week_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  HwVisitsView *self = data;
  g_autofree char *today = today_iso ();

  hw_visits_draw_week (cr, width, height, self->monday, self->visits, today);
}

static void
counts_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  HwVisitsView *self = data;
  int k = self->year * 12 + self->month - 1 - 11;
  g_autoptr(GArray) months = hw_visits_monthly_counts (self->store, self->case_id, k / 12, k % 12 + 1, 12, NULL);

  if (months != NULL)
    hw_visits_draw_counts (cr, width, height, months);
}

static void
history_draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  HwVisitsView *self = data;
  g_autoptr(GArray) steps = hw_visits_level_history (self->store, self->case_id, NULL);
  g_autofree char *today = today_iso ();

  if (steps != NULL)
    hw_visits_draw_level_history (cr, width, height, steps, today);
}

static void
month_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  HwVisitsView    *self)
{
  char day[11] = "";
  int i = hw_visits_month_hit (gtk_widget_get_width (GTK_WIDGET (self->month_area)),
                               gtk_widget_get_height (GTK_WIDGET (self->month_area)),
                               self->year, self->month, self->visits, x, y, day);

  gtk_widget_grab_focus (GTK_WIDGET (self->month_area));
  if (i >= 0)
    open_outcome (self, &g_array_index (self->visits, HwVisit, i), NULL);
  else if (day[0] && n_press == 2)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      gtk_window_present (GTK_WINDOW (hw_visit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           self->store, self->case_id, day)));
    }
}

/* Actions ----------------------------------------------------------------- */

static void
move_by (HwVisitsView *self, int step)
{
  if (on_week_page (self))
    {
      g_autoptr(GDateTime) monday = g_date_time_new_utc (atoi (self->monday), atoi (self->monday + 5),
                                                         atoi (self->monday + 8), 0, 0, 0);
      g_autoptr(GDateTime) next = g_date_time_add_days (monday, 7 * step);

      set_monday_of (self, g_date_time_get_year (next), g_date_time_get_month (next),
                     g_date_time_get_day_of_month (next));
      /* the month follows the week's Thursday */
      {
        g_autoptr(GDateTime) thu = g_date_time_add_days (next, 3);

        self->year = g_date_time_get_year (thu);
        self->month = g_date_time_get_month (thu);
      }
    }
  else
    {
      int k = self->year * 12 + self->month - 1 + step;

      self->year = k / 12;
      self->month = k % 12 + 1;
      set_monday_of (self, self->year, self->month, 1);
    }
  refresh (self);
}

static void
previous_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (HW_VISITS_VIEW (widget), -1);
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (HW_VISITS_VIEW (widget), 1);
}

void
hw_visits_view_show_day (HwVisitsView *self,
                         const char   *day)
{
  g_return_if_fail (HW_IS_VISITS_VIEW (self));
  g_return_if_fail (day != NULL && strlen (day) >= 10);

  self->year = atoi (day);
  self->month = atoi (day + 5);
  set_monday_of (self, self->year, self->month, atoi (day + 8));
  refresh (self);
}

static void
today_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autofree char *today = today_iso ();

  hw_visits_view_show_day (HW_VISITS_VIEW (widget), today);
}

static void
schedule_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  char day[11];

  g_snprintf (day, sizeof day, "%04d-%02d-%02d", self->year, self->month, 1);
  gtk_window_present (GTK_WINDOW (hw_visit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       self->store, self->case_id,
                                                       on_week_page (self) ? self->monday : day)));
}

static GtkWindow *
parent_window (HwVisitsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_problem (HwVisitsView *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The copy is made for whom the print dialog says, in its language: the
 * family's copy leaves out what is withheld from them (a protected
 * address, the agency's notes). The month is the one on screen. */
static HwDocument *
build_document_cb (HwPrintDialog     *dialog,
                   const HwRecipient *recipient,
                   const char        *language,
                   const char        *paper,
                   gboolean           for_real,
                   gpointer           user_data,
                   GError           **error)
{
  HwVisitsView *self = HW_VISITS_VIEW (user_data);

  g_assert (HW_IS_VISITS_VIEW (self));

  return hw_visits_build_document (self->store, self->case_id, recipient, 0, self->year, self->month,
                                   paper, error);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  HwPrintDialog *dialog = hw_print_dialog_new (self->store, self->case_id, _("Print the Family Time Plan"),
                                               _("Save the Family Time Plan as PDF"));

  hw_print_dialog_set_build_func (dialog, build_document_cb, g_object_ref (self), g_object_unref);
  hw_print_dialog_present (dialog, widget);
}

/* The calendar is made for whom the dialog says, in its language, like the
 * printed plan: the family's calendar leaves out a protected address and
 * the agency's notes. */
static gboolean
save_calendar_cb (HwPrintDialog     *dialog,
                  const HwRecipient *recipient,
                  const char        *language,
                  const char        *path,
                  gpointer           user_data,
                  GError           **error)
{
  HwVisitsView *self = HW_VISITS_VIEW (user_data);
  HwExportOptions opts;

  g_assert (HW_IS_VISITS_VIEW (self));

  hw_export_options_init (&opts);
  opts.case_id = self->case_id;
  opts.what = "visits";
  opts.format = "ics";
  opts.output = path;
  opts.recipient = *recipient;
  opts.language = language;
  return hw_visits_export (self->store, &opts, error);
}

static void
export_calendar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  HwPrintDialog *dialog = hw_print_dialog_new (self->store, self->case_id,
                                               _("Export Visits as a Calendar"),
                                               _("Save the Visits as a Calendar"));

  hw_print_dialog_set_save_func (dialog, _("_Save Calendar…"), N_("family-time.ics"),
                                 save_calendar_cb, g_object_ref (self), g_object_unref);
  hw_print_dialog_present (dialog, widget);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    HwVisitsView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      /* all or nothing: a bad file writes nothing and says why */
      if (!hw_visits_import_ics (self->store, self->case_id, path, &error))
        show_problem (self, _("Could Not Import the Calendar"), error->message);
    }
  g_object_unref (chooser);
}

static void
import_calendar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Visits from a Calendar"), parent_window (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar files (.ics)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
school_hours_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          HwVisitsView     *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!hw_visits_set_school_hours (self->store, gtk_editable_get_text (entry), &error))
    show_problem (self, _("School Hours Not Saved"), error->message);
  else
    refresh (self);
}

static void
school_hours_action (GtkWidget *widget, const char *name, GVariant *param)
{
  HwVisitsView *self = HW_VISITS_VIEW (widget);
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), _("School Hours"),
                                              _("Visits on a weekday between these hours are flagged. "
                                                "Write them as 08:00-15:00, or leave empty to stop checking."));
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *hours = hw_store_get_setting (self->store, "visits.school-hours");

  gtk_editable_set_text (GTK_EDITABLE (entry), hours ? hours : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("School hours"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  g_signal_connect_object (dialog, "response", G_CALLBACK (school_hours_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
page_changed_cb (HwVisitsView *self)
{
  refresh (self);
}

/* GObject ------------------------------------------------------------------ */

static void
hw_visits_view_constructed (GObject *object)
{
  HwVisitsView *self = HW_VISITS_VIEW (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkGesture *click;

  G_OBJECT_CLASS (hw_visits_view_parent_class)->constructed (object);

  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  set_monday_of (self, self->year, self->month, g_date_time_get_day_of_month (now));

  gtk_drawing_area_set_draw_func (self->month_area, month_draw, self, NULL);
  gtk_drawing_area_set_draw_func (self->week_area, week_draw, self, NULL);
  gtk_drawing_area_set_draw_func (self->counts_area, counts_draw, self, NULL);
  gtk_drawing_area_set_draw_func (self->history_area, history_draw, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->counts_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of visits each month, by what happened"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the supervision level over time"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next"), -1);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (month_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->month_area), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
hw_visits_view_dispose (GObject *object)
{
  HwVisitsView *self = HW_VISITS_VIEW (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_VISITS_VIEW);
  /* GTK 4.8 leaves the template's unnamed top box in place */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->visits, g_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_visits_view_parent_class)->dispose (object);
}

static void
hw_visits_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwVisitsView *self = HW_VISITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_visits_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwVisitsView *self = HW_VISITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_visits_view_class_init (HwVisitsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_visits_view_constructed;
  object_class->dispose = hw_visits_view_dispose;
  object_class->get_property = hw_visits_view_get_property;
  object_class->set_property = hw_visits_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/visits/hw-visits-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, stack);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, month_area);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, week_area);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, agenda_empty);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, plans_list);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, plans_empty);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, counts_summary);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, counts_area);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, history_area);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, HwVisitsView, next_button);

  gtk_widget_class_install_action (widget_class, "visits.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "visits.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "visits.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "visits.schedule", NULL, schedule_action);
  gtk_widget_class_install_action (widget_class, "visits.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "visits.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "visits.import-calendar", NULL, import_calendar_action);
  gtk_widget_class_install_action (widget_class, "visits.record", "(xs)", record_action);
  gtk_widget_class_install_action (widget_class, "visits.cancel-visit", "(xs)", cancel_visit_action);
  gtk_widget_class_install_action (widget_class, "visits.school-hours", NULL, school_hours_action);
  gtk_widget_class_install_action (widget_class, "visits.change-plan", "x", change_plan_action);
  gtk_widget_class_install_action (widget_class, "visits.step-up", "x", step_up_action);
  gtk_widget_class_install_action (widget_class, "visits.step-down", "x", step_down_action);
  gtk_widget_class_install_action (widget_class, "visits.end-plan", "x", end_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "visits.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "visits.next", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwvisitsview");
}

static void
hw_visits_view_init (HwVisitsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
