/* hw-service-plan-due-badge.c: the due state of a task or goal, as an icon
 * and words (the tests look for the icon next to the words).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-due-badge"

#include "hw-service-plan.h"
#include "hw-service-plan-due-badge.h"

struct _HwServicePlanDueBadge
{
  GtkBox    parent_instance;

  GtkImage *icon;
  GtkLabel *label;
};

G_DEFINE_FINAL_TYPE (HwServicePlanDueBadge, hw_service_plan_due_badge, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DUE_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
hw_service_plan_due_badge_set_due_state (HwServicePlanDueBadge *self,
                                         const char            *due_state)
{
  gboolean overdue = g_strcmp0 (due_state, "overdue") == 0;
  gboolean soon = g_strcmp0 (due_state, "due-this-week") == 0;

  g_return_if_fail (HW_IS_SERVICE_PLAN_DUE_BADGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self), overdue || soon);
  if (!overdue && !soon)
    return;
  gtk_image_set_from_icon_name (self->icon, overdue ? "dialog-warning-symbolic" : "alarm-symbolic");
  gtk_label_set_text (self->label, hw_due_state_label (overdue ? HW_DUE_OVERDUE : HW_DUE_THIS_WEEK));
  gtk_widget_remove_css_class (GTK_WIDGET (self), overdue ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self), overdue ? "error" : "warning");
}

static void
hw_service_plan_due_badge_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HwServicePlanDueBadge *self = HW_SERVICE_PLAN_DUE_BADGE (object);

  switch (prop_id)
    {
    case PROP_DUE_STATE:
      hw_service_plan_due_badge_set_due_state (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_due_badge_class_init (HwServicePlanDueBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = hw_service_plan_due_badge_set_property;

  properties[PROP_DUE_STATE] =
    g_param_spec_string ("due-state", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/hw-service-plan-due-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanDueBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanDueBadge, label);
}

static void
hw_service_plan_due_badge_init (HwServicePlanDueBadge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
