/* hw-meeting-row.c: a meeting in the list of a family's meetings: its
 * kind and when it starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-row"

#include <string.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-meeting-row.h"

struct _HwMeetingRow
{
  GtkListBoxRow  parent_instance;

  HwRecord      *record;

  /* template */
  GtkLabel      *title_label;
  GtkLabel      *date_label;
};

G_DEFINE_FINAL_TYPE (HwMeetingRow, hw_meeting_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hw_meeting_row_constructed (GObject *object)
{
  HwMeetingRow *self = HW_MEETING_ROW (object);
  const char *iso = hw_record_get_string (self->record, "starts_at");
  g_autofree char *when = NULL;

  G_OBJECT_CLASS (hw_meeting_row_parent_class)->constructed (object);

  /* "24 Feb 2025, 10:00", "24 feb 2025, 10:00": short for the list */
  when = hw_language_format_iso (iso, HW_DATE_SHORT, TRUE);
  gtk_label_set_text (self->title_label,
                      hw_choice_label (HW_CHOICES_MEETING_KIND, hw_record_get_string (self->record,
                                                                                      "kind")));
  gtk_label_set_text (self->date_label, when);
}

static void
hw_meeting_row_dispose (GObject *object)
{
  HwMeetingRow *self = HW_MEETING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_ROW);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_meeting_row_parent_class)->dispose (object);
}

static void
hw_meeting_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwMeetingRow *self = HW_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, hw_meeting_row_get_meeting_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwMeetingRow *self = HW_MEETING_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_row_class_init (HwMeetingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_row_constructed;
  object_class->dispose = hw_meeting_row_dispose;
  object_class->get_property = hw_meeting_row_get_property;
  object_class->set_property = hw_meeting_row_set_property;

  /* a row of table "meetings" with kind and starts_at */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingRow, date_label);
}

static void
hw_meeting_row_init (HwMeetingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_row_new:
 * @record: a meeting: a row of hw_meetings_list_new()
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_meeting_row_new (HwRecord *record)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_MEETING_ROW, "record", record, NULL);
}

/**
 * hw_meeting_row_get_meeting_id:
 * @self: the row
 *
 * Returns: the id of the meeting the row shows
 */
gint64
hw_meeting_row_get_meeting_id (HwMeetingRow *self)
{
  g_return_val_if_fail (HW_IS_MEETING_ROW (self), 0);

  return hw_record_get_id (self->record);
}
