/* hw-service-plan-component-row.c: the title of a kind of support, whose
 * button adds a support of that kind (plan.add-aftercare with its id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-component-row"

#include <adwaita.h>

#include "hw-enums.h"
#include "hw-service-plan-component-row.h"
#include "hw-wrap-label.h"

struct _HwServicePlanComponentRow
{
  GtkListBoxRow  parent_instance;

  char          *component;
  HwWrapLabel *title_label;
  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (HwServicePlanComponentRow, hw_service_plan_component_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_COMPONENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * hw_service_plan_component_row_new:
 * @component: an aftercare component id
 *
 * Returns: (transfer floating): the component's title row
 */
GtkWidget *
hw_service_plan_component_row_new (const char *component)
{
  return g_object_new (HW_TYPE_SERVICE_PLAN_COMPONENT_ROW, "component", component, NULL);
}

static void
set_component (HwServicePlanComponentRow *self,
               const char                *component)
{
  g_assert (HW_IS_SERVICE_PLAN_COMPONENT_ROW (self));

  g_free (self->component);
  self->component = g_strdup (component != NULL ? component : "");
  hw_wrap_label_set_text (self->title_label, hw_choice_label (HW_CHOICES_AFTERCARE_COMPONENT, self->component));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->add_button),
                                          g_variant_new_string (self->component));
}

static void
hw_service_plan_component_row_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  HwServicePlanComponentRow *self = HW_SERVICE_PLAN_COMPONENT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPONENT:
      g_value_set_string (value, self->component);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_component_row_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  HwServicePlanComponentRow *self = HW_SERVICE_PLAN_COMPONENT_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPONENT:
      set_component (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_component_row_finalize (GObject *object)
{
  HwServicePlanComponentRow *self = HW_SERVICE_PLAN_COMPONENT_ROW (object);

  g_free (self->component);

  G_OBJECT_CLASS (hw_service_plan_component_row_parent_class)->finalize (object);
}

static void
hw_service_plan_component_row_class_init (HwServicePlanComponentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hw_service_plan_component_row_get_property;
  object_class->set_property = hw_service_plan_component_row_set_property;
  object_class->finalize = hw_service_plan_component_row_finalize;

  properties[PROP_COMPONENT] =
    g_param_spec_string ("component", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HW_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-component-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanComponentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanComponentRow, add_button);
}

static void
hw_service_plan_component_row_init (HwServicePlanComponentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
