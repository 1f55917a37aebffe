/* hw-meeting-attendee-row.c: an adult of the family, and whether and how
 * they take part in the meeting: a switch (taking part or not) and, for
 * those taking part, how (in the room, by phone or video, ...).
 *
 * The row shows one record of hw_meeting_attendance_list_new(); an edit
 * changes the record, and the list makes a new row for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-attendee-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-long-text.h"
#include "hw-meeting.h"
#include "hw-meeting-attendee-row.h"
#include "hw-meeting-later.h"
#include "hw-toast.h"

struct _HwMeetingAttendeeRow
{
  AdwActionRow  parent_instance;

  HwStore      *store;
  gint64        meeting_id;
  HwRecord     *record;
  gint64        version;   /* the attendee row's version as shown */
  gboolean      filling;   /* writing widgets from the record */

  /* template */
  GtkSwitch    *attending_switch;
  GtkDropDown  *attendance_dropdown;
};

G_DEFINE_FINAL_TYPE (HwMeetingAttendeeRow, hw_meeting_attendee_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
attendee_id (HwMeetingAttendeeRow *self)
{
  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  return hw_record_get_int (self->record, "attendee_id");
}

/* The list the row is in: it outlives the row, which an edit replaces. */
static GtkWidget *
scope (HwMeetingAttendeeRow *self)
{
  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  return gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_LIST_BOX);
}

static void
do_attending (GtkWidget *widget,
              GVariant  *parameter)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (self->attending_switch)));
  gboolean on = gtk_switch_get_active (self->attending_switch);
  gboolean ok;

  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  if (on && attendee_id (self) == 0)
    ok = hw_meeting_add_attendee (self->store, self->meeting_id, hw_record_get_id (self->record),
                                  hw_record_get_string (self->record, "relationship"), "present",
                                  &error) != 0;
  else if (!on && attendee_id (self) != 0)
    ok = hw_meeting_remove_attendee (self->store, attendee_id (self), &error);
  else
    return;
  if (!ok)
    hw_toast_show_error (list, error);
  hw_meeting_refocus_later (list, name);
}

static void
attending_active_cb (HwMeetingAttendeeRow *self)
{
  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  if (!self->filling)
    hw_meeting_run_later (GTK_WIDGET (self), do_attending, NULL);
}

static void
do_attendance (GtkWidget *widget,
               GVariant  *parameter)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (widget);
  g_autoptr(GtkWidget) list = g_object_ref (scope (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (gtk_widget_get_name (GTK_WIDGET (self->attendance_dropdown)));
  const HwChoice *choices;
  guint n, i = gtk_drop_down_get_selected (self->attendance_dropdown);

  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  choices = hw_choices_get (HW_CHOICES_ATTENDANCE, &n);
  if (i >= n)
    return;
  /* saved over how they take part as it was shown only */
  if (!hw_meeting_set_attendee (self->store, attendee_id (self), self->version, NULL, choices[i].id,
                                &error))
    {
      hw_toast_show_error (list, error);
      /* someone else changed it since: a drop-down cannot show their
       * text, it goes back to what they saved */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "meeting_attendees", attendee_id (self), NULL);

          if (newer != NULL)
            {
              self->version = hw_record_get_version (newer);
              for (guint j = 0; j < n; j++)
                if (g_strcmp0 (choices[j].id, hw_record_get_string (newer, "attendance")) == 0)
                  {
                    self->filling = TRUE;
                    gtk_drop_down_set_selected (self->attendance_dropdown, j);
                    self->filling = FALSE;
                  }
            }
        }
      return;
    }
  hw_meeting_refocus_later (list, name);
}

static void
attendance_selected_cb (HwMeetingAttendeeRow *self)
{
  g_assert (HW_IS_MEETING_ATTENDEE_ROW (self));

  if (!self->filling)
    hw_meeting_run_later (GTK_WIDGET (self), do_attendance, NULL);
}

static void
hw_meeting_attendee_row_constructed (GObject *object)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (object);
  HwRecord *person = self->record;
  gint64 person_id = hw_record_get_id (person);
  const char *name = hw_record_get_string (person, "name");
  gboolean taking_part = attendee_id (self) != 0;
  g_autofree char *check_label = g_strdup_printf (_("Taking part: %s"), name);
  g_autofree char *drop_label = g_strdup_printf (_("How %s takes part"), name);
  g_autofree char *check_name = g_strdup_printf ("attend-%" G_GINT64_FORMAT, person_id);
  g_autofree char *drop_name = g_strdup_printf ("attendance-%" G_GINT64_FORMAT, person_id);
  g_autoptr(GString) subtitle = g_string_new (hw_record_get_string (person, "relationship"));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const HwChoice *choices;
  guint n, position = 0;

  G_OBJECT_CLASS (hw_meeting_attendee_row_parent_class)->constructed (object);

  if (hw_record_get_boolean (person, "confidential") ||
      *hw_record_get_string (person, "withheld_from") != '\0')
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            _("Private: shown as “Participant” on the room’s screen"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  hw_action_row_set_whole_tooltip (ADW_ACTION_ROW (self));

  self->filling = TRUE;
  self->version = hw_record_get_int (person, "attendee_version");
  gtk_switch_set_active (self->attending_switch, taking_part);
  gtk_widget_set_name (GTK_WIDGET (self->attending_switch), check_name);
  /* named by the row's title (the activatable widget is labelled by it) */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->attending_switch), check_label);

  choices = hw_choices_get (HW_CHOICES_ATTENDANCE, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (labels, hw_choice_label (HW_CHOICES_ATTENDANCE, choices[i].id));
      if (g_strcmp0 (choices[i].id, hw_record_get_string (person, "attendance")) == 0)
        position = i;
    }
  gtk_drop_down_set_model (self->attendance_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->attendance_dropdown, position);
  gtk_widget_set_name (GTK_WIDGET (self->attendance_dropdown), drop_name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attendance_dropdown), taking_part);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_dropdown), taking_part);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attendance_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, drop_label, -1);
  self->filling = FALSE;
}

static void
hw_meeting_attendee_row_dispose (GObject *object)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_ATTENDEE_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_attendee_row_parent_class)->dispose (object);
}

static void
hw_meeting_attendee_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_attendee_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HwMeetingAttendeeRow *self = HW_MEETING_ATTENDEE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_attendee_row_class_init (HwMeetingAttendeeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_attendee_row_constructed;
  object_class->dispose = hw_meeting_attendee_row_dispose;
  object_class->get_property = hw_meeting_attendee_row_get_property;
  object_class->set_property = hw_meeting_attendee_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* a row of hw_meeting_attendance_list_new(): the person (id, name,
   * relationship, confidential, withheld_from), attendee_id, attendance */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-attendee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingAttendeeRow, attending_switch);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingAttendeeRow, attendance_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, attending_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, attendance_selected_cb);
}

static void
hw_meeting_attendee_row_init (HwMeetingAttendeeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_attendee_row_new:
 * @store: the store
 * @meeting_id: the meeting
 * @record: a row of hw_meeting_attendance_list_new()
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_attendee_row_new (HwStore  *store,
                             gint64    meeting_id,
                             HwRecord *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_MEETING_ATTENDEE_ROW,
                       "store", store,
                       "meeting-id", meeting_id,
                       "record", record,
                       NULL);
}
