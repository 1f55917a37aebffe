/* hw-service-plan-needs-import-dialog.c
 *
 * A reviewed step, like bringing a meeting into the safety plan: the core
 * proposes (hw_plan_import_propose_needs(), reading only), the person
 * unticks what should not go in, and Add Selected applies the rest in one
 * edit (hw_plan_import_apply_needs()), so one Undo takes it all back. The
 * dialog keeps only the proposal; the core checks again when adding, so a
 * domain that got a need meanwhile never gets a second one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-needs-import-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-plan-import.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan-needs-import-dialog.h"

struct _HwServicePlanNeedsImportDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;
  GPtrArray      *proposed;      /* HwPlanImportItem */
  GPtrArray      *checks;        /* GtkCheckButton, parallel to proposed */

  /* template widgets */
  GtkLabel       *error_label;
  GtkLabel       *status_label;
  AdwPreferencesGroup *needs_group;
};

G_DEFINE_FINAL_TYPE (HwServicePlanNeedsImportDialog, hw_service_plan_needs_import_dialog,
                     ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (HwServicePlanNeedsImportDialog *self,
            const char                     *message)
{
  g_assert (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_add (HwServicePlanNeedsImportDialog *self)
{
  guint n = 0;

  g_assert (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", n > 0);
}

static void
check_toggled_cb (HwServicePlanNeedsImportDialog *self)
{
  update_add (self);
}

/* "Rated low: Environment, Family safety · Lowest: −2 Serious worry" */
static char *
describe (const HwPlanImportItem *item)
{
  g_auto(GStrv) domains = g_strsplit (item->source != NULL ? item->source : "", ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; domains[i] != NULL; i++)
    if (*domains[i] != '\0')
      g_ptr_array_add (names, (gpointer) hw_choice_label (HW_CHOICES_READINESS_DOMAIN,
                                                          domains[i]));
  g_ptr_array_add (names, NULL);
  /* Translators: joins the readiness areas that were rated low */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: the first %s is a list of readiness areas ("Home
   * environment, Family safety"), the second the lowest of their ratings
   * ("-2 Serious concerns") */
  return g_strdup_printf (_("Rated low: %s · Lowest rating: %s"), list,
                          hw_readiness_rating_label (item->rating));
}

static void
clear_rows (HwServicePlanNeedsImportDialog *self)
{
  g_assert (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (self->checks, i),
                                                ADW_TYPE_ACTION_ROW);

      adw_preferences_group_remove (self->needs_group, row);
    }
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->proposed, g_ptr_array_unref);
}

static void
set_status (HwServicePlanNeedsImportDialog *self,
            gint64                          review_id)
{
  g_autofree char *text = NULL;
  guint n = self->proposed != NULL ? self->proposed->len : 0;

  g_assert (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));

  if (self->proposed == NULL)
    text = g_strdup ("");
  else if (review_id == 0)
    text = g_strdup (_("This family has no readiness review yet. Add a review first, on the "
                       "Readiness tab."));
  else if (n == 0)
    text = g_strdup (_("Nothing to add: no area was rated low in the latest review, or the "
                       "plan has a need for it already."));
  else
    {
      g_autoptr(HwRecord) review = hw_store_get (self->store, "readiness_reviews", review_id,
                                                 NULL);
      g_autofree char *date = NULL;
      g_autofree char *count = g_strdup_printf (ngettext ("%u need to add.",
                                                          "%u needs to add.", n), n);

      if (review != NULL)
        date = hw_language_format_iso (hw_record_get_string (review, "date"), HW_DATE_LONG,
                                       FALSE);
      if (date != NULL && *date != '\0')
        {
          /* Translators: %s is a date, "1 December 2026" */
          g_autofree char *from = g_strdup_printf (_("From the review of %s."), date);

          text = g_strconcat (from, " ", count, NULL);
        }
      else
        text = g_steal_pointer (&count);
    }
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_group), n > 0);
}

static void
fill (HwServicePlanNeedsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 review_id = 0;

  g_assert (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));

  clear_rows (self);
  show_error (self, NULL);
  self->proposed = hw_plan_import_propose_needs (self->store, self->case_id,
                                                 HW_PLAN_IMPORT_LOW_RATING, &review_id, &error);
  if (self->proposed == NULL)
    {
      show_error (self, error->message);
      set_status (self, 0);
      update_add (self);
      return;
    }
  for (guint i = 0; i < self->proposed->len; i++)
    {
      HwPlanImportItem *item = g_ptr_array_index (self->proposed, i);
      g_autofree char *subtitle = describe (item);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hw_choice_label (HW_CHOICES_NEED_DOMAIN, item->section));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* named by the row's title; why it is proposed, as description */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->needs_group, row);
      g_ptr_array_add (self->checks, check);
    }
  set_status (self, review_id);
  update_add (self);
}

gboolean
hw_service_plan_needs_import_dialog_add (HwServicePlanNeedsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint added = 0;

  g_return_val_if_fail (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; self->proposed != NULL && i < self->proposed->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (self->proposed, i));
  if (chosen->len == 0)
    {
      show_error (self, _("Tick at least one need to add it to the plan."));
      return FALSE;
    }
  if (!hw_plan_import_apply_needs (self->store, self->case_id, chosen, &added, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[ADDED], 0, added);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hw_service_plan_needs_import_dialog_add (HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (widget));
}

/* GObject --------------------------------------------------------------- */

static void
hw_service_plan_needs_import_dialog_constructed (GObject *object)
{
  HwServicePlanNeedsImportDialog *self = HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_needs_import_dialog_parent_class)->constructed (object);

  fill (self);
}

static void
hw_service_plan_needs_import_dialog_set_property (GObject      *object,
                                                  guint         prop_id,
                                                  const GValue *value,
                                                  GParamSpec   *pspec)
{
  HwServicePlanNeedsImportDialog *self = HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (object);

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
hw_service_plan_needs_import_dialog_get_property (GObject    *object,
                                                  guint       prop_id,
                                                  GValue     *value,
                                                  GParamSpec *pspec)
{
  HwServicePlanNeedsImportDialog *self = HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (object);

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
hw_service_plan_needs_import_dialog_dispose (GObject *object)
{
  HwServicePlanNeedsImportDialog *self = HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_NEEDS_IMPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_needs_import_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_needs_import_dialog_finalize (GObject *object)
{
  HwServicePlanNeedsImportDialog *self = HW_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->proposed, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (hw_service_plan_needs_import_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_needs_import_dialog_class_init (HwServicePlanNeedsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_needs_import_dialog_constructed;
  object_class->set_property = hw_service_plan_needs_import_dialog_set_property;
  object_class->get_property = hw_service_plan_needs_import_dialog_get_property;
  object_class->dispose = hw_service_plan_needs_import_dialog_dispose;
  object_class->finalize = hw_service_plan_needs_import_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/homeward/Homeward/service-plan/"
                                               "hw-service-plan-needs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedsImportDialog,
                                        error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedsImportDialog,
                                        status_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanNeedsImportDialog,
                                        needs_group);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_needs_import_dialog_init (HwServicePlanNeedsImportDialog *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ---------------------------------------------------------------- */

HwServicePlanNeedsImportDialog *
hw_service_plan_needs_import_dialog_new (HwStore *store,
                                         gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_NEEDS_IMPORT_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       NULL);
}

guint
hw_service_plan_needs_import_dialog_get_n_items (HwServicePlanNeedsImportDialog *self)
{
  g_return_val_if_fail (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self), 0);

  return self->proposed != NULL ? self->proposed->len : 0;
}

void
hw_service_plan_needs_import_dialog_set_active (HwServicePlanNeedsImportDialog *self,
                                                guint                           index,
                                                gboolean                        active)
{
  g_return_if_fail (HW_IS_SERVICE_PLAN_NEEDS_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), active);
}
