/* hw-case-slot.c: one place in the list of families found.
 *
 * The list view keeps a row widget per item: a slot stays the same item
 * while the search changes which family it holds ("record", notified), so
 * that a row is filled again rather than made again (GTK 4.8's list view
 * makes a new row for each new item).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-case-slot"

#include "hw-case-slot.h"

struct _HwCaseSlot
{
  GObject   parent_instance;

  HwRecord *record;
};

G_DEFINE_FINAL_TYPE (HwCaseSlot, hw_case_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * hw_case_slot_new:
 *
 * Returns: (transfer full): an empty slot
 */
HwCaseSlot *
hw_case_slot_new (void)
{
  return g_object_new (HW_TYPE_CASE_SLOT, NULL);
}

/**
 * hw_case_slot_get_record:
 *
 * Returns: (transfer none) (nullable): the family the slot holds
 */
HwRecord *
hw_case_slot_get_record (HwCaseSlot *self)
{
  g_return_val_if_fail (HW_IS_CASE_SLOT (self), NULL);
  return self->record;
}

/**
 * hw_case_slot_set_record:
 *
 * Puts @record in the slot; notifies "record" only if it is another one.
 */
void
hw_case_slot_set_record (HwCaseSlot *self,
                         HwRecord   *record)
{
  g_return_if_fail (HW_IS_CASE_SLOT (self));
  g_return_if_fail (record == NULL || HW_IS_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

static void
hw_case_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HwCaseSlot *self = HW_CASE_SLOT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_case_slot_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HwCaseSlot *self = HW_CASE_SLOT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      hw_case_slot_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_case_slot_dispose (GObject *object)
{
  HwCaseSlot *self = HW_CASE_SLOT (object);

  g_clear_object (&self->record);

  G_OBJECT_CLASS (hw_case_slot_parent_class)->dispose (object);
}

static void
hw_case_slot_class_init (HwCaseSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hw_case_slot_get_property;
  object_class->set_property = hw_case_slot_set_property;
  object_class->dispose = hw_case_slot_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hw_case_slot_init (HwCaseSlot *self)
{
}
