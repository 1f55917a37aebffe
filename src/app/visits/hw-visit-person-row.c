/* hw-visit-person-row.c: a person to choose in the Schedule Visits dialog
 *
 * The person's name and relationship with a switch: GTK 4.8 gives
 * switches (not check buttons) an action on the accessibility bus, so
 * assistive tools can turn them on. The row is the person's record; the
 * dialog reads which rows are on when it schedules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-visit-person-row"

#include "hw-visit-person-row.h"

struct _HwVisitPersonRow
{
  AdwActionRow  parent_instance;

  HwRecord     *record;

  /* template widgets */
  GtkSwitch    *check;
};

G_DEFINE_FINAL_TYPE (HwVisitPersonRow, hw_visit_person_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_PERSON_ID,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_active_cb (HwVisitPersonRow *self)
{
  g_assert (HW_IS_VISIT_PERSON_ROW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
hw_visit_person_row_constructed (GObject *object)
{
  HwVisitPersonRow *self = HW_VISIT_PERSON_ROW (object);

  G_OBJECT_CLASS (hw_visit_person_row_parent_class)->constructed (object);

  g_assert (HW_IS_RECORD (self->record));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), hw_record_get_string (self->record, "name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), hw_record_get_string (self->record, "relationship"));
}

static void
hw_visit_person_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HwVisitPersonRow *self = HW_VISIT_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, hw_visit_person_row_get_person_id (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, gtk_switch_get_active (self->check));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_visit_person_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HwVisitPersonRow *self = HW_VISIT_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_ACTIVE:
      gtk_switch_set_active (self->check, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_visit_person_row_dispose (GObject *object)
{
  HwVisitPersonRow *self = HW_VISIT_PERSON_ROW (object);

  g_clear_object (&self->record);
  G_OBJECT_CLASS (hw_visit_person_row_parent_class)->dispose (object);
}

static void
hw_visit_person_row_class_init (HwVisitPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_visit_person_row_constructed;
  object_class->get_property = hw_visit_person_row_get_property;
  object_class->set_property = hw_visit_person_row_set_property;
  object_class->dispose = hw_visit_person_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/visits/hw-visit-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwVisitPersonRow, check);
  gtk_widget_class_bind_template_callback (widget_class, check_active_cb);
}

static void
hw_visit_person_row_init (HwVisitPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hw_visit_person_row_new:
 * @person: a row of `people` (name, relationship)
 *
 * Returns: (transfer floating): the row, switched off
 */
GtkWidget *
hw_visit_person_row_new (HwRecord *person)
{
  g_return_val_if_fail (HW_IS_RECORD (person), NULL);

  return g_object_new (HW_TYPE_VISIT_PERSON_ROW, "record", person, NULL);
}

/* The id of the row's person. */
gint64
hw_visit_person_row_get_person_id (HwVisitPersonRow *self)
{
  g_return_val_if_fail (HW_IS_VISIT_PERSON_ROW (self), 0);
  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

/* Whether the person is chosen (the switch is on). */
gboolean
hw_visit_person_row_get_active (HwVisitPersonRow *self)
{
  g_return_val_if_fail (HW_IS_VISIT_PERSON_ROW (self), FALSE);
  return gtk_switch_get_active (self->check);
}
