/* hw-person-row.c: a row of the people page: a person or an organisation
 *
 * The row shows its record (a row of `people` or `organisations` from the
 * page's live list): the name, what they are to the family and how to
 * reach them, a Confidential tag, and the Edit and Remove buttons, which
 * activate the page's actions with the record's id. It keeps no data of
 * its own: when the record changes the list gives a new record and the
 * page a new row.
 *
 * It is a HwTextRow (hw-text-row.c), whose name and line are measured
 * once per width: GtkLabels that wrap, as AdwActionRow's do, made opening
 * a family of 20 people take twice as long.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-person-row"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-person-row.h"
#include "hw-tooltip.h"

struct _HwPersonRow
{
  HwTextRow     parent_instance;

  HwRecord     *record;
  gboolean      organisation;

  /* template widgets */
  GtkWidget    *confidential_tag;
  GtkWidget    *confidential_icon;
  GtkWidget    *edit_button;
  GtkWidget    *remove_button;
};

G_DEFINE_FINAL_TYPE (HwPersonRow, hw_person_row, HW_TYPE_TEXT_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_ORGANISATION,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

/* Shows the record: called once, when both construct properties are set. */
static void
show_record (HwPersonRow *self)
{
  HwRecord *record = self->record;
  const char *name = hw_record_get_string (record, "name");
  gint64 id = hw_record_get_id (record);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;

  g_assert (HW_IS_PERSON_ROW (self));

  if (self->organisation)
    append_part (subtitle, hw_choice_label (HW_CHOICES_ORG_KIND, hw_record_get_string (record, "kind")));
  else
    {
      append_part (subtitle, hw_choice_label (HW_CHOICES_PERSON_ROLE, hw_record_get_string (record, "role")));
      append_part (subtitle, hw_record_get_string (record, "relationship"));
    }
  if (self->organisation)
    append_part (subtitle, hw_record_get_string (record, "contact"));
  append_part (subtitle, hw_record_get_string (record, "phone"));

  /* the row's tooltip has the whole of both, which may be cut short */
  hw_text_row_set_title (HW_TEXT_ROW (self), name);
  hw_text_row_set_subtitle (HW_TEXT_ROW (self), subtitle->str);
  gtk_widget_set_visible (self->confidential_tag, hw_record_get_boolean (record, "confidential"));

  /* TRANSLATORS: accessible name of a button; %s is a person's or an organisation's name */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  /* TRANSLATORS: accessible name of a button; %s is a person's or an organisation's name */
  remove_label = g_strdup_printf (_("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button),
                                  self->organisation ? "people.edit-organisation" : "people.edit-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button),
                                  self->organisation ? "people.delete-organisation" : "people.delete-person");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_button), "x", id);
}

static void
hw_person_row_constructed (GObject *object)
{
  HwPersonRow *self = HW_PERSON_ROW (object);

  G_OBJECT_CLASS (hw_person_row_parent_class)->constructed (object);

  g_assert (HW_IS_RECORD (self->record));
  show_record (self);
}

static void
hw_person_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HwPersonRow *self = HW_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_ORGANISATION:
      g_value_set_boolean (value, self->organisation);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, hw_person_row_get_item_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_person_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HwPersonRow *self = HW_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_person_row_dispose (GObject *object)
{
  HwPersonRow *self = HW_PERSON_ROW (object);

  g_clear_object (&self->record);
  G_OBJECT_CLASS (hw_person_row_parent_class)->dispose (object);
}

static void
hw_person_row_class_init (HwPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_person_row_constructed;
  object_class->get_property = hw_person_row_get_property;
  object_class->set_property = hw_person_row_set_property;
  object_class->dispose = hw_person_row_dispose;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_boolean ("organisation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/people/hw-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPersonRow, confidential_tag);
  gtk_widget_class_bind_template_child (widget_class, HwPersonRow, confidential_icon);
  gtk_widget_class_bind_template_child (widget_class, HwPersonRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HwPersonRow, remove_button);
}

static void
hw_person_row_init (HwPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* not in the template: tooltip-text there costs X round trips per row
   * (hw-tooltip.c) */
  hw_widget_set_tooltip (self->edit_button, _("Edit"));
  hw_widget_set_tooltip (self->remove_button, _("Remove"));
  /* the tag's text says it: the icon is decoration for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confidential_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
}

/**
 * hw_person_row_new:
 * @record: a row of `people`, or of `organisations` when @organisation
 * @organisation: whether @record is an organisation
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
hw_person_row_new (HwRecord *record,
                   gboolean  organisation)
{
  g_return_val_if_fail (HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_PERSON_ROW, "record", record, "organisation", organisation, NULL);
}

/* (transfer none): the record the row shows */
HwRecord *
hw_person_row_get_record (HwPersonRow *self)
{
  g_return_val_if_fail (HW_IS_PERSON_ROW (self), NULL);
  return self->record;
}

/* The id of the person or organisation the row shows. */
gint64
hw_person_row_get_item_id (HwPersonRow *self)
{
  g_return_val_if_fail (HW_IS_PERSON_ROW (self), 0);
  return self->record != NULL ? hw_record_get_id (self->record) : 0;
}

/* Whether the row shows an organisation (else a person). */
gboolean
hw_person_row_get_organisation (HwPersonRow *self)
{
  g_return_val_if_fail (HW_IS_PERSON_ROW (self), FALSE);
  return self->organisation;
}

void
hw_person_row_set_worker (HwPersonRow *self,
                          const char  *name)
{
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *worker = NULL;

  g_return_if_fail (HW_IS_PERSON_ROW (self));

  if (name == NULL || *name == '\0')
    return;
  subtitle = g_string_new (hw_text_row_get_subtitle (HW_TEXT_ROW (self)));
  /* TRANSLATORS: the person's assigned worker (caseworker, therapist...) */
  worker = g_strdup_printf (_("Worker: %s"), name);
  append_part (subtitle, worker);
  hw_text_row_set_subtitle (HW_TEXT_ROW (self), subtitle->str);
}

