/* hw-service-plan-review-dialog.c: add or change a readiness review.
 *
 * A review is its date, notes and a rating (-3 ... +2, or none) for each
 * readiness area. Save writes the review and all its ratings as one edit,
 * so one undo takes the whole review back. When the core refuses them (an
 * impossible date), the dialog stays open with what was typed and says
 * why; nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-service-plan-review-dialog"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-readiness-chart.h"
#include "hw-service-plan.h"
#include "hw-service-plan-form.h"
#include "hw-service-plan-queries.h"
#include "hw-service-plan-review-dialog.h"

struct _HwServicePlanReviewDialog
{
  GtkWindow            parent_instance;

  HwStore             *store;
  gint64               case_id;
  char                *today;
  HwRecord            *record;
  /* the AdwComboRow of the i-th area of HW_CHOICES_READINESS_DOMAIN */
  GPtrArray           *rating_rows;

  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *notes_row;
};

G_DEFINE_FINAL_TYPE (HwServicePlanReviewDialog, hw_service_plan_review_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_TODAY,
  PROP_RECORD,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWindow *
hw_service_plan_review_dialog_new (HwStore    *store,
                                   gint64      case_id,
                                   const char *today,
                                   HwRecord   *record)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_SERVICE_PLAN_REVIEW_DIALOG,
                       "store", store,
                       "case-id", case_id,
                       "today", today,
                       "record", record,
                       NULL);
}

/* A row per area: entry 0 is "not rated", entry i the rating 3 - i
 * (+2 ... -3). */
static void
add_rating_rows (HwServicePlanReviewDialog *self)
{
  const char *labels[HW_READINESS_MAX - HW_READINESS_MIN + 3];
  const HwChoice *domains;
  guint n;

  g_assert (HW_IS_SERVICE_PLAN_REVIEW_DIALOG (self));

  labels[0] = _("Not rated");
  for (int r = HW_READINESS_MAX; r >= HW_READINESS_MIN; r--)
    labels[HW_READINESS_MAX - r + 1] = hw_readiness_rating_label (r);
  labels[G_N_ELEMENTS (labels) - 1] = NULL;

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hw_choice_label (HW_CHOICES_READINESS_DOMAIN, domains[i].id));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rating_rows, row);
    }
}

/* The review as stored (date, notes, ratings), or today and nothing for a
 * new one. */
static void
fill (HwServicePlanReviewDialog *self)
{
  const HwChoice *domains;
  guint n;

  g_assert (HW_IS_SERVICE_PLAN_REVIEW_DIALOG (self));

  hw_service_plan_form_set_text (self->date_row, self->record, "date", self->today);
  hw_service_plan_form_set_text (self->notes_row, self->record, "notes", NULL);
  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n);
  for (guint i = 0; i < n && i < self->rating_rows->len; i++)
    {
      int current = HW_READINESS_UNRATED;

      if (self->record != NULL)
        current = hw_service_plan_get_rating (self->store, hw_record_get_id (self->record),
                                              domains[i].id, NULL);
      adw_combo_row_set_selected (g_ptr_array_index (self->rating_rows, i),
                                  current == HW_READINESS_UNRATED ? 0 : HW_READINESS_MAX - current + 1);
    }
}

/* The review and its ratings, in the edit opened by the caller. */
static gint64
write_review (HwServicePlanReviewDialog  *self,
              GError                    **error)
{
  g_autoptr(HwRecord) record = hw_record_new ("readiness_reviews");
  const HwChoice *domains;
  guint n;
  gint64 id;

  g_assert (HW_IS_SERVICE_PLAN_REVIEW_DIALOG (self));

  if (self->record != NULL)
    {
      hw_record_set_id (record, hw_record_get_id (self->record));
      /* saved over the review as it was shown only: its ratings are
       * always saved with it, so its version stands for them too */
      hw_record_set_version (record, hw_record_get_version (self->record));
    }
  else
    hw_record_set_int (record, "case_id", self->case_id);
  hw_form_record_set_text (record, "date", self->date_row);
  hw_form_record_set_text (record, "notes", self->notes_row);
  id = hw_service_plan_save (self->store, NULL, record, error);

  domains = hw_choices_get (HW_CHOICES_READINESS_DOMAIN, &n);
  for (guint i = 0; id != 0 && i < n && i < self->rating_rows->len; i++)
    {
      guint selected = adw_combo_row_get_selected (g_ptr_array_index (self->rating_rows, i));

      if (selected == 0)
        {
          if (!hw_service_plan_clear_rating (self->store, id, domains[i].id, error))
            id = 0;
        }
      else if (!hw_service_plan_set_rating (self->store, id, domains[i].id,
                                            HW_READINESS_MAX + 1 - (int) selected, error))
        id = 0;
    }
  return id;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (hw_store_begin_edit (self->store,
                           self->record ? N_("Change readiness review") : N_("Add readiness review"),
                           &error))
    {
      id = write_review (self, &error);
      if (id == 0)
        hw_store_rollback_edit (self->store);
      else if (!hw_store_commit_edit (self->store, &error))
        id = 0;
    }
  if (id == 0)
    {
      /* someone else changed the review since the dialog opened: their
       * date, notes and ratings are shown, and the message says to make
       * the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT) && self->record != NULL)
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "readiness_reviews",
                                                    hw_record_get_id (self->record), NULL);

          if (newer != NULL)
            {
              g_set_object (&self->record, newer);
              fill (self);
            }
        }
      /* else the dialog stays open with what was typed, and says what is wrong */
      hw_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hw_service_plan_review_dialog_constructed (GObject *object)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (object);

  G_OBJECT_CLASS (hw_service_plan_review_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self),
                        self->record ? _("Change Readiness Review") : _("Add Readiness Review"));
  add_rating_rows (self);
  fill (self);
  /* the date is filled in already: the notes are what is typed first */
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_row));
}

static void
hw_service_plan_review_dialog_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_review_dialog_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_TODAY:
      self->today = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_service_plan_review_dialog_dispose (GObject *object)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (object);

  /* the rows go with the template */
  if (self->rating_rows != NULL)
    g_ptr_array_set_size (self->rating_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_SERVICE_PLAN_REVIEW_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_service_plan_review_dialog_parent_class)->dispose (object);
}

static void
hw_service_plan_review_dialog_finalize (GObject *object)
{
  HwServicePlanReviewDialog *self = HW_SERVICE_PLAN_REVIEW_DIALOG (object);

  g_clear_pointer (&self->rating_rows, g_ptr_array_unref);
  g_free (self->today);

  G_OBJECT_CLASS (hw_service_plan_review_dialog_parent_class)->finalize (object);
}

static void
hw_service_plan_review_dialog_class_init (HwServicePlanReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_service_plan_review_dialog_constructed;
  object_class->get_property = hw_service_plan_review_dialog_get_property;
  object_class->set_property = hw_service_plan_review_dialog_set_property;
  object_class->dispose = hw_service_plan_review_dialog_dispose;
  object_class->finalize = hw_service_plan_review_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the date of a new review (YYYY-MM-DD) */
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwServicePlanReviewDialog::saved:
   * @id: the review added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "service-plan/hw-service-plan-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewDialog, group);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwServicePlanReviewDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_service_plan_review_dialog_init (HwServicePlanReviewDialog *self)
{
  self->rating_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
