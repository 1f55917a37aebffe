/* hw-plans-view.c: the family's plans: the safety plan, and the plan for
 * after going home, each on a tab of its own.
 *
 * The editor of the plan for after going home is made when its tab is
 * first shown (or asked for): opening a family on this page made both,
 * and only one shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plans-view"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hw-plans-view.h"

struct _HwPlansView
{
  GtkWidget     parent_instance;

  HwStore      *store;
  gint64        case_id;

  AdwViewStack *stack;
  GtkWidget    *safety;
  AdwBin       *reunification_page;
  GtkWidget    *reunification;   /* NULL until it is first shown */
};

G_DEFINE_FINAL_TYPE (HwPlansView, hw_plans_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_reunification (HwPlansView *self)
{
  if (self->reunification != NULL)
    return;
  self->reunification = hw_plan_editor_new (self->store, self->case_id, HW_PLAN_REUNIFICATION);
  adw_bin_set_child (self->reunification_page, self->reunification);
}

static void
visible_child_changed_cb (HwPlansView *self)
{
  if (adw_view_stack_get_visible_child (self->stack) == GTK_WIDGET (self->reunification_page))
    ensure_reunification (self);
}

HwPlanEditor *
hw_plans_view_get_editor (HwPlansView *self,
                          HwPlanKind   kind)
{
  g_return_val_if_fail (HW_IS_PLANS_VIEW (self), NULL);

  if (kind == HW_PLAN_SAFETY)
    return HW_PLAN_EDITOR (self->safety);
  ensure_reunification (self);
  return HW_PLAN_EDITOR (self->reunification);
}

static void
hw_plans_view_constructed (GObject *object)
{
  HwPlansView *self = HW_PLANS_VIEW (object);
  AdwViewStackPage *page;

  G_OBJECT_CLASS (hw_plans_view_parent_class)->constructed (object);

  self->safety = hw_plan_editor_new (self->store, self->case_id, HW_PLAN_SAFETY);
  page = adw_view_stack_add_titled (self->stack, self->safety, "safety", _("Safety Plan"));
  adw_view_stack_page_set_icon_name (page, "security-high-symbolic");

  self->reunification_page = ADW_BIN (adw_bin_new ());
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->reunification_page),
                                    "reunification", _("After Going Home"));
  adw_view_stack_page_set_icon_name (page, "go-home-symbolic");
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (visible_child_changed_cb), self, G_CONNECT_SWAPPED);
  visible_child_changed_cb (self);
}

static void
hw_plans_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HwPlansView *self = HW_PLANS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plans_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HwPlansView *self = HW_PLANS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plans_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (hw_plans_view_parent_class)->dispose (object);
}

static void
hw_plans_view_finalize (GObject *object)
{
  HwPlansView *self = HW_PLANS_VIEW (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (hw_plans_view_parent_class)->finalize (object);
}

static void
hw_plans_view_class_init (HwPlansViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plans_view_constructed;
  object_class->set_property = hw_plans_view_set_property;
  object_class->get_property = hw_plans_view_get_property;
  object_class->dispose = hw_plans_view_dispose;
  object_class->finalize = hw_plans_view_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/plans/hw-plans-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlansView, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_plans_view_init (HwPlansView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hw_plans_view_new (HwStore *store,
                   gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLANS_VIEW, "store", store, "case-id", case_id, NULL);
}
