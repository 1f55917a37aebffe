/* hw-placements-page.c: where each child of a case lives, and has lived.
 *
 * One boxed list per child (in the order of their names), the
 * placements in date order, the current one marked. The lists are read
 * again from the store (hw_placements_list) whenever placements or people
 * change, so an undo, another window or an import shows at once; the page
 * keeps no copy. As the key dates, it is a page of the case view
 * (hw-areas.c) so that its toasts land in the main window, whose Undo they
 * offer. Delete asks nothing: the toast's Undo brings the placement back.
 * The window is the agency's: it shows confidential addresses, and says
 * from whom they are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hw-placements-page"

#include <glib/gi18n.h>

#include "hw-focus-memo.h"
#include "hw-language.h"
#include "hw-people.h"
#include "hw-placement-dialog.h"
#include "hw-placements.h"
#include "hw-placements-page.h"
#include "hw-toast.h"

struct _HwPlacementsPage
{
  GtkWidget    parent_instance;

  HwStore     *store;
  gint64       case_id;
  guint        n_rows;

  /* template widgets */
  GtkLabel    *summary_label;
  GtkBox      *children_box;
  GtkLabel    *empty_label;
};

G_DEFINE_FINAL_TYPE (HwPlacementsPage, hw_placements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows ------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *icon_name,
            const char *action_name,
            gint64      id,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

/* "the family, support persons" for a recipient set */
static char *
kept_from (const char *set)
{
  g_auto(GStrv) parts = g_strsplit (set, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = g_str_equal (parts[i], "family") ? _("the family")
                         : g_str_equal (parts[i], "support") ? _("support persons")
                         : g_str_equal (parts[i], "screen") ? _("the projected screen")
                         : g_str_equal (parts[i], "agency") ? _("the agency") : NULL;

      if (word == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, word);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
placement_row_new (HwPlacementsPage *self,
                   HwRecord         *p,
                   gboolean          current,
                   gboolean          last)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 id = hw_record_get_id (p);
  HwRecipient agency = { HW_RECIPIENT_AGENCY, 0 };
  g_autofree char *from = hw_language_format_iso (hw_record_get_string (p, "start_date"),
                                                  HW_DATE_LONG, FALSE);
  const char *ends = hw_record_get_string (p, "ends");
  g_autofree char *until = *ends != '\0' ? hw_language_format_iso (ends, HW_DATE_LONG, FALSE)
                                         : NULL;
  g_autofree char *who = hw_placement_caregiver_for (p, self->store, &agency);
  const char *setting = hw_placement_setting_label (hw_record_get_string (p, "setting"));
  const char *address = hw_record_get_string (p, "address");
  const char *address_set = hw_record_get_string (p, "address_withheld_from");
  const char *reason = hw_record_get_string (p, "reason");
  const char *not_kin = hw_record_get_string (p, "kin_not_chosen_reason");
  g_autofree char *title = NULL;
  g_autofree char *change = NULL, *end = NULL, *remove = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (until != NULL)
    /* Translators: "2 March 2026 to 8 March 2026 · Foster family" */
    title = g_strdup_printf (_("%s to %s · %s"), from, until, setting);
  else if (current)
    /* Translators: "8 March 2026 to now · Relative (kin)" */
    title = g_strdup_printf (_("%s to now · %s"), from, setting);
  else
    /* Translators: "From 10 January 2027 · With a parent" (a move still to come) */
    title = g_strdup_printf (_("From %s · %s"), from, setting);

  if (who != NULL)
    /* Translators: who the child lives with */
    g_string_append_printf (subtitle, _("With %s"), who);
  if (*address != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, address);
      if (*address_set != '\0')
        {
          g_autofree char *whom = kept_from (address_set);

          /* Translators: "(kept from the family, support persons)" */
          g_string_append_printf (subtitle, _(" (kept from %s)"), whom);
        }
    }
  if (*reason != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: why the child moved to this placement */
      g_string_append_printf (subtitle, _("Why: %s"), reason);
    }
  if (!hw_placement_setting_is_kin (hw_record_get_string (p, "setting")))
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, hw_record_get_boolean (p, "kin_considered")
                                 ? _("Relatives were considered first.")
                                 : _("Relatives were not considered first."));
      if (*not_kin != '\0')
        g_string_append_printf (subtitle, " %s", not_kin);
    }

  /* names and addresses are text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);
  if (current)
    {
      GtkWidget *now = gtk_label_new (_("Lives here now"));

      gtk_widget_add_css_class (now, "accent");
      gtk_widget_set_valign (now, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), now);
    }

  /* Translators: %s is a placement such as "8 March 2026 to now · Relative (kin)" */
  change = g_strdup_printf (_("Change %s"), title);
  end = g_strdup_printf (_("End %s"), title);
  remove = g_strdup_printf (_("Delete %s"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("document-edit-symbolic", "placements.change", id,
                                         change));
  /* a placement that a move ends needs no end of its own */
  if (last && hw_record_get_string (p, "end_date")[0] == '\0')
    {
      /* a word, not an icon: no icon says "this stay is over" plainly */
      GtkWidget *button = gtk_button_new_with_label (_("End…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, end);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      end, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "placements.end");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button ("user-trash-symbolic", "placements.delete", id, remove));
  /* Enter or a click on the row changes it */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "placements.change");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (id));
  return row;
}

static GtkWidget *
child_list_new (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("No placement recorded yet."));
  /* Translators: the name of the list of one child's placements */
  g_autofree char *label = g_strdup_printf (_("Placements of %s"), name);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  return list;
}

static gboolean
is_current (GPtrArray *current,
            HwRecord  *placement)
{
  for (guint i = 0; i < current->len; i++)
    if (hw_record_get_id (g_ptr_array_index (current, i)) == hw_record_get_id (placement))
      return TRUE;
  return FALSE;
}

static void
fill_rows (HwPlacementsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n_children = 0;

  g_assert (HW_IS_PLACEMENTS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->children_box))) != NULL)
    gtk_box_remove (self->children_box, child);
  self->n_rows = 0;

  rows = hw_placements_list (self->store, self->case_id, 0, &error);
  current = rows ? hw_placements_current (self->store, self->case_id, NULL, &error) : NULL;
  people = current ? hw_people_select (self->store, self->case_id, HW_PEOPLE_CHILDREN_LAST,
                                       &error) : NULL;
  if (people == NULL)
    {
      g_warning ("Cannot read the placements: %s", error->message);
      return;
    }

  for (guint c = 0; c < people->len; c++)
    {
      HwRecord *kid = g_ptr_array_index (people, c);
      const char *name = hw_record_get_string (kid, "name");
      GtkWidget *heading = gtk_label_new (name);
      GtkWidget *list = child_list_new (name);
      HwRecord *last = NULL;

      if (!g_str_equal (hw_record_get_string (kid, "role"), "child"))
        continue;
      n_children++;
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      /* a long name wraps, even one long word: it never widens the window */
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, n_children > 1 ? 12 : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                      3, -1);
      gtk_box_append (self->children_box, heading);
      gtk_box_append (self->children_box, list);
      for (guint i = 0; i < rows->len; i++)
        if (hw_record_get_int (g_ptr_array_index (rows, i), "child_id") == hw_record_get_id (kid))
          last = g_ptr_array_index (rows, i);
      for (guint i = 0; i < rows->len; i++)
        {
          HwRecord *p = g_ptr_array_index (rows, i);

          if (hw_record_get_int (p, "child_id") != hw_record_get_id (kid))
            continue;
          gtk_list_box_append (GTK_LIST_BOX (list),
                               placement_row_new (self, p, is_current (current, p), p == last));
          self->n_rows++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_children == 0);

  summary = hw_placements_summary (self->store, self->case_id, NULL);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');
}

/* Made again on every change of the store, also someone else's: the
 * keyboard's place is kept (the same row, the same button). */
static void
fill (HwPlacementsPage *self)
{
  HwFocusMemo focus = { 0 };

  hw_focus_memo_save (&focus, GTK_WIDGET (self->children_box));
  fill_rows (self);
  hw_focus_memo_restore (&focus, GTK_WIDGET (self->children_box));
}

static void
store_changed_cb (HwPlacementsPage *self,
                  const char       *table)
{
  if (g_strcmp0 (table, "placements") == 0 || g_strcmp0 (table, "people") == 0)
    fill (self);
}

/* Actions ---------------------------------------------------------------- */

static void
saved_cb (HwPlacementsPage *self,
          gint64            id,
          GtkWindow        *dialog)
{
  g_autoptr(HwRecord) record = NULL;
  gboolean ending = FALSE;

  g_assert (HW_IS_PLACEMENTS_PAGE (self));

  /* the dialog's record is the placement it changed; none when it added */
  g_object_get (dialog, "record", &record, "ending", &ending, NULL);
  hw_toast_show_undo (GTK_WIDGET (self),
                      record == NULL ? _("Placement added")
                      : ending ? _("Placement ended") : _("Placement changed"));
}

static void
open_dialog (HwPlacementsPage *self,
             HwRecord         *record,
             gboolean          ending)
{
  GtkWindow *dialog = hw_placement_dialog_new (self->store, self->case_id, record, ending);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (HW_IS_PLACEMENTS_PAGE (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hw_placements_page_add (HW_PLACEMENTS_PAGE (widget));
}

static void
change_or_end (GtkWidget *widget,
               GVariant  *parameter,
               gboolean   ending)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(HwRecord) record = hw_store_get (self->store, "placements",
                                             g_variant_get_int64 (parameter), &error);

  if (record == NULL)
    {
      hw_toast_show_error (widget, error);
      return;
    }
  open_dialog (self, record, ending);
}

static void
change_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_or_end (widget, parameter, FALSE);
}

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_or_end (widget, parameter, TRUE);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!hw_placements_delete (self->store, g_variant_get_int64 (parameter), &error))
    {
      hw_toast_show_error (widget, error);
      return;
    }
  hw_toast_show_undo (widget, _("Placement deleted"));
}

/* GObject ---------------------------------------------------------------- */

static void
hw_placements_page_constructed (GObject *object)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (object);

  G_OBJECT_CLASS (hw_placements_page_parent_class)->constructed (object);

  g_assert (HW_IS_STORE (self->store));

  fill (self);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
hw_placements_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (object);

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
hw_placements_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (object);

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
hw_placements_page_dispose (GObject *object)
{
  HwPlacementsPage *self = HW_PLACEMENTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HW_TYPE_PLACEMENTS_PAGE);
  /* dispose_template only unparents the children bound to fields */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hw_placements_page_parent_class)->dispose (object);
}

static void
hw_placements_page_class_init (HwPlacementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hw_placements_page_constructed;
  object_class->get_property = hw_placements_page_get_property;
  object_class->set_property = hw_placements_page_set_property;
  object_class->dispose = hw_placements_page_dispose;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HW_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/homeward/Homeward/"
                                               "cases/hw-placements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HwPlacementsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementsPage, children_box);
  gtk_widget_class_bind_template_child (widget_class, HwPlacementsPage, empty_label);

  gtk_widget_class_install_action (widget_class, "placements.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "placements.change", "x", change_action_cb);
  gtk_widget_class_install_action (widget_class, "placements.end", "x", end_action_cb);
  gtk_widget_class_install_action (widget_class, "placements.delete", "x", delete_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hw_placements_page_init (HwPlacementsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public ----------------------------------------------------------------- */

GtkWidget *
hw_placements_page_new (HwStore *store,
                        gint64   case_id)
{
  g_return_val_if_fail (HW_IS_STORE (store), NULL);

  return g_object_new (HW_TYPE_PLACEMENTS_PAGE, "store", store, "case-id", case_id, NULL);
}

void
hw_placements_page_add (HwPlacementsPage *self)
{
  g_return_if_fail (HW_IS_PLACEMENTS_PAGE (self));

  open_dialog (self, NULL, FALSE);
}

guint
hw_placements_page_get_n_rows (HwPlacementsPage *self)
{
  g_return_val_if_fail (HW_IS_PLACEMENTS_PAGE (self), 0);

  return self->n_rows;
}
