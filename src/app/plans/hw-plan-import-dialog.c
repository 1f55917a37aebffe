/* hw-plan-import-dialog.c
 *
 * A reviewed step: the core proposes (hw_plan_import_propose(), reading
 * only), the person unticks what should not go in, and Add Selected
 * applies the rest in one edit (hw_plan_import_apply()), so one Undo takes
 * it all back. What the dialog keeps is only that proposal, which is not
 * in the store until it is added; the core checks it again when adding,
 * so an entry that reached the plan meanwhile is never added twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-import-dialog"

#include <glib/gi18n.h>

#include "hw-enums.h"
#include "hw-language.h"
#include "hw-plan.h"
#include "hw-plan-import.h"
#include "hw-plan-import-dialog.h"

struct _HwPlanImportDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          plan_id;
  GArray         *meeting_ids;   /* gint64, parallel to meeting_row's model */
  GPtrArray      *proposed;      /* HwPlanImportItem */
  GPtrArray      *checks;        /* GtkCheckButton, parallel to proposed */

  /* template widgets */
  GtkLabel       *error_label;
  AdwComboRow    *meeting_row;
  GtkLabel       *status_label;
  GtkBox         *sections_box;
};

G_DEFINE_FINAL_TYPE (HwPlanImportDialog, hw_plan_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (HwPlanImportDialog *self,
            const char         *message)
{
  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static guint
count_active (HwPlanImportDialog *self)
{
  guint n = 0;

  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_add (HwPlanImportDialog *self)
{
  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", count_active (self) > 0);
}

static void
check_toggled_cb (HwPlanImportDialog *self)
{
  update_add (self);
}

/* "Confidential: left out of the family’s copy and the shared screen" */
static char *
describe_confidential (const HwPlanImportItem *item)
{
  g_auto(GStrv) kinds = g_strsplit (item->withheld_from != NULL ? item->withheld_from : "",
                                    ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      if (g_str_equal (kinds[i], "family"))
        g_ptr_array_add (names, (gpointer) _("the family’s copy"));
      else if (g_str_equal (kinds[i], "support"))
        g_ptr_array_add (names, (gpointer) _("support people’s copies"));
      else if (g_str_equal (kinds[i], "screen"))
        g_ptr_array_add (names, (gpointer) _("the shared screen"));
    }
  if (names->len == 0)
    return g_strdup (_("Confidential: only in the agency’s copy"));
  g_ptr_array_add (names, NULL);
  /* Translators: joins the copies an entry is left out of */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %s is a list such as "the family’s copy, the shared screen" */
  return g_strdup_printf (_("Confidential: left out of %s"), list);
}

static char *
describe (const HwPlanImportItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* decisions and next steps both become rules: say which it was */
  if (g_strcmp0 (item->section, "rule") == 0)
    g_ptr_array_add (parts, g_strdup (hw_choice_label (HW_CHOICES_MEETING_PHASE, item->source)));
  if (item->who_refused)
    /* Translators: %s is a person's name */
    g_ptr_array_add (parts, g_strdup_printf (_("Nobody named yet: %s cannot be the one who "
                                               "keeps the children safe"), item->who_name));
  else if (item->who_person_id != 0)
    /* Translators: %s is a person's name */
    g_ptr_array_add (parts, g_strdup_printf (_("Who makes sure: %s"), item->who_name));
  if (item->when_text != NULL && *item->when_text != '\0')
    {
      g_autofree char *date = hw_language_format_iso (item->when_text, HW_DATE_LONG, FALSE);

      /* Translators: %s is a date, "15 December 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("By %s"), date));
    }
  if (item->confidential || (item->withheld_from != NULL && *item->withheld_from != '\0'))
    g_ptr_array_add (parts, describe_confidential (item));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
clear_sections (HwPlanImportDialog *self)
{
  GtkWidget *child;

  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_ptr_array_set_size (self->checks, 0);
  g_clear_pointer (&self->proposed, g_ptr_array_unref);
}

static void
set_status (HwPlanImportDialog *self,
            guint               n_already)
{
  g_autofree char *text = NULL;
  guint n = self->proposed != NULL ? self->proposed->len : 0;

  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  if (self->meeting_ids->len == 0)
    text = g_strdup (_("This family has no meetings yet."));
  else if (n == 0 && n_already > 0)
    text = g_strdup (_("Everything this meeting recorded is in the safety plan already."));
  else if (n == 0)
    text = g_strdup (_("This meeting recorded no worries, safety goals, decisions or next steps."));
  else
    {
      g_autofree char *to_add = g_strdup_printf (ngettext ("%u entry to add.",
                                                           "%u entries to add.", n), n);

      if (n_already > 0)
        {
          g_autofree char *in = g_strdup_printf (ngettext ("%u is in the plan already and is "
                                                           "not listed.",
                                                           "%u are in the plan already and are "
                                                           "not listed.", n_already),
                                                 n_already);

          text = g_strconcat (to_add, " ", in, NULL);
        }
      else
        text = g_steal_pointer (&to_add);
    }
  gtk_label_set_text (self->status_label, text);
}

/* The proposal for the chosen meeting, one group per section of the plan. */
static void
fill (HwPlanImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  const HwPlanSection *sections = hw_plan_get_sections (HW_PLAN_SAFETY, NULL);
  guint selected = adw_combo_row_get_selected (self->meeting_row);
  guint n_already = 0;

  g_assert (HW_IS_PLAN_IMPORT_DIALOG (self));

  clear_sections (self);
  show_error (self, NULL);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->meeting_ids->len)
    {
      set_status (self, 0);
      update_add (self);
      return;
    }

  self->proposed = hw_plan_import_propose (self->store, self->plan_id,
                                           g_array_index (self->meeting_ids, gint64, selected),
                                           &n_already, &error);
  if (self->proposed == NULL)
    {
      show_error (self, error->message);
      set_status (self, 0);
      update_add (self);
      return;
    }

  g_ptr_array_set_size (self->checks, self->proposed->len);
  for (guint s = 0; sections[s].id != NULL; s++)
    {
      AdwPreferencesGroup *group = NULL;

      for (guint i = 0; i < self->proposed->len; i++)
        {
          HwPlanImportItem *item = g_ptr_array_index (self->proposed, i);
          g_autofree char *subtitle = NULL;
          GtkWidget *row, *check;

          if (!g_str_equal (item->section, sections[s].id))
            continue;
          if (group == NULL)
            {
              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              adw_preferences_group_set_title (group, _(sections[s].label));
              gtk_box_append (self->sections_box, GTK_WIDGET (group));
            }
          row = adw_action_row_new ();
          /* the meeting's own words, never read as markup */
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
          subtitle = describe (item);
          if (subtitle != NULL)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          check = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          /* named by the row's title (the activatable widget is labelled
           * by it); where it comes from and who does it, as description */
          if (subtitle != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                            GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                            -1);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (group, row);
          /* in the order of the proposal, whatever the order of the groups */
          g_ptr_array_index (self->checks, i) = check;
        }
    }
  set_status (self, n_already);
  update_add (self);
}

static void
meeting_selected_cb (HwPlanImportDialog *self)
{
  fill (self);
}

gboolean
hw_plan_import_dialog_add (HwPlanImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint added = 0;

  g_return_val_if_fail (HW_IS_PLAN_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; self->proposed != NULL && i < self->proposed->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (self->proposed, i));
  if (chosen->len == 0)
    {
      show_error (self, _("Tick at least one entry to add it to the plan."));
      return FALSE;
    }
  if (!hw_plan_import_apply (self->store, self->plan_id, chosen, &added, &error))
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
  hw_plan_import_dialog_add (HW_PLAN_IMPORT_DIALOG (widget));
}

/* GObject --------------------------------------------------------------- */

static void
hw_plan_import_dialog_constructed (GObject *object)
{
  HwPlanImportDialog *self = HW_PLAN_IMPORT_DIALOG (object);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(HwRecord) plan = NULL;

  G_OBJECT_CLASS (hw_plan_import_dialog_parent_class)->constructed (object);

  plan = hw_store_get (self->store, "plans", self->plan_id, NULL);
  if (plan != NULL)
    meetings = hw_plan_import_meetings (self->store, hw_record_get_int (plan, "case_id"), NULL);
  /* latest first: the meeting just held is the one chosen */
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      HwRecord *m = g_ptr_array_index (meetings, i);
      g_autofree char *date = hw_language_format_iso (hw_record_get_string (m, "starts_at"),
                                                      HW_DATE_LONG, FALSE);
      /* Translators: a meeting, its date first: "1 December 2026 — Family
       * team meeting" */
      g_autofree char *name = g_strdup_printf (_("%s — %s"), date,
                                               hw_choice_label (HW_CHOICES_MEETING_KIND,
                                                                hw_record_get_string (m, "kind")));
      gint64 id = hw_record_get_id (m);

      gtk_string_list_append (names, name);
      g_array_append_val (self->meeting_ids, id);
    }
  adw_combo_row_set_model (self->meeting_row, G_LIST_MODEL (names));
  gtk_widget_set_sensitive (GTK_WIDGET (self->meeting_row), self->meeting_ids->len > 0);
  adw_combo_row_set_selected (self->meeting_row, 0);
  fill (self);
  g_signal_connect_swapped (self->meeting_row, "notify::selected",
                            G_CALLBACK (meeting_selected_cb), self);
}

static void
hw_plan_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HwPlanImportDialog *self = HW_PLAN_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      self->plan_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HwPlanImportDialog *self = HW_PLAN_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_import_dialog_dispose (GObject *object)
{
  HwPlanImportDialog *self = HW_PLAN_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PLAN_IMPORT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_plan_import_dialog_parent_class)->dispose (object);
}

static void
hw_plan_import_dialog_finalize (GObject *object)
{
  HwPlanImportDialog *self = HW_PLAN_IMPORT_DIALOG (object);

  g_clear_pointer (&self->proposed, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_ids, g_array_unref);

  G_OBJECT_CLASS (hw_plan_import_dialog_parent_class)->finalize (object);
}

static void
hw_plan_import_dialog_class_init (HwPlanImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plan_import_dialog_constructed;
  object_class->set_property = hw_plan_import_dialog_set_property;
  object_class->get_property = hw_plan_import_dialog_get_property;
  object_class->dispose = hw_plan_import_dialog_dispose;
  object_class->finalize = hw_plan_import_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/plans/"
                                                             "hw-plan-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanImportDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanImportDialog, sections_box);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_plan_import_dialog_init (HwPlanImportDialog *self)
{
  self->meeting_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ---------------------------------------------------------------- */

HwPlanImportDialog *
hw_plan_import_dialog_new (HwStore *store,
                           gint64   plan_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLAN_IMPORT_DIALOG,
                       "store", store,
                       "plan-id", plan_id,
                       NULL);
}

gboolean
hw_plan_import_dialog_select_meeting (HwPlanImportDialog *self,
                                      gint64              meeting_id)
{
  g_return_val_if_fail (HW_IS_PLAN_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->meeting_ids->len; i++)
    if (g_array_index (self->meeting_ids, gint64, i) == meeting_id)
      {
        adw_combo_row_set_selected (self->meeting_row, i);
        return TRUE;
      }
  return FALSE;
}

guint
hw_plan_import_dialog_get_n_items (HwPlanImportDialog *self)
{
  g_return_val_if_fail (HW_IS_PLAN_IMPORT_DIALOG (self), 0);

  return self->proposed != NULL ? self->proposed->len : 0;
}

void
hw_plan_import_dialog_set_active (HwPlanImportDialog *self,
                                  guint               index,
                                  gboolean            active)
{
  g_return_if_fail (HW_IS_PLAN_IMPORT_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), active);
}
