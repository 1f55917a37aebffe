/* hw-meeting-view.c: the family meetings of a case.
 *
 * Left: the meetings of the case. Right: the open meeting, with the steps
 * of the agenda in a sidebar and one page per step: the details
 * (HwMeetingDetailsSection), who is taking part
 * (HwMeetingAttendeesSection), the scaling (HwMeetingScalingSection) and
 * the things said in every other step (HwMeetingPhaseSection). Each
 * section shows live lists of the store, so edits, undo and redo (from
 * anywhere, also the room's screen) show at once; widgets never keep their
 * own copy. The view keeps the choice of meeting, the steps, the clock,
 * the room's screen and printing.
 *
 * Choosing a step makes it the meeting's current step, which is what the
 * room's screen shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-view"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-meeting.h"
#include "hw-meeting-attendees-section.h"
#include "hw-meeting-clock.h"
#include "hw-meeting-details-section.h"
#include "hw-meeting-invite-dialog.h"
#include "hw-meeting-later.h"
#include "hw-meeting-phase-section.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-render.h"
#include "hw-meeting-row.h"
#include "hw-meeting-scaling-section.h"
#include "hw-meeting-step-row.h"
#include "hw-meeting-summary.h"
#include "hw-meeting-view.h"
#include "hw-presentation-window.h"
#include "hw-print-dialog.h"
#include "hw-toast.h"

struct _HwMeetingView
{
  GtkWidget             parent_instance;

  HwStore              *store;
  gint64                case_id;
  HwRecordList         *meetings;
  gint64                meeting_id;
  char                 *page;          /* "details", "attendees" or a phase */
  gint64                version;       /* the meeting's, as the steps show it */
  gboolean              updating;      /* selecting rows to match the store */

  HwMeetingClock       *clock;         /* of the step the meeting is at */

  HwPresentationWindow *presentation;
  /* Invite: owns the join server of the open meeting, while inviting */
  HwMeetingInviteDialog *invite;

  /* template */
  GtkWidget            *list_pane;
  GtkWidget            *list_separator;
  GtkListBox           *meeting_list;
  GtkStack             *editor_stack;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *clock_label;
  GtkToggleButton      *clock_button;
  GtkToggleButton      *present_button;
  GtkButton            *print_button;
  GtkListBox           *phase_list;
  GtkBox               *page_box;
  GtkLabel             *page_title_label;
  GtkLabel             *prompt_label;
  GtkWidget            *section;       /* the page's section, in page_box */
};

G_DEFINE_FINAL_TYPE (HwMeetingView, hw_meeting_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void build_page        (HwMeetingView *self);
static void update_header     (HwMeetingView *self);

/* Helpers ----------------------------------------------------------------- */

static HwRecord *
get_meeting (HwMeetingView *self)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->meeting_id == 0)
    return NULL;
  return hw_store_get (self->store, "meetings", self->meeting_id, NULL);
}

static gboolean
is_phase (const char *page)
{
  return hw_choices_valid (HW_CHOICES_MEETING_PHASE, page);
}

/* The meeting list --------------------------------------------------------- */

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  return hw_meeting_row_new (item);
}

static void
select_meeting_row (HwMeetingView *self)
{
  guint position;

  g_assert (HW_IS_MEETING_VIEW (self));

  self->updating = TRUE;
  if (self->meeting_id != 0 && hw_record_list_find (self->meetings, self->meeting_id, &position))
    gtk_list_box_select_row (self->meeting_list, gtk_list_box_get_row_at_index (self->meeting_list,
                                                                                position));
  else
    gtk_list_box_unselect_all (self->meeting_list);
  self->updating = FALSE;
}

static void
meeting_selected_cb (HwMeetingView *self,
                     GtkListBoxRow *row)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->updating || row == NULL)
    return;
  hw_meeting_view_open_meeting (self, hw_meeting_row_get_meeting_id (HW_MEETING_ROW (row)));
}

static void
meetings_changed_cb (HwMeetingView *self)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  /* the open meeting may have gone (deleted, or its creation undone) */
  if (self->meeting_id != 0 && hw_record_list_find (self->meetings, self->meeting_id, NULL) == NULL)
    {
      HwRecord *first = g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0
                        ? g_list_model_get_item (G_LIST_MODEL (self->meetings), 0) : NULL;

      hw_meeting_view_open_meeting (self, first ? hw_record_get_id (first) : 0);
      g_clear_object (&first);
      return;
    }
  select_meeting_row (self);
  update_header (self);
}

/* The steps sidebar -------------------------------------------------------- */

static void
select_sidebar_row (HwMeetingView *self)
{
  GtkListBoxRow *row;

  g_assert (HW_IS_MEETING_VIEW (self));

  row = hw_meeting_step_rows_find (self->phase_list, self->page);
  self->updating = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->phase_list, row);
  self->updating = FALSE;
}

static void
phase_selected_cb (HwMeetingView *self,
                   GtkListBoxRow *row)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->updating || row == NULL)
    return;
  hw_meeting_view_show_page (self, hw_meeting_step_row_get_page (HW_MEETING_STEP_ROW (row)));
}

/* The header, the clock --------------------------------------------------- */

static void
update_clock_label (HwMeetingView *self)
{
  g_autofree char *text = NULL;

  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->clock == NULL)
    return;   /* being destroyed */
  text = hw_meeting_format_duration (hw_meeting_clock_get_seconds (self->clock));
  gtk_label_set_text (self->clock_label, text);
  if (self->presentation != NULL)
    hw_presentation_window_set_live_seconds (self->presentation,
                                             hw_meeting_clock_get_pending (self->clock));
}

static void
clock_toggled_cb (HwMeetingView *self)
{
  gboolean on = gtk_toggle_button_get_active (self->clock_button);

  g_assert (HW_IS_MEETING_VIEW (self));

  hw_meeting_clock_set_running (self->clock, on);
  gtk_button_set_icon_name (GTK_BUTTON (self->clock_button),
                            on ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clock_button),
                               on ? _("Pause the clock") : _("Start the clock of this step"));
  update_clock_label (self);
}

static void
update_header (HwMeetingView *self)
{
  g_autoptr(HwRecord) meeting = get_meeting (self);
  const char *current;
  g_autofree char *subtitle = NULL;
  const char *iso, *place;

  g_assert (HW_IS_MEETING_VIEW (self));

  if (meeting == NULL)
    return;

  gtk_label_set_text (self->title_label, hw_choice_label (HW_CHOICES_MEETING_KIND,
                                                          hw_record_get_string (meeting, "kind")));
  iso = hw_record_get_string (meeting, "starts_at");
  place = hw_record_get_string (meeting, "place");
  {
    /* "24 February 2025, 10:00 · Family room", the day in words as
     * everywhere else in the window */
    g_autofree char *when = hw_language_format_iso (iso, HW_DATE_LONG, TRUE);

    subtitle = g_strdup_printf ("%s%s%s", when, *place ? " · " : "", place);
  }
  gtk_label_set_text (self->subtitle_label, subtitle);

  /* the step shown is moved from this version only */
  self->version = hw_record_get_version (meeting);
  current = hw_record_get_string (meeting, "current_phase");
  hw_meeting_step_rows_mark_current (self->phase_list, current);

  /* the step moved (here, or with the arrows on the room's screen) */
  if (g_strcmp0 (hw_meeting_clock_get_phase (self->clock), current) != 0)
    {
      hw_meeting_clock_set_step (self->clock, self->meeting_id, current);
      if (is_phase (self->page) && g_strcmp0 (self->page, current) != 0)
        hw_meeting_view_show_page (self, current);
    }
  update_clock_label (self);
}


/* Pages -------------------------------------------------------------------- */

static void
build_page (HwMeetingView *self)
{
  const char *page = self->page ? self->page : "details";
  GtkListBoxRow *step = hw_meeting_step_rows_find (self->phase_list, page);
  const char *title, *prompt;

  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->section != NULL)
    gtk_box_remove (self->page_box, g_steal_pointer (&self->section));
  if (self->meeting_id == 0 || step == NULL)
    return;

  title = hw_meeting_step_row_get_title (HW_MEETING_STEP_ROW (step));
  prompt = hw_meeting_step_row_get_prompt (HW_MEETING_STEP_ROW (step));
  gtk_label_set_text (self->page_title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_text (self->prompt_label, prompt);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), *prompt != '\0');

  if (g_strcmp0 (page, "details") == 0)
    self->section = hw_meeting_details_section_new (self->store, self->meeting_id, FALSE);
  else if (g_strcmp0 (page, "attendees") == 0)
    self->section = hw_meeting_attendees_section_new (self->store, self->meeting_id);
  else if (g_strcmp0 (page, "scaling") == 0)
    self->section = hw_meeting_scaling_section_new (self->store, self->meeting_id);
  else
    self->section = hw_meeting_phase_section_new (self->store, self->case_id, self->meeting_id,
                                                  page);
  gtk_box_append (self->page_box, self->section);
}

static void
store_changed_cb (HwMeetingView *self,
                  const char    *table)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->meeting_id == 0)
    return;
  /* meetings_changed_cb handles a meeting that went away; the sections
   * follow the store themselves */
  if (g_strcmp0 (table, "meetings") == 0)
    {
      if (hw_record_list_find (self->meetings, self->meeting_id, NULL) != NULL)
        update_header (self);
    }
  else if (g_strcmp0 (table, "meeting_phase_times") == 0)
    update_clock_label (self);
}

/* Public ------------------------------------------------------------------- */

void
hw_meeting_view_show_page (HwMeetingView *self,
                           const char    *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) meeting = NULL;

  g_return_if_fail (HW_IS_MEETING_VIEW (self));

  if (g_strcmp0 (page, "details") != 0 && g_strcmp0 (page, "attendees") != 0 && !is_phase (page))
    page = "details";
  g_free (self->page);
  self->page = g_strdup (page);
  select_sidebar_row (self);

  /* choosing a step moves the meeting (and the room's screen) to it */
  meeting = get_meeting (self);
  if (meeting != NULL && is_phase (page) &&
      g_strcmp0 (hw_record_get_string (meeting, "current_phase"), page) != 0)
    {
      /* from the step shown only: when someone else moved the meeting on
       * since (two facilitators pressing Next), theirs stays and is shown */
      if (!hw_meeting_set_phase_at (self->store, self->meeting_id, self->version, page, &error))
        {
          hw_toast_show_error (GTK_WIDGET (self), error);
          if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
            {
              g_autoptr(HwRecord) theirs = get_meeting (self);

              if (theirs != NULL)
                {
                  g_free (self->page);
                  const char *current = hw_record_get_string (theirs, "current_phase");

                  self->page = g_strdup (g_strcmp0 (current, "welcome") == 0 ? "details" : current);
                  /* the sidebar, the clock and the page follow their step */
                  update_header (self);
                  select_sidebar_row (self);
                }
            }
        }
    }
  build_page (self);

  /* Ready to type, unless the person is moving through the steps with
   * the arrow keys in the sidebar (then the focus stays there). */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
    GtkWidget *entry = hw_meeting_find_first_field (GTK_WIDGET (self->page_box));

    if (entry != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus,
                                                                    GTK_WIDGET (self->phase_list))))
      gtk_widget_grab_focus (entry);
  }
}

void
hw_meeting_view_open_meeting (HwMeetingView *self,
                              gint64         meeting_id)
{
  g_autoptr(HwRecord) meeting = NULL;

  g_return_if_fail (HW_IS_MEETING_VIEW (self));

  if (meeting_id == self->meeting_id && meeting_id != 0)
    return;
  hw_meeting_clock_flush (self->clock);
  gtk_toggle_button_set_active (self->clock_button, FALSE);
  /* phones joined this meeting, not the next one */
  if (self->invite != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->invite)));
  if (self->presentation != NULL)
    gtk_window_close (GTK_WINDOW (self->presentation));

  self->meeting_id = meeting_id;
  hw_meeting_clock_set_step (self->clock, meeting_id, NULL);
  meeting = get_meeting (self);
  if (meeting == NULL)
    {
      self->meeting_id = 0;
      hw_meeting_clock_set_step (self->clock, 0, NULL);
      gtk_stack_set_visible_child_name (self->editor_stack, "empty");
      build_page (self);
      select_meeting_row (self);
      return;
    }
  hw_meeting_clock_set_step (self->clock, meeting_id, hw_record_get_string (meeting,
                                                                            "current_phase"));
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
  select_meeting_row (self);
  update_header (self);
  /* open where the meeting is */
  g_free (self->page);
  self->page = g_strdup (hw_meeting_clock_get_phase (self->clock));
  if (g_strcmp0 (self->page, "welcome") == 0)
    {
      g_free (self->page);
      self->page = g_strdup ("details");
    }
  select_sidebar_row (self);
  build_page (self);
}

gint64
hw_meeting_view_get_meeting (HwMeetingView *self)
{
  g_return_val_if_fail (HW_IS_MEETING_VIEW (self), 0);
  return self->meeting_id;
}

GtkWindow *
hw_meeting_view_get_presentation (HwMeetingView *self)
{
  g_return_val_if_fail (HW_IS_MEETING_VIEW (self), NULL);
  return self->presentation ? GTK_WINDOW (self->presentation) : NULL;
}

GtkWindow *
hw_meeting_view_get_invite_dialog (HwMeetingView *self)
{
  g_return_val_if_fail (HW_IS_MEETING_VIEW (self), NULL);
  return self->invite ? GTK_WINDOW (self->invite) : NULL;
}

/* Actions ------------------------------------------------------------------ */

static void
invite_destroyed_cb (HwMeetingView *self,
                     GtkWidget     *dialog)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->invite == (HwMeetingInviteDialog *) dialog)
    self->invite = NULL;
}

/* meeting.invite: starts letting the people taking part join from their
 * phones (or shows the window again, if it was only closed) */
static void
invite_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->meeting_id == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                                                     _("Choose a meeting first."));

      hw_toast_show_error (widget, error);
      return;
    }
  if (self->invite == NULL)
    {
      self->invite = hw_meeting_invite_dialog_new (self->store, self->meeting_id, widget);
      g_signal_connect_object (self->invite, "destroy", G_CALLBACK (invite_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (GTK_WINDOW (self->invite), GTK_WINDOW (root));
    }
  gtk_window_present (GTK_WINDOW (self->invite));
}

static void
new_meeting_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:00");
  gint64 id;

  id = hw_meeting_create (self->store, self->case_id, "family-team-meeting", when, &error);
  if (id == 0)
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  hw_meeting_view_open_meeting (self, id);
  hw_meeting_view_show_page (self, "details");
}

/* The details' button: the toast's Undo (or Ctrl+Z) brings it back. */
static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!hw_meeting_delete (self->store, self->meeting_id, &error))
    hw_toast_show_error (GTK_WIDGET (self), error);
  else
    hw_toast_show_undo (GTK_WIDGET (self), _("Meeting deleted"));
}

static void
presentation_closed_cb (HwMeetingView *self)
{
  g_assert (HW_IS_MEETING_VIEW (self));

  self->presentation = NULL;
  gtk_toggle_button_set_active (self->present_button, FALSE);
}

static void
present_toggled_cb (HwMeetingView *self)
{
  gboolean on = gtk_toggle_button_get_active (self->present_button);

  g_assert (HW_IS_MEETING_VIEW (self));

  if (on && self->presentation == NULL && self->meeting_id != 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      self->presentation = hw_presentation_window_new (self->store, self->meeting_id);
      g_signal_connect_object (self->presentation, "destroy", G_CALLBACK (presentation_closed_cb),
                               self, G_CONNECT_SWAPPED);
      hw_presentation_window_show (self->presentation,
                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      update_clock_label (self);
    }
  else if (!on && self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->presentation)));
}

static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);

  gtk_toggle_button_set_active (self->present_button,
                                !gtk_toggle_button_get_active (self->present_button));
}

/* The summary for whom the print dialog says, in its language: what is
 * withheld from that reader is not in it. */
static HwDocument *
build_summary_cb (HwPrintDialog     *dialog,
                  const HwRecipient *recipient,
                  const char        *language,
                  const char        *paper,
                  gboolean           for_real,
                  gpointer           user_data,
                  GError           **error)
{
  HwMeetingView *self = HW_MEETING_VIEW (user_data);

  g_assert (HW_IS_MEETING_VIEW (self));

  if (self->meeting_id == 0)
    {
      g_set_error (error, HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND, _("Choose a meeting first."));
      return NULL;
    }
  return hw_meeting_summary_build (self->store, self->meeting_id, recipient, paper, error);
}

/* meeting.print: asks for whom, in which language (the meeting's, else
 * the family's), then prints or saves the summary */
static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  g_autoptr(HwRecord) meeting = get_meeting (self);
  HwPrintDialog *dialog;

  if (meeting == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (HW_STORE_ERROR, HW_STORE_ERROR_NOT_FOUND,
                                                     _("Choose a meeting first."));

      hw_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  dialog = hw_print_dialog_new (self->store, self->case_id, _("Print the Meeting Summary"),
                                _("Save the Meeting Summary as PDF"));
  if (*hw_record_get_string (meeting, "language") != '\0')
    hw_print_dialog_select (dialog, NULL, hw_record_get_string (meeting, "language"));
  hw_print_dialog_set_build_func (dialog, build_summary_cb, g_object_ref (self), g_object_unref);
  hw_print_dialog_present (dialog, widget);
}

static void
step_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwMeetingView *self = HW_MEETING_VIEW (widget);
  int delta = g_variant_get_int32 (parameter);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->phase_list);
  int index = row ? gtk_list_box_row_get_index (row) + delta : 0;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->phase_list, MAX (index, 0));

  if (HW_IS_MEETING_STEP_ROW (next) && self->meeting_id != 0)
    hw_meeting_view_show_page (self, hw_meeting_step_row_get_page (HW_MEETING_STEP_ROW (next)));
}

/* GObject ------------------------------------------------------------------ */

GtkWidget *
hw_meeting_view_new (HwStore *store,
                     gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_MEETING_VIEW,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

static void
hw_meeting_view_constructed (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->constructed (object);

  self->clock = hw_meeting_clock_new (self->store);
  g_signal_connect_object (self->clock, "tick", G_CALLBACK (update_clock_label), self,
                           G_CONNECT_SWAPPED);
  self->meetings = hw_meetings_list_new (self->store, self->case_id);
  gtk_list_box_bind_model (self->meeting_list, G_LIST_MODEL (self->meetings), create_meeting_row,
                           self, NULL);
  g_signal_connect_object (self->meetings, "items-changed", G_CALLBACK (meetings_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);

  hw_meeting_step_rows_fill (self->phase_list);
  /* the most recent meeting, or none */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->meetings)) > 0)
    {
      g_autoptr(HwRecord) first = g_list_model_get_item (G_LIST_MODEL (self->meetings), 0);
      hw_meeting_view_open_meeting (self, hw_record_get_id (first));
    }
  else
    hw_meeting_view_open_meeting (self, 0);
}

static void
hw_meeting_view_dispose (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  /* writes the time counted in the current step */
  g_clear_object (&self->clock);
  /* stops the join server: nobody joins a meeting nobody has open */
  if (self->invite != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->invite)));
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->presentation)));
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_VIEW);
  g_clear_object (&self->meetings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->dispose (object);
}

static void
hw_meeting_view_finalize (GObject *object)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

  g_free (self->page);

  G_OBJECT_CLASS (hw_meeting_view_parent_class)->finalize (object);
}

static void
hw_meeting_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

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
hw_meeting_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HwMeetingView *self = HW_MEETING_VIEW (object);

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
hw_meeting_view_class_init (HwMeetingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_view_constructed;
  object_class->dispose = hw_meeting_view_dispose;
  object_class->finalize = hw_meeting_view_finalize;
  object_class->get_property = hw_meeting_view_get_property;
  object_class->set_property = hw_meeting_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/meeting/hw-meeting-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, list_separator);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, clock_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, present_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, print_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, phase_list);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, page_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, page_title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingView, prompt_label);
  gtk_widget_class_bind_template_callback (widget_class, meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, phase_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clock_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, present_toggled_cb);

  gtk_widget_class_install_action (widget_class, "meeting.new", NULL, new_meeting_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.present", NULL, present_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.invite", NULL, invite_action_cb);
  gtk_widget_class_install_action (widget_class, "meeting.step", "i", step_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "meeting.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "meeting.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "meeting.step", "i", -1);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hwmeetingview");
}

static void
hw_meeting_view_init (HwMeetingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
