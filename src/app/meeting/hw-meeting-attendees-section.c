/* hw-meeting-attendees-section.c: who is taking part in the meeting: the
 * adults of the family and the children old enough (HW_MEETING_CHILD_AGE),
 * those taking part first, each with a switch and, when taking part, how.
 * Above them, the fathers and older children nobody has asked yet
 * (hw_meeting_uninvited_select()): the people most often left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-meeting-attendees-section"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-meeting-attendee-row.h"
#include "hw-meeting-attendees-section.h"
#include "hw-meeting-queries.h"

struct _HwMeetingAttendeesSection
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        meeting_id;
  HwRecordList *people;

  /* template */
  GtkLabel     *uninvited_label;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (HwMeetingAttendeesSection, hw_meeting_attendees_section, GTK_TYPE_WIDGET)

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
  HwMeetingAttendeesSection *self = user_data;

  g_assert (HW_IS_MEETING_ATTENDEES_SECTION (self));

  return hw_meeting_attendee_row_new (self->store, self->meeting_id, item);
}

/* "Not asked yet: Marco Reyes (father), Sofía Morales (12). …" */
static void
update_uninvited (HwMeetingAttendeesSection *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  g_assert (HW_IS_MEETING_ATTENDEES_SECTION (self));

  people = hw_meeting_uninvited_select (self->store, self->meeting_id, NULL);
  if (people == NULL || people->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->uninvited_label), FALSE);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      if (g_str_equal (hw_record_get_string (p, "role"), "father"))
        /* Translators: a person not asked to the meeting yet: "Marco Reyes (father)" */
        g_ptr_array_add (names, g_strdup_printf (_("%s (father)"),
                                                 hw_record_get_string (p, "name")));
      else
        /* Translators: a child not asked to the meeting yet, with their age:
         * "Sofía Morales (12)" */
        g_ptr_array_add (names, g_strdup_printf (_("%s (%d)"), hw_record_get_string (p, "name"),
                                                 (int) hw_record_get_int (p, "age")));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: joins the names of people not asked yet */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %s is a list of names; %d is HW_MEETING_CHILD_AGE (11) */
  text = g_strdup_printf (_("Not asked yet: %s. Fathers and children aged %d and older "
                            "should be asked to take part: switch them on below, or choose "
                            "“Declined” if they were asked and will not come."),
                          list, HW_MEETING_CHILD_AGE);
  gtk_label_set_text (self->uninvited_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->uninvited_label), TRUE);
}

static void
people_changed_cb (HwMeetingAttendeesSection *self)
{
  update_uninvited (self);
}

static void
hw_meeting_attendees_section_constructed (GObject *object)
{
  HwMeetingAttendeesSection *self = HW_MEETING_ATTENDEES_SECTION (object);

  G_OBJECT_CLASS (hw_meeting_attendees_section_parent_class)->constructed (object);

  self->people = hw_meeting_attendance_list_new (self->store, self->meeting_id);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->people), create_row_cb, self, NULL);
  /* the list follows attendees and people: so does the prompt */
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (people_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_uninvited (self);
}

static void
hw_meeting_attendees_section_dispose (GObject *object)
{
  HwMeetingAttendeesSection *self = HW_MEETING_ATTENDEES_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_MEETING_ATTENDEES_SECTION);
  g_clear_object (&self->people);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_meeting_attendees_section_parent_class)->dispose (object);
}

static void
hw_meeting_attendees_section_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  HwMeetingAttendeesSection *self = HW_MEETING_ATTENDEES_SECTION (object);

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
hw_meeting_attendees_section_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  HwMeetingAttendeesSection *self = HW_MEETING_ATTENDEES_SECTION (object);

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
hw_meeting_attendees_section_class_init (HwMeetingAttendeesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_meeting_attendees_section_constructed;
  object_class->dispose = hw_meeting_attendees_section_dispose;
  object_class->get_property = hw_meeting_attendees_section_get_property;
  object_class->set_property = hw_meeting_attendees_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/meeting/"
                                               "hw-meeting-attendees-section.ui");
  gtk_widget_class_bind_template_child (widget_class, HwMeetingAttendeesSection, uninvited_label);
  gtk_widget_class_bind_template_child (widget_class, HwMeetingAttendeesSection, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hw_meeting_attendees_section_init (HwMeetingAttendeesSection *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_meeting_attendees_section_new:
 * @store: the store
 * @meeting_id: the meeting
 *
 * Returns: (transfer floating): the section
 */
GtkWidget *
hw_meeting_attendees_section_new (HwStore *store,
                                  gint64   meeting_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_MEETING_ATTENDEES_SECTION,
                       "store", store,
                       "meeting-id", meeting_id,
                       NULL);
}
