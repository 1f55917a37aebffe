/* hw-meeting-scaling-section.c: the scaling step: each worry and safety
 * goal of the meeting (an HwMeetingStatementRow), scaled from 0 to 10 by
 * each person taking part, with what makes it that number; and Reveal
 * Scores, which lets everyone see each other's scores on their phones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-scaling-section"

#include <glib/gi18n.h>

#include "hw-meeting.h"
#include "hw-meeting-later.h"
#include "hw-meeting-queries.h"
#include "hw-meeting-scaling-section.h"
#include "hw-meeting-statement-row.h"
#include "hw-toast.h"

struct _HwMeetingScalingSection
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        meeting_id;
  HwRecordList *statements;
  gboolean      filling;      /* writing the toggle from the store */
  gint64        version;      /* the meeting's, as the toggle shows it */

  /* template */
  GtkWidget    *reveal_box;     /* bound, so that the template lets go of it */
  GtkToggleButton *reveal_button;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (HwMeetingScalingSection, hw_meeting_scaling_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  HwMeetingScalingSection *self = user_data;

  g_assert (HW_IS_MEETING_SCALING_SECTION (self));

  return hw_meeting_statement_row_new (self->store, self->meeting_id, item);
}

/* The toggle follows the meeting (an undo, another window). */
static void
refresh_reveal (HwMeetingScalingSection *self)
{
  g_autoptr(HwRecord) meeting = NULL;

  g_assert (HW_IS_MEETING_SCALING_SECTION (self));

  meeting = hw_store_get (self->store, "meetings", self->meeting_id, NULL);
  if (meeting == NULL)
    return;
  self->version = hw_record_get_version (meeting);
  self->filling = TRUE;
  gtk_toggle_button_set_active (self->reveal_button,
                                hw_record_get_boolean (meeting, "scores_revealed"));
  self->filling = FALSE;
}

static void
store_changed_cb (HwMeetingScalingSection *self,
                  const char              *table)
{
  g_assert (HW_IS_MEETING_SCALING_SECTION (self));

  if (g_strcmp0 (table, "meetings") == 0)
    refresh_reveal (self);
}

static void
do_reveal (GtkWidget *widget,
           GVariant  *parameter)
{
  HwMeetingScalingSection *self = HW_MEETING_SCALING_SECTION (widget);
  g_autoptr(GError) error = NULL;
  gboolean revealed = gtk_toggle_button_get_active (self->reveal_button);

  g_assert (HW_IS_MEETING_SCALING_SECTION (self));

  /* over the meeting as the toggle showed it: someone else may have
   * revealed or hidden the scores since */
  if (!hw_meeting_set_scores_revealed_at (self->store, self->meeting_id, self->version, revealed,
                                          &error))
    {
      hw_toast_show_error (widget, error);
      /* theirs is shown */
      refresh_reveal (self);
      return;
    }
  hw_toast_show_undo (widget, revealed ? _("Everyone can now see all the scores")
                                       : _("Each person sees only their own score again"));
}

static void
reveal_toggled_cb (HwMeetingScalingSection *self)
{
  g_assert (HW_IS_MEETING_SCALING_SECTION (self));

  /* the write waits for the click to be over */
  if (!self->filling)
    hw_meeting_run_later (GTK_WIDGET (self), do_reveal, NULL);
}

static void
hw_meeting_scaling_section_constructed (GObject *object)
{
  HwMeetingScalingSection *self = HW_MEETING_SCALING_SECTION (object);

  G_OBJECT_CLASS (hw_meeting_scaling_section_parent_class)->constructed (object);

  self->statements = hw_meeting_statements_list_new (self->store, self->meeting_id);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->statements), create_row_cb, self, NULL);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  refresh_reveal (self);
}

static void
hw_meeting_scaling_section_dispose (GObject *object)
{
  HwMeetingScalingSection *self = HW_MEETING_SCALING_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_SCALING_SECTION);
  g_clear_object (&self->statements);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_scaling_section_parent_class)->dispose (object);
}

static void
hw_meeting_scaling_section_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HwMeetingScalingSection *self = HW_MEETING_SCALING_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_scaling_section_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HwMeetingScalingSection *self = HW_MEETING_SCALING_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_ID:
      self->meeting_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_meeting_scaling_section_class_init (HwMeetingScalingSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_scaling_section_constructed;
  object_class->dispose = hw_meeting_scaling_section_dispose;
  object_class->get_property = hw_meeting_scaling_section_get_property;
  object_class->set_property = hw_meeting_scaling_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-scaling-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScalingSection, reveal_box);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScalingSection, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingScalingSection, list);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_meeting_scaling_section_init (HwMeetingScalingSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_scaling_section_new:
 * @store: the store
 * @meeting_id: the meeting
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
hw_meeting_scaling_section_new (HwStore *store,
                                gint64   meeting_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_MEETING_SCALING_SECTION,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}
