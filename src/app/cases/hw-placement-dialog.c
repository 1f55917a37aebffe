/* hw-placement-dialog.c: add, change or end one placement of a child.
 *
 * The fields show the placement as it was read when the dialog opened;
 * Save writes them through the core (hw_placements_add / _change) as one
 * edit. When the core refuses them (a day that does not exist, a second
 * placement of the child on one day, a grown-up as the child), the dialog
 * stays open with what was typed and says why; nothing is written. When
 * someone else changed the placement since it was read, the change (or
 * the end) is refused too and the dialog shows their text.
 * "Relatives considered first" and why none was chosen are asked only of
 * a placement outside the family, so they show only then. The people
 * lists (children, caregivers) are read when the dialog opens. Ending a
 * placement (the End button) changes its last day only: the other fields
 * are shown but cannot be changed there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-placement-dialog"

#include <glib/gi18n.h>

#include "hw-form.h"
#include "hw-people.h"
#include "hw-placement-dialog.h"
#include "hw-placements.h"

struct _HwPlacementDialog
{
  GtkWindow       parent_instance;

  HwStore        *store;
  gint64          case_id;
  HwRecord       *record;
  gboolean        ending;
  GArray         *child_ids;      /* gint64, in the order of child_row */
  GArray         *caregiver_ids;  /* gint64, 0 first: "not on the list" */

  /* template widgets */
  GtkLabel       *error_label;
  AdwComboRow    *child_row;
  AdwComboRow    *setting_row;
  AdwEntryRow    *start_row;
  AdwComboRow    *caregiver_row;
  AdwEntryRow    *caregiver_name_row;
  GtkSwitch      *caregiver_withheld_switch;
  AdwEntryRow    *address_row;
  GtkCheckButton *address_family_check;
  GtkCheckButton *address_support_check;
  GtkCheckButton *address_screen_check;
  AdwEntryRow    *reason_row;
  GtkWidget      *kin_group;
  GtkSwitch      *kin_switch;
  AdwEntryRow    *kin_reason_row;
  AdwEntryRow    *end_row;
  AdwEntryRow    *notes_row;
};

G_DEFINE_FINAL_TYPE (HwPlacementDialog, hw_placement_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_RECORD,
  PROP_ENDING,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
setting_id (HwPlacementDialog *self)
{
  const char * const *ids = hw_placement_settings ();
  guint selected = adw_combo_row_get_selected (self->setting_row);

  g_assert (HW_IS_PLACEMENT_DIALOG (self));

  return selected < HW_PLACEMENT_N_SETTINGS ? ids[selected] : "";
}

static gint64
id_at (GArray *ids,
       guint   selected)
{
  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
setting_changed_cb (HwPlacementDialog *self)
{
  g_assert (HW_IS_PLACEMENT_DIALOG (self));

  gtk_widget_set_visible (self->kin_group, !hw_placement_setting_is_kin (setting_id (self)));
}

/* Fills @row with the names of @people (with @none_label first, if any)
 * and @ids with their ids; @current selected. */
static void
fill_people (AdwComboRow *row,
             GPtrArray   *people,
             const char  *none_label,
             GArray      *ids,
             gint64       current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (none_label != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (names, none_label);
      g_array_append_val (ids, none);
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);
      gint64 id = hw_record_get_id (p);

      if (id == current)
        selected = ids->len;
      gtk_string_list_append (names, hw_record_get_string (p, "name"));
      g_array_append_val (ids, id);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      adw_combo_row_set_selected (row, i);
}

/* The fields, from the placement as read (or the defaults for a new one);
 * the people lists are filled already. */
static void
fill (HwPlacementDialog *self)
{
  HwRecord *r = self->record;
  const char * const *ids = hw_placement_settings ();
  const char *setting = r ? hw_record_get_string (r, "setting") : "kin";

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], setting))
      adw_combo_row_set_selected (self->setting_row, i);
  if (r == NULL)
    return;
  select_id (self->child_row, self->child_ids, hw_record_get_int (r, "child_id"));
  select_id (self->caregiver_row, self->caregiver_ids,
             hw_record_is_null (r, "caregiver_id") ? 0 : hw_record_get_int (r, "caregiver_id"));
  hw_form_set_text (self->start_row, r, "start_date");
  hw_form_set_text (self->end_row, r, "end_date");
  hw_form_set_text (self->caregiver_name_row, r, "caregiver_name");
  gtk_switch_set_active (self->caregiver_withheld_switch,
                         *hw_record_get_string (r, "caregiver_withheld_from") != '\0');
  hw_form_set_text (self->address_row, r, "address");
  hw_form_set_recipients (hw_record_get_string (r, "address_withheld_from"),
                          self->address_family_check, self->address_support_check,
                          self->address_screen_check);
  hw_form_set_text (self->reason_row, r, "reason");
  gtk_switch_set_active (self->kin_switch, hw_record_get_boolean (r, "kin_considered"));
  hw_form_set_text (self->kin_reason_row, r, "kin_not_chosen_reason");
  hw_form_set_text (self->notes_row, r, "notes");
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwPlacementDialog *self = HW_PLACEMENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = hw_form_get_text (self->start_row);
  g_autofree char *end = hw_form_get_text (self->end_row);
  g_autofree char *caregiver_name = hw_form_get_text (self->caregiver_name_row);
  g_autofree char *address = hw_form_get_text (self->address_row);
  g_autofree char *reason = hw_form_get_text (self->reason_row);
  g_autofree char *kin_reason = hw_form_get_text (self->kin_reason_row);
  g_autofree char *notes = hw_form_get_text (self->notes_row);
  g_autofree char *address_set = hw_form_get_recipients (self->address_family_check,
                                                         self->address_support_check,
                                                         self->address_screen_check);
  const char *setting = setting_id (self);
  gboolean kin = hw_placement_setting_is_kin (setting);
  HwPlacement p = {
    .child_id = id_at (self->child_ids, adw_combo_row_get_selected (self->child_row)),
    .setting = setting,
    .caregiver_id = id_at (self->caregiver_ids, adw_combo_row_get_selected (self->caregiver_row)),
    .caregiver_name = caregiver_name,
    /* kept from every copy but the agency's, as a protected address is */
    .caregiver_withheld_from = gtk_switch_get_active (self->caregiver_withheld_switch)
                               ? "family,support,screen" : "",
    .address = address,
    .address_withheld_from = address_set,
    .start_date = start,
    .end_date = end,
    .reason = reason,
    .kin_considered = !kin && gtk_switch_get_active (self->kin_switch),
    .kin_not_chosen_reason = kin ? "" : kin_reason,
    .notes = notes,
  };
  gint64 id;

  if (self->ending)
    {
      /* ending changes the last day only (the other fields are shown, not
       * editable): one edit "End placement", checked by the core */
      id = hw_record_get_id (self->record);
      /* saved over the placement as it was shown only */
      if (!hw_placements_end_at (self->store, id, hw_record_get_version (self->record), end,
                                 &error))
        id = 0;
    }
  else if (self->record != NULL)
    {
      id = hw_record_get_id (self->record);
      if (!hw_placements_change_at (self->store, id, hw_record_get_version (self->record), &p,
                                    &error))
        id = 0;
    }
  else
    id = hw_placements_add (self->store, self->case_id, &p, &error);

  if (id == 0)
    {
      /* someone else changed the placement since the dialog opened: their
       * text is shown, and the message says to make the change again */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        {
          g_autoptr(HwRecord) newer = hw_store_get (self->store, "placements",
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
hw_placement_dialog_constructed (GObject *object)
{
  HwPlacementDialog *self = HW_PLACEMENT_DIALOG (object);
  HwRecord *r = self->record;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) adults = NULL;
  g_autoptr(GtkStringList) settings = gtk_string_list_new (NULL);
  const char * const *ids = hw_placement_settings ();

  G_OBJECT_CLASS (hw_placement_dialog_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self),
                        self->ending ? _("End Placement")
                        : r ? _("Change Placement") : _("Add Placement"));

  people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ALL, NULL);
  children = g_ptr_array_new ();
  adults = g_ptr_array_new ();
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HwRecord *p = g_ptr_array_index (people, i);

      g_ptr_array_add (g_str_equal (hw_record_get_string (p, "role"), "child") ? children : adults,
                       p);
    }
  fill_people (self->child_row, children, NULL, self->child_ids,
               r ? hw_record_get_int (r, "child_id") : 0);
  fill_people (self->caregiver_row, adults, _("Not on the family’s list"), self->caregiver_ids,
               r && !hw_record_is_null (r, "caregiver_id") ? hw_record_get_int (r, "caregiver_id")
                                                          : 0);

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (settings, hw_placement_setting_label (ids[i]));
  adw_combo_row_set_model (self->setting_row, G_LIST_MODEL (settings));
  fill (self);
  g_signal_connect_object (self->setting_row, "notify::selected",
                           G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);
  setting_changed_cb (self);

  if (self->ending)
    {
      GtkWidget *fixed[] = {
        GTK_WIDGET (self->child_row), GTK_WIDGET (self->setting_row),
        GTK_WIDGET (self->start_row), GTK_WIDGET (self->caregiver_row),
        GTK_WIDGET (self->caregiver_name_row), GTK_WIDGET (self->caregiver_withheld_switch),
        GTK_WIDGET (self->address_row), GTK_WIDGET (self->address_family_check),
        GTK_WIDGET (self->address_support_check), GTK_WIDGET (self->address_screen_check),
        GTK_WIDGET (self->reason_row), self->kin_group, GTK_WIDGET (self->notes_row),
      };

      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        gtk_widget_set_sensitive (fixed[i], FALSE);
    }
  if (children->len == 0)
    hw_form_show_error (self->error_label, NULL,
                        _("The family has no children on its list yet. Add them on the People "
                          "page first."));
  /* type straight away: the day the child moved in, or the last day */
  gtk_widget_grab_focus (GTK_WIDGET (self->ending ? self->end_row : self->start_row));
}

static void
hw_placement_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HwPlacementDialog *self = HW_PLACEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_ENDING:
      g_value_set_boolean (value, self->ending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_placement_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HwPlacementDialog *self = HW_PLACEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_RECORD:
      self->record = g_value_dup_object (value);
      break;
    case PROP_ENDING:
      self->ending = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_placement_dialog_dispose (GObject *object)
{
  HwPlacementDialog *self = HW_PLACEMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PLACEMENT_DIALOG);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_pointer (&self->child_ids, g_array_unref);
  g_clear_pointer (&self->caregiver_ids, g_array_unref);

  G_OBJECT_CLASS (hw_placement_dialog_parent_class)->dispose (object);
}

static void
hw_placement_dialog_class_init (HwPlacementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_placement_dialog_constructed;
  object_class->get_property = hw_placement_dialog_get_property;
  object_class->set_property = hw_placement_dialog_set_property;
  object_class->dispose = hw_placement_dialog_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, HW_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDING] =
    g_param_spec_boolean ("ending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HwPlacementDialog::saved:
   * @id: the placement added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "cases/hw-placement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, child_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, setting_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, caregiver_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, caregiver_name_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog,
                                        caregiver_withheld_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, address_family_check);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, address_support_check);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, address_screen_check);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, kin_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, kin_switch);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, kin_reason_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  /* Escape cancels, as in any dialog */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hw_placement_dialog_init (HwPlacementDialog *self)
{
  self->child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->caregiver_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
hw_placement_dialog_new (HwStore  *store,
                         gint64    case_id,
                         HwRecord *record,
                         gboolean  ending)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || HW_IS_RECORD (record), NULL);

  return g_object_new (HW_TYPE_PLACEMENT_DIALOG,
                       "store", store,
                       "case-id", record ? hw_record_get_int (record, "case_id") : case_id,
                       "record", record,
                       "ending", record != NULL && ending,
                       NULL);
}
