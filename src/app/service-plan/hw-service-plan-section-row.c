/* hw-service-plan-section-row.c: a title row, or a "nothing here" row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-section-row"

#include "hw-service-plan-section-row.h"
#include "hw-wrap-label.h"

struct _HwServicePlanSectionRow
{
  GtkListBoxRow  parent_instance;

  HwWrapLabel *title_label;
  HwWrapLabel *subtitle_label;
};

G_DEFINE_FINAL_TYPE (HwServicePlanSectionRow, hw_service_plan_section_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (HwWrapLabel *label,
          const char  *text)
{
  hw_wrap_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

/**
 * hw_service_plan_section_row_new:
 * @title: (nullable): the title
 * @subtitle: (nullable): dimmed words under it (or alone)
 *
 * Returns: (transfer floating): a row that cannot be activated
 */
GtkWidget *
hw_service_plan_section_row_new (const char *title,
                                 const char *subtitle)
{
  return g_object_new (HW_TYPE_SERVICE_PLAN_SECTION_ROW,
                       "title", title,
                       "subtitle", subtitle,
                       NULL);
}

static void
hw_service_plan_section_row_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HwServicePlanSectionRow *self = HW_SERVICE_PLAN_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, hw_wrap_label_get_text (self->title_label));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, hw_wrap_label_get_text (self->subtitle_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_section_row_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HwServicePlanSectionRow *self = HW_SERVICE_PLAN_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_text (self->title_label, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      set_text (self->subtitle_label, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_section_row_class_init (HwServicePlanSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_section_row_get_property;
  object_class->set_property = hw_service_plan_section_row_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSectionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanSectionRow, subtitle_label);
}

static void
hw_service_plan_section_row_init (HwServicePlanSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
