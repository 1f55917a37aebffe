/* hw-plan-editor.c
 *
 * Everything shown comes from an HwRecordList over the plan's entries
 * (also watching people, plans and versions), so the editor follows each
 * edit, undo and redo; the sections are rebuilt when it changes. Writes go
 * through hw-plan.c, one edit each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-plan-editor"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hw-focus-memo.h"
#include "hw-people.h"
#include "hw-plan-editor.h"
#include "hw-plan-import-dialog.h"
#include "hw-plan-item-dialog.h"
#include "hw-plan-item-row.h"
#include "hw-plan-queries.h"
#include "hw-plan-print-dialog.h"
#include "hw-toast.h"

struct _HwPlanEditor
{
  GtkWidget      parent_instance;

  HwStore       *store;
  gint64         case_id;
  HwPlanKind     kind;
  HwRecordList  *items;
  GHashTable    *section_lists;   /* section id -> GtkListBox */
  GArray        *point_ids;
  gint64         plan_version;    /* the plan's version as shown, 0: no plan */
  gboolean       updating;
  gboolean       reloading;   /* rebuild() after a change in the store */
  guint          rebuild_id;

  GtkLabel            *status_label;
  GtkButton           *import_button;
  AdwPreferencesGroup *dates_group;
  AdwEntryRow         *date_row;
  AdwComboRow         *point_row;
  GtkBox              *sections_box;
  GtkBox              *versions_box;
};

G_DEFINE_FINAL_TYPE (HwPlanEditor, hw_plan_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gint64
hw_plan_editor_get_plan_id (HwPlanEditor *self,
                            gboolean      create)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (HW_IS_PLAN_EDITOR (self), 0);

  id = hw_plan_find (self->store, self->case_id, self->kind);
  if (id == 0 && create)
    {
      id = hw_plan_ensure (self->store, self->case_id, self->kind, &error);
      if (id == 0)
        g_warning ("Could not start the plan: %s", error->message);
    }
  return id;
}

static void
present (HwPlanEditor *self,
         GtkWindow    *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* Rows ------------------------------------------------------------------ */

static GtkWidget *
icon_button_new (const char *icon_name,
                 const char *label,
                 const char *action_name,
                 gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

/* A row for @item; the name of who it names is read here, so that the
 * row needs no store. */
static GtkWidget *
item_row_new (HwPlanEditor *self,
              HwRecord     *item)
{
  gint64 who = hw_record_get_int (item, "who_person_id");
  g_autoptr(HwRecord) person = who != 0 ? hw_store_get (self->store, "people", who, NULL) : NULL;

  g_assert (HW_IS_PLAN_EDITOR (self));

  return hw_plan_item_row_new (item, person != NULL ? hw_record_get_string (person, "name") : NULL);
}

static void
edit_item (HwPlanEditor *self,
           const char   *section,
           gint64        item_id)
{
  gint64 plan_id = hw_plan_editor_get_plan_id (self, TRUE);

  if (plan_id == 0)
    return;
  present (self, GTK_WINDOW (hw_plan_item_dialog_new (self->store, plan_id, section, item_id)));
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  HwPlanEditor  *self)
{
  gint64 id = HW_IS_PLAN_ITEM_ROW (row) ? hw_plan_item_row_get_item_id (HW_PLAN_ITEM_ROW (row)) : 0;

  if (id != 0)
    edit_item (self, NULL, id);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
rebuild_versions (HwPlanEditor *self,
                  gint64        plan_id)
{
  g_autoptr(GPtrArray) versions = NULL;
  GtkWidget *group;

  clear_box (self->versions_box);
  if (plan_id == 0)
    return;
  versions = hw_plan_versions_select (self->store, plan_id, NULL);
  if (versions == NULL || versions->len == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Agreed Versions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each version prints exactly as it was agreed."));
  for (guint i = 0; i < versions->len; i++)
    {
      HwRecord *v = g_ptr_array_index (versions, i);
      gint64 number = hw_record_get_int (v, "number");
      g_autofree char *title = g_strdup_printf (_("Version %d"), (int) number);
      g_autofree char *label = g_strdup_printf (_("Print version %d again"), (int) number);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hw_record_get_string (v, "agreed_on"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button_new ("document-print-symbolic", label, "editor.reprint", number));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->versions_box, group);
}

static void
rebuild (HwPlanEditor *self)
{
  gint64 plan_id = hw_plan_editor_get_plan_id (self, FALSE);
  guint n_sections, n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  const HwPlanSection *sections = hw_plan_get_sections (self->kind, &n_sections);
  g_autoptr(HwRecord) plan = plan_id ? hw_store_get (self->store, "plans", plan_id, NULL) : NULL;

  self->updating = TRUE;
  clear_box (self->sections_box);
  g_hash_table_remove_all (self->section_lists);

  for (guint s = 0; s < n_sections; s++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *add = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      g_autofree char *add_label = NULL;
      guint n = 0;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _(sections[s].label));
      if (g_str_equal (sections[s].id, "support"))
        {
          /* the printed plan lists the service plan's aftercare supports
           * first; they are edited in the service plan */
          gint64 n_supports = hw_plan_count_aftercare_supports (self->store, self->case_id, NULL);
          g_autofree char *text = g_strdup_printf (ngettext ("The printed plan also lists %d support from the service plan.",
                                                             "The printed plan also lists %d supports from the service plan.",
                                                             n_supports),
                                                   (int) n_supports);

          if (n_supports > 0)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
        }
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add"));
      gtk_button_set_child (GTK_BUTTON (add), content);
      gtk_widget_add_css_class (add, "flat");
      /* TRANSLATORS: accessible name of a button; %s is a part of a plan such as "Safety rules" */
      add_label = g_strdup_printf (_("Add to %s"), _(sections[s].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", sections[s].id);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(sections[s].label), -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(HwRecord) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          if (g_str_equal (hw_record_get_string (item, "section"), sections[s].id))
            {
              gtk_list_box_append (GTK_LIST_BOX (list), item_row_new (self, item));
              n++;
            }
        }
      if (n == 0)
        {
          GtkWidget *placeholder = gtk_label_new (_("Nothing written yet."));

          gtk_widget_add_css_class (placeholder, "dim-label");
          gtk_widget_set_margin_top (placeholder, 12);
          gtk_widget_set_margin_bottom (placeholder, 12);
          gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->sections_box, group);
      g_hash_table_insert (self->section_lists, (gpointer) sections[s].id, list);
    }

  /* date and point person */
  /* after a change in the store (also someone else's) the date being
   * typed is left alone, and so is the version it was read at: applied,
   * it is refused if someone else changed the plan meanwhile, and their
   * date shown (show_stored_plan()) */
  if (!(self->reloading && hw_focus_within (GTK_WIDGET (self->date_row)) != NULL))
    {
      self->plan_version = plan ? hw_record_get_version (plan) : 0;
      gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                             plan == NULL ? "" : hw_record_get_string (plan, self->kind == HW_PLAN_SAFETY
                                                                               ? "review_date" : "closing_date"));
    }
  if (self->kind == HW_PLAN_REUNIFICATION)
    {
      gint64 point = plan ? hw_record_get_int (plan, "point_person_id") : 0;

      for (guint i = 0; i < self->point_ids->len; i++)
        if (g_array_index (self->point_ids, gint64, i) == point)
          adw_combo_row_set_selected (self->point_row, i);
    }

  /* where the plan stands */
  if (plan_id == 0 || hw_plan_get_latest_version (self->store, plan_id) == 0)
    gtk_label_set_text (self->status_label, _("Draft: not agreed yet."));
  else if (hw_plan_draft_changed (self->store, plan_id))
    {
      g_autofree char *text = g_strdup_printf (_("Changed since version %d was agreed: this is a new draft."),
                                               (int) hw_plan_get_latest_version (self->store, plan_id));
      gtk_label_set_text (self->status_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Version %d, as agreed."),
                                               (int) hw_plan_get_latest_version (self->store, plan_id));
      gtk_label_set_text (self->status_label, text);
    }
  rebuild_versions (self, plan_id);
  self->updating = FALSE;
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  HwPlanEditor *self = data;
  HwFocusMemo focus = { 0 };

  self->rebuild_id = 0;
  /* made again after every change, also someone else's: the keyboard's
   * place (the same entry's row, the same button) is kept */
  hw_focus_memo_save (&focus, GTK_WIDGET (self->sections_box));
  self->reloading = TRUE;
  rebuild (self);
  self->reloading = FALSE;
  hw_focus_memo_restore (&focus, GTK_WIDGET (self->sections_box));
  return G_SOURCE_REMOVE;
}

/* One edit can change several tables (an agreed version changes nothing
 * the list shows, yet the status and the versions): rebuild once, after. */
static void
store_changed_cb (HwPlanEditor *self,
                  const char   *table)
{
  static const char * const tables[] = { "plan_items", "plans", "plan_versions", "people", NULL };

  if (g_strv_contains (tables, table) && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

const char *
hw_plan_editor_get_status (HwPlanEditor *self)
{
  g_return_val_if_fail (HW_IS_PLAN_EDITOR (self), NULL);
  return gtk_label_get_text (self->status_label);
}

guint
hw_plan_editor_count_rows (HwPlanEditor *self,
                           const char   *section)
{
  GtkWidget *list = g_hash_table_lookup (self->section_lists, section);
  guint n = 0;

  for (GtkWidget *child = list ? gtk_widget_get_first_child (list) : NULL; child; child = gtk_widget_get_next_sibling (child))
    if (HW_IS_PLAN_ITEM_ROW (child))
      n++;
  return n;
}

/* Dates and point person ------------------------------------------------ */

/* The plan's version the date and the point person are saved over: the
 * one shown, or, for a plan started just now, the new plan's. */
static gint64 *
shown_version (HwPlanEditor *self,
               gint64        plan_id)
{
  if (self->plan_version == 0)
    {
      g_autoptr(HwRecord) plan = hw_store_get (self->store, "plans", plan_id, NULL);

      self->plan_version = plan ? hw_record_get_version (plan) : 0;
    }
  return &self->plan_version;
}

/* Someone else changed the plan since it was shown: the date and the
 * point person they saved are shown again (the message says to make the
 * change again). */
static void
show_stored_plan (HwPlanEditor *self,
                  gint64        plan_id)
{
  g_autoptr(HwRecord) plan = hw_store_get (self->store, "plans", plan_id, NULL);

  if (plan == NULL)
    return;
  self->updating = TRUE;
  self->plan_version = hw_record_get_version (plan);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         hw_record_get_string (plan, self->kind == HW_PLAN_SAFETY
                                                       ? "review_date" : "closing_date"));
  if (self->kind == HW_PLAN_REUNIFICATION)
    for (guint i = 0; i < self->point_ids->len; i++)
      if (g_array_index (self->point_ids, gint64, i) == hw_record_get_int (plan, "point_person_id"))
        adw_combo_row_set_selected (self->point_row, i);
  self->updating = FALSE;
}

static void
date_apply_cb (HwPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  gint64 plan_id;

  if (self->updating)
    return;
  plan_id = hw_plan_editor_get_plan_id (self, TRUE);
  if (plan_id == 0)
    return;
  if (!hw_plan_set_dates (self->store, plan_id, shown_version (self, plan_id),
                          self->kind == HW_PLAN_SAFETY ? text : NULL,
                          self->kind == HW_PLAN_SAFETY ? NULL : text, &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        show_stored_plan (self, plan_id);
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
point_selected_cb (HwPlanEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint i = adw_combo_row_get_selected (self->point_row);
  gint64 plan_id;

  if (self->updating || i >= self->point_ids->len)
    return;
  plan_id = hw_plan_editor_get_plan_id (self, TRUE);
  if (plan_id != 0 &&
      !hw_plan_set_point_person (self->store, plan_id, shown_version (self, plan_id),
                                 g_array_index (self->point_ids, gint64, i), &error))
    {
      hw_toast_show_error (GTK_WIDGET (self), error);
      /* a drop-down cannot show their text: it goes back to what is stored */
      if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
        show_stored_plan (self, plan_id);
    }
}

/* Actions --------------------------------------------------------------- */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  edit_item (HW_PLAN_EDITOR (widget), g_variant_get_string (parameter, NULL), 0);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  edit_item (HW_PLAN_EDITOR (widget), NULL, g_variant_get_int64 (parameter));
}

/* The version of the entry @item_id as its row shows it, 0 if no row
 * shows it. */
static gint64
shown_item_version (HwPlanEditor *self,
                    gint64        item_id)
{
  GHashTableIter iter;
  gpointer list;

  g_hash_table_iter_init (&iter, self->section_lists);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (HW_IS_PLAN_ITEM_ROW (child) &&
          hw_plan_item_row_get_item_id (HW_PLAN_ITEM_ROW (child)) == item_id)
        return hw_record_get_version (hw_plan_item_row_get_record (HW_PLAN_ITEM_ROW (child)));
  return 0;
}

/* An entry's removal or move was refused: someone else changed it since
 * it was shown. The entries are read again, so that theirs is shown
 * beside the message. */
static void
show_refusal (HwPlanEditor *self,
              const GError *error)
{
  hw_toast_show_error (GTK_WIDGET (self), error);
  if (g_error_matches (error, HW_STORE_ERROR, HW_STORE_ERROR_CONFLICT))
    {
      hw_record_list_refresh (self->items);
      /* not from within the row's own button, which rebuilding removes */
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
    }
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 item_id = g_variant_get_int64 (parameter);

  /* removed only as shown */
  if (!hw_plan_delete_item_at (self->store, item_id, shown_item_version (self, item_id), &error))
    {
      show_refusal (self, error);
      return;
    }
  hw_toast_show_undo (GTK_WIDGET (self), _("Entry removed"));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  gint64 item_id = g_variant_get_int64 (parameter);

  /* moved only from where it was shown */
  if (!hw_plan_move_item_at (self->store, item_id, shown_item_version (self, item_id),
                             g_str_equal (action_name, "editor.up") ? -1 : 1, &error))
    show_refusal (self, error);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (widget);
  gboolean agree = g_str_equal (action_name, "editor.agree");
  gint64 version = g_str_equal (action_name, "editor.reprint") ? g_variant_get_int64 (parameter) : 0;
  gint64 plan_id = hw_plan_editor_get_plan_id (self, TRUE);

  if (plan_id == 0)
    return;
  present (self, GTK_WINDOW (hw_plan_print_dialog_new (self->store, plan_id, version, agree)));
}

static void
import_added_cb (HwPlanEditor *self,
                 guint         n_added)
{
  g_autofree char *title = NULL;

  g_assert (HW_IS_PLAN_EDITOR (self));

  if (n_added == 0)
    {
      hw_toast_show (GTK_WIDGET (self),
                     adw_toast_new (_("Nothing new: those entries are in the plan already")));
      return;
    }
  title = g_strdup_printf (ngettext ("%u entry brought in from the meeting",
                                     "%u entries brought in from the meeting", n_added),
                           n_added);
  hw_toast_show_undo (GTK_WIDGET (self), title);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (widget);
  gint64 plan_id = hw_plan_editor_get_plan_id (self, TRUE);
  HwPlanImportDialog *dialog;

  if (plan_id == 0)
    return;
  dialog = hw_plan_import_dialog_new (self->store, plan_id);
  g_signal_connect_object (dialog, "added", G_CALLBACK (import_added_cb), self,
                           G_CONNECT_SWAPPED);
  present (self, GTK_WINDOW (dialog));
}

/* GObject --------------------------------------------------------------- */

static void
hw_plan_editor_constructed (GObject *object)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (object);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;
  gint64 none = 0;

  G_OBJECT_CLASS (hw_plan_editor_parent_class)->constructed (object);

  self->items = hw_plan_items_list_new (self->store, self->case_id, self->kind);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 self->kind == HW_PLAN_SAFETY ? _("Review date (year-month-day)")
                                                              : _("Projected closing date (year-month-day)"));
  g_signal_connect_object (self->date_row, "apply", G_CALLBACK (date_apply_cb), self, G_CONNECT_SWAPPED);
  /* a meeting's worries, goals and rules belong in the safety plan */
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), self->kind == HW_PLAN_SAFETY);

  if (self->kind == HW_PLAN_REUNIFICATION)
    {
      gtk_string_list_append (names, _("Nobody yet"));
      g_array_append_val (self->point_ids, none);
      people = hw_people_select (self->store, self->case_id, HW_PEOPLE_ADULTS, NULL);
      for (guint i = 0; people != NULL && i < people->len; i++)
        {
          HwRecord *p = g_ptr_array_index (people, i);
          gint64 id = hw_record_get_id (p);

          gtk_string_list_append (names, hw_record_get_string (p, "name"));
          g_array_append_val (self->point_ids, id);
        }
      adw_combo_row_set_model (self->point_row, G_LIST_MODEL (names));
      gtk_widget_set_visible (GTK_WIDGET (self->point_row), TRUE);
      g_signal_connect_object (self->point_row, "notify::selected", G_CALLBACK (point_selected_cb), self,
                               G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

static void
hw_plan_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_int (value) == HW_PLAN_REUNIFICATION ? HW_PLAN_REUNIFICATION : HW_PLAN_SAFETY;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_plan_editor_dispose (GObject *object)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->items);
  g_clear_pointer (&self->section_lists, g_hash_table_unref);
  G_OBJECT_CLASS (hw_plan_editor_parent_class)->dispose (object);
}

static void
hw_plan_editor_finalize (GObject *object)
{
  HwPlanEditor *self = HW_PLAN_EDITOR (object);

  g_clear_object (&self->store);
  g_array_unref (self->point_ids);
  G_OBJECT_CLASS (hw_plan_editor_parent_class)->finalize (object);
}

static void
hw_plan_editor_class_init (HwPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_plan_editor_constructed;
  object_class->set_property = hw_plan_editor_set_property;
  object_class->get_property = hw_plan_editor_get_property;
  object_class->dispose = hw_plan_editor_dispose;
  object_class->finalize = hw_plan_editor_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, HW_PLAN_SAFETY, HW_PLAN_REUNIFICATION, HW_PLAN_SAFETY,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/plans/hw-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, import_button);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, dates_group);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, point_row);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, HwPlanEditor, versions_box);

  gtk_widget_class_install_action (widget_class, "editor.add", "s", add_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.edit", "x", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.up", "x", move_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.down", "x", move_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.agree", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.reprint", "x", print_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, import_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_plan_editor_init (HwPlanEditor *self)
{
  self->section_lists = g_hash_table_new (g_str_hash, g_str_equal);
  self->point_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hw_plan_editor_new (HwStore    *store,
                    gint64      case_id,
                    HwPlanKind  kind)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLAN_EDITOR,
                       "store", store,
                       "case-id", case_id,
                       "kind", (int) kind,
                       NULL);
}
