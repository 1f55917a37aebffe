/* hw-plan-item-dialog.c
 *
 * The dialog reads the entry and the people from the store and writes
 * through hw_plan_add_item()/hw_plan_update_item(), which check every
 * rule before anything is written; their message is shown as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-item-dialog"

#include <glib/gi18n.h>

#include "hw-plan.h"
#include "hw-people.h"
#include "hw-plan-item-dialog.h"

struct _HwPlanItemDialog
{
  AdwWindow       parent_instance;

  HwStore        *store;
  gint64          plan_id;
  char           *section;
  gint64          item_id;
  gint64          version;      /* the entry's version as shown */
  GArray         *people_ids;   /* gint64, parallel to who_row's model */

  GtkLabel       *error_label;
  AdwPreferencesGroup *main_group;
  AdwEntryRow    *text_row;
  AdwComboRow    *who_row;
  AdwEntryRow    *when_row;
  AdwEntryRow    *how_often_row;
  AdwEntryRow    *how_checked_row;
  AdwEntryRow    *phone_row;
  GtkCheckButton *family_check;
  GtkCheckButton *support_check;
  GtkCheckButton *screen_check;
};

G_DEFINE_FINAL_TYPE (HwPlanItemDialog, hw_plan_item_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  PROP_SECTION,
  PROP_ITEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which fields each section uses (see hw-plan.h). */
static const char * const with_who[] = {
  "rule", "network", "emergency", "support", "checkin", "respite", NULL
};
static const char * const with_when[] = { "rule", "support", "checkin", "respite", NULL };
static const char * const with_check[] = { "rule", "checkin", "trigger", "warning-sign", NULL };
static const char * const with_phone[] = { "network", "emergency", NULL };

static void
show_error (HwPlanItemDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Shows the entry as stored, and remembers which version that is. */
static void
show_item (HwPlanItemDialog *self,
           HwRecord         *item)
{
  const char *withheld = hw_record_get_string (item, "withheld_from");
  g_auto(GStrv) parts = g_strsplit (withheld, ",", -1);
  gint64 who = hw_record_get_int (item, "who_person_id");

  self->version = hw_record_get_version (item);
  set_row_text (self->text_row, hw_record_get_string (item, "text"));
  set_row_text (self->when_row, hw_record_get_string (item, "when_text"));
  set_row_text (self->how_often_row, hw_record_get_string (item, "how_often"));
  set_row_text (self->how_checked_row, hw_record_get_string (item, "how_checked"));
  set_row_text (self->phone_row, hw_record_get_string (item, "phone"));
  for (guint i = 0; i < self->people_ids->len; i++)
    if (g_array_index (self->people_ids, gint64, i) == who)
      adw_combo_row_set_selected (self->who_row, i);
  gtk_check_button_set_active (self->family_check, g_strv_contains ((const char * const *) parts, "family"));
  gtk_check_button_set_active (self->support_check, g_strv_contains ((const char * const *) parts, "support"));
  gtk_check_button_set_active (self->screen_check, g_strv_contains ((const char * const *) parts, "screen"));
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

gboolean
hw_plan_item_dialog_save (HwPlanItemDialog *self)
{
  g_autoptr(HwRecord) item = hw_record_new ("plan_items");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) withheld = g_string_new (NULL);
  g_autofree char *text = row_text (self->text_row);
  g_autofree char *when = row_text (self->when_row);
  g_autofree char *how_often = row_text (self->how_often_row);
  g_autofree char *how_checked = row_text (self->how_checked_row);
  g_autofree char *phone = row_text (self->phone_row);
  guint who = adw_combo_row_get_selected (self->who_row);
  gint64 id;

  g_return_val_if_fail (HW_IS_PLAN_ITEM_DIALOG (self), FALSE);

  if (gtk_check_button_get_active (self->family_check))
    g_string_append (withheld, "family,");
  if (gtk_check_button_get_active (self->support_check))
    g_string_append (withheld, "support,");
  if (gtk_check_button_get_active (self->screen_check))
    g_string_append (withheld, "screen,");
  if (withheld->len > 0)
    g_string_truncate (withheld, withheld->len - 1);

  hw_record_set_string (item, "section", self->section);
  hw_record_set_string (item, "text", text);
  hw_record_set_ref (item, "who_person_id",
                     who != GTK_INVALID_LIST_POSITION && who < self->people_ids->len
                       ? g_array_index (self->people_ids, gint64, who) : 0);
  hw_record_set_string (item, "when_text", when);
  hw_record_set_string (item, "how_often", how_often);
  hw_record_set_string (item, "how_checked", how_checked);
  hw_record_set_string (item, "phone", phone);
  hw_record_set_boolean (item, "confidential", withheld->len > 0);
  hw_record_set_string (item, "withheld_from", withheld->str);

  if (self->item_id != 0)
    {
      hw_record_set_id (item, self->item_id);
      /* saved only over the entry as it was shown */
      hw_record_set_version (item, self->version);
      id = hw_plan_update_item (self->store, item, &error) ? self->item_id : 0;
    }
  else
    id = hw_plan_add_item (self->store, self->plan_id, item, &error);

  if (id == 0)
    {
      /* someone else changed it since the dialog opened: their text is
       * shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "plan_items", self->item_id, NULL);

          if (newer != NULL)
            show_item (self, newer);
        }
      show_error (self, error->message);
      gtk_widget_grab_focus (error->domain == HW_PLAN_ERROR && error->code == HW_PLAN_ERROR_PROTECTOR
                               ? GTK_WIDGET (self->who_row) : GTK_WIDGET (self->text_row));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hw_plan_item_dialog_save (HW_PLAN_ITEM_DIALOG (widget));
}

static void
hw_plan_item_dialog_constructed (GObject *object)
{
  HwPlanItemDialog *self = HW_PLAN_ITEM_DIALOG (object);
  g_autoptr(HwRecord) plan = NULL;
  g_autoptr(HwRecord) item = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HwPlanKind kind = HW_PLAN_SAFETY;
  const HwPlanSection *sections;
  gint64 who = 0;
  guint selected = 0;

  G_OBJECT_CLASS (hw_plan_item_dialog_parent_class)->constructed (object);

  plan = hw_store_get (self->store, "plans", self->plan_id, NULL);
  if (plan != NULL)
    hw_plan_kind_from_string (hw_record_get_string (plan, "kind"), &kind, NULL);
  if (self->item_id != 0)
    {
      item = hw_store_get (self->store, "plan_items", self->item_id, NULL);
      if (item != NULL)
        {
          g_free (self->section);
          self->section = g_strdup (hw_record_get_string (item, "section"));
        }
    }

  sections = hw_plan_get_sections (kind, NULL);
  for (guint i = 0; sections[i].id != NULL; i++)
    if (g_strcmp0 (sections[i].id, self->section) == 0)
      adw_preferences_group_set_title (self->main_group, _(sections[i].label));
  gtk_window_set_title (GTK_WINDOW (self), self->item_id != 0 ? _("Change Plan Entry") : _("Add to the Plan"));

  /* Who: "Nobody" and the people of the case. */
  gtk_string_list_append (names, _("Nobody"));
  g_array_append_val (self->people_ids, who);
  people = hw_people_select (self->store, plan != NULL ? hw_record_get_int (plan, "case_id") : 0,
                            HW_PEOPLE_ALL, NULL);
  if (item != NULL)
    who = hw_record_get_int (item, "who_person_id");
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      gtk_string_list_append (names, hw_record_get_string (p, "name"));
      g_array_append_val (self->people_ids, id);
      if (id == who)
        selected = self->people_ids->len - 1;
    }
  adw_combo_row_set_model (self->who_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->who_row, selected);

  gtk_widget_set_visible (GTK_WIDGET (self->who_row), g_strv_contains (with_who, self->section));
  gtk_widget_set_visible (GTK_WIDGET (self->when_row), g_strv_contains (with_when, self->section));
  gtk_widget_set_visible (GTK_WIDGET (self->how_often_row), g_strv_contains (with_when, self->section));
  gtk_widget_set_visible (GTK_WIDGET (self->how_checked_row), g_strv_contains (with_check, self->section));
  gtk_widget_set_visible (GTK_WIDGET (self->phone_row), g_strv_contains (with_phone, self->section));
  if (g_strcmp0 (self->section, "rule") == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), _("Who makes sure"));
  if (g_strcmp0 (self->section, "trigger") == 0 || g_strcmp0 (self->section, "warning-sign") == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->how_checked_row), _("What to do"));

  if (item != NULL)
    show_item (self, item);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
}

static void
hw_plan_item_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HwPlanItemDialog *self = HW_PLAN_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      self->plan_id = g_value_get_int64 (value);
      break;
    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_item_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HwPlanItemDialog *self = HW_PLAN_ITEM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_int64 (value, self->plan_id);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_ITEM_ID:
      g_value_set_int64 (value, self->item_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_item_dialog_finalize (GObject *object)
{
  HwPlanItemDialog *self = HW_PLAN_ITEM_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->section);
  g_array_unref (self->people_ids);
  G_OBJECT_CLASS (hw_plan_item_dialog_parent_class)->finalize (object);
}

static void
hw_plan_item_dialog_class_init (HwPlanItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plan_item_dialog_constructed;
  object_class->set_property = hw_plan_item_dialog_set_property;
  object_class->get_property = hw_plan_item_dialog_get_property;
  object_class->finalize = hw_plan_item_dialog_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_int64 ("item-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwPlanItemDialog::saved:
   * @id: the entry's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/plans/hw-plan-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, how_often_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, how_checked_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, family_check);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, support_check);
  gtk_widget_class_bind_template_child (widget_class, HwPlanItemDialog, screen_check);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_plan_item_dialog_init (HwPlanItemDialog *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

HwPlanItemDialog *
hw_plan_item_dialog_new (HwStore    *store,
                         gint64      plan_id,
                         const char *section,
                         gint64      item_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLAN_ITEM_DIALOG,
                       "store", store,
                       "plan-id", plan_id,
                       "section", section,
                       "item-id", item_id,
                       NULL);
}
